"""A working week through the one scheduler, on a real database with an injected clock: desk breaks
and the weekly summary are slot types in the same table, claim and ledger as routines; chosen
days; no push after the work is done; no nagging about breaks; the streak that pauses; the weekly
summary's numbers; what operators see."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.content.model import Library
from bot.schedule import operator
from bot.store.db import Database
from bot.store.models import Delivery
from bot.usecases import Coach
from tests.conftest import FakeClock
from tests.test_schedule import RecordingSender, World, run_until


@pytest.fixture
async def world(db_url: str, library: Library) -> AsyncIterator[World]:
    db = Database(db_url)
    clock = FakeClock(datetime(2026, 6, 1, 0, 0, tzinfo=UTC))  # Monday
    yield World(db, Coach(db, library), clock, RecordingSender(clock), library)
    await db.close()


async def run_answering(world: World, end: datetime) -> None:
    """`run_until`, with the person tapping Skip on every offer as it comes (no nagging)."""
    while world.clock.now < end:
        seen = len(world.sender.sent)
        await run_until(world, min(end, world.clock.now + timedelta(minutes=30)))
        for claim in world.sender.sent[seen:]:
            assert claim.session_id is not None
            await world.coach.skip_delivered(claim.chat_id, claim.session_id, world.clock())


async def ledger(world: World) -> Counter[tuple[str, date, str]]:
    async with world.db.session() as s:
        rows = (await s.execute(select(Delivery.slot, Delivery.local_date, Delivery.status))).all()
    return Counter((slot, day, status) for slot, day, status in rows)


async def test_desk_breaks_come_through_the_working_day_once_each(world: World) -> None:
    await world.subscribe(1, "UTC", morning=None)
    await world.coach.set_breaks(1, "09:00-12:30 every 60", world.clock())
    await world.coach.set_days(1, "weekdays", world.clock())
    await world.coach.set_summary(1, "off", world.clock())
    await run_answering(world, datetime(2026, 6, 8, 0, 0, tzinfo=UTC))  # a whole week
    breaks = [(c.local_date, c.due_at.strftime("%H:%M"), c.slot) for c in world.sender.sent]
    monday = [b for b in breaks if b[0] == date(2026, 6, 1)]
    assert monday == [
        (date(2026, 6, 1), f"{h:02}:00", f"break@{h:02}:00") for h in (9, 10, 11, 12)
    ]
    assert {d.weekday() for d, _, _ in breaks} == {0, 1, 2, 3, 4}  # none on the weekend
    assert len(breaks) == 20
    assert set(world.sender.count().values()) == {1}
    # Each break offers one desk stretch.
    assert all(len(c.card_ids) == 1 and c.session_id is not None for c in world.sender.sent)


async def test_two_replicas_claim_the_same_break_minute_without_a_duplicate(world: World) -> None:
    world.clock.now = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
    for chat in range(1, 201):
        await world.subscribe(chat, "UTC", morning=None)
        await world.coach.set_breaks(chat, "09:00-10:00 every 30", world.clock())
    world.clock.now = datetime(2026, 6, 1, 9, 0, 5, tzinfo=UTC)
    other_db = Database(world.db.url)
    try:
        from bot.schedule.ticker import Ticker

        other = Ticker(other_db, world.library, world.sender, world.clock, "other", batch=50)
        mine = world.ticker("mine", batch=50)
        await asyncio.gather(mine.tick(), other.tick(), mine.tick(), other.tick())
    finally:
        await other_db.close()
    counts = world.sender.count()
    assert len(counts) == 200
    assert set(counts.values()) == {1}
    # A restart later the same minute sends nothing again.
    await world.ticker("restarted").tick()
    assert len(world.sender.sent) == 200


async def test_routines_only_on_chosen_days_in_the_persons_zone(world: World) -> None:
    # Sunday 7 June 12:00 UTC is Monday 00:00 in Auckland.
    world.clock.now = datetime(2026, 6, 7, 12, 0, tzinfo=UTC)
    await world.subscribe(1, "Pacific/Auckland", morning="07:30")
    await world.subscribe(2, "UTC", morning="07:30")
    await world.coach.set_days(1, "mon", world.clock())
    await world.coach.set_days(2, "mon", world.clock())
    await run_until(world, datetime(2026, 6, 9, 0, 0, tzinfo=UTC))
    (auckland,) = [c for c in world.sender.sent if c.chat_id == 1]
    assert auckland.local_date == date(2026, 6, 8)  # Monday where they are
    assert auckland.due_at == datetime(2026, 6, 7, 19, 30, tzinfo=UTC)  # Sunday in UTC
    (utc,) = [c for c in world.sender.sent if c.chat_id == 2]
    assert utc.due_at == datetime(2026, 6, 8, 7, 30, tzinfo=UTC)


async def test_breaks_across_the_london_clock_change_come_once_each(world: World) -> None:
    world.clock.now = datetime(2026, 3, 27, 0, 0, tzinfo=UTC)  # Friday
    await world.subscribe(1, "Europe/London", morning=None)
    await world.coach.set_breaks(1, "09:00-11:00 every 60", world.clock())
    await world.subscribe(2, "Europe/London", morning=None)
    await world.coach.set_breaks(2, "00:30-03:00 every 30", world.clock())
    await run_answering(world, datetime(2026, 3, 31, 0, 0, tzinfo=UTC))
    assert set(world.sender.count().values()) == {1}
    day_breaks = [c for c in world.sender.sent if c.chat_id == 1]
    friday = [c.due_at for c in day_breaks if c.local_date == date(2026, 3, 27)]
    monday = [c.due_at for c in day_breaks if c.local_date == date(2026, 3, 30)]
    assert friday == [datetime(2026, 3, 27, h, tzinfo=UTC) for h in (9, 10)]  # 09:00 GMT
    assert monday == [datetime(2026, 3, 30, h, tzinfo=UTC) for h in (8, 9)]  # 09:00 BST
    night = [c.slot for c in world.sender.sent if c.chat_id == 2 and c.local_date.day == 29]
    assert night == ["break@00:30", "break@02:00", "break@02:30"]  # 01:00–01:59 never happened
    other_nights = Counter(
        c.local_date for c in world.sender.sent if c.chat_id == 2 and c.local_date.day != 29
    )
    # Five a night (00:30 … 02:30) on the other nights; the run ends at 01:00 BST on 31 March.
    assert other_nights == {
        date(2026, 3, 27): 5, date(2026, 3, 28): 5, date(2026, 3, 30): 5, date(2026, 3, 31): 2,
    }  # fmt: skip


async def test_no_push_after_the_work_is_done(world: World) -> None:
    world.clock.now = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)
    await world.subscribe(1, "UTC", morning="07:30", evening="20:30")
    await world.subscribe(2, "UTC", morning="07:30")
    await world.coach.set_breaks(1, "09:00-11:00 every 60", world.clock())
    # Chat 1 does the morning routine with /now at 07:00 and a desk stretch at 08:45.
    world.clock.now = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    await world.coach.begin_routine(1, None, "now", world.clock())
    await run_until(world, datetime(2026, 6, 1, 8, 45, tzinfo=UTC))
    await world.coach.begin_desk(1, world.clock())
    await run_until(world, datetime(2026, 6, 1, 12, 0, tzinfo=UTC))
    sent = [(c.chat_id, c.slot) for c in world.sender.sent]
    assert (1, "morning") not in sent
    assert (2, "morning") in sent  # the one who did nothing gets theirs
    assert (1, "break@09:00") not in sent  # stretched 15 minutes before
    assert (1, "break@10:00") in sent
    rows = await ledger(world)
    assert rows[("morning", date(2026, 6, 1), "skipped")] == 1
    assert rows[("break@09:00", date(2026, 6, 1), "skipped")] == 1
    # A session of their own logged in the evening ("done" with nothing open) covers it.
    await world.subscribe(3, "UTC", morning=None, evening="20:30")
    world.clock.now = datetime(2026, 6, 1, 19, 0, tzinfo=UTC)
    assert (await world.coach.done(3, world.clock())).own_session
    await run_until(world, datetime(2026, 6, 1, 21, 0, tzinfo=UTC))
    assert (3, "evening") not in [(c.chat_id, c.slot) for c in world.sender.sent]
    assert (1, "evening") in [(c.chat_id, c.slot) for c in world.sender.sent]
    # The next day everything is due again.
    await run_until(world, datetime(2026, 6, 2, 8, 0, tzinfo=UTC))
    assert (1, "morning", date(2026, 6, 2)) in {
        (c.chat_id, c.slot, c.local_date) for c in world.sender.sent
    }


async def test_three_ignored_desk_breaks_get_one_question(world: World) -> None:
    world.clock.now = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
    await world.subscribe(1, "UTC", morning=None)
    await world.coach.set_breaks(1, "09:00-17:00 every 60", world.clock())
    await run_until(world, datetime(2026, 6, 1, 17, 0, tzinfo=UTC))
    assert [c.slot for c in world.sender.sent] == ["break@09:00", "break@10:00", "break@11:00"]
    assert world.sender.asked == [(1, "break")]  # asked once, at 12:00; then silence
    rows = await ledger(world)
    assert rows[("break@12:00", date(2026, 6, 1), "asked")] == 1
    # Any answer brings the breaks back from the next one on.
    world.clock.now = datetime(2026, 6, 1, 14, 30, tzinfo=UTC)
    assert await world.coach.answered(1, world.clock())
    await run_until(world, datetime(2026, 6, 1, 16, 0, tzinfo=UTC))
    assert [c.slot for c in world.sender.sent][3:] == ["break@15:00", "break@16:00"]
    assert world.sender.asked == [(1, "break")]


async def test_pause_and_days_off_freeze_the_streak(world: World) -> None:
    await world.subscribe(1, "UTC", morning="07:30")
    await world.coach.set_days(1, "weekdays", world.clock())

    async def done_on(day: date) -> int:
        world.clock.now = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=12)
        return (await world.coach.done(1, world.clock())).streak

    for offset in range(5):  # Mon 1 – Fri 5 June
        await done_on(date(2026, 6, 1) + timedelta(days=offset))
    assert await done_on(date(2026, 6, 8)) == 6  # the weekend neither broke nor extended it
    # Tuesday: pause for a week; nothing done until the pause ends.
    world.clock.now = datetime(2026, 6, 9, 6, 0, tzinfo=UTC)
    await world.coach.pause(1, 7, world.clock())
    assert await done_on(date(2026, 6, 16)) == 7
    progress = await world.coach.progress(1, world.clock())
    assert progress.streak == 7
    chart = await world.coach.chart_data(1, world.clock())
    assert chart.paused == frozenset(date(2026, 6, 9) + timedelta(days=i) for i in range(7))
    assert date(2026, 6, 13) in chart.rest_days  # a Saturday
    # Resuming early ends the pause that day: days after it count again.
    world.clock.now = datetime(2026, 6, 17, 6, 0, tzinfo=UTC)
    await world.coach.pause(1, 10, world.clock())
    world.clock.now = datetime(2026, 6, 18, 6, 0, tzinfo=UTC)
    await world.coach.resume(1, world.clock())
    chart = await world.coach.chart_data(1, world.clock())
    assert date(2026, 6, 17) in chart.paused
    assert date(2026, 6, 18) not in chart.paused


async def test_the_weekly_summary_comes_once_on_its_day_with_the_weeks_numbers(
    world: World,
) -> None:
    world.clock.now = datetime(2026, 5, 30, 12, 0, tzinfo=UTC)  # Saturday
    await world.subscribe(1, "UTC", morning=None, evening="20:30")
    await world.coach.set_days(1, "mon,wed,fri", world.clock())
    await world.coach.report_pain(1, 6, None, world.clock())  # before the week
    for day, count in ((1, 2), (3, 1), (5, 1)):  # Mon 1, Wed 3, Fri 5 June
        for _ in range(count):
            world.clock.now = datetime(2026, 6, day, 12, tzinfo=UTC)
            await world.coach.begin_desk(1, world.clock())
            await world.coach.done(1, world.clock())
    world.clock.now = datetime(2026, 6, 5, 13, tzinfo=UTC)
    await world.coach.report_pain(1, 3, None, world.clock())
    await run_until(world, datetime(2026, 6, 8, 0, 0, tzinfo=UTC))
    (summary,) = world.sender.summaries  # on by default: Sunday at the evening routine's time
    assert summary.local_date == date(2026, 6, 7)
    assert summary.due_at == datetime(2026, 6, 7, 20, 30, tzinfo=UTC)
    numbers = await world.coach.weekly_summary(1, summary.due_at)
    assert (numbers.sessions, numbers.days_stretched) == (4, 3)
    assert (numbers.pain_then, numbers.pain_now) == (6, 3)
    assert numbers.programme_week == 1
    assert numbers.streak == 3  # Mon, Wed, Fri: the days between were not chosen
    assert numbers.days_off == 4
    rows = await ledger(world)
    assert rows[("summary", date(2026, 6, 7), "sent")] == 1
    # Moved to another day and time; off means none.
    await world.coach.set_summary(1, "wednesday 08:00", world.clock())
    await run_until(world, datetime(2026, 6, 11, 0, 0, tzinfo=UTC))
    assert [s.due_at for s in world.sender.summaries][1:] == [
        datetime(2026, 6, 10, 8, 0, tzinfo=UTC)
    ]
    await world.coach.set_summary(1, "off", world.clock())
    await run_until(world, datetime(2026, 6, 20, 0, 0, tzinfo=UTC))
    assert len(world.sender.summaries) == 2


async def test_status_counts_desk_breaks_and_summaries(world: World) -> None:
    world.clock.now = datetime(2026, 6, 1, 8, 30, tzinfo=UTC)
    await world.subscribe(1, "UTC", morning=None)
    await world.coach.set_breaks(1, "09:00-11:00 every 30", world.clock())
    async with world.db.session() as s:
        before = await operator.status(s, world.clock())
    assert before.due_by_kind == {"break": 1}
    await run_until(world, datetime(2026, 6, 1, 12, 0, tzinfo=UTC))
    async with world.db.session() as s:
        after = await operator.status(s, world.clock())
    assert after.ledger_by_kind["break"] == {"sent": 3, "asked": 1}
