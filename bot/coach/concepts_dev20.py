"""Concept phrasings from the twentieth dev set (a wide cast of Englishes, some code-mixing, a
third written to be hard) that the rules read wrongly.

Signs: Swahili, Nigerian Pidgin, Scots, Spanish and Hindi words for a fever, a bowel that will
not hold, a numb backside, a leg going weak ("nina homa kali", "I no fit hold my shit", "ma
bahookie's gone numb", "sus nalgas", "ek taang kamzor ho rahi hai"); a tractor that tipped and
pinned its driver; a car crash "on the M25" that was one's own; "not even joking" and "no kiddin"
said before a sign; "what my physio once called the saddle area"; a boss who drove one home and
friends who keep asking (other people, but not the ones with the sign); "exactly as bad" after
a month. Look-alikes: night falls, the rupee has fallen, the Tropic of Cancer, sneezing nonstop.
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import mended as _word
from bot.coach.patterns import one_of as _in

DEV20_RULES: list[Rule] = []

_add = adder(DEV20_RULES)

_BODY = r"back|bum|bahookie|legs?|feet|foot|arse|erse|knees?|heid|belly|chest|hips?|bladder"

DICTATION = [
    # Swahili: "nina homa kali" (I have a high fever)
    _word(r"nina homa", "I have a fever"),
    _word(r"homa", "fever"),
    # Nigerian Pidgin: "I no fit hold my shit" (I can't hold ...), "my manhood no dey respond"
    _word(r"no fit", "can't"),
    _word(r"(?:dey )?comot", "comes out"),
    _word(
        r"(?:my )?manhood (?:no dey|don't|doesn't|does not|isn't|is not|won't|will not) "
        r"(?:respond|work|wake|stand|rise)\w*",
        "I can't get it up",
    ),
    # Scots: "ma back", "ma bahookie" (my backside)
    _word(rf"ma(?= (?:{_BODY})\b)", "my"),
    _word(r"bahookie|bahookey", "bum"),
    # Spanish: "sus nalgas", "entre las piernas"
    _word(r"nalgas|nalga|pompis", "buttocks"),
    _word(r"entre (?:las|sus|mis) piernas", "between the legs"),
    # Hindi: "ek taang kamzor ho rahi hai" (one leg is getting weak); "ho" is not "h/o" (history)
    _word(r"taang|taangen|taangein", "leg"),
    _word(r"kamzor|kamjor", "weak"),
    _word(r"ho ra(?:hi|ha|he) (?:hai|hain|hu|hoon|tha|thi)", "is getting"),
]

# -- signs ----------------------------------------------------------------------------------------
# "tractor tipped on the hill and pinned me": a vehicle and an impact in one sentence
_add("VEHICLE", "tractor", "quad bike", "quad", "atv", "forklift", "ride-on mower", "digger",
     "dirt bike", "jet ski")  # fmt: skip
_add("IMPACT",
     [_in("tipped", "overturned", "flipped", "rolled"), _in("over", "on", "onto", "off", "down")],
     [_in("overturned")],
     [_in("pinned", "trapped", "crushed"),
      _in("me", "under", "underneath", "beneath")])  # fmt: skip
# "Was in a car crash on the M25 this morning": one's own crash, not traffic news
_add("SEVERE_TRAUMA",
     [_in("in"), _in("a", "an"), _in("car", "motorway", "road", "motorbike", "van", "bus"),
      _in("crash", "accident", "collision", "smash", "pile-up", "pileup"), _in("on"),
      _in("the"), {"OP": "?"},
      _re(r"^(m\d+|a\d+|i-?\d+|motorway|highway|freeway|expressway|interstate|road|"
          r"bypass)$")])  # fmt: skip
# "I no fit hold my shit" (can't hold): the bowel, not a weak grip
_HELD = _re(r"^(shit|shite|poo|poop|pee|wee|piss|bowels?|bladder|urine|water|wees|poos)$")
_add("BLADDER",
     [_in("ca", "can", "could"), _in("n't", "not"), _in("hold", "control"),
      _in("my", "me", "the"), _HELD],
     [_in("cannot", "cant", "couldnt"), _in("hold", "control"), _in("my", "me", "the"),
      _HELD])  # fmt: skip
# "she is not eating less": weight lost without eating less
_add("UNEXPLAINED",
     [_in("not", "n't", "never"), _in("eating", "dieting"),
      {"LOWER": {"IN": ["any", "much"]}, "OP": "?"}, _in("less", "differently")],
     [_in("eating"), _in("the", "as", "like", "normally"),
      {"LOWER": {"IN": ["same", "much", "normal", "usual", "always"]}, "OP": "?"},
      {"LOWER": {"IN": ["as", "ever"]}, "OP": "?"}, {"LOWER": "ever", "OP": "?"},
      _in("ever", "usual", "normal", "always", "before", "normally", "same")])  # fmt: skip
# "over a month now and my back is exactly as bad"
_add("NOCHANGE",
     [_in("exactly", "just", "still"), _in("as"), _in("bad", "sore", "painful", "stiff")],
     [_in("as"), _in("bad", "sore", "painful"), _in("as"), _in("ever")])  # fmt: skip
# "Pain 6 in the daytime, 9 at night": worse at night, by its own numbers
_add("NIGHT",
     [_re(r"^\d+$"), _in("in", "during"), _in("the"), _in("day", "daytime"),
      {"LOWER": {"IN": [",", "but", "and"]}, "OP": "?"}, _re(r"^\d+$"), _in("at", "by"),
      _in("night")])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
_add("IDIOM",
     # "night falls so early now"
     [_in("night", "darkness", "dusk", "evening", "silence", "snow", "rain"),
      _in("falls", "fell", "fall", "falling")],
     [_in("night", "darkness", "dusk"), _in("has", "had"), _in("fallen")],
     # "the rupee has fallen again"
     [_re(r"^(rupee|pound|dollar|euro|naira|rand|shilling|peso|yen|cedi|currency|price|prices|"
          r"stock|stocks|shares|market|markets|temperature|temperatures|rate|rates|sales|"
          r"numbers|attendance|ratings|petrol|fuel|inflation)$"),
      {"LOWER": {"IN": ["has", "have", "had", "'s", "just"]}, "OP": "?"},
      {"LOWER": {"IN": ["really", "just", "finally"]}, "OP": "?"},
      _in("fallen", "fell", "falls", "falling", "dropped", "crashed", "tanked")],
     # "Tropic of Cancer runs near our town"
     [_in("tropic"), _in("of"), _in("cancer", "capricorn")],
     # "sneezing nonstop": not a pain that never lets up
     [_re(r"^(sneez\w*|cough\w*|rain\w*|talk\w*|chatter\w*|cry\w*|crying|snor\w*|bark\w*|"
          r"texting|messag\w*|ping\w*|eating|snacking|working|busy)$"),
      _in("nonstop", "non-stop", "constantly", "24/7")])  # fmt: skip

DEV20_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "Mate not even joking I pissed myself", "no kiddin": said in earnest, not denied
    ("not even joking", "PSEUDO", "FORWARD",
     [_in("not", "no"), {"LOWER": "even", "OP": "?"},
      _in("joking", "kidding", "kiddin", "kiddin'", "lying", "joke", "lie", "exaggerating")],
     None),
    ("not gonna lie", "PSEUDO", "FORWARD",
     [_in("not", "no"), _in("gonna", "going"), {"LOWER": "to", "OP": "?"}, _in("lie")], None),
    # "what my physio once called the saddle area": a name, not a question
    ("what my physio called", "PSEUDO", "FORWARD",
     [_in("what"), _in("my", "the", "they", "you", "he", "she", "doctors", "people"),
      {"OP": "?"}, {"LOWER": {"IN": ["once", "always", "sometimes"]}, "OP": "?"},
      _in("called", "calls", "call", "named", "describe", "described", "describes")], None),
    # "boss drove me home", "my mate pointed it out": someone else acting, the sign one's own
    ("boss drove me", "PSEUDO", "FORWARD",
     [{"LOWER": {"IN": ["my", "our", "the", "a", "me"]}, "OP": "?"},
      {"LOWER": {"IN": ["best", "old", "work"]}, "OP": "?"},
      _re(r"^(boss|mate|mates|friend|friends|wife|husband|partner|missus|neighbour|neighbor|"
          r"colleague|colleagues|someone|somebody|son|daughter|dad|mum|mom|brother|sister)$"),
      _in("drove", "took", "brought", "helped", "carried", "picked", "pointed", "rushed",
          "walked")], None),
    # "friends keep asking if I'm ok": others noticing, not others with the sign
    ("friends keep asking", "PSEUDO", "FORWARD",
     [{"LOWER": {"IN": ["my", "our", "the", "all"]}, "OP": "?"},
      _re(r"^(friends|people|everyone|everybody|family|colleagues|folks|relatives|mates)$"),
      _in("keep", "keeps", "kept", "are", "have", "started"),
      _in("asking", "saying", "telling", "commenting", "noticing", "noticed", "asked")], None),
]  # fmt: skip
