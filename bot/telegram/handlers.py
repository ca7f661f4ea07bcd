"""Callbacks: each parses an update, calls the coach, and renders the answer. No rules, no SQL."""

from __future__ import annotations

import asyncio
import logging

from telegram import (
    InlineKeyboardMarkup,
    InputFile,
    Message,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import ApplicationHandlerStop

from bot import files
from bot.coach import intents, pain, safety
from bot.coach.clock import TimeParseError, ZoneParseError, parse_time, parse_zone
from bot.content.model import Card, Slot
from bot.content.render import session_messages
from bot.service import MAX_PAUSE_DAYS, NotSubscribed, Running, Stale
from bot.telegram import keyboards, texts
from bot.telegram.context import Context

log = logging.getLogger(__name__)

MAX_TEXT = 1000
Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | None


async def _reply(update: Update, text: str, markup: Markup = None) -> Message:
    """Answer in the chat the update came from."""
    message = update.effective_message
    assert message is not None
    return await message.reply_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)


def _chat_id(update: Update) -> int:
    chat = update.effective_chat
    assert chat is not None
    return chat.id


def _args(context: Context) -> str:
    return " ".join(context.args or []).strip()


# --- safety first (group -1) ------------------------------------------------------------------


async def screen_message(update: Update, context: Context) -> None:
    """Answer red flags with "seek care" before anything else; refuse over-long messages."""
    message = update.effective_message
    text = (message.text or message.caption or "") if message else ""
    flags = safety.screen(text)
    if flags:
        log.info("red flag answered", extra={"flags": [f.urgency.value for f in flags]})
        await _reply(update, safety.red_flag_reply(flags))
        raise ApplicationHandlerStop
    if len(text) > MAX_TEXT:
        await _reply(update, texts.TOO_LONG)
        raise ApplicationHandlerStop


# --- subscription and settings ------------------------------------------------------------------


async def start(update: Update, context: Context) -> None:
    """Subscribe, show the schedule, and (first time) the safety note and question."""
    user = update.effective_user
    assert user is not None
    profile, new = await context.coach.start(
        _chat_id(update), user.id, user.first_name, user.language_code, context.now()
    )
    await _reply(update, texts.welcome(profile, user.first_name, new), keyboards.main_menu())
    if new:
        await _reply(
            update,
            f"{safety.DISCLAIMER}\n\n{texts.SAFETY_QUESTION}",
            keyboards.safety_question(),
        )


async def safety_answer(update: Update, context: Context, answer: str) -> None:
    """The person answered the red-flag question."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    await query.edit_message_reply_markup(None)
    if answer == "yes":
        await context.coach.pause(_chat_id(update), 14, context.now())
        await _reply(update, texts.SAFETY_CONCERN)
    else:
        await _reply(update, texts.SAFETY_OK)


async def stop(update: Update, context: Context) -> None:
    """Unsubscribe from scheduled routines; history stays."""
    await context.coach.stop(_chat_id(update), context.now())
    await _reply(update, texts.stopped())


async def set_timezone(update: Update, context: Context) -> None:
    """/timezone NAME."""
    text = _args(context)
    if not text:
        await _reply(update, texts.TIMEZONE_USAGE, keyboards.zones())
        return
    try:
        name = parse_zone(text)
    except ZoneParseError:
        await _reply(update, texts.timezone_unknown(text))
        return
    profile = await context.coach.set_zone(_chat_id(update), name, context.now())
    await _reply(update, texts.timezone_set(profile))


async def set_slot_time(update: Update, context: Context) -> None:
    """/morning HH:MM|off and /evening HH:MM|off."""
    message = update.effective_message
    assert message is not None
    assert message.text is not None
    slot = message.text.split()[0].lstrip("/").split("@")[0].lower()
    text = _args(context)
    if not text:
        await _reply(update, texts.time_usage(slot), keyboards.times(slot))
        return
    try:
        value = parse_time(text)
    except TimeParseError:
        await _reply(update, texts.time_invalid(slot, text))
        return
    profile = await context.coach.set_time(_chat_id(update), Slot(slot), value, context.now())
    await _reply(update, texts.time_set(slot, profile))


async def pause(update: Update, context: Context) -> None:
    """/pause N."""
    text = _args(context) or "3"
    try:
        days = int(text.split()[0])
        if not 1 <= days <= MAX_PAUSE_DAYS:
            raise ValueError(days)
    except ValueError:
        await _reply(update, texts.PAUSE_USAGE)
        return
    profile = await context.coach.pause(_chat_id(update), days, context.now())
    await _reply(update, texts.paused(profile))


async def resume(update: Update, context: Context) -> None:
    """/resume."""
    profile = await context.coach.resume(_chat_id(update), context.now())
    await _reply(update, texts.resumed(profile))


async def show_settings(update: Update, context: Context) -> None:
    """/settings: everything on buttons."""
    profile = await context.coach.profile(_chat_id(update), context.now())
    await _reply(update, texts.settings(profile), keyboards.settings(profile))


async def show_help(update: Update, context: Context) -> None:
    """/help."""
    await _reply(update, texts.HELP, keyboards.main_menu())


async def settings_button(update: Update, context: Context, args: tuple[str, ...]) -> None:
    """A button of the settings card."""
    query = update.callback_query
    assert query is not None
    chat_id, now = _chat_id(update), context.now()
    coach = context.coach
    what, value = args[0], args[1] if len(args) > 1 else ""
    if what == "menu" and value == "tz":
        await query.answer()
        await query.edit_message_text(texts.CHOOSE_ZONE, reply_markup=keyboards.zones())
        return
    if what == "menu" and value in ("morning", "evening"):
        await query.answer()
        await query.edit_message_text(
            texts.choose_time(value), reply_markup=keyboards.times(value)
        )
        return
    if what == "menu" and value == "main":
        profile = await coach.profile(chat_id, now)
    elif what == "tz":
        profile = await coach.set_zone(chat_id, parse_zone(value), now)
    elif what in ("morning", "evening"):
        chosen = None if value == "off" else parse_time(f"{value[:2]}:{value[2:]}")
        profile = await coach.set_time(chat_id, Slot(what), chosen, now)
    elif what == "pause":
        profile = await coach.pause(chat_id, int(value), now)
    elif what == "resume":
        profile = await coach.resume(chat_id, now)
    elif what == "stop":
        profile = await coach.stop(chat_id, now)
    else:
        raise ValueError(args)
    await query.answer("Saved" if what != "menu" else None)
    await query.edit_message_text(
        texts.settings(profile),
        parse_mode=ParseMode.HTML,
        reply_markup=keyboards.settings(profile),
    )


# --- sessions -----------------------------------------------------------------------------------


async def send_card(context: Context, chat_id: int, run: Running) -> None:
    """Send the current card of a session (header and steps), or the closing message."""
    bot = context.bot
    card = run.card
    if card is None:
        closing = texts.ROUTINE_FINISHED if len(run.cards) > 1 else texts.DESK_FINISHED
        await bot.send_message(chat_id, closing, reply_markup=keyboards.done(run.session_id))
        return
    for message in session_messages(card, run.hold_seconds)[: card.timed_step + 1]:
        markup = None
        text = message.text
        if message.holds:
            text = f"{text}\n\n{texts.hold_plan(message.holds)}"
            markup = keyboards.hold(run.session_id, run.card_index, message.holds)
        await bot.send_message(chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup)


async def _begin(update: Update, context: Context, run: Running) -> None:
    await _reply(update, texts.routine_intro(run))
    await send_card(context, _chat_id(update), run)


async def desk_stretch(update: Update, context: Context) -> None:
    """/desk and "desk stretch please": the next desk stretch in the rotation."""
    await _begin(update, context, await context.coach.begin_desk(_chat_id(update), context.now()))


async def routine_now(update: Update, context: Context) -> None:
    """/now: today's routine right away."""
    run = await context.coach.begin_routine(_chat_id(update), None, "now", context.now())
    await _begin(update, context, run)


async def _advance(context: Context, chat_id: int, session_id: int, card_index: int) -> None:
    """After a card: its remaining steps, then the next card (or the closing message)."""
    run = await context.coach.finish_card(chat_id, session_id, card_index, context.now())
    if isinstance(run, Stale):
        return
    finished = run.cards[card_index]
    for message in session_messages(finished, run.hold_seconds)[finished.timed_step + 1 :]:
        await context.bot.send_message(chat_id, message.text, parse_mode=ParseMode.HTML)
    await send_card(context, chat_id, run)


async def _current_card(
    update: Update, context: Context, session_id: int, card_index: int, *, timer: bool = False
) -> Running | None:
    """The session behind a card's button, if that card is still current and no timer runs
    (on this replica or any other); with `timer`, the timer is recorded as running."""
    query = update.callback_query
    assert query is not None
    assert query.message is not None
    chat_id = _chat_id(update)
    if context.services.countdowns.busy(chat_id):
        await query.answer(texts.ALREADY_COUNTING)
        return None
    run = await context.coach.hold_card(
        chat_id, session_id, card_index, context.now(),
        timer_message=query.message.message_id if timer else None,
        time_scale=context.services.settings.hold_time_scale,
    )  # fmt: skip
    if run is Stale.HOLDING:
        await query.answer(texts.ALREADY_COUNTING)
        return None
    if isinstance(run, Stale):
        await query.answer(texts.stale(run), show_alert=True)
        return None
    return run


async def start_hold(update: Update, context: Context, session_id: int, card_index: int) -> None:
    """The hold button: run the card's timer on its message."""
    query = update.callback_query
    assert query is not None
    assert query.message is not None
    chat_id = _chat_id(update)
    run = await _current_card(update, context, session_id, card_index, timer=True)
    if run is None:
        return
    await query.answer("Timer started")
    countdowns = context.services.countdowns
    card = run.cards[card_index]
    timed = session_messages(card, run.hold_seconds)[card.timed_step]

    async def then() -> None:
        await context.coach.release_hold(chat_id, session_id)
        await _advance(context, chat_id, session_id, card_index)

    countdowns.start(context.bot, chat_id, query.message.message_id, timed.text, timed.holds, then)


async def skip_card(update: Update, context: Context, session_id: int, card_index: int) -> None:
    """The skip button: move on without the timer."""
    query = update.callback_query
    assert query is not None
    if await _current_card(update, context, session_id, card_index) is None:
        return
    await query.answer("Skipped")
    await query.edit_message_reply_markup(None)
    await _advance(context, _chat_id(update), session_id, card_index)


async def _after_done(update: Update, context: Context, session_id: int | None) -> None:
    result = await context.coach.done(_chat_id(update), context.now(), session_id)
    await _reply(update, texts.done(result), keyboards.main_menu())
    if result.ask_pain:
        await _reply(update, texts.PAIN_QUESTION, keyboards.pain())
    if result.self_test is not None:
        await _reply(update, texts.SELF_TEST_OFFER)
        await send_self_test(context, _chat_id(update), result.self_test)


async def log_done(update: Update, context: Context) -> None:
    """ "done" typed: log the session just delivered."""
    await _after_done(update, context, None)


async def done_button(update: Update, context: Context, session_id: int) -> None:
    """The Done button under a finished routine."""
    query = update.callback_query
    assert query is not None
    try:
        await context.coach.profile(_chat_id(update), context.now())
        await query.answer("Logged")
        await query.edit_message_reply_markup(None)
        await _after_done(update, context, session_id)
    except LookupError:
        await query.answer(texts.stale(Stale.UNKNOWN), show_alert=True)


# --- pain and progress --------------------------------------------------------------------------


async def _record_pain(update: Update, context: Context, score: int, note: str | None) -> str:
    result = await context.coach.report_pain(_chat_id(update), score, note, context.now())
    return texts.pain_recorded(result)


async def report_pain(update: Update, context: Context) -> None:
    """/pain N, or /pain alone for the 0–10 keyboard."""
    text = _args(context)
    if not text:
        await _reply(update, texts.PAIN_QUESTION, keyboards.pain())
        return
    first, _, rest = text.partition(" ")
    try:
        score = pain.parse_score(first)
    except pain.PainParseError:
        await _reply(update, texts.pain_invalid(first), keyboards.pain())
        return
    await _reply(update, await _record_pain(update, context, score, rest.strip() or None))


async def pain_button(update: Update, context: Context, score: int) -> None:
    """A button of the 0–10 keyboard."""
    query = update.callback_query
    assert query is not None
    if not 0 <= score <= 10:
        raise ValueError(score)
    reply = await _record_pain(update, context, score, None)
    await query.answer(f"Recorded {score}/10")
    await query.edit_message_text(reply, parse_mode=ParseMode.HTML)


async def show_progress(update: Update, context: Context) -> None:
    """/progress: a chart of pain and sessions, or a friendly text before there is any data."""
    chat_id, now = _chat_id(update), context.now()
    summary = await context.coach.progress(chat_id, now)
    if summary.sessions_total == 0 and summary.last_pain is None and summary.self_test is None:
        await _reply(update, texts.NO_PROGRESS)
        return
    data = await context.coach.chart_data(chat_id, now)
    from bot.charts import render_progress  # matplotlib is slow to import: not at start-up

    # Rendering takes a few hundred milliseconds of CPU: keep it off the event loop.
    png = await asyncio.to_thread(
        render_progress, data.today, data.sessions_per_day, data.pain,
        self_tests=data.self_tests,
    )  # fmt: skip
    message = update.effective_message
    assert message is not None
    await message.reply_photo(
        InputFile(png, filename="progress.png"), caption=texts.progress_caption(summary)
    )


async def send_self_test(context: Context, chat_id: int, card: Card) -> None:
    """A self-test card, then the buttons to record its result."""
    for message in session_messages(card):
        await context.bot.send_message(chat_id, message.text, parse_mode=ParseMode.HTML)
    await context.bot.send_message(
        chat_id, texts.self_test_ask(card.id), reply_markup=keyboards.self_test(card.id)
    )


async def self_test(update: Update, context: Context) -> None:
    """/selftest: the next self-test; /selftest reach N records a sit-and-reach directly."""
    chat_id, now = _chat_id(update), context.now()
    args = context.args or []
    if args and args[0].lower() == "reach":
        try:
            centimetres = int(args[1])
            if not -40 <= centimetres <= 40:
                raise ValueError(centimetres)
        except (IndexError, ValueError):
            await _reply(update, texts.SELF_TEST_USAGE)
            return
        await _record_reach(update, context, centimetres)
        return
    if args:
        await _reply(update, texts.SELF_TEST_USAGE)
        return
    card = await context.coach.next_self_test(chat_id, now)
    await send_self_test(context, chat_id, card)


async def _record_reach(update: Update, context: Context, centimetres: int) -> str:
    result = f"{centimetres:+d} cm" if centimetres else "0 cm (at the toes)"
    results = await context.coach.record_self_test(
        _chat_id(update), "sit-and-reach-test", result, centimetres, context.now()
    )
    text = texts.self_test_recorded("sit-and-reach-test", [r.result for r in results])
    if update.callback_query is None:
        await _reply(update, text)
    return text


async def self_test_button(update: Update, context: Context, test: str, value: str) -> None:
    """A result button under a self-test."""
    query = update.callback_query
    assert query is not None
    if test == "sr":
        centimetres = int(value)
        if centimetres not in keyboards.REACH_CHOICES:
            raise ValueError(value)
        text = await _record_reach(update, context, centimetres)
    elif test == "slr" and value in texts.SLR_BANDS:
        results = await context.coach.record_self_test(
            _chat_id(update), "straight-leg-raise-test", texts.SLR_BANDS[value], None,
            context.now(),
        )  # fmt: skip
        text = texts.self_test_recorded("straight-leg-raise-test", [r.result for r in results])
    else:
        raise ValueError(test)
    await query.answer("Recorded")
    await query.edit_message_text(text)


async def export(update: Update, context: Context) -> None:
    """/export: everything stored about the person, as JSON and as CSV tables."""
    data = await context.coach.export(_chat_id(update))
    message = update.effective_message
    assert message is not None
    await message.reply_document(
        InputFile(files.as_json(data), filename="stretchbot-data.json"),
        caption=texts.EXPORT_CAPTION,
    )
    await message.reply_document(InputFile(files.as_csv_zip(data), filename="stretchbot-data.zip"))


async def forget(update: Update, context: Context) -> None:
    """/forget: ask first."""
    await context.coach.profile(_chat_id(update), context.now())  # NotSubscribed if unknown
    await _reply(update, texts.FORGET_CONFIRM, keyboards.forget())


async def forget_button(update: Update, context: Context, answer: str) -> None:
    """The answer to /forget's question."""
    query = update.callback_query
    assert query is not None
    if answer == "yes":
        await context.coach.forget(_chat_id(update))
        await query.answer("Deleted")
        await query.edit_message_text(texts.FORGOTTEN)
    elif answer == "no":
        await query.answer()
        await query.edit_message_text(texts.FORGET_KEPT)
    else:
        raise ValueError(answer)


# --- free text and everything else --------------------------------------------------------------

LABELS = {
    texts.PAIN_LABEL.lower(): report_pain,
    texts.PROGRESS_LABEL.lower(): show_progress,
    texts.SETTINGS_LABEL.lower(): show_settings,
    texts.DESK_LABEL.lower(): desk_stretch,
}


async def free_text(update: Update, context: Context) -> None:
    """Text without a command: done, desk, pain, help, or a nudge towards /help."""
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
            await _reply(update, await _record_pain(update, context, understood.score, None))
        case intents.Intent.PAIN:
            await _reply(update, texts.PAIN_USAGE, keyboards.pain())
        case intents.Intent.HELP:
            await show_help(update, context)
        case intents.Intent.GREETING:
            await _reply(update, texts.GREETING)
        case intents.Intent.THANKS:
            await _reply(update, texts.THANKS)
        case _:
            await _reply(update, texts.UNKNOWN_TEXT)


async def unknown_command(update: Update, context: Context) -> None:
    """A command we don't have."""
    message = update.effective_message
    assert message is not None
    assert message.text is not None
    await _reply(update, texts.unknown_command(message.text.split()[0]))


async def non_text(update: Update, context: Context) -> None:
    """Stickers, photos, voice notes and the like."""
    await _reply(update, texts.NON_TEXT)


async def button(update: Update, context: Context) -> None:
    """Every inline button: parse its data, refuse what we never issued, dispatch."""
    query = update.callback_query
    assert query is not None
    parsed = keyboards.parse(query.data)
    try:
        if parsed is None:
            raise ValueError(query.data)
        match parsed.action:
            case "h":
                await start_hold(update, context, parsed.int_arg(0), parsed.int_arg(1))
            case "k":
                await skip_card(update, context, parsed.int_arg(0), parsed.int_arg(1))
            case "d":
                await done_button(update, context, parsed.int_arg(0))
            case "p":
                await pain_button(update, context, parsed.int_arg(0))
            case "s":
                await settings_button(update, context, parsed.args)
            case "f":
                await safety_answer(update, context, parsed.args[0])
            case "r":
                await delivery_button(update, context, parsed.args[0], parsed.int_arg(1))
            case "n":
                await keep_slot(update, context, parsed.args[0])
            case "t":
                await self_test_button(update, context, parsed.args[0], parsed.args[1])
            case "x":
                await forget_button(update, context, parsed.args[0])
    except (ValueError, IndexError, TimeParseError, ZoneParseError):
        await query.answer(texts.EXPIRED_BUTTON, show_alert=True)


async def delivery_button(update: Update, context: Context, what: str, session_id: int) -> None:
    """Start / Snooze / Skip under a scheduled routine."""
    query = update.callback_query
    assert query is not None
    chat_id, now = _chat_id(update), context.now()
    if what == "start":
        run = await context.coach.open_delivered(chat_id, session_id, now)
        if isinstance(run, Stale):
            await query.answer(texts.stale(run), show_alert=True)
            return
        await query.answer()
        await query.edit_message_reply_markup(None)
        await _begin(update, context, run)
    elif what == "snooze":
        if not await context.coach.snooze_delivered(chat_id, session_id, now):
            await query.answer(texts.CANNOT_SNOOZE, show_alert=True)
            return
        await query.answer("Snoozed")
        await query.edit_message_reply_markup(None)
        await _reply(update, texts.SNOOZED)
    elif what == "skip":
        if not await context.coach.skip_delivered(chat_id, session_id, now):
            await query.answer(texts.stale(Stale.MOVED_ON), show_alert=True)
            return
        await query.answer("Skipped")
        await query.edit_message_reply_markup(None)
        await _reply(update, texts.SKIPPED_TODAY)
    else:
        raise ValueError(what)


async def keep_slot(update: Update, context: Context, slot: str) -> None:
    """ "Keep it" after the no-nagging question."""
    query = update.callback_query
    assert query is not None
    if slot not in ("morning", "evening"):
        raise ValueError(slot)
    await query.answer()
    await query.edit_message_reply_markup(None)
    await _reply(update, texts.KEEP_TIME.format(slot=slot))


async def note_answer(update: Update, context: Context) -> None:
    """Any message or tap counts as an answer: slots held back for not nagging resume."""
    chat = update.effective_chat
    if chat is not None:
        await context.coach.answered(chat.id, context.now())


async def not_subscribed(update: Update, context: Context) -> None:
    """Any use before /start (or after /forget)."""
    query = update.callback_query
    if query is not None:
        await query.answer(texts.NOT_SUBSCRIBED, show_alert=True)
        return
    await _reply(update, texts.NOT_SUBSCRIBED)


async def on_error(update: object, context: Context) -> None:
    """Log the failure (never the message text or token) and tell the person."""
    error = context.error
    if isinstance(error, NotSubscribed) and isinstance(update, Update):
        await not_subscribed(update, context)
        return
    if isinstance(error, BadRequest) and "not modified" in error.message.lower():
        return
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("update %s failed: %s", update_id, error.__class__.__name__, exc_info=error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            if update.callback_query is not None:
                await update.callback_query.answer(texts.SOMETHING_WRONG, show_alert=True)
            else:
                await context.bot.send_message(update.effective_chat.id, texts.SOMETHING_WRONG)
        except Exception:  # the error handler must never raise
            log.warning("could not tell the user about the failure")
