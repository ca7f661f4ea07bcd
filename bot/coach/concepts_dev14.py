"""Concept phrasings from the fourteenth dev set: English mixed with the words of other languages,
and the kinds of English phrasing it showed we missed.

People write to a coach in the English they have, with the body's words often in their first
language ("dono legs mein jhunjhuni", "tengo fiebre, 38.9", "beide Beine kribbeln"). A small
glossary of the red-flag words in Spanish, Portuguese, French, German, Italian and romanised
Hindi/Urdu is mended into English before reading (`DICTATION`, as voice-to-text slips are), so
the same rules and ConText read them. Then: ants crawling down the legs, legs like dead weight,
"either leg", a dribble then nothing, speed in km/h, a climber who "decked", "equipment" that
stopped working, "no better than day 1", "not getting better"; look-alikes: a tingle "in a good
way", "nothing fell", a tumble in the sales rankings, "if you ever get", "one of the lads", a
melanoma patient who is oneself, 38 degrees in Seville.
"""

from __future__ import annotations

from bot.coach.patterns import OPT as _OPT
from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import mended as _word
from bot.coach.patterns import one_of as _in

DEV14_RULES: list[Rule] = []

_add = adder(DEV14_RULES)


# Longer phrases first: each is mended in order.
DICTATION = [
    # Spanish and Portuguese
    _word(r"no puedo orinar|no puedo hacer pis|n[aã]o consigo fazer xixi", "I can't pee"),
    _word(r"dolor de espalda|dor nas costas|dor de costas", "back pain"),
    _word(r"dolor de pecho|dolor en el pecho|dor no peito", "chest pain"),
    _word(r"ambas piernas|las dos piernas|as duas pernas|ambas as pernas", "both legs"),
    _word(r"que baja por|que desce pela", "going down"),
    _word(r"he perdido peso|perd[ií] peso|perdi peso", "I've lost weight"),
    _word(r"sin (?:hacer )?nada|sin intentar|sem tentar", "without trying"),
    _word(r"fiebre|febre", "fever"),
    _word(r"tengo|tenho", "I have"),
    _word(r"tuve|tive", "I had"),
    _word(r"orinar", "pee"),
    _word(r"piernas|pernas", "legs"),
    _word(r"pierna|perna", "leg"),
    _word(r"izquierda|esquerda", "left"),
    _word(r"derecha|direita", "right"),
    _word(r"dolor|dor", "pain"),
    _word(r"espalda|costas", "back"),
    _word(r"pecho|peito", "chest"),
    _word(r"cáncer|câncer", "cancer"),  # (not "Cancer": the star sign is told by its capital)
    _word(
        r"mi hijo|mi hija|mi esposo|mi marido|mi esposa|mi mujer|mi madre|mi padre|mi mamá|"
        r"mi papá|meu filho|minha filha|meu marido|minha esposa|minha mãe|meu pai",
        "my child",
    ),
    _word(r"tiene|tem", "has"),
    _word(r"hormigueo|formigamento", "tingling"),
    _word(r"entumecid[oa]s?|dorm[eê]ncia|dormente", "numb"),
    _word(r"me ca[ií]|ca[ií] de|ca[ií]da", "I fell"),
    # French
    _word(r"je ne peux pas uriner|je n'arrive pas à uriner", "I can't pee"),
    _word(r"mal au dos|douleur au dos", "back pain"),
    _word(r"douleur (?:à|a) la poitrine|mal (?:à|a) la poitrine", "chest pain"),
    _word(r"les deux jambes", "both legs"),
    _word(r"fi[eè]vre", "fever"),
    _word(r"j'ai", "I have"),
    _word(r"jambes", "legs"),
    _word(r"jambe", "leg"),
    _word(r"engourdi(?:e|es|s)?", "numb"),
    _word(r"fourmillements?|fourmis", "tingling"),
    _word(r"poitrine", "chest"),
    _word(r"douleur", "pain"),
    _word(r"je suis tomb[ée]e?", "I fell"),
    # German
    _word(r"ich kann nicht pinkeln|kann nicht pinkeln", "I can't pee"),
    _word(r"r[üu]ckenschmerzen", "back pain"),
    _word(r"brustschmerzen", "chest pain"),
    _word(r"beide beine", "both legs"),
    _word(r"beine", "legs"),
    _word(r"bein", "leg"),
    _word(r"kribbeln|kribbelt|kribbelnd", "tingling"),
    _word(r"taub", "numb"),
    _word(r"fieber", "fever"),
    _word(r"ich bin gest[üu]rzt|gest[üu]rzt", "I fell"),
    # Italian
    _word(r"mal di schiena", "back pain"),
    _word(r"dolore al petto", "chest pain"),
    _word(r"entrambe le gambe|tutte e due le gambe", "both legs"),
    _word(r"gambe", "legs"),
    _word(r"febbre", "fever"),
    _word(r"formicolio", "tingling"),
    _word(r"intorpidit[oaie]", "numb"),
    _word(r"sono caduto|sono caduta", "I fell"),
    # Hindi and Urdu, romanised
    _word(r"seene mein dard|seene me dard|chhati mein dard|chati me dard", "chest pain"),
    _word(r"kamar (?:mein |me |ka |ki )?dard", "back pain"),
    _word(r"peshab nahi (?:aa raha|ho raha|aa rahi|ho rahi)(?: hai)?", "I can't pee"),
    _word(r"dono (?:legs|pair|pairon|taang|taangon|tangon)(?: mein| me)?", "both legs"),
    _word(r"bina kuch kiye|bina koshish(?: kiye)?", "without trying"),
    _word(r"kam ho gaya|kam ho gayi|ghat gaya", "dropped"),
    _word(r"jhunjhuni|jhanjhanahat|sunn", "tingling"),
    _word(r"bukhar|bukhaar", "fever"),
    _word(r"pairon|taangon|tangon", "legs"),
    _word(r"dard", "pain"),
    _word(r"hafte|hafton", "weeks"),
]

# -- ants down both legs, legs like dead weight, either leg -----------------------------------
_add("SENSORY",
     [_in("like", "as"), {"LOWER": {"IN": ["little", "tiny"]}, "OP": "?"}, _in("ants")],
     [_in("ants"), _in("crawling", "marching", "running")])  # fmt: skip
_add("WEAK", [_in("dead"), _in("weight", "weights")])
_add("LEGS", [_in("either", "neither"), _in("leg", "foot")])

# -- a dribble then nothing ---------------------------------------------------------------------
_add("BLADDER",
     [_re(r"^(dribble|dribbles|trickle|drip|drips|drop|drops)$"), _in("then", "and"),
      _in("nothing", "stops", "stopped")],
     [_in("leaking", "leaks", "leak", "leaked"), _in("with", "without"),
      _in("zero", "no", "any"), _in("warning")])  # fmt: skip

# -- speed in km/h; a climber who decked -------------------------------------------------------
_MPH = r"([2-9][0-9]|[1-9][0-9][0-9])"  # 20 mph and more
_KMH = r"([3-9][0-9]|[1-9][0-9][0-9])"  # 30 km/h and more
_add("SPEED",
     [_re(rf"^({_MPH}mph|{_KMH}(km/h|kmh|kph))$")],
     [_re(rf"^{_MPH}$"), _in("mph")], [_re(rf"^{_KMH}$"), _in("km/h", "kmh", "kph")])  # fmt: skip
_add("SEVERE_TRAUMA",
     [_in("decked", "decking"), _in("it", "out")],
     [_in("ground"), _in("fall", "fell")],
     [_in("lead", "big"), _in("fall"), _OPT, _in("decked", "hit")])  # fmt: skip

# -- equipment that stopped working -------------------------------------------------------------
_add("SEXUAL",
     [_in("my", "the"), _in("equipment", "tackle", "package", "plumbing", "bits"),
      {"TEXT": {"IN": ["'s", "’s"]}, "OP": "?"},
      {"LOWER": {"IN": ["has", "have", "is"]}, "OP": "?"},
      _in("stopped", "quit", "gave", "not", "n't", "isnt", "wont", "won't"),
      _in("working", "work", "up", "responding")])  # fmt: skip

# -- no better than day one; not getting better -------------------------------------------------
_add("NOT_IMPROVING",
     [_in("no", "not", "nae"), _in("better"), _in("than"), _OPT, _OPT],
     [_re(r"^(n't|not|nt|isnt|aint)$"), _in("getting", "got", "gotten"),
      _in("better")])  # fmt: skip

# -- look-alikes --------------------------------------------------------------------------------
_add("IDIOM",
     [_in("tumble", "fall", "drop", "crash", "slump"), _in("in", "down"), _in("the", "my"),
      _re(r"^(sales|rankings?|polls?|charts?|league|table|standings|market|stocks?|ratings?)$")],
     [_in("nothing"), _in("fell", "broke", "broken", "crashed", "happened")])  # fmt: skip
_add("IDIOM",
     [_re(r"^[0-9]+$"), _in("degrees", "degree", "°", "°c"), _OPT,
      _in("here", "outside", "today", "in", "out")])  # fmt: skip

DEV14_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "a dodgy left knee from football, old injury"
    ("old injury", "HISTORICAL", "BIDIRECTIONAL",
     [_in("old"), _re(r"^(injury|injuries|break|fracture|wound|war)$")], None),
    # "my doctor told me: if you ever get numbness ..."
    ("if you ever", "HYPOTHETICAL", "FORWARD",
     [_in("if", "when"), _in("you", "u", "someone", "anyone"), _in("ever")], None),
    # "one of the lads has a foot that drags"
    ("one of the lads", "FAMILY", "FORWARD",
     [_in("one"), _in("of"), _in("the", "my", "our"),
      _re(r"^(lads|guys|girls|boys|team|crew|players|lot|men|women|ladies|blokes|fellas|mates|"
          r"regulars|kids|residents|patients|clients|customers)$")], {"SELF"}),
    # "ex-melanoma patient here", "as a cancer patient": the patient is oneself
    ("patient here", "PSEUDO", "FORWARD",
     [_re(r"^(patient|survivor|sufferer)$"), _in("here", "myself")], None),
    # "not in a good way": the good way is denied, the sign is not
    ("not in a good way", "PSEUDO", "FORWARD",
     [_in("not", "n't"), _in("in"), _in("a"), _in("good", "nice"), _in("way")], None),
    ("ex patient", "PSEUDO", "FORWARD",
     [_in("ex", "former"), {"TEXT": "-", "OP": "?"}, _OPT,
      _re(r"^(patient|survivor|sufferer)$")], None),
]  # fmt: skip

DEV14_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    # "my feet tingle in a good way after the massage ball"
    ([("in a good way", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_in("in", "the"), _in("a", "good"), _in("good", "nice", "kind", "way"),
        {"LOWER": {"IN": ["way", "of"]}, "OP": "?"}]),
      ("massage ball", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_in("massage", "spiky", "lacrosse", "tennis", "foam"), _in("ball", "roller", "gun")])],
     {"SENSORY", "ODD", "RADIATE", "LEGS", "LEG", "FOOT"}),
]  # fmt: skip

# -- the fifteenth set --------------------------------------------------------------------------
_add("LEGS", [_in("down", "into"), _in("both")])  # "used to be my left leg, now going down both"
_add("SEXUAL",
     [_re(r"^(n't|not|nt|never)$"), _in("worked", "working", "work"), _in("in"), _in("the"),
      _in("bedroom", "sack")])  # fmt: skip
_add("NOT_IMPROVING",
     [_re(r"^(n't|not|nt|never)$"), _in("seeing", "seen", "had", "noticed", "felt", "getting"),
      _in("any", "much"),
      _in("improvement", "change", "difference", "relief", "progress")])  # fmt: skip
_add("NOCHANGE",
     [_in("nothing"), _in("'s", "is", "has"), _in("changing", "changed", "shifting", "improving",
                                                "budging")])  # fmt: skip
_add("MINOR", [_in("only", "just"), _in("a"), _in("small", "minor", "little", "tiny"), _in("one")])
