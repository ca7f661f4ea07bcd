"""Concept phrasings from the twenty-first dev set (written to look like the bot's everyday
traffic after launch) that the rules read wrongly.

Signs: "feels like I've had an epidural down below", "got speared into the ground", "not well
at all today, feverish" (unwell, not a denial), "lying down is too painful" (the pain, not a
cause that explains it), pain "since the end of summer", "back to square one". Look-alikes:
"crashed my laptop", a bum that goes numb on a train seat and is "fine once I get off".
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV21_RULES: list[Rule] = []

_add = adder(DEV21_RULES)

# -- signs ----------------------------------------------------------------------------------------
# "feels like I've had an epidural down below": numb, said by its likeness
_add("SENSORY",
     [_in("like"), {"LOWER": {"IN": ["i've", "ive", "i", "i'd", "someone"]}, "OP": "?"},
      {"LOWER": {"IN": ["'ve", "’ve", "'d", "’d", "have"]}, "OP": "?"},
      {"LOWER": {"IN": ["had", "been", "got", "given"]}, "OP": "?"},
      {"LOWER": {"IN": ["an", "a", "me"]}, "OP": "?"},
      _in("epidural", "anaesthetic", "anesthetic", "novocaine", "numbing", "local")])  # fmt: skip
# "big tackle at rugby, got speared into the ground back first"
_add("IMPACT",
     [_in("speared", "spear", "piledrived", "piledriven", "slammed", "body-slammed", "dumped",
          "driven", "smashed"), _in("into", "onto", "on"), _in("the", "my"),
      _in("ground", "floor", "deck", "turf", "pitch", "mat", "back", "head", "neck")])  # fmt: skip
_add("ACCIDENT", "spear tackle", "big tackle", "huge tackle", "bad tackle", "late tackle")
# "its been like this since the end of summer"
_add("DURATION",
     [_in("since", "from"), {"LOWER": "the", "OP": "?"},
      {"LOWER": {"IN": ["end", "start", "beginning", "middle", "back"]}, "OP": "?"},
      {"LOWER": "of", "OP": "?"},
      _re(r"^(summer|spring|winter|autumn|christmas|xmas|easter|january|february|march|april|"
          r"may|june|july|august|september|october|november|december|diwali|ramadan)$")],
     [_in("for"), _in("ages", "months", "weeks")])  # fmt: skip
# "the stretches help for an hour then I'm back to square one"
_add("NOCHANGE", [_in("back"), _in("to"), _in("square"), _in("one")])

# -- look-alikes ----------------------------------------------------------------------------------
_add("IDIOM",
     [_in("crashed", "crash", "crashing"), _in("my", "the", "our", "his", "her"),
      _re(r"^(laptop|computer|pc|phone|game|server|website|site|app|tablet|ipad|browser|"
          r"system|excel|spreadsheet|car|drone|console|xbox|playstation)$")])  # fmt: skip

DEV21_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "Not well at all today, feverish": unwell, not a denial of what follows
    ("not well", "PSEUDO", "FORWARD",
     [_in("not"), {"LOWER": {"IN": ["feeling", "feelin", "very", "too"]}, "OP": "?"},
      _in("well", "great", "good", "right", "myself", "100%", "grand")], None),
    # "because lying down is too painful": the pain lying down is the sign, not its cause
    ("because lying down hurts", "PSEUDO", "FORWARD",
     [_in("because", "cos", "cause", "as"), _in("lying", "laying", "sleeping"),
      {"LOWER": {"IN": ["down", "flat", "in"]}, "OP": "?"}, {"LOWER": "bed", "OP": "?"},
      _in("is", "hurts", "makes", "was", "kills", "feels")], None),
    # "the night pain I had after the op stopped months ago": over
    ("stopped months ago", "HISTORICAL", "BACKWARD",
     [_in("stopped", "went", "gone", "cleared", "settled", "eased", "disappeared", "vanished"),
      {"LOWER": {"IN": ["away", "up", "down", "off"]}, "OP": "?"},
      {"LOWER": {"IN": ["a", "many", "several", "few", "some", "two", "three", "2", "3"]},
       "OP": "?"},
      _in("months", "years", "weeks", "ages", "yrs", "month", "year"), _in("ago", "back")],
     None),
    # "my bum goes numb on this train seat, fine once I get off": gone as soon as one moves
    ("fine once I get up", "NEGATED_EXISTENCE", "BACKWARD",
     [_in("fine", "ok", "okay", "normal", "goes", "gone", "better"),
      {"LOWER": {"IN": ["again", "away"]}, "OP": "?"},
      _in("once", "when", "after", "soon"), {"LOWER": "as", "OP": "?"}, _in("i"),
      _in("get", "stand", "move", "walk", "shift")], None),
]  # fmt: skip
