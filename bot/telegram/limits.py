"""Pacing requests to Telegram's limits: about 30 messages a second overall, and short bursts only
into one chat (about one a second sustained).

A `BaseRateLimiter` of our own rather than `AIORateLimiter`: that one does not pace private chats
and pauses every request when one chat gets a 429. Here each chat has its own small token bucket,
and the overall pace is a single schedule, so a slow chat never holds up the others.

Telegram counts the overall limit as a strict sliding window over arrivals: never more than 30 in
any one second. Pacing sends 1/30 s apart is not enough for that, because a request that left
early can arrive late (the first of a fan-out opens a connection) and bunch up with later ones. So
a send also waits until the send 30 places before it was *answered* more than a second ago: it
arrived no later than its answer, so the two are always more than a second apart on arrival.

Buckets that have refilled are dropped, so memory does not grow with the number of subscribers.
429s are not retried here: the caller knows whether a retry is safe.
"""

from __future__ import annotations

import asyncio
import math
from collections import deque
from collections.abc import Callable, Coroutine
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

from bot.metrics import Metrics

# Methods that put something in a chat; reading updates or answering a button tap is not limited.
UNLIMITED = frozenset(
    {
        "getUpdates",
        "getMe",
        "answerCallbackQuery",
        "setMyCommands",
        "deleteWebhook",
        "setWebhook",
        "getWebhookInfo",
        "deleteMyCommands",
    }
)
PRUNE_AT = 10_000


class TelegramLimiter(BaseRateLimiter[None]):
    """Overall messages per second (0 = unlimited) and a per-chat burst with a sustained rate."""

    def __init__(
        self,
        *,
        metrics: Metrics | None = None,
        overall: float = 30.0,
        per_chat_burst: int = 6,
        per_chat_rate: float = 1.0,
    ) -> None:
        self.metrics = metrics
        self.overall = overall
        self.burst = per_chat_burst
        self.rate = per_chat_rate
        self._next_free = 0.0
        # When each of the last `overall` limited sends was answered (inf: still in flight).
        self._answered: deque[list[float]] = deque(maxlen=max(1, math.floor(overall)))
        self._one_answered = asyncio.Event()
        self._chats: dict[int | str, tuple[float, float]] = {}  # chat -> (tokens, at)
        self._prune_at = PRUNE_AT

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""

    def _overall_wait(self, now: float) -> float:
        if self.overall <= 0:
            return 0.0
        start = max(now, self._next_free)
        self._next_free = start + 1.0 / self.overall
        return start - now

    async def _window_turn(self) -> list[float]:
        """Wait until a send cannot be the overall limit's 31st in any second; claim its place."""
        loop = asyncio.get_running_loop()
        answered = self._answered
        while len(answered) == answered.maxlen:
            wait = answered[0][0] + 1.0 - loop.time()
            if wait <= 0:
                break
            if math.isinf(wait):
                self._one_answered.clear()
                await self._one_answered.wait()
            else:
                await asyncio.sleep(wait)
        place = [math.inf]
        answered.append(place)
        return place

    def _chat_wait(self, chat_id: int | str, now: float) -> float:
        if self.rate <= 0:
            return 0.0
        tokens, at = self._chats.get(chat_id, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - at) * self.rate) - 1.0
        self._chats[chat_id] = (tokens, now)
        if len(self._chats) > self._prune_at:
            self._prune(now)
            # Amortised: a fan-out to 100,000 fresh chats must not scan them all on every send.
            self._prune_at = max(PRUNE_AT, 2 * len(self._chats))
        return 0.0 if tokens >= 0 else -tokens / self.rate

    def _prune(self, now: float) -> None:
        full = [
            chat
            for chat, (tokens, at) in self._chats.items()
            if tokens + (now - at) * self.rate >= self.burst
        ]
        for chat in full:
            del self._chats[chat]

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Wait for this chat's turn and the overall pace, then make the request."""
        chat_id = data.get("chat_id")
        if endpoint in UNLIMITED or chat_id is None:
            return await self._call(callback, args, kwargs, endpoint)
        now = asyncio.get_running_loop().time()
        wait = max(self._chat_wait(chat_id, now), self._overall_wait(now))
        if wait > 0:
            await asyncio.sleep(wait)
        if self.overall <= 0:
            return await self._call(callback, args, kwargs, endpoint)
        place = await self._window_turn()
        try:
            return await self._call(callback, args, kwargs, endpoint)
        finally:
            place[0] = asyncio.get_running_loop().time()
            self._one_answered.set()

    async def _call(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        if self.metrics is None or endpoint == "getUpdates":
            return await callback(*args, **kwargs)
        try:
            result = await callback(*args, **kwargs)
        except TelegramError as exc:
            self.metrics.failed.labels(_reason(exc)).inc()
            raise
        self.metrics.sent.labels(endpoint).inc()
        return result


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
