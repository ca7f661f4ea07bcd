"""Concept phrasings from the fourth dev set: the kinds of phrasing it showed we missed.

bot/coach/concepts.py and concepts_more.py hold the earlier sets. This one adds a body part that
feels like someone else's, a sign a partner noticed, a dead patch, "both legs giving way" after
"can barely", feet "wrapped in cotton wool", sciatica that spread to the other leg, pee that
won't come out and soiling without warning, the bedroom named for sex, falls from raised places,
a horse that threw the rider, airbags, a dive into the shallow end, a tackle or a "came off" and
a fall said as a noun ("fall in the shower"), someone else's doing ("someone rear-ended me"),
companions ("with the kids"), weight that "keeps dropping" with "not sure how", pain worse lying
down; and harmless look-alikes: scores and counts that fall, figurative crashes, a star sign,
numbness from the dentist, a limb that fell asleep in a pose, weight lost on a diet, "over it now";
and, from the semantic layer's false alarms out of fold, "dont" as a negation, "I pee fine", pain
that eases lying down, a chest that "feels open", weight one is trying to lose.
"""

from __future__ import annotations

from typing import Any

from bot.coach.patterns import OPT as _OPT
from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

_COMPANY = (r"^(kids|kid|children|child|son|daughter|nephews?|nieces?|grandkids|"
            r"grandchildren|family|friends|mates|team|wife|husband|partner|girlfriend|"
            r"boyfriend|dog)$")  # fmt: skip
_PARTNER = (r"^(partner|wife|husband|girlfriend|boyfriend|fiance|fiancee|missus|hubby|"
            r"other|spouse)$")  # fmt: skip
_ME_NOW = _in("too", "also")
_DIET = _re(
    r"^(diet|dieting|fasting|fast|keto|slimming|calorie|calories|weightwatchers|"
    r"ozempic|wegovy|mounjaro|deficit)$"
)

DEV4_RULES: list[Rule] = []

_add = adder(DEV4_RULES)


# -- a part that feels like someone else's, a dead patch, non-native "I no feel" -----------------
_add("SENSORY",
     [_in("belongs", "belong", "belonged", "belonging"), _in("to"), _in("someone", "somebody"),
      _in("else")],
     [_in("someone", "somebody"), _in("else", "elses", "else's"), {"TEXT": "'s", "OP": "?"}],
     [_in("do", "does", "did"), _in("n't", "not"), _in("belong")],
     [_in("dont", "doesnt", "didnt"), _in("belong")],
     [_in("is", "are", "was", "were"), _in("n't", "not"), _in("mine")],
     [_in("isnt", "isn't", "arent", "aren't", "not"), _in("mine")],
     [_in("not"), _in("part"), _in("of"), _in("me")],
     [_in("dead", "numb"), _in("patch", "spot", "patches", "spots")],
     [_in("i"), _in("no", "not"), _in("feel", "feeling")],
     # "I don't have much feeling in my bum", "haven't got any sensation"
     [_in("do", "does", "did", "have", "has"), _in("n't", "nt", "not"), _in("have", "got"),
      _OPT, _in("feeling", "sensation")],
     [_in("have", "has"), _in("n't", "nt", "not"), _in("much", "any"),
      _in("feeling", "sensation")],
     [_in("nothing"), _in("feels"), _in("like"), _in("anything")],
     [_in("cotton"), _in("wool")], [_in("wrapped", "padded", "stuffed"), _in("in", "with")],
     [_in("walking", "walk", "standing", "stand"), _in("on"),
      _re(r"^(pillows?|cushions?|sponges?|clouds?|cotton|marshmallows?)$")],
     [_in("thick"), _in("socks", "gloves")])  # fmt: skip
_add("SADDLE", [_in("private", "intimate"), _in("area", "parts", "bits", "region")])

# -- both legs: the other one too, spreading across -------------------------------------------
_add("LEGS",
     [_in("left", "right", "other"), _in("one", "leg", "side", "foot"), _OPT, _OPT, _OPT,
      _ME_NOW],
     [_in("left", "right", "other"), _in("one", "leg", "side", "foot"), _OPT, _OPT, _in("as"),
      _in("well")],
     [_in("spread", "spreading", "spreads", "jumped", "crossed", "moved"), _OPT, _OPT,
      _in("to", "into"), _in("the", "my"), _in("other")])  # fmt: skip

# -- bladder, bowel and sex in other words -------------------------------------------------------
_add("DYSFUNCTION",
     [_in("wo", "does", "did", "is", "will", "can", "ca"), _in("n't", "not"), _OPT,
      _in("come", "coming"), _in("out")],
     [_re(r"^(not|wont|doesnt|didnt|isnt|never|cant)$"), _OPT, _in("come", "coming"),
      _in("out")],
     [_in("without", "with"), _OPT, _OPT,
      _re(r"^(warning|knowing|realising|realizing|noticing|feeling)$")],
     [_re(r"^(hav'?nt|havent|hasnt|n't|nt|not|never)$"), _in("been"), _in("able"), _in("to")],
     [_in("nothing"), _in("works", "working")])  # fmt: skip
# "I don't seem to notice when I'm wetting myself": not feeling it is the sign.
_NOT_LIKE: dict[str, Any] = {"LOWER": {"NOT_IN": ["like", "the", "a", "any", "my"]}, "OP": "?"}
_add("BLADDER", *[[*c, _OPT, _OPT, _in("notice", "feel", "realise", "realize", "know", "sense"),
                   *[_NOT_LIKE] * 3,
                   _re(r"^(wet\w*|pee\w*|wee\w*|soil\w*|poo\w*|leak\w*)$")]
                  for c in ([_in("do", "does", "did", "ca", "can", "could"),
                             _in("n't", "nt", "not")],
                            [_re(r"^(dont|doesnt|didnt|cant|couldnt|never)$")])])  # fmt: skip
_add("SEX_CTX",
     [_in("bedroom"), _in("department", "side", "life", "stuff", "things")],
     [_in("things", "nothing", "everything"), _OPT, _in("in"), _in("the"), _in("bedroom")],
     [_in("sex", "love"), _in("life")], [_re(r"^(intimacy|lovemaking)$")],
     [_in("making"), _in("love")])  # fmt: skip

# -- serious falls and crashes -------------------------------------------------------------------
_add("HEIGHT", [_re(r"^(hayloft|mezzanine|attic|gantry|platform|pier|"
                    r"jetty|bridge|bunk|rafters|haystack)$")],
     [_in("climbing", "bouldering"), _in("wall")])  # fmt: skip
_add("SEVERE_TRAUMA",
     [_in("horse", "pony"), _re(r"^(threw|thrown|bucked|tossed|flung|chucked)$")],
     [_re(r"^airbags?$"), _re(r"^(went|deployed|go|exploded|came|popped|blew|going)$")],
     [_re(r"^(dived|dove|dive|diving|jumped)$"), _in("into", "in"), _OPT, _in("shallow")],
     [_in("shallow"), _in("end", "water", "pool")],
     [_in("hit", "hitting", "struck"), _in("the"), _in("bottom")])  # fmt: skip
_add("FALL",
     [_in("landed"), _in("hard", "flat", "heavily", "awkwardly"), _in("on")],
     [_in("got", "was", "been", "get", "gets", "getting"), _OPT,
      _re(r"^(tackled|flattened|floored|clattered|sacked|bodychecked|knocked)$")],
     [_in("came", "come", "coming"), _in("off"), _in("my", "the", "a", "his", "her"),
      {"LOWER": {"NOT_IN": ["pill", "pills", "meds", "medication", "tablets", "steroids",
                            "diet", "phone", "call", "list", "rota", "drugs", "booze", "sugar",
                            "motorbike", "motorcycle", "horse", "scooter", "quad", "moped",
                            "pony"]}}],
     [_in("fall", "slip", "tumble", "trip"), _in("in", "on", "down", "at", "off", "from"), _OPT,
      _re(r"^(shower|bath|bathroom|ice|icy|stairs|steps|pavement|floor|kitchen|garden|street|"
          r"road|wet|gym|path|driveway|yard|work|pitch|court|mud|stair)$")])  # fmt: skip

# -- weight that keeps dropping, and "not sure how" ----------------------------------------------
_add("WEIGHT",
     [_in("weight", "weight's"), _OPT, _OPT,
      _re(r"^(dropping|dropped|falling|fell|drops|falls|melting|plummet\w*|tumbling)$")],
     [_in("weight", "weight's", "scales"), _OPT, _OPT,
      _in("going", "gone", "goes", "went", "coming", "came", "keep"), _in("down", "off")],
     [_in("look", "looking", "looks"), _OPT, _re(r"^(thin|thinner|gaunt|skinny|skinnier)$")],
     [_in("notch", "notches", "hole", "holes"), _in("tighter")])  # fmt: skip
_add("UNEXPLAINED",
     [_in("not"), _in("sure"), _in("how", "why")], [_in("no"), _in("idea"), _in("how")],
     [_in("do", "did"), _in("n't", "not"), _in("know"), _in("how", "why")],
     [_in("dont", "didnt"), _in("know"), _in("how", "why")],
     [_in("ca", "can", "could"), _in("n't", "not"), _in("explain", "account")],
     [_in("cant", "cannot", "couldnt"), _in("explain", "account")],
     [_in("not", "no", "never", "without"), _OPT, _OPT, _DIET],
     [_in("eat", "eating"), _in("normally", "properly", "plenty", "loads", "the")])  # fmt: skip

# "I haven't changed anything": nothing explains a weight loss (safety.py reads it so), and
# nothing has changed in the pain.
_add("NOCHANGE",
     [_in("have", "has", "did"), _in("n't", "nt", "not"), _in("changed", "change"),
      _in("anything", "a", "what", "my", "how")],
     [_in("havent", "hasnt", "didnt", "not"), _in("changed", "change"),
      _in("anything", "a", "what", "how")], [_in("changed"), _in("nothing")])  # fmt: skip

# -- worse lying down, nights the worst ---------------------------------------------------------
_LIE = ("lying", "lie", "laying", "lay")
_add("NIGHT",
     [_in(*_LIE), _OPT, _in("makes", "make", "made", "making"), _OPT, _OPT, _OPT, _in("worse")],
     [_in("worse"), _in("when", "if", "whenever", "while", "once"), _OPT, _in(*_LIE)],
     [_in("worse"), _in("lying", "laying", "in")], [_in("sleeping", "sleep", "slept"),
      _OPT, _in("sitting", "upright", "propped")],
     [_in("night", "nights", "nighttime", "night-time"), _in("is", "are", "'s"), _in("the"),
      _in("worst")], [_in("from", "since"), _in("midnight")])  # fmt: skip

# -- harmless look-alikes ----------------------------------------------------------------------
_add("IDIOM",
     [_re(r"^(score|scores|count|level|levels|rating|average|reading|readings|number|numbers|"
          r"pressure|bp|sugar|sugars|cholesterol|temperature|weight)$"),
      _in("fell", "fallen", "falls", "fall", "dropped", "has", "have", "went", "came"),
      _OPT, _in("from", "to", "down", "below")],
     [_in("fell", "fallen", "dropped", "falling", "went", "came"), _OPT, _in("from"),
      _re(r"^\d+(/10)?$"), _in("to"), _re(r"^\d+")],
     [_re(r"^(sugar|energy|caffeine|carb|afternoon|blood|post-lunch|mood)$"),
      _in("crash", "crashed", "crashes", "dip")],
     [_re(r"^(laptop|computer|pc|app|phone|server|system|website|site|game|browser|internet|"
          r"wifi|tablet|ipad|screen|video|zoom)$"), _OPT, _in("crashed", "crashes", "crash")],
     [_in("crash"), _in("course", "diet", "mat", "mats", "pad", "helmet", "test", "landing")],
     [_in("a", "typical", "classic", "fellow", "total", "such", "proper"),
      {"TEXT": {"IN": ["Cancer", "CANCER"]}},
      {"LOWER": {"NOT_IN": ["survivor", "patient", "sufferer", "diagnosis", "scare", "history",
                            "treatment", "in", "and", "that", "which"]}}],
     [_in("cancer", "cancers"), _in("season", "sun", "moon", "rising", "horoscope", "traits")],
     [_in("star"), _in("sign")])  # fmt: skip

# -- ConText: who did it, who noticed, who was there ---------------------------------------------
DEV4_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "someone rear-ended me": another's doing, the person's own injury.
    ("someone hit me", "PSEUDO", "FORWARD",
     [_in("someone", "somebody", "a"), _OPT,
      _re(r"^(rear|ran|run|hit|crashed|drove|knocked|pushed|tackled|bumped|shunted|reversed|"
          r"backed|smashed|ploughed|plowed|slammed|went|pulled|t)$")], None),
    # "nobody called an ambulance": nobody else is ill, the person is.
    ("nobody called", "PSEUDO", "FORWARD",
     [_in("nobody", "noone", "no"), {"LOWER": "one", "OP": "?"},
      _in("called", "rang", "phoned", "came", "helped", "stopped", "checked", "believed")], None),
    # "my girlfriend noticed I had no feeling": the partner saw it; the sign is the person's.
    ("partner noticed", "PSEUDO", "BIDIRECTIONAL",
     [_in("my", "the"), _re(_PARTNER), _OPT,
      _in("noticed", "noticed", "said", "says", "pointed", "told", "thinks", "reckons",
          "mentioned", "spotted", "realised", "realized", "asked")], None),
    ("she touched me", "PSEUDO", "FORWARD",
     [_in("she", "he", "they"), _in("touched", "touches", "touch", "felt", "pressed", "poked")],
     None),
    # "playing football with the kids": company, not someone else's sign.
    ("with the kids", "PSEUDO", "BIDIRECTIONAL",
     [_in("with", "against"), _in("the", "my", "our"), _OPT, _re(_COMPANY)], None),
    # "can barely stand": not a general question.
    ("can barely", "PSEUDO", "FORWARD",
     [_in("can", "could", "ca"), _in("barely", "hardly", "scarcely", "only")], None),
    # "numb like after the dentist" is a comparison, not the cause.
    ("like after the dentist", "PSEUDO", "FORWARD",
     [_in("like", "as"), _OPT, _OPT, _OPT, _re(r"^(dentist|dentists|dentist's|dental|filling|"
                                                r"anaesthetic|anesthetic|novocaine|injection)$")],
     None),
    # "i dont have any pain": spaCy cuts "dont" into "do" "nt", which ConText does not know.
    ("dont", "NEGATED_EXISTENCE", "FORWARD",
     [_in("do", "does", "did", "is", "was", "are", "were", "have", "has"), _in("nt")], None),
    ("over it now", "HISTORICAL", "BACKWARD",  # "I'm over it now", not "a film over it"
     [_in("'m", "am", "im", "i'm", "was", "got", "get", "getting", "be", "been", "all", "well"),
      {"LOWER": {"IN": ["totally", "completely", "so", "well", "fully", "all"]}, "OP": "?"},
      _in("over"), _in("it", "that", "them")], None),
    ("fully recovered", "HISTORICAL", "BACKWARD",
     [_in("fully", "totally", "completely", "all"), _in("recovered", "better")], None),
]  # fmt: skip

# Causes that explain one kind of sign only: numbness from the dentist, a limb that fell asleep
# in a pose, weight lost on a diet.
DEV4_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    ([("from the dentist", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_re(r"^(dentist|dentists|dentist's|dental|filling|anaesthetic|anesthetic|novocaine|"
            r"lidocaine|extraction|injection|jab|orthodontist|block|local|sedation)$")]),
      ("fell asleep in", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_in("asleep"),
        _in("during", "in", "while", "when", "from", "after", "sitting", "kneeling")])],
     {"SENSORY", "ODD"}),
    ([("on a diet", "NEGATED_EXISTENCE", "BIDIRECTIONAL", [_DIET]),
      ("because of the diet", "NEGATED_EXISTENCE", "BACKWARD",
       [_in("because", "cos", "since", "as", "from"), *[_OPT] * 5, _DIET]),
      ("trying to lose", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_in("trying", "tried", "managed", "want", "wanted", "hoping", "aiming"), _in("to")])],
     {"WEIGHT"}),
    # "peeing more since I started drinking water": a cause the person names.
    ([("since i started", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_in("since", "because", "after", "from"), _in("i"), _OPT,
        _in("started", "began", "took", "joined", "cut", "stopped", "gave")])],
     {"WEIGHT", "ELIMINATION"}),
    # Pain that eases at rest or feels better is the good kind: "my back pain eases when I lie
    # down", "back feels better after night shifts", "my chest feels open".
    ([("eases when i lie", "NEGATED_EXISTENCE", "BACKWARD",
       [_re(r"^(eases|eased|easier|better|improves|settles|calms|lighter)$"),
        {"LOWER": {"IN": ["off", "up", "right", "a", "lot"]}, "OP": "?"},
        _in("when", "if", "once", "after", "while", "with", "at", "by")]),
      ("feels great", "NEGATED_EXISTENCE", "BACKWARD",
       [_in("feels", "feel", "felt", "feeling"), _OPT,
        _re(r"^(open|opened|lovely|great|good|amazing|looser|free|fantastic|better|fine)$")])],
     {"HURT", "PAIN", "NIGHT", "CHEST", "LEGS", "LEG"}),
]  # fmt: skip

# Words right next to a bodily function that say it is normal ("I can pee fine", "peeing
# normally"): scope of one or two words, so "can't pee properly, otherwise fine" stays a sign.
DEV4_NEAR: list[tuple[str, str, str, Pattern, set[str]]] = [
    ("pee fine", "NEGATED_EXISTENCE", "BACKWARD",
     [_re(r"^(fine|normally|normal|ok|okay|regularly|regular|great)$")], {"ELIMINATION"}),
]  # fmt: skip

# -- a fever read off a thermometer, a knock said as "banged" ------------------------------------
_add("FEVER", [_re(r"^(3[89]|4[01])([.,]\d)?$"), _OPT, _OPT, _in("thermometer")],
     [_in("thermometer"), _OPT, _OPT, _re(r"^(3[89]|4[01])([.,]\d)?$")])  # fmt: skip
_add("MINOR_TRAUMA", [_re(r"^(banged|bashed|whacked|smacked|thumped|clonked)$")])
_add("NIGHT", [_in("wake", "waking"), _in("me")])

# -- not improving in plain words, a temperature that "was up" -----------------------------------
_add("NOCHANGE", [_in("right", "exactly", "still", "just"), _in("where"), _in("it"),
                  _in("started", "began", "was")])  # fmt: skip
_add("DURATION", [_in("all"), _in("these", "those", "this"), _in("weeks", "months", "time")])
_add("FEVER", [_in("temp", "temperature"), _in("was", "is", "'s", "been", "has"), _OPT, _OPT,
               _in("up", "high", "raised")])  # fmt: skip
