"""Concept phrasings from the forty-fourth dev set (winter and the festive season at home) that
the rules read wrongly.

Signs: "we hit a moose on the E4", "fell through onto the landing". Look-alikes: feet numb
"in the snow" or toes "in the surf", legs "like jelly after dragging the sledge up that hill",
"no fall, just awkward", "worse in the cold", pins and needles "sorted
with injections now", a numb bum that "came back as soon as I got in the car".
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import one_of as _in

DEV44_RULES: list[Rule] = []

_add = adder(DEV44_RULES)

# -- signs ----------------------------------------------------------------------------------------
# "we hit a moose on the E4", "ploughed into a deer at 60": a large animal hit on the road
_add("SEVERE_TRAUMA",
     [_in("hit", "struck", "ploughed", "plowed", "smashed", "slammed", "collided"),
      {"LOWER": {"IN": ["into", "with"]}, "OP": "?"}, _in("a", "an", "the"),
      _in("moose", "elk", "deer", "stag", "kangaroo", "roo", "reindeer", "cow", "horse",
          "boar", "bull", "camel", "wildebeest", "buffalo")])  # fmt: skip
# "Had a bump in the pickup at the junction": a knock, in a vehicle when one is named ("a little
# bump" is the rules' own, a knock said small)
_add("MINOR_TRAUMA",
     [_in("had", "got", "have"), _in("a"),
      _in("bump", "prang", "shunt", "fender-bender")])  # fmt: skip
# "basically fell through onto the landing"
_add("FALL",
     [_in("fell", "fallen", "dropped", "went", "came"), _in("through"),
      _in("onto", "into", "to")])  # fmt: skip

# "night sweats and shivers", "sweating then shivering": the fever's two halves
_add("FEVER",
     [_in("sweats", "sweating", "sweaty"), _in("and", "then", "&", "with", "plus"),
      _in("shivers", "shivering", "chills", "shakes", "shaking", "rigors", "shivery")],
     [_in("shivers", "shivering", "chills", "shivery", "rigors"), _in("and", "then", "&", "with",
                                                                    "plus"),
      _in("sweats", "sweating", "sweaty")])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
# "no fall, just awkward", "without falling": filed under the falls' topic
# (understand._IDIOM_TOPICS), so the clause's fall is denied. (Not "didn't fall": its "n't"
# must stay free to deny the trip before it, "tripped but didn't fall".)
_add("IDIOM",
     [_in("no", "without"), {"LOWER": "actual", "OP": "?"},
      _in("fall", "falls", "falling")])  # fmt: skip
# "legs like jelly after dragging the sledge up that hill": the effort (not "after the fall")
_add("IDIOM",
     [_in("legs"), {"LOWER": {"IN": ["are", "feel", "like", "were", "felt", "of", "all"]},
                    "OP": "*"},
      _in("jelly"), _in("after", "from"),
      _in("dragging", "pulling", "hauling", "climbing", "hiking", "skiing", "sledging",
          "shovelling", "shoveling", "squats", "lunges", "running", "cycling", "dancing",
          "leg")])  # fmt: skip
# "hiking up the fell", "out on the fells": the hill
_add("IDIOM",
     [_in("up", "down", "on", "over", "across", "along", "climbed", "walked", "hiked"),
      _in("the", "a", "that"), _in("fell", "fells")])  # fmt: skip
# "usual morning stiffness, worse in the cold": the weather, not the night
_add("IDIOM",
     [_in("worse", "better", "stiffer"), _in("in", "when"),
      {"LOWER": {"IN": ["the", "it's", "its"]}, "OP": "?"},
      _in("cold", "heat", "winter", "summer", "rain", "damp", "wet", "snow",
          "frost")])  # fmt: skip

DEV44_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "the drive up to my sister's", "on the way to my mum's": their house, not them
    ("to my sister's", "PSEUDO", "FORWARD",
     [_in("to", "at", "from", "round", "near", "leaving", "staying"), _in("my", "our", "the"),
      _in("sister", "brother", "mum", "mom", "mam", "dad", "parents", "gran", "nan", "grandma",
          "grandad", "aunt", "auntie", "uncle", "cousin", "daughter", "son", "in-laws",
          "inlaws", "friend", "mate"),
      _in("'s", "’s", "'", "place", "house", "flat")], None),
    # "came down through the loft hatch without the ladder": how, not a denial
    ("without the ladder", "PSEUDO", "FORWARD",
     [_in("without", "minus"), _in("the", "a", "my", "any"),
      _in("ladder", "steps", "stepladder", "rope", "harness", "railing", "handrail", "rail",
          "banister")], None),
]  # fmt: skip

DEV44_WHOLE: list[tuple[str, str, str, Pattern]] = [
    # "pins and needles in both feet, turned out to be low B12, sorted with injections now"
    ("sorted now", "HISTORICAL", "BACKWARD",
     [_in("sorted", "fixed", "resolved", "cured"),
      _in("now", "out", "with", "by", "itself", "up")]),
    # "pins and needles in my feet was the B12, better since the injections"
    ("better since the injections", "HISTORICAL", "BACKWARD",
     [_in("better", "fine", "gone", "sorted", "cleared"), _in("since", "after", "with"),
      _in("the", "my", "starting", "taking"),
      _in("injections", "injection", "tablets", "pills", "treatment", "jabs", "supplements",
          "antibiotics", "b12", "vitamins", "iron")]),
]  # fmt: skip

DEV44_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    # "my feet went numb standing at the bus stop in the snow", "toes went numb in the surf":
    # the cold, told after the numbness
    ([("in the snow", "NEGATED_EXISTENCE", "BACKWARD",
       # ("from the cold" is a benign cause of everything already: not taken from it here)
       [_in("in"), _in("the"),
        _in("snow", "cold", "frost", "surf", "sea", "ice", "freezing", "sleet", "wind")])],
     {"SENSORY", "LEGS", "LEG", "ODD"}),
]  # fmt: skip
