"""Concept phrasings from the tenth and eleventh dev sets: the kinds of phrasing we missed there.

The earlier sets are in concepts.py, concepts_more.py and concepts_dev4.py to concepts_dev9.py.
These add the urge to go that never comes "that I need the loo", a stream that won't start, only
drops, "xixi", a mess one "had no idea about", a temperature given as a number (38.9) or as
"boiling then freezing", legs "like electric", "two leg", legs that "just went", the place "where
you sit", touch that feels "like rubber", "nothing works down there", a tight band round the
chest, pain that "never switches off" or that nothing "takes the edge off", a fall from the top of
the stairs to the bottom, "no sign of getting better", "no improvement", steroids "long time";
and the look-alikes: things that fell (temperatures, tomatoes), a fall "when I was 12" or "in my
20s", a co-worker's symptoms, "my husband and I", feeling him (not a numb person), a couple of
steps.
"""

from __future__ import annotations

import re

from bot.coach.patterns import GO_ON as _GO_ON
from bot.coach.patterns import OPT as _OPT
from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV10_RULES: list[Rule] = []

_add = adder(DEV10_RULES)

_NEG = _re(r"^(n't|nt|not|dont|doesnt|didnt|cant|cannot|never|no)$")
_TOILET = r"^(pee|wee|poo|piss|go|empty|toilet|loo|bathroom|lav|xixi|pipi|wc)$"

# -- the urge that never comes, a stream that won't start, only drops -----------------------------
_add("BLADDER",
     [_NEG, _in("get", "have", "feel", "got", "sense"), _OPT,
      _in("feeling", "urge", "sensation", "signal"), _GO_ON, _GO_ON, _GO_ON, _GO_ON,
      _re(_TOILET)],
     [_NEG, _OPT, _in("get", "start", "make"), _in("the", "a", "it", "my"),
      _in("stream", "flow", "wee", "pee"), _in("going", "started", "to", "flowing", "out")],
     [_in("only"), _OPT, _re(r"^(drops?|dribbles?|drips?|trickles?|droplets)$"),
      _in("are", "is", "coming", "come", "comes", "came", "out")],
     [_NEG, _in("make", "do", "pass"), _in("xixi", "pipi", "wee", "pee", "water")],
     [_re(r"^(poo|poop|shit|faeces|feces|stool|mess)$"), _OPT, _OPT, _OPT, _OPT,
      _in("no", "zero"), _in("idea", "clue")])  # fmt: skip

# -- a temperature as a number, hot then cold ---------------------------------------------------
_add("FEVER",
     [_re(r"^(3[89]|4[0-2])[.,][0-9]°?c?$")],
     [_re(r"^(10[0-4])[.,]?[0-9]?°?f$")],
     [_re(r"^(boiling|roasting|burning|sweating|baking|hot)$"), _in("then", "and", ","),
      _OPT, _re(r"^(freezing|shivering|cold|frozen|shaking)$")])  # fmt: skip

# -- legs like electric, "two leg", legs that just went ----------------------------------------
_add("RADIATE", [_re(r"^(electric|electricity|electrical)$")])  # sharp, as "electric shocks"
_add("SENSORY",
     [_in("felt", "feels", "feel", "like"), _OPT, _in("rubber", "cardboard", "wood", "plastic",
                                                     "leather")])  # fmt: skip
_add("LEGS", [_in("two", "2"), _in("leg", "legs")], [_in("leg", "legs"), _in("both")])
_add("WEAK",
     [_in("legs"), _in("just", "suddenly", "simply"),
      _in("went", "gone", "buckled", "folded", "collapsed")])  # fmt: skip

# -- the place where you sit; nothing works down there -----------------------------------------
_add("SADDLE",
     [_in("place", "part", "bit", "area", "spot"), _in("where", "that", "you"), _OPT,
      _in("sit", "sits")])  # fmt: skip
_add("SEXUAL",
     [_in("nothing"), _in("works", "working", "happens", "happening"),
      _in("down", "downstairs"), {"LOWER": "there", "OP": "?"}])  # fmt: skip

# -- a band round the chest ---------------------------------------------------------------------
_add("PRESSURE",
     [_in("tight", "tightening", "heavy"), _in("band", "belt", "strap")],
     [_in("band", "belt", "strap"), _OPT, _OPT, _in("pulled", "tight", "tightened", "round",
                                                    "around", "across")])  # fmt: skip

# -- pain that never lets up ------------------------------------------------------------------
_add("NIGHT",
     [_in("never"), _in("switches", "switched", "lets", "stops", "lifts", "lessens"),
      _in("off", "up", "at", "for", "even")],
     [_in("nothing"), _in("takes", "took"), _in("the"), _in("edge")],
     [_in("morning"), _in(",", "noon"), _OPT, _OPT, _in("night")],
     [_in("non"), _in("stop")], [_in("round", "around"), _in("the"), _in("clock")])  # fmt: skip

# -- a fall from the top of the stairs --------------------------------------------------------
_add("HEIGHT",
     [_in("from", "off"), _in("the"), _in("top"), _in("of"), _OPT,
      _in("stairs", "steps", "staircase", "ladder", "flight")],
     [_in("all"), _in("the"), _in("way"), _in("down", "to")])  # fmt: skip
_add("MINOR",
     [_in("a"), _in("couple", "few"), {"LOWER": "of", "OP": "?"}, _in("steps", "stairs")],
     [_in("one", "a", "single"), _in("step", "stair")])  # fmt: skip

# -- not getting better, no improvement ----------------------------------------------------------
_add("NOT_IMPROVING",
     [_in("no", "zero"), _in("sign", "signs"), _in("of"), _in("getting", "improving", "easing",
                                                            "improvement")],
     [_in("no"), _OPT, _in("improvement", "improvements", "progress", "change")])  # fmt: skip

# -- steroids a long time ---------------------------------------------------------------------
_add("BONE_RISK",
     [_in("on"), _re(r"^(cortisone|steroids?|prednisolone|prednisone|hydrocortisone)$"),
      _in("long", "for"), _in("time", "years", "ages", "term")])  # fmt: skip

# -- things that fell: not a fall ---------------------------------------------------------------
_add("IDIOM",
     [_re(r"^(temps?|temperatures?|prices?|tomatoes|plants?|trees?|fence|branches|leaves|shelf|"
          r"pictures?|vase|tent|snow|rain|numbers?|scores?|sales|shares|pots?|books?|boxes)$"),
      _OPT, _in("fell", "fallen", "falling", "fall", "falls")])  # fmt: skip

DEV10_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "broke my wrist falling off a horse when I was 12", "a slipped disc in my 20s"
    ("when i was 12", "HISTORICAL", "BIDIRECTIONAL",
     [_in("when", "back"), _in("i"), _in("was"), _OPT,
      _re(r"^([0-9]+|kid|child|teen|teenager|young|little|small|younger|boy|girl|student|"
          r"baby|toddler)$")], None),
    ("in my 20s", "HISTORICAL", "BIDIRECTIONAL",
     [_in("in", "during"), _in("my"), _re(r"^(teens|twenties|thirties|[0-9]0s|[0-9]0's)$")],
     None),
    ("as a kid", "HISTORICAL", "BIDIRECTIONAL",
     [_in("as"), _in("a"), _in("kid", "child", "teenager", "teen", "youngster", "boy", "girl")],
     None),
    # "a co-worker had chest pains"
    ("co-worker", "FAMILY", "BIDIRECTIONAL",
     [_in("co"), {"TEXT": "-", "OP": "?"}, _in("worker", "workers")], {"SELF"}),
    ("workmate", "FAMILY", "BIDIRECTIONAL",
     [_re(r"^(workmates?|boss|manager|supervisor|flatmates?|housemates?|roommates?)$")],
     {"SELF"}),
    # "my husband and I tried", "couldn't feel him": the person is the one feeling
    ("and i", "PSEUDO", "FORWARD",
     [_re(r"^(husband|wife|partner|boyfriend|girlfriend|hubby|fiance|fiancee|bf|gf|other)$"),
      _in("and"), _in("i", "me")], None),
    ("feel him", "PSEUDO", "FORWARD",
     [_in("feel", "felt", "feeling"), _in("him", "her", "them", "anything")], None),
]  # fmt: skip

# Cold explains numb or tingling feet, never a fever ("boiling then freezing") or a pain.
DEV10_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    ([("freezing", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_re(r"^(freezing|frozen|icy|frostbit\w*|frostnip)$")])],
     {"SENSORY", "ODD", "LEGS", "LEG", "FOOT", "SADDLE", "WEAK"}),
]  # fmt: skip

# -- the twelfth set ----------------------------------------------------------------------------
# the numbness that moved to the other leg; not always making it to the toilet
_add("LEGS",
     [_in("now", "then"), _in("the", "my"), _in("left", "right", "other"),
      _in("one", "leg", "side", "foot", "one's", "leg's")])  # fmt: skip
_add("CONTROL_LOSS",
     [_re(r"^(n't|not|never)$"), _in("always", "quite", "even"), _in("making", "make", "made"),
      _in("it")],
     [_re(r"^(n't|not|never)$"), _in("making", "make", "made"), _in("it"), _OPT, _OPT,
      _in("in", "on"), _in("time")])  # fmt: skip
# a massive stack, knocked down crossing the road, sat down hard
_add("SEVERE_TRAUMA",
     [_re(r"^(massive|huge|horrendous|horrific|serious|major|almighty|monster)$"),
      _re(r"^(stack|crash|smash|wipeout|wipe-out|collision|pile-up|pileup|off)$")],
     [_in("knocked", "run", "mown", "hit"), _in("down", "over"), _GO_ON, _GO_ON, _GO_ON,
      _in("crossing", "road", "car", "van", "bus", "lorry", "truck", "motorbike")])  # fmt: skip
_add("MINOR_TRAUMA",
     [_in("sat", "sit", "landed", "plonked", "dropped"), _in("down"),
      {"LOWER": {"IN": ["really", "very", "too", "so"]}, "OP": "?"},
      _in("hard", "heavily")])  # fmt: skip
_add(
    "FALL",
    [_in("arse", "ass", "bum", "head"), _in("over"), _in("tit", "teakettle", "elbow", "heels")],
)
# a fever hot one minute and cold the next
_add("FEVER",
     [_re(r"^(boiling|roasting|burning|sweating|hot|baking)$"), _in("one", "a"),
      _in("minute", "second", "moment"), _OPT,
      _re(r"^(freezing|shivering|cold|frozen)$")])  # fmt: skip
# pain whatever one does; months of it
_add("NIGHT",
     [_in("does", "doesn't", "doesnt", "no"), {"LOWER": "n't", "OP": "?"}, _in("matter"),
      _in("if", "whether", "what", "how"), _GO_ON, _GO_ON, _GO_ON,
      _in("lying", "lie", "sitting", "sit", "standing", "stand", "position", "do")])  # fmt: skip
_add("DURATION",
     [_in("since"), _re(r"^(january|february|march|april|may|june|july|august|september|"
                        r"october|november|december|christmas|xmas|easter|spring|summer|"
                        r"autumn|winter|jan|feb|sept|oct|nov|dec)$")])  # fmt: skip
_add("NOT_IMPROVING",
     [_in("without", "with"), _in("any", "no", "much", "real"), _OPT,
      _in("improvement", "change", "relief", "progress")])  # fmt: skip
# off the radar, off the wagon: not a fall
_add("IDIOM",
     [_in("fell", "fallen", "falling", "fall"), _in("off"), _in("the"),
      _in("radar", "wagon", "map", "face", "grid", "bandwagon")],
     [_in("fell", "fallen", "falling", "fall"), _in("behind", "apart", "short")])  # fmt: skip

DEV10_CONTEXT += [
    # "one of my residents wet herself": a carer's people
    ("residents", "FAMILY", "BIDIRECTIONAL",
     [_re(r"^(residents?|customers?|passengers?|clients?|punters?|tenants?)$")], {"SELF"}),
    ("doesn't matter if", "PSEUDO", "FORWARD",
     [_in("does", "doesn't", "doesnt"), {"LOWER": "n't", "OP": "?"}, _in("matter"),
      _in("if", "whether", "what")], None),
]  # fmt: skip
# "now the right one's gone the same": it became so, it is not over
DEV10_CONTEXT += [
    ("gone the same", "PSEUDO", "FORWARD",
     [_in("'s", "has", "is", "have", "'ve"), _in("gone", "going", "went"), _in("the"),
      _in("same")], None),
]  # fmt: skip
_add("CHEST", "ribcage", "rib cage", "front of my ribs")

# -- the thirteenth set ---------------------------------------------------------------------------
# Jamaican English: "mi cyaan pee", "mi nuh feel nutt'n"
DICTATION = [
    (re.compile(r"\b(cyaan|kyaan|caan)\b", re.IGNORECASE), "can't"),
    (re.compile(r"\bnuh\b", re.IGNORECASE), "don't"),
    (re.compile(r"\bnutt'?n\b", re.IGNORECASE), "nothing"),
    (re.compile(r"\btwo foot dem\b", re.IGNORECASE), "both feet"),
    (re.compile(r"\bfoot dem\b", re.IGNORECASE), "feet"),
    (re.compile(r"\bleg dem\b", re.IGNORECASE), "legs"),
]
# "me and my woman together"
_add("SEX_CTX",
     [_in("me", "mi", "i"), _in("an", "and", "n"), _in("my", "mi", "the"),
      _in("woman", "man", "wife", "husband", "partner", "missus", "misses", "girl", "fella",
          "bloke", "gf", "bf"), _OPT, _in("together", "intimate")])  # fmt: skip
# water not passed; not making it to the loo; weakness spreading to the other leg
_add("BLADDER",
     [_re(r"^(n't|not|havent|hasnt|never)$"), _in("passed", "had", "done", "managed"),
      {"LOWER": {"IN": ["any", "a"]}, "OP": "?"},
      _in("water", "urine", "wee", "pee")])  # fmt: skip
_add("CONTROL_LOSS",
     [_re(r"^(n't|not|never)$"), _in("make", "making", "made"), _in("it"), _in("to"),
      _in("the", "a"), _in("loo", "toilet", "bathroom", "lav", "wc", "restroom")])  # fmt: skip
_add("LEGS",
     [_in("from"), _in("one", "my"), _OPT, _in("leg", "side", "foot"), _in("to", "into"),
      _in("the"), _in("other")])  # fmt: skip
# all ten steps; a massive fall from the top of the ramp
_add("HEIGHT",
     [_in("all"), _re(r"^([0-9]+|ten|twelve|fifteen|twenty|thirty)$"), _in("of"), _in("them")],
     [_in("from", "off"), _in("the"), _in("top"), _in("of"), _OPT,
      _in("ramp", "wall", "cliff", "tree", "slide", "bunk", "bank", "pile", "stack")])  # fmt: skip
_add("SEVERE_TRAUMA",
     [_re(r"^(massive|huge|horrendous|horrific|serious|major|almighty|monster|nasty)$"),
      _in("fall", "tumble", "spill", "wipeout")])  # fmt: skip
# weight: belt notches with no effort, eating loads
_add("WEIGHT",
     [_in("down", "dropped", "lost"), _re(r"^([0-9]+|two|three|four)$"), _OPT,
      _in("belt", "dress", "jeans", "trouser", "clothes"),
      _in("notches", "sizes", "holes")])  # fmt: skip
_add("UNEXPLAINED",
     [_in("no", "without", "zero"), _in("effort", "trying")],
     [_in("eat", "eating", "i'm"), _in("loads", "plenty", "normally", "well", "the")],
     [_in("eat", "eating", "ate"), _in("like"), _in("a"),
      _in("pig", "horse", "king")])  # fmt: skip
# a nerve thing down one leg like a hot wire
_add("SCIATICA", [_in("nerve"), _in("thing", "pain", "feeling", "twinge", "pinch", "zing")])
_add("RADIATE", [_in("hot", "burning", "red-hot", "live"), _in("wire", "poker", "needle")])
# still hobbling weeks on; weeks and weeks; still the same
_add("NOCHANGE",
     [_in("still"), _re(r"^(hobbling|limping|hobbles|crippled|struggling|same)$")],
     [_in("still"), _in("the"), _in("same")])  # fmt: skip
_add("DURATION",
     [_in("weeks", "months"), _in("and"), _in("weeks", "months")],
     [_re(r"^([0-9]+|two|three|four|five|six|seven|eight|nine|ten|twelve)$"),
      _in("weeks", "months"), _in("on", "in", "later")])  # fmt: skip
# long-term corticosteroids
_add("BONE_RISK",
     [_in("long", "longterm", "long-term"), {"TEXT": "-", "OP": "?"},
      {"LOWER": "term", "OP": "?"},
      _re(r"^(corticosteroids?|cortisone|prednisolone|prednisone|hydrocortisone|pred)$")],
)  # fmt: skip
# a lorry crashed on the M6: traffic news
_add("IDIOM",
     [_re(r"^(lorry|car|van|bus|truck|someone|somebody|coach|tanker)$"),
      _in("crashed", "overturned", "jackknifed"), _in("on", "near"), _in("the"),
      _OPT, _OPT])  # fmt: skip

DEV10_CONTEXT += [
    # "fine for ages since", "back in the spring"
    ("fine for ages", "HISTORICAL", "BIDIRECTIONAL",
     [_in("fine", "ok", "okay", "good", "better", "well"), _in("for"),
      _in("ages", "months", "weeks", "years", "a")], None),
    ("back in the spring", "HISTORICAL", "BIDIRECTIONAL",
     [_in("back"), _in("in"), _in("the"),
      _in("spring", "summer", "autumn", "winter", "day", "eighties", "nineties")], None),
]  # fmt: skip
DEV10_TYPED += [
    # "burning a bit in the hold", "shaky holding the bridge": what a stretch or a pose does
    ([("in the hold", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_in("in", "during", "holding", "after"), _in("the", "a", "that", "this"),
        _re(r"^(hold|holds|stretch|bridge|pose|plank|squat|lunge|fold|routine|session|bend)$")])],
     {"SENSORY", "WEAK", "LEGS", "RADIATE", "ODD"}),
]  # fmt: skip
DEV10_CONTEXT += [
    # "never had this before": it is new, not denied
    ("never had this", "PSEUDO", "FORWARD",
     [_in("never"), _in("had", "happened", "felt", "experienced"),
      _in("this", "that", "it", "before", "anything")], None),
    # "not lying down, not sitting, not moving": where it does not ease, listed
    ("not lying", "PSEUDO", "FORWARD",
     [_in("not", "nor"), _in("lying", "sitting", "standing", "moving", "walking", "resting")],
     None),
]  # fmt: skip
