"""Logging sessions you can trust: what a typed "done" logs, the questions it asks first when it
can't tell (a session of your own? finish a running hold early?), what is in front of the person
now (for "skip" and "stop"), and /undo.

"done" logs the session in progress or just offered. Said again for a session already logged it
is acknowledged, not counted. With nothing offered it asks before logging a session of their own;
during a running hold it asks whether to finish early. The programme counts at most two
sessions a day (`programme.counted_sessions`), so a slip cannot push it on either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.coach import plan, progress
from bot.coach.clock import zone
from bot.errors import Stale, StaleButton
from bot.store import repo
from bot.usecases.base import Running, local_date
from bot.usecases.progress import DoneResult, PainAndProgress

# A routine offered (delivered, or started with /now or /desk) this recently is the one "done"
# means; an older one left open is not.
JUST_OFFERED = timedelta(hours=12)
# "done" this soon after a session was logged, with nothing new offered, is the same "done" again.
SAID_AGAIN = timedelta(hours=3)
# /undo reaches back this far; a "session of your own?" question stays answerable this long.
UNDO_WINDOW = timedelta(days=1)
QUESTION_VALID = timedelta(days=1)


class DoneAsk(StrEnum):
    """What the bot asks before logging, when a bare "done" is not enough to go on."""

    OWN = "own"  # nothing offered: log a session they did on their own?
    EARLY = "early"  # a hold is running: finish early and log it?


@dataclass(frozen=True)
class DoneQuestion:
    """A question instead of a log; its buttons carry `asked_at` and `session_id`."""

    ask: DoneAsk
    asked_at: datetime
    session_id: int | None = None


class UndoOutcome(StrEnum):
    """What /undo did."""

    UNDONE = "undone"
    NOTHING = "nothing"  # nothing was ever logged
    TOO_OLD = "too_old"  # the last log is more than a day old
    AGAIN = "again"  # the last log was already taken back: /undo reaches no further


@dataclass(frozen=True)
class Undone:
    """The answer to /undo."""

    outcome: UndoOutcome
    slot: str | None = None  # what was taken back: a session slot (`plan.SessionSlot`)
    logged_at: datetime | None = None  # local time it had been logged
    streak: int = 0
    sessions_this_week: int = 0


@dataclass(frozen=True)
class Offered:
    """The session in front of the person now: a delivered routine not yet started, or one in
    progress (on a card, in a hold, or through its cards and waiting for done)."""

    run: Running
    waiting: bool  # a scheduled routine not yet started
    holding: bool  # a hold timer is running (on any replica)
    hold_message_id: int | None


class Logbook(PainAndProgress):
    """Typed "done", its questions, "skip"/"stop" lookups, and /undo."""

    async def done_said(self, chat_id: int, now: datetime) -> DoneResult | DoneQuestion:
        """A typed "done": log what is in progress or just offered, acknowledge a repeat, or
        ask first."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            latest = await repo.latest_session(s, chat_id)
            if (
                latest is not None
                and latest.done_at is None
                and latest.skipped_at is None
                and now - latest.delivered_at <= JUST_OFFERED
            ):
                if latest.hold_until is not None and latest.hold_until > now:
                    return DoneQuestion(DoneAsk.EARLY, now, latest.id)
                return await self._log(s, sub, latest, now)
            last = await repo.latest_done(s, chat_id)
            if last is not None and last.done_at is not None and now - last.done_at <= SAID_AGAIN:
                return await self._log(s, sub, last, now)  # acknowledged, not counted
            return DoneQuestion(DoneAsk.OWN, now)

    async def log_own(self, chat_id: int, asked_at: datetime, now: datetime) -> DoneResult:
        """Yes to "log a session you did on your own?" (asked at `asked_at`). A second Yes, or
        one after anything was logged since the question, is acknowledged, not counted."""
        if not timedelta(minutes=-1) <= now - asked_at <= QUESTION_VALID:
            raise StaleButton(Stale.UNKNOWN)
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            await repo.subscriber(s, chat_id, lock=True)  # two taps on two replicas: one logs
            last = await repo.latest_done(s, chat_id)
            if last is not None and last.done_at is not None and last.done_at >= asked_at:
                return await self._log(s, sub, last, now)
            return await self._log(s, sub, None, now)

    async def finish_early(
        self, chat_id: int, session_id: int, now: datetime
    ) -> tuple[DoneResult, int | None]:
        """Yes to "finish early?": the session is logged and its hold released; also the
        message the timer ran on (None when it had already ended)."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            row = await repo.session_by_id(s, chat_id, session_id, lock=True)
            if row is None:
                raise StaleButton(Stale.UNKNOWN)
            timer_message = row.hold_message_id
            return await self._log(s, sub, row, now), timer_message

    async def offered(self, chat_id: int, now: datetime) -> Offered | None:
        """The session in front of the person, if any (for "skip" and "stop")."""
        async with self.db.session() as s:
            await self._subscriber(s, chat_id)
            row = await repo.latest_session(s, chat_id)
            if row is None or row.done_at is not None or row.skipped_at is not None:
                return None
            if now - row.delivered_at > JUST_OFFERED:
                return None
            holding = row.hold_until is not None and row.hold_until > now
            waiting = row.source == plan.Source.SCHEDULED and row.started_at is None
            return Offered(self._running(row), waiting, holding, row.hold_message_id)

    async def stop_hold(self, chat_id: int, session_id: int) -> Running:
        """The hold of a session was stopped: nothing runs, the card waits for Start again."""
        async with self.db.session() as s:
            row = await repo.session_by_id(s, chat_id, session_id)
            if row is None or row.done_at is not None:
                raise StaleButton(Stale.FINISHED if row else Stale.UNKNOWN)
            row.hold_until = row.hold_message_id = None
            return self._running(row)

    async def undo(self, chat_id: int, now: datetime) -> Undone:
        """Take back the last logged session, if it was logged within a day and not already
        taken back. A session of their own goes; any other is open again."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            await repo.subscriber(s, chat_id, lock=True)  # two /undo on two replicas: one wins
            row = await repo.latest_done(s, chat_id)
            if sub.undone_at is not None and (
                row is None or row.done_at is None or row.done_at <= sub.undone_at
            ):
                return Undone(UndoOutcome.AGAIN)
            if row is None or row.done_at is None:
                return Undone(UndoOutcome.NOTHING)
            logged_at = row.done_at.astimezone(zone(sub.timezone))
            if now - row.done_at > UNDO_WINDOW:
                return Undone(UndoOutcome.TOO_OLD, row.slot, logged_at)
            if row.source == plan.Source.OWN:
                await s.delete(row)
            else:
                row.done_at = None
            sub.undone_at = now
            await s.flush()
            today = local_date(sub, now)
            days = await repo.done_days(s, chat_id, today - timedelta(days=120))
            return Undone(
                UndoOutcome.UNDONE, row.slot, logged_at,
                progress.streak(days, today), progress.sessions_this_week(days, today),
            )  # fmt: skip
