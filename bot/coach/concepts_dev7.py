"""Concept phrasings from the seventh dev set: the kinds of phrasing it showed we missed.

The earlier sets are in concepts.py, concepts_more.py and concepts_dev4.py to concepts_dev6.py.
This one adds leaking said alone, damp underwear, not being able to tell whether one needs to go,
a saddle that feels fuzzy or wrapped in cling film, sex named in slang or as "feelingless", a
squeezing chest, a fall "going slow" or off the last stair, progress that is "zero", thin bones in
plain words; and harmless look-alikes: "thankfully not" after a sign, "suppose ..." as a
hypothetical, a bladder that has been fine "since", numbness that was "fine once I stood up", a
seat that explains a numb bum, the kids' toys one tripped over, "nothing down the leg".
"""

from __future__ import annotations

from bot.coach.patterns import GO_ON as _GO_ON
from bot.coach.patterns import OPT as _OPT
from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV7_RULES: list[Rule] = []

_add = adder(DEV7_RULES)


_CANT = _re(r"^(n't|nt|not|cant|cannot|couldnt|hard|impossible)$")

# -- leaking said alone, damp underwear, not telling whether one needs to go -------------------
_add("BLADDER",
     [_in("i", "i've", "ive", "i'm", "im", "i'd", "id", "me"), _OPT,
      _in("keep", "keeps", "kept", "been", "started", "start", "am", "always", "'ve", "'m"),
      _in("leaking", "dribbling", "wetting")],
     [_re(r"^(undies|underwear|pants|knickers|boxers|briefs)$"), _GO_ON, _GO_ON,
      _in("damp", "wet", "soaked", "soggy")],
     [_CANT, _OPT, _in("tell", "feel", "sense", "know"), _in("if", "when", "whether"), _OPT,
      _in("need", "needed", "have"), _GO_ON, _GO_ON,
      _re(r"^(pee|wee|poo|go|number|toilet|loo|piss|shit|crap)$")])  # fmt: skip
_add("ELIMINATION", [_in("number"), _in("2", "two", "twos", "1", "one", "ones")])

# -- the saddle fuzzy or wrapped, sex in slang or "feelingless" ---------------------------------
_add("SENSORY",
     [_re(r"^(fuzzy|muffled|cottony|wooden|feelingless|senseless|numbed)$")],
     [_in("cling", "saran", "plastic"), _in("film", "wrap")], [_in("clingfilm")])  # fmt: skip
_add("SEX_CTX",
     [_re(r"^(wank\w*|masturbat\w*|erection|erections|boner|orgasm|climax)$")],
     [_in("jerk", "jerking", "jerked"), _in("off")],
     [_in("touching", "touch", "touched"), _in("myself")])  # fmt: skip

# -- a squeezing chest ---------------------------------------------------------------------------
_add("PRESSURE", [_re(r"^(squeezing|squeeze|squeezed|tightening|gripping|clamping)$")])

# -- falls played down: going slow, the last stair -----------------------------------------------
_add("MINOR",
     [_in("going", "was", "were", "riding", "cycling"), _in("slow", "slowly")],
     [_in("last", "bottom", "final"), _OPT, _in("stair", "step", "stairs", "steps")])  # fmt: skip

# -- progress that is zero, a score that stays --------------------------------------------------
_add("NOT_IMPROVING",
     [_in("not", "isnt", "n't"), _in("reducing", "decreasing", "easing", "shifting", "budging",
                                     "lessening", "settling")],
     [_in("zero", "no", "nil"),
      _in("progress", "improvement", "difference", "change")])  # fmt: skip
_add("NOCHANGE", [_in("still"), _in("at", "on"), _in("a"), _re(r"^\d(/10)?$")])
_add("DURATION", [_in("months", "weeks"), _in("in")],
     [_re(r"^\d+|two|three|four|five|six$"), _in("months", "weeks"), _in("in")])  # fmt: skip

# -- thin bones in plain words -------------------------------------------------------------------
_add("BONE_RISK",
     [_in("bones"), _in("are", "'re", "have", "got"), _OPT,
      _in("thin", "thinning", "brittle", "fragile", "weak")],
     [_in("thin", "thinning", "fragile", "weak"), _in("bones")])  # fmt: skip

DEV7_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "tingling in my feet, thankfully not"
    ("thankfully not", "NEGATED_EXISTENCE", "BACKWARD",
     [_in("thankfully", "luckily", "fortunately", "happily", "phew", "touchwood"),
      _in("not", "none", "no", "never")], None),
    # "can't tell if I need to go or not anymore": "or not" is the choice, not a denial.
    ("or not", "PSEUDO", "FORWARD", [_in("or"), _in("not")], None),
    # "Suppose I lose control of my bladder one day ..."
    ("suppose", "HYPOTHETICAL", "FORWARD",
     [_re(r"^(suppose|supposing|imagine|hypothetically|theoretically|hypothetical)$")], None),
    # "my bladder played up years ago but not since"
    ("not since", "HISTORICAL", "BACKWARD", [_in("not", "nothing", "never"), _in("since")], None),
    # "bum went numb ..., fine once I stood up"
    ("fine once i stood", "NEGATED_EXISTENCE", "BACKWARD",
     [_in("fine", "gone", "better", "ok", "okay", "normal"),
      _in("once", "after", "when", "as"), {"LOWER": "soon", "OP": "?"},
      {"LOWER": "as", "OP": "?"}, _in("i"),
      _in("stood", "got", "moved", "walked", "shifted", "changed", "stretched", "sat")], None),
    # "tripped over the kids' toys": the toys are theirs, the fall is the person's.
    ("the kids' toys", "PSEUDO", "FORWARD",
     [_in("the", "my", "our", "his", "her"),
      _re(r"^(kids|kid|children|child|son|daughter|dog|cat|baby|toddler|husband|wife|partner)$"),
      {"TEXT": {"IN": ["'", "'s", "’s", "’"]}}, _OPT,
      _re(r"^(toys?|shoes?|bags?|balls?|bikes?|lego|stuff|things|bowls?|lead|leash|bed|"
          r"scooter|skateboard|trainers|boots|blocks|cars?)$")], None),
]  # fmt: skip

# ... unless it is only a comparison: "numb, like I've been on a bike seat for hours".
DEV7_CONTEXT.append(
    ("like i've been on a seat", "PSEUDO", "FORWARD",
     [_in("like", "as"), *[_GO_ON] * 6,
      _re(r"^(seats?|benches|bench|stools?|bleachers|pews?|chairs?|saddle|toilet|loo)$")], None)
)  # fmt: skip

# A seat explains a numb bottom: "numb on the stadium seats for a bit".
DEV7_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    ([("on the stadium seats", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_in("on", "in"), _in("the", "a", "my", "those", "these"), _OPT,
        _re(r"^(seats?|benches|bench|stools?|bleachers|pews?|chairs?|saddle|toilet|loo|"
            r"floor|ground)$"), _in("for"), _OPT, _OPT,
        _re(r"^(bit|while|minute|minutes|hour|hours|ages|mins|min)$")])],
     {"SENSORY", "SADDLE"}),
]  # fmt: skip
