"""Concept phrasings from the forty-seventh dev set (corrections and second thoughts) and the
forty-eighth (quoted and forwarded words) that the rules read wrongly.

The two mechanisms of those sets live in `understand.py`: words in quotation marks are someone
else's unless the writer owns them (`quoted`, `_OWNS_QUOTE`, `_OWN_SOURCE`), a sign put right to
someone else (`_NOT_MINE`), a word typed wrongly (`_MISTYPED`) and a denial taken back
(`_TAKEN_BACK`). Here: "when we were intimate", "fell out of the hay loft", "bumped down onto my
bottom", "can't get it started", "stopped the diet ages ago", "pile-up", Spanish signs;
look-alikes "not that I fell", "I was wrong about", "let's say", "but no, it was the blanket",
"it's not that", "not my mum's", "can barely stand", "strong as anything now", a hydration
bladder, fall-risk assessments, "cancer is my whole day", "as feverish as my life gets", "your
list says".
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import one_of as _in

DEV47_RULES: list[Rule] = []

_add = adder(DEV47_RULES)

# -- signs ----------------------------------------------------------------------------------------
# "when we were intimate yesterday everything was numb"
_add("SEX_CTX",
     [_in("were", "was", "being", "are", "get", "got"), _in("intimate")],
     [_in("sexo", "sexuales", "sexual")])  # fmt: skip
# "he fell out of the hay loft" (not "fell out with my sister")
_add("FALL",
     [_in("fell", "fallen", "tumbled", "toppled", "dropped"), _in("out"), _in("of"),
      _in("the", "a", "his", "her", "my", "our", "their"),
      {"LOWER": {"IN": ["hay", "upstairs", "bedroom", "top"]}, "OP": "?"},
      _in("loft", "hayloft", "window", "tree", "bunk", "attic", "barn", "truck", "lorry",
          "cab", "tractor", "van", "helicopter", "wheelchair")])  # fmt: skip
# "I did bump down onto my bottom", "came down hard on my tailbone"
_add("FALL",
     [_in("bump", "bumped", "came", "landed", "went", "thumped"),
      _in("down"), {"LOWER": {"IN": ["hard", "heavily", "straight"]}, "OP": "?"},
      _in("onto", "on"), _in("my"),
      _in("bottom", "bum", "backside", "tailbone", "coccyx", "butt", "behind")])  # fmt: skip
# "I can't get it started at all" (the stream)
_add("DYSFUNCTION",
     [_in("ca", "can", "cannot", "could", "couldnt", "cant"),
      {"LOWER": {"IN": ["n't", "not", "nt"]}, "OP": "?"}, _in("get"),
      _in("it", "the", "my", "a"), {"LOWER": {"IN": ["flow", "stream", "wee", "pee"]},
                                    "OP": "?"},
      _in("started", "going", "flowing", "out")])  # fmt: skip
# "i cant feel the stream at all": a bladder without sensation
_add("BLADDER",
     [_in("ca", "can", "cannot", "cant", "could", "couldnt"),
      {"LOWER": {"IN": ["n't", "not", "nt"]}, "OP": "?"}, _in("feel"), _in("the", "my", "it"),
      _in("stream", "flow", "wee", "pee", "urine")])  # fmt: skip
# "I stopped the diet ages ago and I'm still losing weight"
_add("UNEXPLAINED",
     [_in("stopped", "quit", "finished", "ended", "dropped"), _in("the", "my"),
      _in("diet", "dieting", "keto", "fast", "fasting", "plan", "injections", "jabs",
          "ozempic", "mounjaro", "wegovy"),
      {"LOWER": {"IN": ["ages", "months", "weeks", "a", "long", "while", "time"]}, "OP": "*"},
      _in("ago", "back")])  # fmt: skip
# "Multi-car pile-up on A1"
_add("SEVERE_TRAUMA", [_in("pile"), {"ORTH": "-"}, _in("up")], [_in("pileup", "pile-up")])
# Spanish: "no puedo controlar la vejiga", "adormecimiento en la zona del sillín", "no siento
# nada durante el sexo"
_add("ELIMINATION", [_in("vejiga", "orina", "intestino", "intestinos")])
_add("CONTROL_LOSS",
     [_in("no"), _in("puedo", "puede", "puedes", "podía", "podia", "pude"),
      _in("controlar", "control", "aguantar", "retener")])  # fmt: skip
# "Lost 8 kilos unexpectedly in 3 months"
_add("UNEXPLAINED", [_in("unexpectedly", "unintentionally", "inexplicably", "mysteriously")])
# "The scales at the GP said 58kg, I was 65kg in spring"
_add("WEIGHT",
     [_in("i"), _in("was", "weighed"),
      {"TEXT": {"REGEX": r"^\d{2,3}(?:[.,]\d)?(?:kg|kgs|lb|lbs|st)?$"}},
      {"LOWER": {"IN": ["kg", "kgs", "kilos", "lb", "lbs", "pounds", "stone", "st"]}, "OP": "?"},
      _in("in", "at", "last", "back", "before", "this", "a")])  # fmt: skip
# "Any new sexual dysfunction"
_add("SEXUAL", [_in("sexual"), _in("dysfunction")])
_add("SENSORY",
     [_in("adormecimiento", "adormecido", "adormecida", "entumecido", "entumecida",
          "entumecimiento", "hormigueo")],
     # (not "no siento nada de dolor", "no noto nada raro")
     [_in("no"), _in("siento", "sentía", "sentia", "noto"), _in("nada"),
      _in("durante", "cuando", "ahí", "ahi", "abajo", ",", ".")])  # fmt: skip
_add("SADDLE", [_in("sillín", "sillin", "entrepierna", "genitales", "perineo")])

# -- look-alikes ----------------------------------------------------------------------------------
# "my hydration pack is called a bladder", "the water bladder in my rucksack"
_add("IDIOM",
     [_in("hydration", "water", "camelbak", "drinks", "drink"),
      {"LOWER": {"IN": ["pack", "bag", "reservoir", "system"]}, "OP": "?"},
      {"LOWER": {"IN": ["is", "called", "a", "'s"]}, "OP": "*"}, _in("bladder")],
     [_in("called"), _in("a", "the"), _in("bladder")])  # fmt: skip
# "doing fall-risk assessments", "falls are on my mind"
_add("IDIOM",
     [_in("fall", "falls"), {"ORTH": "-", "OP": "?"},
      _in("risk", "risks", "prevention", "assessments", "assessment")],
     [_in("falls", "fall", "falling"), _in("are", "is"), _in("on"), _in("my"),
      _in("mind")])  # fmt: skip
# "I work in oncology so cancer is my whole day"
_add("IDIOM",
     [_in("cancer", "oncology"), _in("is"), _in("my"),
      _in("whole", "entire", "every", "job", "work", "life", "world")],
     [_in("work", "worked", "working"), _in("in", "on"), _in("oncology", "cancer")])  # fmt: skip
# "my back is the same as always": its usual self
_add("IDIOM", [_in("the"), _in("same"), _in("as"), _in("always", "ever", "usual", "normal")])
# "it was the sole coming off my trainer"
_add("IDIOM",
     [_in("the", "my", "a"), _in("sole", "soles", "heel", "strap", "lace", "laces", "buckle"),
      _in("coming", "came", "come", "falling", "fell"), _in("off", "apart", "away"),
      {"LOWER": {"IN": ["my", "the", "of"]}, "OP": "*"},
      {"LOWER": {"IN": ["trainer", "trainers", "shoe", "shoes", "boot", "boots"]},
       "OP": "?"}])  # fmt: skip
# "That's about as feverish as my life gets"
_add("IDIOM", [_in("as"), _in("feverish", "fevered"), _in("as")])

DEV47_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "I meant 'I fell behind' with the stretches, not that I fell"
    ("not that i", "NEGATED_EXISTENCE", "FORWARD", [_in("not"), _in("that"), _in("i")], None),
    # "Let's say my foot started dragging one day"
    ("let's say", "HYPOTHETICAL", "FORWARD",
     # (not "Let's say I'm not great — fell down the stairs")
     [_in("let", "lets"), {"LOWER": {"IN": ["'s", "’s", "us"]}, "OP": "?"},
      _in("say", "imagine", "pretend", "suppose"), _in("my", "your", "someone", "a", "the")],
     None),
    # "it's not that I'm peeing more often, it's that I can't get it started"
    ("it's not that", "PSEUDO", "FORWARD",
     [_in("it", "it's", "its"), {"LOWER": {"IN": ["'s", "’s", "is"]}, "OP": "?"}, _in("not"),
      _in("that")], None),
    # "not my mum's osteoporosis — mine"
    ("not my mum's", "PSEUDO", "FORWARD",
     [_in("not"), _in("my", "his", "her"),
      _in("mum", "mom", "mother", "dad", "father", "wife", "husband", "partner", "son",
          "daughter", "sister", "brother", "gran", "nan", "friend"), _in("'s", "’s")], None),
    # "both his legs are numb and he can barely stand up"
    ("can barely stand", "PSEUDO", "FORWARD",
     [_in("can", "could", "ca"), _in("barely", "hardly", "scarcely"),
      _in("stand", "walk", "move", "get", "lift", "feel", "control", "hold")], None),
    # "he can barely stand up from the chair", "since she got up from her chair": when, not why
    ("stand up from", "PSEUDO", "FORWARD",
     [_in("stand", "standing", "stood", "get", "getting", "got"), _in("up", "out"),
      _in("from", "off", "of")], None),
    # "when we were intimate yesterday": a time, not a supposition
    ("when we were", "PSEUDO", "FORWARD",
     [_in("when"), _in("we", "i"), _in("were", "was", "tried", "had", "made")], None),
    ("since she got up from", "PSEUDO", "FORWARD",
     [_in("since", "when", "after", "as"), _in("she", "he", "i", "they", "we"),
      _in("got", "stood", "came"), _in("up", "out"), _in("from", "off", "of")], None),
    # A letter "from 2016": what it says is old
    ("letter from 2016", "HISTORICAL", "FORWARD",
     [_in("letter", "report", "notes", "note", "scan", "records", "summary"), _in("from", "in"),
      {"TEXT": {"REGEX": r"^(?:19[5-9]\d|20[0-2]\d)$"}}], None),
    # "Your list says night pain — that's not me, right?": the bot's own words, quoted
    ("your list says", "HYPOTHETICAL", "FORWARD",
     [_in("your", "the"), _in("list", "warning", "leaflet", "table", "message", "checklist",
                            "question"),
      _in("says", "said", "mentions", "mentioned", "asks", "asked")], None),
]  # fmt: skip

DEV47_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    # "I've never taken steroids"
    ([("never taken", "NEGATED_EXISTENCE", "FORWARD",
       [_in("never", "not", "n't"), _in("taken", "had", "used", "been", "took", "on")])],
     {"BONE_RISK"}),
]  # fmt: skip

DEV47_WHOLE: list[tuple[str, str, str, Pattern]] = [
    # "Does 'loss of function during sex' mean erection problems in general?"
    ("in general?", "HYPOTHETICAL", "BACKWARD",
     [_in("in"), _in("general"), _in("?")]),
    # "I weighed myself properly today and it's exactly the same as last month"
    ("exactly the same as last month", "NEGATED_EXISTENCE", "BACKWARD",
     [_in("exactly", "just", "still"), _in("the"), _in("same"), _in("as"),
      _in("last", "before", "usual", "always")]),
    # "thought my legs were tingling but no, it was the fleece blanket tickling"
    ("but no, it was", "NEGATED_EXISTENCE", "BACKWARD",
     [_in("but", "and"), _in("no", "nope", "nah"), {"ORTH": ",", "OP": "?"}, _in("it", "that"),
      _in("was", "'s", "’s", "is")]),
    # "my weak ankle from the sprain two summers ago is strong as anything now"
    ("strong as anything now", "HISTORICAL", "BACKWARD",
     [_in("is", "'s", "’s", "are", "feels"), _in("strong", "fine", "healed", "normal"),
      {"LOWER": {"IN": ["as", "anything", "again", "completely", "totally"]}, "OP": "*"},
      _in("now")]),
]  # fmt: skip
