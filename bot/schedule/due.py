"""When is a slot next due? Pure arithmetic over zones, local times and dates.

Spring-forward gaps: a local time that does not exist that day (02:30 when clocks jump from 02:00
to 03:00) is due at the first valid moment after the gap, once. Fall-back overlaps: a local time
that happens twice is due at its first occurrence; the ledger (one row per subscriber, slot and
local date) makes the second impossible anyway.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo


def occurrence(day: date, at: time, tz: tzinfo) -> datetime:
    """The UTC instant of local `at` on `day` in `tz` (gap: the end of the gap; overlap: first)."""
    wall = datetime.combine(day, at)
    first = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if first.astimezone(tz).replace(tzinfo=None) == wall:
        return first
    # `wall` falls in a gap. The clock jumps over it somewhere between the two readings of the
    # ambiguous offset; the first minute whose wall time is past `wall` is the end of the gap.
    low = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    high = max(first, low)
    low = min(first, low)
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if middle.astimezone(tz).replace(tzinfo=None) >= wall:
            high = middle
        else:
            low = middle
    instant = high.replace(microsecond=0)
    if instant.astimezone(tz).replace(tzinfo=None) < wall:
        instant += timedelta(seconds=1)
    return instant


def local_date(instant: datetime, tz: tzinfo) -> date:
    """The calendar date at `instant` where the subscriber is."""
    return instant.astimezone(tz).date()


def next_due(
    at: time,
    tz: tzinfo,
    *,
    after: datetime,
    not_before: date | None = None,
    skip: frozenset[date] = frozenset(),
    weekdays: frozenset[int] | None = None,
) -> tuple[datetime, date]:
    """The first occurrence of local `at` strictly after `after`, on a local date no earlier than
    `not_before`, not in `skip` (dates already delivered) and on one of `weekdays` (all when
    None). Returns (UTC instant, local date)."""
    day = local_date(after, tz)
    if not_before is not None and not_before > day:
        day = not_before
    for _ in range(400):
        if day not in skip and (weekdays is None or day.weekday() in weekdays):
            instant = occurrence(day, at, tz)
            if instant > after:
                return instant, day
        day += timedelta(days=1)
    raise ValueError("no occurrence within a year")  # unreachable for real zones


def break_label(instant: datetime, tz: tzinfo) -> str:
    """The ledger slot of a desk break: `break@HH:MM`, the local wall time it is due at."""
    return f"break@{instant.astimezone(tz):%H:%M}"


def day_breaks(day: date, times: tuple[time, ...], tz: tzinfo) -> list[datetime]:
    """The UTC instants of a day's desk breaks, in order, each once (gap times merge)."""
    instants: list[datetime] = []
    for at in times:
        instant = occurrence(day, at, tz)
        if not instants or instant > instants[-1]:
            instants.append(instant)
    return instants


def next_break(
    times: tuple[time, ...],
    tz: tzinfo,
    *,
    after: datetime,
    weekdays: frozenset[int],
    not_before: date | None = None,
    skip: frozenset[tuple[date, str]] = frozenset(),
) -> tuple[datetime, date] | None:
    """The next desk break strictly after `after` on a chosen weekday, not already in the ledger
    (`skip`: (local date, label) pairs). Returns (UTC instant, local date); None if none."""
    if not times or not weekdays:
        return None
    day = local_date(after, tz)
    if not_before is not None and not_before > day:
        day = not_before
    for _ in range(15):
        if day.weekday() in weekdays:
            for instant in day_breaks(day, times, tz):
                if instant > after and (day, break_label(instant, tz)) not in skip:
                    return instant, day
        day += timedelta(days=1)
    return None
