"""The content loader over the real library and over deliberately broken files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import default_content_dir
from bot.content.loader import ContentError, load_library
from bot.content.model import Kind, Library, Slot
from bot.content.render import TELEGRAM_TEXT_LIMIT, session_messages, visible_length

CONTENT = default_content_dir()

# Every exercise the seed articles describe must have a card.
SEED_EXERCISES = {
    "seated-hamstring-hinge", "seated-forward-fold-hinge", "standing-hamstring",
    "supine-strap-hamstring", "seated-towel-stretch", "wall-hamstring", "chair-hamstring",
    "desk-leg-stretch", "ballerina-stool", "doorway-hip-hinge", "knee-to-chest-extension",
    "seated-knee-hug", "seated-leg-slide", "kneeling-lunge", "foam-roll-hamstrings",
    "foam-roll-glutes", "foam-roll-back", "ball-piriformis", "leg-swings", "high-knees",
    "butt-kicks", "walking-lunges", "pnf-strap-hamstring", "wide-leg-forward-fold",
    "standing-forward-fold", "plank", "bridge", "bird-dog", "side-plank", "superman",
    "pallof-press", "leg-raises", "straight-leg-raise-test", "sit-and-reach-test",
    # Missing from the first library: the light warm-up, the floor hinge, more rolling. The seed's
    # Russian twists are replaced by the dead bug (its card says why).
    "light-warm-up", "floor-hamstring-hinge", "foam-roll-calves", "foam-roll-hip-flexors",
    "foam-roll-outer-thigh", "dead-bug",
}  # fmt: skip

GOOD_CARD = """\
---
id: test-card
title: Test stretch
kind: stretch
purpose: Checks the loader.
slots: [desk]
position: seated
equipment: [chair]
sides: each
hold_seconds: 20
reps: 2
level: 1
gentle: true
cautions:
  - A mild pull, never pain.
---

## Steps

1. Sit tall.
2. Hinge forward and hold.

## Mistakes to avoid

- Rounding the back.
"""


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(CONTENT)


def test_every_seed_exercise_has_a_card(library: Library) -> None:
    assert set(library.cards) >= SEED_EXERCISES


def test_every_routine_resolves_and_fits_its_length(library: Library) -> None:
    for slot in Slot:
        routine = library.routine_for(slot)
        assert all(card in library.cards for card in routine.cards + routine.gentle_cards)
    for stage in library.stages:
        for slot in (Slot.MORNING, Slot.EVENING):
            cards = [library.cards[c] for c in stage.cards_for(slot)]
            seconds = sum(card.seconds(stage.hold_seconds) for card in cards)
            assert 5 * 60 <= seconds <= 10 * 60, (stage.title, slot)
    evening = library.routine_for(Slot.EVENING)
    assert all(library.cards[c].gentle for c in evening.gentle_cards)
    assert library.routine_for(Slot.DESK).pick == "one"


def test_programme_covers_eight_weeks_with_core_work_and_growing_holds(library: Library) -> None:
    weeks = sorted(w for stage in library.stages for w in stage.weeks)
    assert weeks == list(range(1, 9))
    holds = [stage.hold_seconds for stage in library.stages]
    assert holds == sorted(holds)
    assert holds[0] <= 20
    assert holds[-1] >= 30
    for stage in library.stages:
        assert all(library.cards[c].kind is Kind.CORE for c in stage.core)


def test_session_messages_are_telegram_safe_and_carry_their_holds(library: Library) -> None:
    for card in library.cards.values():
        messages = session_messages(card)
        assert len(messages) == len(card.steps) + 1  # a header, then one message per step
        for message in messages:
            assert 0 < visible_length(message.text) <= TELEGRAM_TEXT_LIMIT
            assert "<script" not in message.text
        timed = [m for m in messages if m.holds]
        assert len(timed) == 1, card.id
        holds = timed[0].holds
        sides = 2 if card.sides == "each" else 1
        assert len(holds) == (sides if card.work_seconds else card.reps * sides)
        assert all(5 <= h.seconds <= 300 for h in holds)
        if card.sides == "each":
            assert {h.side for h in holds} == {"left", "right"}


def test_author_text_is_escaped(tmp_path: Path) -> None:
    content = _copy_content(tmp_path)
    (content / "cards" / "test-card.md").write_text(
        GOOD_CARD.replace("1. Sit tall.", "1. Sit <tall> & **proud**.")
    )
    card = load_library(content).cards["test-card"]
    assert card.steps[0] == "Sit &lt;tall&gt; &amp; <b>proud</b>."


def test_hold_override_lengthens_static_holds_only(library: Library) -> None:
    stretch = library.cards["chair-hamstring"]
    assert {h.seconds for h in stretch.holds(30)} == {30}
    swings = library.cards["leg-swings"]
    assert swings.holds(30) == swings.holds()


def _copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def _problems(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_library(content)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (lambda t: t.replace("title: Test stretch\n", "title: [broken\n"), 4, "malformed"),
        (lambda t: t.replace("title: Test stretch\n", ""), 2, "required key 'title'"),
        (lambda t: t.replace("hold_seconds: 20", "hold_seconds: -5"), 10, "'hold_seconds' is -5"),
        (lambda t: t.replace("hold_seconds: 20", "hold_seconds: 900"), 10, "from 5 to 120"),
        (lambda t: t.replace("slots: [desk]", "slots: [lunch]"), 6, "'slots' is 'lunch'"),
        (lambda t: t.replace("level: 1\n", "level: 1\ncolour: red\n"), 13, "unknown key 'colour'"),
        (lambda t: t.replace("reps: 2", "reps: two"), 11, "'reps' must be a whole number"),
        (
            lambda t: t.replace("1. Sit tall.\n2. Hinge forward and hold.\n", "Just sit.\n"),
            18,
            "at least one numbered step",
        ),
        (lambda t: t.replace("## Steps", "## Stages"), 17, "no '## Steps' section"),
        (lambda t: t.replace("equipment: [chair]", "equipment: [sofa]"), 8, "is 'sofa'"),
        (
            lambda t: t.replace("hold_seconds: 20", "work_seconds: 30\nhold_seconds: 20"),
            10,
            "exactly one of",
        ),
        (lambda t: t.replace("level: 1\n", "level: 1\nlevel: 2\n"), 13, "appears twice"),
    ],
)
def test_broken_card_is_refused_with_file_and_line(
    tmp_path: Path, change: object, line: int, message: str
) -> None:
    content = _copy_content(tmp_path)
    broken = content / "cards" / "test-card.md"
    broken.write_text(change(GOOD_CARD))  # type: ignore[operator]
    problems = _problems(content)
    mine = [p for p in problems if p.startswith(f"{broken}:")]
    assert any(p.startswith(f"{broken}:{line}: ") and message in p for p in mine), problems


def test_duplicate_id_names_both_files(tmp_path: Path) -> None:
    content = _copy_content(tmp_path)
    (content / "cards" / "zz-copy.md").write_text((content / "cards" / "plank.md").read_text())
    problems = _problems(content)
    copy = content / "cards" / "zz-copy.md"
    original = content / "cards" / "plank.md"
    assert f"{copy}:2: duplicate id 'plank' (also in {original})" in problems, problems


def test_routine_naming_a_missing_card_is_refused(tmp_path: Path) -> None:
    content = _copy_content(tmp_path)
    routine = content / "routines" / "desk.md"
    text = routine.read_text().replace("cards: [chair-hamstring,", "cards: [no-such-card,", 1)
    routine.write_text(text)
    problems = _problems(content)
    assert any(
        p.startswith(f"{routine}:6: ") and "no card has the id 'no-such-card'" in p
        for p in problems
    ), problems


def test_content_check_prints_a_summary_or_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["content", "check", str(CONTENT)]) == 0
    out = capsys.readouterr().out
    assert "cards:" in out
    assert "morning" in out
    assert "min" in out
    content = _copy_content(tmp_path)
    (content / "cards" / "a.md").write_text(GOOD_CARD.replace("reps: 2", "reps: 0"))
    (content / "cards" / "b.md").write_text("no front matter at all\n")
    assert main(["content", "check", str(content)]) == 1
    err = capsys.readouterr().err
    assert f"{content / 'cards' / 'a.md'}:11: 'reps' is 0" in err
    assert f"{content / 'cards' / 'b.md'}:1: " in err
    assert "2 problem(s)" in err
    assert "Traceback" not in err
