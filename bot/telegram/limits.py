"""Everything the bot says goes through one limiter, in lanes by priority, within Telegram's
limits.

Telegram allows about 30 sends and edits in any second overall and about one a second into one
chat (a short burst tolerated); more is answered with 429 and `retry_after`. Five lanes share that
budget, and whenever several requests could go, the first lane wins:

1. `Lane.REPLY`: the answer to something the person just did. The default: python-telegram-bot
   passes each call's `rate_limit_args` here, and a call without one (`message.reply_text(...)`)
   is a reply.
2. `Lane.RELEASE`: the end of a hold, the notice that buzzes (`rate_limit_args=Lane.RELEASE`).
3. `Lane.FOLLOW`: a card's new look after something the person has already been told of: the
   running timer after ▶ Start (the tap's pop-up said "Timer started" at once), the rest or the
   closing view after a release notice. In a crowd these wait behind the notices, never behind a
   broadcast.
4. `Lane.BULK`: the scheduler's offers (bot/telegram/delivery.py). With paid broadcasts a send
   that carries `allow_paid_broadcast` counts against Telegram's 1,000-a-second window instead.
   At most `bulk_in_flight` offers are let go at a time (see below).
5. `Lane.COUNTDOWN`: countdown edits, `rate_limit_args=Lane.COUNTDOWN`. They never wait: one that
   cannot go at once, or would eat into the reserve kept for the other lanes, raises `Dropped`
   and the timer simply shows its next number later.

The overall limit is a strict sliding window, not a token bucket: at most `overall` requests in
any one second. Free offers are also paced evenly (one every 1/`overall` s), so the window never
fills in one burst at the top of a second and a reply finds a free slot within 1/30 s. A request
counts from the moment it is let go until a second after its answer came back, because Telegram
counted it somewhere in between; so network jitter can never squeeze a 31st request into
Telegram's second. Per chat the same reasoning runs a token bucket (GCRA:
`per_chat_burst` at once, then `per_chat_rate` a second), one request in flight at a time.

The price is the round trip: a request holds its place for a second plus its latency L, so a
full window passes `overall / (1 + L)` a second. That is why offers are let go a few at a time
(`bulk_in_flight`), however many are waiting: a hundred let go at once are written one after
another by this one process (half a millisecond each), so the last leaves some 50 ms after its
place was taken, and every one of them holds its place that much longer. A few at a time keep
the connection busy and L at a few milliseconds: at 1,000 a second the window loses well under
one per cent. Counting from the hand-off instead, with a margin m,
would be sound only if Telegram always took a request within m of its hand-off: a request that
waits longer (behind a busy event loop here, or a slow hop there) is counted by Telegram after
this window has let its successors go, and the 1,001st lands in Telegram's second as a 429.
Nothing bounds that wait, so the window keeps counting to the answer, the one moment by which
Telegram has surely counted it.

Every 429 is honoured: the chat waits `retry_after` and the request is made again (up to
`max_retries` times), replies included, so nothing the bot meant to say is lost. A countdown edit
that gets a 429 is dropped instead. The clock and the sleep are injected for tests.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from telegram.error import (
    BadRequest,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import BaseRateLimiter

from bot.flood import LIMITED_METHODS
from bot.metrics import Metrics

WINDOW = 1.0  # seconds over which the overall limits count
PAID_OVERALL = 1000  # Telegram's overall limit for paid broadcasts, a second
PRUNE_AT = 10_000
INF = math.inf

# What Telegram counts against its limits: putting something new or changed in front of a person.
LIMITED = LIMITED_METHODS


class Lane(StrEnum):
    """Outbound lanes, most urgent first (see the module docstring)."""

    REPLY = "reply"
    RELEASE = "release"
    FOLLOW = "follow"
    BULK = "bulk"
    COUNTDOWN = "countdown"


WAITING_LANES = (Lane.REPLY, Lane.RELEASE, Lane.FOLLOW, Lane.BULK)  # countdown edits never wait


@dataclass(frozen=True)
class Pace:
    """The clock and sleep the limiter keeps time with (tests run both faster, together with
    the emulator's limiter, so its seconds pass quickly)."""

    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep


class Dropped(TelegramError):
    """A countdown edit skipped because the budget was tight (nothing was sent)."""

    def __init__(self) -> None:
        super().__init__("countdown edit dropped: the budget is tight")


def lane_of(rate_limit_args: object) -> Lane:
    """The lane a call asked for; a call that asked for none is a reply."""
    return Lane(str(rate_limit_args)) if rate_limit_args else Lane.REPLY


class _Window:
    """At most `limit` requests in any `WINDOW` seconds, counting each from the moment it is let
    go until `WINDOW` after it was answered (requests in flight count, with no end yet)."""

    __slots__ = ("answered", "in_flight", "limit")

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.in_flight = 0
        self.answered: deque[float] = deque()  # answer times; the clock only moves forward

    def room(self, now: float) -> float:
        """How many more may go now."""
        if self.limit is None:
            return INF
        answered = self.answered
        while answered and answered[0] <= now - WINDOW:
            answered.popleft()
        return self.limit - self.in_flight - len(answered)

    def free_at(self, now: float) -> float:
        """When one more may go (`INF`: only after an answer comes back)."""
        if self.room(now) > 0:
            return now
        assert self.limit is not None
        over = self.in_flight + len(self.answered) - self.limit  # answered ones that must age out
        if over >= len(self.answered):
            return INF
        return self.answered[over] + WINDOW

    def open(self) -> None:
        self.in_flight += 1

    def close(self, now: float) -> None:
        self.in_flight -= 1
        if self.limit is not None:
            self.answered.append(now)


@dataclass(slots=True)
class _Chat:
    """One chat's pace: a GCRA token bucket on answer times, one request in flight at a time."""

    tat: float = -INF  # the theoretical arrival time of the bucket
    paused_until: float = -INF  # after a 429
    busy: bool = False

    def ready_at(self, burst: int, rate: float) -> float:
        if self.busy:
            return INF
        if rate <= 0:
            return self.paused_until
        return max(self.tat - (burst - 1) / rate, self.paused_until)

    def idle(self, now: float) -> bool:
        return not self.busy and self.tat <= now and self.paused_until <= now


@dataclass(eq=False, slots=True)
class _Waiter:
    lane: Lane
    chat_id: int | str
    paid: bool
    granted: asyncio.Future[None] = field(repr=False)


Request = Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]]


class TelegramLimiter(BaseRateLimiter[Lane]):
    """One limiter for every request: lanes by priority, strict windows, 429s retried."""

    def __init__(
        self,
        *,
        metrics: Metrics | None = None,
        overall: float = 30.0,
        per_chat_burst: int = 3,
        per_chat_rate: float = 1.0,
        paid_overall: int = PAID_OVERALL,
        countdown_reserve: int = 10,
        bulk_in_flight: int = 8,
        max_retries: int = 5,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        """`overall`, `paid_overall` or `per_chat_rate` 0 turns that limit off. Countdown edits
        leave `countdown_reserve` of the overall window to the other lanes. At most
        `bulk_in_flight` scheduled offers are let go at a time (0: no cap)."""
        self.metrics = metrics
        self.burst = per_chat_burst
        self.rate = per_chat_rate
        self.reserve = countdown_reserve
        self.bulk_cap = bulk_in_flight or None
        self._bulk_flying = 0
        self.max_retries = max_retries
        self.clock = clock
        self.sleep = sleep
        self._free = _Window(int(overall) if overall > 0 else None)
        # Free offers go out evenly, one every 1/overall seconds, not 30 at the top of each
        # second: their window then frees a slot every 1/30 s, and a reply never waits for the
        # next second (a burst would make it wait half a second on average).
        self._bulk_gap = 1.0 / overall if overall > 0 else 0.0
        self._bulk_next = -INF
        self._all = _Window(paid_overall or None)  # paid and free sends together
        self._chats: dict[int | str, _Chat] = {}
        self._prune_at = PRUNE_AT
        self._lanes: dict[Lane, deque[_Waiter]] = {lane: deque() for lane in WAITING_LANES}
        self._timer: asyncio.Task[None] | None = None
        self._timer_at = INF
        self.dropped = 0

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Stop the wake-up timer."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def waiting(self) -> int:
        """Requests queued for their turn."""
        return sum(len(queue) for queue in self._lanes.values())

    async def process_request(
        self,
        callback: Request,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: Lane | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Wait for this request's turn in its lane, make it, and retry it after a 429."""
        chat_id = data.get("chat_id")
        if endpoint not in LIMITED or chat_id is None:
            return await self._call(callback, args, kwargs, endpoint)
        lane = lane_of(rate_limit_args)
        paid = bool(data.get("allow_paid_broadcast"))
        attempt = 0
        while True:
            await self._turn(lane, chat_id, paid)
            try:
                return await self._call(callback, args, kwargs, endpoint)
            except RetryAfter as exc:
                retry_after = _seconds(exc.retry_after)
                chat = self._chat(chat_id)
                chat.paused_until = max(chat.paused_until, self.clock() + retry_after)
                if lane is Lane.COUNTDOWN:
                    self.count_drop()
                    raise Dropped() from exc
                attempt += 1
                if attempt > self.max_retries:
                    raise
            finally:
                self._done(chat_id, paid, lane)

    async def _call(
        self, callback: Request, args: Any, kwargs: dict[str, Any], endpoint: str
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        if self.metrics is None:
            return await callback(*args, **kwargs)
        try:
            result = await callback(*args, **kwargs)
        except TelegramError as exc:
            self.metrics.failed.labels(_reason(exc)).inc()
            raise
        self.metrics.sent.labels(endpoint).inc()
        return result

    # --- turns ---------------------------------------------------------------------------------

    async def _turn(self, lane: Lane, chat_id: int | str, paid: bool) -> None:
        """Return when this request may go (its window and chat are then counted as taken)."""
        if lane is Lane.COUNTDOWN:
            if not self.countdown_fits(chat_id):
                self.count_drop()
                raise Dropped()
            self._take(chat_id, paid, lane)
            return
        waiter = _Waiter(lane, chat_id, paid, asyncio.get_running_loop().create_future())
        self._lanes[lane].append(waiter)
        self._pump()
        try:
            await waiter.granted
        except asyncio.CancelledError:
            if waiter.granted.done() and not waiter.granted.cancelled():
                self._done(chat_id, paid, lane)  # granted just as we were cancelled: give it back
            else:
                self._lanes[lane].remove(waiter)
            raise

    def countdown_fits(self, chat_id: int | str) -> bool:
        """Whether a countdown edit into this chat would go now rather than be dropped: nothing
        else is waiting, the chat is ready, and the second has room beyond the reserve. Timers
        ask first, so a thousand of them don't build requests only to see them dropped."""
        now = self.clock()
        return not (
            self.waiting()
            or self._chat(chat_id).ready_at(self.burst, self.rate) > now
            or self._free.room(now) <= self.reserve
            or self._all.room(now) <= self.reserve
        )

    def _take(self, chat_id: int | str, paid: bool, lane: Lane) -> None:
        if lane is Lane.BULK:
            self._bulk_flying += 1
        if self.rate > 0:
            self._chat(chat_id).busy = True
        if not paid:
            self._free.open()
        self._all.open()

    def _done(self, chat_id: int | str, paid: bool, lane: Lane) -> None:
        """The request was answered (or failed): count it from now on, and let others go."""
        now = self.clock()
        if lane is Lane.BULK:
            self._bulk_flying -= 1
        chat = self._chat(chat_id)
        chat.busy = False
        if self.rate > 0:
            chat.tat = max(chat.tat, now) + 1.0 / self.rate
        if not paid:
            self._free.close(now)
        self._all.close(now)
        self._pump()

    def _bulk_full(self) -> bool:
        return self.bulk_cap is not None and self._bulk_flying >= self.bulk_cap

    def _pump(self) -> None:
        """Let go every waiter that may go now, most urgent lane first; wake up for the next."""
        now = self.clock()
        wake = INF
        # When each window next has room; both change only when a waiter is let go.
        all_at, free_at = self._all.free_at(now), self._free.free_at(now)
        for lane in WAITING_LANES:
            queue = self._lanes[lane]
            if not queue:
                continue
            if all_at > now:  # every request counts in this window: nothing can go
                wake = min(wake, all_at)
                break
            for waiter in list(queue):
                if lane is Lane.BULK and self._bulk_full():
                    break  # the next offer goes when one in flight is answered
                at = all_at if waiter.paid else max(all_at, free_at)
                at = max(at, self._chat(waiter.chat_id).ready_at(self.burst, self.rate))
                paced = lane is Lane.BULK and not waiter.paid
                if paced:
                    at = max(at, self._bulk_next)
                if at > now:
                    wake = min(wake, at)
                    continue
                queue.remove(waiter)
                self._take(waiter.chat_id, waiter.paid, lane)
                if paced:
                    self._bulk_next = max(now, self._bulk_next) + self._bulk_gap
                waiter.granted.set_result(None)
                all_at, free_at = self._all.free_at(now), self._free.free_at(now)
                if all_at > now:
                    wake = min(wake, all_at)
                    break
        if wake < INF and (self._timer is None or wake < self._timer_at):
            if self._timer is not None:
                self._timer.cancel()
            self._timer_at = wake
            self._timer = asyncio.get_running_loop().create_task(self._wake(wake - now))

    async def _wake(self, delay: float) -> None:
        await self.sleep(delay)
        self._timer = None
        self._timer_at = INF
        self._pump()

    def _chat(self, chat_id: int | str) -> _Chat:
        chat = self._chats.get(chat_id)
        if chat is None:
            if len(self._chats) >= self._prune_at:
                self._prune()
            chat = self._chats[chat_id] = _Chat()
        return chat

    def _prune(self) -> None:
        now = self.clock()
        for chat_id in [key for key, chat in self._chats.items() if chat.idle(now)]:
            del self._chats[chat_id]
        # Amortised: a fan-out to 100,000 fresh chats must not scan them all on every send.
        self._prune_at = max(PRUNE_AT, 2 * len(self._chats))

    def count_drop(self) -> None:
        """One countdown edit dropped (or skipped before it was made)."""
        self.dropped += 1
        if self.metrics is not None:
            self.metrics.dropped.inc()


def _seconds(value: object) -> float:
    total = getattr(value, "total_seconds", None)
    return float(total()) if callable(total) else float(value)  # type: ignore[arg-type]


def _reason(exc: TelegramError) -> str:
    """A short, bounded label for a failed request."""
    if isinstance(exc, RetryAfter):
        return "429"
    if isinstance(exc, Forbidden):
        return "403"
    if isinstance(exc, BadRequest):
        return "400"
    if isinstance(exc, TimedOut):
        return "timeout"
    if isinstance(exc, NetworkError):
        return "network"
    return "other"
