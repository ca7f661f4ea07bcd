"""The event loop the bot runs on: uvloop where it is installed (not on Windows), else asyncio's.

uvloop runs the same asyncio code on libuv, in C. The bot spends most of its time in the loop
(sockets, timers, the limiter's wake-ups): on uvloop the paid fan-out's places in Telegram's
window turn over sooner and replies leave sooner (README: benchmarks). `STRETCHBOT_EVENT_LOOP=
asyncio` runs on Python's own loop; the tests run on the same loop as the bot
(tests/conftest.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def factory(name: str | None = None) -> Callable[[], asyncio.AbstractEventLoop] | None:
    """The loop factory for `name` ("uvloop" or "asyncio"; None: the `event_loop` setting), or
    None for asyncio's own loop."""
    if name is None:
        from bot.config import Settings

        name = Settings().event_loop
    if name == "asyncio":
        return None
    try:
        import uvloop
    except ImportError:  # Windows: uvloop is not installed there
        return None
    return uvloop.new_event_loop


def run(main: Coroutine[Any, Any, T], name: str | None = None) -> T:
    """`asyncio.run` on the bot's event loop."""
    with asyncio.Runner(loop_factory=factory(name)) as runner:
        return runner.run(main)


def policy() -> asyncio.AbstractEventLoopPolicy:
    """An event loop policy making the same loops, for code that makes its own loop
    (python-telegram-bot's `run_polling` in the benchmark's echo bot)."""
    if factory() is None:
        return asyncio.DefaultEventLoopPolicy()
    import uvloop

    return uvloop.EventLoopPolicy()
