"""Sessions: /desk and /now; a card as one live message (Next / Back, Start, the timer's Pause,
Resume, +10 s, Stop and Ready); "done"; and the Start / Snooze / Skip buttons under a scheduled
routine."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from bot.content.model import Card, Slot
from bot.content.render import step_view
from bot.errors import OnSafetyHold, Stale, StaleButton
from bot.telegram import cards, keyboards, texts, texts_week
from bot.telegram.callbacks import Callback
from bot.telegram.cards import show_card
from bot.telegram.context import Context
from bot.telegram.countdown import Control, Timer
from bot.telegram.handlers.common import chat_id, query, reply
from bot.telegram.handlers.progress import send_self_test
from bot.telegram.limits import Lane
from bot.usecases import DoneResult, Running

PAUSE_GRACE = 30 * 60  # a paused timer whose process died gets its Start back after this


def card_view(run: Running, card: Card, step: int) -> tuple[str, InlineKeyboardMarkup]:
    """The session's current card on one step (bot/telegram/cards.py)."""
    return cards.card_view(
        card, step, session_id=run.session_id, card_index=run.card_index,
        hold_seconds=run.routine.hold_seconds,
        last_card=run.card_index + 1 >= len(run.routine.cards),
    )  # fmt: skip


async def send_card(context: Context, chat: int, run: Running) -> None:
    """The current card of a session as one new message on its first step, or the closing
    message."""
    card = run.card
    if card is None:
        closing = texts.ROUTINE_FINISHED if len(run.routine.cards) > 1 else texts.DESK_FINISHED
        await context.bot.send_message(chat, closing, reply_markup=keyboards.done(run.session_id))
        return
    view, markup = card_view(run, card, 0)
    pictures = context.services.pictures
    await show_card(context.bot, chat, view, markup, card=card, pictures=pictures)


async def _begin(update: Update, context: Context, run: Running) -> None:
    await context.services.countdowns.clear_notice(context.bot, chat_id(update))
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
    """Leave the current card for the next one (or the closing message)."""
    try:
        after = await context.coach.finish_card(
            chat, run.session_id, run.card_index, context.now()
        )
    except (StaleButton, OnSafetyHold):
        # The person moved on (a newer session) or went on a safety hold: no next card.
        return
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


async def show_step(update: Update, context: Context, button: Callback) -> None:
    """Next / Back: the same card message, on another step."""
    current = await _current_card(update, context, button)
    if current is None:
        return
    run, card = current
    step = button.number(2)
    if step >= len(card.steps):
        raise StaleButton(Stale.UNREADABLE)
    pressed = query(update)
    assert pressed.message is not None
    await pressed.answer()
    await context.services.countdowns.clear_notice(context.bot, chat_id(update))
    view, markup = card_view(run, card, step)
    await show_card(
        context.bot, chat_id(update), view, markup, pressed.message.message_id,
        pictures=context.services.pictures,
    )  # fmt: skip


async def start_hold(update: Update, context: Context, button: Callback) -> None:
    """The hold button: run the card's timer on its message."""
    pressed = query(update)
    assert pressed.message is not None
    current = await _current_card(update, context, button, timer=True)
    if current is None:
        return
    run, card = current
    await pressed.answer("Timer started")
    chat, step = chat_id(update), card.timed_step - 1
    view = step_view(card, step, run.routine.hold_seconds)
    timer = Timer(
        chat, pressed.message.message_id, run.session_id, run.card_index, view,
        card.holds(run.routine.hold_seconds),
    )  # fmt: skip

    async def then(timer: Timer) -> None:
        await context.coach.release_hold(chat, run.session_id)
        _, markup = card_view(run, card, step)
        last = run.card_index + 1 >= len(run.routine.cards)
        text = texts.after_holds(view, last)
        # The notice (release lane) has already buzzed; the card's closing view can wait behind
        # other people's notices, not behind a broadcast.
        await show_card(
            context.bot, chat, text, markup, timer.message_id, lane=Lane.FOLLOW,
            pictures=context.services.pictures,
        )  # fmt: skip

    context.services.countdowns.start(context.bot, timer, then)


async def timer_button(update: Update, context: Context, button: Callback) -> None:
    """Pause, Resume, +10 s, Stop and Ready on a running timer."""
    pressed = query(update)
    assert pressed.message is not None
    chat, session_id, card_index = chat_id(update), button.number(1), button.number(2)
    try:
        what = Control(button.word(0))
    except ValueError:
        raise StaleButton(Stale.UNREADABLE) from None
    countdowns = context.services.countdowns
    timer = countdowns.timer(chat, session_id, card_index)
    if timer is None or timer.message_id != pressed.message.message_id:
        await _timer_gone(update, context, button)
        return
    if not countdowns.control(timer, what):
        await pressed.answer(texts.TIMER_NOT_NOW)
        return
    await pressed.answer()
    settings, now = context.services.settings, context.now()
    if what is Control.STOP:
        await show_stopped(context, timer)
        return
    seconds = PAUSE_GRACE if what is Control.PAUSE else timer.remaining(countdowns.clock.now())
    await context.coach.move_hold(chat, session_id, seconds, now, settings.hold_time_scale)


async def show_stopped(context: Context, timer: Timer) -> None:
    """A stopped timer's card: back on its timed step, with Start again."""
    chat, session_id, card_index = timer.chat_id, timer.session_id, timer.card_index
    await context.coach.release_hold(chat, session_id)
    run = await context.coach.hold_card(chat, session_id, card_index, context.now())
    if run.card is not None and run.card_index == card_index:
        step = run.card.timed_step - 1
        _, markup = card_view(run, run.card, step)
        text = texts.timer_stopped(step_view(run.card, step, run.routine.hold_seconds))
        await show_card(
            context.bot, chat, text, markup, timer.message_id,
            pictures=context.services.pictures,
        )  # fmt: skip


async def _timer_gone(update: Update, context: Context, button: Callback) -> None:
    """A timer control whose timer this process does not run (it ended, the process restarted,
    or the tap is from an old card): the card gets its Start button back if it is current."""
    chat, session_id, card_index = chat_id(update), button.number(1), button.number(2)
    pressed = query(update)
    assert pressed.message is not None
    if not context.services.countdowns.busy(chat):
        await context.coach.release_hold(chat, session_id)
    run = await context.coach.hold_card(chat, session_id, card_index, context.now())
    await pressed.answer(texts.TIMER_GONE)
    if run.card is not None and run.card_index == card_index:
        step = run.card.timed_step - 1
        view, markup = card_view(run, run.card, step)
        await show_card(
            context.bot, chat, view, markup, pressed.message.message_id,
            pictures=context.services.pictures,
        )  # fmt: skip


async def skip_card(update: Update, context: Context, button: Callback) -> None:
    """Next on a card's last step: leave the card (its buttons go) for the next one."""
    current = await _current_card(update, context, button)
    if current is None:
        return
    pressed = query(update)
    await pressed.answer()
    chat = chat_id(update)
    await context.services.countdowns.clear_notice(context.bot, chat)
    await pressed.edit_message_reply_markup(None)
    await advance(context, chat, *current)


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
        slot = await context.coach.skip_delivered(chat, session_id, now)
        # A desk break is one of several today; a routine is the day's.
        text = texts_week.SKIPPED_BREAK if slot == Slot.DESK else texts.SKIPPED_TODAY
        answer = "Skipped"
    else:
        raise StaleButton(Stale.UNREADABLE)
    await pressed.answer(answer)
    await pressed.edit_message_reply_markup(None)
    await reply(update, text)
