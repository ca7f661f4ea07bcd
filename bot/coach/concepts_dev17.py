"""Concept phrasings from the seventeenth dev set (everyday traffic) that the rules read wrongly.

Signs: "not having any feeling during intercourse", "went arse over" at the shops, "since one
month pain is same only" (Indian English). Look-alikes: a tingle in the foot "when I crossed my
legs", legs like jelly "after my first spin class", "the difference between a strain and a
slipped disc", and "a small car accident" that may not have hurt anyone.
"""

from __future__ import annotations

from bot.coach.patterns import OPT as _OPT
from bot.coach.patterns import Pattern, Rule, adder, mended
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV17_RULES: list[Rule] = []

_add = adder(DEV17_RULES)

_SEX = ("intercourse", "sex", "relations", "lovemaking", "intimacy", "climax", "orgasm")

# -- no feeling during sex: the loss is the sign, the "not" is part of it ----------------------
_add("SEXUAL",
     [_re(r"^(not|n't|no|zero|nil|without)$"), {"LOWER": {"IN": ["having", "getting", "got"]},
                                                 "OP": "?"},
      {"LOWER": {"IN": ["any", "much", "the"]}, "OP": "?"},
      _in("feeling", "feelings", "sensation", "sensations", "sensitivity"),
      _in("during", "in", "with", "when", "while"), {"LOWER": {"IN": ["the", "my"]}, "OP": "?"},
      _in(*_SEX)])  # fmt: skip

# -- a fall said as "went arse over (tit)" --------------------------------------------------------
_add("FALL",
     [_in("went", "gone", "go", "going", "goes"), _in("arse", "ass", "base", "tits"),
      _in("over", "up")],
     [_in("arse", "ass"), _in("over"), _in("tit", "teakettle", "elbow", "head")])  # fmt: skip

# -- "since one month pain is same only": a length of time, and no change ---------------------
_add("DURATION",
     [_in("since", "from"), _re(r"^(\d+|one|two|three|four|five|six|seven|eight|a|many|few)$"),
      _in("month", "months", "week", "weeks", "wks")])  # fmt: skip
_add("NOCHANGE",
     [_in("is", "remains", "still", "stays", "staying"), _in("same"),
      {"LOWER": {"IN": ["only", "as", "like"]}, "OP": "?"}],
     [_in("same"), _in("only")])  # fmt: skip

# -- look-alikes --------------------------------------------------------------------------------
# "a small car accident, bit shaken": a small one (a question decides whether it hurt)
_add("MINOR",
     [_in("small", "minor", "little", "tiny", "slight", "slow", "low-speed", "gentle"),
      _in("car", "road", "traffic", "bike", "parking"),
      _in("accident", "crash", "collision", "prang", "bump", "shunt")])  # fmt: skip

# "a tingle in my foot when I crossed my legs at my desk": a habit (read as "cross-legged"), not
# both legs
DICTATION = [
    mended(r"cross(?:ed|ing)? (?:my|me|her|his) legs", "sat cross-legged"),
]

DEV17_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "what's the difference between a strain and a slipped disc?"
    ("what's the difference", "HYPOTHETICAL", "FORWARD",
     [_in("what", "whats", "what's"), {"LOWER": {"IN": ["'s", "is"]}, "OP": "?"}, _in("the"),
      _in("difference", "differences")], None),
    # "legs like jelly after my first spin class": the class explains it
    ("after my spin class", "NEGATED_EXISTENCE", "BACKWARD",
     [_in("after", "from"), _in("my", "the", "a", "that", "this", "today's", "yesterday's"),
      _OPT,
      _re(r"^(spin|spinning|zumba|hiit|bootcamp|crossfit|barre|parkrun|marathon|half-marathon|"
          r"10k|5k|leg|legs|class|session|workout|hike|run|ride|gym)$"),
      {"LOWER": {"IN": ["class", "day", "session", "workout", "race"]}, "OP": "?"}], None),
]  # fmt: skip
