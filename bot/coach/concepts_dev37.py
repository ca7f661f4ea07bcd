"""Concept phrasings from the thirty-seventh dev set (mental health, stress and sleep beside the
back) that the rules read wrongly.

Signs: "my wife and I tried last night, nothing, no feeling at all", "peeing is really hard to
start ... like the signal's gone", "woke up in a wet bed", "went down in the hallway at 3am",
"fainted in the shower", "came off an e-scooter". Look-alikes: weight lost to grief ("since Dad
died", "I know why"), sex changed by an antidepressant, "I'm terrified my back ache is cancer",
"feel like I've been hit by a bus. Emotionally.".
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV37_RULES: list[Rule] = []

_add = adder(DEV37_RULES)

_PARTNER = (r"^(wife|husband|partner|girlfriend|boyfriend|hubby|missus|fiance|fiancee|"
            r"fiancé|fiancée|bf|gf)$")  # fmt: skip

# -- signs ----------------------------------------------------------------------------------------
# "my wife and I tried last night, nothing"; "when I am with my wife"; "in the night with my
# husband I could not feel anything"
_add("SEX_CTX",
     [_re(_PARTNER), _in("and"), _in("i", "me"), _in("tried", "try", "trying", "attempted")],
     [_in("when", "while"), _in("i"), _in("am", "'m", "was", "m"), _in("with"), _in("my"),
      _re(_PARTNER)],
     [_in("in", "at"), {"LOWER": "the", "OP": "?"}, _in("night", "bed"), _in("with"), _in("my"),
      _re(_PARTNER)])  # fmt: skip
# "the feeling that i need to pee is gone"
_add("BLADDER",
     [_in("feeling", "urge", "signal", "sensation"), _in("that", "when", "to"),
      {"LOWER": "i", "OP": "?"}, _in("need", "have", "want"), _in("to"),
      _in("pee", "wee", "go", "urinate", "poo"), _in("is", "has", "'s"), _in("gone")])  # fmt: skip
# "when I'm with my boyfriend it stays soft", "it goes soft immediately"
_add("DYSFUNCTION",
     [_in("stays", "goes", "went", "stay", "staying", "going", "gone"),
      _in("soft", "limp", "floppy")])  # fmt: skip

# "went down in the hallway at 3am" (not "went down to the kitchen")
_add("FALL",
     [_in("went", "go", "going", "gone"), _in("down"), _in("in", "on"), _in("the", "my"),
      _re(r"^(hallway|hall|kitchen|bathroom|street|shower|garden|floor|landing|corridor|"
          r"stairs|road|pavement|driveway|car|supermarket|shop|toilet|loo)$")],
     [_re(r"^(fainted|fainting|faint|blacked)$"), {"LOWER": "out", "OP": "?"},
      _in("in", "on", "at", "while", "when", "and", "this", "last", "yesterday", "today")],
     [_in("came", "come", "fell", "flew", "thrown", "flung"), _in("off"),
      _in("a", "an", "my", "the", "his", "her"), {"LOWER": {"IN": ["e", "-", "electric"]},
                                                  "OP": "*"},
      _re(r"^(scooter|e-scooter|escooter|bike|ebike|e-bike|board|skateboard|moped|horse|"
          r"bicycle|unicycle|hoverboard)$")])  # fmt: skip

# "Fainted at the top of the stairs and woke up at the bottom"
_add("SEVERE_TRAUMA",
     [_in("woke", "came", "ended", "found"), _in("up", "to", "myself"), _in("at"), _in("the"),
      _in("bottom"), {"LOWER": {"IN": ["of", "the"]}, "OP": "*"},
      {"LOWER": {"IN": ["stairs", "steps", "staircase", "flight", "."]}, "OP": "?"}])  # fmt: skip

DEV37_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "nothing, no feeling at all": "nothing" says the same again, it denies nothing
    ("nothing, no feeling", "PSEUDO", "FORWARD",
     [_in("nothing"), {"IS_PUNCT": True, "OP": "?"}, _in("no", "zero"),
      _in("feeling", "sensation")], None),
    # "a 5-day course of prednisolone": a course of a medicine, not "of course"
    ("a course of", "PSEUDO", "FORWARD", [_in("course", "courses"), _in("of")], None),
    # "peeing is really hard to start since yesterday, like the signal's gone": the sign
    ("the signal's gone", "PSEUDO", "BIDIRECTIONAL",
     [_in("signal", "signals", "urge", "feeling", "sensation", "message"),
      _in("'s", "is", "has", "have", "are"), {"LOWER": "just", "OP": "?"}, _in("gone")], None),
]  # fmt: skip

DEV37_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    # weight lost to grief or low mood: "I haven't been eating since Dad died", "I know why"
    ([("since dad died", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_re(r"^(grief|grieving|bereavement|bereaved|died|passed|funeral|depression|depressed|"
            r"counsellor|counselor)$")]),
      ("i know why", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_in("i"), _in("know"), _in("why")])],
     {"WEIGHT"}),
    # a sexual change an antidepressant explains ("Delayed orgasm since I started fluoxetine")
    ([("since i started sertraline", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_re(r"^(sertraline|fluoxetine|paroxetine|citalopram|escitalopram|venlafaxine|"
            r"duloxetine|mirtazapine|antidepressants?|ssris?|snris?|prozac|zoloft|lexapro|"
            r"effexor|cymbalta|finasteride|propranolol|beta-blockers?)$")])],
     {"SEXUAL", "SEX_CTX", "DYSFUNCTION"}),
    # "I was convinced I had a fever every night. All normal.": a belief the tests undid
    ([("convinced i had", "HYPOTHETICAL", "FORWARD",
       [_in("convinced", "sure", "thought", "believed", "certain"), {"LOWER": "that", "OP": "?"},
        _in("i"), _in("had", "'d", "was", "must")])],
     {"FEVER"}),
    # "I'm terrified my back ache is cancer": a fear, not a history
    ([("terrified it's cancer", "HYPOTHETICAL", "FORWARD",
       [_in("terrified", "scared", "worried", "afraid", "frightened", "paranoid", "convinced",
            "petrified", "fear", "fearing", "panicking")])],
     {"CANCER"}),
]  # fmt: skip

DEV37_WHOLE: list[tuple[str, str, str, Pattern]] = [
    # "Saw the GP about tingling in my leg last month ... and it's gone now"
    ("it's gone now", "HISTORICAL", "BACKWARD",
     [_in("it", "its", "that", "which"), {"LOWER": {"IN": ["'s", "is", "has"]}, "OP": "?"},
      {"LOWER": {"IN": ["all", "completely", "totally"]}, "OP": "?"}, _in("gone"), _in("now"),
      {"IS_PUNCT": True}]),
]  # fmt: skip

# "Lost my appetite and a fair bit of weight lately" (the rebuilt bank stopped catching it)
_add("WEIGHT",
     [_in("a"), _in("fair", "good", "big", "huge", "decent", "real", "noticeable"),
      _in("bit", "amount", "chunk", "lot"), _in("of"), _in("weight")])  # fmt: skip
