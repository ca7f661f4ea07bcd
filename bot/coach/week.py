"""A working week: which days routines come, desk breaks through the work hours, the weekly
summary's day and time. Parsing what people type, and the pure rules over it.

Days are stored as a bit mask over Python's weekday numbers (Monday 0 … Sunday 6): 127 is every
day, 31 is Monday to Friday. No telegram, no sqlalchemy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from bot.coach.clock import parse_time
from bot.errors import Field, InvalidInput

EVERY_DAY = 0b1111111
WEEKDAYS = 0b0011111
DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SHORT = tuple(name[:3] for name in DAY_NAMES)
BREAK_EVERY = (30, 240)  # minutes between desk breaks, inclusive
RECENT_STRETCH = timedelta(minutes=30)  # a desk break is skipped after a stretch this recent


class Kind(StrEnum):
    """The slot types the schedule holds, one row each per subscriber that has it on."""

    MORNING = "morning"
    EVENING = "evening"
    BREAK = "break"  # the next desk break; its ledger rows are `break@HH:MM`
    SUMMARY = "summary"  # the weekly summary


KINDS_SHOWN = (Kind.MORNING, Kind.EVENING, Kind.BREAK, Kind.SUMMARY)


def kind_of(ledger_slot: str) -> Kind:
    """The slot type of a ledger row's slot (`break@09:00` is a break)."""
    return Kind(ledger_slot.split("@", 1)[0])


def mask_of(days: Iterable[int]) -> int:
    """The bit mask of a set of weekday numbers."""
    mask = 0
    for day in days:
        mask |= 1 << day
    return mask


def weekdays_of(mask: int) -> frozenset[int]:
    """The weekday numbers a mask holds."""
    return frozenset(day for day in range(7) if mask >> day & 1)


def _day_number(word: str) -> int:
    word = word.strip().lower().rstrip(".")
    for number, name in enumerate(DAY_NAMES):
        # "mon", "monday", also "tues" and "thurs"
        if len(word) >= 3 and name.startswith(word):
            return number
    raise ValueError(word)


def parse_days(given: str) -> int:
    """`weekdays`, `every day`, `weekends`, `mon,wed,fri`, `mon-fri`, full names, any case."""
    text = " ".join(given.lower().split())
    if text in ("every day", "everyday", "daily", "all", "every"):
        return EVERY_DAY
    if text in ("weekdays", "weekday", "work days", "workdays"):
        return WEEKDAYS
    if text in ("weekends", "weekend"):
        return EVERY_DAY & ~WEEKDAYS
    days: set[int] = set()
    try:
        for part in re.split(r"[,\s]+", text):
            if not part:
                continue
            if "-" in part:
                first, last = (_day_number(p) for p in part.split("-", 1))
                span = (last - first) % 7
                days.update((first + i) % 7 for i in range(span + 1))
            else:
                days.add(_day_number(part))
    except ValueError:
        raise InvalidInput(Field.DAYS, given) from None
    if not days:
        raise InvalidInput(Field.DAYS, given)
    return mask_of(days)


def describe_days(mask: int) -> str:
    """`every day`, `weekdays`, or `Mon, Wed, Fri`."""
    if mask == EVERY_DAY:
        return "every day"
    if mask == WEEKDAYS:
        return "weekdays"
    if mask == EVERY_DAY & ~WEEKDAYS:
        return "weekends"
    return ", ".join(SHORT[day].title() for day in sorted(weekdays_of(mask)))


@dataclass(frozen=True)
class Breaks:
    """Desk breaks from `start` every `every` minutes while before `end`, one local day."""

    start: time
    end: time
    every: int

    def times(self) -> tuple[time, ...]:
        """The local times of the day's breaks: the window's start, then every N minutes."""
        first = self.start.hour * 60 + self.start.minute
        last = self.end.hour * 60 + self.end.minute
        return tuple(time(m // 60, m % 60) for m in range(first, last, self.every))


_BREAKS = re.compile(r"^(\S+?)\s*(?:-|–|to)\s*(\S+?)(?:\s+every\s+(\S+?)(?:\s*min\w*)?)?$")


def parse_breaks(given: str) -> Breaks | None:
    """`09:00-17:30 every 60` (minutes 30–240, the window inside one day) or `off` (None)."""
    text = " ".join(given.lower().split())
    if text in ("off", "none", "stop", "no"):
        return None
    found = _BREAKS.match(text)
    if found is None:
        raise InvalidInput(Field.BREAKS, given)
    try:
        start = parse_time(found.group(1))
        end = parse_time(found.group(2))
        every = int(found.group(3) or 60)
    except (InvalidInput, ValueError):
        raise InvalidInput(Field.BREAKS, given) from None
    if start is None or end is None:
        raise InvalidInput(Field.BREAKS, given)
    if end <= start:
        raise InvalidInput(Field.BREAKS, given, "window")
    low, high = BREAK_EVERY
    if not low <= every <= high:
        raise InvalidInput(Field.BREAKS, given, "every")
    return Breaks(start, end, every)


@dataclass(frozen=True)
class SummaryAt:
    """The weekly summary's weekday (Monday 0) and local time (None: the evening routine's)."""

    weekday: int
    at: time | None


DEFAULT_SUMMARY = SummaryAt(6, None)  # Sunday, at the evening routine's time
FALLBACK_SUMMARY_TIME = time(18, 0)  # when the evening routine is off


def parse_summary(given: str) -> SummaryAt | None:
    """`sunday 18:00`, `sun`, `on` (Sunday at the evening time) or `off` (None)."""
    words = given.lower().split()
    if words in (["off"], ["no"], ["stop"]):
        return None
    if words in (["on"], ["yes"]):
        return DEFAULT_SUMMARY
    if not 1 <= len(words) <= 2:
        raise InvalidInput(Field.SUMMARY, given)
    try:
        weekday = _day_number(words[0])
        at = parse_time(words[1]) if len(words) == 2 else None
    except (ValueError, InvalidInput):
        raise InvalidInput(Field.SUMMARY, given) from None
    return SummaryAt(weekday, at)


def summary_time(summary: SummaryAt, evening: time | None) -> time:
    """When the summary comes: its own time, else the evening routine's, else 18:00."""
    return summary.at or evening or FALLBACK_SUMMARY_TIME


def frozen_days(
    pauses: Iterable[tuple[date, date]], mask: int, since: date, until: date
) -> frozenset[date]:
    """Days from `since` to `until` that neither break nor extend a streak: inside a pause
    (`start` inclusive, `end` exclusive) or on a weekday not chosen."""
    chosen = weekdays_of(mask)
    days: set[date] = set()
    day = since
    while day <= until:
        if day.weekday() not in chosen:
            days.add(day)
        day += timedelta(days=1)
    for start, end in pauses:
        day = max(start, since)
        while day < end and day <= until:
            days.add(day)
            day += timedelta(days=1)
    return frozenset(days)


def stretched_recently(last_stretch: datetime | None, now: datetime) -> bool:
    """A desk break is not needed when the person stretched in the last half hour."""
    return last_stretch is not None and timedelta(0) <= now - last_stretch < RECENT_STRETCH
