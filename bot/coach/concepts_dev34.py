"""Concept phrasings from the thirty-fourth dev set (students and young adults, slang and frank
talk) that the rules read wrongly.

Signs: "my d feels numb when we hook up", "wanked and felt basically nothing", "is it normal to
not feel yourself peeing? bc that's happening rn", "lost control of my bladder in the lecture
hall", legs that "buckled ... both went at once", "went off the side of a trampoline", "weeks of
this and zero progress", "doesn't get any better". Look-alikes: "a massive car crash in GTA",
"accident and emergency on my placement", "came back as soon as i walked around", thighs
"burning from all the jumping", "not sure if it's gone" (a fever, not a bladder).
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV34_RULES: list[Rule] = []

_add = adder(DEV34_RULES)

# -- signs ----------------------------------------------------------------------------------------
# "my d feels numb when we hook up"
_add("SEX_CTX",
     [_in("we", "i", "when"), {"LOWER": {"IN": ["we", "i"]}, "OP": "?"},
      _in("hook", "hooked", "hooking"), _in("up")],
     [_in("jerked", "jerking", "jerk"), _in("off")])  # fmt: skip
# "wanked (sorry) and felt basically nothing": nothing felt, alone (not "did the hamstring
# stretch and felt basically nothing")
_add("SEXUAL",
     [_re(r"^(wanked|wanking|wank|masturbat\w*)$"), {"OP": "?"}, {"OP": "?"}, {"OP": "?"},
      {"OP": "?"}, _in("felt", "feel", "feeling"),
      {"LOWER": {"IN": ["basically", "absolutely", "literally", "pretty", "much", "like"]},
       "OP": "*"}, _in("nothing")])  # fmt: skip

# "since his back went at the gym he's lost function in the bedroom completely" (the rebuilt bank
# stopped catching it)
_add("SEXUAL",
     [_in("lost", "losing", "no", "zero", "lose"), _in("function", "feeling", "sensation"),
      _in("in", "down"), _in("the"), _in("bedroom")])  # fmt: skip

# "is it normal to not feel yourself peeing?"
_add("BLADDER",
     [_in("not", "n't", "cant", "can't", "cannot"), _in("feel"),
      _in("yourself", "myself", "it", "when"), {"LOWER": {"IN": ["i", "you"]}, "OP": "?"},
      _re(r"^(pee|peeing|wee|weeing|piss|pissing|poo|pooing)$")])  # fmt: skip

# "went off the side of a trampoline at the park and landed on the concrete" (not "fell off the
# trampoline with the kids lol": asked about)
_add("SEVERE_TRAUMA",
     [_in("went", "fell", "flew", "came", "bounced", "thrown", "flung"), _in("off", "over"),
      _in("the"), _in("side", "edge"), _in("of"), _in("a", "the", "my"),
      _in("trampoline")])  # fmt: skip

# "weeks of this and zero progress", "6+ weeks, doesn't get any better"
_add("DURATION",
     [_in("weeks", "months"), _in("of"), _in("this", "it", "that")])  # fmt: skip
_add("NOT_IMPROVING",
     [_in("does", "do", "did", "wo", "will"), _in("n't", "not", "nt"), _in("get", "gets"),
      _in("any"), _in("better")])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
_add("IDIOM",
     # "accident and emergency on my placement was rammed" (the hospital department)
     [_in("accident"), _in("and", "&"), _in("emergency")],
     # "was burning up last night, not sure if it's gone": the fever, not a bladder
     # (not "not sure if it's gone numb down there")
     [{"IS_PUNCT": True}, _in("not"), _in("sure"), _in("if", "whether"),
      _in("it", "its", "it's"), {"LOWER": {"IN": ["'s", "’s", "is"]}, "OP": "?"}, _in("gone"),
      {"IS_PUNCT": True}],
     # "doesn't get any better than this stretch": praise, not a back that is not improving
     [_in("does", "do", "did", "wo", "will"), _in("n't", "not", "nt"), _in("get", "gets"),
      _in("any"), _in("better"), _in("than"), {"OP": "?"}])  # fmt: skip

DEV34_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "my legs buckled on the stairs, both went at once": both gave way, nothing passed
    ("both went at once", "PSEUDO", "FORWARD",
     [_in("both", "they"), _in("went", "gave"), {"LOWER": "way", "OP": "?"}, _in("at"),
      _in("once")], None),
    # "lost control of my bladder in the lecture hall today": the hall, not a lecture on it
    ("lecture hall", "PSEUDO", "FORWARD",
     [_in("lecture", "lectures"), _in("hall", "halls", "theatre", "theater", "room")], None),
]  # fmt: skip

DEV34_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    # "my thighs are burning from all the jumping" (a trampoline park): effort, not nerves
    ([("from all the jumping", "NEGATED_EXISTENCE", "BACKWARD",
       [_in("from", "after"), {"LOWER": "all", "OP": "?"}, _in("the", "that", "those"),
        # (running, walking and the like are older rules' benign causes)
        _re(r"^(jumping|dancing|bouncing|moshing|raving|skipping)$")])],
     {"RADIATE", "WEAK"}),
]  # fmt: skip

DEV34_WHOLE: list[tuple[str, str, str, Pattern]] = [
    # "bum went numb on the 6 hour megabus, came back as soon as i walked around"
    # (the feeling, not "it came back as soon as i moved": numbness that came back)
    ("came back as soon as", "HISTORICAL", "BACKWARD",
     [_in("feeling", "sensation", "feelings"), _in("came", "comes", "come"), _in("back"),
      _in("as"), _in("soon"), _in("as"), _in("i", "we")]),
]  # fmt: skip
