"""What a person has at hand, and the cards they can do with it.

Onboarding asks about six things (`Kit`); each answer stands for one or more of the equipment words
cards use. A card the person cannot do is replaced by the first card of its `substitute` chain they
can do (a substitute, not a gap); a card with no such stand-in is left out. Someone who skipped the
questions is assumed to have a chair and floor space (`DEFAULT_EQUIPMENT`).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from bot.content.model import DEFAULT_EQUIPMENT, EQUIPMENT, Card, Library


class Kit(StrEnum):
    """The answers to "what do you have at hand?", in the order the buttons show them."""

    CHAIR = "chair"
    STRAP = "strap"  # a strap, belt or towel
    WALL = "wall"  # a wall or a doorway
    ROLLER = "roller"
    BALL = "ball"
    FLOOR = "floor"


# The equipment words each answer gives.
GIVES: dict[Kit, frozenset[str]] = {
    Kit.CHAIR: frozenset({"chair"}),
    Kit.STRAP: frozenset({"strap"}),
    Kit.WALL: frozenset({"wall", "doorway"}),
    Kit.ROLLER: frozenset({"foam-roller"}),
    Kit.BALL: frozenset({"ball"}),
    Kit.FLOOR: frozenset({"floor"}),
}
ORDER = tuple(Kit)
ALL_BITS = (1 << len(ORDER)) - 1


class Place(StrEnum):
    """Where a person usually stretches."""

    HOME = "home"
    OFFICE = "office"
    BOTH = "both"


def bit(answer: Kit) -> int:
    """The answer's bit in a button's selection mask."""
    return 1 << ORDER.index(answer)


def chosen(mask: int) -> tuple[Kit, ...]:
    """The answers a selection mask holds, in button order."""
    return tuple(answer for answer in ORDER if mask & bit(answer))


def equipment(answers: Iterable[Kit]) -> frozenset[str]:
    """The equipment words a set of answers gives."""
    return frozenset(word for answer in answers for word in GIVES[answer])


def mask_of(have: frozenset[str]) -> int:
    """The selection mask that shows stored equipment (an answer is on when all it gives is)."""
    return sum(bit(answer) for answer in ORDER if GIVES[answer] <= have)


def stored(have: frozenset[str]) -> str:
    """The `subscribers.equipment` column: equipment words, comma-separated and sorted."""
    return ",".join(sorted(have))


def of(column: str | None) -> frozenset[str]:
    """What a person has, from the column (None: never answered, so a chair and floor space).

    Unknown words (from an older vocabulary) are dropped rather than trusted."""
    if column is None:
        return DEFAULT_EQUIPMENT
    return frozenset(word for word in column.split(",") if word in EQUIPMENT)


def can_do(card: Card, have: frozenset[str]) -> bool:
    """Everything the card needs is at hand."""
    return set(card.equipment) <= have


def stand_in(library: Library, card_id: str, have: frozenset[str]) -> Card | None:
    """The card itself if it can be done, else the first of its substitute chain that can;
    None when nothing in the chain fits."""
    seen: set[str] = set()
    current: str | None = card_id
    while current is not None and current not in seen and current in library.cards:
        seen.add(current)
        card = library.cards[current]
        if can_do(card, have):
            return card
        current = card.substitute
    return None


def fitted(
    library: Library, card_ids: Iterable[str], have: frozenset[str] | None
) -> tuple[Card, ...]:
    """A routine's cards for this person: each one or its stand-in, in order, without repeats
    (a stand-in already in the routine is not done twice). When nothing at all fits, the
    chair-and-floor version, so a routine is never empty. `have=None`: every card as written."""
    ids = tuple(card_ids)
    if have is None:
        return tuple(library.cards[card_id] for card_id in ids)
    picked = [stand_in(library, card_id, have) for card_id in ids]
    cards = tuple({card.id: card for card in picked if card is not None}.values())
    if cards or have >= DEFAULT_EQUIPMENT:
        return cards
    return fitted(library, ids, have | DEFAULT_EQUIPMENT)
