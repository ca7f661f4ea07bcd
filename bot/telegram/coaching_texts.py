"""The words of onboarding (what a person has at hand, where they stretch), of logging a
session ("done", its questions, /undo) and of free text understood (HTML parse mode: dynamic
parts are escaped here). Kept beside `texts` so no module grows past a screenful of concerns."""

from __future__ import annotations

from datetime import date, datetime

from bot.coach.kit import Kit, Place, chosen, mask_of
from bot.usecases import Profile, Progress, Undone, UndoOutcome


def _day(value: date) -> str:
    return value.strftime("%a %d %b").replace(" 0", " ")


# --- onboarding: what a person has at hand, and where they stretch ---------------------------

KIT_LABELS = {
    Kit.CHAIR: "🪑 Chair",
    Kit.STRAP: "🎗 Strap or towel",
    Kit.WALL: "🧱 Wall or doorway",
    Kit.ROLLER: "🧻 Foam roller",
    Kit.BALL: "🎾 Massage ball",
    Kit.FLOOR: "🧘 Floor space",
}
KIT_NAMES = {
    Kit.CHAIR: "a chair",
    Kit.STRAP: "a strap or towel",
    Kit.WALL: "a wall or doorway",
    Kit.ROLLER: "a foam roller",
    Kit.BALL: "a massage ball",
    Kit.FLOOR: "floor space",
}
KIT_QUESTION = (
    "One quick question so I only give you stretches you can do: what do you have at hand "
    "where you stretch? Tap everything that applies, then Done."
)
KIT_DONE = "Done ✓"
KIT_SKIP = "Skip"
PLACE_QUESTION = "Thanks! And where do you usually stretch?"
PLACE_LABELS = {Place.HOME: "🏠 Home", Place.OFFICE: "🏢 Office", Place.BOTH: "Both"}
KIT_SKIPPED = (
    "Skipped. I'll pick stretches that need only a chair and some floor space. You can tell me "
    "what you have any time: /settings, then What I have."
)


def at_hand(profile: Profile) -> str:
    """What they have, in words (settings card, the answer to the questions)."""
    if not profile.kit_answered:
        return "not asked yet (I assume a chair and floor space)"
    answers = chosen(mask_of(profile.equipment))
    things = ", ".join(KIT_NAMES[a] for a in answers) if answers else "nothing in particular"
    where = ""
    if profile.place:
        place = "home and the office" if profile.place == Place.BOTH else profile.place
        where = f" · stretching at {place}"
    return f"{things}{where}"


def kit_saved(profile: Profile) -> str:
    """The answer once both questions are answered."""
    text = (
        f"Got it: {at_hand(profile)}. Your routines and desk stretches will only use what you "
        "have; where a stretch needs something else, you get one that does the same job without "
        "it. Change it any time in /settings."
    )
    if profile.place in (Place.OFFICE, Place.BOTH):
        text += "\nAt the office, /desk gives you one stretch you can do in work clothes."
    return text


# --- "done" you can trust, and /undo ------------------------------------------------------------

OWN_QUESTION = "I haven't given you a routine just now. Log a session you did on your own?"
OWN_YES = "Yes, log it"
OWN_NO = "No"
OWN_NOT_LOGGED = "OK, nothing logged."
EARLY_QUESTION = "A hold is still running. Finish early and log this session?"
EARLY_YES = "Finish and log it"
EARLY_NO = "Keep going"
EARLY_KEEP = "Carry on: the timer is still running."
FINISHED_EARLY = "⏹ Finished early."


def undone(result: Undone) -> str:
    """The answer to /undo."""
    if result.outcome is UndoOutcome.NOTHING:
        return "There's nothing to undo: you haven't logged a session yet."
    if result.outcome is UndoOutcome.AGAIN:
        return (
            "Nothing more to undo: I only take back the last session you logged, and that one "
            "is already undone."
        )
    when = _logged_when(result.logged_at)
    if result.outcome is UndoOutcome.TOO_OLD:
        return (
            f"Your last session was logged {when}. I can only take back one logged in the last "
            "day, so it stays."
        )
    what = SESSION_NAMES.get(result.slot or "", "session")
    streak = f"{result.streak} day{'s' if result.streak != 1 else ''}"
    return (
        f"Undone: the {what} logged {when} no longer counts.\n"
        f"Streak: {streak} · {result.sessions_this_week} this week."
    )


SESSION_NAMES = {
    "morning": "morning routine",
    "evening": "evening routine",
    "desk": "desk stretch",
    "self": "session of your own",
}


def _logged_when(at: datetime | None) -> str:
    return f"on {_day(at.date())} at {at.strftime('%H:%M')}" if at else "earlier"


# --- free text ----------------------------------------------------------------------------------

PAIN_IN_WORDS = (
    "Sorry it's bothering you. How bad is it right now, from 0 (none) to 10 (the worst "
    "imaginable)? Tap a number:"
)
IS_IT_PAIN = "Is that a pain score? Tap it to record it, 0 (none) to 10 (the worst imaginable):"


def streak(p: Progress) -> str:
    """The answer to "what's my streak?"."""
    days = f"{p.streak} day{'s' if p.streak != 1 else ''}"
    return (
        f"Your streak: {days}. This week: {p.sessions_this_week} "
        f"session{'s' if p.sessions_this_week != 1 else ''}, {p.sessions_total} in all. "
        f"Programme week {p.programme_week} of 8. /progress shows the chart."
    )


NOTHING_TO_SKIP = (
    "There's nothing to skip right now. Send /now for a routine or /desk for one stretch."
)
SKIP_WHILE_HOLDING = "A timer is running. Say stop to stop it, or done to finish early."
SKIP_AT_END = "That was the last stretch. Say done to log the session."
SKIPPED_CARD = "Skipped."
STOP_NOTHING = "No timer is running. To stop scheduled routines, send /stop."
HOLD_STOPPED = "⏹ Stopped. Tap Start to run the timer again, or Skip to move on."
STOPPED_REPLY = "Stopped the timer. Start it again when you're ready, or say skip to move on."
STOP_ELSEWHERE = (
    "That timer finishes by itself in a moment. You can release the stretch now if you need to."
)
