"""The small vocabulary every rule file (lexicon.py, concepts*.py) writes its spaCy token patterns
with: a word from a list, a word matching a regular expression, an optional word, and the adder
that files a target rule under its label."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Pattern = list[dict[str, Any]]
Rule = tuple[str, str, Pattern | None]  # label, literal, pattern (None: the literal itself)

OPT: dict[str, Any] = {"OP": "?"}  # any one word, or none
# Any one word (or none) that does not end the clause.
GO_ON: dict[str, Any] = {"LOWER": {"NOT_IN": [",", ".", "but", ";", "?", "!"]}, "OP": "?"}


def one_of(*words: str) -> dict[str, Any]:
    """A word from `words` (lower case)."""
    return {"LOWER": {"IN": list(words)}}


def matching(regex: str) -> dict[str, Any]:
    """A word (lower case) matching `regex`."""
    return {"LOWER": {"REGEX": regex}}


def mended(words: str, english: str) -> tuple[re.Pattern[str], str]:
    """A `DICTATION` entry: any of `words` (a regular expression, whole words, any case) is read
    as `english` before the rules run."""
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE), english


def adder(rules: list[Rule]) -> Callable[..., None]:
    """`add(label, *patterns)`: a string is a literal phrase, a list a token pattern."""

    def add(label: str, *patterns: Pattern | str) -> None:
        for pattern in patterns:
            if isinstance(pattern, str):
                rules.append((label, pattern, None))
            else:
                rules.append((label, label.lower(), pattern))

    return add
