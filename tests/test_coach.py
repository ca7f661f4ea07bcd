"""Plain unit tests of the coaching domain: no Telegram, no database, no clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.coach import intents, pain, plan, progress, safety
from bot.coach.clock import (
    TimeParseError,
    ZoneParseError,
    format_time,
    guess_zone,
    parse_time,
    parse_zone,
    zone,
)
from bot.coach.intents import Intent
from bot.content.model import Library, Slot

# --- red flags -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("I have numbness around my groin since this morning", safety.Urgency.EMERGENCY),
        ("tingling in my buttocks and back pain", safety.Urgency.EMERGENCY),
        ("I can't control my bladder anymore", safety.Urgency.EMERGENCY),
        ("lost control of my bowels last night", safety.Urgency.EMERGENCY),
        ("both legs feel weak and wobbly", safety.Urgency.EMERGENCY),
        ("my back hurts after a fall on the stairs", safety.Urgency.EMERGENCY),
        ("I was in a car accident yesterday", safety.Urgency.EMERGENCY),
        ("there's tingling down my left leg", safety.Urgency.URGENT),
        ("numbness in my foot when I sit", safety.Urgency.URGENT),
        ("my right leg feels weak", safety.Urgency.URGENT),
        ("I have a fever and my back aches", safety.Urgency.URGENT),
        ("the pain is worse at night", safety.Urgency.URGENT),
        ("shooting pain down my leg", safety.Urgency.URGENT),
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
    reply = safety.red_flag_reply(safety.screen("loss of bladder control"))
    assert "seek medical care" in reply.lower()
    assert "emergency" in reply.lower()
    assert "NHS" in reply
    urgent = safety.red_flag_reply(safety.screen("tingling down my leg"))
    assert "seek medical care promptly" in urgent.lower()


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
        ("12pm", time(12, 0)),
        ("1am", time(1, 0)),
        ("7:15 p.m.", time(19, 15)),
        (" 23:59 ", time(23, 59)),
        ("00:00", time(0, 0)),
        ("off", None),
        ("OFF", None),
    ],
)
def test_times_parse(text: str, expected: time | None) -> None:
    assert parse_time(text) == expected


def test_times_print_as_the_person_set_them() -> None:
    assert format_time(time(7, 5)) == "07:05"
    assert format_time(time(21, 30)) == "21:30"
    assert format_time(None) == "off"


@pytest.mark.parametrize(
    "text", ["25:99", "noon-ish", "24:00", "7", "13pm", "", "07:60", "0am", "7:5"]
)
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
        ("America/New_York", "America/New_York"),  # underscores and spaces are the same
        ("new_york", "America/New_York"),
        ("  New   York ", "America/New_York"),
        ("Lord Howe", "Australia/Lord_Howe"),
        ("ho chi minh", "Asia/Ho_Chi_Minh"),
        ("+5:30", "UTC+05:30"),
        ("UTC + 5 30", "UTC+05:30"),
        ("UTC+14", "UTC+14:00"),  # the widest offsets in use
        ("UTC-12", "UTC-12:00"),
        ("UTC+0", "UTC"),
        ("GMT-00:00", "UTC"),
        ("UTC-9:30", "UTC-09:30"),
        ("UTC+3:15", "UTC+03:15"),
    ],
)
def test_zones_parse(text: str, expected: str) -> None:
    assert parse_zone(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Mars/Olympus", "UTC+15", "UTC+5:20", "", "   ", "nowhere", "UTC+14:15", "UTC-12:30"],
)
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
    assert guess_zone("de-AT") == "Europe/Berlin"  # a region does not hide the language
    assert guess_zone("JA") == "Asia/Tokyo"
    assert guess_zone("", "Europe/Paris") == "Europe/Paris"
    assert guess_zone("xx", "Europe/Paris") == "Europe/Paris"
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
        (_days(0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 12, 13), 12),  # misses 8 days apart: both forgiven
        # The window is exactly a week: misses 7 days apart are two weeks' one miss each...
        (_days(0, 1, 2, 4, 5, 6, 7, 8, 9, 11, 12), 11),
        # ...and misses 6 days apart fall in one week: the older one ends the streak.
        (_days(0, 1, 2, 4, 5, 6, 7, 8, 10, 11), 8),
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


# --- plan ---------------------------------------------------------------------------------------


def test_now_means_the_morning_routine_until_two_in_the_afternoon() -> None:
    assert plan.slot_for(time(0, 0)) == Slot.MORNING
    assert plan.slot_for(time(13, 59)) == Slot.MORNING
    assert plan.slot_for(time(14, 0)) == Slot.EVENING
    assert plan.slot_for(time(23, 59)) == Slot.EVENING


@pytest.mark.parametrize("gentle", [False, True])
def test_desk_stretches_rotate_without_a_repeat_until_all_were_shown(
    library: Library, gentle: bool
) -> None:
    routine = library.routine_for(Slot.DESK)
    ids = routine.gentle_cards if gentle else routine.cards
    cursor, shown = 0, []
    for _ in range(len(ids) + 1):
        planned, cursor = plan.desk_stretch(library, cursor, gentle=gentle)
        assert planned.slot == Slot.DESK
        assert planned.gentle is gentle
        assert planned.routine_id == routine.id
        assert planned.intro == routine.intro
        assert len(planned.cards) == 1
        assert planned.title == planned.cards[0].title
        shown.append(planned.cards[0].id)
    assert shown[:-1] == list(ids)  # every card once, in order...
    assert shown[-1] == ids[0]  # ...then round again
    assert cursor == 1


def test_routine_minutes_round_the_cards_seconds_and_are_at_least_one(library: Library) -> None:
    cards = tuple(library.cards[c] for c in sorted(library.cards)[:3])
    seconds = sum(card.seconds(None) for card in cards)
    assert plan.minutes(cards, None) == max(1, round(seconds / 60))
    longer = sum(card.seconds(60) for card in cards)
    assert plan.minutes(cards, 60) == round(longer / 60) > plan.minutes(cards[:1], 15)
    assert plan.minutes((), None) == 1  # never "a 0-minute routine"
    (one,) = cards[:1]
    assert plan.minutes((one,), 1) == max(1, round(one.seconds(1) / 60))
