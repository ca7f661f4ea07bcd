"""Concept phrasings from the forty-third dev set (diet, weight and medicines) that the rules
read wrongly.

Signs: weight that has "kept coming off even though I'm eating whatever I like", "dropped 5kg
without changing anything", Pidgin's "I no dey feel my buttocks". Look-alikes: "I dey sweat
like person wey get fever", night sweats from a hangover or too many pints, a steroid course "for
two weeks".
"""

from __future__ import annotations

from bot.coach.patterns import OPT, Pattern, Rule, adder, mended
from bot.coach.patterns import one_of as _in

DEV43_RULES: list[Rule] = []

_add = adder(DEV43_RULES)

DICTATION = [
    # Nigerian Pidgin: "I no dey feel my buttocks well" (I can't feel ...)
    mended(r"(?:i|I) no dey feel", "I can't feel"),
    mended(r"yansh", "bum"),  # Pidgin: the buttocks
]

# -- signs ----------------------------------------------------------------------------------------
# "the weight's kept coming off", "weight keeps dropping", "the pounds are falling off me"
_add("WEIGHT",
     [_in("weight", "pounds", "kilos", "weight's"),
      {"LOWER": {"IN": ["'s", "is", "has", "keeps", "kept", "just", "still", "been"]}, "OP": "*"},
      _in("coming", "falling", "dropping", "dropped", "melting", "sliding", "come", "fallen"),
      _in("off", "away")])  # fmt: skip
# "The weight is going down by itself", "the kilos keep dropping"
_add("WEIGHT",
     [_in("weight", "kilos", "pounds", "weight's"),
      {"LOWER": {"IN": ["'s", "is", "has", "keeps", "kept", "just", "still", "been"]}, "OP": "*"},
      _in("going", "coming", "dropping", "falling", "gone", "come"), _in("down")])  # fmt: skip
_add("UNEXPLAINED",
     [_in("by"), _in("itself")],
     [_in("i"), _in("do", "don't", "dont"), {"LOWER": {"IN": ["n't", "not"]}, "OP": "?"},
      _in("understand", "get")])  # fmt: skip
# "even though I'm eating whatever I like", "without changing anything", "eating normally"
_add("UNEXPLAINED",
     [_in("without", "haven't", "havent", "not"), _in("changing", "changed"),
      _in("anything", "a", "my")],
     [_in("eating", "eat", "ate"),
      _in("whatever", "normally", "loads", "everything", "the", "as", "same", "more", "plenty")],
     [_in("even"), _in("though", "tho", "with"), _in("i", "i'm", "im"), OPT,
      _in("eating", "eat")])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
# "I dey sweat like person wey get fever", "sweating like someone with a fever": a likeness
_add("IDIOM",
     [_in("like", "as"), {"LOWER": {"IN": ["a", "some"]}, "OP": "?"},
      _in("person", "someone", "somebody", "man", "woman", "pig", "one"),
      _in("wey", "who", "with", "that", "having"), OPT,
      _in("fever", "temperature", "malaria")])  # fmt: skip

DEV43_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    # "Hangover night sweats on Saturday", "sweating buckets after the work do": the drink
    ([("hangover sweats", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_in("hangover", "hungover", "hangovers", "drunk", "booze", "pints", "tequila", "wine",
            "vodka", "prosecco", "boozing")])],
     {"FEVER"}),
]  # fmt: skip
