"""The rooms keep their rules: the emulator is a server and never imports `telegram` (so it cannot
agree with the bot by sharing its code), and its modules and the benchmarks' stay small."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parent.parent / "bot"


def imported(path: Path) -> set[str]:
    """Top-level package names a module imports, wherever in the module the import is."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted((BOT / "emulator").glob("*.py")), ids=lambda p: p.name)
def test_the_emulator_does_not_import_telegram(path: Path) -> None:
    assert "telegram" not in imported(path)


@pytest.mark.parametrize(
    "path",
    sorted([*(BOT / "emulator").glob("*.py"), *(BOT / "bench").glob("*.py")]),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_no_module_in_the_emulator_or_bench_is_over_500_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 500
