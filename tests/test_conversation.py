"""Every row of the conversation contract, end to end: the real Application over HTTP against our
Bot API emulator, on SQLite and (when configured) PostgreSQL. Bad input for every path."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from bot.content.model import AUTO_START_REST, Library
from bot.emulator import BotApiEmulator, BotMessage
from bot.errors import Stale, StaleButton
from bot.store.db import Database
from bot.store.models import PainReport, StretchSession, Subscriber
from bot.telegram import texts
from bot.telegram.context import SERVICES
from tests.conftest import PACE, FakeClock, Harness, Phone, make_settings


async def started(bot: Harness, user_id: int = 1001, **kwargs: str) -> Phone:
    phone = bot.phone(user_id, **kwargs)
    await phone.send("/start", expect="stretchbot")
    await phone.expect("Do any of these apply")
    return phone


def labels(message: BotMessage) -> list[str]:
    return [b.text for row in message.buttons for b in row]


async def step_until(phone: Phone, card: BotMessage, label: str) -> BotMessage:
    """Press a card's Next until it shows a button labelled with `label`."""
    while not any(label in text for text in labels(card)) and "Finish ✅" not in labels(card):
        shown = card.text
        await phone.press(card, "Next ▶")
        card = await phone.emulator.wait_for_message(
            phone.user_id,
            predicate=lambda m, i=card.message_id, t=shown: m.message_id == i and m.text != t,
        )
    return card


async def holds_done(phone: Phone, card: BotMessage, timeout: float = 15) -> BotMessage:  # noqa: ASYNC109
    """Wait until a card's holds are over (the timer starts each next hold by itself)."""
    return await phone.emulator.wait_for_message(
        phone.user_id,
        timeout=timeout,
        predicate=lambda m: (
            m.message_id == card.message_id and "That's this stretch done" in (m.text or "")
        ),
    )


async def rows(bot: Harness, model: type, **where: object) -> list:
    db = Database(bot.db_url)
    try:
        async with db.session() as s:
            query = select(model).filter_by(**where)
            return list((await s.execute(query)).scalars())
    finally:
        await db.close()


# --- /start and safety ----------------------------------------------------------------------


async def test_start_subscribes_names_the_schedule_and_says_it_is_not_medical_care(
    bot: Harness,
) -> None:
    phone = bot.phone(1001, first_name="Ada")
    welcome = await phone.send("/start", expect="stretchbot")
    assert "morning 07:30, evening 20:30 (UTC)" in welcome.text
    safety = await phone.expect("not a clinician")
    assert "Do any of these apply" in safety.text
    assert [b.text for row in safety.buttons for b in row] == [
        "None of these ✅",
        "One of these applies",
    ]
    subs = await rows(bot, Subscriber, chat_id=1001)
    assert len(subs) == 1
    assert subs[0].active
    # Idempotent: a second /start neither duplicates nor repeats the safety note.
    mark = phone.mark()
    again = await phone.send("/start", expect="Welcome back")
    assert "07:30" in again.text
    assert len(await rows(bot, Subscriber, chat_id=1001)) == 1
    assert not any("not a clinician" in t for t in phone.texts(mark))


async def test_start_guesses_the_zone_from_the_app_language(bot: Harness) -> None:
    phone = bot.phone(1002, language="de")
    welcome = await phone.send("/start", expect="stretchbot")
    assert "Europe/Berlin" in welcome.text


async def test_red_flag_answer_at_start_pauses_routines(bot: Harness) -> None:
    phone = bot.phone(1003)
    await phone.send("/start", expect="stretchbot")
    question = await phone.expect("Do any of these apply")
    await phone.press(question, "One of these applies", expect="doctor or physiotherapist")
    (sub,) = await rows(bot, Subscriber, chat_id=1003)
    assert sub.paused_until is not None


@pytest.mark.parametrize(
    "text",
    [
        "I've got numbness around my groin",
        "I can't control my bladder since yesterday",
        "tingling down my leg when I bend",
        "my back hurts after a fall",
        "/pain 5 and I have a fever",
    ],
)
async def test_red_flags_get_seek_care_not_a_stretch(bot: Harness, text: str) -> None:
    phone = await started(bot)
    mark = phone.mark()
    reply = await phone.send(text, expect="seek medical care")
    assert "Step 1" not in reply.text
    await phone.send("hello", expect="Hello")
    assert not any("Step 1" in t for t in phone.texts(mark))
    assert await rows(bot, PainReport, chat_id=1001) == []


# --- /stop, /timezone, /morning, /evening ------------------------------------------------------


async def test_stop_unsubscribes_and_keeps_history(bot: Harness) -> None:
    phone = await started(bot)
    await phone.send("/pain 3", expect="Recorded")
    await phone.send("/stop", expect="no more scheduled routines")
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert not sub.active
    assert len(await rows(bot, PainReport, chat_id=1001)) == 1
    await phone.send("/start", expect="Welcome back")
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert sub.active


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("new york", "America/New_York"),
        ("UTC+5:30", "UTC+05:30"),
        ("kathmandu", "Asia/Kathmandu"),
    ],
)
async def test_timezone_accepts_names_cities_and_offsets(
    bot: Harness, typed: str, stored: str
) -> None:
    phone = await started(bot)
    reply = await phone.send(f"/timezone {typed}", expect="Time zone set")
    assert stored in reply.text
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert sub.timezone == stored


@pytest.mark.parametrize("typed", ["Mars/Olympus", "UTC+99", "Atlantis"])
async def test_unknown_timezone_gets_examples_and_changes_nothing(
    bot: Harness, typed: str
) -> None:
    phone = await started(bot)
    reply = await phone.send(f"/timezone {typed}", expect="I don't know the time zone")
    assert "Europe/London" in reply.text
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert sub.timezone == "UTC"


async def test_timezone_without_argument_offers_buttons(bot: Harness) -> None:
    phone = await started(bot)
    reply = await phone.send("/timezone", expect="/timezone Europe/Berlin")
    await phone.press(reply, "Berlin")
    await bot.emulator.wait_for_call(
        "editMessageText", predicate=lambda c: "Europe/Berlin" in c.params.get("text", "")
    )
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert sub.timezone == "Europe/Berlin"


async def test_morning_and_evening_times_and_off(bot: Harness) -> None:
    phone = await started(bot)
    reply = await phone.send("/morning 07:15", expect="morning routine now comes at 07:15")
    assert "evening 20:30" in reply.text
    await phone.send("/evening 9:45pm", expect="evening routine now comes at 21:45")
    await phone.send("/morning off", expect="morning routine is off")
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert sub.morning is None
    assert sub.evening.strftime("%H:%M") == "21:45"


@pytest.mark.parametrize("typed", ["25:99", "noon-ish", "7", "24:00"])
async def test_impossible_times_get_the_expected_form(bot: Harness, typed: str) -> None:
    phone = await started(bot)
    reply = await phone.send(f"/morning {typed}", expect="isn't a time I can use")
    assert "/morning 07:15" in reply.text
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert sub.morning.strftime("%H:%M") == "07:30"


# --- stretches, holds, done -------------------------------------------------------------------


async def test_desk_stretch_runs_with_a_live_countdown_and_rotates(bot: Harness) -> None:
    phone = await started(bot)
    mark = phone.mark()
    await phone.send("/desk", expect="🪑")
    card = await phone.expect("Step 1 of", after=mark)
    card = await step_until(phone, card, "Start")
    await phone.press(card, "Start")
    card = await holds_done(phone, card)
    countdown = [t for t in card.edits if "⏱" in t]
    assert countdown, card.edits
    assert any("Release" in t for t in card.edits)
    assert any("left side" in t for t in card.edits)
    assert any("right side" in t for t in card.edits)
    # No button presses were needed between holds: each next one started by itself.
    await phone.press(card, "Finish", expect="Tap Done")
    finished = await phone.expect("Tap Done", after=mark)
    await phone.press(finished, "Done", expect="Logged")
    # The next desk stretch is a different card.
    first_title = phone.texts(mark)[1].splitlines()[0]
    mark2 = phone.mark()
    await phone.send("desk stretch please", expect="🪑")
    header = await phone.expect("Step 1 of", after=mark2)
    assert header.text.splitlines()[0] != first_title


async def test_now_starts_the_routine_for_the_time_of_day(bot: Harness) -> None:
    phone = await started(bot)
    bot.clock.now = bot.clock.now.replace(hour=8)
    mark = phone.mark()
    intro = await phone.send("/now", expect="min")
    assert "🌅" in intro.text
    await phone.expect("Step 1 of", after=mark)
    bot.clock.advance(hours=12)
    evening = await phone.send("/now", expect="min")
    assert "🌙" in evening.text


async def test_skipping_every_card_reaches_the_end_of_the_routine(bot: Harness) -> None:
    phone = await started(bot)
    mark = phone.mark()
    await phone.send("/now", expect="min")
    for _ in range(10):
        card = await phone.expect("Step 1 of", after=mark)
        card = await step_until(phone, card, "⏭")
        onward = "⏭" if any("⏭" in label for label in labels(card)) else "Finish"
        mark = phone.mark()
        await phone.press(card, onward)
        last = await phone.expect(None, after=mark)
        if "whole routine" in last.text:
            break
    else:
        pytest.fail("the routine never ended")
    await phone.press(last, "Done", expect="Logged")
    sessions = await rows(bot, StretchSession, chat_id=1001)
    assert len(sessions) == 1
    assert sessions[0].done_at is not None


@pytest.mark.parametrize("word", ["done", "DONE", "Done ✅", "finished"])
async def test_done_logs_the_session_just_delivered(bot: Harness, word: str) -> None:
    phone = await started(bot)
    await phone.send("/desk", expect="🪑")
    reply = await phone.send(word, expect="Logged")
    assert "Streak: 1 day" in reply.text
    assert "1 session this week" in reply.text
    await phone.expect("Pain from 0")  # asks for a pain score, once a day
    (session,) = await rows(bot, StretchSession, chat_id=1001)
    assert session.done_at is not None
    mark = phone.mark()
    await phone.send("/desk", expect="🪑")
    await phone.send("done", expect="Logged")
    assert not any("Pain from 0" in t for t in phone.texts(mark))


async def test_done_with_nothing_open_logs_a_session_of_their_own(bot: Harness) -> None:
    phone = await started(bot)
    reply = await phone.send("done", expect="Logged")
    assert "of your own" in reply.text


REFUSALS = {texts.stale(Stale.UNKNOWN), texts.stale(Stale.UNREADABLE), texts.INVALID_CHOICE}


async def test_stale_and_forged_buttons_get_a_clear_answer(bot: Harness) -> None:
    phone = await started(bot)
    await phone.send("/desk", expect="🪑")
    step = await phone.expect("Step 1 of")
    await phone.send("done", expect="Logged")
    # The old card's hold button now belongs to a finished session.
    query = bot.emulator.press(1001, step.message_id, step.buttons[0][0].callback_data or "")
    answer = await bot.emulator.wait_for_call(
        "answerCallbackQuery", predicate=lambda c: c.params.get("callback_query_id") == query
    )
    assert "already logged" in answer.params["text"]
    for forged in ["h:99999:0", "h:abc:0", "zz:1", "s:tz:Mars/Base", "p:42", "s:morning:2599"]:
        query = bot.emulator.press(1001, step.message_id, forged)
        answer = await bot.emulator.wait_for_call(
            "answerCallbackQuery",
            predicate=lambda c, q=query: c.params.get("callback_query_id") == q,
        )
        # A refusal that says what to do next, never the apology for a crash.
        assert answer.params.get("text") in REFUSALS, (forged, answer.params.get("text"))
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert sub.timezone == "UTC"
    assert sub.morning.strftime("%H:%M") == "07:30"


# --- pain ---------------------------------------------------------------------------------------


async def test_pain_by_argument_keyboard_and_free_text(bot: Harness) -> None:
    phone = await started(bot)
    await phone.send("/pain 3", expect="Recorded: pain 3/10")
    keyboard = await phone.send("/pain", expect="Pain from 0")
    assert len([b for row in keyboard.buttons for b in row]) == 11
    await phone.press(keyboard, "4")
    await bot.emulator.wait_for_call(
        "editMessageText", predicate=lambda c: "Recorded: pain 4/10" in c.params.get("text", "")
    )
    await phone.send("my pain is 2", expect="Recorded: pain 2/10")
    scores = sorted(r.score for r in await rows(bot, PainReport, chat_id=1001))
    assert scores == [2, 3, 4]


@pytest.mark.parametrize("typed", ["/pain 11", "/pain -2", "/pain lots", "/pain 4.5"])
async def test_bad_pain_scores_get_the_scale_explained(bot: Harness, typed: str) -> None:
    phone = await started(bot)
    reply = await phone.send(typed, expect="0 (no pain) to 10")
    assert reply.buttons  # the 0–10 keyboard comes along
    assert await rows(bot, PainReport, chat_id=1001) == []


async def test_free_text_out_of_range_pain_is_refused(bot: Harness) -> None:
    phone = await started(bot)
    await phone.send("my pain is 14", expect="0 (no pain) to 10")
    assert await rows(bot, PainReport, chat_id=1001) == []


async def test_high_or_rising_pain_advises_a_professional_and_gentle_routines(
    bot: Harness,
) -> None:
    phone = await started(bot)
    reply = await phone.send("/pain 8", expect="Recorded")
    assert "see a doctor or physiotherapist" in reply.text
    assert "gentle" in reply.text
    intro = await phone.send("/now", expect="min")
    assert "Gentle version" in intro.text
    await phone.send("/pain 3", expect="one more calmer report")
    await phone.send("/pain 2", expect="back to your usual routines")
    intro = await phone.send("/now", expect="min")
    assert "Gentle" not in intro.text
    # A rise of 3 over the recent average (of the last five: 1, 1, 2, 3, 8) counts too.
    await phone.send("/pain 1", expect="Recorded")
    await phone.send("/pain 1", expect="Recorded")
    reply = await phone.send("/pain 6", expect="Recorded")
    assert "recent average" in reply.text


# --- progress, pause, resume, settings, help -------------------------------------------------


async def test_progress_shows_streak_week_and_pain_trend(bot: Harness) -> None:
    phone = await started(bot)
    empty = await phone.send("/progress", expect="Nothing to chart yet")
    assert empty.kind == "text"
    for day in range(3):
        await phone.send("/desk", expect="🪑")
        await phone.send("done", expect="Logged")
        await phone.send(f"/pain {6 - 2 * day}", expect="Recorded")
        bot.clock.advance(days=1)
    reply = await phone.send("/progress", expect="Streak:")
    assert reply.kind == "photo"  # the chart, with the numbers in its caption
    assert "Streak: 3 days" in reply.text
    assert "easing" in reply.text
    assert "week 1 of 8" in reply.text


async def test_pause_and_resume(bot: Harness) -> None:
    phone = await started(bot)
    reply = await phone.send("/pause 3", expect="Paused")
    assert "Thu 26 Nov" in reply.text
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert sub.paused_until is not None
    await phone.send("/resume", expect="Welcome back")
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert sub.paused_until is None


@pytest.mark.parametrize("typed", ["/pause 0", "/pause 500", "/pause soon"])
async def test_bad_pause_lengths(bot: Harness, typed: str) -> None:
    phone = await started(bot)
    await phone.send(typed, expect="from 1 to 90")
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert sub.paused_until is None


async def test_settings_on_buttons(bot: Harness) -> None:
    phone = await started(bot)
    card = await phone.send("/settings", expect="Settings")
    await phone.press(card, "Morning time")
    await phone.press(await phone.edited(card, "06:30"), "06:30")
    await phone.press(await phone.edited(card, "Pause 7 days"), "Pause 7 days")
    await phone.press(await phone.edited(card, "Resume"), "Time zone")
    await phone.press(await phone.edited(card, "Tokyo"), "Tokyo")
    await bot.emulator.wait_for_call(
        "editMessageText", predicate=lambda c: "Asia/Tokyo" in c.params.get("text", "")
    )
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert sub.morning.strftime("%H:%M") == "06:30"
    assert sub.paused_until is not None
    assert sub.timezone == "Asia/Tokyo"


async def test_help_and_registered_commands(bot: Harness) -> None:
    phone = await started(bot)
    reply = await phone.send("/help", expect="What I can do")
    assert "one missed day" in reply.text
    names = {c["command"] for c in bot.emulator.commands_for()}
    assert {"start", "stop", "timezone", "morning", "evening", "desk", "now", "pain"} <= names
    assert {"progress", "pause", "resume", "settings", "help"} <= names


# --- anything else --------------------------------------------------------------------------


async def test_unknown_commands_random_text_stickers_and_photos(bot: Harness) -> None:
    phone = await started(bot)
    await phone.send("/dance", expect="I don't know the command /dance")
    await phone.send("purple monkey dishwasher", expect="I didn't catch that")
    mark = phone.mark()
    bot.emulator.send_sticker(1001)
    await phone.expect("only read text", after=mark)
    mark = phone.mark()
    bot.emulator.send_photo(1001)
    await phone.expect("only read text", after=mark)
    await phone.send("x" * 3000, expect="too long")


async def test_commands_before_start_ask_for_start(bot: Harness) -> None:
    phone = bot.phone(2002)
    await phone.send("/desk", expect="Send /start")
    await phone.send("/pain 4", expect="Send /start")
    await phone.send("done", expect="Send /start")


async def test_telegram_refusal_gets_a_friendly_message_and_no_internal_text(
    bot: Harness,
) -> None:
    phone = await started(bot)
    bot.emulator.inject_fault(
        "sendMessage", error_code=400, description="Bad Request: something odd", times=1
    )
    mark = phone.mark()
    bot.emulator.send_text(1001, "/progress")
    reply = await phone.expect("went wrong", after=mark)
    assert "Bad Request" not in reply.text
    assert "Traceback" not in reply.text


# A new process starts with a fresh limiter while Telegram still counts the old one's messages
# into the chat: a 429 there is what Telegram would answer too, and the bot sends again after it.
@pytest.mark.allow_429
async def test_restart_keeps_subscriber_times_and_history(
    emulator: BotApiEmulator, db_url: str, clock: FakeClock, library: Library
) -> None:
    from bot.telegram.app import build_application, running

    settings = make_settings(emulator.api_root, db_url)
    phone = Phone(emulator, 1001)
    emulator.add_user(1001)
    async with running(
        build_application(settings, library, Database(db_url), clock=clock, pace=PACE),
        poll_timeout=1,
    ):
        await phone.send("/start", expect="stretchbot")
        await phone.send("/timezone Asia/Kolkata", expect="Time zone set")
        await phone.send("/morning 06:45", expect="06:45")
        await phone.send("/desk", expect="🪑")
        await phone.send("done", expect="Logged")
        await phone.send("/pain 4", expect="Recorded")
    # A new process on the same database.
    async with running(
        build_application(settings, library, Database(db_url), clock=clock, pace=PACE),
        poll_timeout=1,
    ):
        settings_card = await phone.send("/settings", expect="Settings")
        assert "Asia/Kolkata" in settings_card.text
        assert "Morning: 06:45" in settings_card.text
        progress = await phone.send("/progress", expect="Streak:")
        assert "all time: 1" in progress.text
        assert "Pain: 4/10" in progress.text


async def test_several_people_holding_at_once_do_not_wait_for_each_other(bot: Harness) -> None:
    phones = [await started(bot, uid) for uid in (3001, 3002, 3003)]
    steps = []
    for phone in phones:
        mark = phone.mark()
        await phone.send("/desk", expect="🪑")
        card = await phone.expect("Step 1 of", after=mark)
        steps.append((phone, mark, await step_until(phone, card, "Start")))
    loop = asyncio.get_running_loop()
    started_at = loop.time()
    for phone, _, step in steps:
        await phone.press(step, "Start")
    for phone, _, step in steps:
        await holds_done(phone, step)
    elapsed = loop.time() - started_at
    # One card's holds take about 2-3 s at the tests' time scale; three in a row would take 3x.
    longest = max(
        sum(h.seconds for h in bot.library.cards[c].holds())
        for c in bot.library.routines["desk"].cards
    )
    one_card = (longest + AUTO_START_REST * 3) * bot.settings.hold_time_scale
    assert elapsed < 2 * one_card + 1.0


async def test_failures_are_logged_without_message_text_or_token(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    phone = await started(bot)
    bot.emulator.inject_fault("sendMessage", error_code=400, description="Bad Request: odd")
    with caplog.at_level("INFO"):
        await phone.send("my secret diary entry", expect="went wrong")
    logged = "\n".join(r.getMessage() + str(r.exc_info or "") for r in caplog.records)
    assert "failed" in logged
    assert "secret diary" not in logged
    assert "TEST-token" not in logged


async def test_a_second_tap_is_refused_even_on_another_replica(bot: Harness) -> None:
    """The running timer is in the database, not only in the process that started it."""
    phone = await started(bot)
    mark = phone.mark()
    await phone.send("/desk", expect="🪑")
    step = await step_until(phone, await phone.expect("Step 1 of", after=mark), "Start")
    data = step.buttons[0][0].callback_data or ""
    session_id, card_index = (int(x) for x in data.split(":")[1:])
    await phone.press(step, "Start")
    await phone.edited(step, "Pause")
    # Another replica has no timer of its own for this chat: only the database can say no.
    with pytest.raises(StaleButton) as refused:
        await bot.app.bot_data[SERVICES].coach.hold_card(
            1001, session_id, card_index, bot.clock(), timer_message=step.message_id
        )
    assert refused.value.reason is Stale.HOLDING


async def test_a_timer_that_died_with_its_process_gets_its_start_button_back(
    bot: Harness,
) -> None:
    phone = await started(bot)
    mark = phone.mark()
    await phone.send("/desk", expect="🪑")
    step = await step_until(phone, await phone.expect("Step 1 of", after=mark), "Start")
    await phone.press(step, "Start")
    await phone.edited(step, "Pause")
    await bot.app.bot_data[SERVICES].countdowns.stop_all()  # the process "dies" mid-hold
    bot.clock.advance(minutes=5)
    await bot.app.bot_data[SERVICES].ticker.tick()
    restored = await phone.edited(step, "Start")
    assert "timer stopped" in (restored.text or "")
    await phone.press(restored, "Start")
    await holds_done(phone, restored)


async def test_a_bug_behind_a_button_is_logged_and_answered_honestly_not_as_expired(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    phone = await started(bot)
    await phone.send("/pain", expect="0")
    keyboard = await phone.expect("0")
    coach = bot.app.bot_data[SERVICES].coach

    said = "secret " + "words"  # built here, so the traceback's source line cannot show it

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError(said)

    coach.report_pain = broken  # a hand-written fault: a bug below the handler
    with caplog.at_level("ERROR"):
        query = bot.emulator.press(1001, keyboard.message_id, "p:4")
        answer = await bot.emulator.wait_for_call(
            "answerCallbackQuery", predicate=lambda c: c.params.get("callback_query_id") == query
        )
    assert "went wrong" in answer.params["text"]
    assert "expired" not in answer.params["text"]
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "RuntimeError" in logged
    assert "report_pain" in logged or "pain_button" in logged  # the traceback
    assert "secret words" not in logged
    assert "TEST-token" not in logged


async def test_a_card_taken_out_of_the_library_mid_session_is_passed_over(bot: Harness) -> None:
    """Content is edited while someone is mid-routine: they never get the wrong card or an
    error; a removed card they are on is replaced by the next one, with a word why."""
    import dataclasses

    phone = await started(bot)
    mark = phone.mark()
    await phone.send("/now", expect="min")
    first = await phone.expect("Step 1 of", after=mark)
    (session,) = await rows(bot, StretchSession, chat_id=1001)
    ids = list(session.card_ids)
    assert len(ids) >= 4
    coach = bot.app.bot_data[SERVICES].coach
    cards = bot.library.cards
    # The card after the current one goes: skipping must bring the one after it.
    coach.library = dataclasses.replace(
        bot.library, cards={k: v for k, v in cards.items() if k != ids[1]}
    )
    first = await step_until(phone, first, "Next stretch")
    mark = phone.mark()
    await phone.press(first, "Next stretch")
    step = await phone.expect("Step 1 of", after=mark)
    shown = "\n".join(phone.texts(mark))
    assert cards[ids[2]].title in shown
    assert cards[ids[1]].title not in shown
    # Now the card on screen goes too: its Start button says so and brings the next card.
    coach.library = dataclasses.replace(
        coach.library, cards={k: v for k, v in coach.library.cards.items() if k != ids[2]}
    )
    mark = phone.mark()
    query = bot.emulator.press(1001, step.message_id, step.buttons[0][0].callback_data or "")
    answer = await bot.emulator.wait_for_call(
        "answerCallbackQuery", predicate=lambda c: c.params.get("callback_query_id") == query
    )
    assert "taken out of the routine" in answer.params["text"]
    await phone.expect("Step 1 of", after=mark)
    shown = "\n".join(phone.texts(mark))
    assert cards[ids[3]].title in shown
    assert "went wrong" not in shown
