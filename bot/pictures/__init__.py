"""Pictures of the exercises, drawn from the poses in the cards.

`render_card_pictures(card)` gives every picture a card has (one per side for two-sided cards);
`picture_for(card, side)` gives one. Each `Picture` carries PNG or GIF bytes and a `digest` of
the pose, side and renderer version, so a caller can cache by it (and look it up with
`picture_digest` before rendering anything). Rendering takes a few tenths of a second per picture
and creates its own figure, so run it in a worker thread (`asyncio.to_thread`), never on the loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.content.model import Card

RENDERER_VERSION = "1"
STILL_SIZE = (800, 600)
ANIMATION_SIZE = (480, 360)


class PictureKind(StrEnum):
    """How Telegram should send it: a photo (PNG) or an animation (looping GIF)."""

    PHOTO = "photo"
    ANIMATION = "animation"


@dataclass(frozen=True)
class Picture:
    """One rendered picture of a card (for one side, if the card has sides)."""

    card_id: str
    side: str | None
    kind: PictureKind
    data: bytes
    digest: str
    width: int
    height: int

    @property
    def filename(self) -> str:
        extension = "gif" if self.kind is PictureKind.ANIMATION else "png"
        side = f"-{self.side}" if self.side else ""
        return f"{self.card_id}{side}.{extension}"

    @property
    def mime_type(self) -> str:
        return "image/gif" if self.kind is PictureKind.ANIMATION else "image/png"


def card_sides(card: Card) -> tuple[str | None, ...]:
    """The sides a card is pictured for: left and right, or just one picture."""
    return ("left", "right") if card.sides == "each" else (None,)


def picture_digest(card: Card, side: str | None = None) -> str | None:
    """The cache key of a card's picture without drawing it; None if the card has no pose."""
    if card.pose is None:
        return None
    return card.pose.digest(card.id, card.title, card.sides, str(side), RENDERER_VERSION)


def _note(card: Card, side: str | None) -> str:
    if card.pose is None or not card.pose.muscles:
        return ""
    felt = {"core": "working", "warmup": "warming up", "release": "pressure on"}.get(
        card.kind.value, "stretch"
    )
    names = ", ".join(m.value.replace("-", " ") for m in card.pose.muscles)
    where = f"{side} " if side else ""
    return f"red: {felt} — {where}{names}"


def picture_for(card: Card, side: str | None = None) -> Picture | None:
    """Render one picture of `card` (the left side by default for two-sided cards)."""
    from bot.pictures.draw import render_animation, render_still  # matplotlib only when drawing

    pose = card.pose
    if pose is None:
        return None
    if card.sides == "each" and side is None:
        side = "left"
    sided = card.sides == "each"
    mirror = side == "right"
    title = card.title + (f" · {side} side" if side else "")
    note = _note(card, side)
    if pose.animate:
        size, kind = ANIMATION_SIZE, PictureKind.ANIMATION
        data = render_animation(pose, sided, mirror, size, title, note)
    else:
        size, kind = STILL_SIZE, PictureKind.PHOTO
        data = render_still(pose, sided, mirror, size, title, note)
    digest = picture_digest(card, side) or ""
    return Picture(card.id, side, kind, data, digest, *size)


def render_card_pictures(card: Card) -> list[Picture]:
    """Every picture of a card: one per side for two-sided cards; none without a pose."""
    pictures = [picture_for(card, side) for side in card_sides(card)]
    return [p for p in pictures if p is not None]
