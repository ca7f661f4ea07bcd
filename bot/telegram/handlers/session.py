"""Sessions: /desk and /now, a card's Start and Skip buttons, "done", and the Start / Snooze /
Skip buttons under a scheduled routine."""

from __future__ import annotations

from telegram import Update

from bot.content.model import Card
from bot.content.render import session_messages
from bot.errors import Stale, StaleButton
from bot.telegram import keyboards, texts
from bot.telegram.callbacks import Callback
from bot.telegram.context import Context
from bot.telegram.handlers.common import chat_id, query, reply
from bot.telegram.handlers.progress import send_self_test
from bot.usecases import DoneResult, Running


async def send_card(context: Context, chat: int, run: Running) -> None:
    """Send the current card of a session (header and steps), or the closing message."""
    card = run.card
    if card is None:
        closing = texts.ROUTINE_FINISHED if len(run.routine.cards) > 1 else texts.DESK_FINISHED
        await context.bot.send_message(chat, closing, reply_markup=keyboards.done(run.session_id))
        return
    for message in session_messages(card, run.routine.hold_seconds)[: card.timed_step + 1]:
        markup = None
        text = message.text
        if message.holds:
            text = f"{text}\n\n{texts.hold_plan(message.holds)}"
            markup = keyboards.hold(run.session_id, run.card_index, message.holds)
        await context.bot.send_message(chat, text, reply_markup=markup)


async def _begin(update: Update, context: Context, run: Running) -> None:
    await reply(update, texts.routine_intro(run.routine))
    await send_card(context, chat_id(update), run)


async def desk_stretch(update: Update, context: Context) -> None:
    """/desk and "desk stretch please": the next desk stretch in the rotation."""
    await _begin(update, context, await context.coach.begin_desk(chat_id(update), context.now()))


async def routine_now(update: Update, context: Context) -> None:
    """/now: today's routine right away."""
    run = await context.coach.begin_routine(chat_id(update), None, "now", context.now())
    await _begin(update, context, run)


async def advance(context: Context, chat: int, run: Running, finished: Card) -> None:
    """After a card: its remaining steps, then the next card (or the closing message)."""
    try:
        after = await context.coach.finish_card(
            chat, run.session_id, run.card_index, context.now()
        )
    except StaleButton:
        return  # the person moved on (e.g. a newer session) while the timer ran: nothing to say
    for message in session_messages(finished, run.routine.hold_seconds)[finished.timed_step + 1 :]:
        await context.bot.send_message(chat, message.text)
    await send_card(context, chat, after)


async def _current_card(
    update: Update, context: Context, button: Callback, *, timer: bool = False
) -> tuple[Running, Card] | None:
    """The session and card behind a card's button, if that card is still current and no timer
    runs (on this replica or any other); with `timer`, the timer is recorded as running.

    When the card was taken out of the library since it was sent, the session has moved on to
    the next card that is still there: say so and send that card instead.
    """
    pressed = query(update)
    assert pressed.message is not None
    chat = chat_id(update)
    if context.services.countdowns.busy(chat):
        raise StaleButton(Stale.HOLDING)
    run = await context.coach.hold_card(
        chat, button.number(0), button.number(1), context.now(),
        timer_message=pressed.message.message_id if timer else None,
        time_scale=context.services.settings.hold_time_scale,
    )  # fmt: skip
    if run.card_index != button.number(1) or run.card is None:
        await pressed.answer(texts.CARD_REMOVED, show_alert=True)
        await pressed.edit_message_reply_markup(None)
        await send_card(context, chat, run)
        return None
    return run, run.card


async def start_hold(update: Update, context: Context, button: Callback) -> None:
    """The hold button: run the card's timer on its message."""
    pressed = query(update)
    assert pressed.message is not None
    current = await _current_card(update, context, button, timer=True)
    if current is None:
        return
    run, card = current
    await pressed.answer("Timer started")
    chat = chat_id(update)
    timed = session_messages(card, run.routine.hold_seconds)[card.timed_step]

    async def then() -> None:
        await context.coach.release_hold(chat, run.session_id)
        await advance(context, chat, run, card)

    context.services.countdowns.start(
        context.bot, chat, pressed.message.message_id, timed.text, timed.holds, then
    )


async def skip_card(update: Update, context: Context, button: Callback) -> None:
    """The skip button: move on without the timer."""
    current = await _current_card(update, context, button)
    if current is None:
        return
    pressed = query(update)
    await pressed.answer("Skipped")
    await pressed.edit_message_reply_markup(None)
    await advance(context, chat_id(update), *current)


async def after_done(update: Update, context: Context, result: DoneResult) -> None:
    await reply(update, texts.done(result), keyboards.main_menu())
    if result.ask_pain:
        await reply(update, texts.PAIN_QUESTION, keyboards.pain())
    if result.self_test is not None:
        await reply(update, texts.SELF_TEST_OFFER)
        await send_self_test(context, chat_id(update), result.self_test)


async def done_button(update: Update, context: Context, button: Callback) -> None:
    """The Done button under a finished routine."""
    pressed = query(update)
    result = await context.coach.done(chat_id(update), context.now(), button.number(0))
    await pressed.answer("Logged")
    await pressed.edit_message_reply_markup(None)
    await after_done(update, context, result)


async def delivery_button(update: Update, context: Context, button: Callback) -> None:
    """Start / Snooze / Skip under a scheduled routine."""
    pressed = query(update)
    chat, now = chat_id(update), context.now()
    what, session_id = button.word(0), button.number(1)
    if what == "start":
        run = await context.coach.open_delivered(chat, session_id, now)
        await pressed.answer()
        await pressed.edit_message_reply_markup(None)
        await _begin(update, context, run)
        return
    if what == "snooze":
        await context.coach.snooze_delivered(chat, session_id, now)
        answer, text = "Snoozed", texts.SNOOZED
    elif what == "skip":
        await context.coach.skip_delivered(chat, session_id, now)
        answer, text = "Skipped", texts.SKIPPED_TODAY
    else:
        raise StaleButton(Stale.UNREADABLE)
    await pressed.answer(answer)
    await pressed.edit_message_reply_markup(None)
    await reply(update, text)
