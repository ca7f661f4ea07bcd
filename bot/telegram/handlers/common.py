"""Helpers every handler module uses: answering in the chat, and reading an update."""

from __future__ import annotations

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, ReplyKeyboardMarkup, Update

from bot.telegram.context import Context

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | None


async def reply(update: Update, text: str, markup: Markup = None) -> Message:
    """Answer in the chat the update came from (HTML, the application's default)."""
    message = update.effective_message
    assert message is not None
    return await message.reply_text(text, reply_markup=markup)


def chat_id(update: Update) -> int:
    """The chat an update belongs to."""
    chat = update.effective_chat
    assert chat is not None
    return chat.id


def query(update: Update) -> CallbackQuery:
    """The button press of a button's update."""
    pressed = update.callback_query
    assert pressed is not None
    return pressed


def args(context: Context) -> str:
    """The words after a command."""
    return " ".join(context.args or []).strip()
