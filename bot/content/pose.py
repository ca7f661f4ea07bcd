"""Poses: the few numbers in a card's front matter that a picture of the exercise is drawn from.

A pose names its key positions (`start`, optionally `end`), each a set of joint angles in degrees,
plus the view, what the body rests on, the props and the muscle to highlight. This module parses
and range-checks that block; `bot.content.body` turns angles into a placed body and checks that it
rests on something and goes through nothing. Pure Python: no drawing library is imported here.

Conventions (side view, the figure faces right; content/README.md has the worked example):
trunk 0 is upright, +90 tips forward flat (hinge, all fours, face down), -90 lies on the back;
hip, shoulder: flexion from the line of the trunk (0 = along the body, 90 = at a right angle in
front, negative = behind); knee, elbow: 0 straight, larger = more bent; ankle: 0 = foot at a right
angle to the shin, + toes pulled up, - toes pointed; head: 0 in line with the trunk, + chin down.
In the front view the same names mean sideways angles (hip and shoulder: out to the side).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import yaml


class View(StrEnum):
    """Where the camera stands."""

    SIDE = "side"
    FRONT = "front"


class Support(StrEnum):
    """What carries the body's weight; each names the parts that must touch a surface."""

    FEET = "feet"
    CHAIR = "chair"
    SEAT = "seat"  # sitting on the floor
    BACK = "back"
    FRONT = "front"
    SIDE = "side"  # side plank: a forearm and the feet
    HANDS_AND_KNEES = "hands-and-knees"
    FOREARMS_AND_TOES = "forearms-and-toes"
    KNEE_AND_FOOT = "knee-and-foot"
    ROLLER = "roller"


class Muscle(StrEnum):
    """A muscle group the picture can highlight."""

    HAMSTRINGS = "hamstrings"
    CALVES = "calves"
    GLUTES = "glutes"
    PIRIFORMIS = "piriformis"
    HIP_FLEXORS = "hip-flexors"
    QUADS = "quads"
    ADDUCTORS = "adductors"
    OUTER_THIGH = "outer-thigh"
    LOWER_BACK = "lower-back"
    UPPER_BACK = "upper-back"
    ABS = "abs"
    OBLIQUES = "obliques"


PROPS = (
    "chair",
    "stool",
    "step",
    "desk",
    "wall",
    "doorway",
    "strap",
    "towel",
    "foam-roller",
    "ball",
    "mat",
    "band",
)

# Body points a prop can be placed against (`{wall: left-heel}`).
ANCHORS = (
    "hips",
    "head",
    "hands",
    "left-hand",
    "right-hand",
    "left-heel",
    "right-heel",
    "left-foot",
    "right-foot",
    "left-knee",
    "right-knee",
    "left-thigh",
    "right-thigh",
    "left-calf",
    "upper-back",
    "lower-back",
)

# Where a prop goes when the author does not say.
DEFAULT_ANCHOR = {
    "chair": "hips",
    "stool": "left-heel",
    "step": "left-heel",
    "desk": "hands",
    "wall": "left-hand",
    "doorway": "hands",
    "strap": "hands",
    "towel": "hands",
    "foam-roller": "left-thigh",
    "ball": "hips",
    "mat": "hips",
    "band": "hands",
}

SINGLE_JOINTS = ("trunk", "head")
PAIRED_JOINTS = ("hip", "knee", "ankle", "shoulder", "elbow")
JOINTS = SINGLE_JOINTS + PAIRED_JOINTS

# What a human body can do, in degrees (generous: a picture, not a clinical measure).
RANGES: dict[View, dict[str, tuple[int, int]]] = {
    View.SIDE: {
        "trunk": (-120, 120),
        "head": (-40, 60),
        "hip": (-40, 170),
        "knee": (0, 160),
        "ankle": (-80, 45),
        "shoulder": (-70, 180),
        "elbow": (0, 160),
    },
    View.FRONT: {
        "trunk": (-100, 100),
        "head": (-40, 40),
        "hip": (-30, 90),
        "knee": (0, 160),
        "ankle": (-50, 30),
        "shoulder": (-30, 180),
        "elbow": (0, 160),
    },
}

POSITIONS = ("start", "end")
POSE_KEYS = ("view", "rests_on", "props", "muscle", "animate", *POSITIONS)


@dataclass(frozen=True)
class Prop:
    """A prop and the body point it touches."""

    name: str
    anchor: str


@dataclass(frozen=True)
class Angles:
    """One key position: every joint's angle; paired joints as (left, right)."""

    name: str
    trunk: float
    head: float
    hip: tuple[float, float]
    knee: tuple[float, float]
    ankle: tuple[float, float]
    shoulder: tuple[float, float]
    elbow: tuple[float, float]
    line: int = 0

    def blend(self, other: Angles, t: float) -> Angles:
        """The position a fraction `t` of the way from this one to `other`."""

        def mix(a: float, b: float) -> float:
            return a + (b - a) * t

        def pair(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
            return (mix(a[0], b[0]), mix(a[1], b[1]))

        return Angles(
            self.name,
            mix(self.trunk, other.trunk),
            mix(self.head, other.head),
            pair(self.hip, other.hip),
            pair(self.knee, other.knee),
            pair(self.ankle, other.ankle),
            pair(self.shoulder, other.shoulder),
            pair(self.elbow, other.elbow),
            self.line,
        )

    def sided(self) -> bool:
        """Whether any paired joint differs between left and right."""
        return any(getattr(self, j)[0] != getattr(self, j)[1] for j in PAIRED_JOINTS)


@dataclass(frozen=True)
class Pose:
    """Everything a picture of a card is drawn from."""

    view: View
    on: Support
    props: tuple[Prop, ...]
    muscles: tuple[Muscle, ...]
    positions: tuple[Angles, ...]  # start, then end if the card moves
    animate: bool
    line: int = 0

    @property
    def start(self) -> Angles:
        return self.positions[0]

    @property
    def end(self) -> Angles | None:
        return self.positions[1] if len(self.positions) > 1 else None

    def digest(self, *extra: str) -> str:
        """A stable hash of the pose (line numbers excluded) and `extra` (renderer version...)."""
        data = {
            "view": self.view.value,
            "on": self.on.value,
            "props": [[p.name, p.anchor] for p in self.props],
            "muscles": [m.value for m in self.muscles],
            "animate": self.animate,
            "positions": [[a.name, *[getattr(a, j) for j in JOINTS]] for a in self.positions],
            "extra": list(extra),
        }
        text = json.dumps(data, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()[:16]


class PoseProblem(ValueError):
    """Something wrong in a pose, at a line of the card."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _entries(node: yaml.Node, first: int) -> dict[str, tuple[int, yaml.Node]]:
    """A mapping node's keys with their file line and value node."""
    out: dict[str, tuple[int, yaml.Node]] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out[str(key.value)] = (first + key.start_mark.line, value)
    return out


def _number(value: Any, joint: str, view: View, line: int, problems: list[PoseProblem]) -> float:
    low, high = RANGES[view][joint]
    if isinstance(value, bool) or not isinstance(value, int | float):
        problems.append(PoseProblem(line, f"'{joint}' must be a number of degrees"))
        return 0.0
    if not low <= value <= high:
        problems.append(
            PoseProblem(line, f"'{joint}' is {value}°; a body bends from {low}° to {high}° here")
        )
    return float(value)


def _angles(
    name: str,
    data: Any,
    node: yaml.Node,
    line: int,
    first: int,
    view: View,
    base: Angles | None,
    problems: list[PoseProblem],
) -> Angles:
    lines = _entries(node, first)
    if not isinstance(data, dict):
        problems.append(PoseProblem(line, f"'{name}' must be a set of 'joint: degrees' lines"))
        data = {}
    values: dict[str, Any] = {}
    for key, value in data.items():
        where = lines.get(str(key), (line, None))[0]
        if key not in JOINTS:
            problems.append(
                PoseProblem(where, f"unknown joint '{key}' (known: {', '.join(JOINTS)})")
            )
        elif key in SINGLE_JOINTS:
            values[key] = _number(value, key, view, where, problems)
        elif isinstance(value, dict):
            extra = set(value) - {"left", "right"}
            if extra or len(value) != 2:
                problems.append(
                    PoseProblem(
                        where,
                        f"'{key}' per side needs both sides and only them: {{left: …, right: …}}",
                    )
                )
            left = _number(value.get("left", 0), key, view, where, problems)
            right = _number(value.get("right", 0), key, view, where, problems)
            values[key] = (left, right)
        else:
            same = _number(value, key, view, where, problems)
            values[key] = (same, same)

    def get(joint: str) -> Any:
        if joint in values:
            return values[joint]
        if base is not None:
            return getattr(base, joint)
        return 0.0 if joint in SINGLE_JOINTS else (0.0, 0.0)

    return Angles(
        name,
        trunk=get("trunk"),
        head=get("head"),
        hip=get("hip"),
        knee=get("knee"),
        ankle=get("ankle"),
        shoulder=get("shoulder"),
        elbow=get("elbow"),
        line=line,
    )


def _choice(value: Any, options: tuple[str, ...], key: str, line: int) -> str:
    if value not in options:
        raise PoseProblem(line, f"'{key}' is {value!r}; expected one of: {', '.join(options)}")
    return str(value)


def parse_pose(
    data: Any, node: yaml.Node, line: int, first: int
) -> tuple[Pose | None, list[PoseProblem]]:
    """Build a `Pose` from the `pose:` value, or list every problem so an author sees them all."""
    problems: list[PoseProblem] = []
    if not isinstance(data, dict):
        return None, [PoseProblem(line, "'pose' must be a set of 'key: value' lines")]
    lines = _entries(node, first)

    def where(key: str) -> int:
        return lines.get(key, (line, None))[0]

    for key in data:
        if key not in POSE_KEYS:
            problems.append(
                PoseProblem(where(str(key)), f"unknown pose key '{key}' ({', '.join(POSE_KEYS)})")
            )
    view, on = View.SIDE, Support.FEET
    props: list[Prop] = []
    muscles: list[Muscle] = []
    try:
        view = View(_choice(data.get("view", "side"), tuple(View), "view", where("view")))
    except PoseProblem as exc:
        problems.append(exc)
    try:
        if "rests_on" not in data:
            raise PoseProblem(line, "the pose must say what the body rests on ('rests_on: …')")
        on = Support(_choice(data["rests_on"], tuple(Support), "rests_on", where("rests_on")))
    except PoseProblem as exc:
        problems.append(exc)
    raw_props = data.get("props", [])
    if not isinstance(raw_props, list):
        problems.append(PoseProblem(where("props"), "'props' must be a list, like [chair]"))
        raw_props = []
    for item in raw_props:
        try:
            if isinstance(item, dict) and len(item) == 1:
                name, anchor = next(iter(item.items()))
                props.append(
                    Prop(
                        _choice(name, PROPS, "props", where("props")),
                        _choice(anchor, ANCHORS, f"the {name}'s place", where("props")),
                    )
                )
            else:
                name = _choice(item, PROPS, "props", where("props"))
                props.append(Prop(name, DEFAULT_ANCHOR[name]))
        except PoseProblem as exc:
            problems.append(exc)
    raw_muscles = data.get("muscle", [])
    for item in raw_muscles if isinstance(raw_muscles, list) else [raw_muscles]:
        try:
            muscles.append(Muscle(_choice(item, tuple(Muscle), "muscle", where("muscle"))))
        except PoseProblem as exc:
            problems.append(exc)
    animate = data.get("animate", False)
    if not isinstance(animate, bool):
        problems.append(PoseProblem(where("animate"), "'animate' must be true or false"))
        animate = False
    positions: list[Angles] = []
    if "start" not in data:
        problems.append(PoseProblem(line, "the pose needs a 'start' position"))
    else:
        for name in POSITIONS:
            if name in data:
                base = positions[0] if positions else None
                value_node = lines[name][1]
                positions.append(
                    _angles(name, data[name], value_node, where(name), first, view, base, problems)
                )
    if animate and len(positions) < 2:
        problems.append(PoseProblem(where("animate"), "an animated pose needs an 'end' position"))
    if problems:
        return None, problems
    return Pose(view, on, tuple(props), tuple(muscles), tuple(positions), animate, line), []
