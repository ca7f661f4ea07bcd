"""Concept phrasings from the thirtieth dev set (active lives and sport) that the rules read
wrongly.

Signs: "got flipped hard" at judo (a fall to ask about), a horse that "rolled on me", a
mountain-bike crash told with "mates are with me", "This is his mum." Look-alikes: feet numb "in
my ski boots" or "in my new climbing shoes", legs tingly "in the ice bath", "loosened the
buckles", legs heavy "because mileage went up", legs gone "after the hill sprints", exercise
asthma that "settled right down" with the inhaler, "our winger got stretchered off", "the cancer
of modern football", pins and needles "sitting on the loo scrolling".
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV30_RULES: list[Rule] = []

_add = adder(DEV30_RULES)

# -- signs ----------------------------------------------------------------------------------------
# "Got flipped hard in the judo tournament": a throw, a fall whose harm is asked about
_add("FALL",
     # ("been slammed at work" is busy, "got thrown out" is no fall: a word must follow)
     [_in("got", "get", "was", "getting"),
      _re(r"^(flipped|thrown|swept|suplexed|body-slammed)$"),
      _in("hard", "down", "over", "badly", "heavily", "onto", "on", "by")])  # fmt: skip

# "He was speared at rugby": a spear tackle drives the player head or back first into the ground
_add("SEVERE_TRAUMA",
     [_in("was", "got", "been", "get", "getting"), _in("speared", "spear-tackled")],
     [_in("spear"), _in("tackle", "tackled", "tackles")])  # fmt: skip

# "the wave drove me straight into the reef"
_add("SEVERE_TRAUMA",
     [_re(r"^(drove|slammed|smashed|threw|dumped|pinned|drilled|hurled|launched|planted)$"),
      _in("me", "him", "her"), {"LOWER": {"IN": ["straight", "right", "head", "back", "first"]},
                                "OP": "*"},
      _in("into", "onto", "on"), {"LOWER": {"IN": ["the", "a", "some"]}, "OP": "?"},
      _re(r"^(reef|rocks|rock|bottom|seabed|sandbank|pier|wall|ground|concrete|tarmac|rail|"
          r"boards|post)$")])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
_add("IDIOM",
     # "loosened the buckles" (of a ski boot), not knees that buckle
     [_in("loosened", "loosen", "undid", "undo", "tightened", "tighten", "opened", "open"),
      {"LOWER": {"IN": ["the", "my", "a", "all"]}, "OP": "?"},
      {"LOWER": {"IN": ["boot", "ski", "top"]}, "OP": "?"}, _in("buckles", "buckle")],
     # "The cancer of modern football is VAR"
     [_in("cancer"), _in("of", "on"),
      _re(r"^(modern|football|sport|sports|society|social|politics|this|our|soccer|rugby|"
          r"cricket|twitter|the internet|tennis|golf)$")])  # fmt: skip

# Other people on a team, in a match or beside the person: "Our winger got stretchered off"
_ROLES = (
    "winger", "wingers", "striker", "keeper", "goalie", "goalkeeper", "prop", "hooker",
    "fly-half", "flyhalf", "scrum-half", "flanker", "fullback", "full-back", "captain",
    "skipper", "referee", "ref", "opponent", "opposition", "jockey", "climber", "skier",
    "cyclist", "player", "players", "defender", "spotter", "belayer", "bowler", "batsman",
    "batter", "pitcher",
)  # fmt: skip
# (not "coach", "forward" or "lock": "the forward fold", "my coach said my back ...")
DEV30_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    ("our winger", "FAMILY", "BIDIRECTIONAL",
     [_in("our", "their", "the", "my", "a", "his", "her", "one", "another", "other", "an"),
      _in(*_ROLES)], {"SELF"}),
    # "Came off the horse at the water jump and she rolled on me": the horse did it to the
    # writer
    ("she rolled on me", "PSEUDO", "BIDIRECTIONAL",
     [_in("she", "he", "it", "they"),
      _in("rolled", "landed", "fell", "trod", "stood", "kicked", "stepped", "came", "sat"),
      {"LOWER": "down", "OP": "?"}, _in("on", "onto"), _in("me", "top")], None),
    # "landed on my back on rocks, mates are with me": company, not the one hurt
    ("mates are with me", "PSEUDO", "BIDIRECTIONAL",
     [_re(r"^(mates|friends|wife|husband|partner|someone|they|people|paramedics|mum|dad)$"),
      _in("are", "is", "'re", "’re", "'s", "’s", "were", "was", "stayed", "waited"),
      {"LOWER": {"IN": ["here", "still", "all"]}, "OP": "?"}, _in("with"), _in("me")], None),
]  # fmt: skip

DEV30_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    # Numb or tingling from kit or cold: "in my ski boots", "in my new climbing shoes", "in
    # the ice bath"
    ([("in my ski boots", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       # (a kind of boot or shoe must be named: "couldn't get my feet in my shoes")
       [_in("in", "from", "inside"), _in("my", "the", "these", "those", "new"),
        {"LOWER": {"IN": ["new", "old", "tight"]}, "OP": "?"},
        _in("ski", "running", "climbing", "cycling", "football", "hiking", "snowboard",
            "riding", "work", "tight", "new", "rugby", "steel-toe", "safety"),
        _re(r"^(boots|boot|shoes|shoe|trainers|cleats|slippers|bindings|wetsuit)$")]),
      ("in the ice bath", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_in("in", "from", "after"), _in("the", "an", "my", "a"),
        _re(r"^(ice|cold|freezing)$"), _re(r"^(bath|plunge|water|dip|sea|lake|tub)$")])],
     {"SENSORY", "ODD", "FOOT"}),
    # Tired, heavy or wobbly legs from training: "Legs absolutely gone after the hill sprints",
    # "legs feel heavy, mileage went up". Numb legs, or weak ones that trip, are not explained
    # by it (the benign-cause rule and the semantic layer read those).
    ([("after the sprints", "NEGATED_EXISTENCE", "BACKWARD",
       [_in("after", "from"), {"LOWER": {"IN": ["the", "my", "those", "all", "today's", "a",
                                                "hill", "hyrox", "wall", "long", "big", "hard",
                                                "'s", "’s", "today", "yesterday"]},
                               "OP": "*"},
        _re(r"^(sprints|intervals|reps|balls|burpees|race|parkrun|ride|sportive|hills|tempo|"
            r"run|session|wod|hyrox|marathon|ultra|triathlon|climb|match|game|fixture)$")])],
     {"WEAK", "PRESSURE"}),
    ([("mileage went up", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_re(r"^(mileage|miles|volume|training|load|kms|km)$"),
        {"LOWER": {"IN": ["has", "'s", "’s", "just"]}, "OP": "?"},
        _in("went", "gone", "going", "increased", "jumped", "doubled", "ramped", "up")])],
     {"PRESSURE"}),
]  # fmt: skip

DEV30_WHOLE: list[tuple[str, str, str, Pattern]] = [
    # "took them off and they were fine in five minutes" ("back in 10 minutes" is someone
    # stepping away, not a feeling that passed)
    ("fine in five minutes", "HISTORICAL", "BACKWARD",
     [_in("fine", "ok", "okay", "normal", "gone"), _in("in", "within", "after"),
      {"LOWER": {"IN": ["a", "five", "5", "ten", "10", "two", "2", "few", "couple", "of"]},
       "OP": "*"}, _in("minutes", "mins", "min", "minute", "seconds", "secs")]),
    # "stood on the pedals more and it came back within minutes"
    ("came back within minutes", "HISTORICAL", "BACKWARD",
     [_in("came", "come", "feeling"), _in("back", "returned"),
      _in("within", "in", "after"), {"OP": "?"}, _in("minutes", "mins", "seconds", "minute")]),
    # "Fine after a shake and a sit down"
    ("fine after a shake", "HISTORICAL", "BACKWARD",
     [_in("fine", "ok", "okay", "normal", "better"), _in("after"), _in("a", "some"),
      _re(r"^(shake|sit|rest|walk|stretch|minute|wiggle|stamp|massage|breather)$")]),
    # "I can't feel my legs!! (after the Hyrox wall balls, they're back now)" (a sentence of its
    # own after the feeling is understand._cleared_next's)
    ("they're back now", "HISTORICAL", "BACKWARD",
     [_in("they", "legs", "feet", "both"), _in("'re", "’re", "are", "were", "came"),
      _in("back", "fine", "normal"), _in("now")]),
]  # fmt: skip
