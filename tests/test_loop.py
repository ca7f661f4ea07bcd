"""The event loop: uvloop by default (bot/loop.py), asyncio's own on request, a clear answer to a
value that is neither."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import pytest

from bot import loop


async def test_the_tests_run_on_the_loop_the_bot_runs_on() -> None:
    running = type(asyncio.get_running_loop())
    expected = loop.factory("uvloop")
    assert expected is not None, "uvloop is a dependency on this platform"
    assert running is type(expected())


@pytest.mark.parametrize(("name", "module"), [("uvloop", "uvloop"), ("asyncio", "asyncio")])
def test_the_setting_chooses_the_loop(name: str, module: str) -> None:
    async def which() -> str:
        return type(asyncio.get_running_loop()).__module__

    assert loop.run(which(), name).split(".")[0] == module


def test_an_unknown_loop_gets_one_clear_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "status"],
        env={**os.environ, "STRETCHBOT_EVENT_LOOP": "trio"},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip().startswith("stretchbot: STRETCHBOT_EVENT_LOOP")
    assert "'uvloop' or 'asyncio'" in result.stderr
    assert "Traceback" not in result.stderr
