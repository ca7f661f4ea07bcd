"""The highlighted muscle sits on the right face of the limb: hamstrings on the back of the thigh.

Pure geometry on the placed body (no drawing): the red strip `draw._band` lays along a segment is
compared with the segment's own axis, the way a person looks at the picture.
"""

from __future__ import annotations

import pytest

from bot.content.body import place
from bot.content.model import Library
from bot.content.pose import Muscle
from bot.pictures.draw import MUSCLE_PLACES, _band

Point = tuple[float, float]


def _band_offset(library: Library, card_id: str, muscle: Muscle, part: str) -> Point:
    """How far the strip's centre lies from the axis of the near `part`, in the held position."""
    pose = library.cards[card_id].pose
    assert pose is not None
    body = place(pose, pose.end or pose.start)
    seg = next(s for s in body.segments if s.part == part and s.side in ("left", None))
    _, face, t0, t1 = next(p for p in MUSCLE_PLACES[muscle] if p[0] == part)
    band = _band(seg, face, t0, t1, body.view)
    cx = sum(x for x, _ in band) / len(band)
    cy = sum(y for _, y in band) / len(band)
    middle = (t0 + t1) / 2
    (ax, ay), _ = seg.at(middle)
    return cx - ax, cy - ay


@pytest.mark.parametrize(
    "card_id",
    ["chair-hamstring", "floor-hamstring-hinge", "foam-roll-hamstrings", "ballerina-stool"],
)
def test_hamstrings_are_on_the_underside_of_a_thigh_that_points_forward(
    library: Library, card_id: str
) -> None:
    # Seated, on the roller or with the heel up: the thigh runs forward, its back faces down
    # (onto the seat, the roller, the floor).
    _, dy = _band_offset(library, card_id, Muscle.HAMSTRINGS, "thigh")
    assert dy < -0.02


def test_hamstrings_face_away_from_the_head_on_a_raised_leg(library: Library) -> None:
    # Lying on the back with the leg up (the figure's head is to the left): the back of the
    # thigh faces the feet's end of the mat, not the head.
    dx, _ = _band_offset(library, "pnf-strap-hamstring", Muscle.HAMSTRINGS, "thigh")
    assert dx > 0.02


def test_hamstrings_are_behind_a_standing_thigh(library: Library) -> None:
    # The hinge: the figure faces right, so the back of the thigh is on the left.
    dx, _ = _band_offset(library, "doorway-hip-hinge", Muscle.HAMSTRINGS, "thigh")
    assert dx < -0.02
