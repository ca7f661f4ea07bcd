"""What a free-text message means: done, a desk stretch, a pain report, help, or chit-chat."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.coach import pain


class Intent(StrEnum):
    """Things people say to the bot without a command."""

    DONE = "done"
    DESK = "desk"
    PAIN = "pain"
    HELP = "help"
    GREETING = "greeting"
    THANKS = "thanks"
    NOW = "now"
    ADVICE = "advice"  # a question about which stretches help ("what's good for sciatica?")
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Understood:
    """An intent with its detail: the pain score, or why a stated score was refused."""

    intent: Intent
    score: int | None = None
    problem: str | None = None


_DONE = re.compile(
    r"^\W*(?:(?:all |i'?m |i am |just )?(?:done|finished|completed?)|did it|i did it|"
    r"that'?s it|complete|finito)\b[\s\W]*$",
    re.IGNORECASE,
)
_DESK = re.compile(
    r"\bdesk\b|\bat (?:my|the) (?:desk|computer|office|work)\b|\boffice stretch|"
    r"\bquick stretch\b|\bstretch (?:please|pls)\b",
    re.IGNORECASE,
)
_NOW = re.compile(r"^\W*(?:start|let'?s go|go|routine|start (?:the |my )?routine)\W*$", re.I)
_HELP = re.compile(r"^\W*(?:help|what can you do|commands|menu|\?+)\W*$", re.IGNORECASE)
_GREETING = re.compile(r"^\W*(?:hi|hello|hey|hiya|good (?:morning|evening|afternoon)|yo)\b", re.I)
# A question about stretching for a complaint: answered with advice, never read as a symptom.
_ADVICE = re.compile(
    r"\b(?:what|which|any|best|good|recommend|suggest)\b.*\b(?:stretch|stretches|exercises?|"
    r"moves?|routine)\b.*(?:\?|\bfor\b|\bhelp)|\b(?:stretch|stretches|exercises?)\b.*\b(?:good|best|"
    r"help|helps)\b.*\bfor\b",
    re.IGNORECASE,
)
_THANKS = re.compile(r"^\W*(?:thanks|thank you|thx|ty|cheers|great|nice|cool|ok(?:ay)?)\W*$", re.I)


def understand(text: str) -> Understood:
    """Classify one free-text message."""
    cleaned = text.strip()
    if _DONE.match(cleaned):
        return Understood(Intent.DONE)
    try:
        score = pain.find_score(cleaned)
    except pain.PainParseError as exc:
        return Understood(Intent.PAIN, problem=exc.hint)
    if score is not None:
        return Understood(Intent.PAIN, score=score)
    if _ADVICE.search(cleaned):
        return Understood(Intent.ADVICE)
    if _DESK.search(cleaned):
        return Understood(Intent.DESK)
    if _NOW.match(cleaned):
        return Understood(Intent.NOW)
    if _HELP.match(cleaned):
        return Understood(Intent.HELP)
    if _GREETING.match(cleaned):
        return Understood(Intent.GREETING)
    if _THANKS.match(cleaned):
        return Understood(Intent.THANKS)
    return Understood(Intent.UNKNOWN)
