"""A working week: /days, /breaks and /summary, the weekly summary's numbers, and the days that
freeze a streak (pauses and days not chosen)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.coach import progress, week
from bot.store import repo
from bot.store.models import Subscriber
from bot.usecases.base import local_date
from bot.usecases.subscription import Profile, Subscriptions

SUMMARY_DAYS = 7


async def frozen_days(
    s: AsyncSession, sub: Subscriber, since: date, today: date, *, pauses_only: bool = False
) -> frozenset[date]:
    """Days from `since` to `today` that neither break nor extend the streak (with
    `pauses_only`, just the days inside a pause)."""
    pauses = [(p.starts_on, p.ends_on) for p in await repo.pauses(s, sub.chat_id, since)]
    return week.frozen_days(pauses, week.EVERY_DAY if pauses_only else sub.days, since, today)


@dataclass(frozen=True)
class WeeklySummary:
    """The numbers of the weekly summary: the seven local days up to `today`."""

    today: date
    sessions: int  # sessions done in the week
    days_stretched: int
    pain_then: int | None  # the latest report before the week (else its first one)
    pain_now: int | None  # the latest report of the week
    streak: int
    programme_week: int
    days_off: int  # days of the week inside a pause or not chosen with /days


class WorkingWeek(Subscriptions):
    """Chosen days, desk breaks and the weekly summary."""

    async def set_days(self, chat_id: int, given: str, now: datetime) -> Profile:
        """`/days weekdays`, `/days mon,wed,fri`, `/days every day` (InvalidInput otherwise)."""
        mask = week.parse_days(given)

        def choose(sub: Subscriber) -> None:
            sub.days = mask

        return await self._change(chat_id, now, choose)

    async def set_breaks(self, chat_id: int, given: str, now: datetime) -> Profile:
        """`/breaks 09:00-17:30 every 60` or `/breaks off` (InvalidInput otherwise)."""
        breaks = week.parse_breaks(given)

        def choose(sub: Subscriber) -> None:
            sub.break_start = breaks.start if breaks else None
            sub.break_end = breaks.end if breaks else None
            sub.break_every = breaks.every if breaks else None

        return await self._change(chat_id, now, choose)

    async def set_summary(self, chat_id: int, given: str, now: datetime) -> Profile:
        """`/summary sunday 18:00`, `/summary on` or `/summary off` (InvalidInput otherwise)."""
        summary = week.parse_summary(given)

        def choose(sub: Subscriber) -> None:
            sub.summary_weekday = summary.weekday if summary else None
            sub.summary_at = summary.at if summary else None

        return await self._change(chat_id, now, choose)

    async def weekly_summary(self, chat_id: int, now: datetime) -> WeeklySummary:
        """What the weekly summary says, for the week up to today where the person is."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            today = local_date(sub, now)
            start = today - timedelta(days=SUMMARY_DAYS - 1)
            history = await repo.done_days(s, chat_id, today - timedelta(days=120))
            done = {day: n for day, n in history.items() if start <= day <= today}
            frozen = await frozen_days(s, sub, today - timedelta(days=120), today)
            reports = list(reversed(await repo.pain_scores(s, chat_id, now - timedelta(days=60))))
            before = [r for r in reports if r.local_date < start]
            within = [r for r in reports if r.local_date >= start]
            then = before[-1] if before else (within[0] if within else None)
            return WeeklySummary(
                today=today,
                sessions=sum(done.values()),
                days_stretched=len(done),
                pain_then=then.score if then is not None else None,
                pain_now=within[-1].score if within else None,
                streak=progress.streak(history, today, frozen),
                programme_week=sub.programme_week,
                days_off=len([d for d in frozen if d >= start]),
            )
