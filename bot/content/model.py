"""The content model: frozen dataclasses for cards, routines and the programme.

Nothing here knows about files, Telegram or the database; the loader builds these from markdown and
every other room reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from bot.content.pose import Pose


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


# What a card needs. The first six answer onboarding's "what do you have at hand?" (a strap stands
# for a belt or towel too, `ball` is a massage ball, `floor` is room to lie down); the last three
# are never asked about, so a card that needs one always names a substitute.
EQUIPMENT = frozenset(
    {"chair", "strap", "wall", "doorway", "foam-roller", "ball", "floor", "desk", "step", "band"}
)
# What skipping the onboarding questions assumes a person has.
DEFAULT_EQUIPMENT = frozenset({"chair", "floor"})

# ACSM: about 60 s of static stretching per muscle group per session (for example 2 x 30 s or
# 4 x 15 s), so a programme stage's hold sets how many reps a stretch gets.
STRETCH_SECONDS_PER_SESSION = 60
# The shortest hold a programme stage may use. A shorter one is the flare dose: a couple of brief
# holds at a small range, to move without provoking (content/GENTLE.md).
MIN_STAGE_HOLD = 15
GENTLE_HOLD = 10
GENTLE_REPS = 2

# Seconds a person needs between holds (to release and re-settle; Ready starts the next one) and
# to read a card and get into position; used to estimate how long a routine takes.
REST_BETWEEN_HOLDS = 5
# Without Ready, the timer starts the next hold by itself only after a rest long enough to release,
# change sides or position (a side plank, a doorway) and settle; the card says so.
AUTO_START_REST = 15
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


@dataclass(frozen=True)
class Dose:
    """How much of a card to do: the one number both the header and the timer read."""

    reps: int
    seconds: int  # per static hold, or per side for a timed move
    each_side: bool
    moving: bool = False  # a timed move: `reps` moves done in `seconds`, once per side
    gentle: bool = False  # the flare dose: short holds at a small range

    def text(self) -> str:
        """What the header says, e.g. "4 × 15 s hold, each side"."""
        each = ", each side" if self.each_side else ""
        if self.moving:
            span = f"{self.seconds // 60} min" if self.seconds % 60 == 0 else f"{self.seconds} s"
            if self.reps == 1:  # a continuous move such as marching: no count, only a time
                return f"keep moving for about {span}{each}"
            return f"{self.reps} moves in about {span}{each}"
        return f"{self.reps} × {self.seconds} s hold{each}"

    def holds(self) -> tuple[Hold, ...]:
        """Every timed block in the order the timer runs them."""
        sides: tuple[str | None, ...] = ("left", "right") if self.each_side else (None,)
        if self.moving:
            return tuple(Hold(self.seconds, side, 1, 1, moving=True) for side in sides)
        return tuple(
            Hold(self.seconds, side, rep, self.reps)
            for rep in range(1, self.reps + 1)
            for side in sides
        )


def stage_reps(hold_seconds: int) -> int:
    """Reps of a stretch at a programme hold: about a minute in all, or the flare dose."""
    if hold_seconds < MIN_STAGE_HOLD:
        return GENTLE_REPS
    return -(-STRETCH_SECONDS_PER_SESSION // hold_seconds)  # rounded up


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
    substitute: str | None = None  # a card needing less equipment that can stand in for this one
    path: str = ""
    pose: Pose | None = field(default=None, compare=False)

    @property
    def timed_step(self) -> int:
        """The 1-based step that carries the countdown button."""
        return self.hold_step or len(self.steps)

    def dose(self, hold_seconds: int | None = None) -> Dose:
        """The dose for a session whose programme stretch hold is `hold_seconds`.

        The one place a dose is decided: the header shows it and the timer runs it. A programme
        hold applies to static stretches only; core work, self-tests and timed moves keep the
        card's own dose. Without a programme hold (a desk stretch) the card's own dose applies.
        """
        each = self.sides == "each"
        # A flare hold makes any card's session gentle (a smaller range, said in the header);
        # only a static stretch also takes the flare hold and reps.
        gentle = hold_seconds is not None and hold_seconds < MIN_STAGE_HOLD
        if self.work_seconds is not None:
            return Dose(self.reps, self.work_seconds, each, moving=True, gentle=gentle)
        own = self.hold_seconds or 0
        if hold_seconds is None or self.kind is not Kind.STRETCH:
            return Dose(self.reps, own, each, gentle=gentle)
        return Dose(stage_reps(hold_seconds), hold_seconds, each, gentle=gentle)

    def holds(self, hold_seconds: int | None = None) -> tuple[Hold, ...]:
        """Every timed block in order, from `dose`."""
        return self.dose(hold_seconds).holds()

    def timed_seconds(
        self, hold_seconds: int | None = None, rest: int = REST_BETWEEN_HOLDS
    ) -> int:
        """How long the timer runs: every hold and the rests between them (`rest` each)."""
        holds = self.holds(hold_seconds)
        return sum(h.seconds for h in holds) + rest * (len(holds) - 1)

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
    warmup: tuple[str, ...]  # opens the morning routine
    stretches: tuple[str, ...]
    core: tuple[str, ...]
    evening: tuple[str, ...]  # the evening routine in these weeks

    def cards_for(self, slot: Slot) -> tuple[str, ...]:
        """The card ids of this stage's routine for `slot` (morning or evening), in order."""
        if slot is Slot.EVENING:
            return self.evening
        return tuple(dict.fromkeys([*self.warmup, *self.stretches, *self.core]))


@dataclass(frozen=True)
class Library:
    """All content, validated: cards by id, routines by id, and the programme's stages."""

    cards: dict[str, Card]
    routines: dict[str, Routine]
    stages: tuple[Stage, ...] = field(default=())
    warnings: tuple[str, ...] = ()  # worth fixing, not worth refusing to start over

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

    def in_use(self) -> frozenset[str]:
        """Ids of every card a person can be served: routines, programme stages, self-tests."""
        used = {c for r in self.routines.values() for c in (*r.cards, *r.gentle_cards)}
        for stage in self.stages:
            used.update(stage.cards_for(Slot.MORNING), stage.cards_for(Slot.EVENING))
        used.update(c.id for c in self.cards.values() if c.kind is Kind.SELFTEST)
        return frozenset(used)

    def unused(self) -> tuple[str, ...]:
        """Ids of cards no routine, stage or rotation ever serves (a warning, not an error)."""
        return tuple(sorted(set(self.cards) - self.in_use()))
