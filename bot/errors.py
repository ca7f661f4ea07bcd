"""The domain's exceptions: raised by the domain and the use cases, mapped to texts once, at the
Telegram edge (`bot/telegram/handlers/errors.py`). Anything else that escapes is a bug: logged and
answered with an honest "something went wrong"."""

from __future__ import annotations

from enum import StrEnum


class Stale(StrEnum):
    """Why a button can no longer do what it says."""

    UNKNOWN = "unknown"  # no such session in this chat (old, forgotten or forged)
    FINISHED = "finished"  # that session is already done
    MOVED_ON = "moved_on"  # the person is past that card, or a newer session started
    HOLDING = "holding"  # that card's timer is already running
    SNOOZED = "snoozed"  # that routine was snoozed once already
    UNREADABLE = "unreadable"  # callback data we never issued


class Field(StrEnum):
    """Which piece of input was wrong."""

    PAUSE_DAYS = "pause_days"
    PAIN = "pain"
    TIME = "time"
    MORNING = "morning"  # a time for the morning slot
    EVENING = "evening"
    ZONE = "zone"
    REACH = "reach"  # a sit-and-reach result in centimetres
    CHOICE = "choice"  # one of a fixed set of answers (a button's value)
    DAYS = "days"  # the days routines come on
    BREAKS = "breaks"  # a desk-break window and interval
    SUMMARY = "summary"  # the weekly summary's day and time


class DomainError(Exception):
    """Base of every error the edge turns into a text."""


class NotSubscribed(DomainError):
    """The chat has no subscriber yet (or it was forgotten): /start first."""


class InvalidInput(DomainError):
    """Input the rules refuse; `given` is what the person typed (never logged), `hint` why."""

    def __init__(self, field: Field, given: str = "", hint: str = "") -> None:
        super().__init__(field.value, hint)
        self.field = field
        self.given = given
        self.hint = hint


class StaleButton(DomainError):
    """A button that no longer applies (or never did)."""

    def __init__(self, reason: Stale) -> None:
        super().__init__(reason.value)
        self.reason = reason


class OnSafetyHold(DomainError):
    """No stretches: the person is on a safety hold until they say they have been checked."""

    def __init__(self, level: str) -> None:
        super().__init__(level)
        self.level = level  # the hold's Level value (never what the person wrote)
