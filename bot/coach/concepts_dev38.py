"""Concept phrasings from the thirty-eighth dev set (English as a second language, literal
translations and calques) that the rules read wrongly.

Signs: "the pee is not coming since lunch", "not able to control my motion", "my man part does
not wake up", "the ejaculation is not coming", "during the relation", "nothing is working down
there", "my duty as husband", "shaking with cold", "I am not well", "on cortisone tablets since
long time", "my left leg is sleeping", "I fall on my bottom", "the turbulence throw me against
the armrest", "still hurting like the first day".
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV38_RULES: list[Rule] = []

_add = adder(DEV38_RULES)

_NOT = _in("n't", "nt", "not")

# -- signs ----------------------------------------------------------------------------------------
# "the pee is not coming since lunch", "the urine does not want to come out"
_add("BLADDER",
     [_re(r"^(pee|urine|wee|piss|pipi|peepee)$"), _in("is", "does", "did", "will", "wo", "was"),
      _NOT, {"LOWER": {"IN": ["want", "wants", "to"]}, "OP": "*"},
      _in("coming", "come", "comes", "flow", "flowing", "go", "going")])  # fmt: skip
# "I am not able to control my motion" (a stool, in Indian English)
_add("BLADDER",
     [_in("control", "hold", "stop"), _in("my", "the"),
      _in("motion", "motions", "stool", "stools", "poo", "toilet", "latrine")])  # fmt: skip

# "my man part", "my small friend ... I mean the penis", "during the relation", "my duty as
# husband"
_add("SEX_CTX",
     [_in("man", "male", "manly", "private", "intimate"), _in("part", "parts", "organ")],
     [_in("during", "in", "after"), {"LOWER": "the", "OP": "?"},
      _in("relation", "relations", "intercourse", "act", "intimacy")],
     [_in("duty", "duties"), _in("as"), {"LOWER": "a", "OP": "?"}, _in("husband", "wife", "man")],
     [_re(r"^(ejaculation|ejaculate|erection|orgasm|climax)$")])  # fmt: skip
# "... does not wake up", "it does not stand", "nothing is working down there" (not "my pain
# doesn't wake me up any more")
_add("DYSFUNCTION",
     [_in("does", "do", "did", "will", "wo", "is"), _NOT, _in("wake", "waking"), _in("up")],
     [_in("does", "do", "did", "will", "wo", "is"), _NOT,
      _in("stand", "standing", "rise", "rising"), {"LOWER": "up", "OP": "?"},
      _in(",", ".", "and", "anymore", "any", "properly", "!")],
     [_in("nothing", "nothing's"), {"LOWER": "is", "OP": "?"}, _in("working", "works", "work"),
      _in("down"), _in("there", "below")])  # fmt: skip

# "I am not well", "I am sick" with the back
_add("UNWELL",
     [_in("i"), _in("am", "'m", "m", "feel"), _in("not"), _in("well", "good")],
     [_in("i"), _in("am", "'m"), {"LOWER": {"IN": ["very", "so", "really"]}, "OP": "?"},
      _in("sick", "ill", "unwell")])  # fmt: skip

# "on cortisone tablets since long time"
_add("BONE_RISK",
     [_in("on", "taking", "take", "takes"),
      _re(r"^(cortisone|cortison|corticoids?|corticosteroids?|cortisol)$")],
     [_re(r"^(cortisone|cortison|corticoids?|corticosteroids?)$"),
      _in("tablets", "tablet", "pills", "pill", "every", "daily")])  # fmt: skip

# "my left leg is sleeping from the knee down"
_add("SENSORY",
     [_re(r"^(legs?|foot|feet|foots|thighs?|bottom|bum|buttocks?|toes)$"),
      {"LOWER": {"IN": ["is", "are", "'s", "stay", "stays", "keep", "keeps"]}, "OP": "?"},
      _in("sleeping", "sleepy")])  # fmt: skip

# "I fall on my bottom in the kitchen", "I fall on the carpet"
_add("FALL",
     [_in("i"), _in("fall", "falled"), _in("on", "onto", "in", "from", "off", "down"),
      _in("my", "the", "a", "floor", "ground", "stairs")])  # fmt: skip
# "the turbulence throw me against the armrest"
_add("ACCIDENT",
     [_in("throw", "threw", "thrown", "throws", "flung", "slammed", "smashed", "push", "pushed"),
      _in("me"), _in("against", "into", "onto", "on", "to")])  # fmt: skip

# "already one month and half, my back is still hurting"
_add("DURATION",
     [_in("one", "a", "1", "two", "2"), _in("month", "week", "months", "weeks"), _in("and"),
      {"LOWER": "a", "OP": "?"}, _in("half")])  # fmt: skip

_add("SENSORY",
     [_in("feel", "felt", "feeling"), _in("nothing"),
      _in("in", "there", "down", "during", "when", "below", "at")])  # fmt: skip
# "I think maybe I have a little temperature"
_add("FEVER",
     [_in("a"), _in("little", "slight", "small", "low", "mild"),
      {"LOWER": "of", "OP": "?"}, {"LOWER": "a", "OP": "?"},
      _in("temperature", "temp", "fever")])  # fmt: skip

DEV38_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "I am not well, no appetite, shaking with cold": the shivers of a fever, which the cold
    # explains nothing of (not "numb with cold")
    ("shaking with cold", "PSEUDO", "FORWARD",
     [_in("shaking", "shivering", "trembling", "shivery", "shaky"), _in("with", "from"),
      {"LOWER": "the", "OP": "?"}, _in("cold", "chill", "chills")], None),
    # "How to say... the ejaculation is not coming": looking for words, not a question
    ("how to say", "PSEUDO", "FORWARD",
     [_in("how"), {"LOWER": {"IN": ["to", "can", "shall", "i"]}, "OP": "+"},
      _in("say", "explain", "describe"), {"IS_PUNCT": True}], None),
    # "the ejaculation is not coming": not coming is the sign
    ("is not coming", "PSEUDO", "FORWARD",
     [_re(r"^(ejaculation|orgasm|climax|erection|it|semen|sperm)$"),
      _in("is", "does", "did", "will", "wo"), _NOT, _in("coming", "come")], None),
    # "The patient I look after has cancer, I am her carer": the patient's
    ("the patient i look after", "FAMILY", "BIDIRECTIONAL",
     [_in("the", "a", "my", "one"),
      _in("patient", "client", "resident", "lady", "man", "gentleman", "woman", "person"),
      _in("i", "we"), _in("look", "care", "nurse", "support", "visit", "clean", "work")],
     {"SELF"}),
]  # fmt: skip

# "feet are sleeping for one minute, then they are ok again"
DEV38_WHOLE: list[tuple[str, str, str, Pattern]] = [
    ("ok again", "HISTORICAL", "BACKWARD",
     [_in("they", "it", "both", "feet", "legs", "leg", "foot"),
      _in("are", "is", "were", "was", "'re", "become", "became", "get", "got"),
      _in("ok", "okay", "fine", "normal", "good", "alright"), _in("again")]),
]  # fmt: skip

DEV38_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    # "I had fever on the weekend": a past fever, asked about (see concepts_dev33's "on monday")
    ([("on monday", "HISTORICAL", "BACKWARD",
       [_in("on", "over", "at", "last", "during"), {"LOWER": "the", "OP": "?"},
        _in("weekend")])], {"FEVER"}),
    # "the nurse said maybe fever will come": a fever foretold
    ([("fever will come", "HYPOTHETICAL", "BACKWARD",
       [_in("will", "may", "might", "could", "can"), _in("come", "develop", "start", "follow",
                                                         "appear")])], {"FEVER"}),
]  # fmt: skip
