"""Concept phrasings from the twenty-second dev set (users aged 25 to 80, signs said by what
people notice) that the rules read wrongly.

Signs: "haven't needed a wee since last night" (having drunk loads), a "bottom that feels
asleep", "came down on the metal frame from full height", "nothing down there works", a "belt
that needs a new hole" with "no appetite", pain that "started in January" and is "same every
day", a knock "into the door frame" (a question decides). Look-alikes: "a little accident with
my coffee", a "falls prevention class", nights woken "because of the baby", legs numb from an
epidural "8 years ago, fine ever since", "on the way back from the school run".
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV22_RULES: list[Rule] = []

_add = adder(DEV22_RULES)

_WEE = _re(r"^(wee|pee|piss|wees|pees|poo|toilet|loo|wee-wee)$")

# -- signs ----------------------------------------------------------------------------------------
# "Haven't needed a wee since last night": no urge, the "n't" part of the sign
_add("BLADDER",
     [_in("have", "has", "ha"), _in("n't", "not"), _in("needed", "need", "had", "felt", "done"),
      {"LOWER": {"IN": ["a", "to", "the", "any"]}, "OP": "?"},
      {"LOWER": {"IN": ["go", "do", "have", "urge"]}, "OP": "?"},
      {"LOWER": {"IN": ["a", "to"]}, "OP": "?"}, _WEE, _in("since", "all", "for")],
     [_in("have", "has", "ha"), _in("n't", "not"),
      _in("peed", "weed", "pissed", "urinated", "been"), _in("since", "all", "for")])  # fmt: skip
# "bottom feels asleep all the time now"
_add("SENSORY",
     [_in("feels", "feel", "felt", "is", "stays", "still", "keeps"),
      {"LOWER": {"IN": ["like", "it's", "its"]}, "OP": "?"}, _in("asleep")],
     [_re(r"^(it|bum|bottom|backside|butt|arse|leg|legs|foot|feet|groin)$"), _in("wo", "will"),
      _in("n't", "not"), _in("wake")])  # fmt: skip
# "came down on the metal frame from full height"
_add(
    "FALL",
    [_in("came", "come", "coming", "comes"), _in("down"), _in("on", "onto", "hard", "heavily")],
)
_add("HEIGHT",
     [_in("full", "great", "big", "some", "a"), _in("height")],
     [_in("from"), _in("the"), _in("top")])  # fmt: skip
# "basically nothing down there works since the disc thing"
_add("SEXUAL",
     [_in("nothing", "none"), {"LOWER": {"IN": ["down", "below"]}, "OP": "?"},
      {"LOWER": {"IN": ["there", "below", "stairs"]}, "OP": "?"},
      _in("works", "working", "work", "responds", "happens")],
     [_in("nothing"), _in("works", "working", "happens"), _in("down"),
      _in("there", "below", "stairs")])  # fmt: skip
# "belt needs a new hole, no appetite"
_add("WEIGHT",
     [_in("belt", "belts"), {"LOWER": {"IN": ["needs", "needed", "on"]}, "OP": "?"},
      {"LOWER": {"IN": ["a", "another"]}, "OP": "?"}, _in("new", "extra", "tighter"),
      _in("hole", "holes", "notch", "notches")],
     [_in("new", "extra"), _in("hole", "notch"), _in("in", "on"), _in("my"),
      _in("belt")])  # fmt: skip
_add("UNEXPLAINED",
     [_in("no", "zero", "lost", "losing", "nil"), {"LOWER": "my", "OP": "?"},
      _in("appetite")])  # fmt: skip
# "This low back pain started in January and it's now March. Same every day."
_add("DURATION",
     [_in("started", "began", "start", "begun"), _in("in", "back", "around"),
      {"LOWER": "in", "OP": "?"},
      _re(r"^(january|february|march|april|may|june|july|august|september|october|november|"
          r"december|jan|feb|spring|summer|autumn|winter)$")])  # fmt: skip
_add("NOCHANGE", [_in("same"), _in("every", "each"), _in("day", "morning", "week")])
# "Knocked into the door frame quite hard": a knock; a question decides whether it hurt
_add("FALL",
     [_in("knocked", "banged", "bashed", "smacked", "slammed", "backed", "walked"), _in("into"),
      {"LOWER": {"IN": ["the", "a", "my"]}, "OP": "?"}, {"OP": "?"},
      _re(r"^(door|frame|doorframe|door-frame|table|corner|wall|counter|worktop|cupboard|post|"
          r"pole|shelf|desk|bannister|banister|railing|radiator)$")])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
_add("IDIOM",
     # "a little accident with my coffee on the mat"
     [_in("accident", "accidents", "spill", "mishap"), _in("with"),
      {"LOWER": {"IN": ["my", "the", "a", "some"]}, "OP": "?"},
      _re(r"^(coffee|tea|drink|water|juice|wine|paint|milk|soup|smoothie|cup|mug|glass|"
          r"bottle|ink|pen|printer|scissors|glue|food|dinner)$")],
     # "the falls prevention class"
     [_in("falls", "fall"),
      _in("prevention", "clinic", "class", "classes", "team", "service", "risk", "assessment",
          "programme", "program", "awareness")])  # fmt: skip

DEV22_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "no appetite, back sore": the "no" is the appetite's, not the back's
    ("no appetite", "PSEUDO", "FORWARD", [_in("no", "zero", "nil"), _in("appetite")], None),
    # "on the way back from the school run": a route, not a cause that explains a trip away
    ("on the way back from", "PSEUDO", "FORWARD",
     [_in("on"), _in("the", "my"), _in("way"), _in("back", "home", "to"),
      {"LOWER": "from", "OP": "?"}], None),
    # "waking up every night because of the baby, not my back"
    ("because of the baby", "NEGATED_EXISTENCE", "BACKWARD",
     [_in("because", "cos", "cause", "thanks", "due"), _in("of", "to"),
      {"LOWER": {"IN": ["the", "my", "our", "a"]}, "OP": "?"},
      _re(r"^(baby|babies|newborn|kids|toddler|twins|dog|puppy|cat|kitten|neighbours|"
          r"neighbors|noise|snoring|heat|shift|shifts|nightshift|teething|feeds|feeding)$")],
     None),
    # "my legs were numb for a day from the epidural, fine ever since, that was 8 years ago"
    ("that was years ago", "HISTORICAL", "BACKWARD",
     [_in("that", "this", "it"), _in("was", "were"),
      _re(r"^(\d+|a|two|three|four|five|six|seven|eight|nine|ten|many|several|few)$"),
      {"LOWER": "few", "OP": "?"}, _in("years", "yrs", "decades"), _in("ago", "back")], None),
    ("fine ever since", "HISTORICAL", "BACKWARD",
     [_in("fine", "ok", "okay", "good", "grand", "normal"), _in("ever"), _in("since")], None),
]  # fmt: skip
