"""Plain unit tests of the pain rules (bot/coach/pain.py) and the programme's pain hold.

Each threshold is pinned on both sides, so moving any of them by one point or one day fails a test.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.coach import pain, programme
from bot.coach.pain import PainState, Report, Signal

NOW = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)
SECOND = timedelta(seconds=1)


def ago(days: float, score: int, *, extra: timedelta = timedelta(0)) -> Report:
    return Report(NOW - timedelta(days=days) - extra, score)


def settled(score: int, *, count: int = 5) -> list[Report]:
    """`count` daily reports of `score`, 5 days ago and earlier: a settled baseline."""
    return [ago(5 + day, score) for day in range(count)]


def judge(
    score: int, history: Iterable[Report], state: PainState | None = None
) -> pain.PainReview:
    return pain.review(score, NOW, list(history), state or PainState())


def replay(
    days: list[int], *, before: list[Report], state: PainState | None = None
) -> tuple[list[Signal], PainState]:
    """Report `days` one a day up to NOW, each judged on everything before it."""
    history, signals, current = list(before), [], state or PainState()
    start = NOW - timedelta(days=len(days) - 1)
    for i, score in enumerate(days):
        at = start + timedelta(days=i)
        verdict = pain.review(score, at, history, current)
        signals.append(verdict.signal)
        current = verdict.state
        history.append(Report(at, score))
    return signals, current


# --- the MCID and the settled baseline --------------------------------------------------------


@pytest.mark.parametrize(
    ("baseline", "expected"),
    [(0, 2), (3, 2), (6, 2), (6.5, 2), (7, 3), (8, 3), (10, 3)],
)
def test_mcid_is_two_points_or_thirty_percent_whichever_is_larger(
    baseline: float, expected: int
) -> None:
    assert pain.mcid(baseline) == expected


def test_baseline_is_the_median_of_reports_3_to_17_days_old() -> None:
    history = [ago(4, 3), ago(6, 3), ago(8, 9), ago(10, 2), ago(1, 8), ago(2, 8)]
    assert pain.settled_baseline(history, NOW) == 3  # the median, and not the last two days


def test_baseline_window_edges() -> None:
    inside = [ago(17, 6), ago(3, 6, extra=SECOND), ago(10, 6)]
    assert pain.settled_baseline(inside, NOW) == 6
    too_new = [ago(3, 6), ago(17, 6), ago(10, 6)]  # exactly 3 days ago is still "latest"
    assert pain.settled_baseline(too_new, NOW) is None
    too_old = [ago(17, 6, extra=SECOND), ago(4, 6), ago(10, 6)]
    assert pain.settled_baseline(too_old, NOW) is None


def test_baseline_needs_three_reports() -> None:
    assert pain.settled_baseline(settled(3, count=2), NOW) is None
    assert pain.settled_baseline(settled(3, count=3), NOW) == 3


def test_without_a_settled_baseline_only_the_absolute_rules_apply() -> None:
    # One earlier report of 0 is not a baseline: 6 is noted, not called a rise.
    assert judge(6, [ago(5, 0)]).signal is Signal.STEADY
    assert judge(6, settled(0, count=2)).signal is Signal.STEADY
    assert judge(6, settled(0, count=3)).signal is Signal.RISING


# --- rises --------------------------------------------------------------------------------------


def test_zero_to_three_is_a_check_in_not_a_flare() -> None:
    verdict = judge(3, settled(0))
    assert verdict.signal is Signal.CHECK_IN
    assert not verdict.flare
    assert not verdict.state.gentle
    assert "keeps climbing" in pain.advice(verdict)


@pytest.mark.parametrize(
    ("baseline", "score", "signal"),
    [
        (3, 4, Signal.STEADY),  # 1 point: noise
        (3, 5, Signal.RISING),  # exactly the MCID, into moderate pain
        (2, 3, Signal.STEADY),
        (2, 4, Signal.CHECK_IN),  # exactly the MCID, but still mild
        (2, 5, Signal.RISING),  # moderate starts at 5
        (4, 6, Signal.RISING),
        (5, 6, Signal.STEADY),
    ],
)
def test_a_rise_needs_the_mcid_and_moderate_pain_to_be_a_flare(
    baseline: int, score: int, signal: Signal
) -> None:
    verdict = judge(score, settled(baseline))
    assert verdict.signal is signal
    assert verdict.baseline == baseline
    assert verdict.state.gentle == (signal is Signal.RISING)


def test_a_slow_creep_is_noticed_against_the_settled_baseline() -> None:
    # Each day is only one point above the day before: a comparison with the previous report
    # would never fire. Against the settled 3 it does, as soon as the creep reaches 5.
    signals, state = replay([4, 5, 6, 6], before=settled(3, count=10))
    assert signals == [Signal.STEADY, Signal.RISING, Signal.RISING, Signal.RISING]
    assert state.gentle
    assert state.flare_baseline == 3


def test_the_latest_days_do_not_become_their_own_baseline() -> None:
    # Three days of 6 on top of a settled 3: the baseline is still 3, so 6 is still a rise.
    history = [*settled(3), ago(1, 6), ago(2, 6), ago(3, 6)]
    assert judge(6, history).baseline == 3
    assert judge(6, history).signal is Signal.RISING


# --- high pain and escalation -------------------------------------------------------------------


@pytest.mark.parametrize(("score", "flare"), [(6, False), (7, True), (10, True)])
def test_seven_or_more_is_a_flare_without_any_history(score: int, flare: bool) -> None:
    verdict = judge(score, [])
    assert verdict.flare is flare
    assert verdict.state.gentle is flare
    assert verdict.signal is (Signal.HIGH if flare else Signal.STEADY)


def test_a_high_score_on_a_high_baseline_is_still_high() -> None:
    already = PainState(escalated_at=NOW - timedelta(days=1))
    assert judge(8, settled(8), already).signal is Signal.HIGH


def test_three_high_reports_in_two_weeks_escalate() -> None:
    verdict = judge(7, [ago(2, 7), ago(9, 8)])
    assert verdict.signal is Signal.ESCALATE
    assert verdict.escalate
    assert verdict.flare
    assert verdict.state.escalated_at == NOW
    assert "GP or a physiotherapist" in pain.advice(verdict)


def test_two_high_reports_do_not_escalate() -> None:
    verdict = judge(7, [ago(2, 8)])
    assert verdict.signal is Signal.HIGH
    assert verdict.state.escalated_at is None


def test_only_scores_of_seven_or_more_count_towards_escalation() -> None:
    assert judge(8, [ago(1, 6), ago(2, 7)]).signal is Signal.HIGH
    assert judge(6, [ago(1, 8), ago(2, 8)]).signal is not Signal.ESCALATE  # the new one must be


def test_escalation_window_edge() -> None:
    assert judge(8, [ago(1, 8), ago(14, 8)]).signal is Signal.ESCALATE
    assert judge(8, [ago(1, 8), ago(14, 8, extra=SECOND)]).signal is Signal.HIGH
    assert judge(8, [ago(1, 8), ago(15, 8)]).signal is Signal.HIGH


def test_escalation_happens_once_not_on_every_high_report() -> None:
    signals, state = replay([8, 8, 8, 8, 8, 9], before=[])
    assert signals == [Signal.HIGH, Signal.HIGH, Signal.ESCALATE] + [Signal.HIGH] * 3
    assert state.escalated_at == NOW - timedelta(days=3)


def test_escalation_repeats_only_after_28_days() -> None:
    highs = [ago(1, 8), ago(2, 8)]
    recently = PainState(escalated_at=NOW - timedelta(days=28) + SECOND)
    assert judge(8, highs, recently).signal is Signal.HIGH
    assert judge(8, highs, recently).state.escalated_at == recently.escalated_at
    long_ago = PainState(escalated_at=NOW - timedelta(days=28))
    assert judge(8, highs, long_ago).signal is Signal.ESCALATE


# --- gentle mode ends on a settled average ------------------------------------------------------


def gentle_since(days: float, baseline: float | None) -> PainState:
    return PainState(gentle_since=NOW - timedelta(days=days), flare_baseline=baseline)


def test_one_calmer_report_does_not_end_gentle_mode() -> None:
    signals, state = replay([8, 0], before=settled(3))
    assert signals == [Signal.HIGH, Signal.STILL_GENTLE]
    assert state.gentle


def test_gentle_mode_ends_when_the_last_three_settle() -> None:
    signals, state = replay([8, 3, 3], before=settled(3))  # mean 4.67: within 2 of 3, below 5
    assert signals == [Signal.HIGH, Signal.STILL_GENTLE, Signal.SETTLED]
    assert state == PainState()


@pytest.mark.parametrize(
    ("baseline", "spell", "score", "ends"),
    [
        (2, [4, 4], 4, False),  # mean 4: exactly the MCID above 2, so not back within it
        (2, [4, 4], 3, True),  # mean 3.67
        (4, [5, 5], 5, False),  # within the MCID of 4, but a mean of 5 is not below 5
        (4, [5, 5], 4, True),  # mean 4.67
        (None, [5, 5], 4, True),  # no baseline before the flare: below 5 is enough
        (None, [5, 5], 5, False),
        (7, [6, 6], 6, False),  # back near a high baseline is still not below 5
    ],
)
def test_settled_average_boundaries(
    baseline: float | None, spell: list[int], score: int, ends: bool
) -> None:
    state = gentle_since(3, baseline)
    history = [ago(3, spell[0]), ago(1, spell[1])]
    verdict = judge(score, history, state)
    assert verdict.signal is (Signal.SETTLED if ends else Signal.STILL_GENTLE)
    assert verdict.state.gentle is not ends


def test_reports_from_before_the_flare_do_not_count_towards_settling() -> None:
    state = gentle_since(1, 2)
    history = [ago(1, 8), ago(2, 2), ago(3, 2)]  # the flare, and two calm reports before it
    assert judge(2, history, state).signal is Signal.STILL_GENTLE


def test_a_second_flare_keeps_the_baseline_from_before_the_first() -> None:
    state = gentle_since(2, 3)
    verdict = judge(9, [ago(2, 6), ago(1, 5)], state)
    assert verdict.signal is Signal.HIGH
    assert verdict.state.gentle_since == state.gentle_since
    assert verdict.state.flare_baseline == 3


def test_settling_ignores_the_order_of_the_history() -> None:
    state = gentle_since(3, 3)
    history = [ago(1, 3), ago(3, 8)]
    assert judge(3, history, state).signal is Signal.SETTLED
    assert judge(3, list(reversed(history)), state).signal is Signal.SETTLED


# --- improvement ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("baseline", "score", "improved"),
    [(3, 1, True), (3, 2, False), (6, 4, True), (6, 5, False), (7, 4, True), (7, 5, False)],
)
def test_a_drop_of_the_mcid_is_acknowledged(baseline: int, score: int, improved: bool) -> None:
    verdict = judge(score, settled(baseline))
    assert verdict.signal is (Signal.IMPROVED if improved else Signal.STEADY)


def test_the_improvement_words_name_the_usual_level() -> None:
    text = pain.advice(judge(4, settled(6)))
    assert "real improvement" in text
    assert "about 6" in text


# --- the self-test ------------------------------------------------------------------------------


def test_self_test_waits_while_gentle() -> None:
    assert pain.self_test_allowed([], NOW, gentle=False)
    assert not pain.self_test_allowed([], NOW, gentle=True)


def test_self_test_waits_three_days_after_a_high_report() -> None:
    assert not pain.self_test_allowed([ago(3, 7)], NOW, gentle=False)
    assert pain.self_test_allowed([ago(3, 7, extra=SECOND)], NOW, gentle=False)
    assert pain.self_test_allowed([ago(0, 6)], NOW, gentle=False)


# --- what the caller loads, bad input, the texts -----------------------------------------------


def test_history_reaches_back_17_days_or_to_the_start_of_the_gentle_spell() -> None:
    assert pain.history_since(NOW, PainState()) == NOW - timedelta(days=17)
    assert pain.history_since(NOW, gentle_since(5, 3)) == NOW - timedelta(days=17)
    assert pain.history_since(NOW, gentle_since(30, 3)) == NOW - timedelta(days=30)


@pytest.mark.parametrize("score", [-1, 11])
def test_review_refuses_a_score_off_the_scale(score: int) -> None:
    with pytest.raises(ValueError, match=str(score)):
        judge(score, [])


def test_every_signal_but_steady_has_words() -> None:
    assert set(pain.TEXTS) == set(Signal)
    assert [s for s in Signal if not pain.TEXTS[s]] == [Signal.STEADY]
    assert "about 3" in pain.advice(judge(5, settled(3)))


# --- the programme holds while pain flares -------------------------------------------------------


def advance(state: PainState) -> programme.Advance:
    return programme.next_week(2, date(2026, 3, 1), date(2026, 3, 20), 10, gentle=state.gentle)


def test_programme_holds_on_a_creep_and_not_on_a_mild_check_in() -> None:
    _, creeping = replay([4, 5], before=settled(3, count=10))
    assert advance(creeping) == programme.Advance(2, False, True)
    _, mild = replay([3], before=settled(0))
    assert advance(mild) == programme.Advance(3, True, False)


def test_programme_moves_on_again_once_pain_has_settled() -> None:
    _, flaring = replay([8, 3], before=settled(3))
    assert advance(flaring).held_for_pain
    _, calm = replay([8, 3, 3], before=settled(3))
    assert advance(calm).advanced
