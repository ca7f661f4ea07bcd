"""One card, one message, through the real Application and the emulator with Telegram's limits
enforced: Next / Back, Start, Pause, Resume, +10 s, Stop, Ready between sides, the release notice
that arrives new and goes when the person moves on, and answers that never wait behind a card.

The timers run on a clock the tests move by hand, so no test waits for a hold to end."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest

from bot.content.model import Library
from bot.emulator import BotApiEmulator, BotMessage
from bot.store.db import Database
from bot.telegram import texts
from bot.telegram.app import build_application, running
from tests.conftest import PACE, FakeClock, Harness, Phone, make_settings


@dataclass
class HandClock:
    """A timer clock that moves only when the test says so."""

    now_s: float = 0.0
    sleepers: list[tuple[float, asyncio.Future[None]]] = field(default_factory=list)

    def now(self) -> float:
        return self.now_s

    async def wait(self, seconds: float, wake: asyncio.Event) -> None:
        if wake.is_set() or seconds <= 0:
            return
        due = asyncio.get_running_loop().create_future()
        entry = (self.now_s + seconds, due)
        self.sleepers.append(entry)
        woken = asyncio.ensure_future(wake.wait())
        try:
            await asyncio.wait({due, woken}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            woken.cancel()
            self.sleepers.remove(entry)

    def advance(self, seconds: float) -> None:
        self.now_s += seconds
        for at, due in self.sleepers:
            if at <= self.now_s and not due.done():
                due.set_result(None)


@dataclass
class CardHarness:
    bot: Harness
    timers: HandClock


@pytest.fixture
async def walk(
    emulator: BotApiEmulator, db_url: str, clock: FakeClock, library: Library
) -> AsyncIterator[CardHarness]:
    """A bot whose hold timers run on a hand-moved clock."""
    timers = HandClock()
    settings = make_settings(emulator.api_root, db_url, countdown_edit_seconds=5)
    app = build_application(
        settings, library, Database(db_url), clock=clock, pace=PACE, timer_clock=timers
    )
    async with running(app, poll_timeout=1):
        yield CardHarness(Harness(app, emulator, clock, db_url, settings, library), timers)


async def started(bot: Harness, user_id: int = 1001) -> Phone:
    phone = bot.phone(user_id)
    await phone.send("/start", expect="stretchbot")
    await phone.expect("Do any of these apply")
    return phone


def labels(message: BotMessage) -> list[str]:
    return [b.text for row in message.buttons for b in row]


async def card_shows(phone: Phone, card: BotMessage, text: str, button: str) -> BotMessage:
    """Wait until the card message (edited in place) shows `text` and a `button`."""
    return await phone.emulator.wait_for_message(
        phone.user_id,
        predicate=lambda m: (
            m.message_id == card.message_id
            and text in (m.text or "")
            and any(button in label for label in labels(m))
        ),
    )


async def tap(phone: Phone, card: BotMessage, label: str) -> None:
    await phone.press(card, label)


def live(phone: Phone, after: int = 0) -> list[BotMessage]:
    """The bot's messages still in the chat (not deleted) from index `after` on."""
    return [m for m in phone.emulator.chat(phone.user_id)[after:] if not m.deleted]


async def test_a_card_walks_in_one_message(walk: CardHarness) -> None:
    bot, timers = walk.bot, walk.timers
    phone = await started(bot)
    mark = phone.mark()
    await phone.send("/desk", expect="🪑")
    card = await phone.expect("Step 1 of 4", after=mark)
    desk = bot.library.cards[bot.library.routines["desk"].cards[0]]
    assert desk.title in (card.text or "")
    assert "2 × 30 s hold, each side" in (card.text or "")
    assert labels(card) == [texts.NEXT_BUTTON]

    # Next and Back edit the same message.
    await tap(phone, card, "Next")
    card = await card_shows(phone, card, "Step 2 of 4", "Back")
    await tap(phone, card, "Back")
    card = await card_shows(phone, card, "Step 1 of 4", "Next")
    for n in (2, 3, 4):
        await tap(phone, card, "Next")
        card = await card_shows(phone, card, f"Step {n} of 4", "Next" if n < 4 else "Start")
    assert labels(card) == ["▶ Start 30 s hold", texts.BACK_BUTTON, texts.FINISH_BUTTON]

    # Start: the countdown on the card, with its controls.
    await tap(phone, card, "Start")
    card = await card_shows(phone, card, "⏱ <b>30 s</b>", "Pause")
    assert labels(card) == [texts.PAUSE_BUTTON, texts.MORE_BUTTON, texts.STOP_BUTTON]
    timers.advance(12)  # (a countdown edit may be dropped when the chat's budget is tight)

    # Pause holds the time however long the person takes; +10 s adds to it; Resume goes on.
    await tap(phone, card, "Pause")
    card = await card_shows(phone, card, "Paused</b> with 18 s to go", "Resume")
    timers.advance(100)
    await tap(phone, card, "+10 s")
    card = await card_shows(phone, card, "Paused</b> with 28 s to go", "Resume")
    await tap(phone, card, "Resume")
    card = await card_shows(phone, card, "⏱ <b>28 s</b>", "Pause")

    # The end of the hold: the card says what's next and a new message notifies.
    before = phone.mark()
    timers.advance(28)
    card = await card_shows(phone, card, "switch to your right side", "Ready")
    assert "starts by itself in 15 s" in (card.text or "")
    notice = await phone.expect("Release", after=before)
    assert notice.message_id != card.message_id
    # Ready starts the other side at once, and the notice goes.
    await tap(phone, card, "Ready")
    card = await card_shows(phone, card, "right side, rep 1 of 2", "Pause")
    await bot.emulator.wait_for_message(
        phone.user_id, predicate=lambda m: m.message_id == notice.message_id and m.deleted
    )

    # Without Ready the next hold starts by itself after the rest the card announced.
    timers.advance(30)
    card = await card_shows(phone, card, "next: left side, rep 2 of 2", "Ready")
    timers.advance(15)
    card = await card_shows(phone, card, "s</b> — hold · left side, rep 2 of 2", "Pause")

    # Stop: the timer is off and Start is back.
    await tap(phone, card, "Stop")
    card = await card_shows(phone, card, "Timer stopped", "Start")
    assert labels(card) == ["▶ Start 30 s hold", texts.BACK_BUTTON, texts.FINISH_BUTTON]

    # All four holds to the end.
    await tap(phone, card, "Start")
    for _ in range(3):
        card = await card_shows(phone, card, "⏱", "Pause")
        timers.advance(30)
        card = await card_shows(phone, card, "Release and rest", "Ready")
        await tap(phone, card, "Ready")
    card = await card_shows(phone, card, "⏱", "Pause")
    before = phone.mark()
    timers.advance(30)
    card = await card_shows(phone, card, "That's this stretch done", "Finish")
    last_notice = await phone.expect("That hold is done", after=before)

    # Finish: the notice goes, the card keeps its text without buttons, the closing message.
    await tap(phone, card, "Finish")
    closing = await phone.expect("Tap Done", after=before)
    await bot.emulator.wait_for_message(
        phone.user_id, predicate=lambda m: m.message_id == last_notice.message_id and m.deleted
    )
    assert labels(next(m for m in live(phone) if m.message_id == card.message_id)) == []
    # What stays in the chat: the intro, the card, the closing message.
    kept = live(phone, mark)
    assert [m.message_id for m in kept] == [
        kept[0].message_id,
        card.message_id,
        closing.message_id,
    ]
    # Every edit of the card carried its buttons (an edit without them drops them). The card
    # is its picture, so the edits are of its caption (of its text with pictures off).
    edits = [
        c
        for method in ("editMessageText", "editMessageCaption")
        for c in bot.emulator.calls_of(method)
        if c.params.get("message_id") == card.message_id
    ]
    assert edits
    assert all(c.params.get("reply_markup") for c in edits)


async def test_three_desk_requests_in_a_row_each_get_their_own_card(walk: CardHarness) -> None:
    bot = walk.bot
    phone = await started(bot)
    mark = phone.mark()
    # Three different ways of asking (the same text twice while queued would be coalesced).
    for text in ("/desk", "desk stretch please", texts.DESK_LABEL):
        bot.emulator.send_text(phone.user_id, text)
    await bot.emulator.wait_for_message(
        phone.user_id,
        predicate=lambda m: len([t for t in phone.texts(mark) if "Step 1 of" in t]) == 3,
    )
    said = phone.texts(mark)
    # Intro, card; intro, card; intro, card: nothing of one card arrives after the next intro.
    assert [("🪑" in t, "Step 1 of" in t) for t in said] == [(True, False), (False, True)] * 3
    titles = [t.splitlines()[0] for t in said if "Step 1 of" in t]
    assert len(set(titles)) == 3


async def test_done_and_progress_during_a_hold_are_answered_at_once(walk: CardHarness) -> None:
    bot = walk.bot
    phone = await started(bot)
    # Draw a first chart before the clock runs (the first one pays for loading the plotting
    # library, whatever else is happening).
    await phone.send("/pain 3", expect="Recorded")
    await phone.send("/progress", expect="Streak:")
    mark = phone.mark()
    await phone.send("/desk", expect="🪑")
    card = await phone.expect("Step 1 of", after=mark)
    while not any("Start" in label for label in labels(card)):
        await tap(phone, card, "Next")
        card = await bot.emulator.wait_for_message(
            phone.user_id,
            predicate=lambda m, i=card.message_id, t=card.text: m.message_id == i and m.text != t,
        )
    await tap(phone, card, "Start")
    await card_shows(phone, card, "⏱", "Pause")
    loop = asyncio.get_running_loop()
    asked = loop.time()
    # "done" mid-hold asks whether to finish early (issue 12), at once, not behind the card.
    await phone.send("done", expect="Finish early and log this session?")
    await phone.send("/progress", expect="Streak:")
    assert loop.time() - asked < 2.0  # the hold is still running (its clock has not moved)
    assert any("Pause" in label for m in live(phone) for label in labels(m))


async def test_stale_buttons_from_an_old_card_get_a_clear_answer(walk: CardHarness) -> None:
    bot = walk.bot
    phone = await started(bot)
    mark = phone.mark()
    await phone.send("/desk", expect="🪑")
    old = await phone.expect("Step 1 of", after=mark)
    mark = phone.mark()
    await phone.send("/desk", expect="🪑")
    await phone.expect("Step 1 of", after=mark)

    async def answer_to(data: str) -> str:
        query = bot.emulator.press(phone.user_id, old.message_id, data)
        call = await bot.emulator.wait_for_call(
            "answerCallbackQuery", predicate=lambda c: c.params.get("callback_query_id") == query
        )
        return str(call.params.get("text", ""))

    next_data = old.buttons[0][0].callback_data or ""
    assert "earlier step" in await answer_to(next_data)
    session_id = next_data.split(":")[1]
    # A Pause from a card whose timer is not running: said plainly, nothing breaks.
    assert "earlier step" in await answer_to(f"c:pause:{session_id}:0")
    for forged in (f"c:dance:{session_id}:0", f"v:{session_id}:0:99", "c:pause:x:0"):
        answer = await answer_to(forged)
        assert answer
        assert "went wrong" not in answer
    # The current card still works.
    await phone.send("/help", expect="What I can do")


async def test_with_paid_broadcasts_the_release_notice_goes_in_the_paid_window(
    emulator: BotApiEmulator, db_url: str, clock: FakeClock, library: Library
) -> None:
    """A crowd of releases must not wait behind the free 30 a second: with paid broadcasts on,
    the notice that makes the phone buzz carries allow_paid_broadcast; the card's edits, which
    Telegram does not let a bot pay for, do not."""
    timers = HandClock()
    settings = make_settings(emulator.api_root, db_url, paid_broadcast=True)
    app = build_application(
        settings, library, Database(db_url), clock=clock, pace=PACE, timer_clock=timers
    )
    async with running(app, poll_timeout=1):
        bot = Harness(app, emulator, clock, db_url, settings, library)
        phone = await started(bot)
        mark = phone.mark()
        await phone.send("/desk", expect="🪑")
        card = await phone.expect("Step 1 of", after=mark)
        while not any("Start" in label for label in labels(card)):
            await tap(phone, card, "Next")
            card = await emulator.wait_for_message(
                phone.user_id,
                predicate=lambda m, i=card.message_id, t=card.text: (
                    m.message_id == i and m.text != t
                ),
            )
        await tap(phone, card, "Start")
        card = await card_shows(phone, card, "⏱", "Pause")
        before = phone.mark()
        timers.advance(30)
        notice = await phone.expect("Release", after=before)
    sent = [c for c in emulator.calls_of("sendMessage") if c.ok and c.response.get("result")]
    paid = [
        c.response["result"]["message_id"] for c in sent if c.params.get("allow_paid_broadcast")
    ]
    assert notice.message_id in paid
    edits = [
        c
        for method in ("editMessageText", "editMessageCaption")
        for c in emulator.calls_of(method)
        if c.params.get("message_id") == card.message_id
    ]
    assert edits
    assert not any(c.params.get("allow_paid_broadcast") for c in edits)
