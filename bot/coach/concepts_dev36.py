"""Concept phrasings from the thirty-sixth dev set (parents and family life) that the rules read
wrongly.

Most of its misses were the person's own sign beside a word for a child or a grandparent, read
as that relative's: the child carried, lifted, chased or minded ("lifting my son out of his
wheelchair", "fell backwards over the baby walker", "after my son was born"), and the writer
naming themselves by their family role ("Dad, 52, pain across my chest", "grandma here",
"Nana here, 74", "dad of 4", "I'm a grandmother (68)"), or saying the relatives are not the ones
("I'm the one with the fever this time, not the kids"). Also: night pain "keeping me up, worst
at 2-3am", "it's gone 7" (the time, not the numbness), "with my first" (a pregnancy over),
"week 7 of this", "should it be better by now", a toddler that "launched himself ... onto my
back".
"""

from __future__ import annotations

from bot.coach.patterns import OPT, Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV36_RULES: list[Rule] = []

_add = adder(DEV36_RULES)

# A child, a grandchild or the family as a whole.
_CHILD = (
    r"^(baby|babies|baby's|bub|bubba|newborn|son|sons|daughter|daughters|kid|kids|kiddo|"
    r"kiddos|child|children|toddler|toddlers|twins|boy|boys|girl|girls|grandkids|"
    r"grandchildren|grandson|grandsons|granddaughter|granddaughters|grandbaby|teen|teens|"
    r"teenager|teenagers|youngest|eldest|oldest|littlies|lo|infant|family|baba|brother|"
    r"brothers|sister|sisters|nephew|nephews|niece|nieces|cousin|cousins|ones|bairns|weans|"
    r"kiddies|littles)$"
)
# What a parent does to or for a child, or where the child is only the place or the reason.
_CARE = (
    r"^(lift|lifts|lifting|lifted|carry|carries|carrying|carried|hold|holding|held|pick|"
    r"picking|picked|bath|bathing|bathed|feed|feeding|fed|change|changing|changed|rock|"
    r"rocking|rocked|chase|chasing|chased|mind|minding|minded|watch|watching|push|pushing|"
    r"pushed|wrestle|wrestling|settle|settling|settled|nurse|nursing|help|helping|helped|"
    r"had|having|after|with|for|from|behind|over|under|into|onto|off|since|before|like|"
    r"birth|delivering|delivered)$"
)
# Family roles a writer names themselves by.
_ROLE = (
    r"^(dad|mum|mom|mam|mama|mamma|mommy|mummy|father|mother|grandma|grandpa|granny|"
    r"grandad|granddad|grandpapa|grandmama|gran|nana|nanna|nan|papa|pops|grandmother|"
    r"grandfather|grandparent|stepdad|stepmum|stepmom|parent|auntie|aunty|uncle)$"
)

# -- signs ----------------------------------------------------------------------------------------
# "my back keeping me up, worst at 2-3am"; "it keeps me awake"
_add("NIGHT",
     [_in("keeping", "keeps", "kept", "keep"), _in("me"), _in("up", "awake")],
     [_re(r"^[1-5]-[1-6]am$")],
     [_re(r"^[1-5]-[1-6]$"), _in("am", "a.m.")])  # fmt: skip

# "week 7 of this", "month 3 of this"
_add("DURATION",
     [_in("week", "month"), _re(r"^([4-9]|1\d)$"), _in("of", "and")],
     [_re(r"^([4-9]|1\d)(th)?$"), _in("week", "weeks"), _in("of")])  # fmt: skip
# "should it be better by now", "shouldn't it have settled by now"
_add("NOT_IMPROVING",
     [_in("should", "shouldn't"), {"LOWER": {"IN": ["n't", "it", "this", "i", "not"]},
                                   "OP": "+"},
      {"LOWER": {"IN": ["be", "have", "feel", "been"]}, "OP": "+"},
      _in("better", "improving", "improved", "settled", "gone", "healed"), _in("by"),
      _in("now")])  # fmt: skip

# "the toddler launched himself off the sofa onto my back"
_add("ACCIDENT",
     [_in("launched", "threw", "flung", "hurled", "dived", "dove", "jumped", "leapt", "leaped",
          "belly-flopped", "cannonballed"),
      _in("himself", "herself", "themselves", "straight", "right"), OPT, OPT, OPT,
      _in("onto", "on", "into"), _in("my"),
      _in("back", "spine", "tailbone", "coccyx")])  # fmt: skip

# "fell hard down about 6 concrete steps onto my back", "tumbled down about 15 concrete steps"
_add("SEVERE_TRAUMA",
     [_in("fell", "fallen", "tumbled", "toppled", "rolled", "went", "came", "slipped", "crashed",
          "bounced"),
      {"LOWER": {"IN": ["hard", "right", "all", "the", "way", "straight", "backwards"]},
       "OP": "*"},
      _in("down"), {"LOWER": {"IN": ["about", "around", "nearly", "almost", "like", "over",
                                     "maybe", "roughly", "some", "a", "full"]}, "OP": "*"},
      _re(r"^([5-9]|[1-9]\d|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|dozen|"
          r"flight)$"),
      {"LOWER": {"IN": ["concrete", "stone", "steep", "metal", "wooden", "brick", "icy", "of",
                        "tiled", "hard"]}, "OP": "*"},
      _in("steps", "stairs", "stair")])  # fmt: skip

# "bounced too high and came off the edge onto the floor" (a trampoline), "came off the side
# onto the concrete"
_add("SEVERE_TRAUMA",
     [_in("came", "fell", "went", "flew", "bounced", "flung", "thrown"), _in("off", "over"),
      _in("the"), _in("edge", "side"), _in("onto", "on"), {"LOWER": "to", "OP": "?"},
      _in("the"), _in("floor", "ground", "concrete", "tarmac", "patio", "tiles")])  # fmt: skip

# "the skin round my back passage ..." is a site already; "my bits" after the birth
_add("SADDLE", [_in("my"), _in("bits", "lady", "undercarriage")])

DEV36_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "the twins both have a temp", "the newborn's got a fever": children the older rules did
    # not name
    ("the twins", "FAMILY", "BIDIRECTIONAL",
     [_in("the", "my", "our", "both"),
      _re(r"^(twins|twin|newborn|bub|bubba|grandbaby|littlies|littlest|youngest|eldest|"
          r"baba)$")], {"SELF", "NEW_NEWS"}),
    # "the twins had chickenpox, then there was a fever on Wednesday": whose, left open
    ("then there was", "NEW_NEWS", "TERMINATE",
     [_in("then"), _in("there"), _in("was", "were", "'s")], None),
    # "lifting my son out of his wheelchair", "carrying the baby", "chasing the kids", "after my
    # son was born", "fell over the baby walker": the child is carried, chased or the place, and
    # the sign after it is the writer's own (a relative's own sign still has its "he" or "she")
    ("lifting my son", "PSEUDO", "BIDIRECTIONAL",
     [_re(_CARE), {"LOWER": {"IN": ["my", "the", "our", "a", "his", "her", "their", "both",
                                    "all", "three", "two", "4", "3", "2", "new", "little",
                                    "big", "younger", "older", "baby", "one", "of", "up",
                                    "down", "out", "in", "on"]}, "OP": "*"},
      _re(_CHILD), {"LOWER": {"IN": ["out", "of", "into", "onto", "off", "up", "down", "in",
                                     "from"]}, "OP": "*"},
      {"LOWER": {"IN": ["his", "her", "their"]}, "OP": "?"}], None),
    # "the baby walker", "the baby's bouncer", "baby weight", "the kids' toys"
    ("baby walker", "PSEUDO", "BIDIRECTIONAL",
     [_re(r"^(baby|baby's|kids|kids'|kid's|children's|toddler|toddler's|twins')$"),
      _re(r"^(walker|bottles?|bouncer|monitor|gate|seat|bath|carrier|sling|toys?|stuff|bags?|"
          r"pram|buggy|cot|clothes|room|stroller|swing|mat|highchair|chair|bike|scooter|food|"
          r"formula|weight|fat|belly|bump|blues|brain|wipes?|shoes|lego|car|steps?|things|"
          r"tub|gym|group|class|classes|carseat|capsule|changing)$")], None),
    # "Dad, 52, pain across my chest", "Nana here, 74", "grandma here", "Grandpa, osteoporosis,
    # missed the last step": the writer names themselves by their role
    ("dad, 52", "PSEUDO", "FORWARD",
     [{"LOWER": {"REGEX": _ROLE}, "IS_SENT_START": True},
      {"LOWER": {"IN": ["here", "again", "writing"]}, "OP": "?"},
      {"IS_PUNCT": True}], None),
    ("grandma here", "PSEUDO", "FORWARD",
     [{"LOWER": {"REGEX": _ROLE}, "IS_SENT_START": True}, _in("here")], None),
    # "dad of 4", "mum of three", "grandma of 6"
    ("dad of 4", "PSEUDO", "FORWARD",
     [_re(_ROLE), _in("of", "to"),
      _re(r"^(\d+|two|three|four|five|six|seven|eight|nine|ten|twins|one|a)$")], None),
    # "I'm a grandmother (68)", "as a dad", "being a single mum", "I'm their grandad"
    ("i'm a grandmother", "PSEUDO", "FORWARD",
     [_in("'m", "im", "am", "as", "being"), _in("a", "an", "their", "his", "her", "the"),
      {"LOWER": {"IN": ["single", "new", "first-time", "first", "time", "young", "older", "old",
                        "working", "stay-at-home", "full-time", "proud", "tired", "busy"]},
       "OP": "*"},
      _re(_ROLE)], None),
    # "I'm the one with the fever this time not the kids": the relatives are not the ones
    ("not the kids", "PSEUDO", "BIDIRECTIONAL",
     [_in("not", "nor"), {"LOWER": {"IN": ["the", "my", "our", "one", "of", "little", "wee",
                                           "young", "older", "two", "three"]}, "OP": "*"},
      _re(_CHILD)], None),
    # "Nurse friend said mention this: new numbness ...": the friend only advised
    ("friend said mention", "PSEUDO", "BIDIRECTIONAL",
     [_re(r"^(friend|nurse|doctor|gp|physio|midwife|mum|mom|husband|wife|partner|sister|"
          r"brother|dad|hubby|mate|colleague)$"),
      _in("said", "says", "told", "telling", "suggested", "insisted", "wants", "wanted"),
      {"LOWER": {"IN": ["me", "i", "to", "should", "that"]}, "OP": "*"},
      _in("mention", "tell", "ask", "message", "report", "check", "flag", "say", "text")],
     None),
    # "still numb now and its gone 7": the time, not the numbness gone
    ("it's gone 7", "PSEUDO", "FORWARD",
     [_in("its", "it's", "it", "now"), {"LOWER": {"IN": ["'s", "’s", "is"]}, "OP": "?"},
      _in("gone"),
      _re(r"^(\d+|\d+am|\d+pm|\d+:\d+|midnight|midday|noon|one|two|three|four|five|six|seven|"
          r"eight|nine|ten|eleven|twelve|half)$")], None),
    # "I had mastitis with my first and a fever": that pregnancy is over
    # (not "in the last month")
    ("with my first", "HISTORICAL", "BIDIRECTIONAL",
     [_in("with", "in", "during"), _in("my", "the", "our"),
      _re(r"^(first|1st|second|2nd|third|3rd|last|previous|older|eldest|earlier|other)$"),
      _in("pregnancy", "baby", "child", "son", "daughter", "birth", "labour", "labor",
          "delivery")], None),
    ("with my first", "HISTORICAL", "BIDIRECTIONAL",
     [_in("with"), _in("my", "our"), _in("first", "1st", "eldest", "older"),
      {"LOWER": {"IN": [",", "and", ".", "one", "-", "but"]}}], None),
]  # fmt: skip
