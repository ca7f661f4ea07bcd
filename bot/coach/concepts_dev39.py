"""Concept phrasings from the thirty-ninth dev set (outdoor, manual and rural life: farmers,
riders, gardeners, tree surgeons) that the rules read wrongly.

Signs: a bull that "pinned me against the wall", a heifer that "kicked me in the lower back", a
fall "out of an oak" or "off the top of a loaded trailer", "sent me flying", "went over with it
onto the path", "tumbled down the ladder", "tryin to pee and nothin", "haven't managed to pee",
"no control down below", "the old fella isn't working", a wife who "noticed too", legs "dead -
not tired dead", "that hot wire feeling down" a leg. Look-alikes: a heifer's or a goat's
temperature, "sneezing all over the tractor", a fever "back in January, right as rain now".
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import one_of as _in

DEV39_RULES: list[Rule] = []

_add = adder(DEV39_RULES)

_ELIM = _in("pee", "wee", "piss", "go", "urinate", "poo", "empty")

# -- signs ----------------------------------------------------------------------------------------
# "Bull pinned me against the wall of the pen", "got crushed between the trailer and the gate",
# "trapped under the quad" (not "this week crushed me")
_add("SEVERE_TRAUMA",
     [_in("pinned", "crushed", "squashed", "jammed", "trapped", "squeezed"), _in("me"),
      _in("against", "between", "under", "into", "onto")],
     [_in("got", "was", "been", "get", "were"),
      _in("pinned", "crushed", "squashed", "jammed", "trapped", "squeezed"),
      _in("against", "between", "under", "beneath", "by")],
     # "trapped under the quad for 20 minutes"
     [_in("trapped", "pinned", "stuck", "crushed"), _in("under", "beneath", "underneath"),
      {"LOWER": {"IN": ["the", "a", "my", "our", "his"]}, "OP": "?"},
      _in("quad", "tractor", "bike", "motorbike", "car", "van", "horse", "pony", "mare", "cow",
          "trailer", "bale", "bales", "tree", "wall", "machine", "atv", "mower", "digger",
          "bull", "heifer", "bullock", "gate", "log", "logs")])  # fmt: skip
# "Heifer kicked me in the lower back", "the goat butted me", "kicked by a horse": the animal's
# blow is an accident (not "the baby kicked me in the ribs")
_STOCK = (
    "heifer",
    "cow",
    "bull",
    "bullock",
    "steer",
    "horse",
    "mare",
    "pony",
    "ram",
    "tup",
    "goat",
    "ewe",
    "calf",
    "donkey",
    "mule",
    "stallion",
    "gelding",
    "cob",
    "sow",
    "pig",
    "boar",
    "billy",
    "nanny",
    "yearling",
    "colt",
    "filly",
    "cattle",
    "beast",
    "stag",
)
_add("ACCIDENT",
     [_in(*_STOCK),
      _in("kicked", "butted", "headbutted", "rammed", "barged", "flattened", "charged",
          "trampled", "knocked", "stood", "lamped", "clattered", "walloped", "booted",
          "whacked", "smacked"),
      _in("me", "on")],
     [_in("kicked", "butted", "headbutted", "rammed", "barged", "flattened", "trampled"),
      _in("by"), _in("a", "the", "one", "our", "my", "that"), _in(*_STOCK)])  # fmt: skip

# "The mare dumped me at the gate", "the pony bucked me off"
_add("FALL",
     [_in(*_STOCK), _in("dumped", "threw", "bucked", "unseated", "decked", "chucked", "tipped"),
      _in("me")])  # fmt: skip
# "Fell out of an oak", "fell out of the hayloft" (not "fell out with my sister")
_add("FALL",
     [_in("fell", "fallen", "falling", "fall", "tumbled", "came"), _in("out"),
      {"LOWER": "of", "OP": "?"}, {"LOWER": {"IN": ["a", "an", "the", "my", "our"]}, "OP": "?"},
      {"LOWER": {"IN": ["upstairs", "bedroom", "top", "first", "floor", "kitchen", "big", "old",
                        "apple", "back", "front", "landing", "loft"]}, "OP": "*"},
      _in("tree", "oak", "ash", "beech", "elm", "sycamore", "pine", "conifer", "hayloft",
          "loft", "window", "trailer", "cab", "tractor", "barn", "bucket", "cherry",
          "saddle")])  # fmt: skip
# "Ram caught me from behind and sent me flying", "knocked me flying"
_add("FALL",
     [_in("sent", "knocked", "threw", "chucked", "flung", "send", "sends"), _in("me"),
      _in("flying", "sprawling", "headfirst", "head-first")])  # fmt: skip
# "I went over with it onto the path", "went flying into the fence"
_add("FALL",
     [_in("went"), _in("over", "flying", "sprawling", "headfirst", "head-first"),
      {"LOWER": {"IN": ["with", "it", "them", "the", "my", "a", "barrow", "wheelbarrow", "bike",
                        "quad", "mower", "pony", "horse"]}, "OP": "*"},
      _in("onto", "into")])  # fmt: skip
# "Tumbled down the orchard ladder", "tumbled in the mud with the dogs"
_add("FALL",
     [{"LOWER": {"IN": ["tumbled", "tumbling"]}, "IS_SENT_START": True},
      _in("down", "off", "over", "in", "into", "from", "out", "backwards", "onto")],
     [_in("i", "i've", "ive", "and", "then", "me"),
      {"LOWER": {"IN": ["'ve", "just", "then"]}, "OP": "?"},
      _in("tumbled", "tumbling"),
      _in("down", "off", "over", "in", "into", "from", "out", "backwards", "onto")])  # fmt: skip
# "the ram got me from behind, flat on my face"
_add("FALL",
     [_in("flat"), _in("on"), _in("my", "me"),
      _in("face", "back", "arse", "bum", "backside", "ass")])  # fmt: skip
# "sent me flying off the handle", "knocked over by a wave of tiredness": tempers and moods
_add("IDIOM",
     [_in("flying"), _in("off"), _in("the"), _in("handle")],
     [_in("knocked", "bowled", "hit", "floored"),
      {"LOWER": {"IN": ["over", "down", "out"]}, "OP": "?"},
      _in("by"), _in("a"), _in("wave"), _in("of")])  # fmt: skip
# "off the top of a loaded trailer of bales", "the top tier"
_add("HEIGHT",
     [_in("top"), _in("of"), {"LOWER": {"IN": ["a", "the", "our", "my"]}, "OP": "?"},
      {"LOWER": {"IN": ["loaded", "full", "big", "high"]}, "OP": "?"},
      _in("trailer", "stack", "lorry", "truck", "wagon", "haystack", "rick", "load", "bales",
          "silage", "clamp", "combine", "hayloft")],
     [_in("top"), _in("tier", "deck")])  # fmt: skip

# "stood at the hedge ten minutes tryin to pee and nothin"
_add("BLADDER",
     [_in("trying", "tryin", "tryin'", "tried", "try"), _in("to"), _ELIM,
      {"LOWER": {"IN": ["for", "ages", "and", "but", ",", "-"]}, "OP": "*"},
      _in("nothing", "nothin", "nothin'", "nowt", "zilch", "zip", "nada")])  # fmt: skip
# "Haven't managed to pee since last night"
_add("BLADDER",
     [_in("have", "has", "had"), _in("n't", "not", "nt"), _in("managed"), _in("to"), _ELIM],
     [_in("havent", "hasnt", "hadnt"), _in("managed"), _in("to"), _ELIM])  # fmt: skip
# "I've no control down below since the back went"
_add("BLADDER",
     [_in("no", "lost", "losing", "lose", "zero"), _in("control"),
      {"LOWER": {"IN": ["at", "all"]}, "OP": "*"}, _in("down"),
      _in("below", "there")])  # fmt: skip

# "the old fella isn't working ... and no feeling there either" ("my old fella" is a father)
_add("SEX_CTX", [_in("the"), _in("old", "little"), _in("fella", "feller", "chap")])  # fmt: skip

# "sneezing all over the tractor": hay fever, not a knock
_add("IDIOM",
     [_in("sneezing", "sneezed", "coughing", "coughed"), _in("all"), _in("over")])  # fmt: skip

DEV39_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "Heifer has a fever of 40.5", "Goat's got a temperature", "the ewes are coughing": the
    # animal's (as concepts' "pets")
    ("livestock", "FAMILY", "BIDIRECTIONAL",
     [_in(*_STOCK, "ewes", "cows", "heifers", "goats", "sheep", "lambs", "lamb", "hens", "hen",
          "flock", "herd", "pigs", "horses", "ponies", "collie", "bullocks", "calves"),
      _in("is", "has", "was", "'s", "got", "had", "needs", "are", "have", "were")],
     {"SELF"}),
    # "Wife's noticed too - no feeling at all": the wife saw it; the sign is the writer's
    ("wife noticed", "PSEUDO", "FORWARD",
     [_in("wife", "husband", "partner", "missus", "missis", "girlfriend", "boyfriend", "gf", "bf",
          "fiance", "fiancee", "hubby"),
      {"LOWER": {"IN": ["'s", "has", "had", "s"]}, "OP": "?"},
      _in("noticed", "spotted", "noticing")], None),
    # "trapped under the quad ... before the lad found me": the lad found the writer
    ("the lad found me", "PSEUDO", "FORWARD",
     [{"LOWER": {"IN": ["the", "my", "a", "our", "his", "her"]}, "OP": "?"},
      _in("lad", "lads", "mate", "wife", "husband", "son", "daughter", "boss", "neighbour",
          "neighbor", "brother", "sister", "dad", "mum", "farmer", "shepherd", "partner", "kids"),
      _in("found", "pulled", "dragged", "helped", "got", "lifted", "carried", "rescued", "heard",
          "spotted"),
      _in("me")], None),
    # "my legs feel dead - not tired dead, proper can't-feel-them dead": a sort of dead set aside
    ("not tired dead", "PSEUDO", "FORWARD",
     [_in("not"), _in("tired", "sleepy", "achy", "stiff", "worn"), _in("dead", "tired")], None),
]  # fmt: skip

DEV39_WHOLE: list[tuple[str, str, str, Pattern]] = [
    # "a bad fever with the flu back in January, right as rain now"
    ("right as rain", "HISTORICAL", "BACKWARD",
     [_in("right", "fit"), _in("as"), _in("rain", "fiddle"), _in("now", "since", "again")]),
]  # fmt: skip
