"""Concept phrasings from the eighth dev set: the kinds of phrasing it showed we missed.

The earlier sets are in concepts.py, concepts_more.py and concepts_dev4.py to concepts_dev7.py.
This one adds the saddle in slang ("gooch", "taint") or as "the bit you'd sit on", not reacting to
touch down there, sex that has stopped working said plainly ("can't get an erection", "things
aren't working downstairs"), the urge to go that one "hasn't had", a whole staircase "top to
bottom", "the big C"; dictation's homophones ("lad her", "temper chair", "pain in my chess",
"lost loads of wait"); and harmless look-alikes: "neither leg", a spill called an accident,
falling in a dream, a tripped fuse, "feverish excitement", a cancer charity walk, a roof that
leaks, "weak for a good stretch", a stretch sent for the neighbour.
"""

from __future__ import annotations

import re

from bot.coach.patterns import GO_ON as _GO_ON
from bot.coach.patterns import OPT as _OPT
from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV8_RULES: list[Rule] = []

_add = adder(DEV8_RULES)


# Dictation's homophones, mended before anything reads the message.
DICTATION = [
    (re.compile(r"\blad(?:d)? her\b", re.IGNORECASE), "ladder"),
    (re.compile(r"\btemper (?:chair|ture|cher)\b", re.IGNORECASE), "temperature"),
    (re.compile(r"\b(pain|pains|tightness|pressure|ache) (in|on|across) my chess\b",
                re.IGNORECASE), r"\1 \2 my chest"),
    (re.compile(r"\b(lost|losing|lose|dropped|dropping) (loads of|a lot of|so much|lots of|a "
                r"load of|some|a bit of) wait\b", re.IGNORECASE), r"\1 \2 weight"),
    (re.compile(r"\bin my pen is\b", re.IGNORECASE), "in my penis"),
]  # fmt: skip

# -- the saddle in slang, or as the part one sits on ---------------------------------------------
_add("SADDLE",
     [_re(r"^(gooch|taint|grundle|perineum|undercarriage|nethers|taint's|gooch's)$")],
     [_in("nether"), _in("regions", "region", "bits")],
     [_in("bit", "part", "area", "bits", "parts"), _in("you", "you'd", "i", "i'd", "u"),
      _OPT, _in("sit", "sits")])  # fmt: skip
_add("SENSORY",
     [_re(r"^(not|n't|wasnt|isnt|no|stopped)$"), _in("reacting", "responding", "react",
                                                     "respond"), _in("to"), _OPT,
      _in("touch", "touching", "anything")])  # fmt: skip

# -- sex that has stopped working, said plainly ------------------------------------------------
_add("SEXUAL",
     [_re(r"^(cant|cannot|n't|unable|not)$"), _OPT,
      _in("get", "keep", "have", "maintain", "getting", "keeping"), _OPT,
      _re(r"^(erection|erections|boner|hard-on|hardon|stiffy|orgasm|climax)$")],
     [_in("things", "nothing", "everything", "stuff", "it"), _OPT,
      _re(r"^(not|n't|aint|isnt|arent)$"), _in("working", "work", "right", "functioning"),
      _in("downstairs", "down", "below", "there")],
     [_in("my"), _re(r"^(d|dick|cock|willy|penis|junk|manhood|member|todger|knob)$"),
      _re(r"^(doesnt|does|wont|wo|isnt|is|won't|doesn't|isn't)$"), _OPT,
      _in("work", "working", "rise", "stand", "get", "respond", "responding")])  # fmt: skip

# -- the urge to go one hasn't had; not knowing when one needs to go ------------------------------
_add("BLADDER",
     [_re(r"^(n't|nt|not|havent|hasnt|never)$"), _in("had", "felt", "got", "noticed"), _OPT,
      _in("urge", "need", "feeling", "sensation"), _in("to"),
      _re(r"^(pee|wee|poo|go|piss|empty)$")],
     [_re(r"^(n't|nt|not|dont|cant)$"), _OPT, _OPT, _in("know", "tell", "feel", "sense"),
      _in("when", "if", "whether"), _in("i"), _in("need", "have"), _GO_ON, _GO_ON,
      _re(r"^(pee|wee|poo|go|number|toilet|loo|piss|shit|crap|wee-wee)$")])  # fmt: skip

# -- a whole staircase, top to bottom; the big C -----------------------------------------------
_add("SEVERE_TRAUMA",
     [_in("down", "fell", "fallen", "tumbled"), _OPT, _in("whole", "entire", "full"),
      _re(r"^(staircase|stairs|flight|stairwell)$")],
     [_in("top"), _in("to"), _in("bottom")])  # fmt: skip
_add("CANCER", [_in("big"), {"TEXT": {"IN": ["C", "c"]}}])

DEV8_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "neither leg is tingling"
    ("neither", "NEGATED_EXISTENCE", "FORWARD", [_in("neither", "nor")], None),
    # "the bit you'd sit on if you were on a bike": a picture of where, not a hypothetical.
    ("if you were", "PSEUDO", "FORWARD",
     [_in("if"), _in("you", "u"), _in("were", "was", "'re"),
      _in("on", "in", "at", "sitting", "riding", "wondering")], None),
    # "the stretch you sent for my neighbour": someone else's.
    ("for my neighbour", "FAMILY", "BIDIRECTIONAL",
     [_in("for"), _in("my", "our"),
      _re(r"^(neighbour|neighbor|neighbours|neighbors|friend|colleague|coworker|nan|gran|"
          r"granny|grandma|grandad|auntie|aunt|uncle|client|patient|flatmate|housemate)$")],
     None),
]  # fmt: skip

# Causes that explain one kind of sign only: a spill called an accident, falling in a dream.
DEV8_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    ([("accident with the coffee", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_re(r"^(coffee|tea|milk|paint|wine|pot|mug|cup|juice|glue|spill|spilled|spilt|mess|"
            r"teapot|kettle|blender|printer|laptop|phone|hair|dye|scissors|toast|cake)$")])],
     {"ACCIDENT"}),
    ([("falling in a dream", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_re(r"^(nightmare|nightmares|mumbling|sleeptalking)$")])],
     {"FALL", "SEVERE_TRAUMA"}),
]  # fmt: skip
