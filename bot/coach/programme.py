"""The 8-week programme: when a person moves up a week, and what their routines contain.

The week advances on effort, not the calendar alone: at least seven days in the current week and 8
sessions done in the last 14 slots (a week of mornings and evenings). While pain is flaring the
programme holds still and routines switch to gentle variants. Stretch holds follow the stage (15 s
in weeks 1–2 growing to 30 s in weeks 7–8: Bandy & Irion 1994 found 30 s holds as good as 60 s).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.content.model import Card, Kind, Library, Slot

WEEKS = 8
MIN_DAYS_IN_WEEK = 7
SESSIONS_TO_ADVANCE = 8  # of the last 14 slots
SELF_TEST_EVERY_DAYS = 14


@dataclass(frozen=True)
class Advance:
    """The programme decision after a session."""

    week: int
    advanced: bool
    held_for_pain: bool


def next_week(
    week: int, week_started: date, today: date, done_last_7_days: int, *, gentle: bool
) -> Advance:
    """Move up a week when enough was done and pain is calm."""
    ready = (
        week < WEEKS
        and (today - week_started).days >= MIN_DAYS_IN_WEEK
        and done_last_7_days >= SESSIONS_TO_ADVANCE
    )
    if ready and gentle:
        return Advance(week, False, True)
    return Advance(week + 1 if ready else week, ready, False)


@dataclass(frozen=True)
class ProgrammeRoutine:
    """The cards of a slot's routine in a given week, and the stage's stretch hold."""

    routine_id: str
    title: str
    cards: tuple[Card, ...]
    hold_seconds: int | None
    gentle: bool
    intro: str


def routine_for_week(library: Library, slot: Slot, week: int, *, gentle: bool) -> ProgrammeRoutine:
    """A slot's routine for programme `week`.

    Mornings open with the routine's first card (a warm-up), then the stage's stretches and its
    core exercises; evenings stay relaxing (the evening routine) with the stage's hold length.
    While pain flares: the gentle cards only, no core work, the shortest holds.
    """
    routine = library.routine_for(slot)
    stage = library.stage_for_week(week)
    if gentle:
        cards = tuple(library.cards[c] for c in routine.gentle_cards)
        return ProgrammeRoutine(
            routine.id, routine.title, cards, library.stages[0].hold_seconds, True, routine.intro
        )
    if slot is Slot.MORNING:
        ids = [routine.cards[0], *stage.stretches, *stage.core]
        unique = tuple(dict.fromkeys(ids))
        cards = tuple(library.cards[c] for c in unique)
        title = f"{routine.title} · week {week}: {stage.title.lower()}"
        return ProgrammeRoutine(routine.id, title, cards, stage.hold_seconds, False, routine.intro)
    cards = tuple(library.cards[c] for c in routine.cards)
    return ProgrammeRoutine(
        routine.id, routine.title, cards, stage.hold_seconds, False, routine.intro
    )


def minutes(cards: tuple[Card, ...], hold_seconds: int | None) -> int:
    """Estimated minutes of a routine, at least one."""
    return max(1, round(sum(card.seconds(hold_seconds) for card in cards) / 60))


def self_test_due(last_taken: date | None, started: date, today: date) -> bool:
    """Offer a flexibility self-test every two weeks (the first after two weeks)."""
    reference = last_taken or started
    return (today - reference).days >= SELF_TEST_EVERY_DAYS


def self_test_card(library: Library, last: str | None) -> Card:
    """The self-test to offer: the one not taken last time (they alternate)."""
    tests = sorted(c for c in library.cards.values() if c.kind is Kind.SELFTEST)
    fresh = [card for card in tests if card.id != last]
    return (fresh or tests)[0]
