"""Free text understood (pure): pain in words, no pain, a bare number, the streak, skip, stop,
thanks; and what a person has at hand choosing their cards; the programme's daily cap."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.coach import kit, plan, programme
from bot.coach.intents import Intent, understand
from bot.content.model import DEFAULT_EQUIPMENT, EQUIPMENT, Library, Slot


@pytest.mark.parametrize(
    "text",
    [
        "my back hurts a lot today",
        "my lower back is stiff this morning",
        "a bit sore",
        "Ugh, aching again",
        "the stiffness is bad",
        "my hamstrings feel stifff",  # a typo of a longer word is forgiven
        "hi, my back hurts",  # pain wins over a greeting
    ],
)
def test_pain_in_words_asks_for_a_score(text: str) -> None:
    assert understand(text).intent is Intent.PAIN_WORDS


@pytest.mark.parametrize(
    "text",
    ["I like to paint", "too much stuff at work", "what is art", "purple monkey dishwasher"],
)
def test_words_that_only_look_like_pain_are_not_pain(text: str) -> None:
    assert understand(text).intent is Intent.UNKNOWN


@pytest.mark.parametrize(
    "text", ["no pain today", "No back pain!", "pain-free this week", "it doesn't hurt"]
)
def test_no_pain_is_a_zero(text: str) -> None:
    assert understand(text) == understand(text).__class__(Intent.NO_PAIN, score=0)


@pytest.mark.parametrize(("text", "score"), [("6", 6), (" 0 ", 0), ("10.", 10)])
def test_a_bare_number_is_a_number_for_the_caller_to_place(text: str, score: int) -> None:
    understood = understand(text)
    assert understood.intent is Intent.NUMBER
    assert understood.score == score


@pytest.mark.parametrize("text", ["14", "-2", "4.5"])
def test_a_bare_number_off_the_scale_carries_why(text: str) -> None:
    understood = understand(text)
    assert understood.intent is Intent.NUMBER
    assert understood.score is None
    assert understood.problem


def test_a_stated_score_is_still_a_pain_report() -> None:
    assert understand("my pain is 4").score == 4
    assert understand("6/10").intent is Intent.PAIN
    assert understand("my pain is 14").problem


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("what's my streak?", Intent.STREAK),
        ("How am I doing", Intent.STREAK),
        ("skip", Intent.SKIP),
        ("Skip this one", Intent.SKIP),
        ("not today", Intent.SKIP),
        ("stop", Intent.STOP),
        ("STOP!", Intent.STOP),
        ("👍", Intent.THANKS),
        ("👍🏽", Intent.THANKS),
        ("🙏❤️", Intent.THANKS),
        ("thanks", Intent.THANKS),
        ("thank you", Intent.THANKS),
        ("Thank you so much!", Intent.THANKS),
        ("ty", Intent.THANKS),
        ("thnaks", Intent.THANKS),
        ("done", Intent.DONE),
        ("Done ✅", Intent.DONE),
        ("desk stretch please", Intent.DESK),
        ("my back is stiff at my desk", Intent.DESK),
        ("hello", Intent.GREETING),
    ],
)
def test_everyday_phrases(text: str, intent: Intent) -> None:
    assert understand(text).intent is intent


# --- what a person has at hand --------------------------------------------------------------


def test_kit_answers_round_trip_through_the_mask_and_the_column() -> None:
    answers = (kit.Kit.CHAIR, kit.Kit.WALL)
    mask = sum(kit.bit(a) for a in answers)
    assert kit.chosen(mask) == answers
    have = kit.equipment(answers)
    assert have == {"chair", "wall", "doorway"}
    assert kit.of(kit.stored(have)) == have
    assert kit.mask_of(have) == mask


def test_kit_column_none_means_chair_and_floor_and_empty_means_nothing() -> None:
    assert kit.of(None) == DEFAULT_EQUIPMENT == {"chair", "floor"}
    assert kit.of("") == frozenset()
    assert kit.of("chair,teleporter") == {"chair"}  # unknown words are not trusted


def test_every_card_resolves_to_one_the_person_can_do_or_none(library: Library) -> None:
    for have in (frozenset(), DEFAULT_EQUIPMENT, frozenset({"floor"}), frozenset(EQUIPMENT)):
        for card_id, card in library.cards.items():
            stand_in = kit.stand_in(library, card_id, have)
            if stand_in is not None:
                assert set(stand_in.equipment) <= have
                assert stand_in.kind is card.kind or card.kind.value != "core"
            elif have >= DEFAULT_EQUIPMENT:
                pytest.fail(f"{card_id} has no chair-and-floor stand-in")


def test_a_foam_roller_card_gives_way_to_its_substitute(library: Library) -> None:
    roller = library.cards["foam-roll-glutes"]
    assert "foam-roller" in roller.equipment
    without = kit.stand_in(library, roller.id, DEFAULT_EQUIPMENT)
    assert without is not None
    assert without.id == roller.substitute
    with_roller = kit.stand_in(library, roller.id, DEFAULT_EQUIPMENT | {"foam-roller"})
    assert with_roller == roller


def test_routines_and_desk_stretches_only_choose_cards_the_person_can_do(
    library: Library,
) -> None:
    for have in (frozenset(), DEFAULT_EQUIPMENT, frozenset({"chair"}), frozenset(EQUIPMENT)):
        for week in range(1, 9):
            for slot in (Slot.MORNING, Slot.EVENING):
                for gentle in (False, True):
                    planned = programme.routine_for_week(
                        library, slot, week, gentle=gentle, have=have
                    )
                    assert planned.cards, (have, week, slot)
                    ids = planned.card_ids
                    assert len(ids) == len(set(ids))  # a stand-in is not done twice
                    fits = have if have >= DEFAULT_EQUIPMENT else have | DEFAULT_EQUIPMENT
                    for card in planned.cards:
                        assert set(card.equipment) <= fits, (card.id, have)
        cursor, seen = 0, []
        for _ in range(10):
            desk, cursor = plan.desk_stretch(library, cursor, gentle=False, have=have)
            seen.append(desk.cards[0].id)
            assert set(desk.cards[0].equipment) <= have | DEFAULT_EQUIPMENT
        if "chair" in have:
            assert len(set(seen)) > 1  # still a rotation


def test_skipping_the_questions_gives_chair_and_floor_cards(library: Library) -> None:
    week1 = programme.routine_for_week(library, Slot.MORNING, 1, gentle=False, have=kit.of(None))
    full = programme.routine_for_week(library, Slot.MORNING, 1, gentle=False)
    assert "leg-swings" in full.card_ids  # needs a wall
    assert "leg-swings" not in week1.card_ids
    assert library.cards["leg-swings"].substitute in week1.card_ids
    evening = programme.routine_for_week(library, Slot.EVENING, 1, gentle=False, have=kit.of(None))
    assert not any("foam-roller" in c.equipment for c in evening.cards)


def test_the_programme_counts_at_most_two_sessions_a_day() -> None:
    today = date(2026, 11, 23)
    assert programme.counted_sessions({today: 5}) == 2
    days = {today - timedelta(days=n): 3 for n in range(4)}
    assert programme.counted_sessions(days) == 8
    assert programme.counted_sessions({today: 1, today - timedelta(days=1): 2}) == 3
