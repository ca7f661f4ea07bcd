"""Concept phrasings from the thirty-first dev set (work and home life) that the rules read
wrongly.

Look-alikes: a numbness that passed once the person moved, told after a comma ("it stopped
once I stood up", "went when I walked to the gate", "came back straight away when I moved",
"warmed up in the car and they're fine"); "40 degrees by the ovens" (the kitchen's heat, not a
fever). Signs: relatives on the owner's account, "kids fine" after a crash (not the kids'),
"for a customer", "can't seem to lift either foot", "when we're together".
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV31_RULES: list[Rule] = []

_add = adder(DEV31_RULES)

# "Jumped the last step off the ladder and landed on my feet": a hop, not a fall from height
_add("MINOR",
     [_in("jumped", "hopped", "stepped", "jumping", "hopping"),
      {"LOWER": {"IN": ["off", "down", "the"]}, "OP": "*"}, _in("last", "bottom"),
      {"LOWER": {"IN": ["step", "rung", "stair", "few", "couple", "two", "of"]},
       "OP": "+"}])  # fmt: skip

# Studied rows the rebuilt bank stopped catching, now read by the rules: "had the shakes and
# sweats the last three nights", "had a bump in the car on Friday"
_add("FEVER",
     [{"LOWER": "the", "OP": "?"}, _in("shakes", "shivers", "chills", "sweats"), _in("and"),
      _in("sweats", "sweating", "shakes", "shivers", "chills")])  # fmt: skip
_add("ACCIDENT",
     # ("a minor bump in the taxi" keeps its "minor": the word must follow "a")
     [_in("a"), _in("bump", "prang", "shunt", "knock", "scrape"), _in("in"),
      _in("the", "my", "a"),
      _in("car", "van", "lorry", "truck", "cab", "taxi", "bus")])  # fmt: skip

# "A patient grabbed me as he fell and I went down with him": the writer fell too
_add("FALL", [_in("i"), _in("went", "came", "fell"), _in("down", "over"), _in("with"),
              _in("him", "her", "them")])  # fmt: skip

# "I can't seem to lift either foot properly ... both are flopping"
_add("FOOTDROP",
     [_in("ca", "can", "cant", "can't", "cannot"), {"LOWER": {"IN": ["n't", "not", "nt"]},
                                                     "OP": "?"},
      _in("seem", "seems"), _in("to"), _in("lift", "raise"), _in("either", "both", "my"),
      {"LOWER": "of", "OP": "?"}, {"LOWER": "my", "OP": "?"},
      _in("foot", "feet", "leg", "legs", "toes")])  # fmt: skip
# "he's had no feeling at all when we're together": intimacy, said discreetly
_add("SEX_CTX",
     [_in("when", "while"), _in("we", "we're"), {"LOWER": {"IN": ["'re", "’re", "are"]},
                                                 "OP": "?"},
      _in("together", "intimate", "close")],
     [_in("being", "get", "getting", "got"), _in("intimate")])  # fmt: skip

DEV31_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "head on collision on the school run, kids fine thank god but my back is terrible": the
    # ones said to be fine are not the ones with the sign
    # "A patient grabbed me as he fell": the patient acted on the writer
    ("grabbed me", "PSEUDO", "BIDIRECTIONAL",
     [_in("patient", "resident", "client", "he", "she", "man", "woman", "lady", "bloke"),
      _in("grabbed", "pulled", "dragged", "yanked", "took"), _in("me")], None),
    # "Lifted a washing machine up the stairs for a customer ... both my legs are tingling"
    ("for a customer", "PSEUDO", "BIDIRECTIONAL",
     [_in("for"), _in("a", "the", "my", "our", "one"),
      _in("customer", "customers", "client", "clients", "neighbour", "neighbor", "boss")], None),
    ("kids fine", "PSEUDO", "BIDIRECTIONAL",
     [_in("kids", "children", "baby", "wife", "husband", "partner", "everyone", "others",
          "passengers", "son", "daughter", "dog"),
      {"LOWER": {"IN": ["are", "were", "'re", "’re", "is", "was", "'s", "’s", "all"]}, "OP": "*"},
      _in("fine", "ok", "okay", "unhurt", "safe", "alright", "unharmed")], None),
]  # fmt: skip

DEV31_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    # "Sweating buckets in the kitchen at work, it's 40 degrees by the ovens"
    ([("by the ovens", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_in("by", "near", "at", "over", "next"), {"LOWER": "to", "OP": "?"}, _in("the", "my"),
        _re(r"^(ovens?|grills?|fryers?|furnaces?|kilns?|stoves?|hobs?|pizza|fire|forge)$")])],
     {"FEVER"}),
]  # fmt: skip

# The literals are earlier sets' ("gone the moment", "eased straight away", "thawed out"), so a
# feeling said to come back afterwards still undoes them (understand._recurs).
DEV31_WHOLE: list[tuple[str, str, str, Pattern]] = [
    # "it stopped once I stood up", "went when I walked to the gate" (not "eases when I'm lying
    # down": relief that lasts only while lying is no passing)
    ("gone the moment", "HISTORICAL", "BACKWARD",
     # ("fine once I stood up" and "fine once I get off" are concepts_dev7's and dev21's)
     [_in("stopped", "went", "passed", "eased", "settled", "cleared", "disappeared", "faded"),
      {"LOWER": {"IN": ["away", "off"]}, "OP": "?"}, _in("once", "when", "after"),
      _in("i", "we", "i'd"),
      _re(r"^(stood|walked|got|moved|stretched|shifted|changed|stamped|warmed|sat|wriggled|"
          r"wiggled|jumped)$")]),
    # "it came back straight away when I moved"
    ("eased straight away", "HISTORICAL", "BACKWARD",
     [_in("came", "comes"), _in("back"), _in("straight", "right"), _in("away")]),
    # "warmed up in the car and they're fine" (not "feel like death warmed up")
    ("thawed out", "HISTORICAL", "BACKWARD",
     [_in("warmed", "thawed"), _in("up", "out"), _in("in", "by", "with", "under", "at"),
      _in("the", "my", "a")]),
]  # fmt: skip
