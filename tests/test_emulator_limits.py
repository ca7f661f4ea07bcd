"""The emulator's flood limits: Telegram's 30 a second overall (a strict sliding window), about one
a second per chat after a burst of three, edits counted like sends, 1,000 a second for paid
broadcasts, and a 429 with `retry_after` for everything over them. Time is a fake clock moved by
hand, so nothing here depends on how fast the machine is."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest
from telegram import Bot
from telegram.error import RetryAfter

from bot.emulator import ApiError, BotApiEmulator, LimiterMode, RateLimiter
from bot.emulator.limits import Scope

TOKEN = "4242:emulator-test-token"


class FakeClock:
    """Monotonic seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def admitted(limiter: RateLimiter, method: str, chat_id: int, *, paid: bool = False) -> bool:
    try:
        limiter.admit(method, chat_id, paid=paid)
    except ApiError as refusal:
        if refusal.code != 429:
            raise
        return False
    return True


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def limiter(clock: FakeClock) -> RateLimiter:
    return RateLimiter(LimiterMode.ENFORCE, clock=clock)


# --- the limiter on its own -------------------------------------------------------------------


def test_a_chat_gets_a_burst_of_three_then_one_a_second(
    limiter: RateLimiter, clock: FakeClock
) -> None:
    assert [admitted(limiter, "sendMessage", 1) for _ in range(4)] == [True, True, True, False]
    assert limiter.refusals[-1].scope is Scope.CHAT
    assert limiter.refusals[-1].retry_after == 1
    clock.advance(0.5)
    assert not admitted(limiter, "sendMessage", 1)  # half a token is not a message
    clock.advance(0.5)
    assert admitted(limiter, "sendMessage", 1)
    assert not admitted(limiter, "sendMessage", 1)
    # Another chat has its own allowance.
    assert admitted(limiter, "sendMessage", 2)


def test_edits_count_like_sends_and_other_calls_do_not(limiter: RateLimiter) -> None:
    assert admitted(limiter, "sendMessage", 1)
    assert admitted(limiter, "editMessageText", 1)
    assert admitted(limiter, "editMessageReplyMarkup", 1)
    assert not admitted(limiter, "editMessageText", 1)
    # Answering a button, deleting, typing...: not what Telegram's message limits count.
    for method in ("answerCallbackQuery", "deleteMessage", "sendChatAction", "getUpdates"):
        assert admitted(limiter, method, 1)


def test_thirty_a_second_overall_in_any_one_second_window(
    limiter: RateLimiter, clock: FakeClock
) -> None:
    # 20 spread over the first 0.9 s, then 10 more: the window is full.
    for chat in range(20):
        assert admitted(limiter, "sendMessage", chat)
        clock.advance(0.045)
    for chat in range(20, 30):
        assert admitted(limiter, "sendMessage", chat)
    assert not admitted(limiter, "sendMessage", 99)
    assert limiter.refusals[-1].scope is Scope.OVERALL
    # A token bucket would have refilled a few by now; a strict window frees a slot only when
    # the oldest send leaves it, one second after it was admitted.
    clock.advance(0.09)
    assert not admitted(limiter, "sendMessage", 99)
    clock.advance(0.011)  # the first send is now exactly 1 s old
    assert admitted(limiter, "sendMessage", 99)
    assert not admitted(limiter, "sendMessage", 98)


def test_retry_after_is_the_whole_seconds_until_a_call_would_pass(
    limiter: RateLimiter, clock: FakeClock
) -> None:
    slow = RateLimiter(LimiterMode.ENFORCE, clock=clock, chat_burst=1, chat_rate=0.25)
    assert admitted(slow, "sendMessage", 1)
    clock.advance(0.5)
    assert not admitted(slow, "sendMessage", 1)
    assert slow.refusals[-1].retry_after == 4  # 3.5 s to the next token, rounded up


def test_paid_broadcasts_count_against_a_thousand_a_second(
    limiter: RateLimiter, clock: FakeClock
) -> None:
    for chat in range(30):
        assert admitted(limiter, "sendMessage", chat)
    assert not admitted(limiter, "sendMessage", 30)  # free messages: 30 a second
    for chat in range(30, 1000):  # paid: up to 1,000, the 30 free ones included
        assert admitted(limiter, "sendMessage", chat, paid=True)
    assert not admitted(limiter, "sendMessage", 1000, paid=True)
    assert limiter.refusals[-1].scope is Scope.PAID
    assert [r.scope for r in limiter.refusals] == [Scope.OVERALL, Scope.PAID]
    # Paying does not lift the per-chat limit.
    clock.advance(1.0)
    assert [admitted(limiter, "sendMessage", 5000, paid=True) for _ in range(4)] == [
        True, True, True, False,
    ]  # fmt: skip


def test_off_admits_everything_and_records_nothing(clock: FakeClock) -> None:
    off = RateLimiter(LimiterMode.OFF, clock=clock)
    assert all(admitted(off, "sendMessage", 1) for _ in range(100))
    assert off.refusals == []
    assert RateLimiter("enforce").enforcing
    with pytest.raises(ValueError, match="'fast'"):
        RateLimiter("fast")


# --- through HTTP, as python-telegram-bot sees it ---------------------------------------------


@pytest.fixture(autouse=True)
def _loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture
async def emu(limiter: RateLimiter) -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator(TOKEN, limiter=limiter) as emulator:
        for user in (1001, *range(2000, 2040)):
            emulator.add_user(user)
        yield emulator


@pytest.fixture
async def tg(emu: BotApiEmulator) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=emu.base_url) as bot:
        yield bot


async def test_rate_limits_like_telegram(tg: Bot, emu: BotApiEmulator, clock: FakeClock) -> None:
    for _ in range(3):  # a short burst into one chat is tolerated...
        await tg.send_message(1001, "x")
    with pytest.raises(RetryAfter) as caught:  # ...a fourth at once is not
        await tg.send_message(1001, "x")
    assert caught.value.retry_after == timedelta(seconds=1)
    assert emu.too_many_requests == 1
    assert [m.text for m in emu.chat(1001)] == ["x", "x", "x"]  # the refused one never arrived
    # 30 a second overall, to different chats: 27 more pass in this same instant.
    passed, waits = 0, []
    for user in range(2000, 2040):
        try:
            await tg.send_message(user, "hi")
            passed += 1
        except RetryAfter as exc:
            waits.append(exc.retry_after)
    assert (passed, waits) == (27, [timedelta(seconds=1)] * 13)
    assert emu.too_many_requests == 14
    clock.advance(1.0)
    await tg.send_message(2039, "a second later")


async def test_a_429_is_telegrams_exact_answer(emu: BotApiEmulator) -> None:
    async with httpx.AsyncClient(base_url=f"{emu.api_root}/bot{TOKEN}/") as http:
        for _ in range(3):
            assert (await http.post("sendMessage", json={"chat_id": 1001, "text": "x"})).is_success
        response = await http.post("sendMessage", json={"chat_id": 1001, "text": "x"})
    assert response.status_code == 429
    assert response.json() == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 1",
        "parameters": {"retry_after": 1},
    }
    (refusal,) = emu.limiter.refusals
    assert (refusal.method, refusal.chat_id, refusal.scope) == ("sendMessage", 1001, Scope.CHAT)


async def test_edits_are_limited_and_a_refused_edit_changes_nothing(
    tg: Bot, emu: BotApiEmulator, clock: FakeClock
) -> None:
    message = await tg.send_message(1001, "10 s")
    await tg.edit_message_text("9 s", chat_id=1001, message_id=message.message_id)
    await tg.edit_message_text("8 s", chat_id=1001, message_id=message.message_id)
    with pytest.raises(RetryAfter):
        await tg.edit_message_text("7 s", chat_id=1001, message_id=message.message_id)
    assert emu.chat(1001)[0].edits == ["10 s", "9 s", "8 s"]
    clock.advance(1.0)
    await tg.edit_message_text("7 s", chat_id=1001, message_id=message.message_id)
    assert emu.chat(1001)[0].text == "7 s"


async def test_a_paid_broadcast_goes_past_thirty_a_second(tg: Bot, emu: BotApiEmulator) -> None:
    for user in range(2000, 2040):
        await tg.send_message(user, "morning routine", allow_paid_broadcast=True)
    assert emu.too_many_requests == 0
    # Without paying, the 30 a second still hold (paid sends do not use them up).
    for user in range(2000, 2030):
        await tg.send_message(user, "free")
    with pytest.raises(RetryAfter):
        await tg.send_message(2030, "free")


async def test_the_end_to_end_fixture_enforces_the_limits_by_default(
    emulator: BotApiEmulator,
) -> None:
    assert emulator.limiter.enforcing


@pytest.mark.emulator_limits(LimiterMode.OFF)
async def test_a_test_can_turn_the_limits_off(emulator: BotApiEmulator) -> None:
    assert not emulator.limiter.enforcing
