"""Concept phrasings from the forty-second dev set (shift workers and the emergency and caring
professions) that the rules read wrongly.

Signs: "shoved into a wall by a confused patient", "fell back against the bed frame", "knocked
into a door frame by a patient trolley", "fell through the loft hatch", "a whole flight of
concrete stairs". Look-alikes: patients, residents, crewmates and the public in clinical words
("Pt with a cancer history", "bed 12 bilateral leg weakness", "Lady we picked up", "three chest
pains and an overdose", "saddle sensation intact"), a message sent to the wrong chat, "this
rota is giving me chest pains lol", "a pain in the back. Figuratively", a leg that "went dead
sitting on the loo".
"""

from __future__ import annotations

from bot.coach.patterns import OPT, Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV42_RULES: list[Rule] = []

_add = adder(DEV42_RULES)

_PEOPLE = ("patient", "patients", "pt", "pts", "resident", "residents", "client", "clients",
           "casualty", "casualties", "crewmate", "crewmates", "workmate", "coworker",
           "co-worker", "colleague", "prisoner", "inmate", "lady", "woman", "man", "bloke",
           "gent", "gentleman", "chap", "fella", "guy", "kid", "child", "person",
           "punter")  # fmt: skip

# -- signs ----------------------------------------------------------------------------------------
# "got shoved into a wall by a confused patient", "pushed against the door", "knocked into a
# door frame by a trolley", "a porter knocked me into a door frame": a knock, read with the
# falls (hurt or not decides)
_add("FALL",
     [_in("knocked", "shoved", "pushed", "barged", "threw", "slammed", "flung", "bumped"),
      _in("me"), _in("into", "against", "onto", "over", "off")],
     [{"LOWER": {"IN": ["got", "was", "been", "get", "were", "being"]}, "OP": "?"},
      _in("shoved", "pushed", "slammed", "barged", "flung", "rammed"),
      {"LOWER": {"IN": ["hard", "back", "backwards", "straight"]}, "OP": "?"},
      _in("into", "against", "onto"), _in("a", "the", "my"),
      {"LOWER": {"IN": ["brick", "concrete", "metal", "door", "bed", "glass"]}, "OP": "?"},
      _in("wall", "door", "frame", "floor", "doorframe", "railing", "railings", "radiator",
          "table", "counter", "desk", "locker", "cabinet", "post", "pillar", "bedframe",
          "bed", "trolley", "stairs", "ground")],
     # "got knocked into a door frame by a patient trolley" (not "knocked into the door frame,
     # clumsy me": the person's own bump)
     [_in("got", "was", "been", "get", "were", "being"), _in("knocked", "bumped", "thrown"),
      _in("into", "against", "onto")])  # fmt: skip
# "I fell back against the bed frame", "fell backwards onto the step" (not "fell back asleep")
_add("FALL",
     [_in("fell", "fall", "falling", "fallen", "went"), _in("back", "backwards", "backward"),
      _in("against", "onto", "into", "on", "over", "down")])  # fmt: skip
# "fell through the loft hatch", "through the ceiling", "a whole flight of concrete stairs"
_add("HEIGHT",
     [_in("through"), _in("the", "a"),
      {"LOWER": {"IN": ["loft", "attic", "roof", "garage", "barn"]}, "OP": "?"},
      _in("hatch", "ceiling", "floor", "floorboards", "roof", "skylight", "trapdoor")],
     [_in("whole", "full", "entire"), _in("flight")],
     [_in("flight"), _in("of"), _in("concrete", "stone", "steel", "metal", "marble")])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
# "three chest pains and an overdose", "two fallers and a query stroke": cases on a shift
_add("IDIOM",
     [_re(r"^(two|three|four|five|six|seven|eight|nine|ten|\d+|several|loads|endless)$"),
      {"LOWER": {"IN": ["more", "other", "back", "x"]}, "OP": "?"},
      _in("chest", "fallers", "falls", "overdoses", "strokes", "collapses", "fevers",
          "stemis", "nstemis"),
      {"LOWER": {"IN": ["pains", "pain"]}, "OP": "?"}])  # fmt: skip
# "this rota is giving me chest pains lol": the rota, not the heart
_add("IDIOM",
     [_in("giving", "gives", "give", "gave"), _in("me"),
      {"LOWER": {"IN": ["actual", "literal", "real"]}, "OP": "?"},
      _in("chest", "heart"), _in("pains", "pain", "palpitations", "attack", "attacks"),
      _in("lol", "lmao", "haha", "hahaha", "😂", "🤣", "😅", "😭")],
     [_in("giving", "gives", "give", "gave"), _in("me"), _in("a"), _in("heart"),
      _in("attack")])  # fmt: skip
# "a stretch for tight hamstrings before I crash", "crashed out on the sofa": asleep
_add("IDIOM",
     [_in("before", "until", "till", "then", "and"), _in("i", "we"), _in("crash")],
     [_in("crash", "crashed", "crashing"), _in("out")],
     [_in("crash", "crashed", "crashing"), _in("on", "onto"), _in("the", "my"),
      _in("sofa", "couch", "bed", "settee")])  # fmt: skip
# "Down from a 5 to a 2 on the pain scale over a month": better, not stuck
_add("IDIOM",
     [_in("down", "dropped", "gone", "went", "fallen", "improved"), _in("from"),
      {"LOWER": "a", "OP": "?"}, _re(r"^(?:10|[1-9])$"), _in("to"), {"LOWER": "a", "OP": "?"},
      _re(r"^(?:10|[0-9])$"),
      {"LOWER": {"IN": ["on", "in", "the", "my", "pain", "scale", "score", "/10", "out", "of",
                        "10"]}, "OP": "*"}])  # fmt: skip
# "oncology referral done", "I work on the cancer ward": the service, not a diagnosis
_add("IDIOM",
     [{"LOWER": {"NOT_IN": ["my", "our", "his", "her"]}}, _in("oncology", "cancer"),
      _in("ward", "wards", "unit", "department", "referral", "referrals", "centre", "center",
          "team", "nurses", "research", "charity", "hospital")])  # fmt: skip
# "Nights are a pain in the back. Figuratively."
_add("IDIOM",
     [_in("a", "such", "right"), {"LOWER": {"IN": ["real", "right", "proper"]}, "OP": "?"},
      _in("pain"), _in("in"), _in("the"), _in("back", "backside", "behind")])  # fmt: skip
# "Leg went dead sitting on the loo at 4am": asleep from the seat, not a nerve
_add("IDIOM",
     [_in("went", "gone", "goes", "go"), _in("dead", "numb"), _in("sitting", "sat", "kneeling",
                                                                    "crouching", "squatting"),
      _in("on", "in", "at", "cross-legged"), OPT, OPT])  # fmt: skip
# "saddle sensation intact, PR tone normal": a clinical note that all is well
_add("IDIOM",
     [_in("saddle", "perianal", "perineal", "sensation", "sensory", "power", "reflexes",
          "tone"),
      {"LOWER": {"IN": ["sensation", "anaesthesia", "function"]}, "OP": "?"},
      _in("intact", "normal", "preserved", "unremarkable")])  # fmt: skip

# "We've got a falls mat now", "on the falls register": the ward's equipment for falls
_add("IDIOM",
     [_in("falls"),
      _in("mat", "mats", "sensor", "sensors", "alarm", "alarms", "risk", "clinic", "team",
          "assessment", "assessments", "prevention", "pendant", "register", "bed",
          "policy")])  # fmt: skip

DEV42_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "fell down a flight of stairs chasing someone", "my back went lifting a patient": the
    # other person is what the writer was doing, the mishap is the writer's
    ("chasing someone", "PSEUDO", "FORWARD",
     [_in("chasing", "carrying", "lifting", "helping", "restraining", "moving", "turning",
          "catching", "holding", "dragging", "supporting", "hoisting", "transferring",
          "rolling", "wrestling", "tackling"),
      _in("someone", "somebody", "a", "the", "him", "her", "them", "one", "our"),
      {"LOWER": {"IN": ["patient", "resident", "client", "suspect", "man", "woman", "lady",
                        "bloke", "casualty", "guy", "prisoner", "kid"]}, "OP": "?"}], None),
    # "Lady we picked up had fallen down the stairs", "the man I attended", "a patient we had"
    ("lady we picked up", "FAMILY", "FORWARD",
     [_in(*_PEOPLE), _in("we", "i"),
      _in("picked", "attended", "saw", "had", "took", "brought", "transported", "treated",
          "nursed", "looked", "went", "got", "found", "carried", "admitted", "discharged",
          "triaged", "restrained", "arrested", "helped")], {"SELF"}),
    # "Pt with a cancer history", "my crewmate has a fever", "the resident fell twice"
    ("pt", "FAMILY", "BIDIRECTIONAL",
     [_in("pt", "pts", "crewmate", "crewmates", "workmate", "workmates", "co-worker",
          "casualty", "casualties", "resident", "inmate", "prisoner", "punter", "service")],
     {"SELF"}),
    # "bed 12 bilateral leg weakness", "the lady in bay 3"
    ("bed 12", "FAMILY", "BIDIRECTIONAL",
     [_in("bed", "bay", "cubicle", "cell", "resus"), _re(r"^\d+[a-z]?$")], {"SELF"}),
    # "Figuratively.", "not literally": the words were a figure of speech
    ("figuratively", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
     [_in("figuratively", "metaphorically")], None),
]  # fmt: skip
