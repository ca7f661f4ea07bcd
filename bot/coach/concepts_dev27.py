"""Concept phrasings from the twenty-seventh dev set (replies to the weekly check-in, a week's
news with the sign buried in it) that the rules read wrongly.

Signs: "got dumped by a big wave", "had a little stumble off the kerb", "helmet cracked in two",
"woke up every single night this week with it", "the foot feels floppy ... she's right" (the
wife noticed; the foot is the writer's), "at night it's a different story". Look-alikes: feet
"numb with cold" that "thawed out in the car", "bit of a shock", "the market crash", numb bits
from the saddle "gone by the time I'd showered", "pain's dropped from 6 to 3".
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV27_RULES: list[Rule] = []

_add = adder(DEV27_RULES)

# -- signs ----------------------------------------------------------------------------------------
# "got dumped by a big wave at Bondi", "had a little stumble off the kerb"
_add("FALL",
     [_re(r"^(dumped|smashed|slammed|thrown|tumbled|flipped|rolled|wiped)$"),
      {"LOWER": "out", "OP": "?"}, _in("by"), {"LOWER": {"IN": ["a", "the"]}, "OP": "?"},
      {"OP": "?"}, _in("wave", "waves", "surf", "breaker", "swell")],
     # "had a little stumble off the kerb" (stumbling along is no fall)
     [_in("had", "took", "a"), {"LOWER": {"IN": ["a", "little", "bit", "of"]}, "OP": "*"},
      _in("stumble")])  # fmt: skip
# "helmet cracked in two": a crash hard enough to break a helmet
_add("SEVERE_TRAUMA",
     [_in("helmet", "helmets"), {"LOWER": {"IN": ["was", "got", "is", "has"]}, "OP": "?"},
      _re(r"^(cracked|split|smashed|broke|broken|snapped|shattered|destroyed)$")],
     [_re(r"^(cracked|split|smashed|broke|snapped|shattered|destroyed)$"),
      _in("my", "the", "his", "her"), _in("helmet")])  # fmt: skip
# Studied rows the rebuilt bank stopped catching, now read by the rules: "I have to push to get
# it started and it stops", "bladder weird, cant go", "went over backwards", "chair collapsed
# under me"
_add("BLADDER",
     [_in("push", "strain", "straining", "pushing", "force"), _in("to"), _in("get"),
      _in("it", "things", "the"), {"LOWER": "flow", "OP": "?"},
      _in("started", "going", "flowing", "out", "moving")],
     [_in("bladder", "bladders", "bladder's"), {"LOWER": {"IN": ["'s", "’s", "is", "has", "gone",
                                                                 "been", "feels", "feeling"]},
                                                "OP": "*"},
      _in("weird", "funny", "odd", "strange", "wrong", "numb", "dead", "useless")])  # fmt: skip
_add("FALL",
     [_in("went", "fell", "toppled", "tipped", "flew", "go", "going", "goes"), _in("over"),
      _in("backwards", "backward")],
     [_re(r"^(chair|stool|bench|seat|deckchair|deck-chair|sunlounger|ladder|step|table|bed)$"),
      {"LOWER": {"IN": ["just", "suddenly", "had"]}, "OP": "?"},
      _in("collapsed", "gave", "broke", "snapped", "buckled", "went"),
      {"LOWER": {"IN": ["way", "out"]}, "OP": "?"}, _in("under", "beneath", "from")])  # fmt: skip
# "woke up every single night this week with it": restless nights
_add("RESTLESS",
     [_in("woke", "waking", "wakes", "woken", "wake"), {"LOWER": "up", "OP": "?"}, _in("every"),
      {"LOWER": "single", "OP": "?"}, _in("night")])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
_add("IDIOM",
     # "slid down the stairs on my backside, bit of a shock"
     [_in("bit", "a", "what", "as"), {"LOWER": "of", "OP": "?"}, {"LOWER": "a", "OP": "?"},
      _in("shock")],
     # "the market crash has wiped a chunk off my pension"
     [_re(r"^(market|stock|stocks|markets|crypto|share|shares|price|prices|bitcoin|housing)$"),
      _in("crash", "crashed", "crashing", "crashes")],
     # "pain's dropped from 6 to 3": better
     [_in("pain", "pains"), {"LOWER": {"IN": ["'s", "’s", "has", "is", "score"]}, "OP": "?"},
      _in("dropped", "down", "fallen", "gone", "come", "eased"), {"LOWER": "down", "OP": "?"},
      {"LOWER": "from", "OP": "?"}, {"LIKE_NUM": True, "OP": "?"}, _in("to"),
      {"LIKE_NUM": True}],
     # "stumbled upon an article"
     [_in("stumbled", "stumble"), _in("upon", "across")])  # fmt: skip

DEV27_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "at night it's a different story": an idiom, no story read
    ("different story", "PSEUDO", "BIDIRECTIONAL",
     [_in("different", "another"), _in("story", "matter", "kettle")], None),
    # "My wife says I'm scuffing my shoe and she's right, the foot feels floppy"
    ("she's right", "PSEUDO", "BIDIRECTIONAL",
     [_in("she", "he", "they"), _in("'s", "’s", "is", "was", "are", "were"),
      _in("right", "correct")], None),
    # "Feet were numb with cold at the football"
    ("numb with cold", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
     [_in("with", "from"), {"LOWER": "the", "OP": "?"}, _in("cold", "frost", "chill")], None),
]  # fmt: skip

DEV27_WHOLE: list[tuple[str, str, str, Pattern]] = [
    # "Had a temperature last Thursday, gone by Friday, just a cold"
    ("gone by friday", "HISTORICAL", "BACKWARD",
     [_in("gone", "over", "better", "fine", "normal"), _in("by", "on", "since"),
      _re(r"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|"
          r"thurs|thu|fri|sat|sun|lunchtime|teatime|morning|evening|the weekend)$")]),
    # "... thawed out in the car"
    ("thawed out", "HISTORICAL", "BACKWARD",
     [_in("thawed", "defrosted"), {"LOWER": "out", "OP": "?"}]),
    # "the usual numb bits from the saddle, gone by the time I'd showered"
    ("gone by the time", "HISTORICAL", "BACKWARD",
     [_in("gone", "went", "fine", "ok", "okay", "normal", "passed", "better"),
      {"LOWER": {"IN": ["away", "off"]}, "OP": "?"}, _in("by"), _in("the"), _in("time")]),
]  # fmt: skip
