"""The safety screen, the safety hold and the pain rules, end to end: the real Application over
HTTP against the Bot API emulator, on SQLite and (when configured) PostgreSQL. Plus the clinician
table in content/SAFETY.md checked against the code, and the wording rule of each level."""

from __future__ import annotations

import re
from collections import OrderedDict
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.coach import safety
from bot.coach.safety import Triage
from bot.coach.safety_doc import BEGIN, DOC, END, signs_table
from bot.coach.signs import SIGNS, Level
from bot.emulator.models import BotMessage
from bot.schedule.ticker import TickReport
from bot.store.db import Database
from bot.store.models import Delivery, PainReport, Subscriber
from bot.telegram import safety_texts
from bot.telegram.context import SERVICES
from bot.telegram.handlers import safety as screening
from tests.conftest import Harness, Phone

EMERGENCY = "I have numbness around my groin"
URGENT = "my back hurts and I have a fever"
CLINICIAN = "tingling down my leg when I bend"
REMINDER = "safety hold"
CHECKED = "I've been checked"


async def started(bot: Harness, user_id: int = 1001, zone: str | None = None) -> Phone:
    phone = bot.phone(user_id)
    await phone.send("/start", expect="stretchbot")
    question = await phone.expect("Do any of these apply")
    await phone.press(question, "None of these", expect="Go gently")
    if zone:
        await phone.send(f"/timezone {zone}", expect="Time zone set")
    return phone


async def one(bot: Harness, chat_id: int = 1001) -> Subscriber:
    db = Database(bot.db_url)
    try:
        async with db.session() as s:
            return (
                await s.execute(select(Subscriber).where(Subscriber.chat_id == chat_id))
            ).scalar_one()
    finally:
        await db.close()


async def scores(bot: Harness, chat_id: int = 1001) -> list[int]:
    db = Database(bot.db_url)
    try:
        async with db.session() as s:
            query = select(PainReport.score).where(PainReport.chat_id == chat_id)
            return list((await s.execute(query.order_by(PainReport.id))).scalars())
    finally:
        await db.close()


async def tick(bot: Harness) -> TickReport:
    return await bot.app.bot_data[SERVICES].ticker.tick()


def labels(message: BotMessage) -> list[str]:
    return [b.text for row in message.buttons for b in row]


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def no_stretch(phone: Phone, after: int) -> None:
    """Nothing since `after` was a stretch: no steps, no routine or desk intro."""
    sent = phone.texts(after)
    assert not any("Step 1" in t or "Tap Start" in t or "min, " in t for t in sent), sent


# --- each level's answer ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "number"),
    [
        ("Europe/London", "call 999"),
        ("Europe/Berlin", "call 112"),
        ("America/New_York", "call 911"),
        ("Asia/Kathmandu", "call your local emergency number"),
    ],
)
async def test_emergency_answer_names_the_number_for_the_zone_and_holds(
    bot: Harness, zone: str, number: str
) -> None:
    phone = await started(bot, zone=zone)
    answer = await phone.send(EMERGENCY, expect="⚠️")
    assert number in answer.text
    assert "now" in words(answer.text)
    assert "today" not in words(answer.text)
    assert labels(answer) == [safety_texts.CLEARED_BUTTON]
    sub = await one(bot)
    assert sub.safety_hold_since == bot.clock.now
    assert sub.safety_hold_level == Level.EMERGENCY


async def test_urgent_answer_says_today_with_the_number_and_holds(bot: Harness) -> None:
    phone = await started(bot, zone="Europe/London")
    answer = await phone.send(URGENT, expect="⚠️")
    assert "see a doctor today" in answer.text
    assert "call 999" in answer.text
    assert "now" not in words(answer.text)
    assert labels(answer) == [safety_texts.CLEARED_BUTTON]
    assert (await one(bot)).safety_hold_level == Level.URGENT


async def test_a_clinician_sign_gets_advice_and_gentle_routines_without_a_hold(
    bot: Harness,
) -> None:
    phone = await started(bot)
    answer = await phone.send(CLINICIAN, expect="GP or a physiotherapist")
    assert "not an emergency" in answer.text
    assert not answer.buttons
    sub = await one(bot)
    assert sub.safety_hold_since is None
    assert sub.gentle
    intro = await phone.send("/now", expect="min")
    assert "Gentle version" in intro.text


async def test_a_red_flag_from_someone_we_dont_know_is_still_answered(bot: Harness) -> None:
    phone = bot.phone(1009, language="de")
    answer = await phone.send(EMERGENCY, expect="⚠️")
    assert "call 112" in answer.text  # from the app language alone


async def test_a_short_text_said_again_by_someone_else_gets_the_same_answer(
    bot: Harness,
) -> None:
    """Short texts keep their reading (most chat is "done", "ok", a number, said again and
    again): the second person who writes the same red flag is answered and held all the same."""
    first, second = await started(bot, 1001), await started(bot, 1002)
    assert len(EMERGENCY) <= screening.SHORT
    for phone, chat in ((first, 1001), (second, 1002)):
        answer = await phone.send(EMERGENCY, expect="⚠️")
        assert labels(answer) == [safety_texts.CLEARED_BUTTON]
        assert (await one(bot, chat)).safety_hold_level == Level.EMERGENCY


async def test_kept_readings_are_bounded_and_long_texts_always_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: list[str] = []

    def fake_read(text: str) -> Triage:
        read.append(text)
        level = Level.EMERGENCY if "numb" in text else Level.NONE
        return Triage(level, (), None, None)

    monkeypatch.setattr(screening, "_read", fake_read)
    monkeypatch.setattr(screening, "_kept", OrderedDict())
    monkeypatch.setattr(screening, "KEPT", 3)
    monkeypatch.setattr(safety, "loaded_mode", lambda: "test")
    monkeypatch.setattr(safety, "quick_triage", lambda text: None)  # every text to the reader
    assert (await screening.triage("numb down there")).level is Level.EMERGENCY
    assert (await screening.triage("numb down there")).level is Level.EMERGENCY
    assert read == ["numb down there"]  # the second time from the kept reading
    long = "numb " + "and more words " * 5
    await screening.triage(long)
    await screening.triage(long)
    assert read.count(long) == 2  # long texts are never kept
    for text in ("ok", "done", "thanks"):  # three more short texts push the first one out
        await screening.triage(text)
    await screening.triage("numb down there")
    assert read.count("numb down there") == 2
    monkeypatch.setattr(safety, "loaded_mode", lambda: None)
    await screening.triage("ok")  # before the pipeline is loaded, nothing is kept or reused
    assert read.count("ok") == 2


async def test_plain_chat_is_answered_without_the_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.coach import understand

    read: list[str] = []

    def fake_read(text: str) -> Triage:
        read.append(text)
        return Triage(Level.EMERGENCY if "numb" in text else Level.NONE, (), None, None)

    understand.load()
    monkeypatch.setattr(screening, "_read", fake_read)
    monkeypatch.setattr(screening, "_kept", OrderedDict())
    monkeypatch.setattr(safety, "loaded_mode", lambda: "test")
    for text in ("thanks!", "done", "all done 👍"):
        assert (await screening.triage(text)).level is Level.NONE
    assert read == []  # no word any rule needs: read on the spot
    assert (await screening.triage("done, legs numb")).level is Level.EMERGENCY
    assert read == ["done, legs numb"]


def test_each_level_is_worded_for_that_level_only() -> None:
    for level in (Level.EMERGENCY, Level.URGENT, Level.CLINICIAN):
        signs = tuple(s for s in SIGNS.values() if s.level is level)
        text = words(safety_texts.answer(level, signs, "999"))
        assert not {"now", "today"} <= text, level
    assert "today" in words(safety_texts.answer(Level.URGENT, (), None))
    assert "now" in words(safety_texts.answer(Level.EMERGENCY, (), None))


# --- the hold ------------------------------------------------------------------------------


async def test_the_hold_stops_desk_now_buttons_self_test_and_scheduled_routines(
    bot: Harness,
) -> None:
    bot.clock.now = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    phone = await started(bot)
    await phone.send("/evening off", expect="evening routine is off")
    # Before the hold: a desk stretch on its hold step (Start, Back), and this morning's offer.
    desk = await phone.to_hold(await phone.send("/desk", expect="Step 1 of"))
    bot.clock.now = bot.clock.now.replace(minute=30)
    mark = phone.mark()
    assert (await tick(bot)).sent == 1
    offer = await phone.expect("morning routine", after=mark)

    await phone.send(EMERGENCY, expect="⚠️")
    mark = phone.mark()
    for typed in ("/desk", "/now", "desk stretch please", "/selftest"):
        reminder = await phone.send(typed, expect=REMINDER)
        assert labels(reminder) == [safety_texts.CLEARED_BUTTON]
    # The old offer's Start, the desk card's Start and its Back: the reminder, no stretch.
    for message, label in ((offer, "Start"), (desk, "Start"), (desk, "Back")):
        after = phone.mark()
        await phone.press(message, label, expect=REMINDER)
        alert = await bot.emulator.wait_for_call(
            "answerCallbackQuery", predicate=lambda c: REMINDER in c.params.get("text", "")
        )
        assert alert.params.get("show_alert")
        no_stretch(phone, after)
    # Tomorrow's routine is not sent: the ledger says it was held.
    bot.clock.advance(days=1)
    before = phone.mark()
    report = await tick(bot)
    assert (report.sent, report.held) == (0, 1)
    assert phone.mark() == before
    db = Database(bot.db_url)
    try:
        async with db.session() as s:
            statuses = [d.status for d in (await s.execute(select(Delivery))).scalars()]
    finally:
        await db.close()
    assert sorted(statuses) == ["held", "sent"]
    no_stretch(phone, mark)


async def test_the_button_ends_the_hold_and_records_when(bot: Harness) -> None:
    phone = await started(bot)
    answer = await phone.send(URGENT, expect="⚠️")
    bot.clock.advance(days=2)
    await phone.press(answer, CHECKED, expect="Glad you've been checked")
    sub = await one(bot)
    assert sub.safety_hold_since is None
    assert sub.safety_cleared_at == bot.clock.now
    await phone.send("/desk", expect="Step 1 of")


async def test_cleared_ends_the_hold_and_says_so_when_there_is_none(bot: Harness) -> None:
    phone = await started(bot)
    await phone.send("/cleared", expect="not on a safety hold")
    await phone.send(EMERGENCY, expect="⚠️")
    await phone.send("/now", expect=REMINDER)
    await phone.send("/cleared", expect="Glad you've been checked")
    assert (await one(bot)).safety_cleared_at == bot.clock.now
    await phone.send("/now", expect="Step 1 of")
    await phone.send("/cleared", expect="not on a safety hold")


async def test_cleared_before_start_asks_for_start(bot: Harness) -> None:
    phone = bot.phone(1010)
    await phone.send("/cleared", expect="/start")


async def test_one_of_these_applies_at_start_puts_a_hold(bot: Harness) -> None:
    phone = bot.phone(1003, language="en")
    await phone.send("/start", expect="stretchbot")
    await phone.send("/timezone Europe/London", expect="Time zone set")
    question = await phone.expect("Do any of these apply")
    answer = await phone.press(question, "One of these applies", expect="safety hold")
    assert answer is not None
    assert "call 999" in answer.text
    assert labels(answer) == [safety_texts.CLEARED_BUTTON]
    sub = await one(bot, 1003)
    assert sub.safety_hold_since is not None
    assert sub.paused_until is None  # a hold, not a pause that runs out by itself
    mark = phone.mark()
    await phone.send("/desk", expect=REMINDER)
    no_stretch(phone, mark)
    await phone.press(answer, CHECKED, expect="Glad you've been checked")
    await phone.send("/desk", expect="Step 1 of")


# --- every text is screened ---------------------------------------------------------------


async def test_an_edited_message_with_a_flag_gets_the_same_answer(bot: Harness) -> None:
    phone = await started(bot, zone="Europe/London")
    await phone.send("hello", expect="Hello")
    # A harmless edit is read and left alone.
    mark = phone.mark()
    bot.emulator.edit_text(1001, "hello there")
    await phone.send("thanks")
    assert len(phone.texts(mark)) == 1
    mark = phone.mark()
    bot.emulator.edit_text(1001, EMERGENCY)
    answer = await phone.expect("⚠️", after=mark)
    assert "call 999" in answer.text
    assert (await one(bot)).safety_hold_level == Level.EMERGENCY


async def test_a_photo_caption_is_screened(bot: Harness) -> None:
    phone = await started(bot)
    mark = phone.mark()
    bot.emulator.send_photo(1001, caption="I can't control my bladder since yesterday")
    await phone.expect("⚠️", after=mark)
    assert (await one(bot)).safety_hold_level == Level.EMERGENCY
    mark = phone.mark()
    bot.emulator.send_photo(1001, caption="my cat")
    reply = await phone.expect(after=mark)
    assert "⚠️" not in reply.text


async def test_a_question_about_sciatica_gets_a_helpful_answer(bot: Harness) -> None:
    phone = await started(bot)
    reply = await phone.send("what stretches are good for sciatica?", expect="mild pull")
    assert "mild pull" in reply.text
    assert "⚠️" not in reply.text
    sub = await one(bot)
    assert sub.safety_hold_since is None
    assert not sub.gentle


async def test_a_pain_score_in_a_flagged_message_is_recorded(bot: Harness) -> None:
    phone = await started(bot)
    mark = phone.mark()
    await phone.send("my pain is 8 and I have tingling down my leg", expect="GP or a")
    await phone.expect("Recorded: pain 8/10", after=mark)
    assert await scores(bot) == [8]
    mark = phone.mark()
    await phone.send("/pain 5 and I have a fever", expect="⚠️")
    await phone.expect("Recorded: pain 5/10", after=mark)
    assert await scores(bot) == [8, 5]


# --- the question when a mention could be either -----------------------------------------------


async def test_an_unclear_fall_is_asked_about_and_yes_holds(bot: Harness) -> None:
    phone = await started(bot, zone="America/New_York")
    question = await phone.send("I fell", expect="Did a fall or accident hurt your back?")
    assert labels(question) == ["Yes", "No"]
    assert (await one(bot)).safety_hold_since is None  # nothing stored yet
    answer = await phone.press(question, "Yes", expect="⚠️")
    assert answer is not None
    assert "see a doctor today" in answer.text
    assert "call 911" in answer.text
    assert (await one(bot)).safety_hold_level == Level.URGENT
    await phone.send("/desk", expect=REMINDER)


async def test_an_unclear_fall_answered_no_is_reassured_and_stretching_goes_on(
    bot: Harness,
) -> None:
    phone = await started(bot)
    question = await phone.send("I fell", expect="Did a fall")
    await phone.press(question, "No", expect="good to know")
    sub = await one(bot)
    assert sub.safety_hold_since is None
    assert not sub.gentle
    await phone.send("/desk", expect="Step 1 of")


@pytest.mark.parametrize("data", ["a:possible-fall:maybe", "a:nonsense:yes", "a:fever:yes"])
async def test_a_forged_answer_to_the_question_is_refused(bot: Harness, data: str) -> None:
    phone = await started(bot)
    question = await phone.send("I fell", expect="Did a fall")
    bot.emulator.press(1001, question.message_id, data)
    alert = await bot.emulator.wait_for_call(
        "answerCallbackQuery", predicate=lambda c: bool(c.params.get("text"))
    )
    assert REMINDER not in alert.params["text"]
    assert (await one(bot)).safety_hold_since is None


# --- pain rules through the conversation ---------------------------------------------------


async def report(bot: Harness, phone: Phone, score: int, *, days: float = 1) -> str:
    reply = await phone.send(f"/pain {score}", expect=f"Recorded: pain {score}/10")
    bot.clock.advance(days=days)
    return reply.text


async def test_a_rise_from_0_to_3_is_a_check_in_not_a_flare(bot: Harness) -> None:
    phone = await started(bot)
    for _ in range(3):
        await report(bot, phone, 0)
    bot.clock.advance(days=3)  # the baseline settles 3 days before the report judged
    text = await report(bot, phone, 3)
    assert "A little above your usual (about 0)" in text
    assert not (await one(bot)).gentle


async def test_a_slow_creep_is_noticed(bot: Harness) -> None:
    phone = await started(bot)
    for _ in range(3):
        await report(bot, phone, 3)
    bot.clock.advance(days=2)
    assert "usual" not in await report(bot, phone, 4)  # one point: noise
    text = await report(bot, phone, 5)
    assert "clear step up from your usual (about 3)" in text
    intro = await phone.send("/now", expect="min")
    assert "Gentle version" in intro.text


async def test_repeated_high_pain_escalates_once(bot: Harness) -> None:
    phone = await started(bot)
    texts = [await report(bot, phone, 8) for _ in range(5)]
    escalations = [t for t in texts if "several high scores" in t]
    assert len(escalations) == 1
    assert "several high scores" in texts[2]  # the third 7+ within 14 days
    assert all("That's high" in t for t in texts[3:])


async def test_gentle_ends_on_a_settled_average_not_one_calmer_report(bot: Harness) -> None:
    phone = await started(bot)
    await report(bot, phone, 8)
    assert "Routines stay gentle" in await report(bot, phone, 4)
    assert "Routines stay gentle" in await report(bot, phone, 4)  # mean 5.3: not yet
    assert "back to your usual routines" in await report(bot, phone, 3)  # mean 3.7
    assert not (await one(bot)).gentle


async def test_a_real_improvement_is_acknowledged(bot: Harness) -> None:
    phone = await started(bot)
    for _ in range(3):
        await report(bot, phone, 6)
    bot.clock.advance(days=3)
    assert "real improvement on your usual (about 6)" in await report(bot, phone, 3)


async def test_no_self_test_offer_while_pain_is_high(bot: Harness) -> None:
    phone = await started(bot)
    bot.clock.advance(days=15)  # a self-test is due
    await phone.send("/pain 8", expect="That's high")
    await phone.send("/desk", expect="Step 1 of")
    mark = phone.mark()
    await phone.send("done", expect="Logged")
    await phone.send("hello", expect="Hello")
    assert not any("self-test" in t for t in phone.texts(mark))
    await phone.send("/pain 3", expect="Routines stay gentle")
    await phone.send("/pain 2", expect="back to your usual routines")
    bot.clock.advance(days=4)  # the 8 is more than 3 days old
    await phone.send("/desk", expect="Step 1 of")
    mark = phone.mark()
    await phone.send("done", expect="Logged")
    await phone.expect("self-test", after=mark)


# --- the clinician table ---------------------------------------------------------------------


def test_the_clinician_table_matches_the_code() -> None:
    doc = DOC.read_text(encoding="utf-8")
    table = doc.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    assert table == signs_table(), "content/SAFETY.md is stale: python -m bot.coach.safety_doc"
    rows = {line.split("|")[2].strip(" `"): line for line in table.splitlines()[2:]}
    for sign in SIGNS.values():
        row = rows[sign.category.value]
        assert f"**{sign.level.value}**" in row
        assert sign.plain in row
        assert sign.source in row


def test_the_clinician_document_cites_its_sources() -> None:
    doc = DOC.read_text(encoding="utf-8")
    for source in ("NICE NG59", "NICE CKS", "NHS: Cauda equina", "NHS: Back pain", "GIRFT/SBNS",
                   "AHCPR", "NegEx", "ConText"):  # fmt: skip
        assert source in doc
