"""The words of a card in session: its hold, countdown, rest and release (HTML parse mode).
`texts` re-exports them, so every caller still says `texts.NAME`."""

from __future__ import annotations

from bot.content.model import Hold


def hold_button(holds: tuple[Hold, ...]) -> str:
    """Label of the button that starts a card's timer."""
    first = holds[0]
    if first.moving:
        return f"▶ Start {first.seconds} s timer"
    return f"▶ Start {first.seconds} s hold"


def hold_plan(holds: tuple[Hold, ...]) -> str:
    """The line under the timed step: what the timer will do."""
    first = holds[0]
    sides = " each side" if first.side else ""
    if first.moving:
        return f"Timer: {first.seconds} s{sides}. Tap Start when you're ready."
    return (
        f"Timer: {first.reps} × {first.seconds} s{sides}, with a short rest between. "
        "Tap Start when you're in position."
    )


def countdown(view: str, hold: Hold, remaining: int) -> str:
    """The card while the clock runs."""
    what = "keep going" if hold.moving else "hold"
    label = f" · {hold.label()}" if hold.label() else ""
    return f"{view}\n\n⏱ <b>{remaining} s</b> — {what}{label}"


def timer_paused(view: str, hold: Hold, remaining: int) -> str:
    """The card while a hold is paused."""
    label = f" · {hold.label()}" if hold.label() else ""
    return f"{view}\n\n⏸ <b>Paused</b> with {remaining} s to go{label}. Tap Resume to carry on."


def _next(hold: Hold, following: Hold) -> str:
    if following.side != hold.side and following.rep == hold.rep:
        return f"switch to your {following.side} side"
    return f"next: {following.label()}"


def resting(view: str, hold: Hold, following: Hold, rest: int) -> str:
    """The card between two holds: what comes next, and that it starts by itself."""
    done = "Stop" if hold.moving else "Release"
    side = "next side" if following.side != hold.side else "next one"
    return (
        f"{view}\n\n✅ {done} and rest — {_next(hold, following)}.\n"
        f"Tap Ready when you're in position; the {side} starts by itself in {rest} s."
    )


def release_notice(hold: Hold, following: Hold | None) -> str:
    """The short new message at the end of a hold (edits don't make a phone buzz)."""
    done = "Stop" if hold.moving else "Release"
    if following is None:
        return f"✅ {done}. That hold is done."
    return f"✅ {done} — {_next(hold, following)}."


def after_holds(view: str, last_card: bool) -> str:
    """The card once its holds are over."""
    onward = "Tap Finish to log it." if last_card else "Tap Next for what comes next."
    return f"{view}\n\n✅ That's this stretch done. {onward}"


def timer_stopped(view: str) -> str:
    """The card after Stop: the timer is off, Start runs it again."""
    return f"{view}\n\n⏹ Timer stopped. Tap Start to run it again, or Next to move on."


NEXT_BUTTON = "Next ▶"
BACK_BUTTON = "◀ Back"
NEXT_CARD_BUTTON = "Next stretch ⏭"
FINISH_BUTTON = "Finish ✅"
PAUSE_BUTTON = "⏸ Pause"
RESUME_BUTTON = "▶ Resume"
MORE_BUTTON = "+10 s"
STOP_BUTTON = "⏹ Stop"
READY_BUTTON = "▶ Ready"
TIMER_GONE = "That timer isn't running any more. Tap Start to run it again."
TIMER_NOT_NOW = "That button doesn't fit the timer right now."
SKIP_BUTTON = "⏭ Skip"
DONE_BUTTON = "Done ✅"
ROUTINE_FINISHED = "🎉 That's the whole routine. Tap Done to log it (or just say done)."
DESK_FINISHED = "Nice work. Tap Done to log it."
