"""The one place a card reaches Telegram: sent as a new message, or edited in place.

A card is one message whose text is the step view (`bot/content/render.step_view`) plus a status
line, and whose buttons are the card's controls. Every edit carries the buttons, because an edit
without `reply_markup` drops them. When cards get pictures, the card becomes a photo whose caption
is this text (at most 1,024 characters) and this function sends it with `send_photo` and edits it
with `edit_message_caption`: nothing else changes.
"""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.ext import ExtBot

from bot.content.model import Card, Hold
from bot.content.render import step_view
from bot.telegram import keyboards, texts
from bot.telegram.limits import Lane


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
) -> int:
    """Send a card (`message_id` None) or edit it in place; the card message's id."""
    if message_id is None:
        sent: Message = await bot.send_message(
            chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup, rate_limit_args=lane
        )
        return sent.message_id
    await bot.edit_message_text(
        text,
        chat_id=chat_id,
        message_id=message_id,
        parse_mode=ParseMode.HTML,
        reply_markup=markup,
        rate_limit_args=lane,
    )
    return message_id
