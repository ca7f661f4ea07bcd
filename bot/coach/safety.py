"""Red-flag screening of free text, and the safety wording the bot uses.

The red flags are those of the NHS "Back pain" guidance (nhs.uk/conditions/back-pain, sections
"Call 999 or go to A&E" and "Ask for an urgent GP appointment or get help from NHS 111"), with the
risk factors of the AHCPR low back pain guideline where the NHS page is silent. A message that
mentions one gets a clear "seek medical care" answer instead of a stretch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

GUIDELINE = "NHS back pain guidance (nhs.uk/conditions/back-pain)"


class Urgency(StrEnum):
    """How fast the person should get help."""

    EMERGENCY = "emergency"  # call the emergency number or go to A&E now
    URGENT = "urgent"  # see a doctor today or call a helpline


@dataclass(frozen=True)
class RedFlag:
    """One red flag: what it is in plain words, how urgent, and the pattern that spots it."""

    name: str
    urgency: Urgency
    pattern: re.Pattern[str]


def _flag(name: str, urgency: Urgency, pattern: str) -> RedFlag:
    return RedFlag(name, urgency, re.compile(pattern, re.IGNORECASE))


_NUMB = r"(?:numb|tingl|pins and needles|no feeling|lost feeling|loss of feeling)"
_LEG = r"(?:legs?|foot|feet|toes?|calf|calves|thighs?|shin)"

RED_FLAGS: tuple[RedFlag, ...] = (
    _flag(
        "numbness or tingling around the groin, genitals or buttocks",
        Urgency.EMERGENCY,
        rf"{_NUMB}\w*[^.!?\n]{{0,40}}\b(?:groin|genital|buttock|bum|saddle|privates|inner thigh)"
        rf"|\b(?:groin|genitals?|buttocks?|saddle area)\b[^.!?\n]{{0,30}}{_NUMB}",
    ),
    _flag(
        "trouble passing urine, or losing control of the bladder or bowels",
        Urgency.EMERGENCY,
        r"\b(?:bladder|bowels?)\b[^.!?\n]{0,30}\b(?:control|leak|accident)"
        r"|\b(?:lost|losing|lose|no|loss of) control (?:of|over) (?:my |the )?"
        r"(?:bladder|bowel|pee|poo)"
        r"|incontinen|wet (?:myself|my pants|the bed)"
        r"|\b(?:can'?t|cannot|unable to|struggling to) control (?:my |the )?(?:bladder|bowels?)"
        r"|\b(?:can'?t|cannot|unable to|trouble|difficulty|struggling to|hard to) "
        r"(?:pee|wee|urinate|pass urine|poo)",
    ),
    _flag(
        "weakness, numbness or tingling in both legs",
        Urgency.EMERGENCY,
        rf"\bboth (?:legs|feet)\b[^.!?\n]{{0,30}}(?:weak|{_NUMB})"
        rf"|(?:weak|{_NUMB})\w*[^.!?\n]{{0,30}}\bboth (?:legs|feet)\b",
    ),
    _flag("chest pain", Urgency.EMERGENCY, r"\bchest pains?\b|\bpain in (?:my|the) chest\b"),
    _flag(
        "back pain after a fall or an accident",
        Urgency.EMERGENCY,
        r"\b(?:after|since|from) (?:a|an|my|the) (?:bad |serious |big )?"
        r"(?:fall|accident|crash|collision)\b"
        r"|\bi (?:fell|slipped and fell|had an accident|was in an accident|crashed)\b"
        r"|\b(?:car|bike|cycling|ski|work) (?:accident|crash)\b",
    ),
    _flag(
        "numbness or tingling running down a leg",
        Urgency.URGENT,
        rf"{_NUMB}\w*[^.!?\n]{{0,40}}\b{_LEG}\b"
        rf"|\b{_LEG}\b[^.!?\n]{{0,20}}\b(?:is |are |feels? |went |gone )?{_NUMB}"
        rf"|(?:shooting|radiating|electric|burning) (?:pain )?(?:down|into) (?:my |the )?{_LEG}"
        r"|\bsciatica\b",
    ),
    _flag(
        "weakness in a leg or foot",
        Urgency.URGENT,
        rf"\b{_LEG}\b[^.!?\n]{{0,25}}\b(?:weak|gives? way|giving way|buckl|collaps)"
        rf"|\bweak(?:ness)?\b[^.!?\n]{{0,25}}\b{_LEG}\b|\b(?:foot drop|drop foot)\b",
    ),
    _flag(
        "fever or a high temperature with back pain",
        Urgency.URGENT,
        r"\bfever|\bhigh temperature\b|\bfeverish\b|\bshivers\b|\bchills\b",
    ),
    _flag(
        "unexplained weight loss",
        Urgency.URGENT,
        r"\bunexplained weight loss\b|\b(?:lost|losing|dropped) (?:a lot of )?weight without\b",
    ),
    _flag(
        "pain that is worse at night or does not ease with rest",
        Urgency.URGENT,
        r"\b(?:worse|wakes? me up|wakes? me) (?:at|during the) night\b|\bnight pain\b"
        r"|\b(?:doesn'?t|does not|won'?t|will not) (?:ease|settle|go away|get better)"
        r" (?:with|when i) rest",
    ),
    _flag(
        "a lump, swelling, or a change in the shape of the back",
        Urgency.URGENT,
        r"\blump\b|\bswelling (?:in|on) my back\b|\bmy back (?:looks|is) (?:a )?different shape",
    ),
)

# "no numbness", "I don't have a fever", "without any tingling": the person says they are fine.
_NEGATION = re.compile(
    r"\b(?:no|not|never|without|don'?t|do not|doesn'?t|haven'?t|have not|hasn'?t|isn'?t|nor|"
    r"neither|zero|none)\b[^.!?,;\n]{0,30}$",
    re.IGNORECASE,
)


def screen(text: str) -> list[RedFlag]:
    """Every red flag `text` mentions, most urgent first; negated mentions do not count."""
    found = []
    for flag in RED_FLAGS:
        for match in flag.pattern.finditer(text):
            if not _NEGATION.search(text[max(0, match.start() - 40) : match.start()]):
                found.append(flag)
                break
    return sorted(found, key=lambda f: f.urgency is not Urgency.EMERGENCY)


DISCLAIMER = (
    "Before we start: I am a stretching coach, not a clinician, and I can't diagnose or treat "
    "anything. Stretching should feel like a mild pull, never pain.\n\n"
    "Please check with a doctor or physiotherapist first if you have any of these:\n"
    "• numbness or tingling around the groin or buttocks, or trouble controlling your bladder or "
    "bowels (emergency: get help now)\n"
    "• numbness, tingling or weakness down a leg\n"
    "• back pain with a fever, after a fall or accident, or that is worse at night\n"
    "• a history of serious back injury, a herniated disc, or nerve pain down the leg\n\n"
    "If any of that is true, tell me, and please get checked before stretching."
)


def red_flag_reply(flags: list[RedFlag]) -> str:
    """The answer to a message with red flags: seek care, and how urgently."""
    names = "; ".join(f.name for f in flags)
    if any(f.urgency is Urgency.EMERGENCY for f in flags):
        head = (
            "⚠️ Please seek medical care now. What you describe ({names}) can be a sign of a "
            "serious problem that needs a doctor today, not stretching. Call your local emergency "
            "number (999 in the UK, 112 in the EU, 911 in the US) or go to an emergency "
            "department."
        )
    else:
        head = (
            "⚠️ Please seek medical care promptly. What you describe ({names}) should be checked "
            "by a doctor or physiotherapist before you go on stretching. Contact your doctor "
            "today (in the UK: your GP or NHS 111)."
        )
    return (
        head.format(names=names)
        + "\n\nNo stretches until you have been checked. To stop reminders meanwhile, send "
        f"/pause 7. (Based on the {GUIDELINE}.)"
    )
