"""What every use case shares: the database, the library, one unit of work per call, and how a
stored session looks to the person.

Only the use cases combine the store with the domain. Each public method opens one unit of work
(`self.db.session()`: commit on success, roll back on any exception), so a domain exception raised
half-way leaves nothing behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.coach import plan
from bot.coach.clock import parse_time, zone
from bot.content.model import Card, Library, Slot
from bot.errors import NotSubscribed, OnSafetyHold
from bot.store import repo
from bot.store.db import Database
from bot.store.models import StretchSession, Subscriber


@dataclass(frozen=True)
class Running:
    """A session in progress: its routine and where the person is in it."""

    session_id: int
    routine: plan.Planned  # its cards are those still in the library
    card_index: int  # position in the session's stored card list: what its buttons carry
    card: Card | None  # the card at `card_index`; None once through all its cards


# After the bot asks for a pain score, a bare number is the answer for this long.
PAIN_ANSWER_WINDOW = timedelta(minutes=30)


def local_date(sub: Subscriber, now: datetime) -> date:
    """Today where the person is."""
    return now.astimezone(zone(sub.timezone)).date()


class UseCase:
    """Base of the use-case groups: what they share."""

    def __init__(
        self,
        db: Database,
        library: Library,
        *,
        default_zone: str = "UTC",
        default_morning: str = "07:30",
        default_evening: str = "20:30",
    ) -> None:
        self.db = db
        self.library = library
        self._nothing_held: dict[int, datetime] = {}  # chat -> when its check found nothing
        self.default_zone = default_zone
        self.default_morning = parse_time(default_morning)
        self.default_evening = parse_time(default_evening)

    async def _subscriber(self, session: AsyncSession, chat_id: int) -> Subscriber:
        sub = await repo.subscriber(session, chat_id)
        if sub is None:
            raise NotSubscribed(chat_id)
        return sub

    async def _served(self, session: AsyncSession, chat_id: int) -> Subscriber:
        """The subscriber a stretch is about to be served to: every use case that hands out
        stretches comes through here, and a safety hold refuses them (OnSafetyHold)."""
        sub = await self._subscriber(session, chat_id)
        if sub.safety_hold_since is not None:
            raise OnSafetyHold(sub.safety_hold_level or "")
        return sub

    def _running(self, row: StretchSession) -> Running:
        """The session as the person sees it. Cards taken out of the library since it began are
        passed over: the session moves on to the next card that is still there."""
        ids = row.card_ids
        while row.card_index < len(ids) and ids[row.card_index] not in self.library.cards:
            row.card_index += 1
        routine = self.library.routines.get(row.routine_id)
        cards = tuple(self.library.cards[c] for c in ids if c in self.library.cards)
        planned = plan.Planned(
            row.routine_id,
            routine.title if routine else row.routine_id,
            Slot(row.slot) if row.slot != plan.SessionSlot.OWN else Slot.DESK,
            cards,
            row.gentle,
            routine.intro if routine else "",
            row.hold_seconds,
        )
        current = ids[row.card_index] if row.card_index < len(ids) else None
        return Running(row.id, planned, row.card_index, self.library.cards.get(current or ""))
