"""Logging you can trust: a typed "done" and the questions it may ask first (a session of your
own? finish the running hold early?), "skip" and "stop" typed during a routine, "what's my
streak?", and /undo."""

from __future__ import annotations

from datetime import UTC, datetime

from telegram import CallbackQuery, Update
from telegram.error import BadRequest

from bot.coach import inputs
from bot.telegram import coaching_texts as words
from bot.telegram import keyboards, texts
from bot.telegram.callbacks import Callback
from bot.telegram.cards import show_card
from bot.telegram.context import Context
from bot.telegram.countdown import Control
from bot.telegram.handlers.common import chat_id, query, reply
from bot.telegram.handlers.session import advance, after_done, show_stopped
from bot.usecases import DoneAsk, DoneQuestion


async def _drop_buttons(pressed: CallbackQuery) -> None:
    """Take the question's buttons away; a replayed tap finds them gone already (not an error:
    the answer still follows)."""
    try:
        await pressed.edit_message_reply_markup(None)
    except BadRequest as exc:
        if "not modified" not in exc.message.lower():
            raise


async def log_done(update: Update, context: Context) -> None:
    """ "done" typed: log the session in progress or just offered, or ask first."""
    outcome = await context.coach.done_said(chat_id(update), context.now())
    if not isinstance(outcome, DoneQuestion):
        await after_done(update, context, outcome)
    elif outcome.ask is DoneAsk.EARLY and outcome.session_id is not None:
        await reply(update, words.EARLY_QUESTION, keyboards.finish_early(outcome.session_id))
    else:
        asked = int(outcome.asked_at.timestamp())
        await reply(update, words.OWN_QUESTION, keyboards.own_session(asked))


async def own_session_button(update: Update, context: Context, button: Callback) -> None:
    """Yes / No to "log a session you did on your own?"."""
    answer = inputs.choice(button.word(0), ("yes", "no"))
    pressed = query(update)
    if answer == "no":
        await pressed.answer()
        await pressed.edit_message_text(words.OWN_NOT_LOGGED)
        return
    asked = datetime.fromtimestamp(button.number(1), UTC)
    result = await context.coach.log_own(chat_id(update), asked, context.now())
    await pressed.answer("Logged" if not result.already_done else None)
    await _drop_buttons(pressed)
    await after_done(update, context, result)


async def finish_early_button(update: Update, context: Context, button: Callback) -> None:
    """Finish a running hold early (and log the session), or keep going."""
    answer = inputs.choice(button.word(0), ("yes", "no"))
    pressed = query(update)
    chat = chat_id(update)
    if answer == "no":
        await pressed.answer(words.EARLY_KEEP)
        await _drop_buttons(pressed)
        return
    countdowns = context.services.countdowns
    timer = countdowns.timers.get(chat)
    stopped = countdowns.cancel(chat)
    result, timer_message = await context.coach.finish_early(chat, button.number(1), context.now())
    if stopped and timer_message is not None:
        # The timer runs on the card itself (a picture when pictures are on): the card keeps
        # its text, says it finished early, and loses its timer buttons.
        view = timer.view if timer is not None and timer.message_id == timer_message else None
        text = f"{view}\n\n{words.FINISHED_EARLY}" if view else words.FINISHED_EARLY
        await show_card(
            context.bot, chat, text, None, timer_message, pictures=context.services.pictures
        )
    await pressed.answer("Logged" if not result.already_done else None)
    await _drop_buttons(pressed)
    await after_done(update, context, result)


async def skip_said(update: Update, context: Context) -> None:
    """ "skip" typed: the routine offered, or the card on screen."""
    chat, now = chat_id(update), context.now()
    offered = await context.coach.offered(chat, now)
    if offered is None:
        await reply(update, words.NOTHING_TO_SKIP)
    elif offered.holding:
        await reply(update, words.SKIP_WHILE_HOLDING)
    elif offered.waiting:
        await context.coach.skip_delivered(chat, offered.run.session_id, now)
        await reply(update, texts.SKIPPED_TODAY)
    elif offered.run.card is None:
        await reply(update, words.SKIP_AT_END)
    else:
        await reply(update, words.SKIPPED_CARD)
        await advance(context, chat, offered.run, offered.run.card)


async def stop_said(update: Update, context: Context) -> None:
    """ "stop" typed: stop a running hold (the card waits for Start again)."""
    chat, now = chat_id(update), context.now()
    offered = await context.coach.offered(chat, now)
    if offered is None or not offered.holding:
        await reply(update, words.STOP_NOTHING)
        return
    countdowns = context.services.countdowns
    timer = countdowns.timer(chat, offered.run.session_id, offered.run.card_index)
    if timer is None or not countdowns.control(timer, Control.STOP):
        # The timer runs in another process: it ends by itself shortly.
        await reply(update, words.STOP_ELSEWHERE)
        return
    await show_stopped(context, timer)
    await reply(update, words.STOPPED_REPLY)


async def show_streak(update: Update, context: Context) -> None:
    """ "what's my streak?"."""
    summary = await context.coach.progress(chat_id(update), context.now())
    await reply(update, words.streak(summary))


async def undo(update: Update, context: Context) -> None:
    """/undo: take back the last logged session (within a day)."""
    result = await context.coach.undo(chat_id(update), context.now())
    await reply(update, words.undone(result))
