"""The outbound limiter on a fake clock: lane priority, dropped countdown edits, strict windows,
per-chat pace, 429s honoured and retried, paid broadcasts."""

from __future__ import annotations

import asyncio
import heapq
import itertools
from dataclasses import dataclass, field
from typing import Any

import pytest
from telegram.error import RetryAfter

from bot.telegram.limits import Dropped, Lane, TelegramLimiter


@dataclass
class FakeTime:
    """A clock and a sleep that only move when the test says so."""

    now: float = 0.0
    _sleepers: list[tuple[float, int, asyncio.Future[None]]] = field(default_factory=list)
    _seq: itertools.count[int] = field(default_factory=itertools.count)

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + seconds, next(self._seq), future))
        await future

    async def advance(self, seconds: float) -> None:
        target = self.now + seconds
        await settle()
        while self._sleepers and self._sleepers[0][0] <= target:
            at, _, future = heapq.heappop(self._sleepers)
            self.now = max(self.now, at)
            if not future.done():
                future.set_result(None)
            await settle()
        self.now = target
        await settle()


async def settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


@dataclass
class FakeTelegram:
    """Records each request with the fake time it was made; can answer 429 on demand."""

    time: FakeTime
    calls: list[tuple[float, str, Any]] = field(default_factory=list)
    refuse: list[int] = field(default_factory=list)  # retry_after for the next requests

    async def request(self, endpoint: str, data: dict[str, Any]) -> dict[str, Any]:
        self.calls.append((self.time.now, endpoint, data.get("text")))
        if self.refuse:
            raise RetryAfter(self.refuse.pop(0))
        return {"ok": True}

    def texts(self) -> list[Any]:
        return [text for _, _, text in self.calls]


def make(time: FakeTime, **kwargs: Any) -> TelegramLimiter:
    return TelegramLimiter(clock=time.clock, sleep=time.sleep, **kwargs)


def send(
    limiter: TelegramLimiter,
    telegram: FakeTelegram,
    chat_id: int,
    text: str,
    lane: Lane | None = None,
    *,
    endpoint: str = "sendMessage",
    paid: bool = False,
) -> asyncio.Task[Any]:
    data: dict[str, Any] = {"chat_id": chat_id, "text": text}
    if paid:
        data["allow_paid_broadcast"] = True
    return asyncio.create_task(
        limiter.process_request(telegram.request, (endpoint, data), {}, endpoint, data, lane)
    )


async def test_replies_go_before_releases_before_card_views_before_bulk() -> None:
    time = FakeTime()
    telegram = FakeTelegram(time)
    limiter = make(time, overall=2, per_chat_rate=0)
    first = [send(limiter, telegram, chat, f"fill {chat}") for chat in (1, 2)]
    await settle()
    queued = [
        send(limiter, telegram, 3, "offer", Lane.BULK),
        send(limiter, telegram, 6, "card view", Lane.FOLLOW),
        send(limiter, telegram, 4, "release", Lane.RELEASE),
        send(limiter, telegram, 5, "reply"),  # no lane: a reply
    ]
    await settle()
    assert telegram.texts() == ["fill 1", "fill 2"]
    await time.advance(1.0)
    assert telegram.texts()[2:] == ["reply", "release"]
    await time.advance(1.0)
    assert telegram.texts()[4:] == ["card view", "offer"]
    await asyncio.gather(*first, *queued)


async def test_countdown_edits_are_dropped_when_the_budget_is_tight() -> None:
    time = FakeTime()
    telegram = FakeTelegram(time)
    limiter = make(time, overall=30, per_chat_rate=1.0, countdown_reserve=10)
    edit = "editMessageText"
    # Idle: a countdown edit goes.
    assert limiter.countdown_fits(1)
    await send(limiter, telegram, 1, "tick 1", Lane.COUNTDOWN, endpoint=edit)
    # The overall window down to its reserve: countdown edits are dropped, replies still go.
    await asyncio.gather(*(send(limiter, telegram, 100 + n, f"r{n}") for n in range(19)))
    assert not limiter.countdown_fits(2)  # what a timer asks before building its edit
    with pytest.raises(Dropped):
        await send(limiter, telegram, 2, "tick 2", Lane.COUNTDOWN, endpoint=edit)
    await send(limiter, telegram, 3, "a reply")
    # A reply waiting for its chat: the countdown edit for another chat is dropped too.
    await time.advance(1.0)
    for n in range(3):
        await send(limiter, telegram, 3, f"burst {n}")
    waiting = send(limiter, telegram, 3, "waits for the chat")
    await settle()
    assert limiter.waiting() == 1
    with pytest.raises(Dropped):
        await send(limiter, telegram, 4, "tick 3", Lane.COUNTDOWN, endpoint=edit)
    # The chat's own pace: a countdown edit never waits behind it.
    await time.advance(1.0)
    await waiting
    with pytest.raises(Dropped):
        await send(limiter, telegram, 3, "tick 4", Lane.COUNTDOWN, endpoint=edit)
    assert "tick 1" in telegram.texts()
    assert not {"tick 2", "tick 3", "tick 4"} & set(telegram.texts())
    assert limiter.dropped == 3


async def test_never_more_than_the_overall_limit_in_any_second() -> None:
    time = FakeTime()
    telegram = FakeTelegram(time)
    limiter = make(time, overall=30, per_chat_rate=0)
    tasks = [send(limiter, telegram, chat, str(chat), Lane.BULK) for chat in range(100)]
    for _ in range(40):
        await time.advance(0.1)
    await asyncio.gather(*tasks)
    stamps = [at for at, _, _ in telegram.calls]
    assert len(stamps) == 100
    assert max(sum(1 for s in stamps if t <= s < t + 1.0) for t in stamps) == 30
    # Offers go out evenly, one every 1/30 s (not 30 at the top of each second): the 100th
    # leaves 99/30 s after the first, and no two leave closer than 1/30 s.
    assert stamps[-1] == pytest.approx(99 / 30)
    assert min(b - a for a, b in itertools.pairwise(stamps)) >= 1 / 30 - 1e-9


async def test_a_reply_during_a_broadcast_waits_at_most_one_offers_gap() -> None:
    time = FakeTime()
    telegram = FakeTelegram(time)
    limiter = make(time, overall=30, per_chat_rate=0)
    offers = [send(limiter, telegram, chat, str(chat), Lane.BULK) for chat in range(120)]
    for _ in range(25):  # 2.5 s into the broadcast: the window is full, offers are queued
        await time.advance(0.1)
    asked = time.now
    reply = send(limiter, telegram, 999, "reply")
    for _ in range(2):
        await time.advance(1 / 30)
    answered = next(at for at, _, text in telegram.calls if text == "reply")
    assert answered - asked <= 1 / 30 + 1e-9
    for _ in range(30):
        await time.advance(0.1)
    await asyncio.gather(reply, *offers)


async def test_one_chat_gets_a_burst_of_three_then_one_a_second() -> None:
    time = FakeTime()
    telegram = FakeTelegram(time)
    limiter = make(time, overall=30, per_chat_burst=3, per_chat_rate=1.0)
    tasks = [send(limiter, telegram, 7, f"m{n}") for n in range(6)]
    for _ in range(50):
        await time.advance(0.1)
    await asyncio.gather(*tasks)
    assert [round(at, 1) for at, _, _ in telegram.calls] == [0.0, 0.0, 0.0, 1.0, 2.0, 3.0]


async def test_a_429_is_waited_out_and_retried_and_a_countdown_edit_is_dropped() -> None:
    time = FakeTime()
    telegram = FakeTelegram(time, refuse=[3])
    limiter = make(time, overall=30, per_chat_rate=1.0)
    reply = send(limiter, telegram, 9, "hello")
    await time.advance(2.9)
    assert telegram.texts() == ["hello"]  # refused, waiting out retry_after
    await time.advance(0.2)
    assert await reply == {"ok": True}
    assert telegram.texts() == ["hello", "hello"]
    telegram.refuse.append(1)
    with pytest.raises(Dropped):
        await send(limiter, telegram, 10, "tick", Lane.COUNTDOWN, endpoint="editMessageText")


async def test_a_reply_that_keeps_getting_429_gives_up_after_max_retries() -> None:
    time = FakeTime()
    telegram = FakeTelegram(time, refuse=[1, 1, 1])
    limiter = make(time, max_retries=2)
    reply = send(limiter, telegram, 9, "hello")
    for _ in range(10):
        await time.advance(1.0)
    with pytest.raises(RetryAfter):
        await reply
    assert telegram.texts() == ["hello"] * 3


async def test_paid_broadcasts_use_the_thousand_a_second_window() -> None:
    time = FakeTime()
    telegram = FakeTelegram(time)
    limiter = make(time, overall=30, per_chat_rate=1.0)
    paid = [send(limiter, telegram, c, "offer", Lane.BULK, paid=True) for c in range(500)]
    free = [send(limiter, telegram, 10_000 + c, "reply") for c in range(40)]
    await settle()
    assert len(telegram.calls) == 530  # 500 paid and the free window's 30
    await time.advance(1.0)
    await asyncio.gather(*paid, *free)


async def test_unlimited_methods_and_chatless_calls_pass_straight_through() -> None:
    time = FakeTime()
    telegram = FakeTelegram(time)
    limiter = make(time, overall=1, per_chat_rate=0)
    await send(limiter, telegram, 1, "fill")
    data: dict[str, Any] = {"callback_query_id": "1"}
    endpoint = "answerCallbackQuery"
    await limiter.process_request(telegram.request, (endpoint, data), {}, endpoint, data, None)
    assert len(telegram.calls) == 2


async def test_a_paid_window_of_zero_is_no_limit() -> None:
    time = FakeTime()
    telegram = FakeTelegram(time)
    limiter = make(time, overall=0, paid_overall=0, per_chat_rate=0)
    sends = [send(limiter, telegram, c, "offer", Lane.BULK, paid=True) for c in range(1500)]
    await settle()
    assert len(telegram.calls) == 1500  # all at once: neither window counts
    await asyncio.gather(*sends)


async def test_offers_are_let_go_a_few_at_a_time_and_replies_are_not_held_back() -> None:
    """A window counts a request from the moment it is let go until a second after its answer:
    a hundred offers let go at once would wait their turn in this process with their places
    taken. So offers go `bulk_in_flight` at a time, the next as soon as one is answered, and a
    reply never waits for them."""
    time = FakeTime()
    answered: asyncio.Queue[asyncio.Future[None]] = asyncio.Queue()

    class SlowTelegram(FakeTelegram):
        async def request(self, endpoint: str, data: dict[str, Any]) -> dict[str, Any]:
            self.calls.append((self.time.now, endpoint, data.get("text")))
            answer = asyncio.get_running_loop().create_future()
            await answered.put(answer)
            await answer
            return {"ok": True}

    telegram = SlowTelegram(time)
    limiter = make(time, overall=30, per_chat_rate=1.0, bulk_in_flight=4)
    offers = [send(limiter, telegram, c, f"offer {c}", Lane.BULK, paid=True) for c in range(20)]
    await settle()
    assert telegram.texts() == [f"offer {c}" for c in range(4)]
    reply = send(limiter, telegram, 999, "reply")
    await settle()
    assert telegram.texts()[-1] == "reply"  # not behind the offers
    (await answered.get()).set_result(None)
    await settle()
    assert telegram.texts()[-1] == "offer 4"  # one answered, the next goes at once
    assert len(telegram.calls) == 6
    while len(telegram.calls) < 21 or not answered.empty():
        (await answered.get()).set_result(None)
        await settle()
    await asyncio.gather(*offers, reply)
    assert sorted(telegram.texts()) == sorted([f"offer {c}" for c in range(20)] + ["reply"])
