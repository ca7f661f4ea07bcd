"""The safety screen of every text the person writes (messages, edited messages, captions), the
yes/no question when a mention could be either, and the end of a safety hold (/cleared or its
button).

The screen runs before every other handler (group -1). Triage reads the text with a language
pipeline that takes a few seconds to load once (warmed up after start-up) and about a millisecond
a message after that: it runs in a worker thread so the event loop never waits on it.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import OrderedDict

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.coach import safety
from bot.coach.signs import SIGNS, Category, Level, Sign, answer_level, question_for
from bot.errors import NotSubscribed, Stale, StaleButton
from bot.telegram import keyboards, safety_texts, texts
from bot.telegram.callbacks import Callback
from bot.telegram.context import Context
from bot.telegram.handlers.common import chat_id, query, reply

log = logging.getLogger(__name__)

MAX_TEXT = 1000
SHORT = 40  # characters: a text this short is kept with its reading (below)
KEPT = 1024  # short texts kept, the least recently seen dropped first
_one_reader = threading.Lock()  # one pipeline: one message at a time through it
_kept: OrderedDict[tuple[str, str], safety.Triage] = OrderedDict()


def _read(text: str) -> safety.Triage:
    with _one_reader:
        return safety.triage(text)


async def triage(text: str) -> safety.Triage:
    """Triage `text` off the event loop (the first call waits for the pipeline to load).

    Most of what people write is short and said again and again, by them and by others: "done",
    "ok", "thanks", "hello", a pain score. The reading of a short text is kept (in memory only,
    the last `KEPT` of them), so those are answered without the pipeline's third of a
    millisecond and the trip to its thread. The reading depends on the text alone, and on the
    pipeline's mode, which is part of the key. Plain chat in which no word is one the rules need
    ("hello", "done 3") is read on the event loop in microseconds (`safety.quick_triage`)."""
    mode = safety.loaded_mode()
    quick = safety.quick_triage(text) if mode is not None else None
    if quick is not None:
        return quick  # plain chat naming nothing any rule reads: no pipeline, no thread
    if len(text) > SHORT or mode is None:
        return await asyncio.to_thread(_read, text)
    key = (mode, text)
    kept = _kept.get(key)
    if kept is not None:
        _kept.move_to_end(key)
        return kept
    result = await asyncio.to_thread(_read, text)
    _kept[key] = result
    if len(_kept) > KEPT:
        _kept.popitem(last=False)
    return result


async def _number(update: Update, context: Context) -> str | None:
    user = update.effective_user
    standing = await context.coach.standing(chat_id(update))
    return safety.emergency_number(standing.zone, user.language_code if user else None)


async def _answer_level(
    update: Update, context: Context, level: Level, signs: tuple[Sign, ...]
) -> None:
    """Say the one message for `level`; hold or go gentle as that level requires."""
    chat, now = chat_id(update), context.now()
    number = await _number(update, context)
    if level.stops_stretching:
        await context.coach.hold(chat, level, now)
        await reply(update, safety_texts.answer(level, signs, number), keyboards.cleared())
    elif level is Level.CLINICIAN:
        await context.coach.go_gentle(chat, now)
        await reply(update, safety_texts.answer(level, signs, number))
    else:
        await reply(update, safety_texts.REASSURED)


async def _record_pain(
    update: Update, context: Context, score: int | None, *, advice: bool
) -> None:
    """A pain score written in a message the screen answered is recorded all the same."""
    if score is None:
        return
    try:
        result = await context.coach.report_pain(chat_id(update), score, None, context.now())
    except NotSubscribed:
        return  # nobody to record it for: the safety answer has been given
    text = texts.pain_recorded(result) if advice else f"Recorded: pain {score}/10."
    await reply(update, text)


async def screen_message(update: Update, context: Context) -> None:
    """Answer a red flag (or a question about one) before anything else; refuse over-long
    messages. Edited messages and captions are read too."""
    message = update.effective_message
    text = (message.text or message.caption or "") if message else ""
    edited = update.edited_message is not None
    result = await triage(text) if text.strip() else None
    if result is None or result.level is Level.NONE:
        if len(text) > MAX_TEXT and not edited:
            await reply(update, texts.TOO_LONG)
            raise ApplicationHandlerStop
        return
    # The level only: never the person's words.
    log.info("safety answer", extra={"level": result.level.value, "edited": edited})
    if result.level is Level.ASK and result.question is not None:
        ask = result.question
        await reply(
            update, safety_texts.question(ask.text), keyboards.safety_ask(ask.category.value)
        )
    else:
        await _answer_level(update, context, result.level, result.signs)
    await _record_pain(update, context, result.pain, advice=not result.level.stops_stretching)
    raise ApplicationHandlerStop


async def safety_question_answer(update: Update, context: Context, button: Callback) -> None:
    """Yes or No under a safety question: the answer decides the level."""
    try:
        question = question_for(Category(button.word(0)))
    except (ValueError, KeyError):
        raise StaleButton(Stale.UNREADABLE) from None
    said = button.word(1)
    if said not in ("yes", "no"):
        raise StaleButton(Stale.UNREADABLE)
    pressed = query(update)
    # Any sign may be asked about (the semantic layer's "do you have ...?"): the answer must be
    # to the question on this very message, so a forged button cannot name another sign.
    if question.text not in (getattr(pressed.message, "text", None) or ""):
        raise StaleButton(Stale.UNREADABLE)
    await pressed.answer()
    await pressed.edit_message_reply_markup(None)
    level = answer_level(question, said == "yes")
    log.info("safety question answered", extra={"level": level.value})
    await _answer_level(update, context, level, (SIGNS[question.on_yes],))


async def _clear(update: Update, context: Context) -> None:
    cleared = await context.coach.clear(chat_id(update), context.now())
    if cleared:
        log.info("safety hold cleared")
        await reply(update, safety_texts.CLEARED, keyboards.main_menu())
    else:
        await reply(update, safety_texts.NOT_ON_HOLD)


async def cleared(update: Update, context: Context) -> None:
    """/cleared: the person has been checked; the safety hold ends."""
    await _clear(update, context)


async def cleared_button(update: Update, context: Context, button: Callback) -> None:
    """The "I've been checked" button."""
    pressed = query(update)
    await pressed.answer()
    await pressed.edit_message_reply_markup(None)
    await _clear(update, context)


async def onboarding_hold(update: Update, context: Context) -> None:
    """ "One of these applies" at /start: a safety hold until they have been checked."""
    await context.coach.hold(chat_id(update), Level.URGENT, context.now())
    number = await _number(update, context)
    await reply(update, safety_texts.onboarding_hold(number), keyboards.cleared())
