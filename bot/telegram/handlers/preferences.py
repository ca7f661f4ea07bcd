"""Settings: /stop, /timezone, /morning and /evening, /pause, /resume, and the settings card."""

from __future__ import annotations

from telegram import Update

from bot.coach import inputs
from bot.content.model import Slot
from bot.telegram import keyboards, texts
from bot.telegram.callbacks import Callback
from bot.telegram.context import Context
from bot.telegram.handlers.common import args, chat_id, query, reply
from bot.usecases import Profile

TIMED_SLOTS = (Slot.MORNING.value, Slot.EVENING.value)


async def stop(update: Update, context: Context) -> None:
    """Unsubscribe from scheduled routines; history stays."""
    await context.coach.stop(chat_id(update), context.now())
    await reply(update, texts.stopped())


async def set_timezone(update: Update, context: Context) -> None:
    """/timezone NAME."""
    text = args(context)
    if not text:
        await reply(update, texts.TIMEZONE_USAGE, keyboards.zones())
        return
    profile = await context.coach.set_zone(chat_id(update), text, context.now())
    await reply(update, texts.timezone_set(profile))


async def set_slot_time(update: Update, context: Context) -> None:
    """/morning HH:MM|off and /evening HH:MM|off."""
    message = update.effective_message
    assert message is not None
    assert message.text is not None
    slot = Slot(message.text.split()[0].lstrip("/").split("@")[0].lower())
    text = args(context)
    if not text:
        await reply(update, texts.time_usage(slot), keyboards.times(slot))
        return
    profile = await context.coach.set_time(chat_id(update), slot, text, context.now())
    await reply(update, texts.time_set(slot, profile))


async def pause(update: Update, context: Context) -> None:
    """/pause N."""
    profile = await context.coach.pause(chat_id(update), args(context) or "3", context.now())
    await reply(update, texts.paused(profile))


async def resume(update: Update, context: Context) -> None:
    """/resume."""
    profile = await context.coach.resume(chat_id(update), context.now())
    await reply(update, texts.resumed(profile))


async def show_settings(update: Update, context: Context) -> None:
    """/settings: everything on buttons."""
    profile = await context.coach.profile(chat_id(update), context.now())
    await reply(update, texts.settings(profile), keyboards.settings(profile))


async def settings_button(update: Update, context: Context, button: Callback) -> None:
    """A button of the settings card."""
    pressed = query(update)
    what, value = button.word(0), button.word(1)
    if what == "menu" and value == "tz":
        await pressed.answer()
        await pressed.edit_message_text(texts.CHOOSE_ZONE, reply_markup=keyboards.zones())
        return
    if what == "menu" and value in TIMED_SLOTS:
        await pressed.answer()
        await pressed.edit_message_text(
            texts.choose_time(value), reply_markup=keyboards.times(value)
        )
        return
    profile = await _change(context, chat_id(update), what, value)
    await pressed.answer("Saved" if what != "menu" else None)
    await pressed.edit_message_text(
        texts.settings(profile), reply_markup=keyboards.settings(profile)
    )


async def _change(context: Context, chat: int, what: str, value: str) -> Profile:
    """Apply a settings choice (or, for "menu main", just read the settings)."""
    coach, now = context.coach, context.now()
    if what in TIMED_SLOTS:
        time = value if value == "off" else f"{value[:2]}:{value[2:]}"
        return await coach.set_time(chat, Slot(what), time, now)
    match inputs.choice(what, ("menu", "tz", "pause", "resume", "stop")):
        case "tz":
            return await coach.set_zone(chat, value, now)
        case "pause":
            return await coach.pause(chat, value, now)
        case "resume":
            return await coach.resume(chat, now)
        case "stop":
            return await coach.stop(chat, now)
        case _:
            inputs.choice(value, ("main",))
            return await coach.profile(chat, now)


async def keep_slot(update: Update, context: Context, button: Callback) -> None:
    """ "Keep it" after the no-nagging question."""
    slot = inputs.choice(button.word(0), TIMED_SLOTS)
    pressed = query(update)
    await pressed.answer()
    await pressed.edit_message_reply_markup(None)
    await reply(update, texts.KEEP_TIME.format(slot=slot))
