"""The 8-week programme: when a person moves up a week, and what their routines contain.

The week advances on effort, not the calendar alone: at least seven days in the current week and 8
sessions done in the last 14 slots (a week of mornings and evenings). While pain is flaring the
programme holds still and routines switch to gentle variants. Stretch holds follow the stage
(15 s in weeks 1–2 growing to 30 s: Bandy & Irion 1994 found 30 s holds as good as 60 s), with
reps making up about a minute per stretch (ACSM).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.coach import kit
from bot.coach.plan import Planned
from bot.content.model import GENTLE_HOLD, Card, Kind, Library, Slot

WEEKS = 8
MIN_DAYS_IN_WEEK = 7
SESSIONS_TO_ADVANCE = 8  # of the last 14 slots
SELF_TEST_EVERY_DAYS = 14
# A day counts at most this many sessions towards moving up: a morning and an evening. More on
# one day (or a "done" said three times) must not push the programme on faster than the body.
COUNTED_PER_DAY = 2


@dataclass(frozen=True)
class Advance:
    """The programme decision after a session."""

    week: int
    advanced: bool
    held_for_pain: bool


def next_week(
    week: int, week_started: date, today: date, done_last_7_days: int, *, gentle: bool
) -> Advance:
    """Move up a week when enough was done and pain is calm.

    `gentle` is `pain.PainState.gentle`: set by a flare under `pain.review` (7+, or a rise of the
    MCID over the settled baseline into moderate pain), cleared only on a settled average.
    """
    ready = (
        week < WEEKS
        and (today - week_started).days >= MIN_DAYS_IN_WEEK
        and done_last_7_days >= SESSIONS_TO_ADVANCE
    )
    if ready and gentle:
        return Advance(week, False, True)
    return Advance(week + 1 if ready else week, ready, False)


def counted_sessions(done_per_day: dict[date, int]) -> int:
    """Sessions that count towards moving up: at most `COUNTED_PER_DAY` on any one day."""
    return sum(min(count, COUNTED_PER_DAY) for count in done_per_day.values())


def routine_for_week(
    library: Library,
    slot: Slot,
    week: int,
    *,
    gentle: bool,
    have: frozenset[str] | None = None,
) -> Planned:
    """A slot's routine for programme `week`.

    Each stage names its morning (a warm-up, its stretches, its core work) and its evening (a
    slower mix of stretches and rolling), so both routines change as the weeks go by. Stretches
    take the stage's hold, with reps making up about a minute each (`Card.dose`). While pain
    flares: the routine's gentle cards at the flare dose, no core work. Only cards the person can
    do with what they `have` (`kit.fitted`: a card's substitute stands in for it).
    """
    routine = library.routine_for(slot)
    if gentle:
        cards = kit.fitted(library, routine.gentle_cards, have)
        return Planned(routine.id, routine.title, slot, cards, True, routine.intro, GENTLE_HOLD)
    stage = library.stage_for_week(week)
    cards = kit.fitted(library, stage.cards_for(slot), have)
    title = f"{routine.title} · week {week}: {stage.title.lower()}"
    return Planned(routine.id, title, slot, cards, False, routine.intro, stage.hold_seconds)


def self_test_due(last_taken: date | None, started: date, today: date) -> bool:
    """Offer a flexibility self-test every two weeks (the first after two weeks)."""
    reference = last_taken or started
    return (today - reference).days >= SELF_TEST_EVERY_DAYS


def self_test_card(library: Library, last: str | None) -> Card:
    """The self-test to offer: the one not taken last time (they alternate)."""
    tests = sorted(c for c in library.cards.values() if c.kind is Kind.SELFTEST)
    fresh = [card for card in tests if card.id != last]
    return (fresh or tests)[0]
