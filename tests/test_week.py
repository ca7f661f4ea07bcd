"""A working week, the pure rules: reading /days, /breaks and /summary; due times that skip days
not chosen (also where today is another weekday than in UTC); desk breaks across a DST change;
the streak that pauses with the person."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.coach import progress, week
from bot.errors import Field, InvalidInput
from bot.schedule.due import break_label, day_breaks, next_break, next_due

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


@pytest.mark.parametrize(
    ("typed", "days"),
    [
        ("weekdays", {MON, TUE, WED, THU, FRI}),
        ("every day", set(range(7))),
        ("Every Day", set(range(7))),
        ("mon,wed,fri", {MON, WED, FRI}),
        ("Mon, Wed, Fri", {MON, WED, FRI}),
        ("MONDAY wednesday Friday", {MON, WED, FRI}),
        ("mon-fri", {MON, TUE, WED, THU, FRI}),
        ("Monday-Thursday", {MON, TUE, WED, THU}),
        ("fri-mon", {FRI, SAT, SUN, MON}),
        ("tues,thurs", {TUE, THU}),
        ("weekends", {SAT, SUN}),
    ],
)
def test_days_are_read_in_any_of_the_usual_forms(typed: str, days: set[int]) -> None:
    assert week.weekdays_of(week.parse_days(typed)) == days


@pytest.mark.parametrize("typed", ["funday", "mon,funday", "", "m", "mon-xyz", "7"])
def test_days_that_are_not_days_are_refused(typed: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        week.parse_days(typed)
    assert refused.value.field is Field.DAYS


def test_days_are_described_the_way_people_say_them() -> None:
    assert week.describe_days(week.parse_days("mon-fri")) == "weekdays"
    assert week.describe_days(week.parse_days("every day")) == "every day"
    assert week.describe_days(week.parse_days("fri,mon,wed")) == "Mon, Wed, Fri"


def test_breaks_start_at_the_window_and_come_every_n_minutes_through_it() -> None:
    breaks = week.parse_breaks("09:00-17:30 every 60")
    assert breaks is not None
    assert breaks.times() == tuple(time(h) for h in range(9, 18))  # 09:00 … 17:00
    assert week.parse_breaks("9am to 5pm every 90") == week.Breaks(time(9), time(17), 90)
    assert week.parse_breaks("off") is None


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("18:00-09:00 every 60", "window"),  # not inside one day
        ("09:00-09:00 every 60", "window"),
        ("09:00-17:00 every 10", "every"),  # under 30
        ("09:00-17:00 every 241", "every"),
        ("09:00-25:00 every 60", ""),
        ("lunchtime", ""),
        ("09:00-17:00 every often", ""),
    ],
)
def test_break_settings_outside_the_rules_are_refused(typed: str, hint: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        week.parse_breaks(typed)
    assert refused.value.field is Field.BREAKS
    assert refused.value.hint == hint


def test_summary_day_and_time() -> None:
    assert week.parse_summary("sunday 18:00") == week.SummaryAt(SUN, time(18))
    assert week.parse_summary("Fri") == week.SummaryAt(FRI, None)
    assert week.parse_summary("on") == week.DEFAULT_SUMMARY
    assert week.parse_summary("off") is None
    # No time of its own: the evening routine's, else 18:00.
    assert week.summary_time(week.DEFAULT_SUMMARY, time(20, 30)) == time(20, 30)
    assert week.summary_time(week.DEFAULT_SUMMARY, None) == time(18)
    for typed in ("someday 25:00", "sunday 25:00", "someday 18:00", "sunday at 6 then", ""):
        with pytest.raises(InvalidInput) as refused:
            week.parse_summary(typed)
        assert refused.value.field is Field.SUMMARY


def test_due_times_skip_days_not_chosen() -> None:
    tz = ZoneInfo("Europe/Berlin")
    friday_evening = datetime(2026, 6, 5, 19, 0, tzinfo=UTC)  # Fri 5 June, 21:00 in Berlin
    weekdays = week.weekdays_of(week.WEEKDAYS)
    due, day = next_due(time(7, 30), tz, after=friday_evening, weekdays=weekdays)
    assert day == date(2026, 6, 8)  # Monday, not Saturday
    assert due == datetime(2026, 6, 8, 5, 30, tzinfo=UTC)


def test_the_chosen_day_is_the_persons_not_utcs() -> None:
    # Sunday 7 June 20:00 UTC is already Monday 8 June 08:00 in Auckland.
    tz = ZoneInfo("Pacific/Auckland")
    now = datetime(2026, 6, 7, 12, 0, tzinfo=UTC)  # Monday 00:00 in Auckland
    due, day = next_due(time(7, 30), tz, after=now, weekdays=frozenset({MON}))
    assert (day, day.weekday()) == (date(2026, 6, 8), MON)
    assert due == datetime(2026, 6, 7, 19, 30, tzinfo=UTC)  # a Sunday in UTC
    assert due.weekday() == SUN


def test_desk_breaks_keep_local_time_across_the_clocks_going_forward() -> None:
    london = ZoneInfo("Europe/London")  # clocks go forward at 01:00 UTC on Sunday 29 March 2026
    times = week.Breaks(time(9), time(11), 60).times()
    friday = day_breaks(date(2026, 3, 27), times, london)
    monday = day_breaks(date(2026, 3, 30), times, london)
    assert friday == [datetime(2026, 3, 27, h, 0, tzinfo=UTC) for h in (9, 10)]  # GMT
    assert monday == [datetime(2026, 3, 30, h, 0, tzinfo=UTC) for h in (8, 9)]  # BST
    assert [break_label(i, london) for i in monday] == ["break@09:00", "break@10:00"]


def test_desk_breaks_in_the_skipped_hour_come_once_at_its_end() -> None:
    london = ZoneInfo("Europe/London")
    times = week.Breaks(time(0, 30), time(3), 30).times()  # 00:30, 01:00, 01:30, 02:00, 02:30
    sunday = day_breaks(date(2026, 3, 29), times, london)
    # 01:00 and 01:30 do not exist that night: one break at 02:00 BST stands for them.
    assert sunday == [
        datetime(2026, 3, 29, 0, 30, tzinfo=UTC),
        datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
        datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
    ]
    assert [break_label(i, london) for i in sunday] == [
        "break@00:30",
        "break@02:00",
        "break@02:30",
    ]
    every_day = week.weekdays_of(week.EVERY_DAY)
    after = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)
    assert next_break(times, london, after=after, weekdays=every_day) == (
        datetime(2026, 3, 29, 1, 0, tzinfo=UTC), date(2026, 3, 29),
    )  # fmt: skip
    taken = frozenset({(date(2026, 3, 29), "break@02:00")})
    assert next_break(times, london, after=after, weekdays=every_day, skip=taken) == (
        datetime(2026, 3, 29, 1, 30, tzinfo=UTC), date(2026, 3, 29),
    )  # fmt: skip


def test_desk_breaks_only_on_chosen_days() -> None:
    times = week.Breaks(time(9), time(10), 60).times()
    saturday = datetime(2026, 6, 6, 12, 0, tzinfo=UTC)
    found = next_break(
        times, ZoneInfo("UTC"), after=saturday, weekdays=week.weekdays_of(week.WEEKDAYS)
    )
    assert found == (datetime(2026, 6, 8, 9, 0, tzinfo=UTC), date(2026, 6, 8))
    assert next_break(times, ZoneInfo("UTC"), after=saturday, weekdays=frozenset()) is None


def _days(first: date, count: int, *, skip: tuple[int, ...] = ()) -> set[date]:
    return {first + timedelta(days=i) for i in range(count) if i not in skip}


def test_days_off_neither_break_nor_extend_the_streak() -> None:
    monday = date(2026, 6, 1)
    # Two working weeks done, weekends off: without /days the two weekends break it...
    done = {d for d in _days(monday, 12) if d.weekday() < SAT}
    today = date(2026, 6, 12)
    assert progress.streak(done, today) == 5
    # ...with /days weekdays they are frozen: ten days, not twelve.
    frozen = week.frozen_days((), week.WEEKDAYS, monday, today)
    assert progress.streak(done, today, frozen) == 10


def test_a_pause_freezes_the_streak() -> None:
    start = date(2026, 6, 1)
    done = _days(start, 5) | _days(date(2026, 6, 13), 3)  # 1–5 June, pause, 13–15 June
    today = date(2026, 6, 15)
    assert progress.streak(done, today) == 3  # the pause broke it
    frozen = week.frozen_days(
        [(date(2026, 6, 6), date(2026, 6, 13))], week.EVERY_DAY, start, today
    )
    assert date(2026, 6, 13) not in frozen  # resumed that day
    assert progress.streak(done, today, frozen) == 8  # neither broken nor extended by the pause
    # A miss outside the pause still counts as one: the usual one-in-seven forgiveness.
    assert progress.streak(done - {date(2026, 6, 14)}, today, frozen) == 7


def test_a_desk_break_is_skipped_after_a_recent_stretch() -> None:
    now = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
    assert week.stretched_recently(now - timedelta(minutes=29), now)
    assert not week.stretched_recently(now - timedelta(minutes=31), now)
    assert not week.stretched_recently(None, now)


def test_ledger_slots_name_their_kind() -> None:
    assert week.kind_of("break@09:00") is week.Kind.BREAK
    assert week.kind_of("morning") is week.Kind.MORNING
    assert week.kind_of("summary") is week.Kind.SUMMARY


def test_the_progress_chart_shows_a_pause() -> None:
    from bot.charts import render_progress

    today = date(2026, 11, 27)
    sessions = {today - timedelta(days=i): 1 for i in range(0, 20, 2)}
    paused = frozenset(today - timedelta(days=i) for i in range(8, 14))
    plain = render_progress(today, sessions, [])
    shaded = render_progress(today, sessions, [], paused=paused, rest_days=frozenset())
    assert shaded.startswith(b"\x89PNG")
    assert shaded != plain  # the band and its "paused" label are drawn
