"""Concept phrasings from the eighteenth dev set (everyday traffic, a quarter of it long messages)
that the rules read wrongly.

Signs: "ED" for erectile dysfunction, "I no can control toilet", a backside that "has gone to
sleep", "came down on my head and neck ... from right up high", a grandson who "jumped on me",
"me and my wife tried", "third week and it's not getting better", pain that is "just always
there", "I suppose I should say I had chemo". Look-alikes: "tripped over my words", a step count
that "has fallen off a cliff", "losing my balance in the single leg stretch", reaching "halfway
down my shins", "injury history", "nothing in my chest", a nurse's patient, "like I'd been
sitting on them" (a simile, not a cause), "everyone's ok".
"""

from __future__ import annotations

import re

from bot.coach.patterns import OPT as _OPT
from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV18_RULES: list[Rule] = []

_add = adder(DEV18_RULES)

_PARTNER = ("husband", "wife", "partner", "boyfriend", "girlfriend", "hubby", "missus", "bf",
            "gf", "fiance", "fiancee", "fella", "bloke", "man", "woman")  # fmt: skip

# -- signs ----------------------------------------------------------------------------------------
# "I no can control toilet since two days": the "no" is the sign, not its denial
_add("BLADDER",
     [_re(r"^(no|not|n't|cannot|cant|can't)$"), {"LOWER": "can", "OP": "?"},
      _in("control", "hold"), {"LOWER": {"IN": ["my", "the"]}, "OP": "?"},
      _in("toilet", "pee", "urine", "bladder", "bowel", "bowels", "poo", "stool", "motion",
          "motions", "wee")])  # fmt: skip
# "my backside has gone to sleep"
_add("SENSORY",
     [_re(r"^(backside|bum|bottom|butt|arse|ass|groin|privates|crotch|perineum|genitals)$"),
      {"LOWER": {"IN": ["has", "have", "'s", "is", "keeps"]}, "OP": "?"},
      _in("gone", "went", "going", "goes", "go"), _in("to"), _in("sleep")])  # fmt: skip
# "no change since I started back in March": a length of time
_add("DURATION",
     [_in("since"), _in("i", "we"), _in("started", "began", "joined", "start")],
     [_in("back"), _in("in"), _re(r"^(january|february|march|april|may|june|july|august|"
                                  r"september|october|november|december)$")])  # fmt: skip
# "came down on my head and neck ... from right up high"
_add("FALL",
     [_in("came", "come", "coming", "landed", "crashed"), _in("down"), _in("on", "onto"),
      _in("my"),
      _in("head", "neck", "back", "tailbone", "coccyx", "bum", "side", "spine")])  # fmt: skip
_add("HEIGHT", [_in("from", "off"), {"LOWER": "right", "OP": "?"}, _in("up"), _in("high")])
# "third week and it's not getting better": a length of time
_add("DURATION",
     [_re(r"^(second|third|fourth|fifth|sixth|seventh|eighth|2nd|3rd|4th|5th|6th|7th|8th)$"),
      _in("week", "month")])  # fmt: skip
# "it's just always there": pain that never lets up
_add("NIGHT", [_in("always"), _in("there")], [_in("there"), _in("all"), _in("the"), _in("time")])

# -- look-alikes ----------------------------------------------------------------------------------
_add("IDIOM",
     [_in("tripped", "tripping", "trip", "trips", "stumbled", "stumbling"), _in("over"),
      _in("my", "his", "her", "our", "the"), _in("words", "tongue", "sentences", "lines")],
     [_in("has", "have", "had", "'s"), _in("fallen", "fell", "dropped", "gone"), _in("off"),
      _in("a", "the"), _in("cliff")],
     [_in("losing", "lose", "lost", "loses"), _in("my"), _in("balance"),
      _in("in", "during", "doing", "with", "on"), _in("the", "a", "my", "that", "this"), _OPT,
      {"OP": "?"},
      _re(r"^(stretch|stretches|pose|position|exercise|hold|one|routine|move|balance)$")],
     [_in("reach", "reached", "reaching", "touch", "touched", "get", "got"),
      {"LOWER": "to", "OP": "?"}, {"LOWER": {"IN": ["my", "the"]}},
      _in("knees", "shins", "toes", "ankles", "feet", "calves")],
     [_in("halfway", "half", "way", "all", "most"), {"LOWER": {"IN": ["way", "the"]}, "OP": "?"},
      {"LOWER": "way", "OP": "?"}, _in("down"), _in("my", "the"),
      _in("shins", "shin", "legs", "calves", "ankles")],
     [_in("injury", "injuries", "medical", "health"),
      _in("history", "list", "record")])  # fmt: skip

# "ED out of nowhere" (erectile dysfunction), not "went to the ED"
DICTATION = [
    (re.compile(r"(?<!the )(?<!to )(?<!in )(?<!at )(?<!an )\bED\b(?! (?:doctor|nurse|staff|"
                r"department|visit|waiting|consultant))"), "erectile dysfunction"),
]  # fmt: skip

DEV18_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "me and my wife tried to have sex": the person is the one feeling
    ("me and my wife", "PSEUDO", "FORWARD",
     [_in("me", "i", "myself"), _in("and", "&", "n", "an"), _in("my", "the", "mi"),
      _in(*_PARTNER)], None),
    # "like I'd been sitting on them": a simile, not the cause
    ("like i'd been sitting", "PSEUDO", "FORWARD",
     [_in("like", "as"), {"LOWER": "if", "OP": "?"}, _in("i'd", "i", "id", "i've"),
      {"LOWER": {"IN": ["'d", "been", "had", "was"]}, "OP": "*"},
      _in("sitting", "sat", "slept", "sleeping", "lying", "kneeling")], None),
    # "minor car accident this morning, everyone's ok": everyone includes the person
    ("everyone's ok", "PSEUDO", "FORWARD",
     [_in("everyone", "everybody", "all"), {"LOWER": {"IN": ["'s", "is", "are", "of"]}},
      {"LOWER": "us", "OP": "?"},
      _in("ok", "okay", "fine", "alright", "good", "unhurt", "safe")], None),
    # "I suppose I should say I had chemo": a fact owned up to, not a hypothetical
    ("i should say", "PSEUDO", "FORWARD",
     [_in("should", "ought"), {"LOWER": {"IN": ["probably", "also", "to"]}, "OP": "?"},
      _in("say", "mention", "tell", "add", "admit")], None),
    ("i suppose i should", "PSEUDO", "FORWARD",
     [_in("suppose", "guess", "reckon"), _in("i"), _in("should", "ought")], None),
    # "a flip I had no business doing": an idiom, not a denial
    ("no business", "PSEUDO", "FORWARD", [_in("no"), _in("business")], None),
    # "not rest not moving not heat, it's just always there": the denials end here
    ("it's just", "TERMINATE", "TERMINATE",
     [_in("it", "its", "it's"), {"LOWER": {"IN": ["'s", "is"]}, "OP": "?"}, _in("just")], None),
    # "nothing in my chest or anything, just my lower back"
    ("nothing in my", "NEGATED_EXISTENCE", "FORWARD",
     [_in("nothing"), _in("in", "with", "wrong"), {"LOWER": "with", "OP": "?"}], None),
]  # fmt: skip

# What a nurse or carer says of a patient holds for the whole sentence, past the commas.
DEV18_WHOLE: list[tuple[str, str, str, Pattern]] = [
    ("had a patient", "FAMILY", "FORWARD",
     [_in("had", "saw", "treated", "admitted", "nursed"), _in("a", "an", "one"),
      _re(r"^(patient|client|resident)$")]),
]  # fmt: skip
