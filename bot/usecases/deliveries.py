"""Scheduled deliveries: the Start, Snooze and Skip buttons under a routine the tick sent, and
noting that the person answered (slots held back for not nagging start again; routines stopped
because Telegram could not reach them turned back on)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.errors import Stale, StaleButton
from bot.schedule import slots
from bot.schedule.retries import reachable_again
from bot.store import repo
from bot.usecases.base import Running, UseCase

# After finding nothing held for a chat, skip the check for this long: most updates come from
# chats with nothing held, and the check was a database transaction on every update. A hold set
# meanwhile (by the tick, on any replica) is released at the first answer after this.
NOTHING_HELD_FOR = timedelta(seconds=60)


@dataclass(frozen=True)
class Answered:
    """What a person's message or tap changed."""

    released: bool  # slots held back for not nagging are due again
    back: bool  # routines had stopped because messages could not reach them; on again now


class Deliveries(UseCase):
    """Answers to scheduled routines."""

    async def open_delivered(self, chat_id: int, session_id: int, now: datetime) -> Running:
        """Start on a delivered routine (its Start button); refused on a safety hold."""
        async with self.db.session() as s:
            await self._served(s, chat_id)
            row = await repo.session_by_id(s, chat_id, session_id)
            if row is None:
                raise StaleButton(Stale.UNKNOWN)
            if row.done_at is not None:
                raise StaleButton(Stale.FINISHED)
            if row.started_at is not None or row.skipped_at is not None:
                raise StaleButton(Stale.MOVED_ON)
            row.started_at = now
            # Newest first: a delivered routine the person opens becomes their current session.
            row.delivered_at = now
            await slots.release_holds(s, chat_id, now)
            return self._running(row)

    async def snooze_delivered(self, chat_id: int, session_id: int, now: datetime) -> None:
        """Snooze a delivered routine for 30 minutes, once."""
        async with self.db.session() as s:
            row = await repo.session_by_id(s, chat_id, session_id)
            if row is None:  # not this chat's (forged) or forgotten
                raise StaleButton(Stale.UNKNOWN)
            if row.started_at is not None or row.done_at is not None:
                raise StaleButton(Stale.SNOOZED)
            if not await slots.snooze(s, chat_id, session_id, now):
                raise StaleButton(Stale.SNOOZED)

    async def skip_delivered(self, chat_id: int, session_id: int, now: datetime) -> str:
        """Skip today's delivered routine (or this desk break); returns the session's slot."""
        async with self.db.session() as s:
            row = await repo.session_by_id(s, chat_id, session_id)
            if row is None:
                raise StaleButton(Stale.UNKNOWN)
            if row.started_at is not None or row.done_at is not None:
                raise StaleButton(Stale.MOVED_ON)
            row.skipped_at = now
            return row.slot

    async def answered(self, chat_id: int, now: datetime) -> Answered:
        """The person wrote or tapped something: slots held back for not nagging start again,
        and routines stopped because Telegram said the chat was gone turn back on."""
        checked = self._nothing_held.get(chat_id)
        if checked is not None and timedelta(0) <= now - checked < NOTHING_HELD_FOR:
            return Answered(released=False, back=False)
        async with self.db.session() as s:
            back = await reachable_again(s, chat_id, now)  # reschedules: no hold is left
            released = back or await slots.release_holds(s, chat_id, now)
        if len(self._nothing_held) >= 10_000:  # keep memory flat: forget the expired ones
            self._nothing_held = {
                chat: at for chat, at in self._nothing_held.items() if now - at < NOTHING_HELD_FOR
            }
        self._nothing_held[chat_id] = now  # either way nothing is held now
        return Answered(released=released, back=back)
