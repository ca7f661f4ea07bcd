"""The clinical table behind the safety screen: each sign, its level, and where that comes from.

A clinician should be able to read this file (and content/SAFETY.md, which says the same in prose)
without reading the language code. Levels follow NICE NG59 and CKS "Back pain – low", the NHS pages
on back pain and cauda equina syndrome, the GIRFT/SBNS national cauda equina pathway (2023) and the
AHCPR red flags; the assertion logic (negated, other person, hypothetical, historical) follows
NegEx (Chapman et al. 2001) and ConText (Harkema et al. 2009).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    """How the bot must answer, most serious last (see RANK)."""

    NONE = "none"  # ordinary chat: coach as usual
    CLINICIAN = "clinician"  # advice to see a GP or physio; gentle routines are fine
    ASK = "ask"  # could be either: ask one yes/no question before deciding
    URGENT = "urgent"  # see a doctor today
    EMERGENCY = "emergency"  # call the emergency number now

    @property
    def rank(self) -> int:
        return RANK[self]

    @property
    def stops_stretching(self) -> bool:
        """Urgent and emergency answers put the person on a safety hold."""
        return self in (Level.URGENT, Level.EMERGENCY)


RANK = {Level.NONE: 0, Level.CLINICIAN: 1, Level.ASK: 2, Level.URGENT: 3, Level.EMERGENCY: 4}


class Category(StrEnum):
    """The clinical category of a sign."""

    SADDLE_NUMBNESS = "saddle-numbness"
    BLADDER_BOWEL = "bladder-bowel"
    SEXUAL = "sexual-dysfunction"
    BILATERAL_LEGS = "bilateral-legs"
    SEVERE_TRAUMA = "severe-trauma"
    TRAUMA = "trauma"
    FEVER = "fever"
    CANCER = "cancer-history"
    WEIGHT_LOSS = "weight-loss"
    WEAKNESS = "progressive-weakness"
    FRAGILITY_TRAUMA = "fragility-trauma"
    NIGHT_PAIN = "night-pain"
    CHEST_PAIN = "chest-pain"
    SCIATICA = "sciatica"
    NOT_IMPROVING = "not-improving"
    BONE_RISK = "bone-risk"
    POSSIBLE_FALL = "possible-fall"
    POSSIBLE_FEVER = "possible-fever"


NG59 = "NICE NG59 (2016, updated 2020)"
CKS = "NICE CKS Back pain – low (without radiculopathy)"
NHS_CES = "NHS: Cauda equina syndrome"
NHS_BACK = "NHS: Back pain"
GIRFT = "GIRFT/SBNS National suspected CES pathway (2023)"
AHCPR = "AHCPR guideline 14 (Bigos 1994) red flags"


@dataclass(frozen=True)
class Sign:
    """One row of the table: a sign in plain words, its level, and its sources."""

    category: Category
    level: Level
    plain: str  # as the bot names it to the person
    source: str


SIGNS: dict[Category, Sign] = {
    s.category: s
    for s in (
        Sign(Category.SADDLE_NUMBNESS, Level.EMERGENCY,
             "numbness around the genitals, bottom or inner thighs", f"{NHS_CES}; {GIRFT}"),
        Sign(Category.BLADDER_BOWEL, Level.EMERGENCY,
             "new trouble passing urine, or losing control of the bladder or bowels",
             f"{NHS_CES}; {GIRFT}; {NG59}"),
        Sign(Category.SEXUAL, Level.EMERGENCY, "new numbness or loss of function during sex",
             f"{NHS_CES}; {GIRFT}"),
        Sign(Category.BILATERAL_LEGS, Level.EMERGENCY,
             "numbness, tingling or weakness in both legs", f"{NHS_CES}; {GIRFT}"),
        Sign(Category.SEVERE_TRAUMA, Level.EMERGENCY, "back pain after a serious fall or crash",
             f"{NHS_BACK}; {AHCPR}"),
        Sign(Category.TRAUMA, Level.URGENT, "back pain after a fall or an accident",
             f"{NHS_BACK}; {CKS}; {AHCPR}"),
        Sign(Category.FEVER, Level.URGENT, "a fever or feeling unwell with back pain",
             f"{CKS}; {NHS_BACK}; {AHCPR}"),
        Sign(Category.CANCER, Level.URGENT, "back pain with a history of cancer",
             f"{CKS}; {NG59}; {AHCPR}"),
        Sign(Category.WEIGHT_LOSS, Level.URGENT, "weight loss you can't explain",
             f"{CKS}; {NHS_BACK}; {AHCPR}"),
        Sign(Category.WEAKNESS, Level.URGENT, "a leg or foot getting weaker, or a foot that drags",
             f"{CKS}; {AHCPR}"),
        Sign(Category.FRAGILITY_TRAUMA, Level.URGENT,
             "a fall or knock with thin bones (osteoporosis) or long-term steroids",
             f"{CKS}; {AHCPR}"),
        Sign(Category.NIGHT_PAIN, Level.URGENT, "pain that is constant or worse at night",
             f"{CKS}; {NHS_BACK}"),
        Sign(Category.CHEST_PAIN, Level.URGENT, "chest pain",
             f"{CKS} (thoracic pain); {NHS_BACK}"),
        Sign(Category.SCIATICA, Level.CLINICIAN, "nerve pain, numbness or tingling down one leg",
             f"{NG59} (sciatica managed in primary care); {NHS_BACK}"),
        Sign(Category.NOT_IMPROVING, Level.CLINICIAN, "pain that is not improving after weeks",
             f"{NHS_BACK} (see a GP if not better after a few weeks); {NG59}"),
        Sign(Category.BONE_RISK, Level.CLINICIAN, "osteoporosis or long-term steroids",
             f"{CKS}; {AHCPR}"),
        Sign(Category.POSSIBLE_FALL, Level.ASK, "a fall or an accident", f"{NHS_BACK}; {AHCPR}"),
        Sign(Category.POSSIBLE_FEVER, Level.ASK, "a fever", f"{CKS}; {AHCPR}"),
    )
}  # fmt: skip


@dataclass(frozen=True)
class Question:
    """A yes/no question for a mention that could be either, and what each answer leads to."""

    category: Category
    text: str
    on_yes: Category  # the sign a "yes" confirms (its level decides)
    on_no: Level


QUESTIONS: dict[Category, Question] = {
    Category.POSSIBLE_FALL: Question(
        Category.POSSIBLE_FALL, "Did a fall or accident hurt your back?",
        Category.TRAUMA, Level.NONE,
    ),
    Category.POSSIBLE_FEVER: Question(
        Category.POSSIBLE_FEVER, "Do you have a fever or a high temperature yourself right now?",
        Category.FEVER, Level.NONE,
    ),
}  # fmt: skip


def question_for(category: Category) -> Question:
    """The yes/no question about a sign: its own where it has one, else "do you mean ...?".

    The semantic layer asks the second kind when a message is only somewhat like a serious sign.
    """
    if category in QUESTIONS:
        return QUESTIONS[category]
    sign = SIGNS[category]
    return Question(
        category,
        f"Just to be sure I understood: do you have {sign.plain} right now?",
        category,
        Level.NONE,
    )


def answer_level(question: Question, yes: bool) -> Level:
    """The level a yes or a no to `question` leads to."""
    return SIGNS[question.on_yes].level if yes else question.on_no


# --- emergency numbers --------------------------------------------------------------------------

# Country of a time zone: only the zones people are most likely to use; others fall back on the
# language, then on "your local emergency number".
_ZONE_NUMBERS: dict[str, str] = {
    "Europe/London": "999", "Europe/Belfast": "999", "Europe/Dublin": "112",
    "Europe/Isle_of_Man": "999", "Europe/Jersey": "999", "Europe/Guernsey": "999",
    "America/New_York": "911", "America/Chicago": "911", "America/Denver": "911",
    "America/Phoenix": "911", "America/Los_Angeles": "911", "America/Anchorage": "911",
    "Pacific/Honolulu": "911", "America/Detroit": "911", "America/Toronto": "911",
    "America/Vancouver": "911", "America/Edmonton": "911", "America/Winnipeg": "911",
    "America/Halifax": "911", "America/St_Johns": "911", "America/Regina": "911",
    "America/Mexico_City": "911",
    "Australia/Sydney": "000", "Australia/Melbourne": "000", "Australia/Brisbane": "000",
    "Australia/Perth": "000", "Australia/Adelaide": "000", "Australia/Hobart": "000",
    "Australia/Darwin": "000", "Pacific/Auckland": "111", "Asia/Kolkata": "112",
    "Asia/Tokyo": "119", "Asia/Seoul": "119", "Asia/Shanghai": "120", "Asia/Hong_Kong": "999",
    "Asia/Singapore": "995", "Africa/Johannesburg": "112", "America/Sao_Paulo": "192",
    "Europe/Zurich": "112", "Europe/Oslo": "112", "Europe/Istanbul": "112",
    "Europe/Moscow": "112", "Europe/Kyiv": "112", "Europe/Kiev": "112",
}  # fmt: skip
_EU_ZONES = {
    "Amsterdam",
    "Athens",
    "Berlin",
    "Bratislava",
    "Brussels",
    "Bucharest",
    "Budapest",
    "Copenhagen",
    "Helsinki",
    "Lisbon",
    "Ljubljana",
    "Luxembourg",
    "Madrid",
    "Malta",
    "Paris",
    "Prague",
    "Riga",
    "Rome",
    "Sofia",
    "Stockholm",
    "Tallinn",
    "Vienna",
    "Vilnius",
    "Warsaw",
    "Zagreb",
    "Monaco",
    "Vaduz",
    "San_Marino",
    "Vatican",
    "Andorra",
    "Nicosia",
}
# Languages spoken in one emergency-number area only ("en" is not: it could be 999, 911, 000 ...).
_LANGUAGE_NUMBERS = {
    "de": "112", "fr": "112", "it": "112", "es": "112", "nl": "112", "pl": "112", "pt": "112",
    "sv": "112", "da": "112", "fi": "112", "cs": "112", "sk": "112", "hu": "112", "ro": "112",
    "bg": "112", "el": "112", "hr": "112", "sl": "112", "et": "112", "lv": "112", "lt": "112",
    "en-gb": "999", "en-us": "911", "en-ca": "911", "en-au": "000", "en-nz": "111",
    "en-ie": "112", "fr-ca": "911", "es-mx": "911", "pt-br": "192", "ja": "119", "ko": "119",
}  # fmt: skip


def emergency_number(zone: str | None, language: str | None) -> str | None:
    """The emergency number for an IANA time zone and a language code, or None when unknown.

    The zone wins (it is where the person is); the language only where it names one area.
    None means the answer should say "your local emergency number".
    """
    if zone:
        if zone in _ZONE_NUMBERS:
            return _ZONE_NUMBERS[zone]
        area, _, city = zone.partition("/")
        if area == "Europe" and city in _EU_ZONES:
            return "112"
    if language:
        code = language.strip().lower().replace("_", "-")
        return _LANGUAGE_NUMBERS.get(code) or _LANGUAGE_NUMBERS.get(code.split("-")[0])
    return None
