"""A working week through Telegram (the real Application against the emulator, clock injected,
scheduler ticked by hand): /days, /breaks and /summary typed and on buttons, bad input for each,
a desk-break offer with Start / Snooze / Skip, no push after /now, the weekly summary message, and
a chosen day where the person's weekday is not UTC's."""

from __future__ import annotations

from datetime import UTC, datetime, time

from sqlalchemy import select

from bot.schedule.ticker import TickReport
from bot.store.db import Database
from bot.store.models import Delivery, Subscriber
from bot.telegram.context import SERVICES
from tests.conftest import Harness, Phone


async def tick(bot: Harness) -> TickReport:
    return await bot.app.bot_data[SERVICES].ticker.tick()


async def started(bot: Harness) -> Phone:
    phone = bot.phone(1001)
    await phone.send("/start", expect="stretchbot")
    return phone


async def subscriber(bot: Harness) -> Subscriber:
    db = Database(bot.db_url)
    try:
        async with db.session() as s:
            return (await s.execute(select(Subscriber))).scalar_one()
    finally:
        await db.close()


async def ledger(bot: Harness) -> dict[str, str]:
    db = Database(bot.db_url)
    try:
        async with db.session() as s:
            rows = (await s.execute(select(Delivery.slot, Delivery.status))).all()
            return {slot: status for slot, status in rows}
    finally:
        await db.close()


async def test_days_typed_and_bad_input(bot: Harness) -> None:
    phone = await started(bot)
    refused = await phone.send("/days funday", expect="days of the week")
    assert "/days weekdays" in refused.text
    assert "/days mon,wed,fri" in refused.text
    assert (await subscriber(bot)).days == 127  # nothing lost
    assert "weekdays" in (await phone.send("/days weekdays", expect="Routines now come")).text
    reply = await phone.send("/days MONDAY-wed", expect="Routines now come")
    assert "Mon, Tue, Wed" in reply.text
    assert (await subscriber(bot)).days == 0b0000111
    usage = await phone.send("/days", expect="Choose the days")
    assert any("Weekdays" in b.text for row in usage.buttons for b in row)


async def test_breaks_typed_shown_and_bad_input(bot: Harness) -> None:
    phone = await started(bot)
    shown = await phone.send("/breaks", expect="Desk breaks: off")
    assert "/breaks 09:00-17:30 every 60" in shown.text
    wrong_way = await phone.send("/breaks 18:00-09:00 every 60", expect="same day")
    assert "/breaks off" in wrong_way.text
    await phone.send("/breaks 09:00-17:00 every 10", expect="from 30 to 240 minutes")
    await phone.send("/breaks teatime", expect="isn't a window")
    assert (await subscriber(bot)).break_every is None  # nothing lost
    on = await phone.send("/breaks 09:00-17:30 every 60", expect="Desk breaks:")
    assert "09:00–17:30 every 60 min" in on.text
    assert "9 a day" in on.text
    await phone.send("/breaks", expect="Desk breaks: 09:00–17:30 every 60 min")
    await phone.send("/breaks off", expect="Desk breaks are off")
    assert (await subscriber(bot)).break_start is None


async def test_summary_typed_and_bad_input(bot: Harness) -> None:
    phone = await started(bot)
    await phone.send("/summary", expect="Weekly summary: Sundays at 20:30")  # on by default
    refused = await phone.send("/summary someday 25:00", expect="a day and a time")
    assert "/summary sunday 18:00" in refused.text
    await phone.send("/summary sunday 25:00", expect="a day and a time")
    await phone.send("/summary friday 17:15", expect="Fridays at 17:15")
    sub = await subscriber(bot)
    assert (sub.summary_weekday, sub.summary_at) == (4, time(17, 15))
    await phone.send("/summary off", expect="No weekly summary")
    assert (await subscriber(bot)).summary_weekday is None


async def test_week_settings_on_buttons(bot: Harness) -> None:
    phone = await started(bot)
    card = await phone.send("/settings", expect="Settings")
    assert "Days: every day" in card.text
    assert "Desk breaks: off" in card.text
    await phone.press(card, "Days")
    await phone.press(await phone.edited(card, "Weekdays"), "Weekdays")
    await phone.press(await phone.edited(card, "Desk breaks"), "Desk breaks")
    await phone.press(await phone.edited(card, "every 60 min"), "09:00–17:00 every 60 min")
    await phone.press(await phone.edited(card, "Weekly summary"), "Weekly summary: turn off")
    final = await phone.edited(card, "Weekly summary: turn on")
    assert "Days: weekdays" in final.text
    assert "Desk breaks: 09:00–17:00 every 60 min" in final.text
    assert "Weekly summary: off" in final.text
    sub = await subscriber(bot)
    assert (sub.days, sub.break_start, sub.break_every, sub.summary_weekday) == (
        0b0011111, time(9), 60, None,
    )  # fmt: skip


async def test_a_desk_break_offers_one_desk_stretch_with_start_snooze_skip(bot: Harness) -> None:
    bot.clock.now = datetime(2026, 11, 23, 8, 50, tzinfo=UTC)  # a Monday, UTC
    phone = await started(bot)
    await phone.send("/breaks 09:00-17:00 every 60", expect="Desk breaks:")
    bot.clock.now = datetime(2026, 11, 23, 9, 0, 1, tzinfo=UTC)
    mark = phone.mark()
    await tick(bot)
    offer = await phone.expect("Desk break:", after=mark)
    labels = [b.text for row in offer.buttons for b in row]
    assert labels == ["▶ Start", "⏰ Snooze 30 min", "Skip this one"]
    await phone.press(offer, "Start", expect="Step")
    assert (await ledger(bot))["break@09:00"] == "sent"
    bot.clock.now = datetime(2026, 11, 23, 10, 0, 1, tzinfo=UTC)
    mark = phone.mark()
    await tick(bot)
    second = await phone.expect("Desk break:", after=mark)
    await phone.press(second, "Skip this one", expect="Skipped this break")


async def test_no_push_after_now(bot: Harness) -> None:
    bot.clock.now = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    phone = await started(bot)
    await phone.send("/now", expect="min")
    bot.clock.now = datetime(2026, 11, 23, 7, 30, 1, tzinfo=UTC)
    mark = phone.mark()
    report = await tick(bot)
    assert report.skipped == 1
    assert report.sent == 0
    assert not any("morning routine" in t for t in phone.texts(mark))
    assert (await ledger(bot))["morning"] == "skipped"


async def test_the_weekly_summary_message(bot: Harness) -> None:
    bot.clock.now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # Monday
    phone = await started(bot)
    await phone.send("/morning off", expect="morning routine is off")
    await phone.send("/evening off", expect="evening routine is off")
    await phone.send("/pain 6", expect="Recorded")
    for day in (24, 26):
        bot.clock.now = datetime(2026, 11, day, 12, 0, tzinfo=UTC)
        await phone.send("/desk", expect="min")
        await phone.send("done", expect="Logged")
    await phone.send("/pain 4", expect="Recorded")
    bot.clock.now = datetime(2026, 11, 29, 18, 0, 1, tzinfo=UTC)  # Sunday; evening off: 18:00
    mark = phone.mark()
    await tick(bot)
    summary = await phone.expect("Your week", after=mark)
    assert "Done: 2 sessions on 2 days" in summary.text
    assert "Pain: 6/10 then, 4/10 now" in summary.text
    assert "Programme: week 1 of 8" in summary.text
    await tick(bot)  # once
    assert sum("Your week" in t for t in phone.texts(mark)) == 1


async def test_a_chosen_day_is_the_persons_weekday_not_utcs(bot: Harness) -> None:
    bot.clock.now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    phone = await started(bot)
    await phone.send("/timezone Pacific/Auckland", expect="Time zone set")
    await phone.send("/evening off", expect="evening routine is off")
    await phone.send("/summary off", expect="No weekly summary")
    await phone.send("/days mon", expect="Mon")
    # Sunday 29 November 18:30 UTC is Monday 30 November 07:30 in Auckland (NZDT).
    bot.clock.now = datetime(2026, 11, 29, 18, 30, 1, tzinfo=UTC)
    mark = phone.mark()
    await tick(bot)
    await phone.expect("morning routine", after=mark)
    # Tuesday morning in Auckland: nothing.
    bot.clock.now = datetime(2026, 11, 30, 18, 30, 1, tzinfo=UTC)
    mark = phone.mark()
    report = await tick(bot)
    assert report.sent == 0
