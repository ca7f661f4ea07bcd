"""Updates in: many chats at once, one update at a time within a chat, and no chat stalls others.

python-telegram-bot's update processor takes one of its global slots before it hands an update
over. Waiting for a chat's turn inside that slot (a lock per chat) let one person's 300 messages
take every slot while they drained at Telegram's one-a-second pace, and everybody else waited.
Here the library's own semaphore is made wide and a chat's updates wait in that chat's queue,
holding nothing; only an update that is actually being handled holds one of `max_concurrent`
slots.

One chat's queue is capped at `backlog` updates: a tap on the same button or the same text again,
while the first is still queued, is coalesced into it; beyond the cap the oldest queued update is
dropped and the chat gets a single "I'm catching up" note (`on_overflow`). When the application
stops, queued updates are dropped instead of drained, so shutdown finishes within its grace period
(updates polled but not handled are lost; Telegram has already been told they arrived).
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import BaseUpdateProcessor

from bot.metrics import Metrics

log = logging.getLogger(__name__)

# python-telegram-bot's semaphore: wide enough never to be what an update waits for.
WIDE_OPEN = 1_000_000


@dataclass(slots=True)
class _Queued:
    key: tuple[object, ...] | None
    update: Update
    coroutine: Coroutine[Any, Any, Any]


@dataclass(slots=True)
class _ChatQueue:
    items: deque[_Queued] = field(default_factory=deque)
    draining: bool = False
    noted: bool = False  # the "catching up" note went out for this backlog


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Per-chat order without per-chat waiting in global slots; a capped backlog per chat."""

    def __init__(
        self, metrics: Metrics, max_concurrent_updates: int = 256, *, backlog: int = 20
    ) -> None:
        super().__init__(WIDE_OPEN)
        self.metrics = metrics
        self.max_concurrent = max_concurrent_updates
        self.backlog = backlog
        self._slots: asyncio.Semaphore | None = None
        self._chats: dict[int, _ChatQueue] = {}
        self._notes: set[asyncio.Task[None]] = set()
        # Updates handled or dropped so far: `stretchbot chat` and tests wait on it to know that
        # an update which changes nothing visible was dealt with.
        self.finished = 0
        # Wired by the application factory: whether the application still runs, and the note.
        self.running: Callable[[], bool] = lambda: True
        self.on_overflow: Callable[[int], Awaitable[object]] | None = None

    @property
    def slots(self) -> asyncio.Semaphore:
        if self._slots is None:  # made inside the running loop
            self._slots = asyncio.Semaphore(self.max_concurrent)
        return self._slots

    def idle(self) -> bool:
        """No chat has an update in progress or waiting."""
        return not self._chats

    def queued(self, chat_id: int) -> int:
        """Updates of this chat waiting for their turn."""
        queue = self._chats.get(chat_id)
        return len(queue.items) if queue else 0

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Handle at once, or queue behind the chat's update in progress."""
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None or not isinstance(update, Update):
            async with self.slots:
                await self._handle(update, coroutine)
            return
        assert isinstance(coroutine, Coroutine)
        queue = self._chats.setdefault(chat.id, _ChatQueue())
        key = _key(update)
        if key is not None and any(item.key == key for item in queue.items):
            await self._drop(_Queued(key, update, coroutine), "coalesced")
            return
        queue.items.append(_Queued(key, update, coroutine))
        if len(queue.items) > self.backlog:
            await self._drop(queue.items.popleft(), "backlog")
            if not queue.noted:
                queue.noted = True
                self._note(chat.id)
        if queue.draining:
            return  # the update in progress drains this one after it
        queue.draining = True
        try:
            while queue.items:
                if not self.running():
                    break
                item = queue.items.popleft()
                async with self.slots:
                    await self._handle(item.update, item.coroutine)
            while queue.items:  # stopping: what is still queued is dropped
                await self._drop(queue.items.popleft(), "stopping")
        finally:
            for item in queue.items:  # cancelled: close them so none is left un-awaited
                item.coroutine.close()
            del self._chats[chat.id]

    async def _handle(self, update: object, coroutine: Awaitable[Any]) -> None:
        try:
            with self.metrics.handler_seconds.time():
                await coroutine
        except Exception as exc:  # one update's failure must not strand its chat's queue
            log.error("handling an update failed: %s", exc.__class__.__name__)
        finally:
            self.finished += 1
        self.metrics.updates.labels(_kind(update)).inc()

    async def _drop(self, item: _Queued, reason: str) -> None:
        item.coroutine.close()
        self.finished += 1
        self.metrics.dropped_updates.labels(reason).inc()
        query = item.update.callback_query
        if query is not None:  # stop the button's spinner; the tap itself is answered elsewhere
            try:
                await query.answer()
            except TelegramError as exc:
                log.info("could not answer a dropped tap: %s", exc.__class__.__name__)

    def _note(self, chat_id: int) -> None:
        if self.on_overflow is None:
            return

        async def send() -> None:
            assert self.on_overflow is not None
            try:
                await self.on_overflow(chat_id)
            except TelegramError as exc:
                log.warning("could not send the catching-up note: %s", exc.__class__.__name__)

        task = asyncio.get_running_loop().create_task(send())
        self._notes.add(task)
        task.add_done_callback(self._notes.discard)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Let a catching-up note in flight finish."""
        await asyncio.gather(*self._notes, return_exceptions=True)


def _key(update: Update) -> tuple[object, ...] | None:
    """What makes two queued updates the same request: the same tap, or the same text."""
    query = update.callback_query
    if query is not None:
        message_id = query.message.message_id if query.message is not None else None
        return ("tap", message_id, query.data)
    message = update.message
    if message is not None and message.text:
        return ("text", message.text.strip())
    return None


def _kind(update: object) -> str:
    if not isinstance(update, Update):
        return "other"
    if update.callback_query is not None:
        return "button"
    message = update.message
    if message is not None and message.text:
        return "command" if message.text.startswith("/") else "text"
    return "message" if message is not None else "other"
