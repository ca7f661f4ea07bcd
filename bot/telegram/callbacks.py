"""The one codec for inline-button callback data: `encode` when building a keyboard, `decode` when
a button is pressed.

Callback data is at most 64 bytes and can be forged or replayed. `decode` refuses anything we
never issued (unknown action, wrong number of arguments, a number that is not one or would not fit
the database's integer columns) with `StaleButton(Stale.UNREADABLE)`, so no forged number ever
reaches a query; handlers still check what it names against the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum, unique

from bot.errors import Stale, StaleButton

MAX_DATA_BYTES = 64
MAX_ID = 2**63 - 1  # BIGINT ids (SQLite's INTEGER is 64-bit too)
MAX_INDEX = 2**31 - 1  # INTEGER columns such as a session's card index


@unique  # two actions on one letter would silently become one (an alias)
class Action(StrEnum):
    """What a button does; the value is the one-letter prefix of its data."""

    HOLD = "h"  # start a card's timer: session id, card index
    SKIP = "k"  # leave a card for the next one (Next on its last step): session id, card index
    STEP = "v"  # show another step of a card (Next / Back): session id, card index, step
    TIMER = "c"  # pause, resume, +10 s, stop or ready on a running timer: what, session, card
    DONE = "d"  # log a finished session: session id
    PAIN = "p"  # a 0–10 pain score
    SETTINGS = "s"  # a settings choice: what, and (mostly) a value
    SAFETY = "f"  # the answer to the red-flag question at /start
    DELIVERY = "r"  # start / snooze / skip a scheduled routine: what, session id
    KEEP = "n"  # keep a slot's time after the no-nagging question: slot
    SELF_TEST = "t"  # a self-test result: which test, value
    FORGET = "x"  # the answer to /forget's question
    CLEARED = "b"  # "I've been checked": end the safety hold
    ASK = "a"  # the answer to a safety question: its category, yes or no
    KIT = "e"  # "what do you have?": an answer to toggle, done or skip; the selection so far
    PLACE = "w"  # where they stretch: home, office, both, or skip
    OWN = "o"  # log a session of their own? yes/no; when the question was asked (epoch s)
    EARLY = "y"  # finish a running hold early and log it? yes/no; session id


class Arg(StrEnum):
    """The kinds of argument callback data carries."""

    ID = "id"  # a database id
    INDEX = "index"  # a small non-negative number (card index, pain score)
    WORD = "word"


_LIMITS = {Arg.ID: MAX_ID, Arg.INDEX: MAX_INDEX}

# Each action's arguments; the settings button takes one or two.
SPECS: dict[Action, tuple[Arg, ...]] = {
    Action.HOLD: (Arg.ID, Arg.INDEX),
    Action.SKIP: (Arg.ID, Arg.INDEX),
    Action.STEP: (Arg.ID, Arg.INDEX, Arg.INDEX),
    Action.TIMER: (Arg.WORD, Arg.ID, Arg.INDEX),
    Action.DONE: (Arg.ID,),
    Action.PAIN: (Arg.INDEX,),
    Action.SETTINGS: (Arg.WORD, Arg.WORD),
    Action.SAFETY: (Arg.WORD,),
    Action.DELIVERY: (Arg.WORD, Arg.ID),
    Action.KEEP: (Arg.WORD,),
    Action.SELF_TEST: (Arg.WORD, Arg.WORD),
    Action.FORGET: (Arg.WORD,),
    Action.CLEARED: (),
    Action.ASK: (Arg.WORD, Arg.WORD),
    Action.KIT: (Arg.WORD, Arg.INDEX),
    Action.PLACE: (Arg.WORD,),
    Action.OWN: (Arg.WORD, Arg.ID),
    Action.EARLY: (Arg.WORD, Arg.ID),
}
OPTIONAL_LAST = frozenset({Action.SETTINGS})


@dataclass(frozen=True)
class Callback:
    """Decoded callback data: an action and its checked arguments."""

    action: Action
    args: tuple[int | str, ...]

    def number(self, index: int) -> int:
        """Argument `index`, which the action's spec says is a number."""
        value = self.args[index]
        assert isinstance(value, int), self
        return value

    def word(self, index: int, default: str = "") -> str:
        """Argument `index` as text (`default` when an optional argument is absent)."""
        return str(self.args[index]) if index < len(self.args) else default


def encode(action: Action, *args: int | str) -> str:
    """Callback data for a button (tests check that `decode` reads back every keyboard's)."""
    return ":".join((action.value, *map(str, args)))


def decode(data: str | None) -> Callback:
    """Parse and check callback data; StaleButton(UNREADABLE) for anything we never issued."""
    if not data or len(data.encode()) > MAX_DATA_BYTES:
        raise StaleButton(Stale.UNREADABLE)
    prefix, *raw = data.split(":")
    try:
        action = Action(prefix)
    except ValueError:
        raise StaleButton(Stale.UNREADABLE) from None
    spec = SPECS[action]
    shortest = len(spec) - 1 if action in OPTIONAL_LAST else len(spec)
    if not shortest <= len(raw) <= len(spec):
        raise StaleButton(Stale.UNREADABLE)
    return Callback(action, tuple(_arg(kind, text) for kind, text in zip(spec, raw, strict=False)))


def _arg(kind: Arg, text: str) -> int | str:
    if kind is Arg.WORD:
        if not text:
            raise StaleButton(Stale.UNREADABLE)
        return text
    if not text.isascii() or not text.isdigit() or len(text) > 19:
        raise StaleButton(Stale.UNREADABLE)
    value = int(text)
    if value > _LIMITS[kind]:
        raise StaleButton(Stale.UNREADABLE)
    return value
