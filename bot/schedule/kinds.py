"""The slot types in the one schedule table (morning and evening routines, desk breaks, the weekly
summary): whether a subscriber has each on, when it is next due, what its ledger row is called, and
whether it is still worth sending when its minute comes.

Every type goes through the same claim in `slots.py` and the same ledger: a desk break is one more
row in `schedule`, not a second scheduler.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from bot.coach import plan, week
from bot.coach.week import Kind
from bot.schedule.due import break_label, next_break, next_due
from bot.store.models import Subscriber

KINDS = (Kind.MORNING, Kind.EVENING, Kind.BREAK, Kind.SUMMARY)
ROUTINES = (Kind.MORNING, Kind.EVENING)
# A routine this late is still worth sending; a desk break is not (the next one is near).
GRACE = {Kind.BREAK: timedelta(minutes=20)}
ROUTINE_GRACE = timedelta(hours=2)


def breaks_of(sub: Subscriber) -> week.Breaks | None:
    """A subscriber's desk-break setting, or None when off."""
    if sub.break_start is None or sub.break_end is None or not sub.break_every:
        return None
    return week.Breaks(sub.break_start, sub.break_end, sub.break_every)


def summary_of(sub: Subscriber) -> week.SummaryAt | None:
    """A subscriber's weekly-summary setting, or None when off."""
    if sub.summary_weekday is None:
        return None
    return week.SummaryAt(sub.summary_weekday, sub.summary_at)


def is_on(sub: Subscriber, kind: Kind) -> bool:
    """Whether the subscriber has this slot type on at all."""
    if kind in ROUTINES:
        return (sub.morning if kind is Kind.MORNING else sub.evening) is not None
    if kind is Kind.BREAK:
        return breaks_of(sub) is not None
    return summary_of(sub) is not None


def next_for(
    sub: Subscriber,
    kind: Kind,
    tz: tzinfo,
    *,
    after: datetime,
    not_before: date | None = None,
    delivered: Iterable[tuple[str, date]] = (),
) -> tuple[datetime, date] | None:
    """When this slot type is next due for the subscriber (None: never, it is off).

    `delivered` holds the ledger's (slot, local date) rows already written: none comes twice.
    """
    weekdays = week.weekdays_of(sub.days)
    if kind in ROUTINES:
        at = sub.morning if kind is Kind.MORNING else sub.evening
        if at is None:
            return None
        skip = frozenset(day for slot, day in delivered if slot == kind)
        return next_due(at, tz, after=after, not_before=not_before, skip=skip, weekdays=weekdays)
    if kind is Kind.BREAK:
        breaks = breaks_of(sub)
        if breaks is None:
            return None
        taken = frozenset((day, slot) for slot, day in delivered if week.kind_of(slot) is kind)
        return next_break(
            breaks.times(), tz, after=after, weekdays=weekdays, not_before=not_before, skip=taken
        )
    summary = summary_of(sub)
    if summary is None:
        return None
    at = week.summary_time(summary, sub.evening)
    skip = frozenset(day for slot, day in delivered if slot == kind)
    return next_due(
        at, tz, after=after, not_before=not_before, skip=skip,
        weekdays=frozenset({summary.weekday}),
    )  # fmt: skip


def ledger_slot(kind: Kind, due_at: datetime, tz: tzinfo) -> str:
    """The ledger's slot for a delivery: the type, or `break@HH:MM` for each break of a day."""
    return break_label(due_at, tz) if kind is Kind.BREAK else kind.value


def grace(kind: Kind) -> timedelta:
    """How late a slot may still go out."""
    return GRACE.get(kind, ROUTINE_GRACE)


@dataclass(frozen=True)
class Trace:
    """A recent session of a subscriber, as the skip-when-done rule sees it."""

    slot: str  # sessions.slot: morning, evening, desk, self
    source: str  # sessions.source
    local_date: date
    started_at: datetime | None
    done_at: datetime | None


def work_done(kind: Kind, day: date, now: datetime, tz: tzinfo, sessions: Sequence[Trace]) -> bool:
    """The person already did this: a routine slot's routine that local day (through /now, or a
    session of their own logged at that time of day); for a desk break, any stretch in the last
    half hour."""
    if kind is Kind.BREAK:
        latest = max(
            (at for s in sessions for at in (s.started_at, s.done_at) if at is not None),
            default=None,
        )
        return week.stretched_recently(latest, now)
    if kind not in ROUTINES:
        return False
    for s in sessions:
        if s.local_date != day or s.source == plan.Source.SCHEDULED:
            continue
        if s.source == plan.Source.NOW and s.slot == kind and s.started_at is not None:
            return True
        if s.source == plan.Source.OWN and s.done_at is not None:
            own = plan.slot_for(s.done_at.astimezone(tz).time())
            if own.value == kind.value:
                return True
    return False
