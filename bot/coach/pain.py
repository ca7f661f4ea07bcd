"""Pain on the 0–10 numeric rating scale: parsing, and what a report means for the coaching.

The rules, and why (the same reasoning, for clinicians, is in content/PAIN.md):

- A change is judged against a *settled baseline*, never against one earlier report: the median of
  the reports made in the 14 days before the latest three (a run of bad days must not become its
  own yardstick), and only when there are at least three of them (the median of three shrugs off
  one odd day). Without a settled baseline only the absolute rules apply.
- A change is meaningful when it reaches the minimal clinically important difference (MCID): the
  larger of 2 points (Childs et al. 2005, Spine 30:1331: MCID and minimal detectable change of the
  NRS in low back pain are both about 2 points, so a 1-point move is within day-to-day noise) and
  30 % of the baseline, rounded up (Farrar et al. 2001, Pain 94:149: a 30 % change is the one
  patients call "much better"). So 2 points for a baseline up to 6.5, 3 points from 7.
- A rise of the MCID or more is a *flare* only when it reaches moderate pain (5 or more, the
  bands in COACHING.md). A rise that stays mild (0 → 3) gets a light check-in, not gentle
  routines. A slow creep (3 → 4 → 5) is a flare as soon as it stands 2 points over the settled 3.
- 7 or more is high pain (the top of the moderate band and above) and always a flare. Three such
  reports within 14 days escalate to "please see your GP or a physiotherapist" (NHS inform: seek
  help if back pain is not improving after a couple of weeks of exercise), once: not again within
  28 days of the last escalation.
- A flare switches routines to gentle versions. Gentle mode ends on a settled average, not on one
  calmer report: the mean of the last three reports since the flare began below 5 and back within
  the MCID of the baseline from before the flare.
- A drop of the MCID or more below the baseline is acknowledged as a real improvement.
- The flexibility self-test (it stretches to the limit) waits while pain is high: not in gentle
  mode, nor within 3 days of a report of 7 or more.

Everything here is pure: the caller passes the time, the report history and the stored
`PainState`, and stores the state that `review` returns.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from fractions import Fraction
from statistics import fmean, median

from bot.errors import Field, InvalidInput

HIGH_PAIN = 7  # high: the top of the moderate band (5–7) and the severe band (8–10)
MODERATE_PAIN = 5  # a rise only counts as a flare once it reaches this
MCID_POINTS = 2  # Childs 2005
MCID_FRACTION = Fraction(3, 10)  # Farrar 2001
BASELINE_DAYS = 14  # the baseline window is this long ...
UNSETTLED_DAYS = 3  # ... and ends this many days before the report being judged
MIN_BASELINE_REPORTS = 3
HIGH_WINDOW_DAYS = 14  # escalate on HIGH_REPORTS_TO_ESCALATE reports of 7+ within this window
HIGH_REPORTS_TO_ESCALATE = 3
ESCALATE_AGAIN_AFTER_DAYS = 28
SETTLE_REPORTS = 3  # gentle mode ends on the mean of this many reports since the flare ...
SETTLED_BELOW = 5  # ... when it is below this and within the MCID of the pre-flare baseline
SELF_TEST_QUIET_DAYS = 3  # no self-test within this many days of a report of 7+


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


# --- the evidence-based rules -----------------------------------------------------------------


class Signal(StrEnum):
    """What a new report means, most serious first."""

    ESCALATE = "escalate"  # repeated high pain: please see a GP or physio (a flare too)
    HIGH = "high"  # 7 or more: a flare
    RISING = "rising"  # up by the MCID or more on the baseline, into moderate pain: a flare
    STILL_GENTLE = "still_gentle"  # in gentle mode, and the average has not settled yet
    SETTLED = "settled"  # this report ended gentle mode
    IMPROVED = "improved"  # down by the MCID or more on the baseline
    CHECK_IN = "check_in"  # up by the MCID or more, but still mild: a light word, nothing more
    STEADY = "steady"  # nothing to remark on (or no settled baseline yet)


FLARES = frozenset({Signal.ESCALATE, Signal.HIGH, Signal.RISING})


@dataclass(frozen=True)
class Report:
    """One earlier pain report: when (timezone-aware) and the score."""

    at: datetime
    score: int


@dataclass(frozen=True)
class PainState:
    """What the caller stores per person between reports (all None for a new person)."""

    gentle_since: datetime | None = None  # when the current flare began; None: not gentle
    flare_baseline: float | None = None  # the settled baseline just before that flare
    escalated_at: datetime | None = None  # when we last said "please see your GP or a physio"

    @property
    def gentle(self) -> bool:
        """Routines are gentle versions, and the programme holds still."""
        return self.gentle_since is not None


@dataclass(frozen=True)
class PainReview:
    """The meaning of a new report, and the state to store after it."""

    score: int
    signal: Signal
    baseline: float | None  # the settled baseline it was judged against
    state: PainState

    @property
    def flare(self) -> bool:
        """High or meaningfully rising pain: go gently."""
        return self.signal in FLARES

    @property
    def escalate(self) -> bool:
        """Say "please see your GP or a physio" now (the state already records it)."""
        return self.signal is Signal.ESCALATE


def mcid(baseline: float) -> int:
    """The smallest meaningful change from `baseline`: max(2 points, 30 % rounded up)."""
    share = Fraction(baseline).limit_denominator(100) * MCID_FRACTION
    return max(MCID_POINTS, math.ceil(share))


def settled_baseline(history: Iterable[Report], now: datetime) -> float | None:
    """The median of the reports 3 to 17 days before `now`; None with fewer than three."""
    start = now - timedelta(days=BASELINE_DAYS + UNSETTLED_DAYS)
    end = now - timedelta(days=UNSETTLED_DAYS)
    scores = [r.score for r in history if start <= r.at < end]
    if len(scores) < MIN_BASELINE_REPORTS:
        return None
    return float(median(scores))


def history_since(now: datetime, state: PainState) -> datetime:
    """How far back the caller must load reports for `review` and `self_test_allowed`."""
    earliest = now - timedelta(days=BASELINE_DAYS + UNSETTLED_DAYS)
    if state.gentle_since is not None:
        return min(earliest, state.gentle_since)
    return earliest


def review(score: int, now: datetime, history: Sequence[Report], state: PainState) -> PainReview:
    """Judge a new `score` reported at `now` against earlier reports (`history`, any order,
    not including this one) and the stored state; return the verdict and the state to store.
    """
    if not 0 <= score <= 10:
        raise ValueError(score)
    baseline = settled_baseline(history, now)
    signal = _flare(score, now, history, state, baseline)
    if signal is not None:
        new = state
        if not state.gentle:  # a second flare in a gentle spell keeps the pre-flare baseline
            new = replace(new, gentle_since=now, flare_baseline=baseline)
        if signal is Signal.ESCALATE:
            new = replace(new, escalated_at=now)
        return PainReview(score, signal, baseline, new)
    if state.gentle_since is not None:
        if _settled(score, history, state.gentle_since, state.flare_baseline):
            return PainReview(score, Signal.SETTLED, baseline, _calm(state))
        return PainReview(score, Signal.STILL_GENTLE, baseline, state)
    if baseline is not None and baseline - score >= mcid(baseline):
        return PainReview(score, Signal.IMPROVED, baseline, state)
    if baseline is not None and score - baseline >= mcid(baseline):
        return PainReview(score, Signal.CHECK_IN, baseline, state)
    return PainReview(score, Signal.STEADY, baseline, state)


def _flare(
    score: int, now: datetime, history: Sequence[Report], state: PainState, baseline: float | None
) -> Signal | None:
    if score >= HIGH_PAIN:
        since = now - timedelta(days=HIGH_WINDOW_DAYS)
        highs = 1 + sum(1 for r in history if r.at >= since and r.score >= HIGH_PAIN)
        quiet = state.escalated_at is None or now - state.escalated_at >= timedelta(
            days=ESCALATE_AGAIN_AFTER_DAYS
        )
        return Signal.ESCALATE if highs >= HIGH_REPORTS_TO_ESCALATE and quiet else Signal.HIGH
    if _rise_is_flare(score, baseline):
        return Signal.RISING
    return None


def _rise_is_flare(score: int, baseline: float | None) -> bool:
    return baseline is not None and score >= MODERATE_PAIN and score - baseline >= mcid(baseline)


def _settled(score: int, history: Sequence[Report], since: datetime, base: float | None) -> bool:
    spell = sorted((r for r in history if r.at >= since), key=lambda r: r.at)
    last = [r.score for r in spell[-(SETTLE_REPORTS - 1) :]] + [score]
    if len(last) < SETTLE_REPORTS:
        return False
    mean = fmean(last)
    if mean >= SETTLED_BELOW:
        return False
    return base is None or mean - base < mcid(base)


def _calm(state: PainState) -> PainState:
    return replace(state, gentle_since=None, flare_baseline=None)


def self_test_allowed(history: Iterable[Report], now: datetime, *, gentle: bool) -> bool:
    """The self-test reaches for the limit: not while gentle, nor within 3 days of a 7+."""
    if gentle:
        return False
    since = now - timedelta(days=SELF_TEST_QUIET_DAYS)
    return not any(r.at >= since and r.score >= HIGH_PAIN for r in history)


# Words for each signal (bot/telegram/texts.py puts them after "Recorded"). `{usual}` is the
# baseline rounded to a whole number (IMPROVED, RISING and CHECK_IN always have one).
TEXTS: dict[Signal, str] = {
    Signal.ESCALATE: (
        "That's several high scores in two weeks. Please book an appointment with your GP or a "
        "physiotherapist: pain that stays this high deserves a proper look, not just stretching. "
        "Until then your routines stay gentle, and never stretch into pain."
    ),
    Signal.HIGH: (
        "That's high. Please don't stretch into pain. If it stays this high, gets worse, or comes "
        "with numbness, tingling or weakness, see a doctor or physiotherapist. Your routines will "
        "be gentle versions until your scores settle."
    ),
    Signal.RISING: (
        "That's a clear step up from your usual (about {usual}). Go easy: your routines will be "
        "gentle versions until your scores settle back down."
    ),
    Signal.STILL_GENTLE: (
        "Thanks. Routines stay gentle until your last few scores settle back near your usual."
    ),
    Signal.SETTLED: "Your last few scores have settled: back to your usual routines.",
    Signal.IMPROVED: (
        "That's a real improvement on your usual (about {usual}). Well done: keep doing what "
        "you're doing."
    ),
    Signal.CHECK_IN: (
        "A little above your usual (about {usual}). Nothing to worry about on its own: move "
        "gently today, and tell me if it keeps climbing."
    ),
    Signal.STEADY: "",
}


def advice(verdict: PainReview) -> str:
    """The words for a review (empty for STEADY)."""
    usual = "?" if verdict.baseline is None else f"{verdict.baseline:.0f}"
    return TEXTS[verdict.signal].format(usual=usual)


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
