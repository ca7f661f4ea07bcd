"""Start-up that fails in one clear line: bounded retries for what may come up a little later
(the database, Telegram), and the error a supervisor and its operator see when the bot gives up.

A container orchestrator often starts the bot before its database, and a VPS may boot before its
network: both deserve a few patient attempts, each logged on one line. Past the configured time
the bot exits 1 with one line naming what failed and which setting to look at, never a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

FIRST_WAIT = 0.5  # seconds before the second attempt; each later wait doubles
LONGEST_WAIT = 10.0


class CannotRun(Exception):
    """The bot cannot (go on) run(ning); the text is the single line the operator reads."""


class StopRequested(Exception):
    """SIGTERM arrived while start-up was still waiting: nothing to report, just stop."""


def reason(error: BaseException) -> str:
    """A short, safe description of `error`: the operating system's words or the error's type.

    Never the error's own text: a database error's text quotes the statement and its parameters,
    a connection error's may quote a URL with a password or token.
    """
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.strerror:
            return current.strerror
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    inner = getattr(error, "orig", None)
    return type(inner if isinstance(inner, BaseException) else error).__name__


async def with_retries(
    what: str,
    attempt: Callable[[], Awaitable[T]],
    *,
    retry_on: tuple[type[BaseException], ...],
    seconds: float,
    hint: str,
    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    clock: Callable[[], float] | None = None,
    stop: asyncio.Event | None = None,
) -> T:
    """`attempt()` until it succeeds, for at most about `seconds`; then `CannotRun`.

    Only errors in `retry_on` are retried; anything else ends start-up at once (the caller maps
    what it knows, e.g. a rejected token, to its own clear line). `stop` set (SIGTERM) ends the
    waiting with `StopRequested`: a supervisor's stop timeout is shorter than the retry bound.
    """
    now = clock or asyncio.get_running_loop().time
    deadline = now() + seconds
    wait = FIRST_WAIT
    tries = 0
    while True:
        if stop is not None and stop.is_set():
            raise StopRequested
        tries += 1
        try:
            return await attempt()
        except retry_on as error:
            left = deadline - now()
            if left <= 0:
                raise CannotRun(
                    f"could not reach {what} in {tries} attempt(s) over {seconds:g} s "
                    f"({reason(error)}): {hint}"
                ) from None
            pause = min(wait, left)
            log.warning(
                "cannot reach %s yet (attempt %d: %s); next attempt in %.1f s",
                what, tries, reason(error), pause,
            )  # fmt: skip
            if stop is None:
                await sleep(pause)
            else:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), pause)
            wait = min(wait * 2, LONGEST_WAIT)


def freeze_heap() -> None:
    """Exempt everything alive now from the garbage collector's full passes: the modules, the
    content library and the safety pipeline live as long as the process, and rescanning their
    200,000 objects stalled the event loop about 100 ms every few seconds under load, holding
    up every reply and send behind it (README: benchmarks)."""
    gc.freeze()
