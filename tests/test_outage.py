"""Deliveries through a Telegram outage, and people whose chat Telegram said was gone.

A send Telegram fails (5xx, no connection) keeps its ledger row with a time to try again; the tick
re-claims it then. The outages are the emulator's (`inject_outage`, on the test's fake clock), and
the scheduler is ticked by hand every few fake seconds: a ten-minute outage takes no real time.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest
from sqlalchemy import select
from telegram.error import NetworkError, TelegramError, TimedOut

from bot.cli import main
from bot.content.model import Library
from bot.emulator import BotApiEmulator
from bot.schedule import operator, slots
from bot.schedule.slots import Claim
from bot.schedule.ticker import TickReport
from bot.store.db import Database
from bot.store.models import Delivery, DeliveryStatus, ScheduledSlot, Subscriber
from bot.telegram import texts
from bot.telegram.context import SERVICES
from bot.telegram.delivery import TelegramSender, retry_wait
from bot.telegram.http import AiohttpRequest, NotConnected
from tests.conftest import PACE, FakeClock, Harness, Phone, make_settings

DUE = datetime(2026, 11, 23, 7, 30, tzinfo=UTC)
ROUTINE = "-minute morning routine"


async def tick(bot: Harness) -> TickReport:
    return await bot.app.bot_data[SERVICES].ticker.tick()


async def subscriber(bot: Harness, user_id: int) -> Phone:
    """A subscriber with a 07:30 UTC morning routine and no evening one."""
    phone = bot.phone(user_id)
    await phone.send("/start", expect="stretchbot")
    await phone.send("/evening off", expect="evening routine is off")
    return phone


def routines(phone: Phone, after: int) -> int:
    return len([t for t in phone.texts(after) if ROUTINE in t])


async def ledger(bot: Harness) -> dict[int, Delivery]:
    db = Database(bot.db_url)
    try:
        async with db.session() as s:
            return {d.chat_id: d for d in (await s.execute(select(Delivery))).scalars()}
    finally:
        await db.close()


async def ops_status(bot: Harness) -> operator.Status:
    db = Database(bot.db_url)
    try:
        async with db.session() as s:
            return await operator.status(s, bot.clock())
    finally:
        await db.close()


async def ticks_until(bot: Harness, end: datetime, every: timedelta) -> list[TickReport]:
    """Tick the scheduler every `every` of the fake clock until `end`."""
    reports = []
    while bot.clock.now < end:
        bot.clock.now = min(bot.clock.now + every, end)
        reports.append(await tick(bot))
    return reports


@pytest.fixture
async def bot(
    emulator: BotApiEmulator, db_url: str, clock: FakeClock, library: Library
) -> AsyncIterator[Harness]:
    """The real bot with pictures off: offers go out by sendMessage, which the faults target
    (pictures ride the same retry path; tests/test_send_pictures.py covers them)."""
    from bot.telegram.app import build_application, running

    settings = make_settings(emulator.api_root, db_url, pictures=False)
    app = build_application(settings, library, Database(db_url), clock=clock, pace=PACE)
    async with running(app, poll_timeout=1):
        yield Harness(app, emulator, clock, db_url, settings, library)


@pytest.fixture
def morning(clock: FakeClock) -> FakeClock:
    clock.now = DUE.replace(hour=7, minute=0)
    return clock


async def test_a_502_is_retried_later_by_the_tick_not_recorded_as_sent(
    bot: Harness, morning: FakeClock
) -> None:
    phone = await subscriber(bot, 1001)
    other = await subscriber(bot, 1002)
    morning.now = DUE
    bot.emulator.inject_fault(
        "sendMessage", error_code=502, description="Bad Gateway", chat_id=1001, times=2
    )
    mark, other_mark = phone.mark(), other.mark()
    report = await tick(bot)
    assert (report.sent, report.retrying, report.failed, report.unknown) == (1, 1, 0, 0)
    assert routines(other, other_mark) == 1  # the other subscriber is not held up
    row = (await ledger(bot))[1001]
    assert (row.status, row.sent_at, row.attempts) == ("retry", None, 1)
    assert row.retry_at == DUE + timedelta(seconds=1)
    status = await ops_status(bot)
    assert (status.sent_today, status.retrying) == (1, 1)  # the 502 is not counted as sent
    # Before its time nothing is tried; then the second 502 doubles the wait, the third try lands.
    calls = len(bot.emulator.calls_of("sendMessage"))
    assert (await tick(bot)).retrying == 0
    assert len(bot.emulator.calls_of("sendMessage")) == calls
    morning.advance(seconds=1)
    assert (await tick(bot)).retrying == 1
    assert (await ledger(bot))[1001].retry_at == DUE + timedelta(seconds=3)
    morning.advance(seconds=2)
    assert (await tick(bot)).sent == 1
    assert routines(phone, mark) == 1
    row = (await ledger(bot))[1001]
    assert (row.status, row.retry_at) == ("sent", None)
    morning.advance(minutes=5)
    await tick(bot)
    assert routines(phone, mark) == routines(other, other_mark) == 1


async def test_a_ten_minute_outage_delivers_each_routine_exactly_once_after_recovery(
    bot: Harness, morning: FakeClock
) -> None:
    phones = [await subscriber(bot, uid) for uid in range(1001, 1006)]
    marks = [p.mark() for p in phones]
    bot.emulator.inject_outage("sendMessage", clock=morning, until=DUE + timedelta(minutes=10))
    before = len(bot.emulator.calls_of("sendMessage"))
    morning.now = DUE
    during = [await tick(bot)]
    during += await ticks_until(bot, DUE + timedelta(minutes=9, seconds=55), timedelta(seconds=5))
    assert sum(r.sent for r in during) == 0
    assert sum(r.failed + r.missed + r.unknown for r in during) == 0
    assert all(routines(p, m) == 0 for p, m in zip(phones, marks, strict=True))
    assert {d.status for d in (await ledger(bot)).values()} == {"retry"}
    assert (await ops_status(bot)).retrying == 5
    # Backoff, on 5-second ticks: tries at 0, 5, 10, 15, 25, 45, 80 s, then every minute from
    # 140 to 560 s: 15 each in ten minutes, where a try every tick would have been 120.
    assert len(bot.emulator.calls_of("sendMessage")) - before == 5 * 15
    after = await ticks_until(bot, DUE + timedelta(minutes=20), timedelta(seconds=5))
    assert sum(r.sent for r in after) == 5
    assert [routines(p, m) for p, m in zip(phones, marks, strict=True)] == [1] * 5
    rows = await ledger(bot)
    assert {d.status for d in rows.values()} == {"sent"}
    # Sent within a minute (the backoff's cap) of Telegram coming back.
    recovered = DUE + timedelta(minutes=10)
    assert all(recovered <= d.sent_at <= recovered + timedelta(seconds=65) for d in rows.values())
    status = await ops_status(bot)
    assert (status.sent_today, status.retrying, status.missed_today) == (5, 0, 0)


async def test_an_outage_past_the_grace_period_is_missed_and_shown_in_status(
    bot: Harness,
    morning: FakeClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Today's 07:30 (real date): `stretchbot status` counts the last 24 hours of the real clock.
    due = datetime.now(UTC).replace(hour=7, minute=30, second=0, microsecond=0)
    morning.now = due - timedelta(minutes=30)
    phones = [await subscriber(bot, uid) for uid in (1001, 1002)]
    marks = [p.mark() for p in phones]
    bot.emulator.inject_outage(
        "sendMessage", clock=morning, until=due + slots.GRACE + timedelta(minutes=5),
        error_code=500, description="Internal Server Error",
    )  # fmt: skip
    morning.now = due
    reports = [await tick(bot)]
    reports += await ticks_until(
        bot, due + slots.GRACE + timedelta(minutes=30), timedelta(minutes=1)
    )
    assert sum(r.sent for r in reports) == 0
    assert sum(r.missed for r in reports) == 2
    assert all(routines(p, m) == 0 for p, m in zip(phones, marks, strict=True))
    rows = await ledger(bot)
    assert {d.status for d in rows.values()} == {"missed"}
    assert all(d.sent_at is None and d.retry_at is None for d in rows.values())
    # The last try is at the end of the grace period, not a backoff step after it.
    assert all(d.claimed_at == due + slots.GRACE for d in rows.values())
    status = await ops_status(bot)
    assert (status.missed_today, status.retrying, status.sent_today) == (2, 0, 0)
    metrics = bot.app.bot_data[SERVICES].metrics.render().decode()
    assert 'stretchbot_deliveries_total{outcome="missed"} 2.0' in metrics
    monkeypatch.setenv("DATABASE_URL", bot.db_url)
    assert await asyncio.to_thread(main, ["status"]) == 0
    out = capsys.readouterr().out
    assert "missed (last 24 h) 2" in out
    assert "waiting for retry  0" in out
    # Not a gone chat: tomorrow's routine comes as usual.
    morning.now = due + timedelta(days=1)
    assert (await tick(bot)).sent == 2


async def test_a_bot_down_through_the_retries_misses_them_when_it_comes_back(
    bot: Harness, morning: FakeClock
) -> None:
    phone = await subscriber(bot, 1001)
    mark = phone.mark()
    morning.now = DUE
    bot.emulator.inject_fault("sendMessage", error_code=502, description="Bad Gateway")
    assert (await tick(bot)).retrying == 1
    morning.now = DUE + slots.GRACE + timedelta(minutes=1)  # no tick ran meanwhile
    report = await tick(bot)
    assert (report.missed, report.sent) == (1, 0)
    assert routines(phone, mark) == 0
    assert (await ledger(bot))[1001].status == "missed"


async def test_a_snoozed_routine_is_retried_through_an_outage_and_arrives_once(
    bot: Harness, morning: FakeClock
) -> None:
    phone = await subscriber(bot, 1001)
    morning.now = DUE
    mark = phone.mark()
    await tick(bot)
    offer = await phone.expect("morning routine", after=mark)
    await phone.press(offer, "Snooze", expect="30 minutes")
    snoozed_to = DUE + timedelta(minutes=30)
    bot.emulator.inject_outage(
        "sendMessage", clock=morning, until=snoozed_to + timedelta(minutes=3)
    )
    mark = phone.mark()
    morning.now = snoozed_to
    await ticks_until(bot, snoozed_to + timedelta(minutes=10), timedelta(seconds=5))
    again = [m for m in bot.emulator.chat(1001)[mark:] if "Snoozed routine" in (m.text or "")]
    assert len(again) == 1
    assert [b.text for row in again[0].buttons for b in row] == ["▶ Start", "Skip today"]
    assert (await ledger(bot))[1001].status == "sent"


# --- what each failure means: the sender against a bot that fails on demand ------------------


@dataclass
class FailingBot:
    """Stands in for the ExtBot: every sendMessage raises `error`."""

    error: TelegramError

    async def do_api_request(self, *args: Any, **kwargs: Any) -> Any:
        raise self.error


def claim(attempts: int = 0) -> Claim:
    return Claim(7, 1001, "morning", DUE.date(), DUE, 3, ("a",), False, attempts=attempts)


def timed_out(cause: Exception) -> TimedOut:
    exc = TimedOut()
    exc.__cause__ = cause
    return exc


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (NetworkError("Bad Gateway"), DeliveryStatus.RETRY),  # Telegram's 502
        (NetworkError("Service Unavailable (503)"), DeliveryStatus.RETRY),
        (NotConnected("aiohttp.ClientConnectorError: Connection refused"), DeliveryStatus.RETRY),
        (timed_out(aiohttp.ConnectionTimeoutError()), DeliveryStatus.RETRY),
        # The request may have arrived: recorded as sent (unknown), never sent twice.
        (timed_out(aiohttp.SocketTimeoutError()), DeliveryStatus.UNKNOWN),
        (TimedOut(), DeliveryStatus.UNKNOWN),
        (NetworkError("aiohttp.ServerDisconnectedError"), DeliveryStatus.UNKNOWN),
        (NetworkError("aiohttp.ClientOSError: Connection reset by peer"), DeliveryStatus.UNKNOWN),
    ],
)
async def test_only_a_request_that_may_have_arrived_is_an_unknown_outcome(
    library: Library, error: TelegramError, status: DeliveryStatus
) -> None:
    sender = TelegramSender(FailingBot(error), lambda: DUE, library)  # type: ignore[arg-type]
    outcome = await sender.deliver(claim(), 5, 1)
    assert outcome.status == status
    assert (outcome.retry_at is not None) == (status == DeliveryStatus.RETRY)


async def test_retries_back_off_to_a_minute_and_stop_at_the_end_of_the_grace_period(
    library: Library,
) -> None:
    assert [retry_wait(n) for n in range(1, 10)] == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    now = DUE
    sender = TelegramSender(FailingBot(NetworkError("Bad Gateway")), lambda: now, library)  # type: ignore[arg-type]
    outcome = await sender.deliver(claim(attempts=6), 5, 1)
    assert (outcome.status, outcome.attempts) == (DeliveryStatus.RETRY, 7)
    assert outcome.retry_at == DUE + timedelta(seconds=60)
    now = DUE + slots.GRACE - timedelta(seconds=10)
    outcome = await sender.deliver(claim(attempts=30), 5, 1)
    assert outcome.retry_at == DUE + slots.GRACE  # one last try at the very end
    now = DUE + slots.GRACE
    outcome = await sender.deliver(claim(attempts=31), 5, 1)
    assert outcome.status == DeliveryStatus.MISSED
    assert outcome.error == "missed (network Bad Gateway)"


async def test_a_refused_connection_is_reported_as_not_connected() -> None:
    server = await asyncio.start_server(lambda r, w: w.close(), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()  # nothing listens on `port` now
    request = AiohttpRequest(connect_timeout=2)
    await request.initialize()
    try:
        with pytest.raises(NotConnected) as caught:
            await request.do_request(f"http://127.0.0.1:{port}/bot123:SECRET/x", "POST")
    finally:
        await request.shutdown()
    assert "SECRET" not in str(caught.value)


# --- a chat Telegram said was gone, and the person coming back ------------------------------


async def subscriber_row(bot: Harness, chat_id: int) -> tuple[Subscriber, list[ScheduledSlot]]:
    db = Database(bot.db_url)
    try:
        async with db.session() as s:
            sub = await s.get(Subscriber, chat_id)
            assert sub is not None
            rows = select(ScheduledSlot).where(ScheduledSlot.chat_id == chat_id)
            return sub, list((await s.execute(rows)).scalars())
    finally:
        await db.close()


async def test_someone_who_blocked_the_bot_and_writes_again_is_told_and_gets_routines_back(
    bot: Harness, morning: FakeClock
) -> None:
    phone = await subscriber(bot, 1001)
    bot.emulator.block(1001)
    morning.now = DUE
    report = await tick(bot)
    assert report.failed == 1
    sub, schedule = await subscriber_row(bot, 1001)
    assert (sub.active, sub.unreachable_since, schedule) == (False, DUE, [])
    morning.now = DUE + timedelta(hours=3)
    mark = phone.mark()
    await phone.send("thanks", expect=texts.THANKS)  # writing unblocks, as on Telegram
    said = phone.texts(mark)
    assert said[0] == texts.REACHABLE_AGAIN  # the note comes first, then the answer
    assert said.count(texts.REACHABLE_AGAIN) == 1
    sub, schedule = await subscriber_row(bot, 1001)
    assert (sub.active, sub.unreachable_since) == (True, None)
    due = {s.slot: s.due_at for s in schedule}
    assert due["morning"] == DUE + timedelta(days=1)  # next due from now, not in the past
    # The next message gets no note; tomorrow's routine arrives.
    mark = phone.mark()
    morning.advance(minutes=2)
    await phone.send("thanks", expect=texts.THANKS)
    assert texts.REACHABLE_AGAIN not in phone.texts(mark)
    morning.now = DUE + timedelta(days=1)
    assert (await tick(bot)).sent == 1
    assert routines(phone, mark) == 1


async def test_someone_who_stopped_routines_gets_no_note_and_stays_stopped(
    bot: Harness, morning: FakeClock
) -> None:
    phone = await subscriber(bot, 1001)
    await phone.send("/stop", expect="no more scheduled routines")
    morning.now = DUE + timedelta(hours=3)
    mark = phone.mark()
    await phone.send("thanks", expect=texts.THANKS)
    assert texts.REACHABLE_AGAIN not in phone.texts(mark)
    sub, schedule = await subscriber_row(bot, 1001)
    assert (sub.active, schedule) == (False, [])
    morning.now = DUE + timedelta(days=1)
    assert (await tick(bot)).sent == 0
