"""Concept phrasings from the twenty-eighth dev set (people telling the coach about their health
background: conditions, medicines, scans, pregnancy, menopause) that the rules read wrongly.

Signs: "driven into the ground back first" at rugby, "we can't work out why" a grandad loses
weight, "I can't go at all today" (no water passed), numbness "like sitting on a bag of frozen
peas" (a likeness, not the cold), nerve pain "whenever I lift her out of the cot" (the baby is
lifted; the pain is the writer's). Look-alikes: a chemo nurse on an oncology ward, a pharmacist
who knows about steroids and cancer drugs, an aunty's cancer, a gym buddy on steroids,
hydrocortisone cream, a bulging disc an MRI showed, night sweats from the menopause, a saddle
numbness "totally back to normal now".
"""

from __future__ import annotations

from bot.coach.patterns import Pattern, Rule, adder
from bot.coach.patterns import matching as _re
from bot.coach.patterns import one_of as _in

DEV28_RULES: list[Rule] = []

_add = adder(DEV28_RULES)

# -- signs ----------------------------------------------------------------------------------------
# "I got driven into the ground back first", "landed head first on the concrete"
_add("SEVERE_TRAUMA",
     # ("went back first thing" is no landing: "went" is left out)
     [_re(r"^(ground|deck|floor|turf|concrete|tarmac|pavement|landed|land|fell|slammed|driven|"
          r"dumped|thrown|spiked|planted)$"),
      {"OP": "?"}, {"OP": "?"}, {"OP": "?"}, _in("back", "head", "neck"), _in("first"),
      {"LOWER": {"NOT_IN": ["thing", "things", "time"]}, "OP": "?"}])  # fmt: skip
# "he's been losing weight and we can't work out why", "he eats fine"
_add("UNEXPLAINED",
     [_in("ca", "can", "cant", "can't", "cannot", "couldn't", "couldnt", "could"),
      {"LOWER": {"IN": ["n't", "not", "nt"]}, "OP": "?"},
      _in("work", "figure", "explain", "understand", "find"), {"LOWER": "out", "OP": "?"},
      _in("why", "a")],
     [_in("eats", "eating", "appetite", "appetite's"), {"LOWER": {"IN": ["is", "'s", "’s"]},
                                                        "OP": "?"},
      _in("fine", "well", "normally", "normal", "good", "loads", "plenty")])  # fmt: skip
# "I know about peeing a lot, but this is the opposite, I can't go at all today"
_add("BLADDER",
     [_in("ca", "can", "cant", "can't", "cannot"), {"LOWER": {"IN": ["n't", "not", "nt"]},
                                                     "OP": "?"},
      _in("go", "pee", "wee"), _in("at"), _in("all")])  # fmt: skip

# "my back keeps me up most nights now"
_add("NIGHT",
     [_in("keeps", "kept", "keeping", "keep"), _in("me", "us"), _in("up"),
      {"LOWER": {"IN": ["most", "all", "every", "at", "half", "the", "of"]}, "OP": "*"},
      _in("night", "nights", "nite", "nites")])  # fmt: skip

# -- look-alikes ----------------------------------------------------------------------------------
_add("IDIOM",
     # "Hydrocortisone cream for eczema", "a steroid inhaler", "steroid nasal spray": none of
     # them the long-term steroid tablets that thin the bones
     [_re(r"^(steroid|steroids|hydrocortisone|cortisone|betnovate|dermovate|eumovate|"
          r"beclometasone|fluticasone|budesonide|mometasone)$"),
      {"LOWER": {"IN": ["nasal", "skin", "eye", "ear"]}, "OP": "?"},
      _re(r"^(cream|creams|ointment|gel|lotion|inhaler|inhalers|puffer|spray|sprays|drops|"
          r"shampoo)$")])  # fmt: skip

# "I work as a chemo nurse on an oncology ward": a job, not a history (one's own "chemo nurse"
# or "oncology ward" is still read)
_add("IDIOM",
     [_in("work", "works", "worked", "working", "job", "volunteer", "volunteering"),
      _in("as", "on", "in", "at", "for"), _in("a", "an", "the"),
      _re(r"^(chemo|oncology|cancer|haematology|hematology|radiotherapy|palliative)$"),
      _re(r"^(nurse|nurses|ward|unit|department|dept|team|clinic|centre|center|pharmacy|"
          r"service|charity|research|lab|hospital)$"),
      {"LOWER": {"IN": ["on", "in", "at"]}, "OP": "?"},
      {"LOWER": {"IN": ["a", "an", "the"]}, "OP": "?"},
      {"LOWER": {"IN": ["oncology", "chemo", "cancer", "haematology"]}, "OP": "?"},
      {"LOWER": {"IN": ["ward", "unit", "department", "clinic"]}, "OP": "?"}])  # fmt: skip

# Pharmacists and others whose work is with medicines speak of drugs, not of their own
# (DEV28_WHOLE).
_JOBS = (
    "pharmacist", "pharmacists", "oncologist", "radiographer", "radiologist", "midwife",
    "dentist", "vet", "surgeon", "pharmacologist", "haematologist", "anaesthetist",
    "sonographer", "phlebotomist", "dietitian", "dietician",
)  # fmt: skip
DEV28_CONTEXT: list[tuple[str, str, str, Pattern | None, set[str] | None]] = [
    # "My aunty's cancer was found ...", "my gym buddy is on steroids"
    # (stopped by the writer's own words: "my gym buddy noticed my left foot is dragging")
    ("aunty", "FAMILY", "BIDIRECTIONAL", [_in("aunty", "aunties", "aunt's", "aunty's")],
     {"SELF"}),
    ("gym buddy", "FAMILY", "BIDIRECTIONAL",
     [_in("my", "a", "his", "her", "our"), {"OP": "?"}, _in("buddy", "buddies")], {"SELF"}),
    # "numb, like sitting on a bag of frozen peas": a likeness, not the cold that numbs
    ("like frozen peas", "PSEUDO", "BIDIRECTIONAL",
     [_in("like", "as"), {"LOWER": {"IN": ["if", "though", "i'm", "i", "im", "i've", "ive",
                                           "'ve", "'d", "'m", "sitting", "sat", "been", "on",
                                           "a", "bag", "packet", "of", "some", "the", "an",
                                           "ice", "pack", "was", "had"]}, "OP": "*"},
      _re(r"^(frozen|ice|icy|freezing|cold|block)$")], None),
    # "whenever I lift her out of the cot": the baby is carried; the pain is the writer's
    ("lift her", "PSEUDO", "BIDIRECTIONAL",
     [_re(r"^(lift|lifting|lifted|pick|picking|picked|carry|carrying|carried|hold|holding|"
          r"bath|bathing|feed|feeding|change|changing|rock|rocking|put|putting)$"),
      _in("her", "him", "them")], None),
]  # fmt: skip

DEV28_TYPED: list[tuple[list[tuple[str, str, str, Pattern]], set[str]]] = [
    # "The MRI of my back showed wear and tear and a bulging disc": a scan's finding, no
    # symptom in the leg (pain down the leg is still read as sciatica)
    ([("mri showed", "HISTORICAL", "FORWARD",
       [_re(r"^(mri|scan|x-ray|xray|ct|report|radiologist)$"),
        {"LOWER": {"IN": ["of", "my", "the", "back", "spine", "lumbar", "results", "result"]},
         "OP": "*"},
        _in("showed", "shows", "found", "revealed", "said", "mentioned", "says")])],
     {"SCIATICA"}),
    # "Night sweats from the menopause", "menopausal night sweats": their cause is known
    ([("from the menopause", "NEGATED_EXISTENCE", "BIDIRECTIONAL",
       [_in("from", "with", "cos", "because", "due"), {"LOWER": {"IN": ["of", "to", "the", "my"]},
                                                       "OP": "*"},
        _re(r"^(menopause|perimenopause|peri|menopausal|hrt|change|hormones|tamoxifen)$")]),
      ("menopausal", "NEGATED_EXISTENCE", "FORWARD",
       [_re(r"^(menopausal|perimenopausal|menopause|peri-menopausal)$")])],
     {"FEVER"}),
]  # fmt: skip

DEV28_WHOLE: list[tuple[str, str, str, Pattern]] = [
    # "I'm a pharmacist so I know far too much about steroids and cancer drugs": the whole
    # sentence is about the work
    ("i'm a pharmacist", "FAMILY", "BIDIRECTIONAL",
     [_in("i'm", "im", "am", "'m", "m"), _in("a", "an"),
      {"LOWER": {"IN": ["retired", "hospital", "community", "senior", "trainee", "locum",
                        "student", "qualified"]}, "OP": "?"}, _in(*_JOBS)]),
    # "numb down below from the saddle for an hour after, totally back to normal now"
    ("back to normal", "HISTORICAL", "BACKWARD",
     [{"LOWER": {"IN": ["totally", "completely", "all", "fully", "now", "was", "been"]},
       "OP": "?"}, _in("back"), _in("to"), _in("normal")]),
]  # fmt: skip
