"""Concept phrasings from the thirty-fifth dev set (people after surgery and medical treatment)
that the rules read wrongly.

Signs: retention told as the time since the last wee ("havent passed urine since last night",
"catheter came out this morning ... i still cant go"), "we made love ... couldn't feel a thing",
"lost all sensation", "came down from really high and landed on my back", "I'm a myeloma
patient", "just won't improve", "the dog pulled me over", "pyrexial". Look-alikes: "coming off
the oxycodone", a leg numb "for a few hours then it came back", weakness that "wore off the same
day", weight lost "because the surgeon asked me to".
"""

from __future__ import annotations

from bot.coach.patterns import OPT, Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV35_RULES: list[Rule] = []

_add = adder(DEV35_RULES)

_NOT = _in("n't", "nt", "not")
_URINE = _re(r"^(urine|water|wee|pee|piss|weed|peed|pissed|urinated|a)$")

# -- signs ----------------------------------------------------------------------------------------
# "havent passed urine since last night, about 14 hours", "haven't had a wee for 12 hours",
# "not peed in 10 hours" (the "not" belongs to the sign, not against it)
_add("BLADDER",
     [_in("have", "has", "had", "did", "do"), _NOT, {"LOWER": {"IN": ["been", "able", "to"]},
                                                     "OP": "*"},
      _in("passed", "passd", "pass", "had", "done", "managed"),
      {"LOWER": {"IN": ["a", "any"]}, "OP": "?"},
      _URINE, _in("since", "for", "in", "all")],
     [_in("have", "has", "had"), _NOT,
      _re(r"^(weed|peed|urinated|pissed)$"), _in("since", "for", "in", "all")],
     # "catheter came out this morning after my fusion and i still cant go"
     [_re(r"^catheters?$"), {"LOWER": {"NOT_IN": [".", "!", "?"]}, "OP": "*"},
      _in("ca", "can", "could", "cannot", "unable"), {"LOWER": {"IN": ["n't", "nt", "not", "to"]},
                                                      "OP": "?"},
      _in("go", "wee", "pee", "pass")])  # fmt: skip

# "we made love last night ... I couldn't feel a thing", "during intimacy"
_add("SEX_CTX",
     [_in("made", "making", "make"), _in("love")],
     [_in("being", "been", "get", "getting", "got"), _in("intimate")],
     [_in("intimacy")])  # fmt: skip
# "I'd lost all sensation during, first time ever": the act left unsaid
_add("SEXUAL",
     [_in("lost", "no", "zero", "losing"), {"LOWER": "all", "OP": "?"},
      _in("sensation", "feeling"), _in("during"), {"IS_PUNCT": True}])  # fmt: skip
# "finished but didn't feel it at all. weird and scary" (said first, with nothing else finished)
_add("SEXUAL",
     [{"LOWER": {"IN": ["finished", "came", "climaxed", "ejaculated"]}, "IS_SENT_START": True},
      _in("but"), _in("did", "could", "ca"), _in("n't", "nt", "not"), _in("feel"),
      _in("it", "anything"), _in("at"), _in("all"), {"IS_PUNCT": True}])  # fmt: skip
# "lost all sensation in my legs"
_add("SENSORY",
     [_in("lost", "losing", "lose"), {"LOWER": {"IN": ["all", "the"]}, "OP": "?"},
      _in("sensation", "sensations")])  # fmt: skip

# "came down from really high and landed on my back"
_add("SEVERE_TRAUMA",
     [_in("from", "off"), {"LOWER": {"IN": ["really", "very", "so", "quite", "pretty", "way"]},
                           "OP": "?"}, _in("high"), _in("and", ","), OPT,
      _in("landed", "hit", "came")])  # fmt: skip

# "I'm a myeloma patient", "ex-melanoma patient", "non-Hodgkin's", "had Ewing's as a teenager"
# (not the surname alone)
_add("CANCER",
     [_re(r"^(myeloma|melanoma|lymphoma|leukaemia|leukemia|sarcoma|mesothelioma|neuroblastoma|"
          r"osteosarcoma|myelodysplasia|hodgkins|cll)$")],
     [_in("hodgkin", "ewing", "ewings"), _in("'s", "’s", "sarcoma", "lymphoma", "disease")],
     [_in("non"), _in("-"), _in("hodgkin", "hodgkins")])  # fmt: skip

# "this back ache just won't improve"
_add("NOT_IMPROVING",
     [_in("wo", "will", "does", "do", "is"), _NOT,
      _in("improve", "improving", "settle", "settling", "shift", "budge")])  # fmt: skip

# "the dog pulled me over on our walk", "knocked me flying", "took me clean off my feet"
_add("FALL",
     [_in("pulled", "dragged", "yanked", "knocked", "bowled", "tripped"), _in("me"),
      _in("over", "flying", "down", "off")],
     [_in("took", "knocked", "swept", "whipped", "pulled", "taken", "knocks"), _in("me"),
      {"LOWER": {"IN": ["clean", "right", "straight", "completely"]}, "OP": "?"}, _in("off"),
      _in("my"), _in("feet")])  # fmt: skip
# "went head over heels down the concrete stairs"
_add("SEVERE_TRAUMA",
     [_in("head"), _in("over"), _in("heels"), _in("down", "off"), _in("the", "a", "our"),
      OPT,
      _in("stairs", "steps", "staircase", "flight", "escalator", "bank", "hill")])  # fmt: skip

# "scales say down a stone", "wife says my face has gone thin"
_add("WEIGHT",
     [_in("down", "dropped", "lost"), _in("a", "half", "about", "nearly", "almost", "over"),
      {"LOWER": {"IN": ["a", "half"]}, "OP": "?"}, _in("stone", "dress", "jeans")],
     [_in("face", "cheeks", "arms"), {"LOWER": {"IN": ["has", "have", "'s", "is", "are"]},
                                      "OP": "?"},
      _in("gone", "got", "getting", "looking"),
      _in("thin", "gaunt", "hollow", "bony")])  # fmt: skip

# "the ward nurse wrote 'pyrexial' on my chart"; "thermometer said 37.9 yesterday evening"
_add("FEVER", [_re(r"^(pyrexial|pyrexia|pyrexic)$")],
     [_in("thermometer", "temp", "temperature"),
      {"LOWER": {"IN": ["said", "says", "read", "reads", "showed", "shows", "was", "is", "of",
                        "at", "hit", "reading"]}, "OP": "*"},
      _re(r"^37[.,][5-9]$")])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
_add("IDIOM",
     # furniture and boxes: "moved the chest of drawers, no strain at all"
     [_in("chest"), _in("of"), _in("drawers")],
     [_in("chest"), _in("freezer", "freezers")],
     [_in("toy", "tool", "ice", "treasure", "war", "hope", "blanket"), _in("chest")])  # fmt: skip

DEV35_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "I'm a myeloma patient", "as a cancer patient": the writer, not a patient of theirs
    ("i'm a patient", "PSEUDO", "FORWARD",
     [_in("'m", "im", "am", "as", "ex", "former", "being"), {"LOWER": {"IN": ["a", "an", "-"]},
                                                            "OP": "?"},
      OPT, OPT, _in("patient", "survivor")], None),
    # "numb for a few hours then it came back, exactly as the doctor explained": the feeling
    ("then it came back", "HISTORICAL", "BACKWARD",
     [_in("for"), {"LOWER": {"IN": ["a", "an"]}, "OP": "?"},
      {"LOWER": {"IN": ["few", "couple", "of"]}, "OP": "*"},
      _re(r"^(hours?|hrs?|minutes?|mins?|\d+)$"), {"LOWER": {"IN": ["hours", "hrs", "minutes",
                                                                   "mins"]}, "OP": "?"},
      {"LOWER": {"IN": ["then", "and", ",", "but"]}, "OP": "+"},
      _in("it", "the", "feeling", "sensation"), {"LOWER": {"IN": ["feeling", "sensation"]},
                                                 "OP": "?"},
      _in("came", "come"), _in("back")], None),
]  # fmt: skip

DEV35_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    # "lost 6 kilos before my hip replacement because the surgeon asked me to"
    ([("asked me to", "NEGATED_EXISTENCE", "BACKWARD",
       [_re(r"^(surgeon|doctor|gp|consultant|nurse|dietitian|dietician|anaesthetist|"
            r"anesthetist|physio|team)$"), _in("asked", "told", "wanted", "advised", "needed"),
        _in("me"), _in("to")])],
     {"WEIGHT"}),
]  # fmt: skip

DEV35_WHOLE: list[tuple[str, str, str, Pattern]] = [
    # "my foot went numb ... after the tight ski boots, then the feeling came back"
    ("then it came back", "HISTORICAL", "BACKWARD",
     [_in("then", "and", "but", ","), _in("the"), _in("feeling", "sensation", "feelings"),
      {"LOWER": {"IN": ["has", "had", "'s"]}, "OP": "?"}, _in("came", "come"),
      _in("back")]),
    # "the weakness in my legs after the spinal for the c-section wore off the same day, walking
    # fine now" (not "should have worn off", "hasn't worn off")
    ("wore off", "HISTORICAL", "BACKWARD", [_in("wore"), _in("off")]),
    ("wore off", "HISTORICAL", "BACKWARD",
     [_in("'s", "has", "had", "'d", "all"), _in("worn"), _in("off")]),
    # "a friend from work had a spinal fusion and ended up with foot drop": the friend's, to the
    # end of the sentence
    ("a friend ended up with", "FAMILY", "FORWARD",
     [_in("a", "my", "our", "his", "her"),
      _re(r"^(friend|friend's|colleague|neighbour|neighbor|cousin|uncle|aunt|auntie|mate|"
          r"brother|sister|dad|mum|mom|father|mother|husband|wife|partner)$"),
      {"LOWER": {"NOT_IN": [".", "!", "?", "i", "i'm", "me", "my", "but"]}, "OP": "*"},
      _in("ended", "ends"), _in("up"), _in("with", "having")]),
]  # fmt: skip
