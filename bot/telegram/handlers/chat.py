"""Messages that are not commands: free text, unknown commands, stickers and photos; and the
note, on any message or tap, that the person is answering (held slots start again)."""

from __future__ import annotations

from telegram import Update

from bot.coach import intents
from bot.errors import Field, InvalidInput
from bot.telegram import coaching_texts as words
from bot.telegram import keyboards, texts
from bot.telegram.context import Context
from bot.telegram.handlers.common import chat_id, reply
from bot.telegram.handlers.groups import addressed_elsewhere
from bot.telegram.handlers.logbook import log_done, show_streak, skip_said, stop_said
from bot.telegram.handlers.onboarding import show_help
from bot.telegram.handlers.preferences import show_settings
from bot.telegram.handlers.progress import (
    ask_pain_score,
    record_pain,
    report_pain,
    show_progress,
)
from bot.telegram.handlers.session import desk_stretch, routine_now

LABELS = {
    texts.PAIN_LABEL.lower(): report_pain,
    texts.PROGRESS_LABEL.lower(): show_progress,
    texts.SETTINGS_LABEL.lower(): show_settings,
    texts.DESK_LABEL.lower(): desk_stretch,
}


async def free_text(update: Update, context: Context) -> None:
    """Text without a command: done, desk, pain (a score, in words, or none), a bare number
    after the bot asked for a score, the streak, skip, stop, thanks, help, or a nudge."""
    message = update.effective_message
    assert message is not None
    assert message.text is not None
    by_label = LABELS.get(message.text.strip().lower())
    if by_label is not None:
        context.args = []
        await by_label(update, context)
        return
    understood = intents.understand(message.text)
    match understood.intent:
        case intents.Intent.DONE:
            await log_done(update, context)
        case intents.Intent.DESK:
            await desk_stretch(update, context)
        case intents.Intent.NOW:
            await routine_now(update, context)
        case intents.Intent.PAIN if understood.score is not None:
            await reply(update, await record_pain(update, context, understood.score, None))
        case intents.Intent.PAIN:
            await reply(update, texts.PAIN_USAGE, keyboards.pain())
        case intents.Intent.NO_PAIN:
            await reply(update, await record_pain(update, context, 0, None))
        case intents.Intent.PAIN_WORDS:
            await ask_pain_score(update, context, words.PAIN_IN_WORDS)
        case intents.Intent.NUMBER:
            await _number(update, context, understood, message.text)
        case intents.Intent.STREAK:
            await show_streak(update, context)
        case intents.Intent.SKIP:
            await skip_said(update, context)
        case intents.Intent.STOP:
            await stop_said(update, context)
        case intents.Intent.HELP:
            await show_help(update, context)
        case intents.Intent.ADVICE:
            await reply(update, texts.STRETCH_ADVICE)
        case intents.Intent.GREETING:
            await reply(update, texts.GREETING)
        case intents.Intent.THANKS:
            await reply(update, texts.THANKS)
        case _:
            await reply(update, texts.UNKNOWN_TEXT)


async def _number(
    update: Update, context: Context, understood: intents.Understood, text: str
) -> None:
    """A bare number: the pain score the bot just asked for, or a question whether it is one."""
    if not await context.coach.awaiting_pain(chat_id(update), context.now()):
        await ask_pain_score(update, context, words.IS_IT_PAIN)
    elif understood.score is None:
        raise InvalidInput(Field.PAIN, text)
    else:
        await reply(update, await record_pain(update, context, understood.score, None))


async def unknown_command(update: Update, context: Context) -> None:
    """A command we don't have (one addressed to another bot is not for us: no answer)."""
    message = update.effective_message
    assert message is not None
    assert message.text is not None
    if addressed_elsewhere(message.text, context.bot.username):
        return
    await reply(update, texts.unknown_command(message.text.split()[0]))


async def non_text(update: Update, context: Context) -> None:
    """Stickers, photos, voice notes and the like."""
    await reply(update, texts.NON_TEXT)


async def note_answer(update: Update, context: Context) -> None:
    """Any message or tap counts as an answer: slots held back for not nagging resume. Someone
    whose routines stopped because messages could not reach them is told so, before the answer
    to what they wrote, and their routines are on again."""
    chat = update.effective_chat
    if chat is not None:
        answered = await context.coach.answered(chat.id, context.now())
        if answered.back:
            await context.bot.send_message(chat.id, texts.REACHABLE_AGAIN)
