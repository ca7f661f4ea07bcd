"""/start with its safety question, and /help (the screen of every message: safety.py)."""

from __future__ import annotations

import logging

from telegram import Update

from bot.coach import inputs, kit, safety
from bot.telegram import coaching_texts as words
from bot.telegram import keyboards, texts
from bot.telegram.callbacks import Callback
from bot.telegram.context import Context
from bot.telegram.handlers import safety as safety_handlers
from bot.telegram.handlers.common import chat_id, query, reply

log = logging.getLogger(__name__)


async def start(update: Update, context: Context) -> None:
    """Subscribe, show the schedule, and (first time) the safety note and question."""
    user = update.effective_user
    assert user is not None
    profile, new = await context.coach.start(
        chat_id(update), user.id, user.first_name, user.language_code, context.now()
    )
    await reply(update, texts.welcome(profile, user.first_name, new), keyboards.main_menu())
    if new:
        await reply(
            update,
            f"{safety.DISCLAIMER}\n\n{texts.SAFETY_QUESTION}",
            keyboards.safety_question(),
        )


async def safety_answer(update: Update, context: Context, button: Callback) -> None:
    """The person answered the red-flag question."""
    answer = inputs.choice(button.word(0), ("yes", "none"))
    pressed = query(update)
    await pressed.answer()
    await pressed.edit_message_reply_markup(None)
    if answer == "yes":
        await safety_handlers.onboarding_hold(update, context)
    else:
        await reply(update, texts.SAFETY_OK)
    await ask_kit(update, context)


async def ask_kit(update: Update, context: Context) -> None:
    """Onboarding's question: what they have at hand (then where they stretch)."""
    message = await reply(update, words.KIT_QUESTION, keyboards.kit_question(0))
    mask = await context.coach.ask_kit(chat_id(update), message.message_id)
    if mask:
        await message.edit_reply_markup(keyboards.kit_question(mask))


async def kit_button(update: Update, context: Context, button: Callback) -> None:
    """A button of "what do you have?": toggle an answer, Done (then "where?"), or Skip."""
    what, mask = button.word(0), button.number(1)
    inputs.choice(str(mask), [str(m) for m in range(kit.ALL_BITS + 1)])
    pressed = query(update)
    assert pressed.message is not None
    chat, message, now = chat_id(update), pressed.message.message_id, context.now()
    if what == "done":
        await context.coach.set_kit(chat, message, mask, now)
        await pressed.answer("Saved")
        await pressed.edit_message_text(
            words.PLACE_QUESTION, reply_markup=keyboards.place_question()
        )
    elif what == "skip":
        profile = await context.coach.set_place(chat, message, None, now)
        await pressed.answer()
        skipped = words.kit_saved(profile) if profile.kit_answered else words.KIT_SKIPPED
        await pressed.edit_message_text(skipped)
    else:
        answer = kit.Kit(inputs.choice(what, [k.value for k in kit.Kit]))
        await context.coach.check_kit_question(chat, message)
        await pressed.answer()
        await pressed.edit_message_reply_markup(keyboards.kit_question(mask ^ kit.bit(answer)))


async def place_button(update: Update, context: Context, button: Callback) -> None:
    """Where they usually stretch (or Skip): the questions are done."""
    what = inputs.choice(button.word(0), [*(p.value for p in kit.Place), "skip"])
    pressed = query(update)
    assert pressed.message is not None
    place = None if what == "skip" else kit.Place(what)
    profile = await context.coach.set_place(
        chat_id(update), pressed.message.message_id, place, context.now()
    )
    await pressed.answer("Saved")
    await pressed.edit_message_text(words.kit_saved(profile))


async def show_help(update: Update, context: Context) -> None:
    """/help."""
    await reply(update, texts.HELP, keyboards.main_menu())
