"""Concept phrasings from the forty-fifth dev set (performers and the body's trades) that the
rules read wrongly.

Signs: a costume "taken in twice" while "not doing anything different", "feverish for two
days", "my forehead feels warm" (asked), "a car knocked me off my bike ... over the bonnet",
"off the front of the stage into the orchestra pit", "kicked me in the lower back", "fell
through an open trap", "hurts more at night". Look-alikes: songs called "Cancer" and "Fever",
"the encore gave me chills", "trust falls", "if I told you I'd been in an accident", a lampie,
the lead, a bandmate, "than after a whole shift".
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import one_of as _in

DEV45_RULES: list[Rule] = []

_add = adder(DEV45_RULES)

_CREW = ("lampie", "lampies", "roadie", "roadies", "rigger", "riggers", "stagehand",
         "stagehands", "sparky", "techie", "tech", "dancer", "dancers", "actor", "actress",
         "performer", "performers", "singer", "drummer", "guitarist", "bassist", "keyboardist",
         "musician", "acrobat", "aerialist", "understudy", "bandmate", "bandmates",
         "castmate", "castmates", "co-star", "costar", "choreographer", "director", "crew",
         "soloist", "conductor", "violinist", "cellist", "trumpeter", "barber",
         "stylist", "dresser", "mistress", "manager", "frontman", "frontwoman")  # fmt: skip

# -- signs ----------------------------------------------------------------------------------------
# "Wardrobe have had to take my costume in twice": clothes taken in, a weight lost
_add("WEIGHT",
     [_in("take", "taken", "took", "taking", "takes"), _in("my", "the", "all", "his", "her"),
      {"LOWER": {"IN": ["stage", "work", "show", "dance"]}, "OP": "?"},
      _in("costume", "costumes", "trousers", "clothes", "jeans", "uniform", "dress", "suit",
          "waistband", "leotard", "skirt", "kit", "tux", "tuxedo", "shirts", "trews"),
      _in("in")])  # fmt: skip
# "it's hanging off me" (the costume)
_add("WEIGHT",
     [_in("it's", "its", "it", "they're", "theyre", "they", "'s", "’s", "is", "are"),
      {"LOWER": {"IN": ["just", "all", "now", "literally"]}, "OP": "?"},
      _in("hanging"), _in("off"), _in("me")])  # fmt: skip
# "... and I'm not doing anything different", "not eating any differently"
_add("UNEXPLAINED",
     [_in("not", "n't", "nothing"), {"LOWER": {"IN": ["doing", "eating", "done", "changed"]},
                                     "OP": "?"},
      {"LOWER": {"IN": ["anything", "any"]}, "OP": "?"},
      _in("different", "differently", "different.")])  # fmt: skip
# "feverish for two days" (not "feverish about getting flexible")
_add("FEVER",
     # (not "feverish for the reunion tour tickets")
     [_in("feverish", "fevered"), _in("for", "since", "all"), {"LOWER": "the", "OP": "?"},
      _in("a", "two", "three", "four", "few", "couple", "several", "last", "past", "2",
          "3", "4", "5", "days", "day", "night", "week", "yesterday", "monday", "tuesday",
          "wednesday", "thursday", "friday", "saturday", "sunday")])  # fmt: skip
# "my forehead feels warm" (asked about: warm to the touch is not a fever taken)
_add("FEVER",
     # (not "my skin feels hot where the heat pack was")
     [_in("forehead", "head"),
      _in("feels", "felt", "is", "'s", "’s", "was", "feeling"),
      {"LOWER": {"IN": ["a", "bit", "little", "quite", "really", "very", "so", "kind", "of",
                        "kinda"]}, "OP": "*"},
      _in("warm", "hot", "burning", "clammy")])  # fmt: skip
# "a car knocked me off my bike", "went right over the bonnet"
_add("SEVERE_TRAUMA",
     [_in("car", "van", "lorry", "truck", "bus", "taxi", "cab", "suv", "ute", "motorbike",
          "moped", "scooter", "motorcycle", "bike", "driver", "4x4", "pickup", "tram"),
      _in("knocked", "hit", "struck", "clipped", "ran"), _in("me"),
      {"LOWER": {"IN": ["clean", "right", "straight", "flying"]}, "OP": "?"},
      _in("off", "over", "down", "flying")],
     # (thrown there: not "leaned over the bonnet", "a seagull pooped onto the windscreen")
     [_in("went", "flew", "thrown", "rolled", "landed", "bounced", "catapulted", "launched",
          "ended", "slid", "go", "goes"),
      {"LOWER": {"IN": ["right", "straight", "up", "clean", "headfirst"]}, "OP": "*"},
      _in("over", "onto", "across", "into", "through", "off"), _in("the", "its", "his", "her"),
      _in("bonnet", "hood", "windscreen", "windshield")])  # fmt: skip
# "fell off the edge of the rostrum", "went off the front of the stage" (not "we went off the
# stage to a standing ovation", "stepped off the platform onto the train")
_STAGES = ("stage", "rostrum", "riser", "risers", "truss", "scaffold", "apron", "gantry", "podium")
_add("FALL",
     [_in("fell", "toppled", "tumbled", "dropped", "slipped", "flew"),
      {"LOWER": {"IN": ["straight", "right", "backwards"]}, "OP": "?"},
      _in("off"), _in("the", "a"),
      {"LOWER": {"IN": ["front", "edge", "back", "side", "lip", "end"]}, "OP": "?"},
      {"LOWER": {"IN": ["of", "the"]}, "OP": "*"}, _in(*_STAGES)],
     [_in("went", "came", "stepped", "walked"),
      {"LOWER": {"IN": ["straight", "right", "backwards"]}, "OP": "?"},
      _in("off"), _in("the"), _in("front", "edge", "side", "lip", "end"), _in("of"), _in("the"),
      _in(*_STAGES)])  # fmt: skip
# "... into the orchestra pit", "through an open trap"
_add("HEIGHT",
     # (not "slipped in the pit lane")
     [_in("into", "down"), _in("the", "a"), {"LOWER": "orchestra", "OP": "?"}, _in("pit")],
     [_in("in"), _in("the"), _in("orchestra"), _in("pit")],
     [_in("through"), _in("an", "a", "the"), {"LOWER": "open", "OP": "?"},
      _in("trap", "trapdoor", "trap-door", "hole", "stage")])  # fmt: skip
# "Fell through an open trap" (a fall from a height: safety._HIGH), "fell from the rig"
_add("FALL",
     # (not "prices fell through the floor", "went through the roof")
     [_in("fell", "fallen", "dropped", "slipped"), _in("through"),
      _in("an", "a", "the"), {"LOWER": "open", "OP": "?"},
      _in("trap", "trapdoor", "trap-door", "hatch", "hole", "ceiling", "roof", "skylight",
          "stage")],
     # (not "big cheers came from the balcony")
     [_in("fell", "fallen", "dropped", "slipped", "tumbled", "plummeted"),
      _in("from", "off"), _in("the", "a", "her", "his", "my", "our"),
      {"LOWER": {"IN": ["top", "of", "the", "flying", "high", "static"]}, "OP": "*"},
      _in("rig", "rigging", "truss", "trapeze", "gantry", "silks", "hoop", "lyra", "pole",
          "flies", "grid")],
     # "Stepped into the open trap ... dropped to the understage"
     # (not "fell into the trap of overdoing it")
     [_in("stepped", "fell", "walked", "dropped", "slipped"), _in("into", "through", "down"),
      _in("the", "an", "a"), {"LOWER": "open", "OP": "?"},
      _in("trapdoor", "hole", "pit", "hatch", "manhole", "shaft")],
     [_in("stepped", "fell", "walked", "dropped", "slipped"), _in("into", "through", "down"),
      _in("the", "an", "a"), _in("open"), _in("trap")],
     [_in("came"), _in("off"), _in("the", "her", "his", "my"),
      _in("rig", "rigging", "truss", "trapeze", "silks", "hoop", "lyra", "pole")])  # fmt: skip
# "my aerial partner kicked me in the lower back", "got punched in the back"
# "Got a knee in the spine during a rugby ruck"
_add("FALL",
     [_in("got", "took", "had", "caught"), _in("a", "an"),
      {"LOWER": {"IN": ["hard", "big", "nasty", "stray", "flying"]}, "OP": "?"},
      _in("knee", "boot", "kick", "elbow", "whack", "hit", "studs"), _in("in", "to", "into"),
      _in("the", "my"),
      {"LOWER": {"IN": ["lower", "low", "upper", "middle", "small", "of", "my"]}, "OP": "*"},
      _in("back", "spine", "tailbone", "coccyx")])  # fmt: skip
# (not a massage's knee or elbow, nor a baby kicking "me in the ribs")
_add("FALL",
     [_in("kicked", "punched", "headbutted", "smacked", "whacked", "booted"),
      {"LOWER": "me", "OP": "?"}, _in("in", "on"), _in("the", "my"),
      {"LOWER": {"IN": ["lower", "low", "upper", "middle", "small", "of", "my"]}, "OP": "*"},
      _in("back", "spine", "tailbone", "coccyx")])  # fmt: skip
# "my back hurts more at night in bed"
_add("NIGHT",
     [_in("hurts", "hurt", "aches", "ache", "sore", "painful", "worse", "throbs"),
      _in("more", "most", "worst"), _in("at", "during", "in"),
      {"LOWER": "the", "OP": "?"}, _in("night", "nights", "bed")])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
# We covered "Cancer", closed the set with "Fever": a song's title
_add("IDIOM",
     [_in("covered", "played", "sang", "singing", "song", "track", "with", "encore", "album",
          "called", "titled", "play", "sing", "cover", "of"),
      {"OP": "?"}, {"OP": "?"},
      {"ORTH": {"IN": ['"', "“", "'", "‘"]}},
      _in("cancer", "fever", "chills", "numb", "fall", "falling", "crash", "accident",
          "paralysed", "paralyzed", "broken", "weak"),
      {"ORTH": {"IN": ['"', "”", "'", "’"]}}])  # fmt: skip
# "opened with Fever by Peggy Lee"
_add("IDIOM",
     [_in("fever", "cancer", "chills", "numb", "falling", "crash"), _in("by"),
      {"IS_TITLE": True}])  # fmt: skip
# "The encore gave me chills", "that song gives me the shivers": awe
_add("IDIOM",
     [_in("encore", "song", "show", "performance", "film", "movie", "story", "speech", "it",
          "that", "crowd", "music", "moment", "view", "finale", "set", "choir", "solo",
          "ending", "gig", "concert", "applause", "reception"),
      _in("gave", "gives", "give", "giving", "sent"), {"LOWER": "me", "OP": "?"},
      {"LOWER": "the", "OP": "?"},
      _in("chills", "shivers", "goosebumps", "goose")])  # fmt: skip
# "My back's the same old stiff": the usual
_add("IDIOM", [_in("the"), _in("same"), _in("old")])
# "We did trust falls at the acting workshop"
_add("IDIOM", [_in("trust"), _in("fall", "falls", "falling", "exercise", "exercises")])
# "normal temperature for days"
_add("IDIOM",
     [_in("normal", "fine"), _in("temperature", "temp", "temps"),
      {"LOWER": {"IN": ["for", "since", "all", "again", "now", "today"]}, "OP": "?"}])  # fmt: skip

DEV45_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "Would you stop the programme if I told you I'd been in an accident?"
    ("if i told you", "HYPOTHETICAL", "FORWARD",
     [_in("if", "say", "suppose", "supposing"), _in("i"),
      _in("told", "said", "mentioned", "reported", "were", "was")], None),
    # "A lampie fell off a truss", "The lead's got a fever", "my bandmate has sciatica"
    ("a lampie", "FAMILY", "BIDIRECTIONAL",
     [_in("a", "an", "the", "our", "my", "one"), {"LOWER": {"IN": ["of", "the", "our"]},
                                                  "OP": "*"},
      {"LOWER": {"IN": ["other", "new", "lead", "principal", "fellow", "young", "old", "wig",
                        "costume", "sound", "lighting", "stage", "tour", "company"]}, "OP": "*"},
      _in(*_CREW)], {"SELF"}),
    # "than after a whole shift": a comparison, not a cause
    # (longer than the cause it holds, which ConText would otherwise keep)
    ("than after", "PSEUDO", "FORWARD",
     [_in("than"), _in("after", "before", "during", "when", "at", "from"), {"OP": "?"},
      {"OP": "?"}, {"OP": "?"}], None),
    # "The lead's got a fever", "our lead has flu"
    ("the lead's", "FAMILY", "BIDIRECTIONAL",
     [_in("the", "our"), _in("lead", "leads"),
      _in("'s", "’s", "has", "is", "was", "actor", "actress", "singer", "dancer")], {"SELF"}),
    # "Since I got back from tour": when, not because
    ("since i got back", "PSEUDO", "FORWARD",
     [_in("since"), _in("i", "we"),
      _in("got", "came", "been", "returned", "moved", "started", "finished", "left")], None),
]  # fmt: skip
