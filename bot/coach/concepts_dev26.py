"""Concept phrasings from the twenty-sixth dev set (messages sent during or just after a
routine about the stretch in front of the person, replies to the pain prompt, typed fast on
phones) that the rules read wrongly.

Signs: "came off the trampoline onto the concrete", "got speared into the ground at rugby",
"things dont work down below". Look-alikes: a warm tingle "gone the moment i let go" (of the
stretch, not the bladder), a "zing" that "eased straight away", both feet that "went to sleep
kneeling on them", a bum that went numb "but it came back after a minute" (understand._OVER), "my
husbands got sciatica" (his, not the writer's).
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder, mended
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV26_RULES: list[Rule] = []

# Text-speak read as English before the rules run: "slipd on the stairs"
DICTATION = [mended("slipd", "slipped"), mended("trippd", "tripped"), mended("fel", "fell")]

_add = adder(DEV26_RULES)

_HARD_GROUND = r"^(concrete|tarmac|asphalt|patio|paving|pavement|ground|floor|rocks?|fence|road)$"

# -- signs ----------------------------------------------------------------------------------------
# "came off the trampoline onto the concrete", "bounced off the trampoline onto the concrete"
_add("SEVERE_TRAUMA",
     [_re(r"^(came|come|fell|fallen|bounced|flew|flown|thrown|launched|went|shot)$"),
      _in("off", "out"), {"LOWER": "of", "OP": "?"},
      {"LOWER": {"IN": ["the", "a", "my", "our"]}, "OP": "?"}, _in("trampoline", "trampolines"),
      {"IS_PUNCT": True, "OP": "?"}, {"LOWER": {"IN": ["and", "right", "straight"]}, "OP": "?"},
      _in("onto", "on", "into"), {"LOWER": {"IN": ["the", "a", "some"]}, "OP": "?"},
      _re(_HARD_GROUND)],
     # "trampoline disaster, bounced off the side onto the concrete"
     [_re(r"^(bounced|flew|flown|thrown|launched|shot|catapulted)$"), _in("off", "out"),
      {"LOWER": "of", "OP": "?"}, {"LOWER": {"IN": ["the", "a", "my", "our"]}, "OP": "?"},
      _in("side", "edge", "net", "springs"), {"IS_PUNCT": True, "OP": "?"},
      _in("onto", "on", "into"), {"LOWER": {"IN": ["the", "a", "some"]}, "OP": "?"},
      _re(_HARD_GROUND)],
     # "got speared into the ground at rugby": a tackle that drives one head or back first down
     [_in("got", "get", "was", "been", "getting"),
      _re(r"^(speared|spear|piledrived|piledriven|pile-driven|spear-tackled)$"),
      {"LOWER": {"IN": ["me", "him", "her", "head", "headfirst"]}, "OP": "?"},
      _in("into", "onto"), {"LOWER": {"IN": ["the", "my"]}, "OP": "?"},
      _in("ground", "floor", "turf", "deck", "pitch", "grass", "mat")])  # fmt: skip
# "things dont work down below since my back got worse"
_add("SEXUAL",
     [_in("things", "bits", "stuff", "everything", "it"), _in("do", "does", "did"),
      _in("n't", "nt", "not"), _in("work", "working", "function"),
      {"LOWER": {"IN": ["properly", "right", "anymore", "like", "normally"]}, "OP": "?"},
      _in("down"), _in("below", "there", "stairs")])  # fmt: skip

DEV26_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "both feet went to sleep kneeling on them": the posture explains it
    ("knelt on them", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
     [_in("kneeling", "knelt", "kneel", "squatting", "crouching", "squatted", "crouched"),
      _in("on"), _in("them", "it", "my", "the")], None),
    # "my husbands got sciatica": the apostrophe left out ("at my mums" is a place)
    ("husbands", "FAMILY", "BIDIRECTIONAL",
     [_in("my", "her", "his", "our"), _re(r"^(husbands|wifes|hubbys|partners)$"),
      _in("got", "has", "had", "is", "been", "having", "gets", "back", "leg", "legs", "knee",
          "sciatica", "pain", "hip", "neck")], None),
]  # fmt: skip

DEV26_WHOLE: list[tuple[str, str, str, Pattern]] = [
    # "felt a zing behind my knee, eased straight away when i backed off"
    ("eased straight away", "HISTORICAL", "BACKWARD",
     [_in("eased", "went", "gone", "stopped", "settled", "faded", "disappeared", "passed"),
      {"LOWER": {"IN": ["off", "away"]}, "OP": "?"}, _in("straight", "right", "at"),
      _in("away", "once")]),
    ("eased immediately", "HISTORICAL", "BACKWARD",
     [_in("eased", "went", "gone", "stopped", "settled", "faded", "disappeared", "passed"),
      {"LOWER": {"IN": ["off", "away"]}, "OP": "?"}, _in("immediately", "instantly")]),
    # "tingly warm feeling during the hold, gone the moment i let go"
    ("gone the moment", "HISTORICAL", "BACKWARD",
     [_in("gone", "went", "stopped", "eased", "faded", "disappeared", "vanished"),
      {"LOWER": {"IN": ["away", "off"]}, "OP": "?"}, _in("the", "as"),
      _in("moment", "minute", "second", "instant", "soon")]),
]  # fmt: skip
