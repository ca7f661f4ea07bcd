"""Concept phrasings from the forty-first dev set (people living with a disability or a
long-term condition that moves their body's baseline) that the rules read wrongly.

Signs: a wheelchair that "flipped" or "tipped backwards", sliding "off the edge of the bed" or
"out of my chair" in a transfer, "whacked my back on the ground", another player's chair "on
top of me", a speed written "35 km/h", numbness that has "crept into my groin", legs that
"buckled" and "both feel like jelly". Look-alikes: "fell head over heels for
the seated pigeon", "a crash and burn situation", a chair "crashed into the door frame" with
the person fine, "a guy in my MS group", "a cancer scare", "bladder's steady", a calf cramp
that wakes one in the night.
"""

from __future__ import annotations

from bot.coach.patterns import OPT, Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV41_RULES: list[Rule] = []

_add = adder(DEV41_RULES)

_CHAIR = _in("chair", "wheelchair", "powerchair", "handbike", "trike", "scooter")
_THE = {"LOWER": {"IN": ["the", "my", "a", "his", "her"]}, "OP": "?"}

# -- signs ----------------------------------------------------------------------------------------
# "my chair flipped", "tipped backwards going up a kerb", "tipped my chair", "the chair went
# over backwards"
_add("FALL",
     [_CHAIR, {"LOWER": {"IN": ["just", "then", "completely", "fully"]}, "OP": "?"},
      _in("flipped", "tipped", "toppled", "overturned", "capsized")],
     [_in("tipped", "flipped", "toppled", "tipping", "flipping", "went"),
      {"LOWER": "over", "OP": "?"}, _in("backwards", "backward", "sideways")],
     # "got tipped", "was flipped out of it"
     [_in("got", "was", "been", "get"), _in("tipped", "flipped", "toppled")],
     [_in("tipped", "flipped", "toppled", "tipping", "overturned"), _in("my", "the", "me"),
      {"LOWER": {"IN": ["wheel", "power", "new", "old", "manual"]}, "OP": "?"},
      _in("chair", "wheelchair", "powerchair", "handbike", "out")])  # fmt: skip
# "slid off the edge of the bed during a transfer", "slipped out of my chair onto the floor"
# (not "slid out of bed to make a coffee": getting up)
_add("FALL",
     [_in("slid", "slipped", "slide", "sliding", "slipping", "slithered"), _in("off"),
      {"LOWER": "of", "OP": "?"}, _THE, {"LOWER": {"IN": ["edge", "side", "end"]}, "OP": "?"},
      {"LOWER": "of", "OP": "?"}, _THE,
      _in("bed", "chair", "wheelchair", "powerchair", "sofa", "couch", "seat", "toilet",
          "commode", "loo", "stool", "bench", "sling", "plinth", "board", "settee")],
     [_in("slid", "slipped", "slide", "sliding", "slipping", "slithered"), _in("out"), _in("of"),
      _THE, _in("chair", "wheelchair", "powerchair", "seat", "sling", "hoist",
                "commode")])  # fmt: skip
# "whacked my back on the ground", "smacked my back on the kerb": a knock, read with the falls
_add("FALL",
     [_in("whacked", "smacked", "banged", "bashed", "slammed", "cracked", "thumped", "hit"),
      _in("my"), {"LOWER": {"IN": ["lower", "low", "upper", "whole"]}, "OP": "?"},
      _in("back", "spine", "tailbone", "coccyx"), _in("on", "against", "off"), OPT,
      _in("ground", "floor", "kerb", "curb", "tarmac", "concrete", "pavement", "step", "steps",
          "road", "deck", "court", "edge", "frame")])  # fmt: skip
# "landed back-first with another player's chair on top of me"
_add("SEVERE_TRAUMA",
     [_in("landed", "came", "fell", "went"),
      {"LOWER": {"IN": ["down", "back", "flat", "hard", "on"]}, "OP": "?"},
      {"LOWER": {"NOT_IN": [".", "!", "?", ";"]}, "OP": "*"},
      _in("with"), {"LOWER": {"NOT_IN": [".", "!", "?", ";"]}, "OP": "*"},
      _in("on"), _in("top"), _in("of"), _in("me")])  # fmt: skip
# "went face first out of the chair", "pitched headfirst off the bed"
_add("FALL",
     [_in("went", "fell", "pitched", "tipped", "flew"),
      {"LOWER": {"IN": ["face", "head", "headfirst", "face-first", "head-first", "facefirst",
                        "sideways", "forwards", "forward"]}, "OP": "?"},
      {"LOWER": {"IN": ["-", "first"]}, "OP": "*"}, _in("out", "off"), _in("of", "the", "my"),
      {"LOWER": {"IN": ["the", "my", "his", "her"]}, "OP": "?"},
      _in("chair", "wheelchair", "powerchair", "bed", "sofa", "couch", "seat",
          "scooter")])  # fmt: skip
# "I dropped onto the chair hard" when the carer lost her grip in the transfer
_add("FALL",
     [_in("dropped", "landed", "came", "went", "plonked", "slammed", "thumped", "crashed"),
      {"LOWER": "down", "OP": "?"}, _in("onto", "on", "into"), _in("the", "my", "a"), OPT,
      _in("chair", "bed", "floor", "ground", "seat", "toilet", "commode", "edge", "step",
          "bench", "wheelchair"),
      _in("hard", "heavily", "awkwardly", "badly")])  # fmt: skip
# "a pallet of boxes fell on me", "the chair came down on top of me"
_add("FALL",
     [_in("fell", "collapsed", "toppled", "came", "dropped", "landed"),
      {"LOWER": "down", "OP": "?"}, _in("on", "onto"), {"LOWER": "top", "OP": "?"},
      {"LOWER": "of", "OP": "?"}, _in("me")])  # fmt: skip
# "little accident on the way to the loo", "an accident before I got to the toilet": the bladder
_add("BLADDER",
     [_in("accident", "accidents"), _in("on", "before", "in", "at", "going", "getting"),
      {"LOWER": {"NOT_IN": [".", ",", "!", "?", ";", "and", "but"]}, "OP": "*"},
      _in("loo", "toilet", "bathroom", "lavatory", "restroom", "loos", "toilets",
          "wc")])  # fmt: skip
# "at about 35 km/h" (the tokenizer splits "km/h")
_add("SPEED",
     [_re(r"^([3-9][0-9]|[1-9][0-9][0-9])$"), _in("km"), _in("/"), _in("h")])  # fmt: skip
# "Numbness used to stop mid-thigh ... Since Tuesday it's crept right up into my groin": a
# numbness named anywhere in the message, reaching the saddle now
_add("NUMB_SPREAD",
     [_in("crept", "creeping", "spread", "spreading", "moved", "travelled", "traveled", "gone",
          "going", "reached", "reaching"),
      {"LOWER": {"IN": ["right", "all", "the", "way", "up", "now"]}, "OP": "*"},
      _in("into", "to", "round", "in"), _in("my", "the"),
      _in("groin", "crotch", "privates", "genitals", "saddle", "bum", "bottom", "backside",
          "perineum", "undercarriage")])  # fmt: skip

# "I've used sildenafil for years", "the little blue pill": the sexual context of what follows
_add("SEX_CTX",
     [_in("sildenafil", "viagra", "cialis", "tadalafil", "levitra", "vardenafil", "caverject",
          "alprostadil")])  # fmt: skip
# "thrown onto hard ground", "flung clear": a rider or a passenger thrown is a fall
_add("FALL",
     [_in("thrown", "flung", "catapulted"),
      _in("onto", "clear", "into", "over", "forward", "forwards", "headfirst")])  # fmt: skip
# "the pony bolted": a horse is a height (concepts.py), and so is a pony or a mare
_add("HEIGHT", [_in("pony", "mare", "stallion", "gelding", "cob", "bronco", "mule")])

# -- look-alikes ----------------------------------------------------------------------------------
# "fell head over heels for the seated pigeon": love at first stretch
_add("IDIOM",
     [_in("fell", "falling", "fallen", "fall"), _in("head"), _in("over"), _in("heels"),
      _in("for", "in")])  # fmt: skip
# "a crash and burn situation"
_add("IDIOM", [_in("crash", "crashed", "crashing"), _in("and"), _in("burn", "burned", "burnt")])
# "crashed my chair into the door frame again": a wheelchair's bump, no fall
_add("IDIOM",
     [_in("crashed", "bumped", "banged", "ran", "drove", "reversed", "clipped"),
      _in("my", "the"), _CHAIR, _in("into", "against")])  # fmt: skip
# "cancer scare last month turned out to be nothing": a scare, no cancer
_add("IDIOM",
     [_in("cancer", "tumour", "tumor", "lump"), _in("scare", "scares", "false"),
      {"LOWER": "alarm", "OP": "?"}])  # fmt: skip
# "woke up in the night with a calf spasm, usual for me": a cramp, not the back's night pain
_add("IDIOM",
     [_in("in", "during", "at"), _in("the"), _in("night"), _in("with"),
      {"LOWER": {"IN": ["a", "an", "my", "bad", "horrible"]}, "OP": "*"},
      {"LOWER": {"IN": ["calf", "foot", "leg", "toe", "hamstring"]}, "OP": "?"},
      _in("spasm", "spasms", "cramp", "cramps")])  # fmt: skip

DEV41_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "a guy in my MS group lost weight without trying"
    ("a guy in my group", "FAMILY", "FORWARD",
     [_in("a", "one", "another", "this", "some"),
      _in("guy", "bloke", "woman", "lady", "man", "girl", "member", "friend", "mate", "fella",
          "chap", "lad", "person"),
      _in("in", "at", "from", "on"), _in("my", "our", "the")], {"SELF"}),
    # "colleague of mine", "a friend of ours": the colleague's, not the writer's
    ("of mine", "PSEUDO", "FORWARD", [_in("of"), _in("mine", "ours")], None),
    # "does it matter if my bum's gone numb?": asked of what has happened, no "what if"
    ("does it matter if", "PSEUDO", "FORWARD",
     [_in("matter", "bad", "serious", "worrying", "concerning", "dangerous", "problem"),
      _in("if", "that")], None),
    # "What's new is there's no feeling at all now": the news, not a question
    ("what's new is", "PSEUDO", "FORWARD",
     [_in("what"), _in("'s", "is"), {"LOWER": {"IN": ["new", "different", "changed", "worse",
                                                      "scary", "worrying"]}}, _in("is")], None),
    # "Since my back went on Saturday nothing works": begun then, not over
    ("since ... on saturday", "PSEUDO", "FORWARD",
     [_in("since"), {"LOWER": {"NOT_IN": [".", ",", "!", "?", ";", "and", "but"]}, "OP": "*"},
      _in("on", "last"),
      _in("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
          "weekend")], None),
    # "no feeling down there at all, which I always had before": the feeling there was, lost
    ("which i always had before", "PSEUDO", "FORWARD",
     [_in("which", "that"), _in("i"), {"LOWER": {"IN": ["always", "did", "had"]}, "OP": "?"},
      _in("had", "have", "used", "did", "felt"), {"LOWER": {"IN": ["before", "to"]}, "OP": "?"}],
     None),
    # "should I worry that I've peed myself twice today?": a fact, asked about
    ("worry that", "PSEUDO", "FORWARD",
     [_in("worry", "worried", "worrying", "concerned", "panic"), _in("that")], None),
    # "so I've never actually had cancer"
    ("never actually had", "NEGATED_EXISTENCE", "FORWARD",
     [_in("never", "not"), _in("actually", "really", "even", "ever"),
      _in("had", "got", "been", "have")], None),
    # "the back pain settled within a week", "cleared up in a few days": over
    ("settled within a week", "HISTORICAL", "BACKWARD",
     [_in("settled", "cleared", "eased", "went", "calmed", "resolved", "healed"),
      {"LOWER": {"IN": ["up", "down", "off", "away"]}, "OP": "?"},
      _in("within", "in", "after"),
      {"LOWER": {"IN": ["a", "about", "two", "three", "four", "few", "couple", "of", "2", "3",
                        "4", "5", "six", "five"]}, "OP": "*"},
      _in("week", "weeks", "days", "months", "fortnight")], None),
    # "PA for two clients, one's got a chest infection and the other's had a temperature"
    ("the other's had", "FAMILY", "FORWARD",
     [_in("the"), _in("other"), _in("'s", "one", "has", "had", "was")], {"SELF"}),
    ("one's got", "FAMILY", "FORWARD",
     [{"LOWER": "one", "IS_SENT_START": False}, _in("'s"), _in("got", "had", "been")],
     {"SELF"}),
    # "when I was first injured I lost a lot of weight in hospital": long ago
    ("when i was first", "HISTORICAL", "FORWARD",
     [_in("when", "after"), _in("i"), _in("was", "were"), _in("first", "initially")],
     None),
]  # fmt: skip

DEV41_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    # "Weight's steady, bladder's steady, legs steady": unchanged
    ([("'s steady", "NEGATED_EXISTENCE", "BACKWARD",
       [{"LOWER": {"IN": ["'s", "is", "are", "been", "stayed", "staying"]}, "OP": "?"},
        _in("steady", "stable", "unchanged")])],
     {"ELIMINATION", "BLADDER", "LEGS", "WEIGHT", "WEAK", "SENSORY"}),
]  # fmt: skip

DEV41_NEAR: list[tuple[str, str, str, Pattern, set[str]]] = [
    # "a bone scan: no osteoporosis, bones are fine"
    (": no osteoporosis", "NEGATED_EXISTENCE", "FORWARD", [_in(":", "-"), _in("no")],
     {"BONE_RISK", "CANCER", "FEVER", "WEIGHT"}),
]  # fmt: skip
