"""The application's use cases: each opens one unit of work, applies the coaching rules, and
returns plain results for the Telegram layer to render.

This is the only module that combines the store with the domain; it never imports `telegram`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from bot.coach import pain, plan, programme, progress
from bot.coach.clock import guess_zone, parse_time, zone
from bot.content.model import Card, Library, Slot
from bot.schedule import slots
from bot.store import repo
from bot.store.db import Database
from bot.store.models import PainReport, SelfTest, StretchSession, Subscriber

DONE_WINDOW = timedelta(hours=24)
# A timer that has not reported back this long after it should have ended died with its process.
HOLD_SLACK = timedelta(seconds=30)  # "done" logs a session delivered within this window
MAX_PAUSE_DAYS = 90
PROGRESS_DAYS = 120
# After finding nothing held for a chat, skip the check for this long: most updates come from
# chats with nothing held, and the check was a database transaction on every update. A hold set
# meanwhile (by the tick, on any replica) is released at the first answer after this.
NOTHING_HELD_FOR = timedelta(seconds=60)


class NotSubscribed(Exception):
    """The chat has no subscriber yet (or it was forgotten): /start first."""


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
            sub.gentle_reports_left > 0,
            local,
        )


@dataclass(frozen=True)
class Running:
    """A session in progress: which card is up next."""

    session_id: int
    title: str
    slot: Slot
    cards: tuple[Card, ...]
    card_index: int
    hold_seconds: int | None
    gentle: bool
    intro: str
    minutes: int

    @property
    def card(self) -> Card | None:
        """The current card, or None when the session is through all its cards."""
        return self.cards[self.card_index] if self.card_index < len(self.cards) else None


class Stale(StrEnum):
    """Why a button can no longer do what it says."""

    UNKNOWN = "unknown"  # no such session in this chat (old, forgotten or forged)
    FINISHED = "finished"  # that session is already done
    MOVED_ON = "moved_on"  # the person is past that card, or a newer session started
    HOLDING = "holding"  # that card's timer is already running


@dataclass(frozen=True)
class DoneResult:
    """What `done` logged and what to say about it."""

    logged: StretchSession
    own_session: bool  # nothing was open: we logged a session they did on their own
    already_done: bool
    streak: int
    sessions_this_week: int
    milestone: int | None
    ask_pain: bool
    advanced_to: int | None = None  # the programme moved up to this week
    held_for_pain: bool = False  # it would have moved up, but pain is flaring
    self_test: Card | None = None  # time for a flexibility self-test


@dataclass(frozen=True)
class PainResult:
    """A recorded pain report and its meaning."""

    verdict: pain.PainVerdict
    gentle_now: bool
    settled: bool  # this report ended a gentle spell


@dataclass(frozen=True)
class Progress:
    """Everything `/progress` shows."""

    streak: int
    sessions_this_week: int
    sessions_total: int
    pain_trend: str
    last_pain: int | None
    programme_week: int
    gentle: bool
    self_test: str | None = None  # the latest self-test result, e.g. "sit-and-reach: -4 cm"


def _local_date(sub: Subscriber, now: datetime) -> date:
    return now.astimezone(zone(sub.timezone)).date()


class Coach:
    """The use cases behind every command."""

    def __init__(
        self,
        db: Database,
        library: Library,
        *,
        default_zone: str = "UTC",
        default_morning: str = "07:30",
        default_evening: str = "20:30",
    ) -> None:
        self.db = db
        self.library = library
        self.default_zone = default_zone
        self.default_morning = parse_time(default_morning)
        self.default_evening = parse_time(default_evening)
        self._nothing_held: dict[int, datetime] = {}  # chat -> when its check found nothing

    async def _subscriber(self, session: object, chat_id: int) -> Subscriber:
        sub = await repo.subscriber(session, chat_id)  # type: ignore[arg-type]
        if sub is None:
            raise NotSubscribed(chat_id)
        return sub

    # --- subscription and settings ------------------------------------------------------

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
                    gentle_reports_left=0,
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

    async def profile(self, chat_id: int, now: datetime) -> Profile:
        """Current settings; NotSubscribed if unknown."""
        async with self.db.session() as s:
            return Profile.of(await self._subscriber(s, chat_id), now)

    async def stop(self, chat_id: int, now: datetime) -> Profile:
        """Stop scheduled routines; history stays."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            sub.active = False
            sub.updated_at = now
            await s.flush()
            await slots.reschedule(s, sub, now)
            return Profile.of(sub, now)

    async def set_zone(self, chat_id: int, zone_name: str, now: datetime) -> Profile:
        """Change the time zone (already validated by `parse_zone`)."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            sub.timezone = zone_name
            sub.updated_at = now
            await s.flush()
            await slots.reschedule(s, sub, now)
            return Profile.of(sub, now)

    async def set_time(
        self, chat_id: int, slot: Slot, value: time | None, now: datetime
    ) -> Profile:
        """Set or turn off the morning or evening slot."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            if slot is Slot.MORNING:
                sub.morning = value
            elif slot is Slot.EVENING:
                sub.evening = value
            else:
                raise ValueError(slot)
            sub.updated_at = now
            await s.flush()
            await slots.reschedule(s, sub, now)
            return Profile.of(sub, now)

    async def pause(self, chat_id: int, days: int, now: datetime) -> Profile:
        """No routines for `days` days, starting today."""
        if not 1 <= days <= MAX_PAUSE_DAYS:
            raise ValueError(days)
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            sub.paused_until = _local_date(sub, now) + timedelta(days=days)
            sub.updated_at = now
            await s.flush()
            await slots.reschedule(s, sub, now)
            return Profile.of(sub, now)

    async def resume(self, chat_id: int, now: datetime) -> Profile:
        """End a pause (and a stop)."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            sub.paused_until = None
            sub.active = True
            sub.updated_at = now
            await s.flush()
            await slots.reschedule(s, sub, now)
            return Profile.of(sub, now)

    # --- sessions -----------------------------------------------------------------------

    def _running(self, row: StretchSession, title: str, intro: str) -> Running:
        cards = tuple(self.library.cards[c] for c in row.card_ids if c in self.library.cards)
        return Running(
            row.id,
            title,
            Slot(row.slot) if row.slot != "self" else Slot.DESK,
            cards,
            row.card_index,
            row.hold_seconds,
            row.gentle,
            intro,
            programme.minutes(cards, row.hold_seconds),
        )

    async def begin_routine(
        self, chat_id: int, slot: Slot | None, source: str, now: datetime
    ) -> Running:
        """Start a slot's routine now (`slot=None`: the one that fits the local time of day)."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            local = now.astimezone(zone(sub.timezone))
            chosen = slot or plan.slot_for(local.time())
            planned = self.plan_routine(sub, chosen)
            row = self._new_session(sub, planned, source, now)
            s.add(row)
            await s.flush()
            return self._running(row, planned.title, planned.intro)

    def plan_routine(self, sub: Subscriber, slot: Slot) -> plan.Planned:
        """A slot's routine for this person's programme week (gentle while pain flares)."""
        week = programme.routine_for_week(
            self.library, slot, sub.programme_week, gentle=sub.gentle_reports_left > 0
        )
        return plan.Planned(
            week.routine_id, week.title, slot, week.cards, week.gentle, week.intro,
            week.hold_seconds,
        )  # fmt: skip

    async def begin_desk(self, chat_id: int, now: datetime) -> Running:
        """The next desk stretch in this person's rotation."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            planned, sub.desk_cursor = plan.desk_stretch(
                self.library, sub.desk_cursor, gentle=sub.gentle_reports_left > 0
            )
            row = self._new_session(sub, planned, "desk", now)
            s.add(row)
            await s.flush()
            return self._running(row, planned.title, planned.intro)

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
            local_date=_local_date(sub, now),
            delivered_at=now,
            started_at=now if source != "scheduled" else None,
        )

    async def _current(
        self, s: object, chat_id: int, session_id: int, card_index: int, *, lock: bool = False
    ) -> StretchSession | Stale:
        row = await repo.session_by_id(s, chat_id, session_id, lock=lock)  # type: ignore[arg-type]
        if row is None or card_index >= len(row.card_ids):
            return Stale.UNKNOWN
        if row.done_at is not None:
            return Stale.FINISHED
        latest = await repo.latest_session(s, chat_id)  # type: ignore[arg-type]
        if latest is not None and latest.id != row.id:
            return Stale.MOVED_ON
        if row.card_index != card_index:
            return Stale.MOVED_ON
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
    ) -> Running | Stale:
        """A card's Start (with `timer_message`, the message the timer runs on) or Skip button.

        The running timer is recorded on the session, so a second tap that lands on another
        replica is refused as surely as one on this replica.
        """
        async with self.db.session() as s:
            row = await self._current(s, chat_id, session_id, card_index, lock=True)
            if isinstance(row, Stale):
                return row
            if row.hold_until is not None and row.hold_until > now:
                return Stale.HOLDING
            row.started_at = row.started_at or now
            running = self._running(row, row.routine_id, "")
            if timer_message is not None:
                seconds = running.cards[card_index].timed_seconds(row.hold_seconds)
                row.hold_message_id = timer_message
                row.hold_until = now + timedelta(seconds=seconds * time_scale) + HOLD_SLACK
            return running

    async def release_hold(self, chat_id: int, session_id: int) -> None:
        """The timer of a session ended (however it ended)."""
        async with self.db.session() as s:
            row = await repo.session_by_id(s, chat_id, session_id)
            if row is not None:
                row.hold_until = row.hold_message_id = None

    async def finish_card(
        self, chat_id: int, session_id: int, card_index: int, now: datetime
    ) -> Running | Stale:
        """A card's holds are over: move the session to its next card."""
        async with self.db.session() as s:
            row = await self._current(s, chat_id, session_id, card_index)
            if isinstance(row, Stale):
                return row
            row.card_index = card_index + 1
            row.hold_until = row.hold_message_id = None
            return self._running(row, row.routine_id, "")

    async def done(self, chat_id: int, now: datetime, session_id: int | None = None) -> DoneResult:
        """Log the session just delivered (or a given one; or one they did on their own)."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            today = _local_date(sub, now)
            before = await self._streak(s, sub, today)
            if session_id is not None:
                row = await repo.session_by_id(s, chat_id, session_id)
                if row is None:
                    raise LookupError(session_id)
            else:
                row = await repo.open_session_since(s, chat_id, now - DONE_WINDOW)
            own = row is None
            already = row is not None and row.done_at is not None
            if row is None:
                row = StretchSession(
                    chat_id=chat_id,
                    slot="self",
                    routine_id="own",
                    source="self",
                    card_ids=[],
                    gentle=False,
                    card_index=0,
                    local_date=today,
                    delivered_at=now,
                    started_at=now,
                )
                s.add(row)
            if row.done_at is None:
                row.done_at = now
                # The day counts where the person is when they finish.
                row.local_date = today
            await s.flush()
            after = await self._streak(s, sub, today)
            week = progress.sessions_this_week(
                await repo.done_days(s, chat_id, progress.week_start(today)), today
            )
            asked_today = sub.pain_asked_on == today
            reported_today = bool(
                await repo.pain_scores(s, chat_id, now - timedelta(hours=24), limit=1)
            )
            ask = not already and not asked_today and not reported_today
            if ask:
                sub.pain_asked_on = today
            advance = await self._advance(s, sub, today)
            test = None if already else await self._self_test_offer(s, sub, today)
            return DoneResult(
                row, own, already, after, week, progress.milestone_reached(before, after), ask,
                advance.week if advance.advanced else None, advance.held_for_pain, test,
            )  # fmt: skip

    async def _advance(self, s: object, sub: Subscriber, today: date) -> programme.Advance:
        """Move the programme on when the last week's effort and pain allow it."""
        started = sub.week_started_on or sub.created_at.date()
        recent = await repo.done_days(s, sub.chat_id, today - timedelta(days=6))  # type: ignore[arg-type]
        decision = programme.next_week(
            sub.programme_week, started, today, sum(recent.values()),
            gentle=sub.gentle_reports_left > 0,
        )  # fmt: skip
        if decision.advanced:
            sub.programme_week = decision.week
            sub.week_started_on = today
        return decision

    async def _self_test_offer(self, s: object, sub: Subscriber, today: date) -> Card | None:
        """Every two weeks, offer a self-test (not more than once every three days)."""
        taken = await repo.self_tests(s, sub.chat_id)  # type: ignore[arg-type]
        last = taken[0].local_date if taken else None
        offered = sub.self_test_offered_on
        if offered is not None and (today - offered).days < 3:
            return None
        if not programme.self_test_due(last, sub.created_at.date(), today):
            return None
        sub.self_test_offered_on = today
        return programme.self_test_card(self.library, taken[0].test if taken else None)

    async def _streak(self, s: object, sub: Subscriber, today: date) -> int:
        days = await repo.done_days(s, sub.chat_id, today - timedelta(days=PROGRESS_DAYS))  # type: ignore[arg-type]
        return progress.streak(days, today)

    # --- pain and progress --------------------------------------------------------------

    async def report_pain(
        self, chat_id: int, score: int, note: str | None, now: datetime
    ) -> PainResult:
        """Record a 0–10 score and decide whether routines should go gentle."""
        if not 0 <= score <= 10:
            raise ValueError(score)
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            recent = await repo.pain_scores(
                s, chat_id, now - timedelta(days=pain.RECENT_DAYS), pain.RECENT_REPORTS
            )
            verdict = pain.assess(score, [r.score for r in recent])
            was_gentle = sub.gentle_reports_left > 0
            sub.gentle_reports_left = pain.calm_reports_needed(sub.gentle_reports_left, verdict)
            s.add(
                PainReport(
                    chat_id=chat_id,
                    score=score,
                    note=(note or None) and note[:500],
                    local_date=_local_date(sub, now),
                    reported_at=now,
                )
            )
            gentle = sub.gentle_reports_left > 0
            return PainResult(verdict, gentle, was_gentle and not gentle)

    async def progress(self, chat_id: int, now: datetime) -> Progress:
        """Streak, this week, total, and the pain trend."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            today = _local_date(sub, now)
            days = await repo.done_days(s, chat_id, today - timedelta(days=PROGRESS_DAYS))
            reports = await repo.pain_scores(s, chat_id, now - timedelta(days=28))
            scores = [r.score for r in reversed(reports)]
            tests = await repo.self_tests(s, chat_id)
            latest = f"{tests[0].test.removesuffix('-test')}: {tests[0].result}" if tests else None
            return Progress(
                streak=progress.streak(days, today),
                sessions_this_week=progress.sessions_this_week(days, today),
                sessions_total=await repo.done_total(s, chat_id),
                pain_trend=pain.trend(scores),
                last_pain=scores[-1] if scores else None,
                programme_week=sub.programme_week,
                gentle=sub.gentle_reports_left > 0,
                self_test=latest,
            )

    # --- scheduled deliveries -----------------------------------------------------------

    async def open_delivered(
        self, chat_id: int, session_id: int, now: datetime
    ) -> Running | Stale:
        """Start on a delivered routine (its Start button)."""
        async with self.db.session() as s:
            row = await repo.session_by_id(s, chat_id, session_id)
            if row is None:
                return Stale.UNKNOWN
            if row.done_at is not None:
                return Stale.FINISHED
            if row.started_at is not None or row.skipped_at is not None:
                return Stale.MOVED_ON
            row.started_at = now
            # Newest first: a delivered routine the person opens becomes their current session.
            row.delivered_at = now
            await slots.release_holds(s, chat_id, now)
            routine = self.library.routines.get(row.routine_id)
            title = routine.title if routine else row.routine_id
            return self._running(row, title, routine.intro if routine else "")

    async def snooze_delivered(self, chat_id: int, session_id: int, now: datetime) -> bool:
        """Snooze a delivered routine for 30 minutes, once."""
        async with self.db.session() as s:
            row = await repo.session_by_id(s, chat_id, session_id)
            if row is None or row.started_at is not None or row.done_at is not None:
                return False
            return await slots.snooze(s, chat_id, session_id, now)

    async def skip_delivered(self, chat_id: int, session_id: int, now: datetime) -> bool:
        """Skip today's delivered routine."""
        async with self.db.session() as s:
            row = await repo.session_by_id(s, chat_id, session_id)
            if row is None or row.started_at is not None or row.done_at is not None:
                return False
            row.skipped_at = now
            return True

    async def answered(self, chat_id: int, now: datetime) -> bool:
        """The person wrote or tapped something: slots held back for not nagging start again."""
        checked = self._nothing_held.get(chat_id)
        if checked is not None and timedelta(0) <= now - checked < NOTHING_HELD_FOR:
            return False
        async with self.db.session() as s:
            released = await slots.release_holds(s, chat_id, now)
        if len(self._nothing_held) >= 10_000:  # keep memory flat: forget the expired ones
            self._nothing_held = {
                chat: at for chat, at in self._nothing_held.items() if now - at < NOTHING_HELD_FOR
            }
        self._nothing_held[chat_id] = now  # either way nothing is held now
        return released

    # --- self-tests, charts, export and forget --------------------------------------------

    async def record_self_test(
        self, chat_id: int, test: str, result: str, centimetres: int | None, now: datetime
    ) -> list[SelfTest]:
        """Store a self-test result; returns all results of that test, newest first."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            s.add(
                SelfTest(
                    chat_id=chat_id, test=test, result=result, centimetres=centimetres,
                    local_date=_local_date(sub, now), taken_at=now,
                )
            )  # fmt: skip
            await s.flush()
            return [t for t in await repo.self_tests(s, chat_id) if t.test == test]

    async def next_self_test(self, chat_id: int, now: datetime) -> Card:
        """The self-test to take next (they alternate)."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            sub.self_test_offered_on = _local_date(sub, now)
            taken = await repo.self_tests(s, chat_id)
            return programme.self_test_card(self.library, taken[0].test if taken else None)

    async def chart_data(self, chat_id: int, now: datetime, days: int = 28) -> ChartData:
        """What the /progress picture shows."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            today = _local_date(sub, now)
            tz = zone(sub.timezone)
            sessions = await repo.done_days(s, chat_id, today - timedelta(days=days))
            reports = await repo.pain_scores(s, chat_id, now - timedelta(days=days))
            tests = await repo.self_tests(s, chat_id)
            return ChartData(
                today,
                sessions,
                [
                    (r.reported_at.astimezone(tz).replace(tzinfo=None), r.score)
                    for r in reversed(reports)
                ],
                [(t.local_date, f"{t.test.removesuffix('-test')}: {t.result}") for t in tests],
            )

    async def export(self, chat_id: int) -> dict[str, list[dict[str, object]]]:
        """Every row stored about this person, table by table."""
        async with self.db.session() as s:
            await self._subscriber(s, chat_id)
            return await repo.everything_about(s, chat_id)

    async def forget(self, chat_id: int) -> int:
        """Delete every row about this person; returns how many rows went."""
        async with self.db.session() as s:
            return await repo.delete_everything_about(s, chat_id)


@dataclass(frozen=True)
class ChartData:
    """Inputs of the progress chart, in the person's local time."""

    today: date
    sessions_per_day: dict[date, int]
    pain: list[tuple[datetime, int]]
    self_tests: list[tuple[date, str]]
