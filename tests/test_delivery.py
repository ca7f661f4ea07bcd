"""Scheduled routines through Telegram: the offer and its buttons, and every Telegram error the
fan-out meets, injected by the emulator. The clock and the sender's waits between attempts
are injected (`Naps`); the scheduler is ticked by hand, except in the one wall-clock test at the
end."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.content.model import Library
from bot.emulator import BotApiEmulator, BotMessage, LimiterMode
from bot.errors import Stale
from bot.schedule.ticker import TickReport
from bot.store.db import Database
from bot.store.models import Delivery, StretchSession, Subscriber
from bot.telegram import texts
from bot.telegram.context import SERVICES
from bot.telegram.delivery import TelegramSender
from tests.conftest import PACE, PACE_SPEED, TOKEN, FakeClock, Harness, Phone, make_settings

SEVEN = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
# An offer is a photo or an animation (the first card's picture) or, without one, a text.
OFFER_METHODS = ("sendPhoto", "sendAnimation", "sendMessage")
CARD_EDIT = "editMessageCaption"  # a card is its picture, its text the caption


def offer_calls(emulator: BotApiEmulator) -> int:
    return sum(len(emulator.calls_of(method)) for method in OFFER_METHODS)


async def tick(bot: Harness) -> TickReport:
    return await bot.app.bot_data[SERVICES].ticker.tick()


async def subscriber(bot: Harness, user_id: int) -> Phone:
    """A subscriber with a 07:30 UTC morning routine and no evening one."""
    phone = bot.phone(user_id)
    await phone.send("/start", expect="stretchbot")
    await phone.send("/evening off", expect="evening routine is off")
    return phone


async def offer(phone: Phone, after: int) -> BotMessage:
    return await phone.expect("morning routine", after=after)


async def deliveries(bot: Harness) -> list[Delivery]:
    db = Database(bot.db_url)
    try:
        async with db.session() as s:
            return list((await s.execute(select(Delivery))).scalars())
    finally:
        await db.close()


@pytest.fixture
def morning(clock: FakeClock) -> FakeClock:
    clock.now = SEVEN
    return clock


@dataclass
class Naps:
    """The sender's waits between attempts: recorded, and passed on the fake clock, not slept."""

    clock: FakeClock
    asked: list[float] = field(default_factory=list)

    async def __call__(self, seconds: float) -> None:
        self.asked.append(seconds)
        self.clock.advance(seconds=seconds)
        await asyncio.sleep(0)


@pytest.fixture
def naps(bot: Harness, morning: FakeClock) -> Naps:
    sender = bot.app.bot_data[SERVICES].ticker.sender
    assert isinstance(sender, TelegramSender)
    sender.sleep = naps = Naps(morning)
    return naps


async def test_the_routine_arrives_at_the_local_minute_with_start_snooze_and_skip(
    bot: Harness, morning: FakeClock
) -> None:
    phone = await subscriber(bot, 1001)
    mark = phone.mark()
    await tick(bot)
    assert phone.mark() == mark  # not yet due
    morning.now = SEVEN.replace(minute=30)
    report = await tick(bot)
    assert report.sent == 1
    message = await offer(phone, mark)
    assert "-minute morning routine" in message.text
    assert "stretches" in message.text
    labels = [b.text for row in message.buttons for b in row]
    assert labels == ["▶ Start", "⏰ Snooze 30 min", "Skip today"]
    await tick(bot)
    assert len([t for t in phone.texts(mark) if "-minute morning routine" in t]) == 1
    mark = phone.mark()
    await phone.press(message, "Start")
    intro = await phone.expect("min", after=mark)
    assert "🌅" in intro.text
    await phone.expect("Step 1 of", after=mark)


async def test_snooze_sends_once_more_thirty_minutes_later(
    bot: Harness, morning: FakeClock
) -> None:
    phone = await subscriber(bot, 1001)
    morning.now = SEVEN.replace(minute=30)
    mark = phone.mark()
    await tick(bot)
    message = await offer(phone, mark)
    await phone.press(message, "Snooze", expect="30 minutes")
    morning.advance(minutes=29)
    mark = phone.mark()
    await tick(bot)
    morning.advance(minutes=2)
    await tick(bot)
    again = await phone.expect("Snoozed routine", after=mark)
    assert [b.text for row in again.buttons for b in row] == ["▶ Start", "Skip today"]
    morning.advance(minutes=40)
    await tick(bot)
    assert len([t for t in phone.texts(mark) if "-minute morning routine" in t]) == 1
    # A forged second snooze is refused and changes nothing.
    start = next(b.callback_data for row in again.buttons for b in row if "Start" in b.text)
    assert start is not None  # the same session's data, with the action a client could forge
    bot.emulator.press(phone.user_id, again.message_id, start.replace(":start:", ":snooze:"))
    await bot.emulator.wait_for_call(
        "answerCallbackQuery", predicate=lambda c: "can't be snoozed" in c.params.get("text", "")
    )
    mark = phone.mark()
    morning.advance(minutes=31)
    await tick(bot)
    assert not [t for t in phone.texts(mark) if "Snoozed routine" in t]
    # Skip still works after the refusal.
    await phone.press(again, "Skip", expect="Skipped for today")


def buttons(message: BotMessage) -> dict[str, str]:
    """Start, Snooze and Skip's data, kept from before the bot edits the buttons away."""
    pairs = [(b.text, b.callback_data or "") for row in message.buttons for b in row]
    return {
        word: data for word in ("Start", "Snooze", "Skip") for text, data in pairs if word in text
    }


async def alert_for(bot: Harness, phone: Phone, message: BotMessage, data: str) -> str:
    """Press a button (by its data) on `message` and return the alert the bot answers with."""
    query = bot.emulator.press(phone.user_id, message.message_id, data)
    answer = await bot.emulator.wait_for_call(
        "answerCallbackQuery", predicate=lambda c: c.params.get("callback_query_id") == query
    )
    return str(answer.params.get("text"))


async def test_snooze_or_skip_after_starting_is_refused_and_the_routine_carries_on(
    bot: Harness, morning: FakeClock
) -> None:
    phone = await subscriber(bot, 1001)
    morning.now = SEVEN.replace(minute=30)
    mark = phone.mark()
    await tick(bot)
    message = await offer(phone, mark)
    data = buttons(message)
    await phone.press(message, "Start", expect="Step 1 of")
    assert await alert_for(bot, phone, message, data["Snooze"]) == texts.CANNOT_SNOOZE
    assert await alert_for(bot, phone, message, data["Skip"]) == texts.stale(Stale.MOVED_ON)
    mark = phone.mark()
    morning.advance(minutes=31)
    await tick(bot)
    assert not [t for t in phone.texts(mark) if "Snoozed routine" in t]
    await phone.send("done", expect="Logged")  # the started routine is still the one open


async def test_after_a_skip_start_is_refused_and_skipping_again_changes_nothing(
    bot: Harness, morning: FakeClock
) -> None:
    phone = await subscriber(bot, 1001)
    morning.now = SEVEN.replace(minute=30)
    mark = phone.mark()
    await tick(bot)
    message = await offer(phone, mark)
    data = buttons(message)
    await phone.press(message, "Skip", expect="Skipped for today")
    assert await alert_for(bot, phone, message, data["Start"]) == texts.stale(Stale.MOVED_ON)
    assert await alert_for(bot, phone, message, data["Skip"]) == "Skipped"
    (delivery,) = await deliveries(bot)
    assert delivery.status == "sent"  # the ledger is untouched by the taps


async def test_rate_limited_send_waits_retry_after_and_sends_once(
    bot: Harness, morning: FakeClock
) -> None:
    phone = await subscriber(bot, 1001)
    other = await subscriber(bot, 1002)
    morning.now = SEVEN.replace(minute=30)
    for method in OFFER_METHODS:
        bot.emulator.inject_fault(
            method, error_code=429, description="Too Many Requests: retry after 1",
            retry_after=1, chat_id=1001,
        )  # fmt: skip
    mark, other_mark = phone.mark(), other.mark()
    started = asyncio.get_running_loop().time()
    report = await tick(bot)
    assert report.sent == 2
    # retry_after is honoured on the limiter's clock, which tests run PACE_SPEED times faster.
    assert asyncio.get_running_loop().time() - started >= 1.0 / PACE_SPEED
    assert len([t for t in phone.texts(mark) if "-minute morning routine" in t]) == 1
    assert len([t for t in other.texts(other_mark) if "-minute morning routine" in t]) == 1


@pytest.mark.parametrize(
    ("code", "description"),
    [
        (403, "Forbidden: bot was blocked by the user"),
        (403, "Forbidden: user is deactivated"),
        (400, "Bad Request: chat not found"),
    ],
)
async def test_gone_chats_are_marked_inactive_and_others_still_get_theirs(
    bot: Harness, morning: FakeClock, code: int, description: str
) -> None:
    await subscriber(bot, 1001)
    others = [await subscriber(bot, uid) for uid in (1002, 1003)]
    morning.now = SEVEN.replace(minute=30)
    for method in OFFER_METHODS:
        bot.emulator.inject_fault(
            method, error_code=code, description=description, chat_id=1001, times=5
        )
    marks = [p.mark() for p in others]
    report = await tick(bot)
    assert (report.sent, report.failed) == (2, 1)
    for phone, mark in zip(others, marks, strict=True):
        await offer(phone, mark)
    db = Database(bot.db_url)
    try:
        async with db.session() as s:
            gone = await s.get(Subscriber, 1001)
            assert gone is not None
            assert not gone.active
    finally:
        await db.close()
    # Tomorrow nothing is tried for the gone chat.
    morning.advance(days=1)
    calls = offer_calls(bot.emulator)
    report = await tick(bot)
    assert report.sent == 2
    assert offer_calls(bot.emulator) == calls + 2


async def test_a_timeout_after_sending_is_not_sent_twice(
    emulator: BotApiEmulator, db_url: str, library: Library, morning: FakeClock
) -> None:
    from bot.telegram.app import build_application, running

    settings = make_settings(emulator.api_root, db_url, request_timeout=0.5)
    app = build_application(settings, library, Database(db_url), clock=morning, pace=PACE)
    async with running(app, poll_timeout=1):
        bot = Harness(app, emulator, morning, db_url, settings, library)
        phone = await subscriber(bot, 1001)
        morning.now = SEVEN.replace(minute=30)
        for method in OFFER_METHODS:
            emulator.inject_delay(method, 1.5)
        mark = phone.mark()
        report = await tick(bot)
        assert report.unknown == 1
        await asyncio.sleep(1.2)  # the late answer comes and goes
        await tick(bot)
        assert len([t for t in phone.texts(mark) if "-minute morning routine" in t]) == 1
        (delivery,) = await deliveries(bot)
        assert delivery.status == "unknown"


async def orphan_a_timer(bot: Harness, phone: Phone, morning: FakeClock) -> BotMessage:
    """A routine started and its timer left showing, as if its process died mid-hold."""
    morning.now = SEVEN.replace(minute=30)
    mark = phone.mark()
    await tick(bot)
    message = await offer(phone, mark)
    mark = phone.mark()
    await phone.press(message, "Start")
    step = await phone.to_hold(await phone.expect("Step 1 of", after=mark))
    db = Database(bot.db_url)
    try:
        async with db.session() as s:
            started = select(StretchSession).where(
                StretchSession.chat_id == phone.user_id, StretchSession.started_at.is_not(None)
            )
            row = (await s.execute(started)).scalar_one()
            row.hold_until = morning.now - timedelta(minutes=1)
            row.hold_message_id = step.message_id
    finally:
        await db.close()
    return step


async def test_a_timer_left_by_a_dead_process_gets_its_start_button_back(
    bot: Harness, morning: FakeClock
) -> None:
    phone = await subscriber(bot, 1001)
    step = await orphan_a_timer(bot, phone, morning)
    await tick(bot)
    restored = await bot.emulator.wait_for_message(
        1001,
        predicate=lambda m: (
            m.message_id == step.message_id and texts.TIMER_INTERRUPTED in (m.text or "")
        ),
    )
    assert any("Start" in b.text for row in restored.buttons for b in row)


async def test_a_timer_that_cannot_be_restored_holds_nothing_up(
    bot: Harness, morning: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    phone = await subscriber(bot, 1001)
    other = await subscriber(bot, 1002)
    step = await orphan_a_timer(bot, phone, morning)
    bot.emulator.inject_fault(
        CARD_EDIT, error_code=400, description="Bad Request: message to edit not found",
        chat_id=1001,
    )  # fmt: skip
    other_mark = phone.mark(), other.mark()
    morning.advance(days=1)  # tomorrow's routines are due in the same tick
    with caplog.at_level(logging.WARNING, logger="bot.telegram.delivery"):
        report = await tick(bot)
    assert report.sent == 2
    await offer(other, other_mark[1])
    said = [r.getMessage() for r in caplog.records if r.name == "bot.telegram.delivery"]
    assert said == ["could not restore a timer: BadRequest"]  # no text, no names, no ids
    restored = next(m for m in bot.emulator.chat(1001) if m.message_id == step.message_id)
    assert texts.TIMER_INTERRUPTED not in restored.text
    # Taken once: the next tick does not try the same timer again.
    edits = len(bot.emulator.calls_of(CARD_EDIT))
    await tick(bot)
    assert len(bot.emulator.calls_of(CARD_EDIT)) == edits


async def test_three_ignored_routines_bring_one_gentle_question(
    bot: Harness, morning: FakeClock
) -> None:
    phone = await subscriber(bot, 1001)
    morning.now = SEVEN.replace(minute=30)
    mark = phone.mark()
    for _ in range(3):
        await tick(bot)
        morning.advance(days=1)
    assert len([t for t in phone.texts(mark) if "-minute morning routine" in t]) == 3
    await tick(bot)
    question = await phone.expect("without hearing back", after=mark)
    labels = [b.text for row in question.buttons for b in row]
    assert labels == ["Change the time", "Pause 7 days", "Keep it"]
    for _ in range(2):
        morning.advance(days=1)
        await tick(bot)
    assert len([t for t in phone.texts(mark) if "-minute morning routine" in t]) == 3
    await phone.press(question, "Keep it", expect="back on")
    morning.advance(days=1)
    await tick(bot)
    assert len([t for t in phone.texts(mark) if "-minute morning routine" in t]) == 4


async def test_the_limiter_keeps_a_fan_out_under_telegrams_limits(
    db_url: str, library: Library, morning: FakeClock
) -> None:
    from bot.telegram.app import build_application, running

    async with BotApiEmulator(TOKEN, limiter=LimiterMode.ENFORCE) as emulator:
        settings = make_settings(emulator.api_root, db_url, rate_limit=30, chat_rate=1)
        app = build_application(settings, library, Database(db_url), clock=morning)
        async with running(app, poll_timeout=1):
            bot = Harness(app, emulator, morning, db_url, settings, library)
            for uid in range(2001, 2046):
                await subscriber(bot, uid)
                await asyncio.sleep(0.05)
            morning.now = SEVEN.replace(minute=30)
            before = emulator.too_many_requests
            started = asyncio.get_running_loop().time()
            report = await tick(bot)
            elapsed = asyncio.get_running_loop().time() - started
            assert report.sent == 45
            assert emulator.too_many_requests == before == 0
            # 30 may go at once, the 31st only a second after the first (a strict window).
            assert elapsed >= 1.0


@pytest.mark.slow
async def test_wall_clock_time_passes_to_a_due_minute(
    emulator: BotApiEmulator, db_url: str, library: Library
) -> None:
    """No injected clock: the real scheduler tick sends at the next real minute."""
    from bot.telegram.app import build_application, running

    if not db_url.startswith("sqlite"):
        pytest.skip("one wall-clock run is enough (SQLite); the tick is the same on PostgreSQL")
    now = datetime.now(UTC)
    if (60 - now.second) < 3:  # too close to the minute to set it up in time
        await asyncio.sleep(4)
        now = datetime.now(UTC)
    due = (now + timedelta(minutes=1)).replace(second=0, microsecond=0)
    settings = make_settings(emulator.api_root, db_url, tick_seconds=0.5)
    app = build_application(settings, library, Database(db_url), pace=PACE)
    async with running(app, poll_timeout=1):
        phone = Phone(emulator, 1001)
        emulator.add_user(1001)
        await phone.send("/start", expect="stretchbot")
        answer = await phone.send(f"/morning {due:%H:%M}", expect=f"{due:%H:%M}")
        if answer.buttons:  # an afternoon "morning" is confirmed first
            await phone.press(answer, "Yes")
            await emulator.wait_for_call(
                "editMessageText", predicate=lambda c: f"Morning: {due:%H:%M}" in c.params["text"]
            )
        await phone.send("/evening off", expect="off")
        mark = phone.mark()
        message = await phone.expect("morning routine", after=mark, timeout=70)
        arrived = datetime.now(UTC)
        assert due <= arrived < due + timedelta(seconds=3)
        assert message.buttons


@pytest.mark.parametrize("can_snooze", [True, False])
def test_the_offers_buttons_as_json_are_the_keyboards(can_snooze: bool) -> None:
    """The fan-out builds the offer's buttons as JSON directly; they must be the keyboard's."""
    import json

    from bot.telegram import keyboards, texts_week

    for skip in (texts.SKIP_TODAY_BUTTON, texts_week.SKIP_BREAK_BUTTON):
        built = keyboards.delivery(42, can_snooze=can_snooze, skip=skip).to_dict()
        assert json.loads(keyboards.delivery_json(42, can_snooze=can_snooze, skip=skip)) == built
