"""From joint angles to a body in the room: forward kinematics, placement, props and the checks.

The body is a set of tapered capsules (limb segments, torso) and a head, in metres, the floor at
y = 0. `place` stands, sits or lays it on its support; `props` puts the chair, wall, roller...
against the body points the card names; `check_pose` says, line by line, what would look wrong:
a body floating or sunk in the floor, a foot through the chair seat, a hand through the wall.
Pure arithmetic, shared by the content checker and the picture renderer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

import yaml

from bot.content.pose import Angles, Pose, PoseProblem, Prop, Support, View, parse_pose

Point = tuple[float, float]

# Segment lengths and radii (m) of one adult body; every card is drawn at this size.
TRUNK, CHEST_AT, SHOULDER_AT = 0.50, 0.40, 0.47
NECK, HEAD_R = 0.09, 0.105
THIGH, SHIN = 0.44, 0.43
UPPER_ARM, FOREARM = 0.29, 0.31
SEAT_HEIGHT = 0.46
TOUCH = 0.035  # how close a part must be to its surface to count as resting on it
SINK = 0.025  # how far a part may press into a surface before it goes "through"

SIDE_NAMES = ("left", "right")


@dataclass(frozen=True)
class Segment:
    """One solid part: a capsule from `a` (radius `ra`) to `b` (radius `rb`)."""

    part: str  # thigh, shin, foot, upper-arm, forearm, torso, neck
    side: str | None  # left, right or None for the torso and neck
    a: Point
    b: Point
    ra: float
    rb: float

    def at(self, t: float) -> tuple[Point, float]:
        """The centre point and radius a fraction `t` along the segment."""
        x = self.a[0] + (self.b[0] - self.a[0]) * t
        y = self.a[1] + (self.b[1] - self.a[1]) * t
        return (x, y), self.ra + (self.rb - self.ra) * t

    def bottom(self) -> float:
        return min(self.a[1] - self.ra, self.b[1] - self.rb)

    def moved(self, dx: float, dy: float) -> Segment:
        return replace(
            self, a=(self.a[0] + dx, self.a[1] + dy), b=(self.b[0] + dx, self.b[1] + dy)
        )

    def label(self) -> str:
        return f"{self.side} {self.part}" if self.side else self.part


@dataclass(frozen=True)
class Body:
    """A posed body: its segments (far side first), head, facing (+1 right) and view."""

    segments: tuple[Segment, ...]
    head: Point
    view: View

    def part(self, part: str, side: str | None = None) -> Segment:
        return next(s for s in self.segments if s.part == part and s.side == side)

    def bottom(self) -> float:
        return min(min(s.bottom() for s in self.segments), self.head[1] - HEAD_R)

    def moved(self, dx: float, dy: float) -> Body:
        return Body(
            tuple(s.moved(dx, dy) for s in self.segments),
            (self.head[0] + dx, self.head[1] + dy),
            self.view,
        )

    def extent(self) -> tuple[float, float, float, float]:
        xs = [p for s in self.segments for p in (s.a[0] - s.ra, s.b[0] + s.rb, s.b[0] - s.rb)]
        xs += [s.a[0] + s.ra for s in self.segments]
        ys = [p for s in self.segments for p in (s.a[1] + s.ra, s.b[1] + s.rb)]
        return (
            min(*xs, self.head[0] - HEAD_R),
            self.bottom(),
            max(*xs, self.head[0] + HEAD_R),
            max(*ys, self.head[1] + HEAD_R),
        )

    def point(self, anchor: str) -> tuple[Point, float]:
        """A named body point (for props) and the thickness of the body there."""
        torso = self.part("torso")
        if anchor == "hips":
            return torso.a, torso.ra
        if anchor == "head":
            return self.head, HEAD_R
        if anchor == "hands":
            (lx, ly), (rx, ry) = (self.part("forearm", s).b for s in SIDE_NAMES)
            return ((lx + rx) / 2, (ly + ry) / 2), self.part("forearm", "left").rb
        if anchor in ("upper-back", "lower-back"):
            return torso.at(0.72 if anchor == "upper-back" else 0.25)
        side, _, what = anchor.partition("-")
        table = {
            "hand": ("forearm", 1.0),
            "heel": ("foot", 0.0),
            "foot": ("foot", 0.45),
            "knee": ("shin", 0.0),
            "thigh": ("thigh", 0.55),
            "calf": ("shin", 0.4),
        }
        part, t = table[what]
        return self.part(part, side).at(t)


def _down(angle: float) -> Point:
    """A unit vector pointing down, turned `angle` degrees toward +x."""
    r = math.radians(angle)
    return (math.sin(r), -math.cos(r))


def _add(p: Point, d: Point, k: float) -> Point:
    return (p[0] + d[0] * k, p[1] + d[1] * k)


def pose_body(view: View, a: Angles) -> Body:
    """Forward kinematics: the body for one set of angles, hip joint at the origin."""
    up = _down(180 - a.trunk)  # the trunk points up, tipped `trunk` degrees forward
    across = (up[1], -up[0])  # toward the face (side view) or the figure's left (front view)
    front = view is View.FRONT
    pelvis: Point = (0.0, 0.0)
    chest = _add(pelvis, up, CHEST_AT)
    neck = _add(pelvis, up, TRUNK)
    head_dir = _down(180 - a.trunk - a.head)
    head = _add(neck, head_dir, NECK + HEAD_R)
    far: list[Segment] = []
    near: list[Segment] = []
    for i, side in enumerate(SIDE_NAMES):
        s = (1 if i == 0 else -1) if front else 1
        hip_at = _add(pelvis, across, 0.09 * s) if front else pelvis
        sh_at = (
            _add(_add(pelvis, up, SHOULDER_AT), across, 0.17 * s)
            if front
            else (_add(pelvis, up, SHOULDER_AT))
        )
        thigh = s * a.hip[i] - a.trunk
        shin = thigh - s * a.knee[i]
        knee = _add(hip_at, _down(thigh), THIGH)
        ankle = _add(knee, _down(shin), SHIN)
        if front:
            heel = _add(ankle, _down(shin), 0.05)
            toe = _add(heel, _down(shin + 90 * s), 0.07)
        else:
            foot_dir = _down(shin + 90 + a.ankle[i])
            heel = _add(_add(ankle, _down(shin), 0.05), foot_dir, -0.04)
            toe = _add(heel, foot_dir, 0.20)
        arm = s * a.shoulder[i] - a.trunk
        elbow = _add(sh_at, _down(arm), UPPER_ARM)
        hand = _add(elbow, _down(arm + s * a.elbow[i]), FOREARM)
        limbs = [
            Segment("thigh", side, hip_at, knee, 0.085, 0.06),
            Segment("shin", side, knee, ankle, 0.06, 0.04),
            Segment("foot", side, heel, toe, 0.04, 0.028),
            Segment("upper-arm", side, sh_at, elbow, 0.05, 0.04),
            Segment("forearm", side, elbow, hand, 0.04, 0.035),
        ]
        (near if i == 0 else far).extend(limbs)
    width = 0.04 if front else 0.0
    torso = Segment("torso", None, pelvis, chest, 0.12 + width, 0.13 + width)
    neck_seg = Segment("neck", None, chest, _add(neck, head_dir, NECK * 0.6), 0.05, 0.045)
    if front:
        # Seen from the front both sides are equally near; legs under the torso, arms on top.
        legs = [s for s in far + near if s.part in ("thigh", "shin", "foot")]
        arms = [s for s in far + near if s.part not in ("thigh", "shin", "foot")]
        return Body((*legs, torso, neck_seg, *arms), head, view)
    return Body((*far, torso, neck_seg, *near), head, view)


# The point that stays put while the body moves between positions (the standing foot...).
_STAYS: dict[Support, str] = {
    Support.FEET: "right-heel",
    Support.HANDS_AND_KNEES: "right-knee",
    Support.FOREARMS_AND_TOES: "right-foot",
    Support.KNEE_AND_FOOT: "right-foot",
    Support.SIDE: "right-foot",
}


def place(pose: Pose, a: Angles, like: Body | None = None) -> Body:
    """The body on its support: seated on a chair seat, or its lowest point on the floor; with
    `like`, shifted sideways so the part it stands or kneels on stays where it is in `like`."""
    body = pose_body(pose.view, a)
    if pose.on is Support.CHAIR:
        torso = body.part("torso")
        body = body.moved(0.0, SEAT_HEIGHT - (torso.a[1] - torso.ra))
    else:
        body = body.moved(0.0, -body.bottom())
    if like is not None:
        anchor = _stays(pose)
        body = body.moved(like.point(anchor)[0][0] - body.point(anchor)[0][0], 0.0)
    return body


def _stays(pose: Pose) -> str:
    """What keeps still between positions: a foot on a step, else hands on a frame or desk,
    else the part the body stands, kneels or sits on."""
    for kinds, ends in ((("step", "stool"), ("heel", "foot")), (_GRIPPED, ("hand", "hands"))):
        for prop in pose.props:
            if prop.name in kinds and prop.anchor.endswith(ends):
                return prop.anchor
    return _STAYS.get(pose.on, "hips")


_GRIPPED = ("doorway", "desk", "wall", "chair")


@dataclass(frozen=True)
class PropShape:
    """A prop in the room: `kind` says how to read `values` (see `props`)."""

    name: str
    kind: str  # box: x0 y0 x1 y1 | circle: cx cy r | wall: x side top | line: x y x y ...
    values: tuple[float, ...]


def _prop(prop: Prop, body: Body, problems: list[str]) -> PropShape:
    (x, y), r = body.point(prop.anchor)
    where = prop.anchor.replace("-", " ")
    if prop.name == "mat":
        x0, _, x1, _ = body.extent()
        return PropShape("mat", "box", (x0 - 0.1, -0.018, x1 + 0.1, 0.0))
    if prop.name == "chair" and prop.anchor == "hips":
        # The seat runs back from just in front of the hips; the backrest stands at its back.
        top = y - r
        return PropShape("chair", "chair", (x - 0.36, x + 0.06, top, -1.0))
    if prop.name == "chair":
        if not 0.6 <= y <= 1.1:
            problems.append(f"the {where} is {y:.2f} m up; a chair back is 0.6 to 1.1 m high")
        return PropShape("chair", "chair", (x + 0.02, x + 0.44, SEAT_HEIGHT, y))
    if prop.name in ("stool", "step", "desk"):
        top = y - r
        low, high = {"step": (0.08, 0.5), "stool": (0.3, 0.8), "desk": (0.6, 1.0)}[prop.name]
        if not low <= top <= high:
            problems.append(
                f"the {prop.name} under the {where} would be {top:.2f} m high; "
                f"a {prop.name} is {low} to {high} m"
            )
        half = 0.35 if prop.name == "desk" else 0.17
        shift = 0.25 if prop.name == "desk" else 0.0
        return PropShape(prop.name, "box", (x - half + shift, 0.0, x + half + shift, top))
    if prop.name in ("wall", "doorway"):
        pelvis = body.part("torso").a[0]
        side = 1.0 if x >= pelvis else -1.0
        return PropShape(prop.name, "wall", (x + side * r, side, 2.05))
    if prop.name in ("strap", "towel"):
        foot = body.part("foot", "left")
        (fx, fy), fr = foot.at(0.7)
        return PropShape(prop.name, "line", (x, y, fx, fy - fr * 0.4))
    if prop.name in ("foam-roller", "ball"):
        gap = y - r
        low, high = (0.10, 0.22) if prop.name == "foam-roller" else (0.05, 0.16)
        if not low <= gap <= high:
            problems.append(
                f"the {prop.name} under the {where} would be {gap:.2f} m across; it is "
                f"{low} to {high} m: change the angles so the body rests on it"
            )
        return PropShape(prop.name, "circle", (x, gap / 2, gap / 2))
    # band: from the hands to a post behind the body
    return PropShape("band", "line", (x, y, x - 1.0, y))


def props(pose: Pose, body: Body) -> tuple[tuple[PropShape, ...], list[str]]:
    """Every prop placed against the body, and what looks wrong about where they ended up."""
    problems: list[str] = []
    return tuple(_prop(p, body, problems) for p in pose.props), problems


def _depth(seg: Segment, box: tuple[float, float, float, float]) -> float:
    """How far the segment reaches into a box (m; negative when clear of it)."""
    x0, y0, x1, y1 = box
    worst = -1.0
    for i in range(9):
        (px, py), r = seg.at(i / 8)
        dx = max(x0 - px, 0.0, px - x1)
        dy = max(y0 - py, 0.0, py - y1)
        outside = math.hypot(dx, dy)
        inside = min(px - x0, x1 - px, py - y0, y1 - py)
        worst = max(worst, r - outside if outside > 0 else r + inside)
    return worst


def _touching(body: Body, part: str, sides: tuple[str | None, ...] = SIDE_NAMES) -> float:
    """Height above the floor of the lowest of these parts."""
    return min(body.part(part, s).bottom() for s in sides)


_NEEDS: dict[Support, tuple[tuple[str, str, tuple[str | None, ...]], ...]] = {
    Support.FEET: (("foot", "a foot", SIDE_NAMES),),
    Support.CHAIR: (("foot", "a foot", SIDE_NAMES),),
    Support.SEAT: (("torso", "the hips", (None,)),),
    Support.BACK: (("torso", "the back", (None,)),),
    Support.FRONT: (("torso", "the front of the body", (None,)),),
    Support.SIDE: (("forearm", "a forearm", SIDE_NAMES), ("foot", "a foot", SIDE_NAMES)),
    Support.HANDS_AND_KNEES: (
        ("forearm", "a hand", SIDE_NAMES),
        ("shin", "a knee", SIDE_NAMES),
    ),
    Support.FOREARMS_AND_TOES: (
        ("forearm", "a forearm", SIDE_NAMES),
        ("foot", "a foot", SIDE_NAMES),
    ),
    Support.KNEE_AND_FOOT: (("shin", "a knee", SIDE_NAMES), ("foot", "a foot", SIDE_NAMES)),
    Support.ROLLER: (),
}


def check_position(pose: Pose, a: Angles) -> list[str]:
    """What is wrong with one key position once placed: support, floor, props."""
    body = place(pose, a)
    problems: list[str] = []
    for part, words, sides in _NEEDS[pose.on]:
        gap = _touching(body, part, sides)
        if gap > TOUCH:
            problems.append(
                f"'{a.name}': the body rests on '{pose.on}' but {words} is "
                f"{gap * 100:.0f} cm above the floor"
            )
    if pose.on is Support.FEET and not pose.animate:
        # Standing still, both feet are on the floor unless one rests on a step or stool.
        lifted = {p.anchor.split("-")[0] for p in pose.props if p.name in ("step", "stool")}
        for side in SIDE_NAMES:
            gap = _touching(body, "foot", (side,))
            if side not in lifted and gap > TOUCH:
                problems.append(
                    f"'{a.name}': the {side} foot is {gap * 100:.0f} cm above the floor"
                )
    if pose.on is Support.CHAIR and not any(p.name == "chair" for p in pose.props):
        problems.append(f"'{a.name}': the body sits on a chair, so 'props' must list chair")
    if pose.on is Support.ROLLER and not any(
        p.name in ("foam-roller", "ball") for p in pose.props
    ):
        problems.append(f"'{a.name}': the body rests on a roller, but 'props' has none")
    for seg in body.segments:
        if seg.bottom() < -SINK:
            depth = -seg.bottom() * 100
            problems.append(f"'{a.name}': the {seg.label()} goes {depth:.0f} cm through the floor")
    shapes, prop_problems = props(pose, body)
    problems += [f"'{a.name}': {p}" for p in prop_problems]
    for shape in shapes:
        if shape.kind == "chair":
            x0, x1, top, _ = shape.values
            boxes = [(x0, top - 0.05, x1, top)]
        elif shape.kind == "box" and shape.name == "desk":
            x0, _, x1, top = shape.values
            boxes = [(x0, top - 0.04, x1, top)]  # only the top: legs fit under a desk
        elif shape.kind == "box" and shape.name != "mat":
            boxes = [shape.values[:4]]  # type: ignore[list-item]
        elif shape.kind == "wall" and shape.name == "wall":  # a doorway is an opening
            x, facing, _ = shape.values
            boxes = [(x, -1.0, x + 1.0, 3.0) if facing > 0 else (x - 1.0, -1.0, x, 3.0)]
        else:
            continue
        for box in boxes:
            for seg in body.segments:
                if _depth(seg, box) > SINK + 0.01:
                    problems.append(f"'{a.name}': the {seg.label()} goes through the {shape.name}")
    return problems


def check_pose(pose: Pose) -> list[PoseProblem]:
    """Every problem with every key position, each at its position's line."""
    return [
        PoseProblem(a.line or pose.line, message)
        for a in pose.positions
        for message in dict.fromkeys(check_position(pose, a))
    ]


def read_pose(
    value: Any, node: yaml.Node | None, first: int
) -> tuple[Pose | None, list[PoseProblem]]:
    """Parse a card's `pose:` block (None: the card has none) and check every key position."""
    if value is None or node is None:
        return None, []
    # A block mapping starts on the line after `pose:`; problems with the whole pose point there.
    block = isinstance(node, yaml.MappingNode) and not node.flow_style
    line = first + node.start_mark.line - (1 if block else 0)
    pose, problems = parse_pose(value, node, line, first)
    if pose is not None:
        problems = check_pose(pose)
    return (None if problems else pose), problems
