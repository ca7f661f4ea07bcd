"""The content model: frozen dataclasses for cards, routines and the programme.

Nothing here knows about files, Telegram or the database; the loader builds these from markdown and
every other room reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Slot(StrEnum):
    """When a card or routine is meant to be done."""

    MORNING = "morning"
    EVENING = "evening"
    DESK = "desk"


class Kind(StrEnum):
    """What sort of exercise a card describes."""

    STRETCH = "stretch"
    WARMUP = "warmup"
    CORE = "core"
    RELEASE = "release"
    SELFTEST = "selftest"


class Position(StrEnum):
    """The body position an exercise starts from."""

    STANDING = "standing"
    SEATED = "seated"
    LYING = "lying"
    KNEELING = "kneeling"
    ALL_FOURS = "all-fours"
    PRONE = "prone"
    SIDE = "side-lying"


EQUIPMENT = frozenset(
    {
        "chair",
        "desk",
        "strap",
        "towel",
        "wall",
        "stool",
        "bar",
        "doorway",
        "foam-roller",
        "ball",
        "mat",
        "band",
        "step",
    }
)

# Seconds a person needs between holds (to release and re-settle) and to read a card and get into
# position; used only to estimate how long a routine takes.
REST_BETWEEN_HOLDS = 5
SETUP_PER_CARD = 20


@dataclass(frozen=True)
class Hold:
    """One timed block of a card: a static hold, or a dynamic move done for a while."""

    seconds: int
    side: str | None  # "left", "right" or None
    rep: int
    reps: int
    moving: bool = False  # a dynamic move ("keep going") rather than a static hold

    def label(self) -> str:
        """A short description such as "left side, rep 1 of 2"."""
        parts = []
        if self.side:
            parts.append(f"{self.side} side")
        if self.reps > 1:
            parts.append(f"rep {self.rep} of {self.reps}")
        return ", ".join(parts)


@dataclass(frozen=True, order=True)
class Card:
    """One exercise, as an author wrote it."""

    id: str
    title: str
    kind: Kind
    purpose: str
    slots: frozenset[Slot]
    position: Position
    equipment: tuple[str, ...]
    sides: str  # "each" or "none"
    reps: int
    level: int
    gentle: bool
    cautions: tuple[str, ...]
    steps: tuple[str, ...]
    mistakes: tuple[str, ...]
    hold_seconds: int | None = None
    work_seconds: int | None = None
    hold_step: int | None = None  # 1-based; None means the last step
    why: str | None = None
    sources: tuple[str, ...] = ()
    path: str = ""

    @property
    def timed_step(self) -> int:
        """The 1-based step that carries the countdown button."""
        return self.hold_step or len(self.steps)

    def holds(self, hold_seconds: int | None = None) -> tuple[Hold, ...]:
        """Every timed block in order; `hold_seconds` overrides a static hold's length."""
        sides: tuple[str | None, ...] = ("left", "right") if self.sides == "each" else (None,)
        if self.work_seconds is not None:
            return tuple(Hold(self.work_seconds, side, 1, 1, moving=True) for side in sides)
        # A programme's hold length applies to static stretches; core holds keep their own.
        override = hold_seconds if self.kind is Kind.STRETCH else None
        seconds = override or self.hold_seconds or 0
        return tuple(
            Hold(seconds, side, rep, self.reps)
            for rep in range(1, self.reps + 1)
            for side in sides
        )

    def timed_seconds(self, hold_seconds: int | None = None) -> int:
        """How long the timer runs: every hold and the rests between them."""
        holds = self.holds(hold_seconds)
        return sum(h.seconds for h in holds) + REST_BETWEEN_HOLDS * (len(holds) - 1)

    def seconds(self, hold_seconds: int | None = None) -> int:
        """A fair estimate of how long the card takes, set-up and rests included."""
        return SETUP_PER_CARD + self.timed_seconds(hold_seconds)


@dataclass(frozen=True)
class Routine:
    """A named sequence of cards for one slot; `pick="one"` serves one card per request."""

    id: str
    title: str
    slot: Slot
    pick: str  # "all" or "one"
    cards: tuple[str, ...]
    gentle_cards: tuple[str, ...]
    intro: str
    path: str = ""


@dataclass(frozen=True)
class Stage:
    """One stage of the 8-week programme."""

    number: int
    weeks: tuple[int, ...]
    title: str
    hold_seconds: int
    stretches: tuple[str, ...]
    core: tuple[str, ...]


@dataclass(frozen=True)
class Library:
    """All content, validated: cards by id, routines by id, and the programme's stages."""

    cards: dict[str, Card]
    routines: dict[str, Routine]
    stages: tuple[Stage, ...] = field(default=())

    def routine_for(self, slot: Slot) -> Routine:
        """The routine that serves `slot`."""
        for routine in self.routines.values():
            if routine.slot is slot:
                return routine
        raise KeyError(slot)

    def stage_for_week(self, week: int) -> Stage:
        """The programme stage that covers programme week `week` (clamped to the plan)."""
        for stage in self.stages:
            if week in stage.weeks:
                return stage
        return self.stages[-1] if week > 0 else self.stages[0]

    def routine_seconds(self, routine: Routine) -> int:
        """Estimated length of a routine; for a one-card rotation, its longest card."""
        cards = [self.cards[c] for c in routine.cards]
        if routine.pick == "one":
            return max(card.seconds() for card in cards)
        return sum(card.seconds() for card in cards)
