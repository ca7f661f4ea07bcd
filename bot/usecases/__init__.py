"""The application's use cases, one module per concern. Each opens one unit of work, applies the
coaching rules, and returns plain results (or raises a domain exception from `bot.errors`) for the
Telegram layer to render.

This is the only package that combines the store with the domain; it never imports `telegram`.
`Coach` gathers the groups so handlers reach every use case through one object.
"""

from __future__ import annotations

from bot.usecases.base import Running
from bot.usecases.deliveries import Deliveries
from bot.usecases.logbook import DoneAsk, DoneQuestion, Logbook, Offered, Undone, UndoOutcome
from bot.usecases.privacy import Privacy
from bot.usecases.progress import ChartData, DoneResult, PainAndProgress, PainResult, Progress
from bot.usecases.safety import Safety, SafetyStanding
from bot.usecases.sessions import Sessions
from bot.usecases.subscription import Profile, Subscriptions
from bot.usecases.week import WeeklySummary, WorkingWeek


class Coach(
    WorkingWeek, Subscriptions, Sessions, Logbook, PainAndProgress, Deliveries, Privacy, Safety
):
    """The use cases behind every command."""


__all__ = [
    "ChartData", "Coach", "DoneAsk", "DoneQuestion", "DoneResult", "Offered", "PainResult",
    "Profile", "Progress", "Running", "SafetyStanding", "UndoOutcome", "Undone", "WeeklySummary",
]  # fmt: skip
