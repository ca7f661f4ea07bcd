"""Every word the bot says, in one place (HTML parse mode: dynamic parts are escaped here)."""

from __future__ import annotations

from datetime import date, time
from html import escape

from bot.coach import pain
from bot.coach.clock import format_time
from bot.coach.plan import Planned
from bot.coach.progress import FORGIVEN_WINDOW
from bot.errors import Stale
from bot.telegram import texts_week
from bot.telegram.coaching_texts import at_hand
from bot.telegram.texts_card import (
    BACK_BUTTON as BACK_BUTTON,
)
from bot.telegram.texts_card import (
    DESK_FINISHED as DESK_FINISHED,
)
from bot.telegram.texts_card import (
    DONE_BUTTON as DONE_BUTTON,
)
from bot.telegram.texts_card import (
    FINISH_BUTTON as FINISH_BUTTON,
)
from bot.telegram.texts_card import (
    MORE_BUTTON as MORE_BUTTON,
)
from bot.telegram.texts_card import (
    NEXT_BUTTON as NEXT_BUTTON,
)
from bot.telegram.texts_card import (
    NEXT_CARD_BUTTON as NEXT_CARD_BUTTON,
)
from bot.telegram.texts_card import (
    PAUSE_BUTTON as PAUSE_BUTTON,
)
from bot.telegram.texts_card import (
    READY_BUTTON as READY_BUTTON,
)
from bot.telegram.texts_card import (
    RESUME_BUTTON as RESUME_BUTTON,
)
from bot.telegram.texts_card import (
    ROUTINE_FINISHED as ROUTINE_FINISHED,
)
from bot.telegram.texts_card import (
    SKIP_BUTTON as SKIP_BUTTON,
)
from bot.telegram.texts_card import (
    STOP_BUTTON as STOP_BUTTON,
)
from bot.telegram.texts_card import (
    TIMER_GONE as TIMER_GONE,
)
from bot.telegram.texts_card import (
    TIMER_NOT_NOW as TIMER_NOT_NOW,
)
from bot.telegram.texts_card import (
    after_holds as after_holds,
)
from bot.telegram.texts_card import (
    countdown as countdown,
)
from bot.telegram.texts_card import (  # the words of a card in session live there
    hold_button as hold_button,
)
from bot.telegram.texts_card import (
    hold_plan as hold_plan,
)
from bot.telegram.texts_card import (
    release_notice as release_notice,
)
from bot.telegram.texts_card import (
    resting as resting,
)
from bot.telegram.texts_card import (
    timer_paused as timer_paused,
)
from bot.telegram.texts_card import (
    timer_stopped as timer_stopped,
)
from bot.telegram.texts_progress import (
    EXPORT_CAPTION as EXPORT_CAPTION,
)
from bot.telegram.texts_progress import (
    FORGET_CONFIRM as FORGET_CONFIRM,
)
from bot.telegram.texts_progress import (
    FORGET_KEPT as FORGET_KEPT,
)
from bot.telegram.texts_progress import (
    FORGET_NO as FORGET_NO,
)
from bot.telegram.texts_progress import (
    FORGET_YES as FORGET_YES,
)
from bot.telegram.texts_progress import (
    FORGOTTEN as FORGOTTEN,
)
from bot.telegram.texts_progress import (
    NO_PROGRESS as NO_PROGRESS,
)
from bot.telegram.texts_progress import (
    PRIVATE_ONLY_BUTTON as PRIVATE_ONLY_BUTTON,
)
from bot.telegram.texts_progress import (
    SELF_TEST_OFFER as SELF_TEST_OFFER,
)
from bot.telegram.texts_progress import (
    SELF_TEST_USAGE as SELF_TEST_USAGE,
)
from bot.telegram.texts_progress import (
    SLR_BANDS as SLR_BANDS,
)
from bot.telegram.texts_progress import (
    private_only as private_only,
)
from bot.telegram.texts_progress import (  # the words of progress and privacy live there
    progress_caption as progress_caption,
)
from bot.telegram.texts_progress import (
    self_test_ask as self_test_ask,
)
from bot.telegram.texts_progress import (
    self_test_recorded as self_test_recorded,
)
from bot.usecases import DoneResult, PainResult, Profile

COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "Subscribe and see your schedule"),
    ("now", "Start today's routine right away"),
    ("desk", "One quick stretch you can do at your desk"),
    ("pain", "Report your pain, 0 to 10"),
    ("progress", "Your streak, sessions and pain trend"),
    ("settings", "Time zone, times, pause: all on buttons"),
    ("timezone", "Set your time zone, e.g. /timezone Europe/Berlin"),
    ("morning", "Set the morning time, e.g. /morning 07:15 or off"),
    ("evening", "Set the evening time, e.g. /evening 21:00 or off"),
    ("days", "Days for routines, e.g. /days weekdays or /days mon,wed,fri"),
    ("breaks", "Desk breaks at work, e.g. /breaks 09:00-17:30 every 60"),
    ("summary", "Weekly summary, e.g. /summary sunday 18:00 or off"),
    ("pause", "Pause routines for some days, e.g. /pause 3"),
    ("resume", "Resume routines"),
    ("cleared", "You've been checked: end the safety hold"),
    ("stop", "Stop routines (your history is kept)"),
    ("undo", "Take back the last session you logged"),
    ("selftest", "Take a flexibility self-test"),
    ("export", "Download everything stored about you"),
    ("forget", "Delete everything stored about you"),
    ("help", "What I can do"),
)

# Reply-keyboard labels: pressing one sends the label as text.
DONE_LABEL = "Done ✅"
DESK_LABEL = "Desk stretch 🪑"
PAIN_LABEL = "Pain score"
PROGRESS_LABEL = "Progress"
SETTINGS_LABEL = "Settings"


def _day(value: date) -> str:
    return value.strftime("%a %d %b").replace(" 0", " ")


def schedule(profile: Profile) -> str:
    """One line: when routines arrive, or why they don't."""
    zone = escape(profile.timezone)
    times = (
        f"morning {format_time(profile.morning)}, evening {format_time(profile.evening)} ({zone})"
    )
    if not profile.active:
        return f"Routines are stopped. Your times: {times}. /resume turns them back on."
    if profile.paused_until:
        return f"Routines are paused until {_day(profile.paused_until)}. Your times: {times}."
    if profile.morning is None and profile.evening is None:
        return f"Both routines are off ({zone}). Set one with /morning 07:30 or /evening 20:30."
    return f"Your routines: {times}."


def welcome(profile: Profile, first_name: str | None, new: bool) -> str:
    """The answer to /start (a person without a first name is greeted without one)."""
    name = escape((first_name or "").strip())
    hello = f"Hi {name}!" if name else "Hi!"
    if not new:
        back = f"Welcome back, {name}!" if name else "Welcome back!"
        return f"{back} {schedule(profile)}\nTap /help to see everything I can do."
    guess = ""
    if profile.timezone == "UTC":
        guess = (
            "\nI've assumed UTC for now. Tell me yours: /timezone Europe/Berlin "
            "(a city works too)."
        )
    else:
        guess = (
            f"\nI guessed {escape(profile.timezone)} from your app language: /timezone fixes it."
        )
    return (
        f"{hello} I'm stretchbot. Twice a day I send you a short routine for tight hamstrings "
        f"and a stiff lower back: 5–10 minutes, step by step, with a timer for every hold.\n\n"
        f"{schedule(profile)}{guess}\n"
        f"Change times with /morning 07:15 and /evening 21:00, or tap Settings."
    )


SAFETY_QUESTION = "Do any of these apply to you right now?"
SAFETY_OK = (
    "Thanks. Go gently: a mild pull is right, pain is not. If anything above changes, tell me. "
    "Want to try one now? Tap Desk stretch, or send /now for a full routine."
)
HELP = (
    "<b>What I can do</b>\n"
    "• A morning and an evening routine at your local time, step by step with hold timers\n"
    "• /now — start today's routine right away\n"
    '• /desk — one quick stretch for your desk (or just say "desk stretch please")\n'
    "• Say <b>done</b> after a session and I'll log it\n"
    '• /pain 4 (or "my pain is 4") — record pain from 0 (none) to 10 (worst)\n'
    "• /progress — your streak, sessions this week and pain trend\n"
    "• /timezone, /morning, /evening — when routines arrive (/morning off turns one off)\n"
    "• /days weekdays — routines only on the days you choose\n"
    "• /breaks 09:00-17:30 every 60 — desk breaks through your work hours\n"
    "• /summary sunday 18:00 — a short summary of your week (or off)\n"
    "• /undo — take back the last session you logged (within a day)\n"
    "• /pause 3, /resume, /stop — take a break, come back (a pause doesn't break your streak)\n"
    "• /settings — all of the above on buttons, and what you have at hand\n"
    "• /selftest — a flexibility check (I offer one every two weeks)\n"
    "• /export — a file with everything I store about you; /forget deletes it all\n\n"
    "<b>The 8-week programme:</b> hamstring stretches paired with core work, holds growing from "
    "15 s to 30 s. You move up a week after 8 sessions in 7 days; while pain flares, you stay "
    "put and routines go gentle.\n"
    f"<b>Streaks forgive:</b> one missed day in any {FORGIVEN_WINDOW} doesn't break your streak.\n"
    "<b>Safety:</b> stretch to a mild pull, never pain. I'm a coach, not a clinician: if you get "
    "numbness, tingling or weakness in the legs, trouble with bladder or bowels, or pain after a "
    "fall, seek medical care."
)

CATCHING_UP = (
    "I'm catching up: that was a lot at once, so I've skipped some of your earlier messages. "
    "Your latest ones will be answered."
)
NOT_SUBSCRIBED = "We haven't met yet (or you asked me to forget you). Send /start to begin."

TIMEZONE_USAGE = (
    "Tell me your time zone like this:\n/timezone Europe/Berlin\n/timezone New York\n"
    "/timezone UTC+5:30\nCity names and offsets both work."
)


def timezone_unknown(text: str) -> str:
    """Reply to a zone we can't find."""
    return (
        f'I don\'t know the time zone "{escape(text[:60])}". Try a region/city name such as '
        "Europe/London, America/New_York or Asia/Kolkata, a big city (Berlin, Tokyo), or an "
        "offset like UTC+5:30."
    )


def timezone_set(profile: Profile) -> str:
    """Reply after a zone change."""
    local = profile.local_now.strftime("%H:%M")
    zone = escape(profile.timezone)
    return f"Time zone set to {zone} (it's {local} there now). {schedule(profile)}"


def time_usage(slot: str) -> str:
    """How to write a time for a slot."""
    example = "07:15" if slot == "morning" else "21:00"
    return (
        f"Send the {slot} time as hours and minutes, 24-hour clock: /{slot} {example}\n"
        f"(7:15am works too.) To turn it off: /{slot} off"
    )


def time_invalid(slot: str, text: str) -> str:
    """Reply to an impossible time."""
    return f'"{escape(text[:40])}" isn\'t a time I can use. ' + time_usage(slot)


def time_set(slot: str, profile: Profile) -> str:
    """Reply after a slot change."""
    value = profile.morning if slot == "morning" else profile.evening
    if value is None:
        return f"The {slot} routine is off. {schedule(profile)}"
    return f"The {slot} routine now comes at {format_time(value)}. {schedule(profile)}"


PAUSE_USAGE = "Say how many days to pause, from 1 to 90: /pause 3"


def paused(profile: Profile) -> str:
    """Reply after /pause."""
    until = _day(profile.paused_until) if profile.paused_until else "later"
    return f"Paused. No routines until {until}; /resume brings them back sooner. Rest well!"


def resumed(profile: Profile) -> str:
    """Reply after /resume."""
    return f"Welcome back! {schedule(profile)}"


def not_paused(profile: Profile) -> str:
    """Reply to /resume when nothing was paused or stopped."""
    return f"Your routines aren't paused, so there's nothing to resume. {schedule(profile)}"


def confirm_time(slot: str, value: time) -> str:
    """Asked before setting a time that doesn't fit the slot's name (/morning 7pm)."""
    return f"Set your {slot} routine for {format_time(value)}?"


CONFIRM_TIME_YES = "Yes, set it"
CONFIRM_TIME_CHANGE = "Pick another time"


def stopped() -> str:
    """Reply after /stop."""
    return (
        "Done: no more scheduled routines. Your history is kept, and /desk and /now still work. "
        "Send /start or /resume any time to turn them back on."
    )


def routine_intro(run: Planned) -> str:
    """The first message of a routine or desk stretch."""
    count = len(run.cards)
    gentle = "\nGentle version, while your pain settles." if run.gentle else ""
    what = f"{count} stretches" if count != 1 else "1 stretch"
    intro = f"\n{escape(run.intro)}" if run.intro and count > 1 else ""
    icon = {"morning": "🌅", "evening": "🌙", "desk": "🪑"}.get(run.slot.value, "🧘")
    return f"{icon} <b>{escape(run.title)}</b>: about {run.minutes} min, {what}.{intro}{gentle}"


def stale(reason: Stale) -> str:
    """Answer to a button that no longer applies."""
    if reason is Stale.HOLDING:
        return ALREADY_COUNTING
    if reason is Stale.SNOOZED:
        return CANNOT_SNOOZE
    if reason is Stale.UNREADABLE:
        return EXPIRED_BUTTON
    if reason is Stale.FINISHED:
        return "That session is already logged. Send /now or /desk for another."
    if reason is Stale.MOVED_ON:
        return "That button is from an earlier step. Carry on with the latest message."
    return "That button has expired. Send /now or /desk to start again."


ALREADY_COUNTING = "The timer is already running."
REACHABLE_AGAIN = (
    "Welcome back! Your routines had stopped because my messages couldn't reach you. "
    "They're back on from your next routine time. /stop turns them off."
)
TIMER_INTERRUPTED = "⏸ The timer stopped while I was restarting. Tap Start to run it again."
EXPIRED_BUTTON = "That button has expired. Send /help to see what I can do."
INVALID_CHOICE = "That choice isn't one I can use. Send /settings or /help to pick again."
CARD_REMOVED = "That stretch has been taken out of the routine. Here is the next one."


def done(result: DoneResult) -> str:
    """Reply to done."""
    if result.already_done:
        head = "That session is already logged."
    elif result.own_session:
        head = "Logged: a session of your own. Good on you!"
    else:
        head = "Logged. Well done!"
    streak = f"Streak: {result.streak} day{'s' if result.streak != 1 else ''}"
    week = f"{result.sessions_this_week} session{'s' if result.sessions_this_week != 1 else ''}"
    text = f"{head}\n{streak} · {week} this week."
    if result.milestone:
        text += f"\n🏅 {MILESTONES.get(result.milestone, 'A milestone!')}"
    if result.advanced_to:
        text += (
            f"\n⬆️ On to week {result.advanced_to} of the programme: new stretches and slightly "
            "longer holds from your next routine."
        )
    elif result.held_for_pain:
        text += (
            "\nYou've earned the next programme week, but with your pain up we'll stay here "
            "until it settles."
        )
    return text


MILESTONES = {
    3: "3 days in a row: the habit is starting.",
    7: "A whole week! Your hamstrings have noticed.",
    14: "Two weeks: this is becoming part of your day.",
    30: "30 days. That's a real habit.",
    56: "56 days: the whole eight weeks. Brilliant work.",
}


PAIN_QUESTION = "How is your back today? Pain from 0 (none) to 10 (worst imaginable):"
PAIN_USAGE = (
    "Pain is a whole number from 0 (no pain) to 10 (the worst imaginable), e.g. /pain 4 or "
    '"my pain is 4".'
)


def pain_invalid(text: str) -> str:
    """Reply to a pain score we can't accept."""
    return f'"{escape(text[:40])}" isn\'t a score I can record. ' + PAIN_USAGE


def pain_recorded(result: PainResult) -> str:
    """Reply to a pain report: what it means by the pain rules (bot/coach/pain.py)."""
    review = result.review
    text = f"Recorded: pain {review.score}/10."
    words = pain.advice(review)
    if words:
        text += f"\n\n{words}"
    elif review.score <= 2:
        text += " Great to hear."
    return text


def settings(profile: Profile) -> str:
    """The settings card."""
    local = profile.local_now.strftime("%H:%M")
    if not profile.active:
        status = "stopped"
    elif profile.paused_until:
        status = f"paused until {_day(profile.paused_until)}"
    else:
        status = "active"
    return (
        f"<b>Settings</b>\n"
        f"Time zone: {escape(profile.timezone)} (local time {local})\n"
        f"Morning: {format_time(profile.morning)} · Evening: {format_time(profile.evening)}\n"
        f"Routines: {status}\n"
        f"{texts_week.week_settings(profile)}\n"
        f"At hand: {at_hand(profile)}"
    )


CHOOSE_ZONE = "Pick your time zone, or type /timezone followed by your city:"


def choose_time(slot: str) -> str:
    """Header of the time picker."""
    return f"When should the {slot} routine arrive? Or type /{slot} HH:MM for any other time."


UNKNOWN_TEXT = (
    "I didn't catch that. You can say <b>done</b>, <b>desk stretch</b>, or <b>my pain is 3</b>, "
    "or send /help for everything I can do."
)
STRETCH_ADVICE = (
    "Good question. My routines are made for tight hamstrings and a stiff lower back: gentle "
    "hamstring stretches, hip and back mobility and some core work, one step at a time.\n\n"
    "With sciatica (pain, tingling or numbness down a leg), keep every stretch to a mild pull and "
    "stop any that sends symptoms further down the leg; a GP or physiotherapist can suggest "
    "exercises for your case. Try /desk for one quick stretch or /now for a routine."
)
GREETING = "Hello! Say desk stretch for a quick one, or /now for a routine."
THANKS = "You're welcome. See you at the next routine!"
NON_TEXT = "I can only read text messages. Try /desk for a stretch, or /help."
TOO_LONG = "That message is too long for me. Keep it under 1,000 characters, or send /help."


def unknown_command(command: str) -> str:
    """Reply to a command we don't have."""
    return f"I don't know the command {escape(command[:40])}. Send /help to see what I can do."


SOMETHING_WRONG = "Sorry, something went wrong on my side. Please try again in a moment."


def delivery(slot: str, minutes: int, count: int, *, snoozed: bool) -> str:
    """The scheduled offer: one message with Start / Snooze / Skip."""
    icon = "🌅" if slot == "morning" else "🌙"
    what = f"{count} stretches" if count != 1 else "1 stretch"
    again = "Snoozed routine, as promised: " if snoozed else ""
    return f"{icon} {again}Your {minutes}-minute {slot} routine: {what}. Ready?"


START_BUTTON = "▶ Start"
SNOOZE_BUTTON = "⏰ Snooze 30 min"
SKIP_TODAY_BUTTON = "Skip today"
SNOOZED = "Snoozed: I'll send it again in 30 minutes."
SKIPPED_TODAY = "Skipped for today. See you at the next one."
CANNOT_SNOOZE = "That routine can't be snoozed again."


def nag(slot: str) -> str:
    """Asked once after three ignored routines in a row; the slot waits for an answer."""
    return (
        f"I've sent the last three {slot} routines without hearing back, so I'll stop sending "
        f"them for now. Is the time wrong for you? Pick a new one, pause for a while, or keep it "
        f"as it is."
    )


KEEP_TIME = "Thanks! Your {slot} routines are back on."
