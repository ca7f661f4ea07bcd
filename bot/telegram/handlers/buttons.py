"""Inline buttons: decode the callback data once, then hand it to the callback for its action.

The table of which callback answers which action is built in `app.py`, beside the other
registrations.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Mapping
from typing import Any

from telegram import Update

from bot.telegram.callbacks import Action, Callback, decode
from bot.telegram.context import Context
from bot.telegram.handlers.common import query

ButtonCallback = Callable[[Update, Context, Callback], Awaitable[None]]


def dispatcher(
    table: Mapping[Action, ButtonCallback],
) -> Callable[[Update, Context], Coroutine[Any, Any, None]]:
    """The one CallbackQueryHandler callback: every action must have its callback."""
    missing = set(Action) - set(table)
    if missing:
        raise ValueError(f"no callback for buttons {sorted(missing)}")

    async def button(update: Update, context: Context) -> None:
        """Every inline button: data we never issued is a StaleButton (see errors.py)."""
        pressed = decode(query(update).data)
        await table[pressed.action](update, context, pressed)

    return button
