"""The words of progress, self-tests, the privacy commands and the group pointer (HTML parse
mode). `texts` re-exports them, so every caller still says `texts.NAME`."""

from __future__ import annotations

from bot.usecases import Progress


def progress_caption(p: Progress) -> str:
    """Caption of the /progress chart (at most 1,024 characters)."""
    last = f"{p.last_pain}/10, {p.pain_trend}" if p.last_pain is not None else "no reports yet"
    lines = [
        f"Streak: {p.streak} day{'s' if p.streak != 1 else ''} · this week: "
        f"{p.sessions_this_week} · all time: {p.sessions_total}",
        f"Pain: {last}",
        f"Programme: week {p.programme_week} of 8",
    ]
    if p.self_test:
        lines.append(f"Last self-test: {p.self_test}")
    if p.gentle:
        lines.append("Routines are gentle while your pain settles.")
    return "\n".join(lines)


NO_PROGRESS = (
    "Nothing to chart yet. Do a stretch with /desk or /now, say done, and tell me your pain "
    "with /pain: your progress picture starts with the first one."
)

SELF_TEST_OFFER = "📏 Two weeks since your last check: time for a quick flexibility self-test."


def self_test_ask(test: str) -> str:
    """The question after the self-test card."""
    if test == "sit-and-reach-test":
        return (
            "How far did you reach? Tap the nearest: negative means short of your toes, "
            "positive past them (in cm). Or type /selftest reach -4"
        )
    return "How high did your straight leg go before the back of the thigh stopped it?"


SLR_BANDS = {"1": "under 45°", "2": "45–70°", "3": "over 70°"}


def self_test_recorded(test: str, results: list[str]) -> str:
    """Reply after a self-test result, compared with the previous one."""
    name = "Sit-and-reach" if test == "sit-and-reach-test" else "Straight-leg raise"
    text = f"Recorded: {name} {results[0]}."
    if len(results) > 1:
        text += f" Last time: {results[1]}."
    return text + " It's in your /progress chart."


SELF_TEST_USAGE = (
    "Take a self-test with /selftest, or record a sit-and-reach result directly: /selftest reach "
    "-4 (cm short of your toes; positive means past them, from -40 to 40)."
)

EXPORT_CAPTION = "Everything I store about you: JSON, and the same tables as CSV files."
FORGET_CONFIRM = (
    "This deletes everything I store about you: your settings, sessions, pain reports and "
    "self-tests. Routines stop. It can't be undone. Delete it all?"
)
FORGET_YES = "Yes, delete everything"
FORGET_NO = "No, keep it"
FORGOTTEN = "Done: everything about you is deleted. If you ever want to start again, send /start."
FORGET_KEPT = "Kept. Nothing was deleted."


# --- groups and channels: a personal coach works in private chats only -------------------------


def private_only(username: str | None) -> str:
    """The one answer in a group or channel: where to find the coach instead."""
    where = (
        f'<a href="https://t.me/{username}?start=group">a private chat with me</a>'
        if username
        else "a private chat with me (tap my name, then Message)"
    )
    return (
        "I'm a personal stretch coach, so I only work one to one and keep nothing from group "
        f"chats. Come and find me in {where}."
    )


PRIVATE_ONLY_BUTTON = "My buttons work in a private chat with me only. Nothing was changed."
