"""/export and /forget: everything stored about a person, to take away or to delete."""

from __future__ import annotations

from telegram import InputFile, Update

from bot import files
from bot.coach import inputs
from bot.telegram import keyboards, texts
from bot.telegram.callbacks import Callback
from bot.telegram.context import Context
from bot.telegram.handlers.common import chat_id, query, reply


async def export(update: Update, context: Context) -> None:
    """/export: everything stored about the person, as JSON and as CSV tables."""
    data = await context.coach.export(chat_id(update))
    message = update.effective_message
    assert message is not None
    await message.reply_document(
        InputFile(files.as_json(data), filename="stretchbot-data.json"),
        caption=texts.EXPORT_CAPTION,
    )
    await message.reply_document(InputFile(files.as_csv_zip(data), filename="stretchbot-data.zip"))


async def forget(update: Update, context: Context) -> None:
    """/forget: ask first."""
    await context.coach.profile(chat_id(update), context.now())  # NotSubscribed if unknown
    await reply(update, texts.FORGET_CONFIRM, keyboards.forget())


async def forget_button(update: Update, context: Context, button: Callback) -> None:
    """The answer to /forget's question."""
    answer = inputs.choice(button.word(0), ("yes", "no"))
    pressed = query(update)
    if answer == "yes":
        await context.coach.forget(chat_id(update))
        await pressed.answer("Deleted")
        await pressed.edit_message_text(texts.FORGOTTEN)
    else:
        await pressed.answer()
        await pressed.edit_message_text(texts.FORGET_KEPT)
