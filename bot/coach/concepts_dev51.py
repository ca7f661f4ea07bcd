"""Concept phrasings from the fifty-first dev set (very short messages) and the fifty-second
(hyperbole, drama and understatement) that the rules read wrongly.

Signs: "bike vs truck this am", "osteo porosis", "rugby tackle sat, back hurts since", "needed
new belt holes", "becoming slimmer", "minus 5 kg", "back still bad, week 7", "Not coming down",
"bit hot n cold"; a relative who "asks me to write" or whom the writer is "signing up" (in
`understand.py`, with the other notes of someone typing for the account's owner). Look-alikes:
"fell off the stretching wagon", rugby tackle technique, "Me vs bus this morning".
"""

from __future__ import annotations

from bot.coach.patterns import Rule, adder, mended
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV51_RULES: list[Rule] = []

_add = adder(DEV51_RULES)

_ROAD = ("car", "truck", "lorry", "van", "bus", "taxi", "cab", "suv", "ute", "tractor", "4x4",
         "motorbike", "train", "tram", "coach", "pickup")  # fmt: skip

# -- signs ----------------------------------------------------------------------------------------
# "bike vs truck this am": a collision told as a match-up, when it is said when or how (not
# "Bike v bus to work, which is better?", "Cyclist v car debate on the radio")
_add("SEVERE_TRAUMA",
     [_in("bike", "bicycle", "cyclist", "pedestrian", "scooter", "motorbike", "moped", "ebike",
          "e-bike"),
      _in("vs", "vs.", "v", "v.", "versus"), _in(*_ROAD),
      _in("this", "today", "tonight", "yesterday", "earlier", "last", "on", "at", "crash",
          "collision", "smash", "accident", ",", "-", "—", "and")])  # fmt: skip
# "rugby tackle sat, back hurts since", "got tackled hard": taken to the ground
_add("FALL",
     [_in("rugby", "football", "footy", "gridiron"), _in("tackle", "tackles")],
     [_in("got", "was", "been", "being"),
      _in("tackled", "clattered", "flattened", "sacked")])  # fmt: skip
# "needed new belt holes, havent been dieting"
_add("WEIGHT",
     [_in("needed", "need", "punched", "punch", "made", "make", "added", "add"),
      {"LOWER": {"IN": ["new", "extra", "more", "another", "a", "two", "three"]}, "OP": "+"},
      {"LOWER": {"IN": ["belt", "belt-"]}, "OP": "?"},
      _in("holes", "hole", "notches", "notch")])  # fmt: skip
# "I am becoming slimmer without reason, the scale says minus 5 kg"
_add("WEIGHT",
     [_in("becoming", "getting", "got", "grown", "growing"),
      _in("slimmer", "thinner", "skinnier")],
     [_in("minus", "down"), _re(r"^\d+(?:[.,]\d)?$"), _in("kg", "kgs", "kilos", "lb", "lbs",
                                                       "pounds", "stone")])  # fmt: skip
# "back still bad, week 7": the programme's weeks, and no better
_add("DURATION", [_in("week", "wk"), _re(r"^(?:[3-9]|1[0-2])$")])
# "Pain score has been 6 every single day for a month. Not coming down."
_add("NOT_IMPROVING",
     # (not "I'm not going to the gym")
     [_in("not", "isn't", "isnt", "hasn't", "hasnt", "never", "nt", "n't"),
      _in("coming", "going", "come", "gone"), _in("down", "lower")],
     [_in("not", "isn't", "isnt", "hasn't", "hasnt", "nt", "n't"),
      _in("budging", "budged", "shifting", "shifted")])  # fmt: skip
# "bit hot n cold"
# (not "Weather's been hot n cold all week")
_add("FEVER",
     [_in("feel", "feeling", "felt", "feels", "bit", "i'm", "im", "am"), _in("hot"),
      _in("n", "&", "'n'", "an"), _in("cold")])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
# "I fell off the stretching wagon this week"
_add("IDIOM",
     [_in("fell", "fallen", "falling", "fall", "falls"), _in("off"), _in("the"), {"OP": "?"},
      _in("wagon", "bandwagon")])  # fmt: skip

# "Coaching rugby tackle technique to the under-12s"
_add("IDIOM",
     [_in("rugby", "union", "league", "football", "footy"), _in("tackle", "tackling"),
      _in("technique", "techniques", "drills", "drill", "practice", "training", "bags", "bag",
          "pads", "shield", "session", "coaching")])  # fmt: skip

DICTATION = [
    mended(r"osteo[ -]porosis", "osteoporosis"),
]
