"""Concept phrasings from the forty-ninth dev set (people already in the health system) and the
fiftieth (metaphor and simile) that the rules read wrongly.

The forty-ninth set's mechanisms live in `understand.py`: a sign that was checked, explained and
has ended (`_explained_over`: "turned out to be low B12. Injections sorted it"), and a list of
signs answered no in the next sentence (`_ANSWERED_NO`: "The nurse line asked about fever,
numbness, bladder and falls. All no."). Here: a clinician's list of warning signs, a motorway
named by its number and a speed, hot, sweaty and unwell, the belt that has gone in two notches.
The fiftieth set's pictures: legs "wading through wet cement", "like rags", "won't answer me";
privates that "belong to a shop mannequin"; "a line of fire" down a leg; knocked flying by a
van; slid off a chair; folded like a deckchair onto the floor; scales dropping; rings that need
tape; "I'd hoped it'd be easing by now"; a simile is no supposition ("it's as if the wiring
down there got cut"). Look-alikes: a rubber band, a chest physio, "dragging her feet about it",
a bum that "woke up the second I stood", toes that "warm up".
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV49_RULES: list[Rule] = []

_add = adder(DEV49_RULES)

_LEGS = ("legs", "pins", "feet", "thighs", "calves", "knees", "leg")

# -- signs ----------------------------------------------------------------------------------------
# "Got rear-ended on the M1 at about 60": a speed of forty or more
# (not "at 44", an age)
_SPEED_NUM = _re(r"^(?:[4-9]\d|1[0-4]\d)$")
_add("SPEED",
     [_in("at"), _in("about", "around", "roughly", "nearly", "almost", "least", "over",
                     "easily"), _SPEED_NUM],
     [_in("doing", "going"),
      {"LOWER": {"IN": ["about", "around", "roughly", "nearly", "almost", "over"]}, "OP": "?"},
      _SPEED_NUM])  # fmt: skip
# "a reversing van knocked her flying"
_add("SPEED",
     [_in("knocked", "knocks", "knock", "sent", "threw", "thrown", "flung"),
      _in("her", "him", "me", "them", "us", "mum", "dad"), _in("flying")])  # fmt: skip
# "I feel hot, sweaty and really unwell", "feel rubbish all over"
_add("UNWELL",
     [_in("feel", "feeling", "felt", "feels"),
      {"LOWER": {"IN": ["hot", "sweaty", "shivery", "clammy", "cold", "achy", ",", "and",
                        "really", "very", "so", "totally", "properly", "quite"]}, "OP": "+"},
      _in("unwell", "ill", "poorly", "rough", "rotten")],
     [_in("feel", "feeling", "felt", "feels"),
      {"LOWER": {"IN": ["really", "very", "so", "totally", "properly", "just"]}, "OP": "?"},
      _in("rubbish", "awful", "terrible", "grim", "dreadful", "horrible", "lousy", "crap",
          "shocking"),
      _in("all"), _in("over")])  # fmt: skip
# "lost weight I can't explain, belt's gone in two notches"
_add("WEIGHT",
     [_in("belt", "belts"), _in("'s", "has", "is", "’s"), _in("gone", "come", "moved"),
      _in("in"), {"OP": "?"}, _in("notches", "notch", "holes", "hole")],
     # "The scales keep dropping like a lift with no brakes"
     [_in("scales", "scale"), {"LOWER": {"IN": ["keep", "keeps", "are", "is"]}, "OP": "?"},
      _in("dropping", "falling", "plummeting", "sinking", "dropped", "fell")],
     # "My rings need tape round them to stay on", "rings keep slipping off"
     [_in("rings", "ring", "wedding"), {"LOWER": {"IN": ["ring", "rings"]}, "OP": "?"},
      _in("need", "needs", "keep", "keeps", "are", "is"),
      _in("tape", "slipping", "sliding", "falling", "spinning")])  # fmt: skip
# Mum's "waterworks have gone on strike ... and nothing comes"
_add("ELIMINATION", [_in("waterworks")])
_add("DYSFUNCTION", [_in("gone", "went", "going"), _in("on"), _in("strike")])
# "wading through wet cement with both legs", "both legs are like rags"
_add("WEAK",
     [_in("wading", "walking", "moving", "trudging", "dragging"), _in("through", "in"),
      {"LOWER": {"IN": ["wet", "thick", "setting", "deep"]}, "OP": "?"},
      _in("cement", "concrete", "treacle", "mud", "quicksand", "glue", "tar", "syrup")],
     # (not "my legs feel like rags after the long holds": loose)
     [_in("both"), {"LOWER": {"IN": ["my", "of", "the"]}, "OP": "*"}, _in(*_LEGS),
      _in("are", "is", "feel", "feels", "'re", "like"), {"LOWER": "like", "OP": "?"},
      _in("rags", "noodles", "spaghetti", "string", "cotton", "wool", "paper")],
     # "they just won't answer me properly" (of the legs)
     [_in("wo", "will", "do", "does", "did", "would", "ca", "can"),
      _in("n't", "not", "nt"),
      {"LOWER": {"IN": ["just", "really"]}, "OP": "?"},
      _in("answer", "obey", "respond", "listen"), _in("me")])  # fmt: skip
# "My privates feel like they belong to a shop mannequin", "like someone else's"
_add("SENSORY",
     [_in("belong", "belongs", "belonged"), _in("to"),
      {"LOWER": {"IN": ["a", "an", "some", "someone", "somebody", "shop"]}, "OP": "*"},
      _in("mannequin", "dummy", "doll", "statue", "else", "robot", "corpse", "stranger")],
     [_in("like", "as"), {"LOWER": {"IN": ["a", "an", "shop"]}, "OP": "*"},
      _in("mannequin", "mannequin's", "dummy's", "doll's")])  # fmt: skip
# "A line of fire down one leg"
_add("SENSORY",
     [_in("line", "streak", "stripe", "bolt", "river", "rope", "ribbon", "trail"), _in("of"),
      _in("fire", "lava", "electricity", "heat", "flame", "flames"),
      # (not "a streak of fire across the sky")
      _in("down", "up", "along", "through", "into", "in", "from")])  # fmt: skip
# "Slid off a kitchen chair", "i folded like a deckchair onto the floor"
_add("FALL",
     [_in("slid", "slipped", "slithered", "toppled", "rolled"), _in("off", "out"),
      {"LOWER": "of", "OP": "?"}, _in("a", "the", "my", "her", "his"), {"OP": "?"},
      _in("chair", "stool", "bed", "sofa", "settee", "couch", "bench", "step", "toilet")],
     # (not "folded the towels and dumped them onto the floor")
     [_in("folded", "crumpled", "buckled", "collapsed"),
      {"LOWER": {"IN": ["like", "up", "a", "an", "in", "half", "straight", "right"]}, "OP": "*"},
      {"OP": "?"}, _in("onto", "to"), _in("the", "my"),
      _in("floor", "ground", "deck", "pavement")])  # fmt: skip
# "I'd hoped it'd be easing by now"
_add("NOT_IMPROVING",
     [_in("hoped", "expected", "thought"), {"OP": "?"}, {"OP": "?"},
      _in("be", "have"), _in("easing", "eased", "better", "improving", "settled", "gone"),
      _in("by"), _in("now")])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
# "felt like a rubber band being pulled just right" (longer than the feeling it holds)
_add("IDIOM",
     [{"LOWER": {"IN": ["like", "a", "an"]}, "OP": "*"}, _in("rubber", "elastic", "resistance"),
      _in("band", "bands"), {"LOWER": {"IN": ["being", "getting"]}, "OP": "?"},
      {"LOWER": {"IN": ["pulled", "stretched", "snapped", "twanged", "tugged"]},
       "OP": "?"}])  # fmt: skip
# "My chest physio for CF takes all morning": a treatment
_add(
    "IDIOM", [_in("chest"), _in("physio", "physiotherapy", "clearance", "percussion", "drainage")]
)
# "she's dragging her feet about it": reluctant
_add("IDIOM",
     [_in("dragging", "drag", "drags", "dragged"), _in("her", "his", "my", "their", "our", "its"),
      _in("feet", "heels"), _in("about", "over", "on", "with", "a", "again")])  # fmt: skip

DEV49_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "it's as if the wiring down there got cut": a picture of it, no supposition
    ("it's as if", "PSEUDO", "FORWARD",
     [_in("'s", "’s", "is", "feels", "felt", "feel", "was", "seems", "looks", "like"),
      _in("as"), _in("if", "though")], None),
    # "since i woke up both legs are buzzing": since when, not because
    ("since i woke up", "PSEUDO", "FORWARD",
     [_in("since"), _in("i", "we"), _in("woke", "got", "came", "went", "started", "sat")],
     None),
    # "buzzing like static on an old telly"
    ("an old telly", "PSEUDO", "FORWARD",
     [_in("old", "the", "a", "an"), _in("telly", "tv", "radio", "television")], None),
    # "a dimmer switch that someone keeps turning down": nobody else is in it
    ("that someone keeps", "PSEUDO", "FORWARD",
     [_in("that", "like", "if", "though"), _in("someone", "somebody")], None),
    # "belt's gone in two notches": gone in, not gone away
    ("belt's gone", "PSEUDO", "FORWARD",
     [_in("belt", "belts", "watch", "strap"), _in("'s", "’s", "has", "have"), _in("gone")],
     None),
    # "The man in the next bed on the ward has a fever"
    ("the man in the next bed", "FAMILY", "FORWARD",
     [_in("man", "woman", "lady", "guy", "bloke", "patient", "chap", "fella", "gentleman"),
      _in("in", "opposite", "across"), _in("the"), _in("next", "other"),
      _in("bed", "bay", "cubicle", "room", "chair")], None),
]  # fmt: skip

DEV49_WHOLE: list[tuple[str, str, str, Pattern]] = [
    # "Physio told me the warning signs: numbness between the legs, ...": a list given, not had
    # (not "Warning signs - I've got them: ...")
    ("told me the warning signs:", "HYPOTHETICAL", "FORWARD",
     [_in("told", "gave", "listed", "showed", "sent", "handed", "explained", "read"),
      {"LOWER": {"IN": ["me", "us", "out"]}, "OP": "?"}, _in("the", "some", "all", "his", "her"),
      _in("warning", "red"), _in("signs", "flags", "symptoms"),
      {"LOWER": {"IN": ["to", "look", "watch", "out", "for"]}, "OP": "*"},
      _in(":", "-", "—", "–")]),
    # "My bum went to sleep in the cinema but woke up the second I stood"
    ("woke up the second I stood", "HISTORICAL", "BACKWARD",
     [_in("woke", "wakes", "waked"), _in("up"), _in("the", "as"),
      _in("second", "moment", "minute", "instant", "soon")]),
    # "My toes tingle like they've been in snow ..., then they warm up fine"
    # (not "then it warms up and I sweat buckets": a fever's swing)
    ("then they warm up", "HISTORICAL", "BACKWARD",
     [_in("then", "and", "but"), _in("they"), _in("warm", "thaw"), _in("up", "out")]),
]  # fmt: skip
