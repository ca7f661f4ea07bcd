"""The callback-data codec: what it reads back, and what it refuses (never a database error)."""

from __future__ import annotations

import pytest

from bot.errors import Stale, StaleButton
from bot.telegram import keyboards
from bot.telegram.callbacks import Action, decode, encode


def test_every_keyboard_button_decodes() -> None:
    markups = [
        keyboards.safety_question(), keyboards.done(7),
        keyboards.pain(), keyboards.times("morning"), keyboards.zones(), keyboards.forget(),
        keyboards.cleared(), keyboards.safety_ask("possible-fall"),
        keyboards.delivery(9, can_snooze=True), keyboards.nag("evening"),
        keyboards.self_test("sit-and-reach-test"), keyboards.self_test("straight-leg-raise-test"),
    ]  # fmt: skip
    for markup in markups:
        for row in markup.inline_keyboard:
            for button in row:
                assert isinstance(button.callback_data, str)
                decode(button.callback_data)


def test_round_trip() -> None:
    decoded = decode(encode(Action.HOLD, 12, 3))
    assert decoded.action is Action.HOLD
    assert (decoded.number(0), decoded.number(1)) == (12, 3)
    assert decode(encode(Action.SETTINGS, "resume")).word(1) == ""


@pytest.mark.parametrize(
    "data",
    [
        None, "", "zz:1", "h:1", "h:1:2:3", "h:abc:0", "h:-1:0", "d:9223372036854775808",
        "h:1:2147483648", "p:", "r:start", "x" * 65, "d:١٢", "s:",
    ],
)  # fmt: skip
def test_what_we_never_issued_is_a_stale_button(data: str | None) -> None:
    with pytest.raises(StaleButton) as refused:
        decode(data)
    assert refused.value.reason is Stale.UNREADABLE


def test_largest_database_ids_still_decode() -> None:
    assert decode("d:9223372036854775807").number(0) == 2**63 - 1


def test_every_action_has_its_own_code() -> None:
    # An Enum silently makes a second member with the same value an alias of the first.
    assert len(Action.__members__) == len({action.value for action in Action})
