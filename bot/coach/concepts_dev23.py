"""Concept phrasings from the twenty-third dev set (the bot's traffic in weeks 3 to 8 from
regulars, the sign said in passing after routine chatter) that the rules read wrongly.

Signs: "both calves just won't push", both feet that "flop", a foot that "won't come up" (not
sex), "soiled herself" on the owner's account, a 🍆 "not working and numb", "should I mention
I had a melanoma", "not hungry lately and dropped weight", "same as week 1", "exactly the same as
when I started", text-speak ("nt sure", "my legs r both numb"). Look-alikes: "saddle sore" after
a ride with "nothing numb", numb "gone once I'm out of the car", "back to normal after a wiggle",
a "fever broke last tuesday" and "felt totally normal since", "does my bladder need to be
empty", "a porter at the cancer centre", a steroid nose spray or inhaler, "gym lads ... all on
steroids", a bumped head with the back fine, a device crashed.
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder, mended
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV23_RULES: list[Rule] = []

_add = adder(DEV23_RULES)

# Text-speak read as English before the rules run: "nt sure", "my legs r both numb".
DICTATION = [mended("nt", "not"), mended("r", "are")]

_SOILED = r"^(wet|peed|pissed|weed|pooed|pooped|shat|soiled|crapped|messed|pood)$"

# -- signs ----------------------------------------------------------------------------------------
# "both calves just won't push", "can't go up on tiptoes": strength gone, not a stretch
_add("WEAK",
     [_in("wo", "will", "would", "ca", "can", "could"), _in("n't", "not", "nt"),
      _in("push", "lift", "bear")],
     [_in("ca", "can", "could", "cannot"), _in("n't", "not", "nt"), {"LOWER": "go", "OP": "?"},
      {"LOWER": "up", "OP": "?"}, _in("on", "onto"), {"LOWER": {"IN": ["my", "me"]}, "OP": "?"},
      _re(r"^(tiptoes?|tip-toes?|toes|tippy|heels?)$")])  # fmt: skip
# "both feet flop a bit when I walk": a foot that slaps or flops is a dropping foot
_add("DROP", [_re(r"^(flop|flops|flopping|floppy|slap|slaps|slapping)$")],
     # "my heel won't come up off the floor", "foot won't lift up"
     [_in("wo", "will", "would", "does", "do", "ca", "can"), _in("n't", "not", "nt"),
      _in("come", "lift", "pull"), _in("up")])  # fmt: skip
# "soiled herself without realising" (said by the son typing for her)
_add("BLADDER",
     [_re(_SOILED), _in("herself", "himself", "themselves")])  # fmt: skip
# "🍆 not working": the emoji names what does not work
_add("SEX_CTX", "🍆")
_add("SADDLE", "🍑")
# "same as week 1", "exactly the same as when I started": no change over the programme
_add("NOCHANGE",
     [_in("same", "no", "not"), {"LOWER": {"IN": ["better", "different"]}, "OP": "?"},
      _in("as", "than", "since"), {"LOWER": "in", "OP": "?"}, _in("week", "wk", "day"),
      _re(r"^(1|one|2|two|1st)$")],
     [_in("same", "no"), {"LOWER": {"IN": ["better", "different"]}, "OP": "?"},
      _in("as", "than", "since"), _in("when", "before"), _in("i"),
      _in("started", "began", "start", "joined")])  # fmt: skip
_add("DURATION",
     [_in("week", "wk"), _re(r"^([3-9]|three|four|five|six|seven|eight)$"),
      _in("and", "now", ",", "in")],
     [_in("for"), _re(r"^([3-9]|three|four|five|six|seven|eight)$"), _in("weeks")])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
_add("IDIOM",
     # "saddle sore after the sportive": chafing from a bike seat
     [_in("saddle"), _re(r"^(sore|sores|soreness|rash)$")],
     # "does my bladder need to be empty before the stretches"
     [_in("bladder", "stomach", "bowels", "tummy"), _in("need", "needs", "have", "has", "be"),
      {"LOWER": "to", "OP": "?"}, {"LOWER": "be", "OP": "?"}, _in("empty", "full")],
     [_in("empty", "emptied", "empty"), _in("my", "your", "the"), _in("bladder", "bowels"),
      _in("first", "before", "beforehand")],
     # "a porter at the cancer centre": where one works
     [_re(r"^(work|works|working|worked|job|porter|volunteer\w*|cleaner|shift|shifts)$"),
      {"OP": "?"}, {"OP": "?"}, _in("at", "in", "for"), _in("the", "a", "our"),
      {"OP": "?"}, _in("cancer", "oncology"),
      _in("centre", "center", "ward", "unit", "hospital", "charity", "clinic", "department")],
     # "a steroid nose spray for hayfever", "steroid inhaler", "steroid cream"
     [_re(r"^(steroid|steroids|corticosteroid)$"),
      _re(r"^(nose|nasal|inhaler|inhalers|puffer|puffers|cream|creams|ointment|spray|sprays|"
          r"drops|eye|eyedrops|gel|lotion)$")],
     [_re(r"^(inhaler|inhalers|cream|spray|nasal|nose)$"), _in("steroid", "steroids")],
     # "crashed my laptop": a device, not a vehicle
     [_in("crashed", "crash", "crashing"), _in("my", "the", "our", "his", "her", "a"),
      {"LOWER": {"IN": ["new", "old", "work", "whole"]}, "OP": "?"},
      _re(r"^(laptop|computer|pc|phone|game|server|website|site|app|tablet|ipad|browser|"
          r"system|excel|spreadsheet|drone|console|xbox|playstation|mac|macbook|"
          r"presentation|code|build|database)$")],
     # "bumped my head on the cupboard door": the head, not the back
     [_re(r"^(bumped|banged|bashed|hit|knocked|smacked|cracked)$"), _in("my"),
      _in("head", "elbow", "knee", "shin", "toe", "toes", "funny", "hand", "finger", "nose"),
      _in("on", "against", "into", "getting")])  # fmt: skip

DEV23_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "not hungry lately and dropped weight": the "not" is the hunger's, not the weight loss's
    ("not hungry", "PSEUDO", "FORWARD",
     [_in("not", "never"), {"LOWER": {"IN": ["very", "really", "that"]}, "OP": "?"},
      _in("hungry", "eating")], None),
    # "Mum (she doesn't do phones) soiled herself": a habit, not a denial of what follows
    ("doesn't do phones", "PSEUDO", "FORWARD",
     [_in("does", "do", "did"), _in("n't", "not", "nt"), _in("do"),
      _re(r"^(phones?|tech|technology|computers?|apps?|texting|texts|screens?|smartphones?|"
          r"internet|email|messages|typing)$")], None),
    # "should I mention I had a melanoma removed?": told, not supposed
    ("should I mention", "PSEUDO", "FORWARD",
     [_in("should", "do", "shall", "must"), _in("i"), {"LOWER": "need", "OP": "?"},
      {"LOWER": "to", "OP": "?"}, _in("mention", "say", "tell"),
      {"LOWER": {"IN": ["you", "that"]}, "OP": "?"}, {"LOWER": "that", "OP": "?"}, _in("i")],
     None),
    # "fever broke last tuesday", "temp came down yesterday": over
    ("fever broke", "HISTORICAL", "BACKWARD",
     [_in("broke", "settled", "passed", "cleared"),
      _re(r"^(last|yesterday|on|days|a|two|three|over|by|this)$")], None),
    ("fever went down", "HISTORICAL", "BACKWARD",
     [_in("went", "came", "gone"), _in("down", "away", "off"),
      _re(r"^(last|yesterday|on|days|a|two|three|over|by|this)$")], None),
    ("normal since", "HISTORICAL", "BACKWARD",
     [_in("felt", "feel", "been", "was", "fine", "ok", "okay"),
      {"LOWER": {"IN": ["totally", "completely", "perfectly", "fine", "back"]}, "OP": "?"},
      {"LOWER": {"IN": ["normal", "fine", "ok", "okay", "great", "well", "to"]}, "OP": "?"},
      {"LOWER": "normal", "OP": "?"}, _in("since", "after", "afterwards")], None),
    # "numb on the flight but it's gone once I'm up and walking"
    ("gone once I'm up", "NEGATED_EXISTENCE", "BACKWARD",
     [_in("fine", "ok", "okay", "normal", "goes", "gone", "better", "stops", "passes"),
      {"LOWER": {"IN": ["again", "away"]}, "OP": "?"},
      _in("once", "when", "after", "soon"), {"LOWER": "as", "OP": "?"}, _in("i"),
      _in("'m", "am", "m"), _in("out", "up", "off", "moving", "standing")], None),
    # "gym lads at work are all on steroids lol": theirs, not mine
    ("the lads are on", "FAMILY", "FORWARD",
     [_re(r"^(lads|guys|blokes|boys|girls|everyone|everybody|people|colleagues|mates|friends|"
          r"they|half)$"), {"LOWER": {"IN": ["at", "in"]}, "OP": "?"},
      {"LOWER": {"IN": ["work", "the", "my"]}, "OP": "?"}, {"LOWER": "gym", "OP": "?"},
      _in("are", "were", "'re", "re"), {"LOWER": "all", "OP": "?"}, _in("on", "taking", "using")],
     None),
]  # fmt: skip

# "saddle sore, nothing numb just chafed": "nothing" right before the word denies it
DEV23_NEAR: list[tuple[str, str, str, Pattern, set[str]]] = [
    ("nothing numb", "NEGATED_EXISTENCE", "FORWARD", [_in("nothing", "nothin", "nada")],
     {"SENSORY", "WEAK", "ODD"}),
]  # fmt: skip

DEV23_WHOLE: list[tuple[str, str, str, Pattern]] = [
    # "bum goes numb on the long drive to Cork, gone once I'm out of the car": the whole
    # sentence, body site and all, told after a comma
    ("gone once I'm out", "NEGATED_EXISTENCE", "BACKWARD",
     [_in(",", "-", "–"), {"LOWER": {"IN": ["but", "and", "it", "it's", "its", "'s"]}, "OP": "*"},
      _in("fine", "ok", "okay", "normal", "goes", "gone", "better", "stops", "passes"),
      {"LOWER": {"IN": ["again", "away"]}, "OP": "?"},
      _in("once", "when", "after", "soon"), {"LOWER": "as", "OP": "?"}, _in("i"),
      _in("'m", "am", "m"), _in("out", "up", "off", "moving", "standing")]),
    # "both legs went dead sitting on the floor at the assembly, back to normal after a wiggle"
    ("back to normal after", "NEGATED_EXISTENCE", "BACKWARD",
     [_in("back", "right"), _in("to"), _in("normal", "itself", "myself"),
      _in("after", "once", "when", "within", "in")]),
]  # fmt: skip
