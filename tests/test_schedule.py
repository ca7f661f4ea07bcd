"""Routines at each subscriber's local time, exactly once: due arithmetic across zones and DST,
and the tick over a real database with an injected clock (no real waiting)."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.coach.clock import parse_time
from bot.content.model import Library, Slot
from bot.errors import Stale, StaleButton
from bot.schedule import operator, slots, timers
from bot.schedule.due import next_due, occurrence
from bot.schedule.slots import Claim, Outcome
from bot.schedule.ticker import Ticker
from bot.store.db import Database
from bot.store.models import Delivery, ScheduledSlot, StretchSession, Subscriber
from bot.usecases import Coach
from tests.conftest import FakeClock

# --- due arithmetic ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "day", "at", "expected_utc"),
    [
        # ordinary days
        (
            "Europe/Berlin",
            date(2026, 1, 15),
            time(7, 30),
            datetime(2026, 1, 15, 6, 30, tzinfo=UTC),
        ),
        (
            "Europe/Berlin",
            date(2026, 7, 15),
            time(7, 30),
            datetime(2026, 7, 15, 5, 30, tzinfo=UTC),
        ),
        ("Asia/Kolkata", date(2026, 7, 15), time(7, 30), datetime(2026, 7, 15, 2, 0, tzinfo=UTC)),
        (
            "Asia/Kathmandu",
            date(2026, 7, 15),
            time(7, 30),
            datetime(2026, 7, 15, 1, 45, tzinfo=UTC),
        ),
        (
            "America/New_York",
            date(2026, 7, 15),
            time(20, 30),
            datetime(2026, 7, 16, 0, 30, tzinfo=UTC),
        ),
        # spring forward: 02:30 does not exist; due once at the end of the gap
        ("Europe/Berlin", date(2026, 3, 29), time(2, 30), datetime(2026, 3, 29, 1, 0, tzinfo=UTC)),
        (
            "America/New_York",
            date(2026, 3, 8),
            time(2, 30),
            datetime(2026, 3, 8, 7, 0, tzinfo=UTC),
        ),
        (
            "Australia/Lord_Howe",
            date(2026, 10, 4),
            time(2, 15),
            datetime(2026, 10, 3, 15, 30, tzinfo=UTC),
        ),
        # fall back: 02:30 happens twice; due at the first
        (
            "Europe/Berlin",
            date(2026, 10, 25),
            time(2, 30),
            datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
        ),
        (
            "America/New_York",
            date(2026, 11, 1),
            time(1, 30),
            datetime(2026, 11, 1, 5, 30, tzinfo=UTC),
        ),
        (
            "Australia/Lord_Howe",
            date(2026, 4, 5),
            time(1, 45),
            datetime(2026, 4, 4, 14, 45, tzinfo=UTC),
        ),
        # the day after a transition is ordinary again
        (
            "Europe/Berlin",
            date(2026, 3, 30),
            time(2, 30),
            datetime(2026, 3, 30, 0, 30, tzinfo=UTC),
        ),
    ],
)
def test_occurrence_across_zones_and_dst(
    zone: str, day: date, at: time, expected_utc: datetime
) -> None:
    assert occurrence(day, at, ZoneInfo(zone)) == expected_utc


def test_next_due_skips_delivered_days_and_pauses() -> None:
    tz = ZoneInfo("Europe/Berlin")
    now = datetime(2026, 6, 1, 4, 0, tzinfo=UTC)  # 06:00 in Berlin
    due, day = next_due(time(7, 30), tz, after=now)
    assert (due, day) == (datetime(2026, 6, 1, 5, 30, tzinfo=UTC), date(2026, 6, 1))
    due, day = next_due(time(7, 30), tz, after=now, skip=frozenset({date(2026, 6, 1)}))
    assert day == date(2026, 6, 2)
    due, day = next_due(time(7, 30), tz, after=now, not_before=date(2026, 6, 5))
    assert day == date(2026, 6, 5)
    # a time already past today waits for tomorrow
    due, day = next_due(time(5, 0), tz, after=now)
    assert day == date(2026, 6, 2)


# --- the tick over a real database ------------------------------------------------------------


@dataclass
class RecordingSender:
    """A hand-written fake of the Telegram sender: records, can fail chosen chats."""

    clock: FakeClock
    sent: list[Claim] = field(default_factory=list)  # routine and desk-break offers
    summaries: list[Claim] = field(default_factory=list)  # weekly summaries (on by default)
    asked: list[tuple[int, str]] = field(default_factory=list)
    fail: dict[int, Outcome] = field(default_factory=dict)

    async def deliver(self, claim: Claim, minutes: int, count: int) -> Outcome:
        if claim.chat_id in self.fail:
            return self.fail[claim.chat_id]
        if claim.session_id is None:
            self.summaries.append(claim)
            return Outcome(claim.delivery_id, claim.chat_id, "sent", self.clock(), 0)
        self.sent.append(claim)
        return Outcome(claim.delivery_id, claim.chat_id, "sent", self.clock(), len(self.sent))

    async def ask_about_slot(self, chat_id: int, slot: str) -> None:
        self.asked.append((chat_id, slot))

    async def resume_hold(self, orphan: timers.Orphan) -> None:
        raise AssertionError("no timers run in these tests")

    def count(self) -> Counter[tuple[int, str, date]]:
        return Counter((c.chat_id, c.slot, c.local_date) for c in self.sent)


@dataclass
class DyingSender:
    """A process that dies after `after` sends: from then on nothing of it sends again."""

    inner: RecordingSender
    after: int
    dead: bool = False

    async def deliver(self, claim: Claim, minutes: int, count: int) -> Outcome:
        if self.dead or len(self.inner.sent) >= self.after:
            self.dead = True
            raise asyncio.CancelledError  # the process dies mid fan-out
        return await self.inner.deliver(claim, minutes, count)

    async def ask_about_slot(self, chat_id: int, slot: str) -> None:
        await self.inner.ask_about_slot(chat_id, slot)

    async def resume_hold(self, orphan: slots.Orphan) -> None:
        await self.inner.resume_hold(orphan)


@dataclass
class World:
    db: Database
    coach: Coach
    clock: FakeClock
    sender: RecordingSender
    library: Library

    def ticker(self, worker: str = "test", **kwargs: int) -> Ticker:
        return Ticker(self.db, self.library, self.sender, self.clock, worker, **kwargs)

    async def subscribe(
        self,
        chat_id: int,
        zone: str = "UTC",
        morning: str | None = "07:30",
        evening: str | None = None,
    ) -> None:
        now = self.clock()
        await self.coach.start(chat_id, chat_id, "T", None, now)
        await self.coach.set_zone(chat_id, zone, now)
        await self.coach.set_time(chat_id, Slot.MORNING, parse_time(morning or "off"), now)
        await self.coach.set_time(chat_id, Slot.EVENING, parse_time(evening or "off"), now)

    async def subscribe_many(self, chats: range, morning: str = "07:30") -> None:
        """Many UTC subscribers with only a morning slot, in one transaction."""
        now = self.clock()
        async with self.db.session() as s:
            subs = [
                Subscriber(
                    chat_id=chat, user_id=chat, timezone="UTC", morning=parse_time(morning),
                    evening=None, active=True, programme_week=1,
                    desk_cursor=0, created_at=now, updated_at=now,
                )
                for chat in chats
            ]  # fmt: skip
            s.add_all(subs)
            await s.flush()
            for sub in subs:
                await slots.reschedule(s, sub, now)

    async def deliveries(self) -> list[Delivery]:
        async with self.db.session() as s:
            return list((await s.execute(select(Delivery))).scalars())


@pytest.fixture
async def world(db_url: str, library: Library) -> AsyncIterator[World]:
    db = Database(db_url)
    clock = FakeClock(datetime(2026, 6, 1, 0, 0, tzinfo=UTC))
    yield World(db, Coach(db, library), clock, RecordingSender(clock), library)
    await db.close()


async def run_until(world: World, end: datetime) -> None:
    """Tick at every moment something falls due (as a per-second tick would), until `end`."""
    ticker = world.ticker()
    while True:
        await ticker.tick()
        async with world.db.session() as s:
            due = (await s.execute(select(func.min(ScheduledSlot.due_at)))).scalar()
            snooze = (await s.execute(select(func.min(Delivery.snooze_until)))).scalar()
        upcoming = [t for t in (due, snooze) if t is not None and t <= end]
        if not upcoming:
            world.clock.now = max(world.clock.now, end)
            return
        world.clock.now = max(world.clock.now, min(upcoming))


async def test_each_zone_gets_its_routine_at_its_local_minute_once_a_day(world: World) -> None:
    zones = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "UTC+05:30"]
    for chat, zone in enumerate(zones, start=1):
        await world.subscribe(chat, zone, morning="07:30", evening="20:30")
    await run_until(world, world.clock.now + timedelta(days=3))
    counts = world.sender.count()
    assert set(counts.values()) == {1}
    for chat, zone in enumerate(zones, start=1):
        from bot.coach.clock import zone as tz_of

        mine = [c for c in world.sender.sent if c.chat_id == chat]
        assert len(mine) >= 5  # three days, two slots, minus the part of day 0 already past
        for claim in mine:
            local = claim.due_at.astimezone(tz_of(zone))
            assert local.strftime("%H:%M") == ("07:30" if claim.slot == "morning" else "20:30")
            assert claim.local_date == local.date()


async def test_spring_forward_gap_sends_once_at_the_next_valid_time(world: World) -> None:
    world.clock.now = datetime(2026, 3, 28, 12, 0, tzinfo=UTC)
    await world.subscribe(1, "Europe/Berlin", morning="02:30")
    await run_until(world, datetime(2026, 3, 31, 0, 0, tzinfo=UTC))
    days = {c.local_date: c.due_at for c in world.sender.sent}
    assert days[date(2026, 3, 29)] == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)  # 03:00 CEST
    assert sorted(world.sender.count().values()) == [1, 1]  # 29 and 30 March


async def test_fall_back_overlap_sends_once(world: World) -> None:
    world.clock.now = datetime(2026, 10, 24, 12, 0, tzinfo=UTC)
    await world.subscribe(1, "Europe/Berlin", morning="02:30")
    await run_until(world, datetime(2026, 10, 26, 12, 0, tzinfo=UTC))
    on_the_day = [c for c in world.sender.sent if c.local_date == date(2026, 10, 25)]
    assert len(on_the_day) == 1
    assert on_the_day[0].due_at == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


async def test_time_change_after_todays_routine_sends_no_second_one(world: World) -> None:
    world.clock.now = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    await world.subscribe(1, "UTC", morning="07:30")
    await run_until(world, datetime(2026, 6, 1, 8, 0, tzinfo=UTC))
    assert len(world.sender.sent) == 1
    await world.coach.set_time(1, Slot.MORNING, time(9, 0), world.clock())
    await world.coach.set_zone(1, "America/New_York", world.clock())  # still 1 June there
    await run_until(world, datetime(2026, 6, 1, 23, 59, tzinfo=UTC))
    assert len(world.sender.sent) == 1
    await run_until(world, datetime(2026, 6, 2, 14, 0, tzinfo=UTC))
    assert [c.local_date for c in world.sender.sent] == [date(2026, 6, 1), date(2026, 6, 2)]
    assert world.sender.sent[1].due_at == datetime(2026, 6, 2, 13, 0, tzinfo=UTC)  # 09:00 EDT


async def test_time_change_before_todays_routine_counts(world: World) -> None:
    world.clock.now = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)
    await world.subscribe(1, "UTC", morning="07:30")
    await world.coach.set_time(1, Slot.MORNING, time(6, 45), world.clock())
    await run_until(world, datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    assert [c.due_at for c in world.sender.sent] == [datetime(2026, 6, 1, 6, 45, tzinfo=UTC)]
    # moving it to a time already past today waits for tomorrow rather than sending at once
    await world.coach.set_time(1, Slot.EVENING, time(8, 0), world.clock())
    await world.ticker().tick()
    assert len(world.sender.sent) == 1


async def test_pause_resume_and_stop(world: World) -> None:
    world.clock.now = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)
    await world.subscribe(1, "UTC", morning="07:30")
    await world.subscribe(2, "UTC", morning="07:30")
    await world.coach.pause(1, 2, world.clock())  # back on 3 June
    await world.coach.stop(2, world.clock())
    await run_until(world, datetime(2026, 6, 4, 0, 0, tzinfo=UTC))
    assert [(c.chat_id, c.local_date) for c in world.sender.sent] == [(1, date(2026, 6, 3))]
    await world.coach.resume(2, world.clock())
    await run_until(world, datetime(2026, 6, 5, 0, 0, tzinfo=UTC))
    assert (2, date(2026, 6, 4)) in {(c.chat_id, c.local_date) for c in world.sender.sent}


async def test_down_at_the_due_minute_sends_once_within_grace_and_skips_after(
    world: World,
) -> None:
    world.clock.now = datetime(2026, 6, 1, 6, 0, tzinfo=UTC)
    await world.subscribe(1, "UTC", morning="07:30")
    await world.subscribe(2, "UTC", morning="07:30", evening="08:00")
    # The bot is down from 07:00 to 09:45: chat 1's 07:30 is 2 h 15 min late (skip),
    # chat 2's 08:00 evening slot... is 1 h 45 min late (send once).
    world.clock.now = datetime(2026, 6, 1, 9, 45, tzinfo=UTC)
    report = await world.ticker().tick()
    assert [(c.chat_id, c.slot) for c in world.sender.sent] == [(2, "evening")]
    assert report.missed == 2
    await world.ticker().tick()  # a second tick (or a restart) sends nothing more
    assert len(world.sender.sent) == 1
    statuses = Counter(d.status for d in await world.deliveries())
    assert statuses == {"missed": 2, "sent": 1}


async def test_restart_in_the_middle_of_a_fan_out_delivers_each_exactly_once(
    world: World,
) -> None:
    world.clock.now = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    await world.subscribe_many(range(1, 301))
    world.clock.now = datetime(2026, 6, 1, 7, 30, tzinfo=UTC)
    dying = DyingSender(world.sender, after=120)
    first = Ticker(world.db, world.library, dying, world.clock, "first", batch=100, concurrency=10)
    with pytest.raises(asyncio.CancelledError):
        await first.tick()
    await asyncio.sleep(0)  # the dead process's other sends find it dead too
    assert len(world.sender.sent) == 120
    # A new process starts; claims of the dead one expire after the lease and are taken over.
    world.clock.advance(minutes=1)
    await world.ticker("second").tick()
    world.clock.advance(minutes=6)
    await world.ticker("second").tick()
    counts = world.sender.count()
    assert len(counts) == 300
    duplicates = sum(n - 1 for n in counts.values())
    # Only sends whose outcome was not yet recorded when the process died can repeat.
    assert duplicates <= 10
    statuses = Counter(d.status for d in await world.deliveries())
    assert statuses == {"sent": 300}


@dataclass
class SlowSender:
    """A live process whose sends wait until the test lets them go (a busy machine); with
    `held`, only its first `held` sends wait (a slow hop, a busy chat) and the rest go at once."""

    inner: RecordingSender
    expected: int
    held: int | None = None
    go: asyncio.Event = field(default_factory=asyncio.Event)
    all_waiting: asyncio.Event = field(default_factory=asyncio.Event)
    waiting: int = 0

    async def deliver(self, claim: Claim, minutes: int, count: int) -> Outcome:
        self.waiting += 1
        if self.waiting == self.expected:
            self.all_waiting.set()
        if self.held is None or self.waiting <= self.held:
            await self.go.wait()
        return await self.inner.deliver(claim, minutes, count)

    async def ask_about_slot(self, chat_id: int, slot: str) -> None:
        await self.inner.ask_about_slot(chat_id, slot)

    async def resume_hold(self, orphan: slots.Orphan) -> None:
        await self.inner.resume_hold(orphan)


async def test_a_live_but_slow_process_keeps_its_claims_past_the_lease(world: World) -> None:
    world.clock.now = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    await world.subscribe_many(range(1, 51))
    world.clock.now = datetime(2026, 6, 1, 7, 30, tzinfo=UTC)
    lease = timedelta(seconds=0.3)  # renewed every 0.1 s of real time while the tick runs
    slow = SlowSender(world.sender, expected=50)
    busy = Ticker(world.db, world.library, slow, world.clock, "busy", lease=lease)
    ticking = asyncio.create_task(busy.tick())
    try:
        # All claimed, stamped with 07:30, and being sent.
        await asyncio.wait_for(slow.all_waiting.wait(), timeout=10)
        assert {d.claimed_at for d in await world.deliveries()} == {world.clock.now}
        # Long past the lease by the clock the claims are stamped with; the busy process is
        # still sending them, so its lease is renewed to the new moment.
        world.clock.advance(minutes=1)
        deadline = asyncio.get_running_loop().time() + 10
        while {d.claimed_at for d in await world.deliveries()} != {world.clock.now}:
            assert asyncio.get_running_loop().time() < deadline, "the lease was not renewed"
            await asyncio.sleep(0.05)
        other = Ticker(world.db, world.library, world.sender, world.clock, "other", lease=lease)
        await other.tick()
        assert world.sender.sent == []  # nothing taken over from a live process
    finally:
        slow.go.set()
        await ticking
    counts = world.sender.count()
    assert len(counts) == 50
    assert set(counts.values()) == {1}
    assert Counter(d.status for d in await world.deliveries()) == {"sent": 50}


async def test_a_batch_taken_over_while_it_waited_is_not_sent_again(world: World) -> None:
    """A process stalled longer than its lease (its renewals could not run): another worker takes
    its claims over and sends them. When the stalled process wakes, the sends it had queued
    and not yet started (the next batch, behind a full gate) are left to the other worker; only
    the sends already in flight can go twice."""
    world.clock.now = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    await world.subscribe_many(range(1, 21))
    world.clock.now = datetime(2026, 6, 1, 7, 30, tzinfo=UTC)
    lease = timedelta(minutes=5)  # renewed every 100 s of real time: never, in this test
    slow = SlowSender(world.sender, expected=10)
    stalled = Ticker(
        world.db, world.library, slow, world.clock, "stalled", batch=10, concurrency=10,
        lease=lease,
    )  # fmt: skip
    ticking = asyncio.create_task(stalled.tick())
    try:
        await asyncio.wait_for(slow.all_waiting.wait(), timeout=10)  # first batch in flight
        deadline = asyncio.get_running_loop().time() + 10
        while len([d for d in await world.deliveries() if d.claimed_by == "stalled"]) < 20:
            assert asyncio.get_running_loop().time() < deadline, "the next batch was not claimed"
            await asyncio.sleep(0.05)
        world.clock.advance(minutes=6)  # past the lease: the claims look abandoned
        other = Ticker(world.db, world.library, world.sender, world.clock, "other", lease=lease)
        await other.tick()
        assert len(world.sender.count()) == 20  # the other worker sent all twenty
    finally:
        slow.go.set()
        await ticking
    counts = world.sender.count()
    duplicates = sum(n - 1 for n in counts.values())
    assert duplicates == 10  # the first batch, in flight when it was taken over; not the second
    assert Counter(d.status for d in await world.deliveries()) == {"sent": 20}


async def test_the_next_batch_does_not_wait_for_a_straggler_of_the_last(world: World) -> None:
    """One slow send does not pause the fan-out: the next batch goes out meanwhile (a pause would
    cost a paid broadcast its place in Telegram's window for good). Claims still run at most one
    batch ahead of what is sent, and the straggler is sent once."""
    world.clock.now = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    await world.subscribe_many(range(1, 31))
    world.clock.now = datetime(2026, 6, 1, 7, 30, tzinfo=UTC)
    straggler = SlowSender(world.sender, expected=1, held=1)  # its very first send is slow
    ticker = Ticker(world.db, world.library, straggler, world.clock, "one", batch=10)
    ticking = asyncio.create_task(ticker.tick())
    try:
        deadline = asyncio.get_running_loop().time() + 10
        while len(world.sender.sent) < 19:  # the first batch but its straggler, and the second
            assert asyncio.get_running_loop().time() < deadline, "the second batch waited"
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.3)
        assert len(world.sender.sent) == 19  # the third is not claimed while the first is out
        claimed = [d for d in await world.deliveries() if d.claimed_by == "one"]
        assert len(claimed) == 20
    finally:
        straggler.go.set()
        report = await ticking
    assert report.sent == 30
    assert set(world.sender.count().values()) == {1}


async def test_two_schedulers_claim_the_same_minute_without_a_duplicate(
    world: World, backend: str
) -> None:
    world.clock.now = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    await world.subscribe_many(range(1, 401))
    world.clock.now = datetime(2026, 6, 1, 7, 30, 5, tzinfo=UTC)
    other_db = Database(world.db.url)
    try:
        other = Ticker(other_db, world.library, world.sender, world.clock, "other", batch=50)
        mine = world.ticker("mine", batch=50)
        reports = await asyncio.gather(mine.tick(), other.tick(), mine.tick(), other.tick())
    finally:
        await other_db.close()
    counts = world.sender.count()
    assert len(counts) == 400
    assert set(counts.values()) == {1}
    if backend == "postgres":  # with SKIP LOCKED both processes really share the work
        assert all(r.sent for r in reports[:2])


async def test_gone_chats_are_marked_inactive_and_the_rest_carry_on(world: World) -> None:
    world.clock.now = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    for chat in range(1, 6):
        await world.subscribe(chat, "UTC", morning="07:30")
    now = world.clock.now
    world.sender.fail[2] = Outcome(0, 2, "failed", now, error="403 blocked", deactivate=True)
    world.sender.fail[4] = Outcome(
        0, 4, "failed", now, error="400 chat not found", deactivate=True
    )
    # Outcomes carry the delivery id of their claim; rebuild them per claim.
    fails = world.sender.fail

    async def deliver(claim: Claim, minutes: int, count: int) -> Outcome:
        if claim.chat_id in fails:
            o = fails[claim.chat_id]
            return Outcome(claim.delivery_id, o.chat_id, o.status, o.at, None, o.error, True)
        world.sender.sent.append(claim)
        return Outcome(claim.delivery_id, claim.chat_id, "sent", now, 1)

    world.sender.deliver = deliver  # type: ignore[method-assign]
    await run_until(world, datetime(2026, 6, 2, 8, 0, tzinfo=UTC))
    assert sorted({c.chat_id for c in world.sender.sent}) == [1, 3, 5]
    assert len(world.sender.sent) == 6  # two mornings each for the three left
    async with world.db.session() as s:
        inactive = (
            await s.execute(select(Subscriber.chat_id).where(Subscriber.active.is_(False)))
        ).scalars()
        assert sorted(inactive) == [2, 4]
        left = (await s.execute(select(ScheduledSlot.chat_id))).scalars()
        assert 2 not in set(left)


async def test_snooze_delivers_once_more_thirty_minutes_later(world: World) -> None:
    world.clock.now = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    await world.subscribe(1, "UTC", morning="07:30")
    await run_until(world, datetime(2026, 6, 1, 7, 31, tzinfo=UTC))
    (first,) = world.sender.sent
    await world.coach.snooze_delivered(1, first.session_id, world.clock())
    with pytest.raises(StaleButton) as refused:  # once only
        await world.coach.snooze_delivered(1, first.session_id, world.clock())
    assert refused.value.reason is Stale.SNOOZED
    await run_until(world, datetime(2026, 6, 1, 8, 0, tzinfo=UTC))
    assert len(world.sender.sent) == 1
    await run_until(world, datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    assert len(world.sender.sent) == 2
    second = world.sender.sent[1]
    assert second.snooze
    assert second.session_id == first.session_id
    assert second.due_at == first.due_at


async def test_skip_today_counts_as_an_answer(world: World) -> None:
    """Three routines unanswered bring the "shall we change the time?" question; a skip is an
    answer, so three with a skip among them do not."""
    world.clock.now = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    await world.subscribe(1, "UTC", morning="07:30")
    await run_until(world, datetime(2026, 6, 3, 7, 31, tzinfo=UTC))
    assert len(world.sender.sent) == 3
    await world.coach.skip_delivered(1, world.sender.sent[2].session_id, world.clock())
    await run_until(world, datetime(2026, 6, 4, 7, 31, tzinfo=UTC))
    assert world.sender.asked == []
    assert len(world.sender.sent) == 4  # the fourth morning came as usual
    async with world.db.session() as s:
        skipped = (await s.execute(select(StretchSession.skipped_at))).scalars()
        assert sum(at is not None for at in skipped) == 1


async def test_three_ignored_routines_get_one_question_and_then_silence(world: World) -> None:
    world.clock.now = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    await world.subscribe(1, "UTC", morning="07:30")
    await world.subscribe(2, "UTC", morning="07:30")
    ticker = world.ticker()

    async def days(n: int) -> None:
        for _ in range(n):
            world.clock.advance(days=1)
            await ticker.tick()
            # chat 2 answers every routine by starting it
            for claim in [c for c in world.sender.sent if c.chat_id == 2]:
                with contextlib.suppress(StaleButton):  # the earlier days' are open already
                    await world.coach.open_delivered(2, claim.session_id, world.clock())

    world.clock.now = datetime(2026, 5, 31, 7, 31, tzinfo=UTC)
    await days(3)
    assert len([c for c in world.sender.sent if c.chat_id == 1]) == 3
    await days(1)
    assert world.sender.asked == [(1, "morning")]
    await days(3)
    assert len([c for c in world.sender.sent if c.chat_id == 1]) == 3  # silence
    assert world.sender.asked == [(1, "morning")]  # asked once
    assert len([c for c in world.sender.sent if c.chat_id == 2]) == 7
    # Answering (any message or tap) brings the slot back.
    assert (await world.coach.answered(1, world.clock())).released
    await days(1)
    assert len([c for c in world.sender.sent if c.chat_id == 1]) == 4


async def test_status_counts_what_an_operator_asks_about(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    world.clock.now = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    await world.subscribe(1, "UTC", morning="07:30")
    await world.subscribe(2, "UTC", morning="07:45")
    await world.subscribe(3, "UTC", morning="09:00")
    await world.coach.stop(3, world.clock())
    now = world.clock.now
    world.sender.fail[2] = Outcome(0, 2, "failed", now, error="403 blocked", deactivate=True)

    async def deliver(claim: Claim, minutes: int, count: int) -> Outcome:
        if claim.chat_id == 2:
            return Outcome(claim.delivery_id, 2, "failed", now, None, "403", True)
        world.sender.sent.append(claim)
        return Outcome(claim.delivery_id, claim.chat_id, "sent", now, 1)

    world.sender.deliver = deliver  # type: ignore[method-assign]
    async with world.db.session() as s:
        before = await operator.status(s, world.clock())
    assert (before.subscribers, before.active, before.due_next_hour) == (3, 2, 2)
    await run_until(world, datetime(2026, 6, 1, 8, 0, tzinfo=UTC))
    async with world.db.session() as s:
        after = await operator.status(s, world.clock())
    assert (after.active, after.sent_today, after.failed_today) == (1, 1, 1)
    from bot.cli import main

    monkeypatch.setenv("DATABASE_URL", world.db.url)
    assert await asyncio.to_thread(main, ["status"]) == 0  # the CLI runs its own event loop
    out = capsys.readouterr().out
    assert "subscribers        3" in out
    assert "active             1" in out


async def test_a_snooze_due_with_a_crowd_comes_once_in_a_tick_of_many_batches(
    world: World,
) -> None:
    """A tick claims snoozes, retries and abandoned claims with its first batch only: the snooze
    still comes in a tick whose due slots take several batches, and only once."""
    world.clock.now = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    await world.subscribe(1, "UTC", morning="07:30")
    await run_until(world, datetime(2026, 6, 1, 7, 31, tzinfo=UTC))
    (first,) = world.sender.sent
    await world.coach.snooze_delivered(1, first.session_id, world.clock())
    await world.subscribe_many(range(100, 125), morning="08:01")
    world.clock.now = datetime(2026, 6, 1, 8, 2, tzinfo=UTC)
    report = await world.ticker(batch=10).tick()
    later = world.sender.sent[1:]
    assert sorted(c.chat_id for c in later) == [1, *range(100, 125)]
    assert [c.snooze for c in later if c.chat_id == 1] == [True]
    assert report.sent == 26
