"""Concept classes for compositional sign matching, and the idioms that look like signs.

A sign is rarely one phrase: it is a combination of concepts said about the person's own body in
one sentence (a REGION of the saddle with a SENSATION loss, an ELIMINATION word with a DYSFUNCTION
word, a VEHICLE with an IMPACT, a FOOT with a DROP, a BONE_RISK with a MINOR_TRAUMA ...).
bot/coach/lexicon.py holds the single-word classes; this module adds the second halves of those
pairs, idioms that must win over the words inside them ("wet my pants laughing", "weak at the
knees", "crash course"), and the extra ConText rules for questions about generalities, benign
explained causes, past events that are over, pets and professional contexts.
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

_ANY = {"OP": "?"}
_CANT = [[_in("ca", "can", "could", "wo", "will", "do", "does", "did"), _in("n't", "not", "nt")],
         [_in("cant", "cannot", "couldnt", "wont", "dont", "doesnt", "didnt", "unable")],
         [_in("not", "never", "havent", "haven't", "hasnt", "hasn't"), _in("been"), _in("able")],
         [_in("have", "has"), _in("n't", "not", "nt"), _in("been"), _in("able")],
         [_in("not"), _in("able")]]  # fmt: skip
_ELIM_VERB = _re(r"^(pee\w*|wee|weeing|piss\w*|urinat\w*|poo|pooing|poop\w*|shit|go|empty)$")
_SOILED = (
    r"^(wet|peed|pissed|weed|wetting|peeing|pissing|pooed|pooped|shat|soiled|crapped|crapping|"
    r"shitted|shitting|messed|pood|wee'd|poo'd)$"
)
_ONESELF = ("myself", "meself", "mesel", "mysel", "myslef")

CONCEPT_RULES: list[Rule] = []

_add = adder(CONCEPT_RULES)


# Bladder and bowel: the dysfunction half ("can't pee" is one phrase; "strain ... nothing comes
# out" pairs with an elimination word anywhere in the sentence).
_add("BLADDER", *[[*c, _in("really", "properly", "even", "actually"), _ELIM_VERB] for c in _CANT],
     *[[*c, _in("to"), _ELIM_VERB] for c in _CANT],
     *[[*c, _in("seem", "manage"), _in("to"), _ELIM_VERB] for c in _CANT])  # fmt: skip
_add(
    "BLADDER",
    [
        _re(_SOILED),
        _in("the", "my", "me"),
        _in("bed", "pants", "trousers", "knickers", "jeans", "sheets", "kecks", "undies"),
    ],
    [_re(_SOILED), _in(*_ONESELF)],
    # No wee for hours, and no need for one.
    [_in("havent", "haven't", "not", "hasnt"), _in("had", "been", "done"),
     {"LOWER": {"IN": ["a", "for"]}, "OP": "?"}, {"LOWER": "a", "OP": "?"},
     _in("wee", "pee", "piss", "wees")],
    [_in("have", "has"), _in("n't", "nt", "not"), _in("had", "been", "done"),
     {"LOWER": {"IN": ["a", "for"]}, "OP": "?"}, {"LOWER": "a", "OP": "?"},
     _in("wee", "pee", "piss", "wees")],
)  # fmt: skip
_add(
    "DYSFUNCTION",
    "nothing happens",
    "nothing happened",
    "nothing comes",
    "nothing came",
    "stopped coming",
    "stopped flowing",
    "going to burst",
    "gonna burst",
    "about to burst",
)
_add("DYSFUNCTION", [_re(r"^(strain\w*|retention|dribbl\w*|leak\w*|incontinen\w*|trickl\w*|"
                        r"hesitan\w*)$")],
     "no urge", "no need to go", "not working", "stopped working", "playing up",
     "packed up", "gone wrong",
     [_in("not", "isn't", "isnt", "won't", "wont", "doesn't", "doesnt", "never"),
      {"LOWER": {"IN": ["properly", "fully", "completely"]}, "OP": "?"},
      _re(r"^(empty|emptying|empties)$")],
     [_in("wo", "does", "is", "did"), _in("n't", "nt", "not"),
      {"LOWER": {"IN": ["properly", "fully", "completely"]}, "OP": "?"},
      _re(r"^(empty|emptying|empties)$")], "takes ages", "weak stream", "slow stream",
     [_in("let", "letting"), _in("go")],
     "barely anything", "nothing comes out", "nothing came out", "nothing coming out",
     "comes out on its own", "came out on its own", "on its own", "by itself",
     "don't feel it", "dont feel it", "didn't feel it", "didnt feel it", "without knowing",
     "without noticing", "without realising", "without realizing",
     "without feeling", "can't tell", "cant tell", "cannot tell", "really hard", "so hard",
     "hard to", "trouble", "difficulty", "struggling to", "won't come", "wont come",
     "won't start", "wont start", "accident", "accidents", "lost control", "no control",
     "losing control",
     *[[*c, _in("feel", "tell", "sense", "control", "stop", "hold")] for c in _CANT])  # fmt: skip

# Sexual function: an object of loss, and the loss.
_add("SEXUAL", *[[*c, _in("get", "keep"), _in("it"), _in("up")] for c in _CANT],
     [_re(r"^(erections?|boners?)$"), {"OP": "?"}, {"OP": "?"},
      _re(r"^(stopped|gone|disappeared|vanished|went|stopping)$")],
     [_in("hard"), {"TEXT": "-", "OP": "?"}, _in("on", "ons"), {"OP": "?"}, {"OP": "?"},
      _re(r"^(stopped|gone|disappeared|vanished|went|stopping)$")],
     *[[*c, _in("cum", "come", "finish")] for c in _CANT])  # fmt: skip

# Saddle: extra registers of the same region.
_add("SADDLE", [_in("anal", "rectal", "anus",
                    "dick", "cock", "knob", "vag", "fanny", "pussy", "hooha", "bits", "nethers",
                    "balls", "bollocks", "testicle", "vulva", "vaginal", "genital",
                    "undercarriage", "nuts", "sack", "clit", "minge", "rectum", "perianal")],
     [_in("hoo"), _in("-"), _in("ha")], "nether regions", "down below", "private area",
     "bum cheeks", "ass cheeks", "arse cheeks", "butt cheeks", "my seat")  # fmt: skip
_add("SENSORY", "pins n needles", "pins & needles", "pins and needles",
     *[[*c, _in("really", "properly", "even", "actually", "quite"), _in("feel")] for c in _CANT],
)  # fmt: skip
# An odd feeling is a saddle sign only next to the saddle ("feels weird down there").
_add(
    "ODD",
    [
        _in("feels", "feel", "feeling", "felt"),
        _in("weird", "different", "strange", "funny", "odd", "wrong", "off"),
    ],
)

_add("WEAK", [_in("went", "gone", "go", "goes", "going"), _in("from"), _in("under")],
     [_in("gave", "give", "giving", "gives"), _in("out")], [_in("legs", "leg"), _in("collapsed")],
     [_re(r"^collaps\w*$")])  # fmt: skip
_add("NOCHANGE", "no different", "not any different", "not shifting", "nothing's shifting",
     "nothing is shifting", "nothing shifting", "stuck at", "still stuck",
     [_in("won't", "wont", "isn't", "isnt", "not", "never"), _in("go", "going", "gone"),
      _in("away")],
     [_in("wo", "is", "has"), _in("n't", "nt", "not"), _in("go", "going", "gone"),
      _in("away")])  # fmt: skip
_add("NOCHANGE", "just as bad", "as bad as ever", "no better", "not any better", "not better",
     "same as before", "still bad", "still there")  # fmt: skip
_add("FEVER", [_re(r"^(sweat\w*|drenched|soaked)$"), {"OP": "?"}, {"OP": "?"},
               _in("at", "in", "through", "every", "all"), {"LOWER": "the", "OP": "?"},
               _in("night", "nights")])  # fmt: skip
_add("NIGHT", [_re(r"^(worse|unbearable|bad|terrible|excruciating|awful|agony|worst)$"),
               _in("at", "in", "every", "all"), {"LOWER": "the", "OP": "?"}, _in("night")],
     [_in("does", "do", "wo", "will", "did"), _in("n't", "nt", "not"),
      {"LOWER": "ever", "OP": "?"}, _in("go", "stop", "let"), _in("away", "up")],
     [_in("never"), _in("goes", "eases", "lets"), _in("away", "off", "up")])  # fmt: skip
_add("ACCIDENT", [_in("fender"), {"TEXT": "-", "OP": "?"}, _in("bender")], "prang", "pranged")

_add("BLADDER", [_in("have", "has"), _in("n't", "nt", "not"),
                _re(r"^(peed|weed|urinated|pissed)$")],
     [_in("havent", "not", "never"), _re(r"^(peed|weed|urinated|pissed)$")],
     [_in("i", "ive", "im", "started", "keep", "am", "'ve", "'m"), {"LOWER": "been", "OP": "?"},
      _re(r"^(leaking|dribbling)$")])  # fmt: skip
_add("WEAK", [_in("wo", "do", "does", "ca", "can", "wont", "dont", "cant"),
              {"LOWER": {"IN": ["n't", "nt", "not"]}, "OP": "?"},
              _in("hold", "support", "carry"), _in("me", "my")])  # fmt: skip
_add("FEVER", [_re(r"^(3[89]|4[01])([.,]\d)?$"), _in("temp", "temperature", "fever", "c", "°c")])
_add(
    "FEVER",
    [
        _in("temp", "temperature", "temps"),
        _in("since", "for", "all", "again", "today", "tonight", "yesterday", "overnight"),
    ],
)
# A collision that needs no vehicle named: "rear-ended", "t-boned", "head-on".
# A rear-end shunt alone is an ordinary accident (urgent with back pain); speed, a motorway or a
# write-off makes it a serious one (safety.py).
_add("ACCIDENT", [_in("rear"), {"TEXT": "-", "OP": "?"}, _in("ended", "end")], "rear-ended")
_add(
    "SEVERE_TRAUMA",
    [_in("t"), {"TEXT": "-", "OP": "?"}, _in("boned")],
    "head on collision",
    "head-on collision",
)

# Severe trauma: a vehicle or a height, and an impact.
_add("VEHICLE", [_in("car", "cars", "junction", "roundabout", "motorway", "highway", "freeway",
                    "motorbike", "motorcycle", "lorry", "truck", "van", "bus", "taxi", "scooter",
                    "bike",
                    "lights",
                    "moped", "quad", "road")])  # fmt: skip
_add("IMPACT",
     [_re(r"^(flipped|rolled|crashed|crash|collision|collided|smashed|wrecked|totalled|"
          r"totaled|t-boned|ploughed|plowed|overturned|accident|pileup|pile-up)$")],
     [_in("hit", "knocked", "ran"), _in("by", "off", "me", "over", "us", "our", "into")],
     [_in("smashed", "crashed", "drove", "ploughed", "plowed", "slammed", "piled", "careered",
          "veered", "skidded"), _in("into")],
     [_in("went", "ran"), _in("into"), _in("the", "my", "our"),
      _in("back", "side", "rear", "front"), _in("of")], "side on", "side-on",
     [_in("at"), _in("speed")], [_in("written"), _in("off")],
     [_in("t"), {"TEXT": "-", "OP": "?"}, _in("boned")], "head on", "head-on",
     [_re(r"^\d{2,3}$"), _in("mph", "kmh", "km/h")])  # fmt: skip
_add("HEIGHT", [_in("first", "second", "third", "1st", "2nd", "3rd", "upstairs", "top"),
                _in("floor", "storey", "story", "step")],
     [_re(r"^(two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)$"),
      _in("metres", "meters", "feet", "ft", "foot")])  # fmt: skip
_add("HEIGHT", [_in("flight", "ladder", "roof", "scaffolding", "scaffold", "balcony", "tree",
                    "cliff", "horse", "loft", "ceiling", "skylight", "hatch",
                    "storey", "stories", "floors", "rooftop")],
     [_re(r"^\d+(\.\d+)?$"), _in("metres", "meters", "m", "feet", "ft", "foot")],
     [_re(r"^\d+(\.\d+)?(m|ft)$")])  # fmt: skip

# Fragility trauma: the minor knock that matters with thin bones or steroids.
_add("MINOR_TRAUMA", [_re(r"^(sneez\w*|coughed|crack\w*|bent|bending|lifted|lifting|twisted|"
                          r"jolted|knocked|bumped|landed|tripped|slipped|fell|stumbled|"
                          r"plonked|jumped|leapt|leaped)$")],
     [_in("sat", "dropped", "came", "landed"), _in("down"), _in("hard", "heavily")],
     "something went", "something gave", "something popped", "missed a step",
     "onto my back", "on my back")  # fmt: skip
_add(
    "BONE_RISK",
    [_in("pred", "prednisone", "hydrocortisone", "dexamethasone")],
    "long term steroids",
    "long-term steroids",
)

# Weight: loss, and no reason for it.
_add(
    "WEIGHT",
    [
        _in("weight", "pounds", "kilos", "weight's"),
        {"OP": "?"},
        _in("dropping", "falling", "coming", "melting", "dropped", "fell"),
        _in("off"),
    ],
)
_add("WEIGHT", [_in("clothes", "jeans", "trousers", "pants", "belt"), {"OP": "?"}, {"OP": "?"},
                _re(r"^(falling|hanging|loose|baggy|looser)$")],
     [_in("down", "lost", "dropped", "losing"), _re(r"^\d+(\.\d+)?$"),
      _re(r"^(kg|kgs|kilos?|pounds|lbs?|stone|st)$")],
     [_in("down", "lost", "dropped"), _re(r"^\d+(kg|kgs|lbs?|st)$")],
     [_in("dropped", "down"), _in("a", "two", "2"), _in("dress", "sizes", "size")],
     [_in("lost", "losing", "dropped", "shed", "shedding", "dropping"), {"OP": "?"}, {"OP": "?"},
      {"OP": "?"}, _re(r"^(weight|stone|kilos?|kgs?|pounds|lbs?)$")])  # fmt: skip
_add("UNEXPLAINED", "not trying", "wasn't trying", "wasnt trying", "without trying",
     [_in("havent", "haven't", "not", "wasnt", "wasn't", "didnt", "didn't"), {"OP": "?"},
      _re(r"^(dieting|diet|trying)$")],
     [_in("have", "was", "did"), _in("n't", "not", "nt"), {"OP": "?"},
      _re(r"^(dieting|diet|trying)$")],
     "without meaning to", "no reason", "no idea why",
     [_in("have", "has"), _in("n't", "nt", "not"), _in("changed"), _in("what", "my", "how"),
      {"OP": "?"}, {"OP": "?"}],
     [_in("havent", "not"), _in("changed"), _in("what", "my", "how"), {"OP": "?"}, {"OP": "?"}],
     [_in("eating"), _in("normally", "the", "same", "loads", "plenty", "more")])  # fmt: skip

# Foot drop: a foot, and it not lifting.
_add("FOOT", [_in("foot", "toes", "toe", "ankle", "heel", "heels")])
_add("DROP", [_re(r"^(floppy|drags|dragging|dragged|slaps|slapping|flops|flopping)$")],
     *[[*c, _in("lift", "raise", "pull"), {"OP": "?"}, {"OP": "?"}] for c in _CANT],
     *[[*c, _in("walk", "stand"), _in("on")] for c in _CANT],
     [_in("won't", "wont", "doesn't", "doesnt"), _in("lift", "come")],
     [_in("wo", "does"), _in("n't", "nt"), _in("lift", "come")],
     [_re(r"^(trip|tripping|catch|catching|catches)$"), _in("over", "on")],
     "keeps catching", "keep tripping")  # fmt: skip

# Pain through the night, or rest that does not ease it.
_add("NIGHT", [_re(r"^(pain|hurts|hurting|aching|aches|agony|throbbing)$"),
               _in("all", "every", "through", "throughout"), {"LOWER": "the", "OP": "?"},
               _in("night", "nights")],
     [_re(r"^(lying|lie|laying|lay|rest|resting|sleep|sleeping|bed)$"), {"OP": "?"},
      _in("does", "do", "did", "is"), _in("n't", "nt", "not"),
      _in("help", "ease", "touch", "change", "helping", "easing")],
     [_in("nothing", "no", "not"), {"LOWER": "position", "OP": "?"},
      _in("helps", "eases", "works", "touches")])  # fmt: skip

# Chest and upper back.
_add(
    "CHEST",
    [_in("chest")],
    [_in("between")],
    [_in("shoulder")],
    [_in("between"), _in("my", "the"), _in("shoulder"), _in("blades")],
)

# Not improving: a length of time, and no change.
_add("DURATION", [_re(r"^(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|"
                      r"many|few)$"), _in("weeks", "months", "wks", "week", "month")],
     [_in("month", "months", "weeks"), _in("and"), _in("a"), _in("half")],
     [_in("been", "over", "past", "last", "nearly", "almost"),
      {"LOWER": {"IN": ["a", "the", "about", "around", "over", "like"]}, "OP": "?"},
      _re(r"^(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few)$"),
      _in("weeks", "months", "wks", "week", "month")],
     [_re(r"^(\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)$"),
      _in("weeks", "months", "wks"), _in("on", "now", "later")],
     [_in("been"), _in("ages", "forever", "months", "weeks")],
     [_in("weeks", "months"), _in("now", "on", "in")], "for weeks", "for months")  # fmt: skip
_add("NOCHANGE", [_in("has", "have", "is", "had"), _in("n't", "not", "nt"), {"OP": "?"},
                  _re(r"^(improved|improving|changed|eased|shifted|budged|helped)$")],
     [_in("hasnt", "havent", "isnt", "not", "never"), {"OP": "?"},
      _re(r"^(improved|improving|changed|eased|shifted|budged|helped)$")],
     "no change", "no difference", "zero improvement", "no improvement", "still the same",
     "nothing changes", "nothing has changed", "nothing's changed", "the same",
     [_in("still"), _in("ca", "cant", "can't", "hurts", "sore", "painful", "aching", "bad",
                        "there")])  # fmt: skip

# Radiating one-sided pain.
_add("RADIATE", [_re(r"^(radiat\w*|shoot\w*|travels|travelling|burning|zing\w*)$")],
     [_in("to", "into", "till", "until", "down"), {"LOWER": {"IN": ["my", "the"]}, "OP": "?"},
      _in("left", "right"), _in("leg", "knee", "foot", "ankle", "calf", "thigh", "toes", "shin")],
     [_in("from"), {"LOWER": {"IN": ["my", "the"]}, "OP": "?"},
      {"LOWER": {"IN": ["lower", "low"]}, "OP": "?"},
      _in("back", "spine", "hip", "bum", "buttock")],
     [_in("down", "into")], [_in("to", "into"), _in("my", "the"),
                             _in("foot", "ankle", "calf", "toes", "knee", "heel")])  # fmt: skip

# Idioms: longer than the sign words inside them, so the target matcher keeps them instead.
_add(
    "IDIOM",
    [
        _in("fell", "fall", "falling", "nearly", "almost"),
        {"OP": "?"},
        _in("off", "out"),
        _in("my", "the", "of"),
        _in("chair", "seat", "sofa", "bed"),
        _re(r"^(laugh\w*|lol|lmao|haha\w*)$"),
    ],
    *[
        [
            *c,
            _in("feel"),
            _in("the", "a", "any", "much", "that"),
            _re(r"^(stretch\w*|pull|burn|difference)$"),
        ]
        for c in _CANT
    ],
)
_add("IDIOM", [_re(r"^(wet|peed|pissed|weed|wetting|peeing|pissing)$"), _in("my", "myself"),
               {"OP": "?"}, _re(r"^(laugh\w*|lol|lmao)$")],
     [_re(r"^(wet|peed|pissed|weed)$"), _in("myself", "my"), _in("pants", "knickers"),
      _re(r"^(laugh\w*|lol|lmao|😂+)$")],
     [_in("weak"), _in("at"), _in("the"), _in("knees")],
     [_in("knees"), _in("go", "goes", "went", "going", "feel"), _in("weak", "wobbly")],
     [_in("weak"), _in("af", "as"), {"OP": "?"}, _in("at", "in")],
     [_in("crash"), _in("course", "fest", "diet", "test", "mat", "pad")],
     [_in("crashed", "crash"), _in("out")], [_in("fell", "fall", "falling"), _in("in"),
                                             _in("love")],
     [_in("fell", "fall", "falling"), _in("off"), _in("the"), _in("wagon")],
     [_in("fell", "fall", "falling"), _in("behind", "apart")],
     [_in("pain"), _in("in"), _in("the"), _in("butt", "ass", "arse", "neck", "bum")],
     [_in("chest"), _in("day", "press", "stretch", "opener", "workout", "fly", "flies")],
     [_in("steroid"), _in("cream", "inhaler", "spray", "drops", "ointment", "injection",
                        "injections", "jab", "jabs", "shot", "shots")],
     [_in("was", "is", "been", "what", "such", "proper", "total", "absolute", "complete"),
      {"LOWER": {"IN": ["a", "an"]}, "OP": "?"}, _in("car", "train"), _in("crash", "wreck")],
     [_in("car", "train"), _in("crash", "wreck"), _in("of")],
     [_in("cancer"), _in("screening", "research", "awareness", "charity", "scare")],
     [_in("fever"), _in("dream", "dreams", "pitch")])  # fmt: skip

# -- ConText rules -----------------------------------------------------------------------------
# "I'm fine" clears a fall or a bump, never a symptom ("groin numb, otherwise I'm fine").
TRAUMA_ONLY_CONTEXT: list[tuple[str, str, str, Pattern]] = [
    ("i'm fine", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
     [_in("i", "im", "i'm", "he", "she", "they", "hes", "shes", "he's", "she's"),
      {"LOWER": {"IN": ["'m", "m", "am"]}, "OP": "?"},
      {"LOWER": {"IN": ["totally", "completely", "absolutely", "perfectly", "all"]}, "OP": "?"},
      _in("fine", "ok", "okay", "unhurt", "alright", "good", "uninjured")]),
    ("didn't fall", "NEGATED_EXISTENCE", "BACKWARD",
     [_in("did", "didnt"), {"LOWER": {"IN": ["n't", "nt", "not"]}, "OP": "?"}, _in("fall")]),
]  # fmt: skip
TRAUMA_TYPES = {"FALL", "ACCIDENT", "MINOR_TRAUMA"}  # never a crash or a height
# A crash seen, or with nobody hurt in it, is not the person's own.
SEEN_CONTEXT: list[tuple[str, str, str, Pattern]] = [
    ("saw a", "HYPOTHETICAL", "FORWARD", [_in("saw", "witnessed", "passed"), _in("a", "an")]),
    ("no one hurt", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
     [_in("no", "nobody", "noone"), {"LOWER": "one", "OP": "?"},
      {"LOWER": {"IN": ["was", "got", "in", "inside"]}, "OP": "?"}]),
]  # fmt: skip
SEEN_TYPES = {*TRAUMA_TYPES, "SEVERE_TRAUMA", "VEHICLE", "IMPACT", "HEIGHT"}
# Feeling the stretch run down a leg is the stretch working, not nerve pain.
STRETCH_CONTEXT: list[tuple[str, str, str, Pattern]] = [
    ("feel the stretch", "NEGATED_EXISTENCE", "FORWARD",
     [_in("feel", "feeling", "felt", "feels"), _in("a", "the", "it", "that"),
      _in("stretch", "pull", "stretching")]),
    ("the stretch goes", "NEGATED_EXISTENCE", "FORWARD",
     [_in("stretch", "pull"), _in("goes", "went", "runs", "ran", "travels", "reaches")]),
]  # fmt: skip
STRETCH_TYPES = {"SCIATICA", "RADIATE"}
_QSTART = [
    "can",
    "could",
    "does",
    "do",
    "would",
    "might",
    "will",
    "is",
    "are",
    "what",
    "why",
    "how",
    "whats",
    "what's",
    "when",
    "which",
    "should",
    "if",
]
_PROS = [
    "nurse",
    "doctor",
    "physio",
    "physiotherapist",
    "gp",
    "paramedic",
    "carer",
    "medic",
    "student",
    "teacher",
    "trainer",
    "chiropractor",
    "osteopath",
    "surgeon",
    "midwife",
]
EXTRA_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # A question about generalities: the sentence opens with a question word and never says "I"
    # or "my" before the sign ("can stretching cause foot drop?", "does X mean Y?").
    ("general question", "HYPOTHETICAL", "FORWARD", [{"IS_SENT_START": True,
                                                      "LOWER": {"IN": _QSTART}}], {"SELF"}),
    ("mine", "SELF", "BIDIRECTIONAL", [_in("my", "mine")], None),
    ("read that", "HYPOTHETICAL", "BIDIRECTIONAL",
     [_in("read", "heard", "learned", "learnt", "says", "said"), _in("that", "about")], {"SELF"}),
    ("red flag", "HYPOTHETICAL", "BIDIRECTIONAL",
     [_in("red", "warning"), _in("flag", "flags", "sign", "signs")], {"SELF"}),
    ("watch for", "HYPOTHETICAL", "FORWARD",
     [_in("watch", "look", "looking", "watching", "check", "checking"),
      {"LOWER": "out", "OP": "?"},
      _in("for")], {"SELF"}),
    ("writing", "HYPOTHETICAL", "BIDIRECTIONAL", [_re(r"^(essay|assignment|homework|exam|"
                                                      r"lecture|course|module)$")], None),
    # A benign cause named with the symptom.
    ("benign cause", "NEGATED_EXISTENCE", "BACKWARD",
     [_in("from", "after", "because", "cos", "cause", "due"), {"LOWER": "of", "OP": "?"},
      {"OP": "?"}, {"OP": "?"},
      _re(r"^(cold|sitting|sat|kneeling|cross|crossed|sleeping|lying|laughing|laughter|gym|"
          r"running|run|cycling|riding|stretch\w*|yoga|workout|squats?|freezing|snow|ice|"
          r"drunk|drinking|water|coughing|cough|chair|seat|sofa|couch|floor|toilet|loo|bike|saddle|hike|"
          r"hiking|walk|session|class|training|leg|day|drive|driving|journey|commute|flights?|plane|deadlifts?|lunges|plank|pilates|swim\w*)$")],
     None),
    ("benign habits", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
     [_in("cross", "crossed"), {"TEXT": "-", "OP": "?"}, _in("legged", "legs")], None),
    ("tight shoes", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
     [_in("tight", "new", "high"), _in("shoes", "boots", "heels", "trainers")], None),
    ("slept on it", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
     [_in("slept", "sat", "sitting", "sleeping", "lying", "lay"), _in("on"), _in("it", "them")],
     None),
    ("always has", "HISTORICAL", "BIDIRECTIONAL",
     [_in("always"), _in("has", "had", "have", "been", "done", "is", "does", "go", "goes",
                         "gets", "get", "happens")], None),
    ("said it's fine", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
     [_in("said", "says", "told"), {"OP": "?"}, _in("it", "its", "it's", "that", "thats"),
      {"OP": "?"}, _in("fine", "normal", "nothing", "harmless", "benign")], None),
    ("not to be", "PSEUDO", "FORWARD",
     [_in("not"), _in("to", "gonna", "going", "being", "sure", "that"), {"OP": "?"},
      {"OP": "?"}], None),
    ("not from", "PSEUDO", "FORWARD", [_in("not", "isnt", "isn't"), _in("from", "after")], None),
    # Past events that are over.
    ("in year", "HISTORICAL", "BIDIRECTIONAL", [_in("in", "back"),
                                                _re(r"^(19|20)\d\d$")], None),
    ("last year", "HISTORICAL", "BIDIRECTIONAL", [_in("last", "a", "one"),
                                                  _in("year", "summer", "winter", "spring",
                                                      "autumn", "decade")], None),
    ("fine since", "HISTORICAL", "BIDIRECTIONAL", [_re(r"^(fine|ok|okay|good|healed|recovered|"
                                                       r"sorted|normal)$"),
                                                   _in("since", "now", "again")], None),
    ("fully healed", "HISTORICAL", "BIDIRECTIONAL", [_in("fully", "completely", "totally"),
                                                     _re(r"^(healed|recovered|fine|better)$")],
     None),
    ("back to normal", "HISTORICAL", "BIDIRECTIONAL", None, None),
    ("sorted it", "HISTORICAL", "BIDIRECTIONAL", [_in("sorted"), _in("it", "out")], None),
    # Not past: "first time since I was a kid" is a new event, not history.
    ("since i was", "PSEUDO", "FORWARD", [_in("since"), _in("i"), _in("was")], None),
    ("unsure if", "PSEUDO", "FORWARD", [_in("idk", "dunno", "sure", "know", "wondering",
                                            "unsure", "relevant"), _in("if", "whether")], None),
    ("if this", "PSEUDO", "FORWARD", [_in("if"), _in("this", "its", "it's", "that")], None),
    ("like a kid", "PSEUDO", "FORWARD", [_in("i"), _in("was"), _in("a"), _in("kid", "child")],
     None),
    # Other experiencers: pets, and what a professional sees at work.
    ("pets", "FAMILY", "BIDIRECTIONAL", [_in("dog", "dogs", "cat", "cats", "pet", "puppy",
                                             "kitten"),
                                         _in("is", "has", "was", "'s", "got", "had", "needs")],
     {"SELF"}),
    ("his", "FAMILY", "BIDIRECTIONAL", [_in("his", "hers", "their", "hes", "shes",
                                            "mates")], {"SELF"}),
    ("almost", "NEGATED_EXISTENCE", "FORWARD", [_in("almost", "nearly")], None),
    ("professional", "FAMILY", "BIDIRECTIONAL", [_in("i'm", "im", "am", "'m", "m"),
                                                 _in("a", "an"), _in(*_PROS)], None),
    ("at work i see", "FAMILY", "BIDIRECTIONAL", [_in("i"), _in("see", "treat", "nurse", "meet"),
                                                  _re(r"^(patients|clients|people|lots|loads|"
                                                      r"cases|a)$")], None),
    ("asking cos", "FAMILY", "BIDIRECTIONAL", [_in("asking"), _in("cos", "because", "cause",
                                                                 "as", "since")], None),
]  # fmt: skip
