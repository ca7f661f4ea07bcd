"""The safety hold: an urgent or emergency answer stops every stretch until the person says they
have been checked; a "see a clinician" answer switches routines to gentle versions.

Only the level and the times are stored, never what the person wrote. The hold itself is enforced
in one place, `UseCase._served` (every use case that hands out a stretch), and by the scheduler
tick, which records held slots in the ledger instead of sending them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.coach.signs import Level
from bot.store import repo
from bot.usecases.base import UseCase


@dataclass(frozen=True)
class SafetyStanding:
    """What the safety answer needs to know about a person (None fields: not subscribed)."""

    zone: str | None
    held: Level | None  # the level of a hold in force


class Safety(UseCase):
    """Safety holds and gentle routines on a clinician-level sign."""

    async def standing(self, chat_id: int) -> SafetyStanding:
        """The person's zone (for the emergency number) and any hold in force."""
        async with self.db.session() as s:
            sub = await repo.subscriber(s, chat_id)
            if sub is None:
                return SafetyStanding(None, None)
            held = Level(sub.safety_hold_level or Level.URGENT) if sub.on_safety_hold else None
            return SafetyStanding(sub.timezone, held)

    async def hold(self, chat_id: int, level: Level, now: datetime) -> bool:
        """Put the person on a safety hold at `level` (a more serious level replaces a lesser
        one); False when we don't know the person (nothing to store)."""
        if not level.stops_stretching:
            raise ValueError(level)
        async with self.db.session() as s:
            sub = await repo.subscriber(s, chat_id, lock=True)
            if sub is None:
                return False
            current = Level(sub.safety_hold_level) if sub.safety_hold_level else None
            if sub.safety_hold_since is None:
                sub.safety_hold_since = now
            if current is None or level.rank > current.rank:
                sub.safety_hold_level = level.value
            return True

    async def clear(self, chat_id: int, now: datetime) -> bool:
        """The person has been checked: end the hold (its time is recorded). False when there
        was no hold to end (NotSubscribed for someone we don't know)."""
        async with self.db.session() as s:
            sub = await self._subscriber(s, chat_id)
            if sub.safety_hold_since is None:
                return False
            sub.safety_hold_since = sub.safety_hold_level = None
            sub.safety_cleared_at = now
            return True

    async def go_gentle(self, chat_id: int, now: datetime) -> bool:
        """A sign to see a clinician about: routines become gentle versions until pain reports
        settle (bot/coach/pain.py ends it); False when we don't know the person."""
        async with self.db.session() as s:
            sub = await repo.subscriber(s, chat_id)
            if sub is None:
                return False
            if sub.gentle_since is None:
                sub.gentle_since = now
            return True
