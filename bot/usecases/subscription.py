"""Subscription and settings: /start, /stop, zone, times, pause and resume, and the profile."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.coach import inputs, kit, week
from bot.coach.clock import guess_zone, parse_time, parse_zone, zone
from bot.content.model import Slot
from bot.errors import Field, Stale, StaleButton
from bot.schedule import kinds, slots
from bot.store import repo
from bot.store.models import Pause, Subscriber
from bot.usecases.base import PAIN_ANSWER_WINDOW, UseCase, local_date


@dataclass(frozen=True)
class Profile:
    """A subscriber's settings as the bot shows them."""

    chat_id: int
    timezone: str
    morning: time | None
    evening: time | None
    active: bool
    paused_until: date | None
    programme_week: int
    gentle: bool
    local_now: datetime
    days: int = week.EVERY_DAY  # weekday bit mask (bot.coach.week)
    breaks: week.Breaks | None = None
    summary: week.SummaryAt | None = week.DEFAULT_SUMMARY

    equipment: frozenset[str] = frozenset()  # what they have at hand (`kit.of`)
    kit_answered: bool = False  # False: never asked or skipped (chair and floor assumed)
    place: str | None = None  # a `kit.Place`

    @property
    def summary_time(self) -> time | None:
        """When the weekly summary comes (None: it is off)."""
        return week.summary_time(self.summary, self.evening) if self.summary else None

    @classmethod
    def of(cls, sub: Subscriber, now: datetime) -> Profile:
        """Snapshot of a row at `now`."""
        local = now.astimezone(zone(sub.timezone))
        paused = sub.paused_until if sub.paused_until and sub.paused_until > local.date() else None
        return cls(
            sub.chat_id,
            sub.timezone,
            sub.morning,
            sub.evening,
            sub.active,
            paused,
            sub.programme_week,
            sub.gentle,
            local,
            sub.days,
            kinds.breaks_of(sub),
            kinds.summary_of(sub),
            kit.of(sub.equipment),
            sub.equipment is not None,
            sub.place,
        )


class Subscriptions(UseCase):
    """Subscribing and changing settings."""

    async def start(
        self,
        chat_id: int,
        user_id: int,
        first_name: str | None,
        language: str | None,
        now: datetime,
    ) -> tuple[Profile, bool]:
        """Subscribe (idempotent); True when the chat is new to us."""
        async with self.db.session() as s:
            sub = await repo.subscriber(s, chat_id)
            new = sub is None
            if sub is None:
                sub = Subscriber(
                    chat_id=chat_id,
                    user_id=user_id,
                    first_name=(first_name or "")[:64] or None,
                    timezone=guess_zone(language, self.default_zone),
                    morning=self.default_morning,
                    evening=self.default_evening,
                    active=True,
                    programme_week=1,
                    desk_cursor=0,
                    created_at=now,
                    updated_at=now,
                )
                s.add(sub)
            else:
                sub.active = True
                sub.updated_at = now
            await s.flush()
            await slots.reschedule(s, sub, now)
            return Profile.of(sub, now), new

    async def ask_kit(self, chat_id: int, message_id: int) -> int:
        """The "what do you have?" question is on `message_id` (only its buttons count from
        now on); the selection mask its buttons start from."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            sub.kit_message_id = message_id
            return kit.mask_of(kit.of(sub.equipment)) if sub.equipment is not None else 0

    async def _kit_question(self, s: AsyncSession, chat_id: int, message_id: int) -> Subscriber:
        """The subscriber, if `message_id` holds their live question; else the button is old."""
        sub = await self._subscriber(s, chat_id)
        if sub.kit_message_id != message_id:
            raise StaleButton(Stale.MOVED_ON)
        return sub

    async def check_kit_question(self, chat_id: int, message_id: int) -> None:
        """A toggle on the question: refused unless it is the live one."""
        async with self.db.session() as s:
            await self._kit_question(s, chat_id, message_id)

    async def set_kit(self, chat_id: int, message_id: int, mask: int, now: datetime) -> Profile:
        """Done on the question: store what they have (the question stays live for "where")."""
        async with self.db.session() as s:
            sub = await self._kit_question(s, chat_id, message_id)
            sub.equipment = kit.stored(kit.equipment(kit.chosen(mask)))
            sub.updated_at = now
            return Profile.of(sub, now)

    async def set_place(
        self, chat_id: int, message_id: int, place: kit.Place | None, now: datetime
    ) -> Profile:
        """Where they stretch (None: skipped); the question is answered and closes."""
        async with self.db.session() as s:
            sub = await self._kit_question(s, chat_id, message_id)
            if place is not None:
                sub.place = place.value
            sub.kit_message_id = None
            sub.updated_at = now
            return Profile.of(sub, now)

    async def ask_pain(self, chat_id: int, now: datetime) -> None:
        """The bot asked for a pain score: a bare number is the answer for a while."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            sub.awaiting_pain_until = now + PAIN_ANSWER_WINDOW

    async def awaiting_pain(self, chat_id: int, now: datetime) -> bool:
        """The bot asked for a pain score and has not had it yet."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            until = sub.awaiting_pain_until
            return until is not None and until > now

    async def profile(self, chat_id: int, now: datetime) -> Profile:
        """Current settings; NotSubscribed if unknown."""
        async with self.db.session() as s:
            return Profile.of(await self._subscriber(s, chat_id), now)

    async def _change(
        self, chat_id: int, now: datetime, apply: Callable[[Subscriber], None]
    ) -> Profile:
        """One settings change: apply it, then recompute when each slot is next due."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            apply(sub)
            sub.updated_at = now
            await s.flush()
            await slots.reschedule(s, sub, now)
            return Profile.of(sub, now)

    async def stop(self, chat_id: int, now: datetime) -> Profile:
        """Stop scheduled routines; history stays."""

        def stop(sub: Subscriber) -> None:
            sub.active = False

        return await self._change(chat_id, now, stop)

    async def set_zone(self, chat_id: int, given: str, now: datetime) -> Profile:
        """Change the time zone (a name, a city or an offset; ZoneParseError if unknown)."""
        name = parse_zone(given)

        def move(sub: Subscriber) -> None:
            sub.timezone = name

        return await self._change(chat_id, now, move)

    async def set_time(
        self, chat_id: int, slot: Slot, given: time | str | None, now: datetime
    ) -> Profile:
        """Set or turn off (`off`, None) the morning or evening slot; TimeParseError if the
        text is not a time."""
        value = parse_time(given, Field(slot.value)) if isinstance(given, str) else given
        if slot not in (Slot.MORNING, Slot.EVENING):
            raise AssertionError(slot)  # only morning and evening have a time

        def retime(sub: Subscriber) -> None:
            if slot is Slot.MORNING:
                sub.morning = value
            else:
                sub.evening = value

        return await self._change(chat_id, now, retime)

    async def pause(self, chat_id: int, given: int | str, now: datetime) -> Profile:
        """No routines for 1–90 days, starting today (kept as a pause: its days freeze the
        streak)."""
        days = inputs.pause_days(given)
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            today = local_date(sub, now)
            sub.paused_until = today + timedelta(days=days)
            await repo.end_pauses(s, chat_id, today)
            s.add(Pause(chat_id=chat_id, starts_on=today, ends_on=sub.paused_until))
            sub.updated_at = now
            await s.flush()
            await slots.reschedule(s, sub, now)
            return Profile.of(sub, now)

    async def resume(self, chat_id: int, now: datetime) -> Profile:
        """End a pause (and a stop)."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            await repo.end_pauses(s, chat_id, local_date(sub, now))

        def resume(sub: Subscriber) -> None:
            sub.paused_until = None
            sub.active = True

        return await self._change(chat_id, now, resume)
