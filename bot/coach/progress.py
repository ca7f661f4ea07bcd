"""Streaks and weekly counts from the days on which a session was done.

A day counts when at least one session was done. The streak forgives one missed day in any seven,
so a rest day does not wipe out weeks of work; two misses within a week (or two in a row) end it.
Frozen days (inside a /pause, or on a weekday the person did not choose with /days) are passed
over: not doing a session on one is no miss, and it adds nothing; a session done on one still
counts, as any day done does.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

FORGIVEN_WINDOW = 7
MILESTONES = (3, 7, 14, 30, 56)


def streak(done_days: Iterable[date], today: date, frozen: frozenset[date] = frozenset()) -> int:
    """Days done in the current streak, counting back from today (today may still be to come);
    `frozen` days that were not done neither break nor extend it."""
    days = set(done_days)
    if not days:
        return 0
    earliest = min(days)
    count = 0
    last_miss: date | None = None
    day = today
    if day not in days:
        day -= timedelta(days=1)  # today is not over yet: not doing it so far is no miss
    while day >= earliest:
        if day in days:
            count += 1
        elif day in frozen:
            pass
        else:
            if last_miss is not None and (last_miss - day).days < FORGIVEN_WINDOW:
                break
            last_miss = day
        day -= timedelta(days=1)
    return count


def milestone_reached(before: int, after: int) -> int | None:
    """The milestone crossed when a streak went from `before` to `after`, if any."""
    crossed = [m for m in MILESTONES if before < m <= after]
    return crossed[-1] if crossed else None


def week_start(today: date) -> date:
    """Monday of the week `today` is in."""
    return today - timedelta(days=today.weekday())


def sessions_this_week(done_days_with_counts: dict[date, int], today: date) -> int:
    """Sessions done since Monday."""
    start = week_start(today)
    return sum(n for day, n in done_days_with_counts.items() if start <= day <= today)
