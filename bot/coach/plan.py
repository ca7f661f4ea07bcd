"""Which cards a person gets: a slot's routine, the rotating desk stretch, gentle variants."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from enum import StrEnum

from bot.coach import kit
from bot.content.model import GENTLE_HOLD, Card, Library, Slot

# Before this local time `/now` means the morning routine, after it the evening one.
MIDDAY = time(14, 0)


class Source(StrEnum):
    """How a session began (the `sessions.source` column)."""

    SCHEDULED = "scheduled"  # delivered at the person's morning or evening time
    NOW = "now"  # /now
    DESK = "desk"  # /desk
    OWN = "self"  # "done" with nothing open: a session they did on their own


class SessionSlot(StrEnum):
    """The `sessions.slot` column: a routine's slot, or `self` for a session of their own."""

    MORNING = Slot.MORNING.value
    EVENING = Slot.EVENING.value
    DESK = Slot.DESK.value
    OWN = "self"


@dataclass(frozen=True)
class Planned:
    """A routine ready to run: its cards, and the hold length each static hold uses.

    The one planned-routine type: the scheduler stores it as a session, the conversation shows it.
    """

    routine_id: str
    title: str
    slot: Slot
    cards: tuple[Card, ...]
    gentle: bool
    intro: str
    hold_seconds: int | None = None  # the programme stage's stretch hold

    @property
    def card_ids(self) -> tuple[str, ...]:
        """The ids a session stores."""
        return tuple(card.id for card in self.cards)

    @property
    def minutes(self) -> int:
        """Estimated minutes, at least one."""
        return minutes(self.cards, self.hold_seconds)


def minutes(cards: tuple[Card, ...], hold_seconds: int | None) -> int:
    """Estimated minutes of a routine, at least one."""
    return max(1, round(sum(card.seconds(hold_seconds) for card in cards) / 60))


def slot_for(local_time: time) -> Slot:
    """The routine `/now` starts at this local time of day."""
    return Slot.MORNING if local_time < MIDDAY else Slot.EVENING


def desk_stretch(
    library: Library,
    cursor: int,
    *,
    gentle: bool,
    have: frozenset[str] | None = None,
) -> tuple[Planned, int]:
    """The next desk stretch in the rotation, and the cursor to store for next time.

    A rotation (rather than a random pick) guarantees no repeat until every card has been shown.
    The rotation holds only cards the person can do with what they `have` (a card they can't do
    gives way to its substitute, once).
    """
    chosen = library.routine_for(Slot.DESK)
    cards = kit.fitted(library, chosen.gentle_cards if gentle else chosen.cards, have)
    card = cards[cursor % len(cards)]
    hold = GENTLE_HOLD if gentle else None  # None: the card's own dose
    planned = Planned(chosen.id, card.title, Slot.DESK, (card,), gentle, chosen.intro, hold)
    return planned, (cursor + 1) % len(cards)
