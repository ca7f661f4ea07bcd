"""Concept phrasings from the nineteenth dev set (half everyday traffic, half written to be hard)
that the rules read wrongly.

Signs: Tagalog mixed into English ("may lagnat ako", "hindi ako maka-ihi", "sobrang sakit"), a
boda boda crash, "go flying over a watering can", "same as 5 wks ago", "losing wait without
trying", "my blabber isnt working", a fall off "the kids' trampoline" (their trampoline, one's
own fall). Look-alikes: "my eldest had a fever", "the head teacher fell off the stage".
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import mended as _word
from bot.coach.patterns import one_of as _in

DEV19_RULES: list[Rule] = []

_add = adder(DEV19_RULES)


# Tagalog and Taglish red-flag words, and two slips of the ear, mended into English first.
DICTATION = [
    _word(r"may lagnat ako|nilalagnat ako", "I have a fever"),
    _word(r"lagnat", "fever"),
    _word(r"hindi ako maka-?ihi|di ako maka-?ihi|hindi makaihi", "I can't pee"),
    _word(r"sobrang sakit", "really painful"),
    _word(r"masakit|sakit", "pain"),
    _word(r"likod", "back"),
    _word(r"los(?:ing|t|e) (?:a lot of |so much |some )?wait", "losing weight"),
    _word(r"blabber", "bladder"),
]

# -- signs ----------------------------------------------------------------------------------------
_add("VEHICLE", "boda boda", "boda", "okada", "matatu", "tuk tuk", "tuk-tuk", "jeepney",
     "tricycle", "auto rickshaw", "rickshaw", "moped", "scooter")  # fmt: skip
_add("FALL", [_in("go", "went", "going", "gone", "sent"), _in("flying"),
              _in("over", "off", "down", "across", "into")])  # fmt: skip
_add("NOCHANGE",
     [_in("same"), _in("as"), _re(r"^(\d+|a|one|two|three|four|five|six|few|several)$"),
      _in("wks", "weeks", "week", "months", "month"), _in("ago", "back")],
     [_in("same"), _in("as"), _in("last"), _in("week", "month", "time")])  # fmt: skip

# "slid off the sofa onto the floor" (on alendronate): a fall
_add("FALL",
     [_in("slid", "slide", "sliding", "slides", "rolled", "toppled"), _in("off", "out"),
      {"LOWER": "of", "OP": "?"}, _in("the", "my", "a"),
      _in("sofa", "couch", "settee", "bed", "chair", "bench", "stool", "step",
          "steps")])  # fmt: skip
_add("IMPACT", [_in("thrown", "flung", "launched"), _in("off", "from", "onto", "over", "into")])
# "my blabber isnt working": the bladder not working is the sign, its "isnt" part of it
_add("BLADDER",
     [_in("bladder", "bladders", "bowels", "bowel", "waterworks"),
      _re(r"^(isnt|isn't|is|has|aren't|arent|are|'s)$"),
      {"LOWER": {"IN": ["not", "n't", "nt", "stopped"]}, "OP": "?"},
      _in("working", "functioning", "stopped", "right", "behaving")])  # fmt: skip

DEV19_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "fell off the kids' trampoline": their trampoline, one's own fall
    ("kids' trampoline", "PSEUDO", "FORWARD",
     [_in("kids", "grandkids"), _in("'", "’")], None),
    ("children's trampoline", "PSEUDO", "FORWARD",
     [_in("children", "childrens"), _in("'s", "’s", "'", "’")], None),
    # "my eldest had a fever on Monday"
    ("my eldest", "FAMILY", "FORWARD",
     [_in("my", "our"),
      _in("eldest", "youngest", "oldest", "middle", "kiddo", "twins", "toddler", "toddlers",
          "baby", "babies", "kids", "kid", "son", "daughter", "boy", "girl", "youngster")],
     {"SELF"}),
    # "the head teacher fell off the stage"
    ("the head teacher", "FAMILY", "FORWARD",
     [_in("the", "our", "a", "an", "one", "this", "that"), {"LOWER": "head", "OP": "?"},
      _re(r"^(teacher|headteacher|headmaster|headmistress|principal|vicar|priest|postman|"
          r"postie|referee|ref|driver|lollipop|caretaker|janitor|landlord|plumber|builder|"
          r"electrician|waiter|waitress|cashier|runner|rider|cyclist|player|goalie|keeper)$")],
     {"SELF"}),
]  # fmt: skip
