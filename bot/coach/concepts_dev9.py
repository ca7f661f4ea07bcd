"""Concept phrasings from the ninth dev set: the kinds of phrasing it showed we missed.

The earlier sets are in concepts.py, concepts_more.py and concepts_dev4.py to concepts_dev8.py.
This one adds the other leg that "has joined in", legs with no "push" in them, a flight over the
handlebars, cancer and bone drugs by name (tamoxifen, alendronate), teeth chattering, pacing the
kitchen at 2am, a leg without "the strength it did", a whole dress size down without trying, "not
getting any better", "still as bad as"; and harmless look-alikes: "stumbled across", a nice ache,
something read online, "if you have ..." said of anyone (a checklist answered "fever no" is read
in understand.normalise).
"""

from __future__ import annotations

import re

from bot.coach.patterns import GO_ON as _GO_ON
from bot.coach.patterns import OPT as _OPT
from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV9_RULES: list[Rule] = []

_add = adder(DEV9_RULES)


DICTATION = [(re.compile(r"\bgroup? in area\b", re.IGNORECASE), "groin area")]

# -- the other leg joining in; sex that stopped working in slang ---------------------------------
_add("LEGS",
     [_in("left", "right", "other"), _OPT, _OPT, _in("joined", "joining", "joins"),
      _in("in", "it", "the")])  # fmt: skip
_add("SEXUAL",
     [_in("old", "little", "my", "the"),
      _re(r"^(fella|fellas|feller|fellow|chap|johnson|willy|todger|knob|junk|manhood|member|"
          r"dick|cock|penis|john)$"), {"TEXT": {"IN": ["'s", "’s"]}, "OP": "?"},
      _in("stopped", "quit", "given", "gave", "not", "n't", "isnt", "wont", "won't"),
      _in("working", "work", "up", "responding", "playing")])  # fmt: skip

# -- a flight over the handlebars, speed downhill -----------------------------------------------
_add("FALL", [_in("over"), _in("the", "my"), _in("handlebars", "bars", "handlebar", "handle")])
_add("SPEED", [_in("flying", "bombing", "hurtling", "racing", "screaming", "belting"),
               _in("down", "along", "round", "around")])  # fmt: skip

# -- drugs that name a cancer or thin bones -----------------------------------------------------
_add("CANCER",
     [_re(r"^(tamoxifen|letrozole|anastrozole|exemestane|herceptin|keytruda|zoladex|"
          r"capecitabine|bicalutamide|enzalutamide|abiraterone|imatinib)$")])  # fmt: skip
_add("BONE_RISK",
     [_re(r"^(alendronate|alendronic|risedronate|ibandronate|bisphosphonates?|zoledronic|"
          r"denosumab|prolia|fosamax|actonel|zometa)$")])  # fmt: skip

# -- a chill said as chattering teeth, coming down with something -------------------------------
_add("FEVER",
     [_in("teeth"), _in("chattering", "chatter", "were", "are")],
     [_in("coming", "come", "came"), _in("down"), _in("with"),
      _in("something", "a", "the", "flu", "covid", "summat")])  # fmt: skip

# -- nights: pacing at 2am, waking through the night --------------------------------------------
_add("RESTLESS",
     [_in("pacing", "walking", "wandering", "prowling"), _OPT,
      _in("kitchen", "floor", "house", "landing", "room", "hallway", "lounge")])  # fmt: skip
_add("NIGHT", [_in("wakes", "woke", "waking", "wake"), _in("me", "us"), _OPT,
               _in("through", "in", "during", "every", "all")])  # fmt: skip

# -- a leg without its strength ------------------------------------------------------------------
_add("WEAK",
     [_re(r"^(n't|not|no|nt)$"), _in("have", "got", "has"), _OPT,
      _in("strength", "power", "push", "oomph", "grip")],
     [_in("no"), _in("strength", "power", "push", "oomph"), _in("in", "left")])  # fmt: skip

# -- a dress size down without trying -------------------------------------------------------------
_add("WEIGHT",
     [_in("down", "dropped", "lost"), _in("a", "one", "two", "whole", "an"), _OPT,
      _in("dress", "jeans", "trouser", "trousers", "clothes", "clothing", "shirt", "belt",
          "waist"), _in("size", "sizes", "notch", "notches")])  # fmt: skip
_add("UNEXPLAINED",
     [_re(r"^(n't|not|havent|hasnt|never)$"), _OPT,
      _in("tried", "trying", "dieting", "dieted")])  # fmt: skip

# -- not getting any better, still as bad ---------------------------------------------------------
_add("NOT_IMPROVING", [_re(r"^(n't|not|isnt)$"), _in("getting"), _in("any"), _in("better")])
_add("NOCHANGE", [_in("still"), _in("as"), _in("bad", "sore", "painful", "stiff"), _in("as")])

DEV9_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "read online that back pain at night can be serious"
    ("read online that", "HYPOTHETICAL", "FORWARD",
     [_in("read", "heard", "saw", "seen", "learned", "learnt"),
      _in("online", "somewhere", "today", "once", "on"), _OPT, _in("that", "about")], None),
    # "is it safe ... if you have osteoporosis": of anyone
    ("if you have", "HYPOTHETICAL", "FORWARD",
     [_in("you", "someone", "somebody", "people", "u"), _in("have", "has", "get", "got", "'ve")],
     None),
    # "can't get comfy no matter what": no denial
    ("no matter", "PSEUDO", "FORWARD", [_in("no"), _in("matter")], None),
    # "numb like after sitting on them (but I haven't been)": a comparison
    ("like after sitting", "PSEUDO", "FORWARD",
     [_in("like", "as"), _in("after", "from", "when", "following"), _GO_ON, _GO_ON], None),
    # "tripped over the kids scooter": the scooter is theirs, the fall mine
    ("the kids scooter", "PSEUDO", "FORWARD",
     [_in("the", "my", "our"), _in("kids", "kid", "children", "dog", "dogs", "cat", "baby"),
      _re(r"^(toys?|shoes?|bags?|balls?|bikes?|lego|stuff|things|bowls?|lead|leash|bed|"
          r"scooter|skateboard|trainers|boots|blocks|cars?)$")], None),
]  # fmt: skip
