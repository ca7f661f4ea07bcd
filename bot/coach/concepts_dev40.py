"""Concept phrasings from the fortieth dev set (messages dictated by voice or typed in a hurry)
that the rules read wrongly.

Signs: dictation's slips ("lost control of my bowls", legs "going mum"), self-corrections ("in
the left no wait in both legs"), "idk how to describe it", "like I've been sitting on a frozen
bench but I haven't", "got up to go to the loo and I just couldn't go like", "an accident in bed
... I'm 34", a car that is "a write off", "knocked over by a big wave". Look-alikes: "didn't
actually go down", "I fell a sleep", "in the states for the fall", "kiddo has a temperature",
"sore from chest day", "when I stand for ages", a fall from a horse "at 16".
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder, mended
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV40_RULES: list[Rule] = []

_add = adder(DEV40_RULES)

_NOT = _in("n't", "nt", "not")

DICTATION = [
    # "lost control of my bowls": the bowels, misheard
    mended(r"control (?:of|over) (?:my|me|the) bowls?", "control of my bowels"),
    # "my legs are going mum like both of them mum": numb, misheard (not "my mum")
    mended(
        r"(?:(?<=going )|(?<=gone )|(?<=went )|(?<=go )|(?<=goes )|(?<=feel )|(?<=feels )"
        r"|(?<=felt )|(?<=feeling )|(?<=them )|(?<=totally )|(?<=completely )|(?<=bit )"
        r"|(?<=both )|(?<=legs )|(?<=feet )|(?<=are )|(?<=is ))mum(?= |,|\.|$)",
        "numb",
    ),
]

# -- signs ----------------------------------------------------------------------------------------
# "got up to go to the loo and i just couldnt go like i was standing there ages" (not "couldn't
# go to the gym")
_add("DYSFUNCTION",
     [_in("ca", "can", "could", "did"), _NOT, _in("go"),
      _in("like", "at", "and", "properly", "anything", "even", "no", "whatsoever")],
     [_in("cant", "couldnt", "didnt"), _in("go"),
      _in("like", "at", "and", "properly", "anything", "even", "no", "whatsoever")])  # fmt: skip
# "car's a write off", "the car was totalled": a crash that hard is a serious one
_add("SPEED",
     [_in("a", "total", "complete", "was", "been", "is", "'s"), _in("write", "right"),
      {"TEXT": "-", "OP": "?"}, _in("off")],
     [_in("written", "totalled", "totaled", "wrote"), {"LOWER": "off", "OP": "?"}])  # fmt: skip
# "knocked over by a big wave", "bowled over by the dog"
_add("FALL",
     [_in("knocked", "bowled", "thrown"), _in("over", "down", "off"), _in("by")])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
# "caught myself didnt actually go down": no fall, and no bladder either
_add("IDIOM",
     [_in("did"), _NOT, {"LOWER": {"IN": ["actually", "really", "even", "quite"]}, "OP": "?"},
      _in("go", "hit", "fall"), _in("down", "over")],
     [_in("didnt"), {"LOWER": {"IN": ["actually", "really", "even", "quite"]}, "OP": "?"},
      _in("go", "hit", "fall"), _in("down", "over")])  # fmt: skip
# "i fell a sleep during the relaxation bit"
_add("IDIOM", [_in("fell", "fall", "falling", "falls"), _in("a"), _in("sleep")])  # fmt: skip
# "in the states for the fall", "this fall", "the fall semester": the season
_add("IDIOM",
     [_in("for"), _in("the"), _in("fall")],
     [_in("this", "next"), _in("fall")],
     [_in("fall"), _in("semester", "term", "break", "season", "colors", "colours", "foliage",
                       "leaves")])  # fmt: skip
# "back aches when i stand for ages at work": a length of standing, not of the pain
_add("IDIOM",
     [_in("stand", "standing", "stood", "sit", "sitting", "sat", "walk", "walking", "drive",
          "driving", "queue", "queuing"),
      _in("for"), _in("ages", "hours", "long")])  # fmt: skip

DEV40_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "pins and needles in the left no wait in both legs": a correction, not a denial
    ("no wait", "PSEUDO", "FORWARD",
     [_in("no", "nope", "nah"), {"IS_PUNCT": True, "OP": "?"},
      _in("wait", "sorry", "actually", "scratch")], None),
    # "idk how to describe it my legs just feel like theyre not mine": looking for words
    ("idk how to describe", "PSEUDO", "FORWARD",
     [_in("idk", "dunno", "know", "sure", "unsure"), _in("how"), _in("to"),
      _in("describe", "explain", "say", "put")], None),
    # "my bottom feels numb like ive been sitting on a frozen bench but i havent": the likeness
    # is denied, not the numbness
    ("but i haven't", "PSEUDO", "FORWARD",
     [_in("but"), _in("i"), _in("have", "had"), _NOT,
      {"LOWER": {"NOT_IN": ["had", "got", "been", "felt", "noticed", "any", "seen", "lost",
                            "experienced", "gotten", "a", "fallen", "hurt"]}}], None),
    ("but i havent", "PSEUDO", "FORWARD",
     [_in("but"), _in("i"), _in("havent", "hadnt"),
      {"LOWER": {"NOT_IN": ["had", "got", "been", "felt", "noticed", "any", "seen", "lost",
                            "experienced", "gotten", "a", "fallen", "hurt"]}}], None),
    # "numb like ive been sitting on a frozen bench but i havent": the likeness, cold and all,
    # is what is denied
    ("like i've been ... but i haven't", "PSEUDO", "FORWARD",
     [_in("like", "if"), _in("i", "ive", "id"), {"LOWER": {"IN": ["'ve", "ve", "'d", "d", "had",
                                                               "have"]}, "OP": "?"},
      _in("been"), {"LOWER": {"NOT_IN": ["but", ".", "!", "?"]}, "OP": "*"},
      _in("but"), _in("i"), {"LOWER": {"IN": ["have", "had"]}, "OP": "?"},
      _in("havent", "hadnt", "n't", "nt", "not")], None),
    # "kiddo has a temperature so im home today"
    ("kiddo", "FAMILY", "BIDIRECTIONAL",
     [_in("kiddo", "kiddos", "kiddie", "kiddies", "lil", "littlun", "littluns")], {"SELF"}),
]  # fmt: skip

DEV40_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    # "chest is sore from chest day at the gym": the muscles worked, not a chest pain
    ([("from chest day", "NEGATED_EXISTENCE", "BACKWARD",
       [_in("from", "after"), {"LOWER": {"IN": ["yesterday's", "my", "the", "a"]}, "OP": "?"},
        _in("chest", "push", "upper"), _in("day", "workout", "session")])],
     {"CHEST_PAIN", "CHEST"}),
    # "fell off my horse at 16, backs been fine for decades": a fall in youth
    ([("at 16", "HISTORICAL", "BACKWARD",
       [_in("at", "aged", "age"), _re(r"^(?:[5-9]|1\d|2\d)$"), _in(",", ".", "and", ";")])],
     {"FALL", "SEVERE_TRAUMA", "ACCIDENT", "IMPACT", "HEIGHT", "MINOR_TRAUMA"}),
]  # fmt: skip
