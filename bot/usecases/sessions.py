"""Sessions: starting a routine or desk stretch, and a card's Start, Skip and end of timer."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.coach import plan, programme
from bot.coach.clock import zone
from bot.content.model import AUTO_START_REST, Slot
from bot.errors import Stale, StaleButton
from bot.store import repo
from bot.store.models import StretchSession, Subscriber
from bot.usecases.base import Running, UseCase, local_date

# A timer that has not reported back this long after it should have ended died with its process.
HOLD_SLACK = timedelta(seconds=30)


class Sessions(UseCase):
    """Running sessions card by card."""

    async def begin_routine(
        self, chat_id: int, slot: Slot | None, source: str, now: datetime
    ) -> Running:
        """Start a slot's routine now (`slot=None`: the one that fits the local time of day)."""
        async with self.db.session() as s:
            sub = await self._served(s, chat_id)
            local = now.astimezone(zone(sub.timezone))
            chosen = slot or plan.slot_for(local.time())
            planned = self.plan_routine(sub, chosen)
            row = self._new_session(sub, planned, source, now)
            s.add(row)
            await s.flush()
            return Running(row.id, planned, 0, planned.cards[0] if planned.cards else None)

    def plan_routine(self, sub: Subscriber, slot: Slot) -> plan.Planned:
        """A slot's routine for this person's programme week (gentle while pain flares)."""
        week = programme.routine_for_week(
            self.library, slot, sub.programme_week, gentle=sub.gentle
        )
        return week

    async def begin_desk(self, chat_id: int, now: datetime) -> Running:
        """The next desk stretch in this person's rotation."""
        async with self.db.session() as s:
            sub = await self._served(s, chat_id)
            planned, sub.desk_cursor = plan.desk_stretch(
                self.library, sub.desk_cursor, gentle=sub.gentle
            )
            row = self._new_session(sub, planned, "desk", now)
            s.add(row)
            await s.flush()
            return Running(row.id, planned, 0, planned.cards[0] if planned.cards else None)

    def _new_session(
        self, sub: Subscriber, planned: plan.Planned, source: str, now: datetime
    ) -> StretchSession:
        return StretchSession(
            chat_id=sub.chat_id,
            slot=planned.slot.value,
            routine_id=planned.routine_id,
            source=source,
            card_ids=[card.id for card in planned.cards],
            gentle=planned.gentle,
            hold_seconds=planned.hold_seconds,
            card_index=0,
            local_date=local_date(sub, now),
            delivered_at=now,
            started_at=now if source != plan.Source.SCHEDULED else None,
        )

    async def _current(
        self,
        s: AsyncSession,
        chat_id: int,
        session_id: int,
        card_index: int,
        *,
        lock: bool = False,
    ) -> StretchSession:
        row = await repo.session_by_id(s, chat_id, session_id, lock=lock)
        if row is None or card_index >= len(row.card_ids):
            raise StaleButton(Stale.UNKNOWN)
        if row.done_at is not None:
            raise StaleButton(Stale.FINISHED)
        latest = await repo.latest_session(s, chat_id)
        if latest is not None and latest.id != row.id:
            raise StaleButton(Stale.MOVED_ON)
        if row.card_index != card_index:
            raise StaleButton(Stale.MOVED_ON)
        return row

    async def hold_card(
        self,
        chat_id: int,
        session_id: int,
        card_index: int,
        now: datetime,
        *,
        timer_message: int | None = None,
        time_scale: float = 1.0,
    ) -> Running:
        """A card's Start (with `timer_message`, the message the timer runs on) or Skip button.

        The running timer is recorded on the session, so a second tap that lands on another
        replica is refused as surely as one on this replica.
        """
        async with self.db.session() as s:
            row = await self._current(s, chat_id, session_id, card_index, lock=True)
            if row.hold_until is not None and row.hold_until > now:
                raise StaleButton(Stale.HOLDING)
            row.started_at = row.started_at or now
            running = self._running(row)
            if timer_message is not None and running.card is not None:
                # The longest the timer can run untouched: every rest until it starts by itself.
                seconds = running.card.timed_seconds(row.hold_seconds, AUTO_START_REST)
                row.hold_message_id = timer_message
                row.hold_until = now + timedelta(seconds=seconds * time_scale) + HOLD_SLACK
            return running

    async def move_hold(
        self, chat_id: int, session_id: int, seconds: float, now: datetime, time_scale: float = 1.0
    ) -> None:
        """A running timer was paused, resumed or lengthened: it now ends `seconds` from now (a
        paused one is given a grace period), so another replica's tick knows when it died."""
        async with self.db.session() as s:
            row = await repo.session_by_id(s, chat_id, session_id)
            if row is not None and row.hold_message_id is not None:
                row.hold_until = now + timedelta(seconds=seconds * time_scale) + HOLD_SLACK

    async def release_hold(self, chat_id: int, session_id: int) -> None:
        """The timer of a session ended (however it ended)."""
        async with self.db.session() as s:
            row = await repo.session_by_id(s, chat_id, session_id)
            if row is not None:
                row.hold_until = row.hold_message_id = None

    async def finish_card(
        self, chat_id: int, session_id: int, card_index: int, now: datetime
    ) -> Running:
        """A card's holds are over: move the session to its next card."""
        async with self.db.session() as s:
            row = await self._current(s, chat_id, session_id, card_index)
            row.card_index = card_index + 1
            row.hold_until = row.hold_message_id = None
            return self._running(row)
