"""Concept phrasings from the thirty-second dev set (travel, holidays and life on the move, typed
fast) that the rules read wrongly.

Signs: "legs r jelly", a bottom numb "like I'm sitting on nothing since I got off the boat",
"went down the whole escalator", "thrown out of my seat" in a bus crash, "hot n cold sweats", a
foot that "isn't lifting properly" and a boot that scuffs, "current going in my right leg", "has
not become better". Look-alikes: "the fall colours in Vermont", legs "totally normal again" after
a walk round arrivals. (A cause asked about, "is it just the seats?", in a sentence saying the
feeling is getting worse: understand.py.)
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV32_RULES: list[Rule] = []

_add = adder(DEV32_RULES)

_NOT = {"LOWER": {"IN": ["n't", "not", "nt"]}, "OP": "?"}

# -- signs ----------------------------------------------------------------------------------------
# "legs r jelly. both.", "legs like jelly since the flight": the sentence ends there or goes on
# to the body (not "legs like jelly after leg day", "legs r jelly lol after the climbing wall",
# "legs all jelly on the ferry", nor legs that "turned to jelly" at a fright)
_add("WEAK",
     [_in("legs", "leg"),
      {"LOWER": {"IN": ["r", "are", "is", "feel", "feels", "felt", "like", "have", "just",
                        "pure", "total"]}, "OP": "+"},
      _in("jelly", "jello"),
      _in(".", ",", "!", ";", "both", "and", "&", "-", "since", "now", "today")])  # fmt: skip

# "(mum) went down the whole escalator": a fall all the way down, as serious as "fell down a
# whole flight of stairs". Said of a person (not "my suitcase went down ...", nor "we went down
# the whole flight to the metro because the lift was broken")
_add("SEVERE_TRAUMA",
     [_in("i", "she", "he", ")", "mum", "mom", "dad", "nan", "gran", "granny", "grandma",
          "grandad", "grandpa", "husband", "wife", "partner"),
      _in("went", "came"), _in("down"), _in("the"),
      _in("whole", "entire", "full"), {"LOWER": {"IN": ["flight", "of"]}, "OP": "*"},
      _re(r"^(escalators?|stairs|staircase|steps|stairwell|flight|gangway|ramp)$")])  # fmt: skip

# "bus crash ..., I was thrown out of my seat": thrown by the crash (not "thrown off the bus for
# not having a ticket", "thrown out of the cab by the driver")
_add("SEVERE_TRAUMA",
     # ("got thrown out of my seat" is also being told to leave it; "got flung" is not)
     [{"LOWER": {"NOT_IN": ["got", "get", "gets", "getting", "nearly", "almost", "practically"]}},
      _in("thrown"),
      _in("out", "from", "through", "clear"), {"LOWER": "of", "OP": "?"},
      _in("my", "the", "a", "his", "her"),
      _re(r"^(seats?|vehicle|windscreen|windshield)$")],
     [{"LOWER": {"NOT_IN": ["nearly", "almost", "practically"]}},
      _in("flung", "catapulted", "hurled", "launched"),
      _in("out", "from", "through", "clear"), {"LOWER": "of", "OP": "?"},
      _in("my", "the", "a", "his", "her"),
      _re(r"^(seats?|vehicle|windscreen|windshield)$")])  # fmt: skip

# "hot n cold sweats all night in the tent"
_add("FEVER",
     [_in("hot"), _in("n", "and", "&", "'n", "n'", "then"), _in("cold"),
      _in("sweats", "sweat", "sweating", "shivers", "chills")])  # fmt: skip

# "the foot isn't lifting properly", "my toes won't lift"; "scuffing my left boot"
_add("FOOTDROP",
     [_in("foot", "feet", "toes"), _in("is", "are", "does", "do", "wo", "will"),
      {"LOWER": {"IN": ["n't", "not", "nt"]}},
      {"LOWER": {"IN": ["really", "properly", "quite", "fully"]}, "OP": "?"},
      _in("lifting", "lift", "clearing", "clear"),
      # (not "feet aren't lifting off the floor in the bridge", "as high as the video", "in
      # the hamstring stretch", "during the glute bridge")
      {"LOWER": {"NOT_IN": ["off", "up", "high", "as", "from", "enough", "over", "the", "my",
                            "it", "them", "weights", "much", "far", "in", "during", "if",
                            "on", "a", "bit", "for", "with", "at", "while"]}}],
     # "dragging my toes since my back went", "dragging my left foot" (not "been dragging my
     # feet about starting": putting it off)
     [_in("dragging", "drag", "drags", "dragged"), _in("my"),
      {"LOWER": {"IN": ["left", "right"]}, "OP": "?"}, _in("toes", "toe")],
     [_in("dragging", "drag", "drags", "dragged"), _in("my"), _in("left", "right"),
      _in("foot", "leg")],
     [_in("foot", "feet", "toes"), _in("is", "are", "does", "do", "wo", "will"),
      {"LOWER": {"IN": ["n't", "not", "nt"]}}, _in("lifting", "lift"), {"IS_PUNCT": True}],
     # (one side's boot, not "scuffed my shoes on the rocks")
     [_in("scuffing", "scuffs", "scuff", "scuffed"), _in("my", "the"), _in("left", "right"),
      _re(r"^(boots?|shoes?|trainers?|sneakers?|toes?|foot|feet|sandals?)$")])  # fmt: skip

# "car had a bump at the lights": the car's bump is the person's (how it went is asked)
_add("ACCIDENT",
     [_re(r"^(car|van|taxi|cab|bus|coach|truck|lorry|ute|camper|campervan|motorhome|rental)$"),
      _in("had", "got", "took"), _in("a"), {"LOWER": {"IN": ["little", "small", "minor", "bit"]},
                                             "OP": "?"},
      _in("bump", "prang", "knock", "shunt", "scrape", "ding", "bang")])  # fmt: skip

# "I feel like current going in my right leg from waist" (electricity down the leg)
_add("SCIATICA",
     [_in("current", "electricity", "currents"),
      _in("going", "running", "shooting", "passing", "goes", "runs", "passes", "flowing"),
      _in("in", "down", "through", "into", "along"), _in("my"),
      {"LOWER": {"IN": ["right", "left"]}, "OP": "?"},
      _in("leg", "thigh", "calf", "foot", "buttock", "bum", "hip")])  # fmt: skip

# "my back has not become better in three weeks"
_add("NOT_IMPROVING",
     [_in("not", "n't", "nt", "never"), _in("become", "became", "got", "gotten", "get"),
      _in("better")])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
_add("IDIOM",
     # "the fall colours in Vermont", "fall foliage" (autumn)
     [{"LOWER": {"IN": ["the", "this", "last", "in"]}, "OP": "?"}, _in("fall"),
      _re(r"^(colou?rs?|foliage|leaves|season|semester|term|break|fashion|collection|weather|"
          r"trip|vacation|holiday|festival)$")],
     # "flip flops" (sandals), not a foot that flops
     [_in("flip"), {"LOWER": "-", "OP": "?"}, _in("flops", "flop")])  # fmt: skip

DEV32_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "like I'm sitting on nothing since I got off the boat": not "nothing since" (no symptom
    # since)
    ("on nothing since", "PSEUDO", "FORWARD",
     [_in("on", "of", "at", "about", "like"), _in("nothing"), _in("since")], None),
]  # fmt: skip

DEV32_WHOLE: list[tuple[str, str, str, Pattern]] = [
    # "couldnt feel my legs when I first stood up, walked round arrivals and they were totally
    # normal again"
    ("normal again", "HISTORICAL", "BACKWARD",
     [_in("they", "it", "legs", "feet", "everything", "both", "all"),
      _in("were", "are", "was", "is", "felt", "feel", "feels", "went", "came", "'re", "’re"),
      {"LOWER": {"IN": ["totally", "completely", "all", "fully", "perfectly", "back", "to"]},
       "OP": "*"},
      _in("normal", "fine"), _in("again")]),
]  # fmt: skip
