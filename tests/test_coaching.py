"""Coaching that fits the person, end to end through the emulator: onboarding asks what they have
and where they stretch; "done" you can trust (twice, with nothing offered, during a hold) and
/undo; free text understood; small things (/morning 7pm, /resume, no first name). Bad input for
every path."""

from __future__ import annotations

from sqlalchemy import select

from bot.store.db import Database, upgrade
from bot.store.models import PainReport, StretchSession, Subscriber
from tests.conftest import Harness, Phone
from tests.test_conversation import rows, started


async def onboarded(bot: Harness, user_id: int = 1001) -> tuple[Phone, object]:
    """Started, answered the safety question: the "what do you have?" question is on screen."""
    phone = await started(bot, user_id)
    safety = await phone.expect("Do any of these apply")
    await phone.press(safety, "None of these")
    question = await phone.expect("what do you have at hand")
    return phone, question


def labels(message: object) -> list[str]:
    return [b.text for row in message.buttons for b in row]  # type: ignore[attr-defined]


# --- onboarding ---------------------------------------------------------------------------------


async def test_onboarding_asks_what_they_have_and_where_and_routines_use_only_that(
    bot: Harness,
) -> None:
    phone, question = await onboarded(bot)
    assert "Done ✓" in labels(question)
    assert "Skip" in labels(question)
    await phone.press(question, "Chair")
    question = await phone.edited(question, "✅ 🪑 Chair")
    await phone.press(question, "Floor space")
    question = await phone.edited(question, "✅ 🧘 Floor space")
    await phone.press(question, "Foam roller")
    question = await phone.edited(question, "✅ 🧻 Foam roller")
    await phone.press(question, "Foam roller")  # and off again
    question = await bot.emulator.wait_for_message(
        1001,
        after=bot.emulator.chat(1001).index(question),
        timeout=10,
        predicate=lambda m: m.message_id == question.message_id and "🧻 Foam roller" in labels(m),
    )
    assert "✅ 🧻 Foam roller" not in labels(question)
    old_toggle = question.buttons[0][1].callback_data
    await phone.press(question, "Done")
    where = await phone.edited(question, "Office")
    await phone.press(where, "Office")
    await bot.emulator.wait_for_call(
        "editMessageText", predicate=lambda c: "Got it" in c.params.get("text", "")
    )
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert sub.equipment == "chair,floor"
    assert sub.place == "office"
    # The evening routine in week 1 has a foam-roller card: they get its substitute instead.
    bot.clock.now = bot.clock.now.replace(hour=19)
    mark = phone.mark()
    await phone.send("/now", expect="🌙")
    await phone.expect("Step 1 of", after=mark)  # the card follows its intro
    (session,) = await rows(bot, StretchSession, chat_id=1001)
    cards = [bot.library.cards[c] for c in session.card_ids]
    assert cards
    assert all(set(c.equipment) <= {"chair", "floor"} for c in cards), session.card_ids
    # An old copy of the question no longer changes anything.
    mark = phone.mark()
    query = bot.emulator.press(1001, question.message_id, old_toggle)
    answer = await bot.emulator.wait_for_call(
        "answerCallbackQuery", predicate=lambda c: c.params.get("callback_query_id") == query
    )
    assert "earlier step" in answer.params["text"]
    assert phone.texts(mark) == []
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert sub.equipment == "chair,floor"


async def test_skipping_the_questions_gives_chair_and_floor_cards(bot: Harness) -> None:
    phone, question = await onboarded(bot)
    await phone.press(question, "Skip")
    await bot.emulator.wait_for_call(
        "editMessageText",
        predicate=lambda c: "chair and some floor space" in c.params.get("text", ""),
    )
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert sub.equipment is None
    for _ in range(6):
        await phone.send("/desk", expect="🪑")
        await phone.send("done", expect="Logged")
    for session in await rows(bot, StretchSession, chat_id=1001):
        for card_id in session.card_ids:
            assert set(bot.library.cards[card_id].equipment) <= {"chair", "floor"}, card_id


async def test_settings_what_i_have_changes_it_and_forged_masks_are_refused(bot: Harness) -> None:
    phone = await started(bot)
    card = await phone.send("/settings", expect="At hand: not asked yet")
    await phone.press(card, "What I have")
    question = await phone.edited(card, "Strap or towel")
    await phone.press(question, "Strap or towel")
    question = await phone.edited(question, "✅ 🎗 Strap or towel")
    await phone.press(question, "Done")
    where = await phone.edited(question, "Home")
    await phone.press(where, "Home")
    await bot.emulator.wait_for_call(
        "editMessageText", predicate=lambda c: "a strap or towel" in c.params.get("text", "")
    )
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert sub.equipment == "strap"
    assert sub.place == "home"
    again = await phone.send("/settings", expect="At hand: a strap or towel")
    assert "home" in again.text
    for forged in ["e:done:999", "e:laser:0", "w:moon"]:
        query = bot.emulator.press(1001, again.message_id, forged)
        answer = await bot.emulator.wait_for_call(
            "answerCallbackQuery",
            predicate=lambda c, q=query: c.params.get("callback_query_id") == q,
        )
        assert answer.params.get("text"), forged
        assert "went wrong" not in answer.params["text"], forged
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert sub.equipment == "strap"


# --- "done" you can trust ----------------------------------------------------------------------


async def test_done_twice_is_acknowledged_not_counted(bot: Harness) -> None:
    phone = await started(bot)
    await phone.send("/desk", expect="🪑")
    await phone.send("done", expect="Logged")
    again = await phone.send("finished", expect="already logged")
    assert "1 session this week" in again.text
    await phone.send("Done ✅", expect="already logged")
    logged = [s for s in await rows(bot, StretchSession, chat_id=1001) if s.done_at]
    assert len(logged) == 1


async def test_done_with_nothing_offered_asks_and_no_logs_nothing(bot: Harness) -> None:
    phone = await started(bot)
    question = await phone.send("done", expect="Log a session you did on your own?")
    assert labels(question) == ["Yes, log it", "No"]
    await phone.press(question, "No")
    await bot.emulator.wait_for_call(
        "editMessageText", predicate=lambda c: "nothing logged" in c.params.get("text", "")
    )
    assert await rows(bot, StretchSession, chat_id=1001) == []
    # Yes, then the same Yes replayed: one session.
    question = await phone.send("done", expect="on your own?")
    data = question.buttons[0][0].callback_data
    await phone.press(question, "Yes", expect="Logged")
    mark = phone.mark()
    bot.emulator.press(1001, question.message_id, data)
    await phone.expect("already logged", after=mark)
    assert len(await rows(bot, StretchSession, chat_id=1001)) == 1


async def test_done_during_a_hold_asks_whether_to_finish_early(bot: Harness) -> None:
    phone = await started(bot)
    mark = phone.mark()
    await phone.send("/now", expect="min")
    step = await phone.to_hold(await phone.expect("Step 1 of", after=mark))
    await phone.press(step, "Start")
    step = await phone.edited(step, "Pause")  # the timer runs on the card
    question = await phone.send("done", expect="Finish early")
    await phone.press(question, "Keep going")
    await bot.emulator.wait_for_call("answerCallbackQuery")
    assert [s.done_at for s in await rows(bot, StretchSession, chat_id=1001)] == [None]
    question = await phone.send("done", expect="Finish early")
    await phone.press(question, "Finish and log", expect="Logged")
    # The card the timer ran on says so, keeps its text and has no timer buttons left.
    card = await bot.emulator.wait_for_message(
        1001,
        predicate=lambda m: m.message_id == step.message_id and "Finished early" in (m.text or ""),
    )
    assert "Step " in (card.text or "")
    assert labels(card) == []
    (session,) = await rows(bot, StretchSession, chat_id=1001)
    assert session.done_at is not None
    assert session.hold_until is None


async def test_undo_takes_back_the_last_log_once_and_only_within_a_day(bot: Harness) -> None:
    phone = await started(bot)
    await phone.send("/undo", expect="nothing to undo")
    await phone.send("/desk", expect="🪑")
    await phone.send("done", expect="Logged")
    reply = await phone.send("/undo", expect="Undone")
    assert "desk stretch" in reply.text
    assert "Streak: 0 days" in reply.text
    assert [s.done_at for s in await rows(bot, StretchSession, chat_id=1001)] == [None]
    await phone.send("/undo", expect="already undone")  # /undo twice reaches no further
    bot.clock.advance(minutes=1)
    await phone.send("done", expect="Logged")  # the desk stretch is still the one offered
    bot.clock.advance(days=1, minutes=1)
    await phone.send("/undo", expect="only take back one logged in the last day")
    assert len([s for s in await rows(bot, StretchSession, chat_id=1001) if s.done_at]) == 1


# --- free text ---------------------------------------------------------------------------------


async def test_pain_in_words_offers_the_keyboard_and_a_bare_number_then_is_recorded(
    bot: Harness,
) -> None:
    phone = await started(bot)
    said = ["my back hurts a lot today", "my lower back is stiff this morning", "a bit sore"]
    for text in said:
        keyboard = await phone.send(text, expect="0 (none) to 10")
        assert len(labels(keyboard)) == 11
    await phone.send("6", expect="Recorded: pain 6/10")
    await phone.send("14", expect="Is that a pain score?")  # no longer awaited, then asked
    await phone.send("14", expect="0 (no pain) to 10")  # now awaited: out of range explained
    await phone.send("no pain today", expect="Recorded: pain 0/10")
    assert sorted(r.score for r in await rows(bot, PainReport, chat_id=1001)) == [0, 6]


async def test_a_bare_number_is_remembered_across_a_restart(
    bot: Harness,
) -> None:
    phone = await started(bot)
    await phone.send("/pain", expect="Pain from 0")
    # Another replica on the same database: only the database knows the bot asked.
    db = Database(bot.db_url)
    try:
        async with db.session() as s:
            sub = (await s.execute(select(Subscriber))).scalar_one()
            assert sub.awaiting_pain_until is not None
    finally:
        await db.close()
    await phone.send("4", expect="Recorded: pain 4/10")
    bot.clock.advance(hours=2)
    await phone.send("5", expect="Is that a pain score?")
    assert [r.score for r in await rows(bot, PainReport, chat_id=1001)] == [4]


async def test_streak_skip_stop_and_thanks_in_words(bot: Harness) -> None:
    phone = await started(bot)
    await phone.send("what's my streak?", expect="Your streak: 0 days")
    await phone.send("skip", expect="nothing to skip")
    await phone.send("stop", expect="No timer is running")
    for text in ["👍", "thanks", "thank you", "ty"]:
        await phone.send(text, expect="You're welcome")
    mark = phone.mark()
    await phone.send("/desk", expect="🪑")
    step = await phone.to_hold(await phone.expect("Step 1 of", after=mark))
    await phone.press(step, "Start")
    step = await phone.edited(step, "Pause")  # the timer runs on the card
    await phone.send("skip", expect="A timer is running")
    await phone.send("stop", expect="Stopped the timer")
    restored = await phone.edited(step, "Start")
    assert "Timer stopped" in (restored.text or "")
    await phone.send("stop", expect="No timer is running")
    await phone.send("skip", expect="Skipped")
    await phone.expect("Tap Done")
    await phone.send("done", expect="Logged")
    await phone.send("what's my streak?", expect="Your streak: 1 day")


# --- small things -------------------------------------------------------------------------------


async def test_a_morning_time_in_the_evening_is_confirmed_first(bot: Harness) -> None:
    phone = await started(bot)
    question = await phone.send("/morning 7pm", expect="Set your morning routine for 19:00?")
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert sub.morning.strftime("%H:%M") == "07:30"
    await phone.press(question, "Yes")
    await bot.emulator.wait_for_call(
        "editMessageText", predicate=lambda c: "Morning: 19:00" in c.params.get("text", "")
    )
    await phone.send("/morning 7:15 am", expect="morning routine now comes at 07:15")
    question = await phone.send("/evening 06:00", expect="Set your evening routine for 06:00?")
    await phone.press(question, "Pick another time")
    await phone.edited(question, "21:00")
    (sub,) = await rows(bot, Subscriber, chat_id=1001)
    assert sub.evening.strftime("%H:%M") == "20:30"
    await phone.send("/evening 25:99", expect="isn't a time I can use")


async def test_resume_when_not_paused_says_so(bot: Harness) -> None:
    phone = await started(bot)
    reply = await phone.send("/resume", expect="aren't paused")
    assert "Welcome back" not in reply.text
    await phone.send("/pause 2", expect="Paused")
    await phone.send("/resume", expect="Welcome back")


async def test_no_first_name_is_greeted_without_one(bot: Harness) -> None:
    phone = bot.phone(1009, first_name="")
    welcome = await phone.send("/start", expect="stretchbot")
    assert welcome.text.startswith("Hi! ")
    again = await phone.send("/start", expect="Welcome back")
    assert again.text.startswith("Welcome back! ")


def test_migration_0006_goes_down_and_up(tmp_path: object) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/m.db"
    upgrade(url)
    from alembic import command

    from bot.store.db import alembic_config

    command.downgrade(alembic_config(url), "0004")
    command.upgrade(alembic_config(url), "head")
