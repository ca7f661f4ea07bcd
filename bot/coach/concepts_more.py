"""More concept phrasings: indirect, lay, non-native and clinical ways of saying a sign.

bot/coach/concepts.py holds the first set; this module adds the kinds of phrasing the third dev
set showed we missed: the saddle named indirectly ("the bit that touches the seat"), retention
and soiling without sensation ("couldn't tell if I'd gone", "didn't realise I'd soiled myself"),
both legs said in passing ("the other leg too", "either foot"), night and constant pain in plain
words, weight loss seen in clothes, a fever given as a number, a knock with thin bones, clinical
shorthand, pain that "hasn't budged", one-sided pain, and the idioms and benign contexts that look
like signs (dreams, markets and objects that fall, a limb slept on, a leak long sorted).
"""

from __future__ import annotations

from typing import Any

from bot.coach.patterns import OPT as _OPT
from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

_NOT_IF: dict[str, Any] = {"LOWER": {"NOT_IN": ["if", "."]}, "OP": "?"}


_NOT = _re(r"^(not|n't|nt|never|no|didnt|dont|doesnt|couldnt|cant|cannot|can't|didn't|don't|"
           r"couldn't|doesn't)$")  # fmt: skip
_CANT = [[_in("ca", "can", "could", "did", "do", "does"), _in("n't", "not", "nt")],
         [_re(r"^(cant|cannot|couldnt|didnt|dont|doesnt)$")], [_in("not")]]  # fmt: skip
_LEG1 = ("leg", "foot", "calf", "thigh", "shin", "toes", "ankle", "knee")
_LEGS = ("legs", "feet", "thighs", "calves", "shins", "ankles", "knees")
_SOILED = r"^(wet|peed|pissed|weed|pooed|pooped|shat|soiled|crapped|messed|pood)$"

MORE_RULES: list[Rule] = []

_add = adder(MORE_RULES)


# -- the saddle, named without the word --------------------------------------------------------
_add("SADDLE", "between legs", "nether regions", "lady bits", "lady parts", "man bits",
     "back passage", [_re(r"^(penis|vagina|vulva|scrotum|testicles|clitoris|labia|anus|"
                          r"perineum|taint|undercarriage)$")],
     [_in("bit", "bits", "part", "parts", "area"), _in("that", "which"), _in("touches", "touch",
      "sits", "sit"), _OPT, _OPT, _OPT, _in("seat", "saddle")],
     [_in("bit", "bits", "part", "parts", "area"), _in("of"), _in("me"), _in("that", "which"),
      _in("touches", "touch", "sits"), _OPT, _OPT, _OPT, _in("seat", "saddle")])  # fmt: skip
_add("SENSORY", [_in("feel", "feels", "felt", "feeling", "gone", "went", "going"), _OPT,
                 _in("dead", "numb")],
     [_in("not", "no", "dont", "don't", "didnt"), _in("feel", "feeling"),
      _in("nothing", "anything")],
     [_in("feels", "felt", "feel"), _in("like"), _in("it", "its", "it's"), _OPT, _OPT,
      _in("there")],
     [_in("feeling", "sensation"), _in("in", "around"), *[_OPT] * 8,
      _in("has", "have", "is"), _in("gone", "went", "disappeared", "vanished")],
     [_re(r"^(an|hypo)?a?esthe(sia|tic)$")], [_re(r"^(tingly|buzz|buzzing|buzzy)$")],
     [_in("like"), _in("they're", "theyre", "they", "it's", "its"), _OPT, _in("asleep")],
     [_re(r"^(lost|lose|losing)$"), _in("feeling", "sensation"), _in("in")])  # fmt: skip

# -- bladder and bowel: retention, and soiling one did not feel ---------------------------------
_add("BLADDER",
     *[[*c, _OPT, _in("tell", "know", "sure"), _in("if", "whether"), _OPT, _OPT, _OPT,
        _re(r"^(peed|weed|pooed|finished|emptied)$")] for c in _CANT],
     # "couldn't tell if I'd gone or not": "gone" at the end of the clause, not "gone over time"
     *[[*c, _OPT, _in("tell", "know", "sure"), _in("if", "whether"), _OPT, _OPT,
        _in("gone", "been", "went"), _in("or", ",", ".", "!", "?")] for c in _CANT],
     *[[*c, _in("make", "do", "manage"), _OPT, _re(r"^(pee|wee|piss|urin\w*|poo)$")]
       for c in _CANT],
     *[[*c, _OPT, _in("feel", "know", "realise", "realize", "notice", "sense"), _OPT, _OPT, _OPT,
        _re(_SOILED)] for c in _CANT],
     *[[*c, _OPT, _in("feel", "know", "realise", "realize", "notice", "sense"), _OPT,
        _in("i"), _in("needed", "need", "had"), _in("to"), _in("go", "pee", "wee", "poo")]
       for c in _CANT],
     *[[*c, _OPT, _in("feel", "notice", "sense"), _in("it"), _in("coming")] for c in _CANT],
     [_in("go", "went", "going", "try", "tried", "trying"), _in("to", "and"), _OPT,
      _re(r"^(pee|wee|piss|urinate|toilet|loo)$"), _OPT, _in("and", "but"),
      _in("nothing", "nothin")],
     [_in("try", "tried", "trying"), _in("and", "but"), _in("nothing")],
     [_in("post"), {"TEXT": "-", "OP": "?"}, _re(r"^void\w*$"), _OPT, _OPT, _OPT, _OPT,
      _in("full")],
     [_in("after"), _re(r"^(weeing|peeing|urinating|voiding|going|emptying)$"), _OPT, _OPT,
      _OPT, _OPT, _in("full")],
     [_re(r"^accidents?$"), _in("in"), _in("my", "me"),
      _in("knickers", "pants", "trousers", "undies", "bed", "jeans")],
     [_in("sphincter"), _re(r"^(issues?|problems?|disturbance|dysfunction|trouble)$")],
)  # fmt: skip

# -- both legs said in passing ------------------------------------------------------------------
_add("LEGS", [_in("other"), _in("leg", "side", "foot"), _in("too", "as", "also", "now")],
     [_in("now"), _in("it's", "its", "it"), _in("'s", "is", "in"), _OPT, _in("both")],
     [_in("now"), _in("it's", "its"), _in("both")],
     [_in("either", "neither"), _in(*_LEG1)])  # fmt: skip
_add(
    "WEAK",
    [_in("heavy"), _in("and"), _in("dragging", "draggy", "weak")],
    [_in("reduced", "less", "lost", "losing", "weak", "poor"), _OPT, _in("power")],
    [_in("power"), _in("is", "has"), _OPT, _in("reduced", "down", "dropped", "weaker")],
)
_add("LEG", [_re(r"^(dorsiflexion|plantarflexion|l[345]|s1|l4/5|l5/s1)$")])
_add("ONE_SIDE", [_in("only"), _in("that", "the", "one", "on"), _OPT,
                  _in("leg", "side", "left", "right")],
     [_in("run", "runs", "dey", "goes", "go", "going", "travel", "travels"), _OPT, _in("from"),
      _OPT, _OPT, _in("go", "to", "into", "down"), _OPT, _in("left", "right")])  # fmt: skip
_add("SCIATICA", [_re(r"^(radicular|dermatomal|radiculitis)$")])

# -- night and constant pain ---------------------------------------------------------------------
# Up at 2am pacing, not up at 5am for work.
_add("NIGHT", [_in("up", "awake"), _in("pacing", "walking", "again", "still"), _OPT, _in("at"),
               _re(r"^[1-4](am|:\d\d)?$"), _OPT],
     [_in("pacing", "walking", "prowling"), *[_OPT] * 4, _in("at"), _re(r"^[1-4](am|:\d\d)?$")],
     [_in("does", "do", "wo", "will"), _in("n't", "not"), _in("stop", "ease", "go"),
      _OPT, _in("when", "even", "if"), _OPT, _in("lie", "lay", "lying", "rest", "sit")],
     [_in("doesnt", "wont", "never"), _OPT, _in("stop", "ease", "go"),
      _OPT, _in("when", "even", "if"), _OPT, _in("lie", "lay", "lying", "rest", "sit")],
     [_in("even"), _in("when", "while"), _OPT, _OPT, _in("still", "resting", "lying", "asleep")],
     [_in("in"), _in("the"), _in("night")], [_in("gnawing")],
     [_in("have", "has"), _in("n't", "not"), _in("slept")],
     [_in("havent", "not", "hardly", "barely"), _in("slept", "sleeping")],
     [_in("lying", "lie"), _in("still"), _in("is"), _in("impossible")])  # fmt: skip

# -- weight loss seen in clothes, a fever as a number --------------------------------------------
_add("WEIGHT", [_re(r"^(baggier|looser)$")], [_in("last", "tightest"), _in("notch", "hole")],
     [_in("new"), _in("hole", "notch"), _in("in"), _OPT, _in("belt")])  # fmt: skip
_add("UNEXPLAINED", [_in("not", "n't"), _in("trying")],
     [_in("eat", "eating", "eaten"), _in("the"), _in("same")],
     [_in("eat", "eating"), _in("normally", "properly", "loads", "plenty")],
     [_in("haven't", "havent", "not"), _in("changed"), _in("what", "how", "my"), _OPT,
      _OPT])  # fmt: skip
_add("FEVER", [_in("temp", "temperature"), _OPT, _OPT, _OPT, _re(r"^(3[89]|4[01])([.,]\d)?$")])

# -- a knock with thin bones ---------------------------------------------------------------------
_add("MINOR_TRAUMA", [_in("missed", "missing", "miss"), _in("the", "a", "my"), _OPT,
                      _in("step", "steps", "stair", "stairs", "chair", "seat", "kerb", "curb")],
     [_in("jarred", "jolted"), _in("my"), _in("back", "spine")])  # fmt: skip

_add("FALL", [_in("took", "had", "taken"), _in("a"), _OPT, _in("spill", "tumble")])

# -- not improving -------------------------------------------------------------------------------
_add("NOT_IMPROVING", [_in("hasnt", "not", "havent"), _in("budged", "shifted", "eased")],
     [_in("has", "have", "is"), _in("n't", "not"), _in("budged", "shifted", "eased", "moved")],
     [_in("still"), _in("in"), _in("pain"), _in("every", "each"), _in("day")])  # fmt: skip

# -- things that look like signs and are not ---------------------------------------------------
_add("IDIOM",
     [_re(r"^(market|markets|stocks?|shares|prices?|sales|economy|pound|ratings|profits?)$"),
      _in("fell", "fall", "falling", "fallen", "has", "have"), _OPT, _in("off", "through"),
      _OPT, _in("cliff", "floor")],
     [_re(r"^(it|phone|keys|cup|mug|glass|glasses|sunglasses|plate|vase|bottle|book|bag|"
          r"laptop|wallet|ring|hat|camera|toy|ball|pen|remote|picture|frame|mirror|plant|pot|"
          r"pan|tv|shelf|lid|which)$"),
      _in("fell", "fall", "falls", "fallen", "went"), _in("off", "out", "from", "down"),
      _OPT, _OPT],
     [_re(r"^(fell|fall|falling|fallen)$"), _in("in"), _OPT, _in("love")],
     [_in("there"), _in("was", "were", "'s"), _in("a", "an"), _OPT,
      _in("crash", "accident", "collision", "pile-up", "pileup")],
     [_in("crash", "accident", "collision"), _in("on"), _in("the"), _OPT,
      _re(r"^(m\d+|a\d+|motorway|road|bypass|ring|high|bridge)$")],
     [_in("sat", "stuck", "sitting", "queued", "queuing"), _in("in"), _in("traffic")],
     [_in("traffic", "car"), _in("crash", "accident"), _in("made", "meant", "held")],
)  # fmt: skip

# A dream covers the whole sentence that tells it ("I dreamt my back went and I fell off ...").
WHOLE_SENTENCE_CONTEXT: list[tuple[str, str, str, Pattern]] = [
    (
        "dreamt",
        "HYPOTHETICAL",
        "FORWARD",
        [_re(r"^(dreamt|dreamed|dreaming|nightmares?|dreams?)$")],
    ),
]

# -- ConText: dreams, limbs that were slept on, leaks long sorted --------------------------------
MORE_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    ("slept on my", "NEGATED_EXISTENCE", "BACKWARD",
     [_in("slept", "sat", "lay", "lying", "sleeping"), _in("on"), _in("my", "me"), _OPT], None),
    ("the cat slept", "NEGATED_EXISTENCE", "BACKWARD",
     [_in("because", "cos", "from", "after"), _in("the", "my", "a"),
      _re(r"^(cat|dog|baby|kid|toddler|puppy|kitten)$"), _OPT,
      _in("slept", "sat", "lay", "lying", "sitting", "sleeping", "asleep")], None),
    # "when I sit on the loo ..." is the person's own experience, not a general question.
    ("when i", "PSEUDO", "FORWARD", [_in("when", "whenever"), _in("i")], None),
    # "is X ok if my feet are numb?": the "if" states a fact; "my" still marks it as one's own.
    ("ok if", "PSEUDO", "FORWARD",
     [_in("ok", "okay", "fine", "safe", "alright"), *[_NOT_IF] * 6, _in("if")], None),
    ("after the marathon", "NEGATED_EXISTENCE", "BACKWARD",
     [_in("after", "from"), _in("the", "a", "my", "that", "this"), _OPT,
      _re(r"^(marathon|race|match|game|hike|climb|shift|ride|triathlon|tournament|run|workout)$")],
     None),
    ("when it's cold", "NEGATED_EXISTENCE", "BACKWARD",
     [_in("when", "if", "whenever", "because", "cos"), _OPT, _OPT, _OPT,
      _in("cold", "chilly", "freezing")], None),
    ("get someone to look", "PSEUDO", "FORWARD",
     [_in("get", "see", "ask", "need"), _in("someone", "somebody", "a"), _OPT, _in("to")], None),
    ("this episode", "PSEUDO", "FORWARD",
     [_in("this", "the", "current", "latest"), _OPT, _in("episode", "flare", "flare-up")], None),
    # "is (this) normal after stretching?" asks about the cause; it does not explain the sign.
    ("is normal after", "PSEUDO", "FORWARD",
     [_in("is", "it's", "its"), {"LOWER": {"IN": ["this", "that", "it"]}, "OP": "?"},
      _in("normal", "ok", "okay", "common"), _in("after", "from")], None),
    # "like last year's", "same as last time": the comparison is past, the sign is now.
    ("like last year", "PSEUDO", "FORWARD",
     [_in("like", "as"), _in("last", "the"), _re(r"^(year|year's|years|time|summer|winter)$")],
     None),
    # A bug the kids brought home: they are the source, the fever is the person's own.
    ("kids brought home", "PSEUDO", "BIDIRECTIONAL",
     [_in("whatever", "what", "something", "bug", "thing"), _OPT, _OPT,
      _re(r"^(kids|kid|children|child|son|daughter|husband|wife|partner|baby|toddler)$"),
      _in("brought", "bring", "gave", "had", "passed", "caught", "got")], None),
    ("woken up now", "NEGATED_EXISTENCE", "BACKWARD",
     [_in("woken", "woke"), _in("up"), _OPT, _in("now")], None),
    ("long sorted", "HISTORICAL", "BACKWARD",
     [_in("long", "all", "since", "now"), _in("sorted", "fixed", "gone", "resolved")], None),
    ("fixed it", "HISTORICAL", "BACKWARD", [_in("fixed", "cured", "resolved"),
                                            _in("it", "them", "that")], None),
]  # fmt: skip
