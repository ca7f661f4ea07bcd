"""The one place where the domain's exceptions become texts, and where the unexpected is logged.

Handlers let `NotSubscribed`, `InvalidInput` and `StaleButton` propagate; python-telegram-bot
hands them to `on_error`, which answers each with its text. Anything else is a bug: it is logged
with its type and traceback (never the exception's message, which may quote what the person
wrote, and never the token) and the person is told honestly that something went wrong.
"""

from __future__ import annotations

import logging
import traceback

from telegram import Update
from telegram.error import BadRequest

from bot.coach.signs import Level
from bot.errors import (
    DomainError,
    Field,
    InvalidInput,
    NotSubscribed,
    OnSafetyHold,
    Stale,
    StaleButton,
)
from bot.telegram import keyboards, safety_texts, texts, texts_week
from bot.telegram.context import Context
from bot.telegram.handlers.common import Markup, reply

log = logging.getLogger(__name__)


def invalid_input(error: InvalidInput) -> tuple[str, Markup]:
    """What to say about typed input the rules refuse."""
    match error.field:
        case Field.PAUSE_DAYS:
            return texts.PAUSE_USAGE, None
        case Field.PAIN:
            return texts.pain_invalid(error.given), keyboards.pain()
        case Field.MORNING | Field.EVENING | Field.TIME:
            slot = error.field if error.field is not Field.TIME else Field.MORNING
            return texts.time_invalid(slot, error.given), None
        case Field.ZONE:
            return texts.timezone_unknown(error.given), None
        case Field.REACH:
            return texts.SELF_TEST_USAGE, None
        case Field.DAYS:
            return texts_week.days_invalid(error.given), keyboards.days()
        case Field.BREAKS:
            return texts_week.breaks_invalid(error.given, error.hint), None
        case Field.SUMMARY:
            return texts_week.summary_invalid(error.given), None
        case _:
            return texts.UNKNOWN_TEXT, None


async def answer_domain_error(update: Update, error: DomainError) -> None:
    """Answer a domain exception with its text: as a button's alert, or as a reply."""
    pressed = update.callback_query
    markup: Markup
    if isinstance(error, NotSubscribed):
        text, markup = texts.NOT_SUBSCRIBED, None
    elif isinstance(error, OnSafetyHold):
        level = Level(error.level) if error.level in set(Level) else None
        text, markup = safety_texts.on_hold(level), keyboards.cleared()
        if pressed is not None:  # the reminder as an alert, and the way out under it
            await pressed.answer(text, show_alert=True)
            await reply(update, text, markup)
            return
    elif isinstance(error, StaleButton):
        text, markup = texts.stale(error.reason), None
    elif isinstance(error, InvalidInput):
        # A button only offers valid values: one that fails the rules was forged or outdated.
        text, markup = (
            (texts.INVALID_CHOICE, None) if pressed is not None else invalid_input(error)
        )
    else:
        raise AssertionError(error)  # a new kind of domain error needs its text here
    if pressed is not None:
        holding = isinstance(error, StaleButton) and error.reason is Stale.HOLDING
        await pressed.answer(text, show_alert=not holding)
    else:
        await reply(update, text, markup)


async def on_error(update: object, context: Context) -> None:
    """Map domain exceptions to texts; log anything else (no message text, no token) and say
    honestly that something went wrong."""
    error = context.error
    if isinstance(error, DomainError) and isinstance(update, Update):
        await answer_domain_error(update, error)
        return
    if isinstance(error, BadRequest) and "not modified" in error.message.lower():
        return
    update_id = update.update_id if isinstance(update, Update) else None
    trace = "".join(traceback.format_tb(error.__traceback__)) if error is not None else ""
    log.error("update %s failed: %s\n%s", update_id, error.__class__.__name__, trace)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            if update.callback_query is not None:
                await update.callback_query.answer(texts.SOMETHING_WRONG, show_alert=True)
            else:
                await context.bot.send_message(update.effective_chat.id, texts.SOMETHING_WRONG)
        except Exception:  # the error handler must never raise
            log.warning("could not tell the user about the failure")
