"""Concept phrasings from the sixteenth dev set (everyday traffic) that the rules read wrongly.

A person who describes themselves ("45 yr old man") is not someone else; a chest that squeezes
during a stretch and "went away when I stopped" is the warning itself, not a pain that is over;
"been like this since early march" is a length of time; "see a doctor if you're numb down there"
is advice about anyone, not a report; and comparing two conditions ("is cauda equina the same as
sciatica?") names neither as one's own.
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV16_RULES: list[Rule] = []

_add = adder(DEV16_RULES)

_MONTHS = (
    r"^(january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|sept|oct|nov|dec|christmas|xmas|easter|spring|summer|autumn|winter)$"
)

# -- a length of time: "since early march", "since the summer" ---------------------------------
_add("DURATION", [_in("since"), _in("early", "late", "mid", "the", "last"), _re(_MONTHS)])

# -- "my left AND right thigh are numb": both sides named one by one ----------------------------
_add("LEGS",
     [_in("left", "right"), _in("and", "&", "n", "+", "plus"), _in("right", "left"),
      _in("leg", "legs", "thigh", "thighs", "calf", "calves", "foot", "feet", "shin", "shins",
          "buttock", "buttocks", "hamstring", "hamstrings")])  # fmt: skip

# -- a comparison of conditions names neither as one's own --------------------------------------
_add("IDIOM",
     [_in("the"), _in("same"), _in("as"),
      _re(r"^(sciatica|cauda|ces|piriformis|arthritis|stenosis|lumbago|disc|slipped|"
          r"herniated|bulging|prolapsed|pinched|trapped|a|an)$")],
     [_in("different"), _in("from", "to", "than"),
      _re(r"^(sciatica|cauda|ces|piriformis|arthritis|stenosis|lumbago|disc|slipped|"
          r"herniated|bulging|prolapsed|pinched|trapped|a|an)$")])  # fmt: skip

DEV16_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "45 yr old man, never done that before": the man is the one writing
    ("yr old man", "PSEUDO", "FORWARD",
     [_re(r"^\d+$"), _re(r"^(yr|yrs|year|years|y/o|yo|yob)$"), {"LOWER": "old", "OP": "?"},
      _in("man", "woman", "male", "female", "guy", "bloke", "lady", "fella", "dude", "gal")],
     None),
    ("45yo man", "PSEUDO", "FORWARD",
     [_re(r"^\d+(yo|y/o|yr|yrs|m|f)$"),
      _in("man", "woman", "male", "female", "guy", "bloke", "lady", "fella", "dude", "gal")],
     None),
    # "the nhs site says see a doctor if you're numb down there"
    ("if you're", "HYPOTHETICAL", "FORWARD",
     [_in("if"), _in("you", "u"), _in("'re", "are", "r", "feel", "get", "notice", "ever")],
     None),
    ("if anyone", "HYPOTHETICAL", "FORWARD",
     [_in("if"), _in("youre", "ur", "someone", "somebody", "anyone", "anybody", "people")],
     None),
]  # fmt: skip
