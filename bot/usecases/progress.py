"""Pain and progress: logging a session as done (streaks, milestones, the programme's week),
pain reports, self-tests, and what /progress shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.coach import pain, plan, programme, progress, week
from bot.coach.clock import zone
from bot.content.model import Card
from bot.errors import Stale, StaleButton
from bot.store import repo
from bot.store.models import PainReport, SelfTest, StretchSession, Subscriber
from bot.usecases.base import PAIN_ANSWER_WINDOW, UseCase, local_date
from bot.usecases.week import frozen_days

DONE_WINDOW = timedelta(hours=24)  # "done" logs a session delivered within this window
# After asking for a pain score, a bare number is taken as the answer for this long.
PROGRESS_DAYS = 120


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
    """A recorded pain report and its meaning (the review's state is already stored)."""

    review: pain.PainReview


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


@dataclass(frozen=True)
class ChartData:
    """Inputs of the progress chart, in the person's local time."""

    today: date
    sessions_per_day: dict[date, int]
    pain: list[tuple[datetime, int]]
    self_tests: list[tuple[date, str]]
    paused: frozenset[date] = frozenset()  # days inside a pause (shaded on the chart)
    rest_days: frozenset[date] = frozenset()  # days not chosen with /days


class PainAndProgress(UseCase):
    """Done, pain, self-tests and progress."""

    async def done(self, chat_id: int, now: datetime, session_id: int | None = None) -> DoneResult:
        """Log a given session (its Done button), or the newest one still open (or, with nothing
        open, a session they did on their own)."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            if session_id is not None:
                row = await repo.session_by_id(s, chat_id, session_id)
                if row is None:
                    raise StaleButton(Stale.UNKNOWN)
            else:
                row = await repo.open_session_since(s, chat_id, now - DONE_WINDOW)
            return await self._log(s, sub, row, now)

    async def _log(
        self, s: AsyncSession, sub: Subscriber, row: StretchSession | None, now: datetime
    ) -> DoneResult:
        """Mark `row` done (None: a new session of their own); a row already done is only
        acknowledged. Streak, week, milestone, programme and whether to ask about pain."""
        chat_id = sub.chat_id
        today = local_date(sub, now)
        before = await self._streak(s, sub, today)
        own = row is None
        already = row is not None and row.done_at is not None
        if row is None:
            row = StretchSession(
                chat_id=chat_id,
                slot=plan.SessionSlot.OWN,
                routine_id="own",
                source=plan.Source.OWN,
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
        row.hold_until = row.hold_message_id = None
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
            sub.awaiting_pain_until = now + PAIN_ANSWER_WINDOW
        advance = await self._advance(s, sub, today)
        test = None if already else await self._self_test_offer(s, sub, today, now)
        return DoneResult(
            row, own, already, after, week, progress.milestone_reached(before, after), ask,
            advance.week if advance.advanced else None, advance.held_for_pain, test,
        )  # fmt: skip

    async def _advance(self, s: AsyncSession, sub: Subscriber, today: date) -> programme.Advance:
        """Move the programme on when the last week's effort and pain allow it."""
        started = sub.week_started_on or sub.created_at.date()
        recent = await repo.done_days(s, sub.chat_id, today - timedelta(days=6))
        decision = programme.next_week(
            sub.programme_week, started, today, programme.counted_sessions(recent),
            gentle=sub.gentle,
        )  # fmt: skip
        if decision.advanced:
            sub.programme_week = decision.week
            sub.week_started_on = today
        return decision

    async def _self_test_offer(
        self, s: AsyncSession, sub: Subscriber, today: date, now: datetime
    ) -> Card | None:
        """Every two weeks, offer a self-test (not more than once every three days), never
        while pain is high or routines are gentle."""
        if sub.on_safety_hold:
            return None
        state = _pain_state(sub)
        history = await _pain_history(s, sub.chat_id, pain.history_since(now, state))
        if not pain.self_test_allowed(history, now, gentle=state.gentle):
            return None
        taken = await repo.self_tests(s, sub.chat_id)
        last = taken[0].local_date if taken else None
        offered = sub.self_test_offered_on
        if offered is not None and (today - offered).days < 3:
            return None
        if not programme.self_test_due(last, sub.created_at.date(), today):
            return None
        sub.self_test_offered_on = today
        return programme.self_test_card(self.library, taken[0].test if taken else None)

    async def _streak(self, s: AsyncSession, sub: Subscriber, today: date) -> int:
        since = today - timedelta(days=PROGRESS_DAYS)
        days = await repo.done_days(s, sub.chat_id, since)
        return progress.streak(days, today, await frozen_days(s, sub, since, today))

    async def report_pain(
        self, chat_id: int, score: int, note: str | None, now: datetime
    ) -> PainResult:
        """Record a 0–10 score, judged by the evidence-based rules (bot/coach/pain.py)."""
        pain.checked_score(score)
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            state = _pain_state(sub)
            history = await _pain_history(s, chat_id, pain.history_since(now, state))
            # Judged before the new row is added: `review` takes the history without it.
            review = pain.review(score, now, history, state)
            sub.gentle_since = review.state.gentle_since
            sub.gentle_baseline = review.state.flare_baseline
            sub.pain_escalated_at = review.state.escalated_at
            sub.awaiting_pain_until = None  # answered
            s.add(
                PainReport(
                    chat_id=chat_id,
                    score=score,
                    note=(note or None) and note[:500],
                    local_date=local_date(sub, now),
                    reported_at=now,
                )
            )
            return PainResult(review)

    async def progress(self, chat_id: int, now: datetime) -> Progress:
        """Streak, this week, total, and the pain trend."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            today = local_date(sub, now)
            days = await repo.done_days(s, chat_id, today - timedelta(days=PROGRESS_DAYS))
            reports = await repo.pain_scores(s, chat_id, now - timedelta(days=28))
            scores = [r.score for r in reversed(reports)]
            tests = await repo.self_tests(s, chat_id)
            latest = f"{tests[0].test.removesuffix('-test')}: {tests[0].result}" if tests else None
            return Progress(
                streak=await self._streak(s, sub, today),
                sessions_this_week=progress.sessions_this_week(days, today),
                sessions_total=await repo.done_total(s, chat_id),
                pain_trend=pain.trend(scores),
                last_pain=scores[-1] if scores else None,
                programme_week=sub.programme_week,
                gentle=sub.gentle,
                self_test=latest,
            )

    async def record_self_test(
        self, chat_id: int, test: str, result: str, centimetres: int | None, now: datetime
    ) -> list[SelfTest]:
        """Store a self-test result; returns all results of that test, newest first."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            s.add(
                SelfTest(
                    chat_id=chat_id, test=test, result=result, centimetres=centimetres,
                    local_date=local_date(sub, now), taken_at=now,
                )
            )  # fmt: skip
            await s.flush()
            return [t for t in await repo.self_tests(s, chat_id) if t.test == test]

    async def next_self_test(self, chat_id: int, now: datetime) -> Card:
        """The self-test to take next (they alternate); refused on a safety hold."""
        async with self.db.session() as s:
            sub = await self._served(s, chat_id)
            sub.self_test_offered_on = local_date(sub, now)
            taken = await repo.self_tests(s, chat_id)
            return programme.self_test_card(self.library, taken[0].test if taken else None)

    async def chart_data(self, chat_id: int, now: datetime, days: int = 28) -> ChartData:
        """What the /progress picture shows."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            today = local_date(sub, now)
            tz = zone(sub.timezone)
            sessions = await repo.done_days(s, chat_id, today - timedelta(days=days))
            reports = await repo.pain_scores(s, chat_id, now - timedelta(days=days))
            tests = await repo.self_tests(s, chat_id)
            since = today - timedelta(days=days)
            resting = week.frozen_days((), sub.days, since, today)
            paused = await frozen_days(s, sub, since, today, pauses_only=True)
            return ChartData(
                today,
                sessions,
                [
                    (r.reported_at.astimezone(tz).replace(tzinfo=None), r.score)
                    for r in reversed(reports)
                ],
                [(t.local_date, f"{t.test.removesuffix('-test')}: {t.result}") for t in tests],
                paused,
                resting,
            )


def _pain_state(sub: Subscriber) -> pain.PainState:
    return pain.PainState(sub.gentle_since, sub.gentle_baseline, sub.pain_escalated_at)


async def _pain_history(s: AsyncSession, chat_id: int, since: datetime) -> list[pain.Report]:
    return [pain.Report(r.reported_at, r.score) for r in await repo.pain_scores(s, chat_id, since)]
