"""One dose from one place: what a card's header says is what its timer runs, for every card in
every programme week, gentle and desk; gentle is gentler; every card is served; sources and
substitutes are checked. Pure tests over the real library, then through the emulator."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.coach import plan, programme
from bot.config import default_content_dir
from bot.content.loader import ContentError, load_library
from bot.content.model import GENTLE_HOLD, Card, Kind, Library, Slot
from bot.content.render import GENTLE_NOTE, session_messages
from tests.conftest import Harness
from tests.test_conversation import holds_done, step_until

CONTENT = default_content_dir()
WEEKS = range(1, 9)
DOSE_LINE = re.compile(
    r"Dose: (?:(\d+) × (\d+) s hold|(\d+) moves in about (\d+) (s|min)"
    r"|keep moving for about (\d+) (min|s))(, each side)?$",
    re.MULTILINE,
)
NERVE_CAUTION = "disc problem"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(CONTENT)


def header_dose(header: str) -> tuple[int, int, bool, bool]:
    """(reps, seconds per hold or per side, each side, moving) as the person reads it."""
    found = DOSE_LINE.search(header)
    assert found, header
    hold_reps, hold_s, move_reps, move_n, move_unit, keep_n, keep_unit, each = found.groups()
    if hold_reps:
        return int(hold_reps), int(hold_s), bool(each), False
    if move_reps:
        return int(move_reps), int(move_n) * (60 if move_unit == "min" else 1), bool(each), True
    return 1, int(keep_n) * (60 if keep_unit == "min" else 1), bool(each), True


def assert_header_matches_timer(card: Card, hold_seconds: int | None) -> tuple[int, int]:
    messages = session_messages(card, hold_seconds)
    reps, seconds, each, moving = header_dose(messages[0].text)
    holds = next(m.holds for m in messages if m.holds)
    sides = 2 if each else 1
    assert {h.seconds for h in holds} == {seconds}, (card.id, hold_seconds)
    assert all(h.moving == moving for h in holds)
    assert len(holds) == (sides if moving else reps * sides), (card.id, hold_seconds)
    assert {h.side for h in holds} == ({"left", "right"} if each else {None})
    if not moving:
        assert {h.reps for h in holds} == {reps}
    return reps, seconds


def test_header_dose_is_what_the_timer_runs_for_every_card_week_gentle_and_desk(
    library: Library,
) -> None:
    checked = 0
    for card in library.cards.values():
        assert_header_matches_timer(card, None)  # desk, self-tests: the card's own dose
        assert_header_matches_timer(card, GENTLE_HOLD)
        for week in WEEKS:
            assert_header_matches_timer(card, library.stage_for_week(week).hold_seconds)
            checked += 1
    assert checked == len(library.cards) * 8


def test_the_doses_the_issue_found_wrong_are_right_now(library: Library) -> None:
    week3 = library.stage_for_week(3).hold_seconds
    week1 = library.stage_for_week(1).hold_seconds
    # Core work keeps its own dose whatever the stage's stretch hold is.
    assert assert_header_matches_timer(library.cards["bird-dog"], week3) == (5, 5)
    assert assert_header_matches_timer(library.cards["plank"], week1) == (3, 20)
    assert assert_header_matches_timer(library.cards["superman"], 30) == (5, 5)


def test_every_stretch_gets_about_a_minute_a_side_in_every_week(library: Library) -> None:
    for week in WEEKS:
        for slot in (Slot.MORNING, Slot.EVENING):
            routine = programme.routine_for_week(library, slot, week, gentle=False)
            for card in routine.cards:
                if card.kind is Kind.STRETCH:
                    dose = card.dose(routine.hold_seconds)
                    assert 60 <= dose.reps * dose.seconds <= 90, (week, card.id, dose)
    first = programme.routine_for_week(library, Slot.MORNING, 1, gentle=False)
    stretch = next(c for c in first.cards if c.kind is Kind.STRETCH)
    assert stretch.dose(first.hold_seconds).text().startswith("4 × 15 s hold")
    for card in library.cards.values():  # a desk stretch uses the card's own dose: a minute too
        if card.kind is Kind.STRETCH:
            assert 60 <= card.reps * (card.hold_seconds or 0) <= 90, card.id


def test_superman_is_the_half_version(library: Library) -> None:
    superman = library.cards["superman"]
    assert superman.sides == "each"
    assert superman.why
    assert "fraction of the load" in superman.why
    assert "opposite" in superman.title
    assert "russian-twists" not in library.cards
    assert library.cards["dead-bug"].why


def test_gentle_is_gentler_and_avoids_nerve_tension(library: Library) -> None:
    for slot in (Slot.MORNING, Slot.EVENING):
        for week in WEEKS:
            normal = programme.routine_for_week(library, slot, week, gentle=False)
            gentle = programme.routine_for_week(library, slot, week, gentle=True)
            assert gentle.hold_seconds is not None
            assert normal.hold_seconds is not None
            assert gentle.hold_seconds < normal.hold_seconds
            for card in gentle.cards:
                assert card.gentle
                assert card.kind is not Kind.CORE
                if card.kind is Kind.STRETCH:
                    mild, usual = card.dose(gentle.hold_seconds), card.dose(normal.hold_seconds)
                    assert mild.seconds < usual.seconds
                    assert mild.reps <= usual.reps
                    assert mild.reps * mild.seconds < usual.reps * usual.seconds
                    assert GENTLE_NOTE in session_messages(card, gentle.hold_seconds)[0].text
    gentle_ids = {c for r in library.routines.values() for c in r.gentle_cards}
    for card_id in gentle_ids:
        card = library.cards[card_id]
        # No straight-leg-raise positions: no strap, doorway or wall, no card that puts the
        # sciatic nerve on stretch (those carry the disc caution).
        assert not {"strap", "doorway", "wall"} & set(card.equipment), card_id
        assert not any(NERVE_CAUTION in c for c in card.cautions), card_id
    desk, _ = plan.desk_stretch(library, 0, gentle=True)
    assert GENTLE_NOTE in session_messages(desk.cards[0], desk.hold_seconds)[0].text
    assert (CONTENT / "GENTLE.md").read_text().count("sciatic") >= 1


def test_every_card_is_served_and_routines_change_with_the_weeks(library: Library) -> None:
    assert library.unused() == ()
    for slot in (Slot.MORNING, Slot.EVENING):
        weekly = {
            tuple(c.id for c in programme.routine_for_week(library, slot, w, gentle=False).cards)
            for w in WEEKS
        }
        assert len(weekly) == len(library.stages), slot
        for week in WEEKS:
            routine = programme.routine_for_week(library, slot, week, gentle=False)
            assert 5 <= routine.minutes <= 10, (slot, week)
    warmups = [library.stage_for_week(w).warmup for w in WEEKS]
    assert ("light-warm-up",) in warmups
    assert library.cards["light-warm-up"].work_seconds == 300


def test_content_check_warns_about_an_unused_card_but_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    card = (content / "cards" / "knee-rocks.md").read_text()
    (content / "cards" / "spare.md").write_text(card.replace("id: knee-rocks", "id: spare"))
    assert main(["content", "check", str(content)]) == 0
    err = capsys.readouterr().err
    assert "warning: card 'spare'" in err
    assert "knee-rocks" not in err
    assert main(["content", "check", str(CONTENT)]) == 0
    assert "warning" not in capsys.readouterr().err


def test_wording_fixes(library: Library) -> None:
    everything = "\n".join(p.read_text() for p in (CONTENT / "cards").glob("*.md"))
    for phrase in ("squeezes its discs", "the very place that hurts", "hips and hamstrings"):
        assert phrase not in everything
    for card_id in ("chair-hamstring", "knee-to-chest-extension", "wall-hamstring"):
        assert any(NERVE_CAUTION in c for c in library.cards[card_id].cautions), card_id
    with_caution = [
        c for c in library.cards.values() if any(NERVE_CAUTION in x for x in c.cautions)
    ]
    assert len(with_caution) <= len(library.cards) // 3  # where it matters, not on every header
    wall = library.cards["wall-hamstring"]
    assert "doorway" in wall.equipment
    assert "doorway" in wall.title.lower()
    sit_reach = library.cards["sit-and-reach-test"]
    assert not any("helper measures" in s for s in sit_reach.steps)
    lunge = library.cards["kneeling-lunge"]
    assert "hamstring" not in lunge.title.lower()
    assert not any("Shift your weight" in s for s in lunge.steps)


def test_every_card_cites_listed_sources_and_props_have_substitutes(library: Library) -> None:
    sources = (CONTENT / "SOURCES.md").read_text()
    for card in library.cards.values():
        assert card.sources, card.id
        assert all(f"## {key}:" in sources for key in card.sources)
        props = set(card.equipment) - {"chair", "floor"}
        if props:
            assert card.substitute, card.id
            other = library.cards[card.substitute]
            assert set(other.equipment) - {"chair", "floor"} < props


def _broken(tmp_path: Path, card_id: str, old: str, new: str) -> list[str]:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    path = content / "cards" / f"{card_id}.md"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    with pytest.raises(ContentError) as caught:
        load_library(content)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("card_id", "old", "new", "message"),
    [
        ("plank", "sources: [seed-001,", "sources: [seed-999,", "source 'seed-999' is not in"),
        ("leg-swings", "substitute: high-knees\n", "", "needs wall: name a 'substitute'"),
        (
            "leg-swings",
            "substitute: high-knees",
            "substitute: foam-roll-calves",
            "substitute 'foam-roll-calves' must be a card that needs fewer props",
        ),
        ("pallof-press", "substitute: dead-bug", "substitute: no-such", "no card has the id"),
        ("plank", "equipment: [floor]", "equipment: [mat]", "'equipment' is 'mat'"),
        ("supine-strap-hamstring", "gentle: false", "gentle: true", "cannot be gentle"),
    ],
)
def test_loader_refuses_bad_sources_and_substitutes(
    tmp_path: Path, card_id: str, old: str, new: str, message: str
) -> None:
    problems = _broken(tmp_path, card_id, old, new)
    assert any(f"{card_id}.md:" in p and message in p for p in problems), problems


# --- through the emulator -------------------------------------------------------------------


async def _desk_dose(bot: Harness) -> tuple[str, str, list[str]]:
    phone = bot.phone(1001)
    mark = phone.mark()
    await phone.send("/desk", expect="🪑")
    card = await phone.expect("Step 1 of", after=mark)
    # The card's first line is "<title> · <dose>": read it as the header's dose line.
    header = "Dose: " + (card.text or "").split(" · ", 1)[1]
    step = await step_until(phone, card, "Start")
    plan_text = step.text or ""  # the message is edited in place once the timer runs
    await phone.press(step, "Start")
    timer = await holds_done(phone, step)
    edits = [re.sub(r"<[^>]+>", "", e) for e in timer.edits]  # as the person sees them
    return header, plan_text, edits


async def test_desk_shows_the_dose_the_timer_then_runs(bot: Harness) -> None:
    phone = bot.phone(1001)
    await phone.send("/start", expect="stretchbot")
    header, step, edits = await _desk_dose(bot)
    reps, seconds, each, _ = header_dose(header)
    assert f"Timer: {reps} × {seconds} s" in step
    countdown = [e for e in edits if "⏱" in e]
    assert f"⏱ {seconds} s" in countdown[0]
    assert f"rep 1 of {reps}" in countdown[0]
    assert any(f"rep {reps} of {reps}" in e for e in countdown)
    assert each == any("right side" in e for e in countdown)
    assert GENTLE_NOTE not in header


async def test_gentle_desk_stretch_shows_and_times_the_gentle_dose(bot: Harness) -> None:
    phone = bot.phone(1001)
    await phone.send("/start", expect="stretchbot")
    await phone.send("/pain 8", expect="Recorded")
    header, step, edits = await _desk_dose(bot)
    assert GENTLE_NOTE in header
    assert header_dose(header)[:2] == (2, GENTLE_HOLD)
    seconds = GENTLE_HOLD
    assert f"Timer: 2 × {seconds} s" in step
    countdown = [e for e in edits if "⏱" in e]
    assert f"⏱ {seconds} s" in countdown[0]
