"""Telegram's flood limits, as the emulator enforces them.

What Telegram documents (core.telegram.org/bots/faq, "My bot is hitting limits") and what it does:

- **Overall:** at most 30 messages in any one second, across all chats. Modelled as a *strict
  sliding window*: the 31st send or edit within any 1 s span is refused, however the first 30
  were spread. (A token bucket would let a bot that was idle send 30 at once *and* 30 more in the
  next instants; Telegram does not, and a bot tuned against a bucket overshoots in production.)
- **Paid broadcasts:** a send with `allow_paid_broadcast=true` counts against a window of 1,000
  a second instead; that window counts every send and edit, paid or not, so free and paid
  traffic together stay under 1,000 a second.
- **Per chat:** "about one message a second", and Telegram tolerates short bursts. Modelled as a
  token bucket of 3 that refills at 1 a second: three messages at once pass, the fourth waits
  about a second, and a chat that keeps going gets one a second.
- **Edits count** against the same budgets as sends (editMessageText, editMessageReplyMarkup,
  editMessageCaption, editMessageMedia): a countdown that edits every second spends a chat's
  whole allowance.

A refusal is HTTP 429 `{"ok": false, "error_code": 429, "description": "Too Many Requests: retry
after N", "parameters": {"retry_after": N}}`, N the whole seconds until the call would pass (at
least 1). Every refusal is recorded (`refusals`) so a test can assert that a bot stayed under the
limits: `assert not emulator.limiter.refusals`.

The limiter is off unless asked for (`LimiterMode.ENFORCE`), and its clock is injected, so tests
move time by hand instead of sleeping.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from bot.emulator.spec import ApiError
from bot.flood import LIMITED_METHODS

WINDOW = 1.0  # seconds: the span the overall limits are counted over
OVERALL_PER_SECOND = 30
PAID_PER_SECOND = 1000
CHAT_BURST = 3
CHAT_PER_SECOND = 1.0

# Methods that put something new or changed in front of a person: what Telegram counts.


class LimiterMode(StrEnum):
    """Whether the emulator answers 429 when the bot goes over Telegram's limits."""

    OFF = "off"
    ENFORCE = "enforce"


class Scope(StrEnum):
    """Which limit refused a call."""

    OVERALL = "overall"
    PAID = "paid"
    CHAT = "chat"


@dataclass(frozen=True, slots=True)
class Refusal:
    """One 429 the emulator answered."""

    at: float  # the limiter's clock
    method: str
    chat_id: int
    scope: Scope
    retry_after: int


class _Window:
    """A strict sliding window: at most `limit` admissions in any `WINDOW` seconds."""

    __slots__ = ("limit", "stamps")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.stamps: deque[float] = deque()

    def wait(self, now: float) -> float:
        """Seconds until one more may pass (0: it may pass now)."""
        stamps = self.stamps
        while stamps and stamps[0] <= now - WINDOW:
            stamps.popleft()
        if len(stamps) < self.limit:
            return 0.0
        return stamps[len(stamps) - self.limit] + WINDOW - now

    def take(self, now: float) -> None:
        self.stamps.append(now)


class _Bucket:
    """A token bucket: `burst` at once, then `rate` a second."""

    __slots__ = ("burst", "rate", "stamp", "tokens")

    def __init__(self, rate: float, burst: float, now: float) -> None:
        self.rate = rate
        self.burst = burst
        self.tokens = burst
        self.stamp = now

    def wait(self, now: float) -> float:
        """Seconds until one may pass (0: it may pass now)."""
        self.tokens = min(self.burst, self.tokens + max(0.0, now - self.stamp) * self.rate)
        self.stamp = max(self.stamp, now)
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate

    def take(self) -> None:
        self.tokens -= 1


class RateLimiter:
    """Admits or refuses (429) each limited call, by Telegram's limits; records every refusal."""

    def __init__(
        self,
        mode: LimiterMode | str = LimiterMode.OFF,
        *,
        clock: Callable[[], float] = time.monotonic,
        overall: int = OVERALL_PER_SECOND,
        paid: int = PAID_PER_SECOND,
        chat_burst: int = CHAT_BURST,
        chat_rate: float = CHAT_PER_SECOND,
    ) -> None:
        self.mode = LimiterMode(mode)
        self.clock = clock
        self.chat_burst = chat_burst
        self.chat_rate = chat_rate
        self._overall = _Window(overall)
        self._paid = _Window(paid)
        self._chats: dict[int, _Bucket] = {}
        self.refusals: list[Refusal] = []

    @property
    def enforcing(self) -> bool:
        """Whether calls over the limits are refused."""
        return self.mode is LimiterMode.ENFORCE

    def admit(self, method: str, chat_id: int, *, paid: bool = False) -> None:
        """Let one call through, or raise the 429 Telegram would answer (and record it)."""
        if not self.enforcing or method not in LIMITED_METHODS:
            return
        now = self.clock()
        bucket = self._chats.get(chat_id)
        if bucket is None:
            bucket = self._chats[chat_id] = _Bucket(self.chat_rate, self.chat_burst, now)
        overall_scope = Scope.PAID if paid else Scope.OVERALL
        waits = [
            (self._paid.wait(now) if paid else self._overall.wait(now), overall_scope),
            (bucket.wait(now), Scope.CHAT),
        ]
        if not paid:
            # A free message also counts in the 1,000/s window paid ones share.
            waits.append((self._paid.wait(now), Scope.PAID))
        wait, scope = max(waits, key=lambda pair: pair[0])
        if wait > 0:
            seconds = max(1, math.ceil(wait))
            self.refusals.append(Refusal(now, method, chat_id, scope, seconds))
            raise ApiError(429, f"Too Many Requests: retry after {seconds}", retry_after=seconds)
        if not paid:
            self._overall.take(now)
        self._paid.take(now)
        bucket.take()
