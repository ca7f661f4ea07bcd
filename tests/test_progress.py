"""Progress people can see, the 8-week programme, self-tests, and people's data in their hands."""

from __future__ import annotations

import csv
import io
import json
import struct
import zipfile
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.charts import render_progress
from bot.coach import programme
from bot.content.model import GENTLE_HOLD, Kind, Library, Slot
from bot.store.db import Database
from bot.store.repo import PERSONAL_TABLES
from bot.telegram.context import SERVICES
from tests.conftest import Harness, Phone
from tests.test_conversation import started

TODAY = date(2026, 11, 23)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("days", [0, 1, 60])
def test_chart_is_a_small_readable_png_for_any_amount_of_data(days: int) -> None:
    sessions = {TODAY - timedelta(days=i): 1 + i % 2 for i in range(days)}
    pain = [
        (datetime(2026, 11, 23, 8, tzinfo=UTC) - timedelta(days=i), (i * 3) % 11)
        for i in range(days)
    ]
    png = render_progress(TODAY, sessions, pain, self_tests=[(TODAY, "sit-and-reach: -4 cm")])
    width, height = png_size(png)
    assert 600 <= width <= 1280
    assert 500 <= height <= 1280
    assert len(png) < 200_000  # far under Telegram's 10 MB photo limit
    import matplotlib.image

    pixels = matplotlib.image.imread(io.BytesIO(png), format="png")
    assert pixels.shape[:2] == (height, width)
    assert pixels.std() > 0.05  # something was drawn


# --- the programme -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("week", "days_in", "done", "gentle", "expected", "held"),
    [
        (1, 7, 8, False, 2, False),  # a full week and 8 sessions: up
        (1, 7, 7, False, 1, False),  # not enough sessions
        (1, 3, 14, False, 1, False),  # plenty of sessions, but not the calendar alone either
        (1, 7, 8, True, 1, True),  # pain flaring: hold still
        (8, 30, 14, False, 8, False),  # the plan ends at week 8
        (4, 10, 9, False, 5, False),
    ],
)
def test_programme_advances_on_effort_and_holds_for_pain(
    week: int, days_in: int, done: int, gentle: bool, expected: int, held: bool
) -> None:
    decision = programme.next_week(
        week, TODAY - timedelta(days=days_in), TODAY, done, gentle=gentle
    )
    assert decision.week == expected
    assert decision.held_for_pain == held


def test_routines_pair_stretches_with_core_and_lengthen_holds(library: Library) -> None:
    holds = []
    for week in (1, 3, 5, 7):
        morning = programme.routine_for_week(library, Slot.MORNING, week, gentle=False)
        stage = library.stage_for_week(week)
        ids = {card.id for card in morning.cards}
        assert set(stage.stretches) <= ids
        assert set(stage.core) <= ids
        assert any(card.kind is Kind.CORE for card in morning.cards)
        assert 5 <= morning.minutes <= 10
        holds.append(morning.hold_seconds)
    assert holds == sorted(holds)
    assert holds[0] == 15
    assert holds[-1] == 30


def test_gentle_routines_have_no_core_work_and_the_flare_hold(library: Library) -> None:
    for slot in (Slot.MORNING, Slot.EVENING):
        gentle = programme.routine_for_week(library, slot, 6, gentle=True)
        assert all(card.gentle for card in gentle.cards)
        assert not any(card.kind is Kind.CORE for card in gentle.cards)
        assert gentle.hold_seconds == GENTLE_HOLD


def test_self_tests_every_two_weeks_alternating(library: Library) -> None:
    start = TODAY - timedelta(days=20)
    assert programme.self_test_due(None, start, TODAY)
    assert not programme.self_test_due(TODAY - timedelta(days=3), start, TODAY)
    first = programme.self_test_card(library, None)
    second = programme.self_test_card(library, first.id)
    assert {first.id, second.id} == {"sit-and-reach-test", "straight-leg-raise-test"}
    assert programme.self_test_card(library, second.id) == first


# --- through the emulator -------------------------------------------------------------------


async def test_progress_before_any_data_is_a_friendly_text(bot: Harness) -> None:
    phone = await started(bot)
    mark = phone.mark()
    await phone.send("/progress", expect="Nothing to chart yet")
    assert all(m.kind == "text" for m in bot.emulator.chat(1001)[mark:])


async def test_a_week_of_sessions_and_pain_reports_shows_a_chart(bot: Harness) -> None:
    phone = await started(bot)
    for day in range(7):
        await phone.send("/desk", expect="🪑")
        await phone.send("done", expect="Logged")
        await phone.send(f"/pain {6 - day // 2}", expect="Recorded")
        bot.clock.advance(days=1)
    mark = phone.mark()
    bot.emulator.send_text(1001, "/progress")
    photo = await phone.emulator.wait_for_message(
        1001, after=mark, predicate=lambda m: m.kind == "photo", timeout=15
    )
    assert photo.file_bytes is not None
    png_size(photo.file_bytes)
    assert "Streak: 7 days" in (photo.text or "")
    assert "Programme: week 1 of 8" in (photo.text or "")
    assert "easing" in (photo.text or "")


async def test_milestones_and_moving_up_a_programme_week(bot: Harness) -> None:
    phone = await started(bot)
    replies = []
    for _ in range(8):
        await phone.send("/desk", expect="🪑")
        await phone.send("/desk", expect="🪑")
        replies.append((await phone.send("done", expect="Logged")).text)
        replies.append((await phone.send("done", expect="Logged")).text)
        bot.clock.advance(days=1)
    assert any("🏅 3 days in a row" in r for r in replies)
    assert any("🏅 A whole week" in r for r in replies)
    assert any("On to week 2" in r for r in replies)
    mark = phone.mark()
    bot.emulator.send_text(1001, "/progress")
    photo = await phone.emulator.wait_for_message(
        1001, after=mark, predicate=lambda m: m.kind == "photo", timeout=15
    )
    assert "Programme: week 2 of 8" in (photo.text or "")


async def test_pain_holds_the_programme_back(bot: Harness) -> None:
    phone = await started(bot)
    await phone.send("/pain 8", expect="Recorded")
    replies = []
    for _ in range(8):
        await phone.send("/desk", expect="🪑")
        await phone.send("/desk", expect="🪑")
        await phone.send("done", expect="Logged")
        replies.append((await phone.send("done", expect="Logged")).text)
        bot.clock.advance(days=1)
    assert not any("On to week 2" in r for r in replies)
    assert any("stay here until it settles" in r for r in replies)


async def test_self_test_offer_and_results_show_in_progress(bot: Harness) -> None:
    phone = await started(bot)
    bot.clock.advance(days=15)
    await phone.send("/desk", expect="🪑")
    mark = phone.mark()
    await phone.send("done", expect="Logged")
    await phone.expect("self-test", after=mark)
    ask = await phone.expect("How far did you reach?", after=mark)
    await phone.press(ask, "-5")
    await bot.emulator.wait_for_call(
        "editMessageText", predicate=lambda c: "Sit-and-reach -5 cm" in c.params.get("text", "")
    )
    await phone.send("/selftest reach 3", expect="Last time: -5 cm")
    await phone.send("/selftest reach 99", expect="from -40 to 40")
    mark = phone.mark()
    bot.emulator.send_text(1001, "/selftest")
    slr = await phone.expect("How high did your straight leg go", after=mark)
    await phone.press(slr, "45–70°")
    await bot.emulator.wait_for_call(
        "editMessageText",
        predicate=lambda c: "Straight-leg raise 45–70°" in c.params.get("text", ""),
    )
    mark = phone.mark()
    bot.emulator.send_text(1001, "/progress")
    photo = await bot.emulator.wait_for_message(
        1001, after=mark, predicate=lambda m: m.kind == "photo", timeout=15
    )
    assert "Last self-test: straight-leg-raise: 45–70°" in (photo.text or "")


async def _count_rows(db_url: str, chat_id: int) -> dict[str, int]:
    db = Database(db_url)
    try:
        async with db.session() as s:
            return {
                model.__tablename__: int(
                    (await s.execute(select(func.count()).where(column == chat_id))).scalar_one()
                )
                for model, column in PERSONAL_TABLES
            }
    finally:
        await db.close()


async def _use_everything(phone: Phone) -> None:
    await phone.send("/desk", expect="🪑")
    await phone.send("done", expect="Logged")
    await phone.send("/pain 3", expect="Recorded")
    await phone.send("/selftest reach -2", expect="Recorded")


async def test_export_has_exactly_the_users_rows(bot: Harness) -> None:
    ada = await started(bot, 1001)
    bob = await started(bot, 1002)
    await _use_everything(ada)
    await _use_everything(bob)
    bot.clock.advance(hours=1)
    await bot.app.bot_data[SERVICES].ticker.tick()
    mark = ada.mark()
    bot.emulator.send_text(1001, "/export")
    first = await bot.emulator.wait_for_message(
        1001, after=mark, predicate=lambda m: m.kind == "document"
    )
    second = await bot.emulator.wait_for_message(
        1001, after=mark, predicate=lambda m: m.kind == "document" and m is not first
    )
    assert first.file_name == "stretchbot-data.json"
    assert second.file_name == "stretchbot-data.zip"
    data = json.loads(first.file_bytes or b"")
    counts = await _count_rows(bot.db_url, 1001)
    assert {name: len(rows) for name, rows in data.items()} == counts
    assert counts["sessions"] >= 1
    assert counts["pain_reports"] == 1
    assert counts["self_tests"] == 1
    for rows in data.values():
        for row in rows:
            assert row["chat_id"] == 1001
    with zipfile.ZipFile(io.BytesIO(second.file_bytes or b"")) as archive:
        pain = list(csv.DictReader(io.StringIO(archive.read("pain_reports.csv").decode())))
        assert [row["score"] for row in pain] == ["3"]
        assert set(archive.namelist()) == {f"{name}.csv" for name in data}


async def test_forget_deletes_every_row_and_the_scheduler_skips_them(bot: Harness) -> None:
    ada = await started(bot, 1001)
    bob = await started(bot, 1002)
    await _use_everything(ada)
    await _use_everything(bob)
    question = await ada.send("/forget", expect="can't be undone")
    await ada.press(question, "No, keep it")
    await bot.emulator.wait_for_call(
        "editMessageText", predicate=lambda c: "Nothing was deleted" in c.params.get("text", "")
    )
    assert (await _count_rows(bot.db_url, 1001))["subscribers"] == 1
    question = await ada.send("/forget", expect="can't be undone")
    await ada.press(question, "Yes, delete everything")
    await bot.emulator.wait_for_call(
        "editMessageText",
        predicate=lambda c: "everything about you is deleted" in c.params.get("text", ""),
    )
    assert set((await _count_rows(bot.db_url, 1001)).values()) == {0}
    assert (await _count_rows(bot.db_url, 1002))["subscribers"] == 1
    await ada.send("/progress", expect="Send /start")
    # The next morning only Bob gets a routine.
    bot.clock.now = (bot.clock.now + timedelta(days=1)).replace(hour=7, minute=31)
    report = await bot.app.bot_data[SERVICES].ticker.tick()
    assert report.sent == 1
    assert not any("morning routine" in t for t in ada.texts(ada.mark() - 1))
