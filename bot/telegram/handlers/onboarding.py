"""/start with its safety question, and /help (the screen of every message: safety.py)."""

from __future__ import annotations

import logging

from telegram import Update

from bot.coach import inputs, safety
from bot.telegram import keyboards, texts
from bot.telegram.callbacks import Callback
from bot.telegram.context import Context
from bot.telegram.handlers import safety as safety_handlers
from bot.telegram.handlers.common import chat_id, query, reply

log = logging.getLogger(__name__)


async def start(update: Update, context: Context) -> None:
    """Subscribe, show the schedule, and (first time) the safety note and question."""
    user = update.effective_user
    assert user is not None
    profile, new = await context.coach.start(
        chat_id(update), user.id, user.first_name, user.language_code, context.now()
    )
    await reply(update, texts.welcome(profile, user.first_name, new), keyboards.main_menu())
    if new:
        await reply(
            update,
            f"{safety.DISCLAIMER}\n\n{texts.SAFETY_QUESTION}",
            keyboards.safety_question(),
        )


async def safety_answer(update: Update, context: Context, button: Callback) -> None:
    """The person answered the red-flag question."""
    answer = inputs.choice(button.word(0), ("yes", "none"))
    pressed = query(update)
    await pressed.answer()
    await pressed.edit_message_reply_markup(None)
    if answer == "yes":
        await safety_handlers.onboarding_hold(update, context)
    else:
        await reply(update, texts.SAFETY_OK)


async def show_help(update: Update, context: Context) -> None:
    """/help."""
    await reply(update, texts.HELP, keyboards.main_menu())
