"""Live hold timers: one message edited as the seconds run down, then release or switch.

Each timer is its own task, so many people can hold at once without waiting for each other. Edits
come no more often than `edit_every` displayed seconds per chat, which Telegram tolerates.
Holds can be shortened for tests with `scale` (0.05 runs a 20 s hold in one real second).
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Awaitable, Callable
from typing import Any

from prometheus_client import Histogram
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.content.model import REST_BETWEEN_HOLDS, Hold
from bot.telegram import texts
from bot.telegram.limits import Dropped, Lane

log = logging.getLogger(__name__)

REST_SECONDS = REST_BETWEEN_HOLDS


class Countdowns:
    """The running timers of this process, at most one per chat."""

    def __init__(
        self, *, scale: float = 1.0, edit_every: float = 3.0, lateness: Histogram | None = None
    ) -> None:
        self.scale = scale
        self.edit_every = edit_every
        self.lateness = lateness
        self.running: dict[int, asyncio.Task[None]] = {}

    def busy(self, chat_id: int) -> bool:
        """A timer is already running in this chat."""
        task = self.running.get(chat_id)
        return task is not None and not task.done()

    def start(
        self,
        bot: ExtBot[Any],
        chat_id: int,
        message_id: int,
        step: str,
        holds: tuple[Hold, ...],
        then: Callable[[], Awaitable[None]],
    ) -> asyncio.Task[None]:
        """Run `holds` on one message, then call `then` (which sends whatever comes next)."""
        task = asyncio.create_task(self._run(bot, chat_id, message_id, step, holds, then))
        self.running[chat_id] = task
        task.add_done_callback(lambda t: self._forget(chat_id, t))
        return task

    def _forget(self, chat_id: int, task: asyncio.Task[None]) -> None:
        if self.running.get(chat_id) is task:
            del self.running[chat_id]
        if not task.cancelled() and task.exception() is not None:
            log.error("hold timer failed", exc_info=task.exception())

    def cancel(self, chat_id: int) -> bool:
        """Stop this chat's timer if it runs in this process (what would follow it is not
        sent); False when there is none here."""
        task = self.running.get(chat_id)
        if task is None or task.done():
            return False
        task.cancel()
        return True

    async def stop_all(self) -> None:
        """Cancel every timer (shutdown)."""
        tasks = list(self.running.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _run(
        self,
        bot: ExtBot[Any],
        chat_id: int,
        message_id: int,
        step: str,
        holds: tuple[Hold, ...],
        then: Callable[[], Awaitable[None]],
    ) -> None:
        loop = asyncio.get_running_loop()
        for index, hold in enumerate(holds):
            deadline = loop.time() + hold.seconds * self.scale
            while (left := deadline - loop.time()) > 0:
                shown = math.ceil(left / self.scale - 1e-6)
                # No countdown edit in the last (displayed) second: the release must not queue
                # behind it.
                if left > self.scale and not await self._edit(
                    bot, chat_id, message_id, texts.countdown(step, hold, shown), Lane.COUNTDOWN
                ):
                    return
                pause = min(self.edit_every * self.scale, deadline - loop.time())
                if pause > 0:
                    await asyncio.sleep(pause)
            following = holds[index + 1] if index + 1 < len(holds) else None
            text = texts.release(step, hold, following, REST_SECONDS)
            if not await self._edit(bot, chat_id, message_id, text, Lane.RELEASE):
                return
            if self.lateness is not None:
                self.lateness.observe(max(0.0, loop.time() - deadline))
            if following is not None:
                await asyncio.sleep(REST_SECONDS * self.scale)
        await then()

    async def _edit(
        self, bot: ExtBot[Any], chat_id: int, message_id: int, text: str, lane: Lane
    ) -> bool:
        """Edit the timer message; False if the chat is gone and the timer should stop.

        Countdown edits are dropped by the limiter when the budget is tight (the next one shows
        the right number anyway); a release is never dropped (bot/telegram/limits.py)."""
        for _attempt in range(3):
            try:
                await bot.edit_message_text(
                    text,
                    chat_id=chat_id,
                    message_id=message_id,
                    rate_limit_args=lane,
                )  # no reply_markup: an edit without one drops the Start button
                return True
            except Dropped:
                return True
            except RetryAfter as exc:
                delay = exc.retry_after
                await asyncio.sleep(
                    delay.total_seconds() if hasattr(delay, "total_seconds") else delay
                )
            except BadRequest as exc:
                if "not modified" in exc.message.lower():
                    return True
                log.warning("timer edit refused: %s", exc.message)
                return True
            except Forbidden:
                return False
            except TelegramError as exc:
                log.warning("timer edit failed: %s", exc.__class__.__name__)
                return True
        return True
