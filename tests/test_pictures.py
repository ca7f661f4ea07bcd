"""Poses in the cards: the validator on good and broken poses, the renderer, the CLI."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image

from bot.cli import main
from bot.config import default_content_dir
from bot.content.loader import ContentError, load_library
from bot.content.model import Library
from bot.pictures import (
    ANIMATION_SIZE,
    STILL_SIZE,
    PictureKind,
    card_sides,
    picture_digest,
    picture_for,
    render_card_pictures,
)

CONTENT = default_content_dir()

# A seated chair hamstring stretch; the pose block starts on line 18.
POSED_CARD = """\
---
id: posed-card
title: Posed stretch
kind: stretch
purpose: A card for testing poses.
slots: [desk]
position: seated
equipment: [chair]
sides: each
hold_seconds: 20
reps: 2
level: 1
gentle: true
cautions:
  - Mild pull only.
---
"""
POSE = """\
pose:
  rests_on: chair
  props: [chair]
  muscle: hamstrings
  start:
    hip: {left: 60, right: 80}
    knee: {left: 10, right: 80}
    ankle: {left: 15, right: 0}
    shoulder: 30
    elbow: 40
  end:
    trunk: 25
    hip: {left: 85, right: 105}
"""
BODY = """
## Steps

1. Sit tall.
2. Hinge forward and hold.

## Mistakes to avoid

- Rounding the back.
"""


def _card(pose: str) -> str:
    head, _, _ = POSED_CARD.rpartition("---\n")
    return head + pose + "---\n" + BODY


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(CONTENT)


def test_every_card_has_a_valid_pose(library: Library) -> None:
    assert library.warnings == ()
    assert all(card.pose is not None for card in library.cards.values())


def _problems(tmp_path: Path, text: str) -> tuple[Path, list[str]]:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    card = content / "cards" / "posed-card.md"
    card.write_text(text)
    with pytest.raises(ContentError) as caught:
        load_library(content)
    return card, [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("rests_on: chair", "rests_on: sofa", 17, "'rests_on' is 'sofa'"),
        ("  rests_on: chair\n", "", 16, "what the body rests on"),
        ("knee: {left: 10, right: 80}", "knee: {left: 10, right: 200}", 22, "200"),
        ("knee: {left: 10, right: 80}", "knee: {left: 10}", 22, "both sides"),
        ("    ankle: {left: 15, right: 0}\n", "    elbow: 30\n    wrist: 5\n", 24, "wrist"),
        ("props: [chair]", "props: [sofa]", 18, "'props' is 'sofa'"),
        ("muscle: hamstrings", "muscle: heart", 19, "'muscle' is 'heart'"),
        # Both legs held out straight: the feet dangle above the floor.
        (
            "hip: {left: 60, right: 80}\n    knee: {left: 10, right: 80}",
            "hip: 90\n    knee: 10",
            20,
            "above the floor",
        ),
        # Without the chair prop the seated body has nothing to sit on.
        ("props: [chair]", "props: []", 20, "must list chair"),
        # Legs straight down from a chair seat go through the floor.
        (
            "hip: {left: 60, right: 80}\n    knee: {left: 10, right: 80}",
            "hip: {left: 20, right: 20}\n    knee: {left: 0, right: 0}",
            20,
            "through the floor",
        ),
        ("  start:\n", "  begin:\n", 16, "needs a 'start'"),
    ],
)
def test_broken_pose_is_refused_with_file_and_line(
    tmp_path: Path, old: str, new: str, line: int, message: str
) -> None:
    assert old in POSE
    card, problems = _problems(tmp_path, _card(POSE.replace(old, new)))
    mine = [p for p in problems if p.startswith(f"{card}:")]
    assert any(p.startswith(f"{card}:{line}: ") and message in p for p in mine), problems


def test_a_foot_through_the_wall_is_refused(tmp_path: Path) -> None:
    pose = POSE.replace("props: [chair]", "props: [chair, {wall: left-hand}]").replace(
        "    shoulder: 30\n    elbow: 40\n", "    shoulder: 90\n    elbow: 0\n"
    )
    card, problems = _problems(tmp_path, _card(pose))
    assert any(p.startswith(f"{card}:") and "through the wall" in p for p in problems), problems


def test_card_without_a_pose_is_a_warning_not_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "cards" / "posed-card.md").write_text(_card(""))
    library = load_library(content)
    assert library.cards["posed-card"].pose is None
    assert any("posed-card.md:2: the card has no pose" in w for w in library.warnings)
    assert render_card_pictures(library.cards["posed-card"]) == []
    assert main(["content", "check", str(content)]) == 0
    assert "warning:" in capsys.readouterr().err


def test_good_pose_loads(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "cards" / "posed-card.md").write_text(_card(POSE))
    pose = load_library(content).cards["posed-card"].pose
    assert pose is not None
    assert pose.end is not None
    # The end position lists only what changes; the rest carries over from the start.
    assert pose.end.knee == (10.0, 80.0)
    assert pose.end.trunk == 25.0


def test_every_card_renders_the_right_image_for_each_side(library: Library) -> None:
    for card in library.cards.values():
        pictures = render_card_pictures(card)
        assert [p.side for p in pictures] == list(card_sides(card)), card.id
        for picture in pictures:
            image = Image.open(io.BytesIO(picture.data))
            assert card.pose is not None
            if card.pose.animate:
                assert picture.kind is PictureKind.ANIMATION
                assert image.format == "GIF"
                assert image.n_frames > 10
                assert image.size == ANIMATION_SIZE
            else:
                assert picture.kind is PictureKind.PHOTO
                assert image.format == "PNG"
                assert image.size == STILL_SIZE
            assert len(picture.data) < 300_000, picture.filename
            assert picture.digest == picture_digest(card, picture.side)


def test_rendering_is_deterministic_and_the_digest_follows_the_pose(library: Library) -> None:
    still, moving = library.cards["chair-hamstring"], library.cards["bird-dog"]
    for card in (still, moving):
        first, second = picture_for(card, "left"), picture_for(card, "left")
        assert first is not None
        assert second is not None
        assert first.data == second.data
        assert first.digest == second.digest
    left, right = picture_for(still, "left"), picture_for(still, "right")
    assert left is not None
    assert right is not None
    assert left.digest != right.digest
    assert left.data != right.data
    assert picture_digest(still, "left") != picture_digest(moving, "left")


def test_content_images_writes_every_picture(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], library: Library
) -> None:
    out = tmp_path / "pictures"
    assert main(["content", "images", str(CONTENT), "--out", str(out), "--jobs", "1"]) == 0
    expected = {p for card in library.cards.values() for p in _names(card.id, card)}
    assert {f.name for f in out.iterdir()} == expected
    assert f"{len(expected)} pictures" in capsys.readouterr().out


def _names(card_id: str, card: object) -> list[str]:
    from bot.content.model import Card

    assert isinstance(card, Card)
    assert card.pose is not None
    extension = "gif" if card.pose.animate else "png"
    return [f"{card_id}{'-' + s if s else ''}.{extension}" for s in card_sides(card)]


def test_content_images_refuses_broken_content(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "cards" / "posed-card.md").write_text(_card(POSE.replace("chair\n", "sofa\n")))
    with pytest.raises(SystemExit):
        main(["content", "images", str(content), "--out", str(tmp_path / "out")])


def test_the_worked_example_in_the_content_readme_is_a_valid_pose(tmp_path: Path) -> None:
    readme = (CONTENT / "README.md").read_text()
    start = readme.index("```yaml\npose:") + len("```yaml\n")
    example = readme[start : readme.index("```", start)]
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "cards" / "posed-card.md").write_text(_card(example))
    pose = load_library(content).cards["posed-card"].pose
    assert pose is not None
    assert [p.name for p in pose.props] == ["chair"]


def test_pictures_drawn_in_worker_threads_match_the_ones_drawn_alone(library: Library) -> None:
    from concurrent.futures import ThreadPoolExecutor

    cards = [library.cards[c] for c in ("chair-hamstring", "plank", "bridge", "wall-hamstring")]
    alone = [picture_for(card) for card in cards]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(picture_for, cards))
    assert [p.data for p in threaded if p] == [p.data for p in alone if p]
