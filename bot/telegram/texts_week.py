"""Every word about the working week: /days, /breaks, /summary, the desk-break offer and the weekly
summary (HTML parse mode: dynamic parts are escaped here). The command list is in `texts.COMMANDS`.
"""

from __future__ import annotations

from html import escape

from bot.coach import week
from bot.coach.clock import format_time
from bot.usecases import Profile, WeeklySummary

DAY_TITLES = tuple(name.title() for name in week.DAY_NAMES)

DAYS_USAGE = (
    "Choose the days your routines come on:\n/days weekdays\n/days every day\n"
    "/days mon,wed,fri\n/days mon-thu\nShort or full day names, any case."
)


def days_invalid(given: str) -> str:
    """Reply to days we can't read."""
    return f'I can\'t read "{escape(given[:40])}" as days of the week. ' + DAYS_USAGE


def days_line(profile: Profile) -> str:
    """The chosen days, for settings and replies."""
    return week.describe_days(profile.days)


def days_set(profile: Profile) -> str:
    """Reply after /days."""
    return (
        f"Routines now come on {days_line(profile)} ({escape(profile.timezone)}). "
        "Days off don't count against your streak."
    )


BREAKS_USAGE = (
    "Desk breaks: one short stretch at the start of your work hours and every so often "
    "through them, on your routine days.\n"
    "/breaks 09:00-17:30 every 60 (every 30 to 240 minutes)\n/breaks off"
)


def breaks_invalid(given: str, hint: str) -> str:
    """Reply to a break setting we can't use."""
    why = {
        "window": "The window has to start and end on the same day, start first.",
        "every": "The interval has to be from 30 to 240 minutes.",
    }.get(hint, "That isn't a window and interval I can read.")
    return f'"{escape(given[:40])}": {why}\n\n' + BREAKS_USAGE


def breaks_line(profile: Profile) -> str:
    """The break setting in a few words."""
    b = profile.breaks
    if b is None:
        return "off"
    return f"{format_time(b.start)}–{format_time(b.end)} every {b.every} min"


def breaks_shown(profile: Profile) -> str:
    """Reply to /breaks alone: the setting now, and the form."""
    return f"Desk breaks: {breaks_line(profile)}.\n\n{BREAKS_USAGE}"


def breaks_set(profile: Profile) -> str:
    """Reply after /breaks."""
    b = profile.breaks
    if b is None:
        return "Desk breaks are off. /breaks 09:00-17:30 every 60 turns them on."
    count = len(b.times())
    return (
        f"Desk breaks: {breaks_line(profile)}, on {days_line(profile)}: {count} a day. "
        "I skip one if you've stretched in the last half hour."
    )


SUMMARY_USAGE = (
    "A short summary of your week, on the day and time you choose:\n/summary sunday 18:00\n"
    "/summary off\n(/summary on: Sundays at your evening routine's time.)"
)


def summary_invalid(given: str) -> str:
    """Reply to a summary setting we can't read."""
    return f'I can\'t read "{escape(given[:40])}" as a day and a time. ' + SUMMARY_USAGE


def summary_line(profile: Profile) -> str:
    """When the summary comes."""
    if profile.summary is None or profile.summary_time is None:
        return "off"
    return f"{DAY_TITLES[profile.summary.weekday]}s at {format_time(profile.summary_time)}"


def summary_set(profile: Profile) -> str:
    """Reply after /summary."""
    if profile.summary is None:
        return "No weekly summary. /summary on brings it back."
    return f"Your weekly summary comes on {summary_line(profile)}."


def week_settings(profile: Profile) -> str:
    """The settings card's lines about the week."""
    return (
        f"Days: {days_line(profile)}\nDesk breaks: {breaks_line(profile)}\n"
        f"Weekly summary: {summary_line(profile)}"
    )


CHOOSE_DAYS = "Which days should routines come on? Or type /days mon,wed,fri."
CHOOSE_BREAKS = "Desk breaks during your work hours? Or type /breaks 08:30-16:00 every 45."


def desk_break(title: str, minutes: int, *, snoozed: bool) -> str:
    """The desk-break offer: one desk stretch with Start / Snooze / Skip."""
    again = "Snoozed break, as promised: " if snoozed else ""
    return f"🪑 {again}Desk break: {escape(title)}, about {minutes} min. Stand up and stretch?"


KEEP_BREAKS = "Thanks! Your desk breaks are back on."
SKIP_BREAK_BUTTON = "Skip this one"
SKIPPED_BREAK = "Skipped this break. I'll offer the next one at its time."

NAG_BREAKS = (
    "The last three desk breaks went by without a tap, so I'll hold them for now. Is the window "
    "or the interval wrong? Change them, pause for a while, or keep them as they are."
)


def weekly_summary(s: WeeklySummary) -> str:
    """The weekly summary message."""
    sessions = f"{s.sessions} session{'s' if s.sessions != 1 else ''}"
    days = f"{s.days_stretched} day{'s' if s.days_stretched != 1 else ''}"
    if s.pain_now is None:
        pain = "no pain reports this week"
    elif s.pain_then is None or s.pain_then == s.pain_now:
        pain = f"{s.pain_now}/10"
    else:
        pain = f"{s.pain_then}/10 then, {s.pain_now}/10 now"
    lines = [
        "📬 <b>Your week</b>",
        f"Done: {sessions} on {days}",
        f"Pain: {pain}",
        f"Streak: {s.streak} day{'s' if s.streak != 1 else ''}",
        f"Programme: week {s.programme_week} of 8",
        "",
        encouragement(s),
    ]
    return "\n".join(lines)


def encouragement(s: WeeklySummary) -> str:
    """One line that fits the week's numbers."""
    if s.pain_now is not None and s.pain_then is not None and s.pain_then - s.pain_now >= 2:
        return "Your pain is clearly down on where it was. Keep doing what you're doing."
    if s.days_stretched >= 5:
        return "A strong week: this is what makes hamstrings give. Same again?"
    if s.days_stretched >= 3:
        return "A solid week. One more day next week would make it even better."
    if s.days_stretched >= 1:
        return "Every session counts. A few minutes a day is all it takes: /now any time."
    if s.days_off >= 7:
        return "A week off. Whenever you're ready, /now picks things up again."
    return "A new week is a fresh start. Try one desk stretch tomorrow: /desk."
