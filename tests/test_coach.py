"""Plain unit tests of the coaching domain: no Telegram, no database, no clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.coach import intents, pain, progress, safety
from bot.coach.clock import (
    TimeParseError,
    ZoneParseError,
    guess_zone,
    parse_time,
    parse_zone,
    zone,
)
from bot.coach.intents import Intent

# --- red flags -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("I have numbness around my groin since this morning", safety.Urgency.EMERGENCY),
        ("tingling in my buttocks and back pain", safety.Urgency.EMERGENCY),
        ("I can't control my bladder anymore", safety.Urgency.EMERGENCY),
        ("lost control of my bowels last night", safety.Urgency.EMERGENCY),
        ("both legs feel weak and wobbly", safety.Urgency.EMERGENCY),
        ("my back hurts after a fall on the stairs", safety.Urgency.URGENT),
        ("I was in a car accident yesterday", safety.Urgency.EMERGENCY),
        ("my right leg feels weak", safety.Urgency.URGENT),
        ("I have a fever and my back aches", safety.Urgency.URGENT),
        ("the pain is worse at night", safety.Urgency.URGENT),
    ],
)
def test_red_flags_are_spotted_with_their_urgency(text: str, urgency: safety.Urgency) -> None:
    flags = safety.screen(text)
    assert flags, text
    assert flags[0].urgency is urgency


@pytest.mark.parametrize(
    "text",
    [
        "done",
        "my pain is 4",
        "desk stretch please",
        "I have no numbness or tingling",
        "no fever, just stiff",
        "I don't have any leg weakness",
        "I fall asleep at my desk",
        "my hamstrings feel tight after sitting",
    ],
)
def test_ordinary_messages_raise_no_flag(text: str) -> None:
    assert safety.screen(text) == []


def test_red_flag_reply_says_seek_care_and_names_the_guideline() -> None:
    reply = safety.red_flag_reply(safety.screen("loss of bladder control"), "999")
    assert "call 999" in reply
    assert "now" in reply
    assert "today" not in reply
    assert "NHS" in reply
    urgent = safety.red_flag_reply(safety.screen("I have a fever and my back aches"))
    assert "see a doctor today" in urgent.lower()
    assert " now" not in urgent


# --- pain ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "score"), [("6", 6), ("0", 0), ("10", 10), ("7/10", 7)])
def test_pain_scores_parse(text: str, score: int) -> None:
    assert pain.parse_score(text) == score


@pytest.mark.parametrize("text", ["11", "-1", "4.5", "six", "", "99/10"])
def test_bad_pain_scores_are_refused(text: str) -> None:
    with pytest.raises(pain.PainParseError):
        pain.parse_score(text)


@pytest.mark.parametrize(
    ("text", "score"),
    [("my pain is 4", 4), ("pain 6/10 today", 6), ("Pain level: 3", 3), ("about 5 out of 10", 5)],
)
def test_pain_in_free_text(text: str, score: int) -> None:
    assert pain.find_score(text) == score


def test_pain_out_of_range_in_free_text_is_refused() -> None:
    with pytest.raises(pain.PainParseError):
        pain.find_score("my pain is 12")
    assert pain.find_score("my back is stiff") is None


def test_pain_trend_words() -> None:
    assert "easing" in pain.trend([7, 6, 4, 3])
    assert "rising" in pain.trend([2, 2, 5, 6])
    assert "steady" in pain.trend([4, 4, 4, 4])
    assert "not enough" in pain.trend([4])


# --- times and zones ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07:15", time(7, 15)),
        ("7:15", time(7, 15)),
        ("7.15", time(7, 15)),
        ("21h00", time(21, 0)),
        ("7am", time(7, 0)),
        ("7:30 pm", time(19, 30)),
        ("12am", time(0, 0)),
        ("off", None),
        ("OFF", None),
    ],
)
def test_times_parse(text: str, expected: time | None) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:99", "noon-ish", "24:00", "7", "13pm", "", "07:60"])
def test_impossible_times_are_refused(text: str) -> None:
    with pytest.raises(TimeParseError):
        parse_time(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        ("Berlin", "Europe/Berlin"),
        ("new york", "America/New_York"),
        ("UTC+5:30", "UTC+05:30"),
        ("utc-3", "UTC-03:00"),
        ("GMT+5:45", "UTC+05:45"),
        ("UTC", "UTC"),
        ("Kathmandu", "Asia/Kathmandu"),
        ("Mumbai", "Asia/Kolkata"),
    ],
)
def test_zones_parse(text: str, expected: str) -> None:
    assert parse_zone(text) == expected


@pytest.mark.parametrize("text", ["Mars/Olympus", "UTC+15", "UTC+5:20", "", "nowhere"])
def test_unknown_zones_are_refused(text: str) -> None:
    with pytest.raises(ZoneParseError):
        parse_zone(text)


def test_fixed_offsets_and_iana_zones_convert() -> None:
    noon = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    assert noon.astimezone(zone("UTC+05:30")).strftime("%H:%M") == "17:30"
    assert noon.astimezone(zone("Europe/Berlin")).strftime("%H:%M") == "14:00"
    assert noon.astimezone(zone("Asia/Kathmandu")).strftime("%H:%M") == "17:45"


def test_zone_guess_from_language() -> None:
    assert guess_zone("de") == "Europe/Berlin"
    assert guess_zone("en") == "UTC"
    assert guess_zone(None, "Europe/London") == "Europe/London"


# --- streaks ------------------------------------------------------------------------------------

TODAY = date(2026, 11, 23)


def _days(*offsets: int) -> set[date]:
    return {TODAY - timedelta(days=o) for o in offsets}


@pytest.mark.parametrize(
    ("done", "expected"),
    [
        (set(), 0),
        (_days(0), 1),
        (_days(1), 1),  # today isn't over: yesterday's streak is alive
        (_days(0, 1, 2, 3), 4),
        (_days(0, 1, 3, 4), 4),  # one missed day is forgiven
        (_days(0, 2, 4), 2),  # two misses within a week end it
        (_days(0, 1, 4, 5), 2),  # two misses in a row end it
        (_days(0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 12, 13), 12),  # misses 7 days apart: both forgiven
        (_days(2, 3), 2),  # yesterday missed (forgiven), today not yet
        (_days(3, 4), 0),  # yesterday and the day before missed
    ],
)
def test_streak_forgives_one_missed_day_a_week(done: set[date], expected: int) -> None:
    assert progress.streak(done, TODAY) == expected


def test_milestones() -> None:
    assert progress.milestone_reached(2, 3) == 3
    assert progress.milestone_reached(6, 7) == 7
    assert progress.milestone_reached(7, 7) is None
    assert progress.milestone_reached(0, 1) is None


def test_sessions_this_week_start_on_monday() -> None:
    counts = {TODAY: 2, TODAY - timedelta(days=1): 1, TODAY - timedelta(days=7): 5}
    # 2026-11-23 is a Monday: only today's sessions count.
    assert progress.sessions_this_week(counts, TODAY) == 2
    assert progress.sessions_this_week(counts, TODAY + timedelta(days=1)) == 2


# --- free text ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("done", Intent.DONE),
        ("DONE", Intent.DONE),
        ("Done ✅", Intent.DONE),
        ("finished", Intent.DONE),
        ("all done!", Intent.DONE),
        ("desk stretch please", Intent.DESK),
        ("I'm at my desk", Intent.DESK),
        ("my pain is 4", Intent.PAIN),
        ("help", Intent.HELP),
        ("hello", Intent.GREETING),
        ("thanks", Intent.THANKS),
        ("what is the meaning of life", Intent.UNKNOWN),
        ("done with work, now what", Intent.UNKNOWN),
    ],
)
def test_free_text_intents(text: str, intent: Intent) -> None:
    assert intents.understand(text).intent is intent


def test_free_text_pain_carries_the_score_or_the_problem() -> None:
    assert intents.understand("my pain is 4").score == 4
    bad = intents.understand("my pain is 15")
    assert bad.intent is Intent.PAIN
    assert bad.score is None
    assert bad.problem
