"""Pain reports, /progress with its chart, and the flexibility self-tests."""

from __future__ import annotations

import asyncio

from telegram import InputFile, Update

from bot.coach import inputs, pain
from bot.content.model import Card
from bot.content.render import session_messages
from bot.telegram import keyboards, texts
from bot.telegram.callbacks import Callback
from bot.telegram.context import Context
from bot.telegram.handlers.common import args, chat_id, query, reply

REACH = "sit-and-reach-test"
SLR = "straight-leg-raise-test"


async def record_pain(update: Update, context: Context, score: int, note: str | None) -> str:
    """Record a score; the text that answers it."""
    result = await context.coach.report_pain(chat_id(update), score, note, context.now())
    return texts.pain_recorded(result)


async def ask_pain_score(update: Update, context: Context, question: str) -> None:
    """Ask for a score on the 0–10 keyboard; a bare number typed next is the answer.

    The question is stored before it is sent, so an answer that reaches another replica at once
    is still read as a score."""
    await context.coach.ask_pain(chat_id(update), context.now())
    await reply(update, question, keyboards.pain())


async def report_pain(update: Update, context: Context) -> None:
    """/pain N, or /pain alone for the 0–10 keyboard."""
    text = args(context)
    if not text:
        await ask_pain_score(update, context, texts.PAIN_QUESTION)
        return
    first, _, rest = text.partition(" ")
    score = pain.parse_score(first)
    await reply(update, await record_pain(update, context, score, rest.strip() or None))


async def pain_button(update: Update, context: Context, button: Callback) -> None:
    """A button of the 0–10 keyboard."""
    score = button.number(0)
    answer = await record_pain(update, context, score, None)
    pressed = query(update)
    await pressed.answer(f"Recorded {score}/10")
    await pressed.edit_message_text(answer)


async def show_progress(update: Update, context: Context) -> None:
    """/progress: a chart of pain and sessions, or a friendly text before there is any data."""
    chat, now = chat_id(update), context.now()
    summary = await context.coach.progress(chat, now)
    if summary.sessions_total == 0 and summary.last_pain is None and summary.self_test is None:
        await reply(update, texts.NO_PROGRESS)
        return
    data = await context.coach.chart_data(chat, now)
    from bot.charts import render_progress  # matplotlib is slow to import: not at start-up

    # Rendering takes a few hundred milliseconds of CPU: keep it off the event loop.
    png = await asyncio.to_thread(
        render_progress, data.today, data.sessions_per_day, data.pain,
        self_tests=data.self_tests, paused=data.paused, rest_days=data.rest_days,
    )  # fmt: skip
    message = update.effective_message
    assert message is not None
    await message.reply_photo(
        InputFile(png, filename="progress.png"), caption=texts.progress_caption(summary)
    )


async def send_self_test(context: Context, chat: int, card: Card) -> None:
    """A self-test card, then the buttons to record its result."""
    for message in session_messages(card):
        await context.bot.send_message(chat, message.text)
    await context.bot.send_message(
        chat, texts.self_test_ask(card.id), reply_markup=keyboards.self_test(card.id)
    )


async def self_test(update: Update, context: Context) -> None:
    """/selftest: the next self-test; /selftest reach N records a sit-and-reach directly."""
    chat, now = chat_id(update), context.now()
    words = context.args or []
    if words and words[0].lower() == "reach":
        given = words[1] if len(words) > 1 else ""
        await reply(update, await _record_reach(update, context, given))
        return
    if words:
        await reply(update, texts.SELF_TEST_USAGE)
        return
    card = await context.coach.next_self_test(chat, now)
    await send_self_test(context, chat, card)


async def _record_reach(update: Update, context: Context, given: str) -> str:
    centimetres = inputs.reach_centimetres(given)
    result = f"{centimetres:+d} cm" if centimetres else "0 cm (at the toes)"
    results = await context.coach.record_self_test(
        chat_id(update), REACH, result, centimetres, context.now()
    )
    return texts.self_test_recorded(REACH, [r.result for r in results])


async def self_test_button(update: Update, context: Context, button: Callback) -> None:
    """A result button under a self-test."""
    test, value = inputs.choice(button.word(0), ("sr", "slr")), button.word(1)
    if test == "sr":
        inputs.choice(value, [str(cm) for cm in keyboards.REACH_CHOICES])
        text = await _record_reach(update, context, value)
    else:
        band = texts.SLR_BANDS[inputs.choice(value, texts.SLR_BANDS)]
        results = await context.coach.record_self_test(
            chat_id(update), SLR, band, None, context.now()
        )
        text = texts.self_test_recorded(SLR, [r.result for r in results])
    pressed = query(update)
    await pressed.answer("Recorded")
    await pressed.edit_message_text(text)
