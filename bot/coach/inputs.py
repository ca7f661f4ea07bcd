"""Checks on what people give us that has no parser of its own (times, zones and pain scores are
checked where they are parsed: `clock`, `pain`). Each raises `InvalidInput` naming the field."""

from __future__ import annotations

from collections.abc import Collection

from bot.errors import Field, InvalidInput

MAX_PAUSE_DAYS = 90
REACH_RANGE = (-40, 40)  # centimetres past (+) or short of (-) the toes


def pause_days(given: int | str) -> int:
    """Days to pause, 1–90, from a number or the text typed after /pause."""
    try:
        days = given if isinstance(given, int) else int(given.split()[0])
    except (ValueError, IndexError):
        raise InvalidInput(Field.PAUSE_DAYS, str(given)) from None
    if not 1 <= days <= MAX_PAUSE_DAYS:
        raise InvalidInput(Field.PAUSE_DAYS, str(given))
    return days


def reach_centimetres(given: int | str) -> int:
    """A sit-and-reach result in whole centimetres."""
    try:
        centimetres = int(given)
    except ValueError:
        raise InvalidInput(Field.REACH, str(given)) from None
    low, high = REACH_RANGE
    if not low <= centimetres <= high:
        raise InvalidInput(Field.REACH, str(given))
    return centimetres


def choice(given: str, allowed: Collection[str]) -> str:
    """One of a fixed set of answers (a button's value)."""
    if given not in allowed:
        raise InvalidInput(Field.CHOICE, given)
    return given
