"""Misbehaviour on demand: calls that fail like Telegram fails, and answers that come late.

Tests (and benchmarks) queue a fault or a delay for a method; the HTTP layer takes one per call.
An outage fails every call of a method until a moment on the test's own clock (no real waiting).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.emulator.spec import ApiError


@dataclass(slots=True)
class _Fault:
    error: ApiError
    chat_id: int | None
    times: int


@dataclass(slots=True)
class _Outage:
    error: ApiError
    clock: Callable[[], datetime]
    until: datetime


@dataclass(slots=True)
class _Delay:
    seconds: float
    times: int


class Faults:
    """Queued failures and delays, by canonical method name."""

    def __init__(self) -> None:
        self._faults: dict[str, list[_Fault]] = {}
        self._delays: dict[str, list[_Delay]] = {}
        self._outages: dict[str, list[_Outage]] = {}

    def add_fault(self, method: str, error: ApiError, chat_id: int | None, times: int) -> None:
        """The next `times` calls of `method` (into `chat_id`, if given) fail with `error`."""
        self._faults.setdefault(method, []).append(_Fault(error, chat_id, times))

    def add_outage(
        self, method: str, error: ApiError, clock: Callable[[], datetime], until: datetime
    ) -> None:
        """Every call of `method` fails with `error` while `clock()` is before `until`."""
        self._outages.setdefault(method, []).append(_Outage(error, clock, until))

    def add_delay(self, method: str, seconds: float, times: int) -> None:
        """The next `times` calls of `method` are answered `seconds` late."""
        self._delays.setdefault(method, []).append(_Delay(seconds, times))

    def take_fault(self, method: str, params: dict[str, Any]) -> ApiError | None:
        """The error this call must fail with, if one is queued for it."""
        outages = self._outages.get(method)
        if outages:
            outages[:] = [o for o in outages if o.clock() < o.until]  # the ended ones recover
            if outages:
                return outages[0].error
        faults = self._faults.get(method)
        if not faults:
            return None
        for fault in faults:
            if fault.chat_id is None or fault.chat_id == params.get("chat_id"):
                fault.times -= 1
                if fault.times <= 0:
                    faults.remove(fault)
                return fault.error
        return None

    def take_delay(self, method: str) -> float:
        """Seconds this call's answer is held back (0: none)."""
        delays = self._delays.get(method)
        if not delays:
            return 0.0
        delay = delays[0]
        delay.times -= 1
        if delay.times <= 0:
            delays.pop(0)
        return delay.seconds
