"""Groups, supergroups and channels: the coach is personal, so nothing there reaches it.

The first handler of all (`app.py`): an update from any chat that is not private stops here.
Nothing is read from or written to the database. A chat gets one pointer to a private chat (once
per process: a bounded set remembers which chats have had it); commands addressed to another bot
get nothing; buttons are refused with a pop-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.telegram import texts
from bot.telegram.context import Context

log = logging.getLogger(__name__)

REMEMBERED_CHATS = 10_000  # past this the set starts again: at worst a chat hears the note twice


def addressed_elsewhere(text: str, username: str | None) -> bool:
    """A command that names another bot ("/start@otherbot")."""
    if not text.startswith("/"):
        return False
    command = text.split(maxsplit=1)[0]
    _, at, name = command.partition("@")
    return bool(at) and (username is None or name.lower() != username.lower())


def private_only() -> Callable[[Update, Context], Coroutine[Any, Any, None]]:
    """The group -3 callback, with its own memory of the chats already told."""
    told: set[int] = set()

    async def outside_private_chat(update: Update, context: Context) -> None:
        """Stop every update that does not come from a private chat."""
        chat = update.effective_chat
        if chat is None or chat.type == ChatType.PRIVATE:
            return
        try:
            await _answer(update, context, chat.id, told)
        except TelegramError as exc:  # e.g. a channel where the bot may not post
            log.info("could not answer in a %s: %s", chat.type, exc.__class__.__name__)
        raise ApplicationHandlerStop

    return outside_private_chat


async def _answer(update: Update, context: Context, chat_id: int, told: set[int]) -> None:
    if update.callback_query is not None:
        await update.callback_query.answer(texts.PRIVATE_ONLY_BUTTON, show_alert=True)
        return
    message = update.effective_message
    if message is None or chat_id in told:
        return
    if addressed_elsewhere(message.text or "", context.bot.username):
        return
    if len(told) >= REMEMBERED_CHATS:
        told.clear()
    told.add(chat_id)
    await context.bot.send_message(chat_id, texts.private_only(context.bot.username))
