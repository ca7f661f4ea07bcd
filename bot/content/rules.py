"""Field rules for front matter: each checks one value and returns it clean, or raises `Invalid`.

The loader applies them key by key, so every problem is reported with the line of its key.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Invalid(ValueError):
    """A field value that does not fit its rule."""


def text(limit: int = 500) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise Invalid("must be non-empty text")
        if len(value) > limit:
            raise Invalid(f"is {len(value)} characters long; at most {limit}")
        return value.strip()

    return check


def identifier(value: Any) -> str:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise Invalid("must be lowercase words joined by hyphens, like 'chair-hamstring'")
    return value


def integer(low: int, high: int, unit: str = "") -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(f"must be a whole number from {low} to {high}{unit}")
        if not low <= value <= high:
            raise Invalid(f"is {value}; it must be from {low} to {high}{unit}")
        return value

    return check


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid("must be true or false")
    return value


def choice(options: Iterable[str]) -> Callable[[Any], str]:
    allowed = tuple(options)

    def check(value: Any) -> str:
        if value not in allowed:
            raise Invalid(f"is {value!r}; expected one of: {', '.join(allowed)}")
        return str(value)

    return check


def list_of(item: Callable[[Any], Any], *, non_empty: bool = False) -> Callable[[Any], tuple]:
    def check(value: Any) -> tuple:
        if not isinstance(value, list):
            raise Invalid("must be a list, like [a, b]")
        if non_empty and not value:
            raise Invalid("must list at least one entry")
        return tuple(item(v) for v in value)

    return check
