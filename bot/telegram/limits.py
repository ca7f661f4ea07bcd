"""Pacing requests to Telegram's limits: about 30 messages a second overall, and short bursts only
into one chat (about one a second sustained).

A `BaseRateLimiter` of our own rather than `AIORateLimiter`: that one does not pace private chats
and pauses every request when one chat gets a 429. Here each chat has its own small token bucket,
and the overall pace is a single schedule, so a slow chat never holds up the others. Buckets that
have refilled are dropped, so memory does not grow with the number of subscribers. 429s are not
retried here: the caller knows whether a retry is safe.
"""

from __future__ import annotations

import asyncio
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
        if endpoint not in UNLIMITED and chat_id is not None:
            now = asyncio.get_running_loop().time()
            wait = max(self._chat_wait(chat_id, now), self._overall_wait(now))
            if wait > 0:
                await asyncio.sleep(wait)
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
