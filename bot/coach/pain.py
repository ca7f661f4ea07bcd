"""Pain on the 0–10 numeric rating scale: parsing, and what a score means for the coaching.

A score of 7 or more, or a rise of 3 or more over the person's recent average, is treated as a
flare: the bot advises seeing a professional and switches to gentle routines until two calmer
reports come in. A change of about 2 points is the usual threshold for a meaningful change in low
back pain (Childs et al. 2005, Spine 30:1331); 3 keeps the bot from over-reacting to daily noise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import fmean

from bot.errors import Field, InvalidInput

HIGH_PAIN = 7
SHARP_RISE = 3
RECENT_REPORTS = 5  # the recent average uses up to this many earlier reports ...
RECENT_DAYS = 14  # ... from this many days
CALM_REPORTS_TO_SETTLE = 2


class PainParseError(InvalidInput):
    """The text names a pain level we cannot accept; `hint` says why."""

    def __init__(self, hint: str, given: str = "") -> None:
        super().__init__(Field.PAIN, given, hint)


_NUMBER = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)\s*(?:/\s*10|out of 10|of 10)?\s*[.!]?\s*$")
_IN_TEXT = re.compile(
    r"\bpain\b(?:\s*(?:level|score|is|was|at|about|around|of|today|now|right now|=|:))*\s*"
    r"(-?\d+(?:[.,]\d+)?)\s*(?:/\s*10|out of 10)?|\b(-?\d+(?:[.,]\d+)?)\s*(?:/|out of)\s*10\b",
    re.IGNORECASE,
)


def parse_score(text: str) -> int:
    """A score from "6", "6/10" or "7 out of 10"; raise PainParseError for anything else."""
    match = _NUMBER.match(text)
    if not match:
        raise PainParseError("not a number", text)
    return _checked(match.group(1))


def find_score(text: str) -> int | None:
    """A score in free text ("my pain is 4", "pain 6/10"); None if the text states none.

    Raises PainParseError when the text clearly states a score that is out of range.
    """
    match = _IN_TEXT.search(text)
    if not match:
        return None
    return _checked(match.group(1) or match.group(2))


def _checked(raw: str) -> int:
    value = float(raw.replace(",", "."))
    if not value.is_integer():
        raise PainParseError("use a whole number", raw)
    return checked_score(int(value))


def checked_score(score: int) -> int:
    """A score on the 0–10 scale, or PainParseError."""
    if not 0 <= score <= 10:
        raise PainParseError("out of range", str(score))
    return score


@dataclass(frozen=True)
class PainVerdict:
    """What a new pain report means."""

    score: int
    recent_average: float | None
    high: bool  # 7 or more
    rising: bool  # 3 or more above the recent average

    @property
    def flare(self) -> bool:
        """High or sharply rising pain: see a professional, and go gently."""
        return self.high or self.rising


def assess(score: int, recent: list[int]) -> PainVerdict:
    """Judge `score` against `recent` earlier scores (newest first, already limited in time)."""
    earlier = recent[:RECENT_REPORTS]
    average = fmean(earlier) if earlier else None
    rising = average is not None and score - average >= SHARP_RISE
    return PainVerdict(score, average, score >= HIGH_PAIN, rising)


def calm_reports_needed(current: int, verdict: PainVerdict) -> int:
    """How many calmer reports are still needed before routines stop being gentle.

    A flare resets the count to two; a calmer report (not a flare) takes one off.
    """
    if verdict.flare:
        return CALM_REPORTS_TO_SETTLE
    return max(0, current - 1)


def trend(scores: list[int]) -> str:
    """A few words on the direction of pain, from scores oldest first."""
    if len(scores) < 2:
        return "not enough reports yet for a trend"
    half = len(scores) // 2
    before, after = fmean(scores[:half]), fmean(scores[half:])
    if after <= before - 1:
        return f"easing (from about {before:.0f} to {after:.0f})"
    if after >= before + 1:
        return f"rising (from about {before:.0f} to {after:.0f})"
    return f"steady (around {after:.0f})"
