"""Concept phrasings from the fifth dev set: the kinds of phrasing it showed we missed.

concepts.py, concepts_more.py and concepts_dev4.py hold the earlier sets. This one adds feeling
that is "barely" there, a leak the person had "no idea" about, a tumble down every step, speed
("going fast", "at full pelt") that makes a crash serious, a crash played down ("only slow", "a
little bump", "grazed my knee") that is not, kilos down on the scales, nerve pain as "zaps" or a
leg that "burns from the hip", pain scores "stuck at 5" that nothing moves; and harmless
look-alikes: nothing "going down" the legs, a bladder that complains of the water drunk, toes
one can't reach, a star sign read in a horoscope, a fever one is "better now" from.
"""

from __future__ import annotations

from typing import Any

from bot.coach.patterns import OPT as _OPT
from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

_DET: dict[str, Any] = {"LOWER": {"IN": ["the", "a", "some", "those", "these", "our", "my"]},
                        "OP": "?"}  # fmt: skip


DEV5_RULES: list[Rule] = []

_add = adder(DEV5_RULES)


_GO_ON: dict[str, Any] = {"LOWER": {"NOT_IN": [",", ".", "but", ";"]}, "OP": "?"}
_STAIRS = _re(r"^(stairs|steps|staircase|stairway|stairwell|flight)$")

# -- feeling that is barely there ----------------------------------------------------------------
_add("SENSORY",
     [_in("barely", "hardly", "scarcely"), _in("feel", "felt", "feeling", "sense")],
     # nerve pain said as zaps and jolts
     [_re(r"^(zaps?|zapping|zapped|zings?|jolts?|jolting|shocks?)$")])  # fmt: skip
_add("HURT", [_re(r"^(burns|burning)$")])

# -- a leak the person did not notice ------------------------------------------------------------
_add("BLADDER",
     [_in("no", "zero"), _in("idea", "clue", "warning"), _OPT, _OPT, _OPT,
      _re(r"^(wet\w*|pee\w*|wee\w*|soil\w*|poo\w*|leak\w*|piss\w*)$")])  # fmt: skip

# -- falls down every step, speed that makes a crash serious -----------------------------------
_add("SEVERE_TRAUMA",
     [_re(r"^(tumbled|bounced|rolled|slid|slipped|skidded|crashed|clattered|bumped|toppled|"
          r"cartwheeled|somersaulted)$"), _in("down"), _DET, _OPT, _STAIRS],
     [_in("went", "came", "go", "gone"), _in("down"), _DET, _OPT, _STAIRS, _OPT, _OPT, _OPT,
      _OPT, _in("every", "head", "backwards", "headfirst")])  # fmt: skip
_add("FALL", [_in("down", "hit", "on"), _in("every", "each"), _OPT,
              _re(r"^(one|step|stair|single)$")])  # fmt: skip
_add("SPEED",
     [_in("going", "went", "travelling", "traveling", "doing", "was", "were"),
      _re(r"^(fast|flat-out|quick|quickly)$")],
     [_in("at", "full", "top", "high", "flat"),
      {"LOWER": {"IN": ["full", "top", "high", "great", "breakneck", "some"]}, "OP": "?"},
      _in("speed", "pelt", "tilt", "whack", "out")],
     [_in("really", "very", "so", "too"), _in("fast")])  # fmt: skip

# -- a crash or fall played down -----------------------------------------------------------------
_add("MINOR",
     [_in("only", "just", "quite", "really", "very", "pretty", "fairly"),
      _re(r"^(slow|slowly|gentle|gently|minor|small|little|tiny|light|mild)$")],
     [_re(r"^(little|small|minor|tiny|slight|low-speed|wee|baby)$"),
      _re(r"^(bump|knock|prang|scrape|accident|crash|shunt|collision|tap|bang|fall|tumble|"
          r"slip|trip|fender|ding)$")],
     [_in("fender"), _in("bender")], [_in("minor")], [_in("no"), _in("big"), _in("deal")],
     [_in("nothing"), _in("major", "serious", "bad", "big", "dramatic", "much")],
     [_in("low", "walking"), _in("speed", "pace")], [_in("barely", "hardly"), _in("moving")],
     [_re(r"^(grazed|scraped|scuffed|skinned|bruised)$"), _in("my"),
      _re(r"^(knees?|elbows?|hands?|arms?|palms?|shins?|chin|wrists?)$")])  # fmt: skip

# -- kilos down on the scales --------------------------------------------------------------------
_add("WEIGHT",
     [_re(r"^\d+(\.\d+)?$"), _re(r"^(kilos?|kgs?|pounds?|lbs?|stones?|st)$"),
      _in("down", "lighter", "off", "less", "gone")],
     [_re(r"^\d+(\.\d+)?(kg|kgs|lb|lbs|st)$"), _in("down", "lighter", "off", "less", "gone")],
     [_in("lost", "dropped", "down"), _re(r"^\d+(\.\d+)?$"),
      _re(r"^(kilos?|kgs?|pounds?|lbs?|stones?)$")])  # fmt: skip

# -- pain scores stuck where they were -----------------------------------------------------------
_add("NOCHANGE",
     [_in("nothing"), _re(r"^(moves|shifts|helps|touches|changes|budges|works)$"), _OPT],
     [_re(r"^(sitting|stuck|stayed|staying|sat|hovering|parked)$"), _in("at", "on", "around"),
      _re(r"^\d+(/10)?$")])  # fmt: skip

DEV5_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "nothing going down the legs, it stays in my back"
    ("nothing going", "NEGATED_EXISTENCE", "FORWARD",
     [_in("nothing", "nothing's", "nothings"),
      _re(r"^(going|goes|gone|shooting|shoots|travels|travelling|traveling|radiates|radiating|"
          r"spreads|spreading|runs|running|moves|moving)$")], None),
    # "numb like after an injection at the dentist": the whole comparison, however long.
    ("like at the dentist", "PSEUDO", "FORWARD",
     [_in("like", "as"), *[_GO_ON] * 5,
      _re(r"^(dentist|dentists|dentist's|dental|filling|anaesthetic|anesthetic|novocaine|"
          r"injection|jab|epidural)$")], None),
    # "had a fever last week but I'm better now"
    ("better now", "HISTORICAL", "BACKWARD",
     [_in("i'm", "im", "am", "feel", "feeling", "felt", "all", "much", "i"), _OPT,
      _in("better", "recovered", "fine", "ok", "okay", "good", "well"), _in("now")], None),
]  # fmt: skip

# A cause that explains one kind of sign only: water drunk for a full bladder.

DEV5_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    ([("drinking water", "NEGATED_EXISTENCE", "FORWARD",
       [_re(r"^(drinking|drink|drank|drunk|downing|chugging)$"), _OPT, _OPT, _OPT,
        _re(r"^(water|litres?|liters?|fluids?|coffee|coffees|tea|teas|beer|beers|pints?|"
            r"bottles?|glasses)$")])],
     {"ELIMINATION"}),
]  # fmt: skip

# "can't reach my toes" is the stretch's own topic, not a weak foot: a scope of two words.
DEV5_NEAR: list[tuple[str, str, str, Pattern, set[str]]] = [
    ("reach my toes", "NEGATED_EXISTENCE", "FORWARD", [_in("reach", "touch", "grab")],
     {"LEG", "FOOT"}),
]  # fmt: skip
