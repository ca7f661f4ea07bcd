"""Concept phrasings from the twenty-ninth dev set (worriers who list the signs they do not have,
stoics who play real ones down) that the rules read wrongly.

Signs: numbness "in both lower limbs", privates that feel like they "had the dentist injection",
"toilet paper feels like nothing down there", having to "push to get the wee to start", "jeans
hang off me" while "i eat same as always", "night time is the worst", a motorbike "off" that
"slid about 20m", "trying for a baby" and feeling nothing during, "this isn't like my usual
tingles" (worse than the usual, not denied). Look-alikes: legs like jelly after "leg day"
(DOMS), a back "like it's been hit by a truck, in a good achy way", "checking my legs for
numbness", "one steroid injection" and whether it "counts as" long-term steroids, a burning
feeling that "goes the second I let go", a supervisor who "made me fill in a form" (the writer
fell), "when I saw her on Monday" (the doctor, not the one with the fever).
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV29_RULES: list[Rule] = []

_add = adder(DEV29_RULES)

# -- signs ----------------------------------------------------------------------------------------
_add("LEGS", [_in("both", "my", "the"), {"LOWER": "lower", "OP": "?"}, _in("limbs")],
     "lower limbs")  # fmt: skip
# "feels like my privates and bum have had the dentist injection"; "Toilet paper feels like
# nothing down there" (a word must follow: "feels like nothing's wrong" says no numbness)
_add("SENSORY",
     [_in("had", "have", "'ve", "got", "like"), {"LOWER": {"IN": ["the", "a", "an"]}, "OP": "?"},
      _in("dentist", "dentist's", "dentists", "dental"),
      _in("injection", "jab", "anaesthetic", "anesthetic", "numbing", "needle")],
     [_in("feels", "felt", "feel", "feeling"), _in("like"), _in("nothing"),
      _in("down", "there", "lah", ".", ",", "at", "when", "!")])  # fmt: skip
# "have to really push to get the wee to start"
_add("BLADDER",
     [_in("push", "strain", "force", "pushing", "straining"), _in("to"), _in("get"),
      {"LOWER": {"IN": ["the", "my", "a"]}, "OP": "?"},
      _in("wee", "pee", "urine", "stream", "flow", "water"),
      {"LOWER": {"IN": ["to", "going", "started", "out", "flowing"]}, "OP": "?"},
      {"LOWER": {"IN": ["start", "started", "going", "flow", "come"]}, "OP": "?"}])  # fmt: skip
# "my jeans hang off me now and i eat same as always"
_add("WEIGHT",
     [_in("jeans", "clothes", "trousers", "pants", "belt", "shirts", "dresses", "skirts"),
      _in("hang", "hangs", "fall", "falls", "falling", "feel", "are"),
      _in("off", "loose", "baggy", "looser")])  # fmt: skip
_add("UNEXPLAINED",
     [_in("eat", "eating", "eats", "ate"), {"LOWER": "the", "OP": "?"}, _in("same"),
      {"LOWER": "as", "OP": "?"},
      {"LOWER": {"IN": ["always", "usual", "ever", "before", "normal"]}, "OP": "?"}])  # fmt: skip
# "Night time is the worst, pain's that bad I end up sleeping in the recliner"
_add("NIGHT",
     [_in("night", "nights", "nighttime", "night-time", "nite"), {"LOWER": "time", "OP": "?"},
      _in("is", "are", "'s", "’s"), {"LOWER": "the", "OP": "?"}, _in("worst")])  # fmt: skip
# "Motorbike off on Saturday, slid about 20m"
_add("SEVERE_TRAUMA",
     [_in("motorbike", "motorcycle", "moped", "scooter", "motorbike's"), _in("off")],
     [_in("slid", "skidded", "slide", "sliding", "skidding", "dragged"),
      {"LOWER": {"IN": ["about", "around", "like", "nearly", "over", "for", "along", "down",
                        "the", "road", "a", "good"]}, "OP": "*"},
      {"LIKE_NUM": True}, _re(r"^(m|metres|meters|yards|yds|ft|feet)$")],
     [_in("slid", "skidded", "slide", "sliding", "skidding", "dragged"),
      {"LOWER": {"IN": ["about", "around", "like", "nearly", "over", "for", "along"]},
       "OP": "*"}, _re(r"^\d+(m|yds|ft)$")])  # fmt: skip
# "We're trying for a baby and since I hurt my back I can't feel anything during"
_add("SEX_CTX",
     [_in("trying", "try", "tried"), _in("for"), _in("a"), _in("baby", "babies", "kid", "child")],
     [_in("trying", "try", "tried"), _in("to"), _in("conceive")], [_in("ttc")])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
_add("IDIOM",
     # "my lower back feels like it's been hit by a truck, in a good achy way"
     [_in("like", "if", "though"),
      {"LOWER": {"IN": ["i've", "i", "ive", "'ve", "it's", "its", "it", "'s", "been", "got",
                        "was", "had", "i'd", "'d", "has", "i'm", "'m", "im", "just"]}, "OP": "*"},
      _in("hit", "run", "ran", "flattened"), {"LOWER": "over", "OP": "?"}, _in("by"),
      _in("a", "the"),
      _re(r"^(truck|bus|train|lorry|steamroller|tractor|freight|tank|juggernaut|car)$")],
     # "My legs are like jelly after yesterday's leg day": sore from training (the benign-cause
     # trigger stops two words after "after"; "weak from leg day" is read by it already)
     [_in("jelly", "jello", "wobbly", "noodles", "rubber", "shaky"),
      _in("after", "from", "since"),
      {"LOWER": {"IN": ["the", "my", "yesterday", "yesterdays", "'s", "’s", "last", "night",
                        "this", "morning", "today", "a", "big", "heavy", "brutal"]}, "OP": "*"},
      _in("leg", "legs"), _in("day", "session", "workout", "days")],
     # "Had one steroid injection in my knee last year": a single jab is no long-term steroid
     [_in("one", "a", "single", "the", "one-off", "1", "that", "this"),
      {"LOWER": {"IN": ["off", "-", "single", "little"]}, "OP": "?"},
      _in("steroid", "cortisone", "hydrocortisone"),
      _in("injection", "jab", "shot", "injections")])  # fmt: skip

# The people who write of their own bodies: the agent of "made me" and the one visited
_AGENTS = (
    "supervisor", "boss", "manager", "wife", "husband", "partner", "mum", "mom", "dad", "doctor",
    "gp", "nurse", "physio", "daughter", "son", "colleague", "friend", "mate", "missus", "hubby",
    "she", "he", "they", "kids", "family",
)  # fmt: skip
DEV29_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "I went over on the wet floor at work, supervisor made me fill in a form"
    ("supervisor made me", "PSEUDO", "BIDIRECTIONAL",
     [_in(*_AGENTS), _in("made", "makes", "told", "asked", "got", "had", "sent", "took", "drove",
                         "rang", "called", "forced", "wants"), _in("me")], None),
    # "Doctor said I had a fever when I saw her on Monday": her is the doctor
    ("when I saw her", "PSEUDO", "BIDIRECTIONAL",
     [_in("saw", "see", "seen", "seeing", "visited"), _in("her", "him", "them"),
      _in("on", "at", "last", "this", "yesterday", "today", "in", "about", ",", ".")], None),
    # "this isn't like my usual tingles, both legs numb right down to my toes": not denied,
    # worse than usual
    ("not like my usual", "PSEUDO", "BIDIRECTIONAL",
     [_in("n't", "not", "isnt", "wasnt", "nothing"), _in("like"), _in("my", "the", "me"),
      _in("usual", "normal", "old", "regular", "typical", "other", "everyday")], None),
    ("not like before", "PSEUDO", "BIDIRECTIONAL",
     [_in("n't", "not", "isnt", "wasnt", "nothing"), _in("like"),
      _in("before", "usual", "normal", "last")], None),
    # "for over a year": how long, not how long ago
    ("for over a year", "PSEUDO", "BIDIRECTIONAL",
     [_in("for"), {"LOWER": {"IN": ["over", "more", "than", "about", "nearly", "almost", "just",
                                    "well", "the", "past", "last", "a", "good"]}, "OP": "*"},
      _in("a", "one"), _in("year", "yr")], None),
]  # fmt: skip

DEV29_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    # "My legs are like jelly after yesterday's leg day ... DOMS is brutal"
    ([("doms", "NEGATED_EXISTENCE", "BIDIRECTIONAL", [_in("doms")]),
      ("after the gym", "NEGATED_EXISTENCE", "BACKWARD",
       [_in("after", "from"), {"LOWER": {"IN": ["the", "my", "yesterday", "yesterdays", "'s",
                                                "’s", "all", "those", "a", "that", "last",
                                                "night", "this", "morning", "today"]},
                               "OP": "*"},
        _re(r"^(gym|workout|squats|lunges|run|marathon|half|hike|spin|training|session|"
            r"deadlifts|crossfit|bootcamp|match|game)$")])],
     {"WEAK"}),
]  # fmt: skip

DEV29_NEAR: list[tuple[str, str, str, Pattern, set[str]]] = [
    # "does that count as long-term steroids?" (only of steroids: "not sure if this counts as
    # saddle numbness, my bum feels weird" is a report)
    ("count as", "HYPOTHETICAL", "FORWARD",
     [_in("count", "counts", "counted", "qualify", "qualifies"), _in("as")], {"BONE_RISK"}),
    # "I keep checking my legs for numbness, they're always fine"
    ("checking for", "HYPOTHETICAL", "FORWARD",
     [_in("check", "checking", "checked", "checks", "testing", "test", "examining", "examine",
          "googling", "googled", "searching", "searched", "scanning", "monitoring", "feeling",
          "prodding", "poking", "touching"),
      {"OP": "?"}, {"OP": "?"}, _in("for")],
     {"SENSORY", "WEAK", "ODD", "LEGS"}),
]  # fmt: skip

DEV29_WHOLE: list[tuple[str, str, str, Pattern]] = [
    # "Burning feeling in the back of my thigh while I hold the stretch, goes the second I let
    # go" (the literal is the twenty-sixth set's, so "but back twice since" still undoes it)
    ("gone the moment", "HISTORICAL", "BACKWARD",
     # ("eases the minute I lie down" is relief by rest, not a feeling that passed)
     [_in("goes", "fades", "disappears", "vanishes"),
      {"LOWER": {"IN": ["away", "off"]}, "OP": "?"}, _in("the", "as"),
      _in("moment", "minute", "second", "instant", "soon")]),
]  # fmt: skip
