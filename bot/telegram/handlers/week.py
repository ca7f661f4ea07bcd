"""The working week: /days, /breaks and /summary, typed; their buttons are on the settings card
(`preferences.settings_button`)."""

from __future__ import annotations

from telegram import Update

from bot.telegram import keyboards, texts_week
from bot.telegram.context import Context
from bot.telegram.handlers.common import args, chat_id, reply


async def set_days(update: Update, context: Context) -> None:
    """/days weekdays, /days mon,wed,fri, /days every day."""
    text = args(context)
    if not text:
        await reply(update, texts_week.DAYS_USAGE, keyboards.days())
        return
    profile = await context.coach.set_days(chat_id(update), text, context.now())
    await reply(update, texts_week.days_set(profile))


async def set_breaks(update: Update, context: Context) -> None:
    """/breaks 09:00-17:30 every 60, /breaks off; /breaks alone shows the setting and the form."""
    text = args(context)
    if not text:
        profile = await context.coach.profile(chat_id(update), context.now())
        await reply(update, texts_week.breaks_shown(profile), keyboards.breaks())
        return
    profile = await context.coach.set_breaks(chat_id(update), text, context.now())
    await reply(update, texts_week.breaks_set(profile))


async def set_summary(update: Update, context: Context) -> None:
    """/summary sunday 18:00, /summary off, /summary on."""
    text = args(context)
    if not text:
        profile = await context.coach.profile(chat_id(update), context.now())
        line = f"Weekly summary: {texts_week.summary_line(profile)}.\n\n"
        await reply(update, line + texts_week.SUMMARY_USAGE)
        return
    profile = await context.coach.set_summary(chat_id(update), text, context.now())
    await reply(update, texts_week.summary_set(profile))
