"""Every word of the safety answers: one message per level, the hold reminder, the question and
its answers (HTML parse mode).

Each answer is worded for its level only: the emergency answer says "now" and never "today", the
urgent one says "today" and never "now", so nobody reads two different deadlines in one message.
The emergency number is the person's (from their zone or app language), else a neutral phrase.
"""

from __future__ import annotations

from html import escape

from bot.coach.signs import Level, Sign

CLEARED_BUTTON = "I've been checked — OK to continue"
YES_BUTTON = "Yes"
NO_BUTTON = "No"
GUIDANCE = "Based on NICE NG59 and the NHS pages on back pain and cauda equina syndrome."


def _call(number: str | None) -> str:
    return f"call {number}" if number else "call your local emergency number"


def _names(signs: tuple[Sign, ...]) -> str:
    return "; ".join(dict.fromkeys(escape(s.plain) for s in signs))


def answer(level: Level, signs: tuple[Sign, ...], number: str | None) -> str:
    """The one message for an urgent, emergency or see-a-clinician sign."""
    names = _names(signs)
    if level is Level.EMERGENCY:
        return (
            f"⚠️ Please {_call(number)} or go to an emergency department now.\n\n"
            f"What you describe ({names}) can be a sign of pressure on the nerves at the base of "
            "the spine, which needs checking straight away. Please don't stretch.\n\n"
            "I've put your routines on a safety hold: no stretches until you've been checked. "
            f"When a clinician has seen you, tap the button below or send /cleared.\n({GUIDANCE})"
        )
    if level is Level.URGENT:
        return (
            "⚠️ Please see a doctor today: your GP surgery, or an urgent care service "
            "(in the UK, NHS 111).\n\n"
            f"What you describe ({names}) needs checking before you stretch again. If it suddenly "
            f"gets much worse, {_call(number)}.\n\n"
            "I've put your routines on a safety hold: no stretches until you've been checked. "
            f"When a doctor has seen you, tap the button below or send /cleared.\n({GUIDANCE})"
        )
    if level is Level.CLINICIAN:
        return (
            f"Thanks for telling me. What you describe ({names}) is worth showing a GP or a "
            "physiotherapist, though it is not an emergency.\n\n"
            "Until then your routines are gentle versions: stretch to a mild pull, never into "
            "pain, and stop if it sends pain, numbness or tingling down your leg. If you get "
            "numbness around your groin, trouble with your bladder or bowels, or weakness in both "
            f"legs, {_call(number)} straight away.\n({GUIDANCE})"
        )
    raise ValueError(level)


def on_hold(level: Level | None) -> str:
    """The reminder instead of a stretch while a safety hold is in force."""
    who = "a clinician" if level is Level.EMERGENCY else "a doctor"
    return (
        "You're on a safety hold, so no stretches for now: please get checked by "
        f"{who} first. Once you have been, tap the button below or send /cleared."
    )


def question(text: str) -> str:
    """A yes/no question about a mention that could be either."""
    return f"Just to check, so I answer the right way: {escape(text)}"


REASSURED = (
    "Thanks, that's good to know. Carry on as usual, and stretch to a mild pull, never into pain. "
    "If anything changes, tell me."
)
QUESTION_ANSWERED = "Already answered: thanks."

CLEARED = (
    "Glad you've been checked. The safety hold is over: your routines are back on. Start gently, "
    "and stop if anything you told me about comes back."
)
NOT_ON_HOLD = (
    "You're not on a safety hold, so there's nothing to clear: your routines run as usual."
)

ONBOARDING_HOLD = (
    "Thank you for telling me. Please have a doctor or physiotherapist check your back before "
    "you start stretching: until then your routines are on a safety hold, with no stretches. "
    "When you've been checked, tap the button below or send /cleared.\n\n"
    "If you have numbness around the groin or trouble with your bladder or bowels, {call} "
    "straight away."
)


def onboarding_hold(number: str | None) -> str:
    """The answer to "one of these applies" at /start."""
    return ONBOARDING_HOLD.format(call=_call(number))
