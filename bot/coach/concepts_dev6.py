"""Concept phrasings from the sixth dev set: the kinds of phrasing it showed we missed.

The earlier sets are in concepts.py, concepts_more.py, concepts_dev4.py and concepts_dev5.py. This
one adds the loss of the urge to pee, sitting on the loo with nothing coming out, an area that
"is dead", "no feeling" as the sign itself, being intimate, a cancer named by its organ ("lung
ca"), chest pressure and the breastbone, sweats that soak the sheets, nights no position eases,
a speed in mph, a shunt into a parked car; and harmless look-alikes: a star sign said "I'm a
cancer", chills from a song, steroids as a bodybuilder's, "accident-prone", "no falls", the guy in
my office, and "is it bad that ...", which states a fact.
"""

from __future__ import annotations

from bot.coach.patterns import GO_ON as _GO_ON
from bot.coach.patterns import OPT as _OPT
from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

_PEE = r"^(pee|peeing|wee|weeing|piss|pissing|urinate|poo|pooing|go|empty|toilet|loo)$"


DEV6_RULES: list[Rule] = []

_add = adder(DEV6_RULES)


_NEG = _re(r"^(n't|nt|not|dont|doesnt|didnt|cant|never|no|lost|losing|zero)$")

# -- the urge to go that has gone; the loo where nothing comes -----------------------------------
_add("BLADDER",
     [_NEG, _in("get", "have", "feel", "notice", "sense", "got"), _OPT,
      _in("feeling", "urge", "sensation", "need", "signal", "warning"), _GO_ON, _GO_ON, _GO_ON,
      _re(_PEE)],
     [_NEG, _OPT, _in("urge", "sensation", "feeling", "need"), _in("to"), _re(_PEE)])  # fmt: skip
_add("ELIMINATION", [_re(r"^(loo|lav|lavatory|dunny|wc|bog)$")])
_add("DYSFUNCTION", [_in("bursting"), _OPT, _in("though", "but", "and", "yet")])

# -- a dead area, no feeling, being intimate -----------------------------------------------------
_add("SENSORY",
     [_in("is", "'s", "feels", "went", "gone", "goes", "all"), _in("dead", "deadened")],
     [_in("got", "have", "'ve", "with", "there's", "theres", "is", "had"), _in("no", "zero"),
      _in("feeling", "sensation", "feelings")])  # fmt: skip
_add("SEX_CTX", [_re(r"^(intimate|intimacy|frisky)$")])

# -- cancer named by its organ, chest pressure, the breastbone ----------------------------------
_add("CANCER",
     [_re(r"^(lung|breast|prostate|bowel|colon|skin|kidney|bone|thyroid|ovarian|cervical|"
          r"pancreatic|liver|stomach|bladder|testicular|throat|brain|blood)$"),
      _in("ca", "cancer", "tumour", "tumor", "carcinoma", "mets")],
     [_re(r"^(chemo|chemotherapy|radiotherapy|oncologist|oncology|metastatic|metastases|"
          r"mets|lymphoma|leukaemia|leukemia|myeloma|melanoma|sarcoma|carcinoma)$")])  # fmt: skip
_add("CHEST", [_re(r"^(breastbone|sternum|ribcage)$")])
_add("PRESSURE",
     [_re(r"^(heavy|heaviness|pressure|crushing|elephant|vice|vise)$")])  # fmt: skip

# -- sweats that soak the sheets -----------------------------------------------------------------
_add("FEVER",
     [_in("night"), _in("sweats", "sweat", "sweating")],
     [_re(r"^(drenched|soaked|soaking|drenching|dripping|woke|waking|wake)$"), _GO_ON, _GO_ON,
      _GO_ON, _in("sweat", "sweats", "sweating", "sweaty")],
     [_in("sweated", "sweating", "sweat"), _in("through"), _OPT, _in("sheets", "pyjamas",
                                                                      "pajamas", "bed")],
     [_in("cold"), _in("sweats")])  # fmt: skip

# -- nights no position eases --------------------------------------------------------------------
_add("RESTLESS",
     [_in("nothing", "no"), _GO_ON, _GO_ON, _in("gets", "makes", "get", "make", "helps"),
      _in("me", "it"), _OPT, _in("comfy", "comfortable", "settled")],
     [_re(r"^(cant|cannot|never|n't|not)$"), _OPT, _in("get", "getting"), _in("comfy",
                                                                              "comfortable")],
     [_in("end", "ended"), _in("up"), _in("in", "on"), _in("the", "a"),
      _in("armchair", "chair", "sofa", "couch", "recliner", "floor")])  # fmt: skip

# -- speed in mph, a shunt into a parked car ----------------------------------------------------
_add("SPEED",
     [_re(r"^\d{2,3}(mph|kph|kmh|km/h)$")],
     [_re(r"^\d{2,3}$"), _in("mph", "kph", "kmh", "km/h", "miles")],
     # ("doing Route 66" is a road: concepts_dev32)
     [_in("doing", "going", "travelling", "traveling"),
      {"LOWER": {"NOT_IN": ["route", "rt", "highway", "hwy", "interstate", "road", "exit",
                            "junction", "the", "a", "us", "state", "gate", "platform"]},
       "OP": "?"}, _re(r"^\d{2,3}$")])  # fmt: skip
_add("ACCIDENT",
     [_re(r"^(bumped|reversed|backed|clipped|nudged|tapped|pranged|scraped)$"),
      _in("into", "me", "my"), _OPT])  # fmt: skip

# -- "no falls": a fall said as a plural noun ----------------------------------------------------
_add("FALL", [_in("falls", "tumbles", "spills")])

DEV6_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "the guy in my office has chest pains": his, though "my" is in the way.
    ("the guy in my office", "FAMILY", "FORWARD",
     [_in("the", "a", "this", "some", "one", "that"),
      _re(r"^(guy|bloke|man|woman|lady|girl|lad|colleague|coworker|co-worker|boss|manager|"
          r"chap|fella|fellow|dude)$"),
      _in("in", "at", "from", "on"), _in("my", "our", "the"),
      _re(r"^(office|work|gym|team|class|building|street|block|department|floor|yoga|pilates|"
          r"club|unit|ward|shop|school|church|running)$")], None),
    # "is it bad that my ...", "does it matter that it's worse at night": a fact, asked about.
    ("bad that", "PSEUDO", "FORWARD",
     [_re(r"^(matter|matters|bad|normal|ok|okay|weird|worrying|serious|concerning|fine|"
          r"important|dangerous)$"), _in("that")], None),
    # "wife noticed something's off": she saw it; the sign is the person's.
    ("wife noticed", "PSEUDO", "BIDIRECTIONAL",
     [_re(r"^(partner|wife|husband|girlfriend|boyfriend|missus|hubby|spouse|fiance|fiancee)$"),
      _re(r"^(noticed|said|says|pointed|told|thinks|reckons|mentioned|spotted|realised|"
          r"realized|asked|complained|felt)$")], None),
    # "heavy on my chest like someone sitting on it": the comparison, not a cause or a person.
    ("like someone sitting on it", "PSEUDO", "FORWARD",
     [_in("like"), _in("someone", "somebody", "something", "a", "an", "there's", "theres"),
      _GO_ON, _GO_ON, _GO_ON, _GO_ON], None),
    ("as if someone", "PSEUDO", "FORWARD",
     [_in("as"), _in("if", "though"), _in("someone", "somebody", "something", "there's"),
      _GO_ON, _GO_ON, _GO_ON, _GO_ON], None),
    # "a cushion that's not there": what isn't there is the comparison, not the sign.
    ("that's not there", "PSEUDO", "FORWARD",
     [_in("that's", "thats", "that", "which", "who"), _OPT, _in("not", "n't", "isnt", "aint"),
      _in("there")], None),
]  # fmt: skip

# Causes that explain one kind of sign only: sweat that wets the sheets, chills from a song,
# steroids for muscle.
DEV6_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    ([("with sweat", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_re(r"^(sweat|sweats|sweating|sweaty|perspiration|perspiring)$")])],
     {"BLADDER", "ELIMINATION", "CONTROL_LOSS"}),
    ([("chills from a song", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_re(r"^(song|songs|film|movie|story|book|show|music|speech|video|documentary|episode|"
            r"series|podcast|concert|performance|goosebumps|anthem|choir|scene|trailer)$")])],
     {"FEVER"}),
    ([("bodybuilder", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_re(r"^(bodybuilders?|bodybuilding|anabolic|roids|juicing|juiced|juicer|"
            r"muscles?|jacked|swole|ripped|gains)$")])],
     {"BONE_RISK"}),
]  # fmt: skip

# "toilet stuff is all normal": a function said to be normal, a short scope back.
DEV6_NEAR: list[tuple[str, str, str, Pattern, set[str]]] = [
    ("is all normal", "NEGATED_EXISTENCE", "BACKWARD",
     [_in("is", "are", "'s", "all", "totally", "completely", "perfectly", "seems", "seem",
          "been"), {"LOWER": {"IN": ["all", "totally", "completely", "perfectly", "pretty",
                                     "quite", "back", "to"]}, "OP": "?"},
      _re(r"^(normal|fine|ok|okay|regular|good|great)$")],
     {"ELIMINATION", "BLADDER", "CONTROL_LOSS", "DYSFUNCTION"}),
]  # fmt: skip
