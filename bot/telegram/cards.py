"""The one place a card reaches Telegram: sent as a new message, or edited in place.

A card is one message whose text is the step view (`bot/content/render.step_view`) plus a status
line, and whose buttons are the card's controls. Every edit carries the buttons, because an edit
without `reply_markup` drops them. With pictures on (`bot/telegram/pictures.py`), the card is a
photo or animation of the exercise whose caption is this text (at most 1,024 characters), sent
once per card and edited with `edit_message_caption` as the person goes through the steps.
"""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import ExtBot

from bot.content.model import Card, Hold
from bot.content.render import step_view
from bot.telegram import keyboards, texts
from bot.telegram.limits import Lane
from bot.telegram.pictures import Pictures

MAX_CAPTION = 1024  # Telegram's limit; a longer card goes as text


def card_view(
    card: Card,
    step: int,
    *,
    session_id: int,
    card_index: int,
    hold_seconds: int | None,
    last_card: bool,
) -> tuple[str, InlineKeyboardMarkup]:
    """A card on one step: its text (the step view, and on the timed step what the timer will
    do) and its buttons."""
    view = step_view(card, step, hold_seconds)
    holds: tuple[Hold, ...] = ()
    if step + 1 == card.timed_step:
        holds = card.holds(hold_seconds)
        view = f"{view}\n\n{texts.hold_plan(holds)}"
    markup = keyboards.card(
        session_id, card_index, step, len(card.steps), holds=holds, last_card=last_card
    )
    return view, markup


async def show_card(
    bot: ExtBot[Any],
    chat_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None,
    message_id: int | None = None,
    *,
    lane: Lane = Lane.REPLY,
    card: Card | None = None,
    pictures: Pictures | None = None,
) -> int:
    """Send a card (`message_id` None; with its picture when it has one) or edit it in place;
    the card message's id."""
    pictured = pictures is not None and pictures.enabled and len(text) <= MAX_CAPTION
    if message_id is None:
        if pictured and pictures is not None and card is not None and pictures.has_picture(card):
            photo = await pictures.send(bot, chat_id, card, None, text, markup, lane)
            return photo.message_id
        sent: Message = await bot.send_message(
            chat_id, text, reply_markup=markup, rate_limit_args=lane
        )
        return sent.message_id
    # The message is a picture when pictures are on (a card without a pose, or one sent before
    # they were turned on or off, is the exception: Telegram says so and the other edit runs).
    try:
        await _edit(bot, chat_id, message_id, text, markup, lane, caption=pictured)
    except BadRequest as exc:
        if "there is no" not in exc.message.lower():
            raise
        await _edit(bot, chat_id, message_id, text, markup, lane, caption=not pictured)
    return message_id


async def _edit(
    bot: ExtBot[Any],
    chat_id: int,
    message_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None,
    lane: Lane,
    *,
    caption: bool,
) -> None:
    if caption:
        await bot.edit_message_caption(
            chat_id=chat_id,
            message_id=message_id,
            caption=text,
            parse_mode=ParseMode.HTML,
            reply_markup=markup,
            rate_limit_args=lane,
        )
        return
    await bot.edit_message_text(
        text,
        chat_id=chat_id,
        message_id=message_id,
        reply_markup=markup,
        rate_limit_args=lane,
    )
