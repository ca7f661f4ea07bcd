"""Concept phrasings from the forty-sixth dev set (trackers' logs and vague one-liners) that the
rules read wrongly.

Signs: "N&T bilat thighs", "couldn't stand properly on either leg", "wobbly on both pins",
"legs just wouldn't go", "stream weak & stop-start", "never feel emptied", "like I'm sitting on
a cushion that isn't there", "car on its roof", "the business end stopped responding",
"101.8°F", "sat down too hard", "heard a crack", "nights 8, 9, 9", "gone constant", "fell
backwards over another player", "buzzes like a phone on silent", "flat at 6", "exactly where I
started", "T −2.7", "a bit of a moment on the stairs". Look-alikes: "breathing into the
hamstring stretch", "Osteoporosis screen 2024: normal", "Bike crash 2017", "Nothing since",
"my wee boy".
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder, mended
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV46_RULES: list[Rule] = []

_add = adder(DEV46_RULES)

_LEGS = ("legs", "pins", "pegs", "stumps", "feet", "thighs", "calves", "knees")
_NUM = _re(r"^(?:10|[0-9])(?:[.,]5)?$")
_T_SCORE = _re(r"^[−–-](?:2[.,][5-9]\d?|[3-5](?:[.,]\d\d?)?)$")

# -- signs ----------------------------------------------------------------------------------------
# A log's shorthand: "N&T" (numbness and tingling), "P&N", "p+n"
_add("SENSORY", [_re(r"^(?:n&t|n\+t|n/t|p&n|p\+n|p/n|p&ns|pins&needles)$")])
# "bilat leg weakness", "N&T bilat thighs", "b/l calves"
_add("LEGS",
     [_in("bilat", "bilateral", "b/l", "bil"),
      _in("leg", "legs", "thigh", "thighs", "calf", "calves", "foot", "feet", "lower", "le",
          "les", "lls")])  # fmt: skip
# "couldn't stand properly on either leg", "can't take weight on both feet"
_add("FOOTDROP",
     [_in("could", "can", "ca", "cannot", "unable", "couldnt", "cant"),
      {"LOWER": {"IN": ["n't", "not", "to", "nt"]}, "OP": "*"},
      _in("stand", "walk", "bear", "take", "put"),
      {"LOWER": {"IN": ["up", "properly", "straight", "weight", "still", "any", "my"]},
       "OP": "*"},
      _in("on", "through"), _in("either", "both"),
      {"LOWER": {"IN": ["of", "my"]}, "OP": "*"},
      _in("leg", "legs", "foot", "feet")])  # fmt: skip
# "bit wobbly on both pins" (the slang: "unsteady on both feet after three pints" is the pints)
_add("WEAK",
     [_in("wobbly", "shaky", "unsteady", "wonky", "weak"), _in("on"), _in("both"),
      {"LOWER": "my", "OP": "?"}, _in("pins", "pegs", "stumps")])  # fmt: skip
# "legs just wouldn't go", "my legs won't hold me", "pins wouldn't work"
_add("WEAK",
     [_in("legs", "pins", "pegs"), {"LOWER": {"IN": ["just", "simply", "totally", "both"]},
                                   "OP": "?"},
      _in("would", "will", "wo", "did", "do", "could", "ca", "wouldnt", "wont", "didnt"),
      {"LOWER": {"IN": ["n't", "not", "nt"]}, "OP": "?"},
      _in("go", "work", "move", "hold", "carry", "cooperate", "respond", "listen", "obey",
          "budge", "take", "support", "bear")])  # fmt: skip
# "bladder: stream weak & stop-start", "a weak stream", "never feel emptied"
_add("DYSFUNCTION",
     [_in("stream", "flow"), {"LOWER": {"IN": ["is", "was", "'s", "’s", "really", "very", "a",
                                              "bit", "so", "gone", "got"]}, "OP": "*"},
      _in("weak", "weaker", "slow", "poor", "dribbly", "hesitant", "intermittent", "feeble")],
     [_in("weak", "weaker", "slow", "poor", "feeble", "dribbly"), _in("stream", "flow")],
     [_in("stop"), {"ORTH": "-", "OP": "?"}, _in("start", "starting")],
     [_in("never", "do", "don't", "not", "can't", "cannot", "ca"),
      {"LOWER": {"IN": ["n't", "not", "ever", "quite", "fully", "really"]}, "OP": "*"},
      _in("feel", "feeling"), {"LOWER": {"IN": ["fully", "properly", "completely"]}, "OP": "?"},
      _in("empty", "emptied", "empty.")])  # fmt: skip
# "like I'm sitting on a cushion that isn't there": a numb seat, said by what it is like
# (safety._SADDLE_IN files "sitting on a cushion" under the saddle)
_add("SENSORY",
     [_in("sitting", "sat", "sit"), _in("on"), _in("a", "an"),
      {"LOWER": {"IN": ["invisible", "thick", "soft"]}, "OP": "?"},
      _in("cushion", "pillow", "sponge", "balloon"), _in("that", "which"),
      _in("is", "'s", "’s", "was"), _in("n't", "not"), _in("there")],
     [_in("sitting", "sat", "sit"), _in("on"), _in("a", "an"),
      {"LOWER": {"IN": ["invisible", "thick", "soft"]}, "OP": "?"},
      _in("cushion", "pillow", "sponge", "balloon"), _in("that", "which"),
      _in("isn't", "wasn't", "isnt", "wasnt"), _in("there")])  # fmt: skip
# "• rollover on the gravel road", "car on its roof", "rolled the car"
_add("SEVERE_TRAUMA",
     [_in("rollover"), _in("crash", "accident", "collision", "smash")],
     [_in("rollover"), _in("on", "in", "at", "off", "into"), _in("the", "a", "that"),
      {"OP": "?"},
      _in("road", "motorway", "highway", "bend", "corner", "ditch", "track", "freeway", "lane",
          "junction", "gravel", "verge", "embankment", "interstate", "m1", "m6", "a1")],
     [_in("car", "van", "truck", "ute", "jeep", "suv", "vehicle", "lorry", "bus", "minibus",
          "4x4", "tractor", "quad"),
      {"LOWER": {"IN": ["ended", "landed", "finished", "was", "upside", "down", "up"]},
       "OP": "*"},
      _in("on", "onto"), _in("its"), _in("roof")],
     # "my hatchback went upside down into the ditch"
     [_in("car", "van", "truck", "ute", "jeep", "suv", "hatchback", "saloon", "estate", "motor",
          "4x4", "pickup", "lorry", "minibus", "bus", "taxi", "tractor", "quad"),
      _in("went", "ended", "flipped", "rolled", "turned", "was", "landed", "finished"),
      {"LOWER": "up", "OP": "?"}, _in("upside"), _in("down")],
     [_in("rolled", "flipped", "overturned"), _in("the", "my", "our", "a", "his", "her"),
      _in("car", "van", "truck", "ute", "jeep", "suv", "vehicle", "lorry", "4x4", "quad",
          "tractor")])  # fmt: skip
# "the business end stopped responding": the genitals, said crudely (a sign with a loss named)
_add("SEX_CTX", [_in("the", "my"), _in("business"), _in("end")])
# "stopped responding", "won't respond"
_add("DYSFUNCTION",
     [_in("stopped", "stops", "stop", "quit"),
      _in("responding", "reacting", "cooperating", "co-operating")])  # fmt: skip
# A tracker's reading: "Checked: 101.8°F", "100.9 F"
_add("FEVER",
     # (not "the hot tub's set to 104°F", "flexion up to 105 degrees")
     [_in("checked", "reading", "thermometer", "temp", "temperature", "fever", ":", "read",
          "reads", "says", "said", "showed", "showing", "morning", "tonight", "night", "am",
          "pm", "me"),
      _re(r"^(?:100[.,][4-9]\d?|10[1-6](?:[.,]\d\d?)?)$"), _in("°", "°f", "f"),
      {"LOWER": "f", "OP": "?"}],
     [_re(r"^(3[89]|4[01])([.,]\d\d?)?$"), _in("°"), _in("c")],
     # "Thermometer says 102.4"
     [_in("thermometer", "temp", "temperature"),
      {"LOWER": {"IN": ["says", "said", "reads", "read", "showed", "shows", "showing", "is",
                        "was", "of", "at", ":", "hit", "reached"]}, "OP": "+"},
      _re(r"^(?:100[.,][4-9]\d?|10[1-6](?:[.,]\d\d?)?)$")])  # fmt: skip
# A tracker's hint of one, asked about: "skin temp ↑", "skin temp +1.1°C", "temp deviation +1.4"
_add("FEVER",
     [{"LOWER": {"IN": ["skin", "body", "wrist"]}, "OP": "?"},
      _in("temp", "temperature", "temperature's", "temp's"),
      {"LOWER": {"IN": ["deviation", "is", "was", "up", "variation"]}, "OP": "*"},
      _re(r"^(?:↑\.?|↑↑|\+(?:0[.,][5-9]|[1-9](?:[.,][0-9]+)?)(?:°c?)?|raised|elevated|high|"
          r"higher)$")])  # fmt: skip
# "Tue sat down too hard in her chair, heard a crack": a knock that counts with thin bones
_add("MINOR_TRAUMA",
     [_in("sat", "sit", "sitting", "plonked", "plopped", "dropped", "landed"),
      _in("down", "back"), {"LOWER": {"IN": ["too", "really", "very", "a", "bit"]}, "OP": "*"},
      _in("hard", "heavily", "heavy", "awkwardly", "fast")],
     [_in("heard", "felt"), _in("a", "something"),
      {"LOWER": {"IN": ["loud", "little", "big", "sort", "of"]}, "OP": "*"},
      _in("crack", "snap", "crunch")])  # fmt: skip
# "Day 1–10 diary: nights 8, 8, 9, 8, 9": a night's scores in a row
# (safety reads a 6 or more among them as the night's pain)
_add("NIGHT",
     [_in("nights", "night", "overnight", "nighttime", "night-time"),
      {"LOWER": {"IN": [":", "-", "=", "scores", "score", "pain", "this", "week", "last", "(",
                        ")", "0–10", "0-10", "/10", "0", "–", "10", "):"]}, "OP": "*"},
      _NUM, {"ORTH": {"IN": [",", "/", "→", "->"]}, "OP": "?"}, _NUM,
      {"ORTH": {"IN": [",", "/", "→", "->"]}, "OP": "?"}, _NUM,
      # (not "nights 7, 8, 6 hours", "overnight 8, 9, 10 degrees", "nights 6, 7, 8 of the month")
      {"LOWER": {"NOT_IN": ["hours", "hrs", "h", "degrees", "°", "of", "am", "pm", "x", "in",
                            "and", "-", "to"]}}])  # fmt: skip
# "his back pain's gone constant", "it's become non-stop"
_add("NIGHT",
     [_in("pain", "ache", "it", "back", "sciatica", "aching"),
      {"LOWER": {"IN": ["'s", "’s", "has", "is", "have"]}, "OP": "?"},
      _in("gone", "going", "become", "became", "turned", "got"),
      _in("constant", "continuous", "non-stop", "nonstop", "relentless", "24/7")])  # fmt: skip
# "fell backwards over another player", "tripped over the dog"
_add("FALL",
     [_in("fell", "fallen", "tripped", "toppled", "tumbled"),
      {"LOWER": {"IN": ["backwards", "backward", "forwards", "forward", "head", "first",
                        "flat", "straight"]}, "OP": "*"},
      _in("over"), _in("another", "a", "an", "the", "one", "some"),
      {"LOWER": {"IN": ["other", "opposing", "player", "players"]}, "OP": "?"},
      _in("player", "defender", "attacker", "teammate", "opponent", "dog", "kid", "child",
          "person", "keeper", "goalie", "fielder", "skier", "boarder", "rider")])  # fmt: skip
# "my right leg buzzes like a phone on silent": one leg's nerve
_add("SCIATICA",
     # (the side named: not "my calf buzzes for a minute after the massage gun")
     [_in("right", "left", "r", "l", "are"),
      _in("leg", "foot", "calf", "thigh", "shin", "buttock", "bum"),
      {"LOWER": {"IN": ["just", "still", "keeps", "kind", "of", "sort", "constantly", "feels",
                        "is", "goes", "went", "feel", "all"]}, "OP": "*"},
      _in("buzzes", "buzzing", "buzzed", "buzz", "fizzes", "fizzing", "fizzy", "vibrates",
          "vibrating", "hums", "humming")])  # fmt: skip
# "buttock → outer calf": a log's path down the leg
_add("RADIATE",
     [_in("buttock", "buttocks", "bum", "glute", "glutes", "butt", "hip", "thigh", "lumbar",
          "back"),
      _in("→", "->", "-->", "=>", "⇒"),
      {"LOWER": {"IN": ["outer", "inner", "back", "front", "side", "of", "the", "my", "lower",
                        "upper", "mid", "r", "l"]}, "OP": "*"},
      _in("calf", "leg", "foot", "ankle", "knee", "shin", "thigh", "toes", "heel",
          "sole")])  # fmt: skip
# "pain scores flat at 6 the whole way", "exactly where I started", "avg unchanged at 5/10"
_add("NOCHANGE",
     [_in("avg", "average", "mean", "score", "scores", "pain", "lbp"), _in("unchanged"),
      _in("at", "since", "from", "for", "over")],
     [_in("flat", "flatlined", "flatlining", "stuck"), _in("at", "around", "on"), _NUM],
     [_in("exactly", "right", "just", "still"), _in("where"), _in("i", "we"),
      _in("started", "began", "was")])  # fmt: skip
# "back pain every single day" (with weeks of it)
_add("NOT_IMPROVING",
     [_in("pain", "sore", "hurting", "hurts", "aches", "aching"), _in("every"), _in("single"),
      _in("day")])  # fmt: skip
# "Bone density: T −2.7 spine": a T-score in the osteoporosis range
_add("BONE_RISK",
     # (not "T -3 days to the race", "overnight T = -4")
     [_in("t-score", "tscore"), {"ORTH": {"IN": [":", "=", "of"]}, "OP": "?"}, _T_SCORE],
     [_in("t"), _in("-"), _in("score"), {"ORTH": {"IN": [":", "=", "of"]}, "OP": "?"},
      _T_SCORE],
     # "DEXA came back minus 2.7 at the spine"
     [_in("dexa", "dxa", "density", "t-score", "score"),
      {"LOWER": {"IN": ["came", "back", "showed", "shows", "was", "is", "at", "of", ":",
                        "scan", "result"]}, "OP": "*"},
      _in("minus"), _re(r"^(?:2[.,][5-9]\d?|[3-5](?:[.,]\d\d?)?)$")],
     [_in("t"), _in("score"), {"ORTH": {"IN": [":", "=", "of"]}, "OP": "?"}, _T_SCORE],
     [_in("density", "dexa", "dxa", "bone", "bones", "scan", "says", "showed", "spine", "hip"),
      {"ORTH": {"IN": [":", "-", ","]}, "OP": "?"}, _in("t"),
      {"ORTH": {"IN": [":", "=", "of"]}, "OP": "?"}, _T_SCORE])  # fmt: skip
# "had a bit of a moment on the stairs": a mishap, said small (asked about; a wobble on the loft
# ladder is not a fall from it)
_add("ACCIDENT",
     [_in("had", "have", "having", "bit"), {"LOWER": {"IN": ["bit", "of", "a", "an", "little",
                                                             "small", "slight"]}, "OP": "+"},
      _in("moment", "mishap", "wobble", "incident", "episode"), _in("on", "down", "off"),
      _in("the", "some", "our", "my"),
      _in("stairs", "ice", "ladder", "staircase", "escalator")],
     # "Had a wobble coming down the loft ladder"
     [_in("had", "have", "having"), _in("a"), {"LOWER": "bit", "OP": "?"},
      {"LOWER": "of", "OP": "?"}, {"LOWER": "a", "OP": "?"},
      _in("wobble", "slip", "stumble", "moment"),
      _in("coming", "going", "climbing", "getting"), _in("down", "up", "off"),
      _in("the", "a", "our", "my"), {"LOWER": {"IN": ["loft", "step", "attic"]}, "OP": "?"},
      _in("ladder", "stairs", "steps", "stepladder")])  # fmt: skip

# "Mum's lost loads of weight lately and doesn't know why"
_add("UNEXPLAINED",
     [_in("does", "do", "did", "doesnt", "dont", "didnt", "ca", "can", "could", "cannot"),
      {"LOWER": {"IN": ["n't", "not", "nt"]}, "OP": "?"},
      _in("know", "explain", "say", "tell", "understand"), _in("why")],
     [_in("no", "nobody"), {"LOWER": "one", "OP": "?"}, _in("knows", "can", "could"),
      {"LOWER": {"IN": ["explain", "say", "tell"]}, "OP": "?"}, _in("why")])  # fmt: skip

# A form's field answered with the loss: "Bladder control: no (since Tuesday)"
_add("CONTROL_LOSS",
     [_in("control"), _in(":", "-", "="), _in("no", "none", "nil", "zero", "gone", "lost",
                                            "poor"),
      {"ORTH": {"IN": [".", ",", "(", ";", "|", "!", "•"]}}])  # fmt: skip
# "eating the same as ever"
_add("UNEXPLAINED",
     [_in("eating", "eat", "eaten"), _in("the"), _in("same"),
      _in("as", "amount", "amounts", "food", "stuff"),
      {"LOWER": {"IN": ["ever", "always", "usual", "before", "normal"]}, "OP": "?"}])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
# "breathing into the hamstring stretch": a cue, not pain spreading
_add("IDIOM",
     [_in("breathe", "breathing", "breath", "breathed", "breathes"), _in("into"),
      {"LOWER": {"IN": ["the", "my", "your", "that", "this"]}, "OP": "?"},
      _in("hamstring", "hamstrings", "hip", "hips", "back", "stretch", "belly", "ribs", "chest",
          "side", "it", "pose", "fold", "tightness", "leg", "legs", "calf", "glutes"),
      {"LOWER": "stretch", "OP": "?"}])  # fmt: skip
# "Osteoporosis screen 2024: normal", "DEXA 2019: normal": a bone test that found nothing
# (not "screening 2023: clear" after a cancer, which stays a cancer history)
_add("IDIOM",
     [{"LOWER": {"IN": ["osteoporosis", "bone", "dexa", "dxa"]}},
      {"LOWER": {"IN": ["density", "screen", "screening", "scan", "test"]}, "OP": "*"},
      {"TEXT": {"REGEX": r"^(?:19|20)\d\d$"}, "OP": "?"}, {"ORTH": ":", "OP": "?"},
      _in("normal", "clear", "negative", "fine")])  # fmt: skip
# "the studio temperature is high", "our office temp is high maintenance": a place's
_add("IDIOM",
     [_in("studio", "room", "office", "water", "pool", "oven", "house", "outside", "car", "bath",
          "shower", "sauna", "gym", "air", "fridge", "freezer", "ambient", "core"),
      _in("temperature", "temp", "temps"),
      {"LOWER": {"IN": ["is", "was", "'s", "’s", "really", "very", "so", "too", "quite"]},
       "OP": "*"},
      {"LOWER": {"IN": ["high", "higher", "raised", "up", "hot"]}, "OP": "?"}])  # fmt: skip
# "Rolled my quad on the foam roller", "rolled the van down the drive to bump-start it",
# "came off the grid for a week", "the taxi ran me over to the station"
_add("IDIOM",
     [_in("rolled", "rolling", "roll", "rolls"), _in("my", "the", "out"),
      _in("quad", "quads", "calf", "calves", "hamstrings", "glutes", "back", "it", "legs"),
      _in("on", "with", "over", "out", "using")],
     [_in("rolled", "pushed", "rolling", "pushing"), _in("the", "my", "our"),
      _in("van", "car", "truck", "motor"), _in("down", "up", "along", "out", "into", "onto"),
      _in("the", "our", "my"), _in("drive", "driveway", "garage", "street", "road")],
     [_in("came", "went", "going", "gone", "been", "living", "lived", "was", "'m", "am", "go"),
      _in("off"), _in("the"), _in("grid"),
      {"LOWER": {"IN": ["for", "and", "to", "this", "last", "a", "all", "over", ","]}}],
     [{"LOWER": {"IN": ["taxi", "cab", "uber", "he", "she", "they", "dad", "mum", "bus"]},
       "OP": "?"},
      _in("ran", "run", "drove", "running", "driving"), _in("me"),
      _in("over", "up", "down", "round", "back"), _in("to")])  # fmt: skip
# "Hot yoga, 40°C room": the room's heat
_add("IDIOM",
     [_re(r"^(3[89]|4[0-5])([.,]\d)?$"), {"ORTH": "°", "OP": "?"},
      {"LOWER": {"IN": ["c", "degrees", "°c"]}, "OP": "?"},
      _in("room", "studio", "heat", "outside", "today", "weather", "sun", "shade", "day",
          "days", "afternoon", "heatwave", "sauna", "class")])  # fmt: skip

DEV46_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "reading this morning 102.4°F": a measurement, not something read
    ("reading this morning", "PSEUDO", "FORWARD",
     [_in("reading", "readings", "reads"),
      _in("this", "today", "tonight", "last", ":", "at", "was", "is", "of", "=", "on", "in",
          "first")], None),
    # "my little boy has a fever", "our wee girl's off school"
    ("my little boy", "FAMILY", "BIDIRECTIONAL",
     [_in("my", "our"), {"LOWER": {"IN": ["little", "eldest", "youngest", "baby", "big",
                                           "middle", "two", "three", "4", "5"]}, "OP": "?"},
      _in("boy", "girl", "boys", "girls", "lad", "lads", "lass", "bairn", "bairns", "wean",
          "weans", "kiddo", "kiddos", "toddler", "baby", "kid")], {"SELF"}),
    # "Osteoporosis screen 2024: normal bone density", "DEXA: normal"
]  # fmt: skip

DEV46_NEAR: list[tuple[str, str, str, Pattern, set[str]]] = [
    # "Bike crash 2017 (broken collarbone)": a year named right after the mishap (not "fell off
    # the loft ladder on Saturday 14 June 2025")
    ("crash 2017", "HISTORICAL", "BACKWARD",
     [_re(r"^(?:19[5-9]\d|20[0-2]\d)$"), _in("(", ",", ")", ":", "-", "–", "—")],
     {"FALL", "ACCIDENT", "SEVERE_TRAUMA", "IMPACT", "VEHICLE", "MINOR_TRAUMA", "SPEED"}),
]  # fmt: skip

# "my wee boy", "the wee one": little (Scots), not a wee
DICTATION = [
    # (not "I'd done a wee one hour later")
    mended(
        r"(?<!\ba )wee(?= (?:one|ones|boy|boys|girl|girls|lad|lass|lassie|laddie|bairn|man|"
        r"fella|guy|un|dug|dog|yin|wan|brother|sister|baby)\b)",
        "little",
    ),
]
