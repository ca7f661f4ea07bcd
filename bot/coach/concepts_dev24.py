"""Concept phrasings from the twenty-fourth dev set (first messages from new users:
introductions with the sign or a look-alike buried in history, replies to the start-up question)
that the rules read wrongly.

Signs: "cant stand on tiptoe on either side", "weight is reducing without reason", "cannot hold
my stool", "went off a jump and landed on my back", a leg that "feels like it's being
electrocuted", numbness "since my back went 3 weeks ago" (still going on). Look-alikes: "Victoria
Falls", a urine infection "antibiotics cleared it, all normal now", numbness "fine after a walk",
legs heavy after a shift that "goes away once I put my feet up", "feverish about getting
flexible", "an old shoulder injury", coffee spilt on a keyboard, "crash-tested the routine", a
cancer question on the form asked about.
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV24_RULES: list[Rule] = []

_add = adder(DEV24_RULES)

_TIPTOE = r"^(tiptoes?|tip-toes?|toes|tippy|heels?)$"

# -- signs ----------------------------------------------------------------------------------------
# "cant stand on tiptoe on either side anymore"
_add("WEAK",
     [_in("ca", "can", "could", "cannot"), _in("n't", "not", "nt"),
      _in("stand", "get", "walk", "rise", "balance", "go"), {"LOWER": "up", "OP": "?"},
      _in("on", "onto"), {"LOWER": {"IN": ["my", "me", "the"]}, "OP": "?"},
      _re(_TIPTOE)])  # fmt: skip
_add(
    "LEGS",
    [_in("on", "in"), _in("either", "both"), _in("side", "sides", "leg", "legs", "foot", "feet")],
)
# "Weight is reducing without reason, 5 kg in few weeks"
_add("WEIGHT",
     [_in("weight"), _in("is", "has", "keeps", "'s", "been"), {"LOWER": "been", "OP": "?"},
      _in("reducing", "reduced", "dropping", "dropped", "falling", "fallen", "going", "coming",
          "decreasing", "decreased"),
      {"LOWER": {"IN": ["down", "off"]}, "OP": "?"}])  # fmt: skip
_add("UNEXPLAINED",
     [_in("without", "for", "with"), {"LOWER": {"IN": ["any", "no"]}, "OP": "?"},
      _in("reason", "reasons", "explanation", "cause")])  # fmt: skip
# "I cannot hold my stool" (the bowels; "cannot hold my" alone is read as weakness)
_HELD = _re(
    r"^(stool|stools|poo|poos|bowels?|urine|pee|wee|water|faeces|feces|motions?|toilet|"
    r"latrine|shit)$"
)
_add("BLADDER",
     *[[*cannot, _in("hold", "control", "keep"),
        {"LOWER": {"IN": ["my", "in", "the"]}, "OP": "?"}, _HELD]
       for cannot in ([_in("ca", "can", "could"), _in("n't", "not", "nt")], [_in("cannot")],
                      [_in("unable", "not"), _in("to")])])  # fmt: skip
# "went off a jump and landed on my back on sheet ice"
_add("HEIGHT",
     [_in("off", "from"), _in("a", "the"), {"LOWER": {"IN": ["big", "huge", "high"]}, "OP": "?"},
      _re(r"^(jump|jumps|kicker|ramp|cliff|ledge|drop|wall|roof)$")])  # fmt: skip
_add("FALL",
     [_in("landed", "land", "landing", "crashed"), {"LOWER": {"IN": ["hard", "flat"]}, "OP": "?"},
      _in("on", "onto"), {"LOWER": {"IN": ["my", "the"]}, "OP": "?"},
      _re(r"^(back|backside|bum|tailbone|spine|coccyx|bottom|butt|arse)$")])  # fmt: skip
# "my left leg feels like it's being electrocuted down the back"
_add("SENSORY", [_re(r"^(electrocut\w*|zapped|zapping|zaps|jolts|jolting)$")])

# -- look-alikes ----------------------------------------------------------------------------------
_add("IDIOM",
     # "an old shoulder injury": long ago
     [_in("old", "previous", "former", "past", "earlier"), {"OP": "?"},
      _in("injury", "injuries")],
     # "crash-tested the routine", "a crash course"
     [_in("crash"), {"TEXT": "-", "OP": "?"},
      _in("tested", "test", "testing", "course", "diet", "pad", "mat", "helmet", "landed")],
     # "feverish about getting flexible": keen
     [_in("feverish", "fevered"), _in("about", "over", "for")],
     # "spilt my coffee all over my keyboard"
     [_in("spilt", "spilled", "spill", "spilling"), {"LOWER": {"IN": ["my", "the", "a"]},
                                                      "OP": "?"},
      _re(r"^(coffee|tea|drink|water|juice|wine|milk|beer|soup|smoothie)$")])  # fmt: skip

DEV24_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "Numbness on the outside of my foot since my back went 3 weeks ago": still going on
    ("since it went weeks ago", "PSEUDO", "FORWARD",
     [_in("since"), {"OP": "?"}, {"OP": "?"},
      _in("went", "started", "began", "gave", "happened", "flared", "kicked", "go"),
      {"LOWER": {"IN": ["out", "off", "up", "in"]}, "OP": "?"},
      _re(r"^(\d+|a|one|two|three|four|five|six|few|couple)$"), {"LOWER": "of", "OP": "?"},
      _in("days", "weeks", "months", "wks", "day", "week", "month"), _in("ago")], None),
    # "left calf has no push anymore, can't go up on tiptoe": the "no" is the weakness itself
    ("no push", "PSEUDO", "FORWARD",
     [_in("no", "zero", "nil"), _in("push", "strength", "power", "spring", "oomph")], None),
    # "Just mentioning since your form asked about cancer": the form's question, not a history
    ("asked about", "HYPOTHETICAL", "FORWARD",
     [_in("asked", "asks", "asking", "question", "questions", "ticked", "box"),
      _in("about", "re", "regarding", "on", "for")], None),
]  # fmt: skip

DEV24_WHOLE: list[tuple[str, str, str, Pattern]] = [
    # "a urine infection last month, antibiotics cleared it, all normal now"
    ("cleared it", "HISTORICAL", "BACKWARD",
     [_in("cleared", "sorted", "fixed", "cured"), _in("it", "up", "that")]),
    ("all normal now", "HISTORICAL", "BACKWARD",
     [_in("all", "everything"), _in("normal", "fine", "good", "ok", "okay", "clear"),
      _in("now", "again", "since")]),
    # "numb bum from the long flight, fine after a walk", "goes away once I put my feet up"
    ("fine after a walk", "HISTORICAL", "BACKWARD",
     [_in("fine", "ok", "okay", "normal", "gone", "better", "goes", "wears"),
      {"LOWER": {"IN": ["away", "off"]}, "OP": "?"}, _in("after", "once", "when"),
      {"LOWER": {"IN": ["a", "i"]}, "OP": "?"},
      # not "eases once I get up", "goes once I'm moving": how night pain and stiffness go
      _re(r"^(walk|walking|stretch|wiggle|put|rest|sit|lie|shake|stamp)$")]),
    # "left leg went dead sitting on the toilet, came back after a minute"
    ("came back after a minute", "NEGATED_EXISTENCE", "BACKWARD",
     [_in("came", "come", "comes"), _in("back", "round", "right"), _in("after", "within", "in"),
      _re(r"^(a|\d+|few|couple|one|two)$")]),
]  # fmt: skip
