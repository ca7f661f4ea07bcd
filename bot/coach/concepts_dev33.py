"""Concept phrasings from the thirty-third dev set (older adults and long-term conditions, carers
on the owner's account) that the rules read wrongly.

Signs: "neither of them will hold me", "fell out of bed", "tumbled down the escalator", a fall
"off the stepladder", "(the back) exactly as it was" after weeks of the routine, a temperature
"on Monday" (asked about). Look-alikes: "Bill next door fell off his ladder", "a crash of the
computer", "a fall in my pension", worry about bothering anyone, tingling "gone by the next
morning". (Long-known, unchanged conditions and carers on "Mr Brown's account":
understand.py.)
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV33_RULES: list[Rule] = []

_add = adder(DEV33_RULES)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# -- signs ----------------------------------------------------------------------------------------
# "my legs have never been strong but today neither of them will hold me at all"
_add("WEAK",
     [_in("neither", "none"), _in("of"), _in("them", "my"), {"LOWER": "legs", "OP": "?"},
      _in("will", "would", "can", "could", "wo", "ca"), {"LOWER": "n't", "OP": "?"},
      _in("hold", "support", "take", "carry"), _in("me", "my"),
      {"LOWER": "at", "OP": "?"}, {"LOWER": "all", "OP": "?"}])  # fmt: skip

# "fell out of bed last night" (not "fell out with my sister")
_add("FALL",
     [_in("fell", "fallen", "falling", "fall", "tumbled", "rolled"), _in("out"), _in("of"),
      {"LOWER": {"IN": ["my", "the", "a", "her", "his"]}, "OP": "?"},
      _re(r"^(bed|chair|armchair|wheelchair|bunk|hammock|window|car|van|bath|shower)$")],
     )  # fmt: skip

# "tumbled down the escalator", "toppled down the stairs": as serious as falling down them
_add("SEVERE_TRAUMA",
     [_in("tumbled", "toppled", "rolled", "bounced", "tumbling", "toppling"), _in("down"),
      _in("the", "a", "our", "my"), {"LOWER": {"IN": ["whole", "entire", "full", "flight", "of"]},
                                     "OP": "*"},
      _re(r"^(stairs|staircase|steps|escalators?|flight|stairwell)$")],
     )  # fmt: skip
# "Fell off the stepladder cleaning the gutters, landed on my back on the patio": a fall, serious
# when it hurt (safety.py); "Fell off a stepladder putting the curtains up" alone is asked about
_add("FALL",
     [_in("fell", "fallen", "came", "come", "falling", "tumbled", "toppled"), _in("off", "from"),
      _in("the", "a", "my", "our"), _in("stepladder", "step-ladder", "stepladders")])  # fmt: skip

# "the back has ached all day and all night without a single break"
_add("NIGHT",
     [_re(r"^(ached|aching|aches|hurt|hurts|hurting|throbbed|throbbing|sore|painful|agony)$"),
      _in("all"), _in("day"), _in("and", "&", "n"), {"LOWER": "all", "OP": "?"},
      _in("night")])  # fmt: skip

# "the back ache is exactly as it was" (after seven weeks of the routine)
_add("NOCHANGE",
     [_in("exactly", "just", "still", "much", "pretty"), _in("as", "the"),
      {"LOWER": "same", "OP": "?"}, {"LOWER": "as", "OP": "?"}, _in("it", "they"),
      _in("was", "were", "has", "have"), {"LOWER": "been", "OP": "?"}])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
_add("IDIOM",
     # "Bill next door fell off his ladder on Sunday": the neighbour's fall, told as news (the
     # span swallows the fall, so "Dave next door helped me up after I fell" is still mine)
     [{"IS_TITLE": True}, _in("next"), _in("door"),
      _re(r"^(fell|slipped|tripped|tumbled|had|has|came|crashed)$"),
      {"OP": "?"}, {"OP": "?"}, {"OP": "?"}],
     # "back is exactly as it was before the flare-up, i.e. fine!": back to how it was
     [_in("exactly", "just", "much", "pretty"), _in("as"), _in("it", "they"), _in("was", "were"),
      _in("before", "pre")],
     # "a bit of a crash of the computer at the library"
     [_in("crash", "crashed"), _in("of", "on"), _in("the", "my", "our"),
      _re(r"^(computer|laptop|system|website|app|phone|internet|wifi|tablet|ipad|server)$")],
     # "a fall in my pension", "a fall in prices"
     [_in("a", "the"), {"LOWER": {"IN": ["big", "small", "sharp", "slight"]}, "OP": "?"},
      _in("fall"), _in("in"), {"LOWER": {"IN": ["my", "the", "our", "his", "her"]}, "OP": "?"},
      _re(r"^(pension|pensions|prices?|rates?|value|income|savings|shares|numbers|sales|"
          r"temperature|interest|exchange|pound|dollar|euro|rent)$")])  # fmt: skip

DEV33_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "I don't want to bother anyone with it, the back has ached all day": not anyone else's
    ("bother anyone", "PSEUDO", "FORWARD",
     [_in("bother", "worry", "trouble", "burden", "disturb"), _in("anyone", "anybody")], None),
    # "for her party": the party is hers, the fall while hanging its bunting the writer's
    ("for her party", "PSEUDO", "FORWARD",
     [_in("for"), _in("her", "his", "their"),
      _re(r"^(party|birthday|wedding|christening|graduation|visit|sake|anniversary|do)$")],
     None),
    # "both of my legs have gone weak": gone weak, not gone away
    ("have gone weak", "PSEUDO", "FORWARD",
     [_in("have", "has", "'ve", "’ve", "had"), _in("gone", "went"),
      _re(r"^(weak|weaker|numb|dead|floppy|wobbly|funny|strange|heavy|stiff|useless)$")], None),
    # "could barely get from the chair to the commode": where to, not why
    ("from the chair to", "PSEUDO", "FORWARD",
     [_in("from"), _in("the", "my"),
      _re(r"^(chair|bed|sofa|settee|armchair|car|toilet|commode|bath|kitchen|lounge)$"),
      _in("to", "into")], None),
]  # fmt: skip

DEV33_WHOLE: list[tuple[str, str, str, Pattern]] = [
    # "tingling in both feet after the long flight home from Spain, gone by the next morning"
    # (not a hope: "hopefully it'll be gone by the morning", "I'm sure it'll be fine by the
    # evening")
    ("gone by the next morning", "HISTORICAL", "BACKWARD",
     [{"LOWER": {"NOT_IN": ["be", "'ll", "will", "should", "hopefully", "might", "may", "could",
                            "to", "hope", "hoping"]}},
      _in("gone", "went", "fine", "better", "cleared", "normal", "ok", "okay"), _in("by"),
      {"LOWER": {"IN": ["the", "next", "following"]}, "OP": "*"},
      _in("morning", "day", "evening", "bedtime", "lunchtime", "afternoon")]),
]  # fmt: skip

DEV33_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    # "The district nurse said I had a temperature on Monday": a past fever, asked about
    ([("on monday", "HISTORICAL", "BACKWARD",
       [_in("on", "last"), _in(*_WEEKDAYS)])], {"FEVER"}),
]  # fmt: skip
