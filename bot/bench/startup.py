"""Start-up: seconds from starting `stretchbot run` to its first getUpdates, content and all.

Measured twice over: on a fresh database (the first run after install, which migrates) and on a
restart (the database already at the newest migration: a deploy's, a crash's or a reboot's case).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bot.bench.common import TOKEN, bot_process, stop_process
from bot.emulator import BotApiEmulator


async def _first_poll(folder: Path) -> float:
    """Seconds from starting the process to its first getUpdates, on the database in `folder`."""
    async with BotApiEmulator(TOKEN) as emulator:
        # A waiting update makes the first getUpdates answer at once (calls are recorded when
        # answered; an empty long poll would only answer after its timeout).
        emulator.add_user(1)
        emulator.send_text(1, "hello")
        started = time.monotonic()  # the clock the emulator stamps calls with
        process = bot_process(emulator.api_root, folder)
        try:
            call = await emulator.wait_for_call("getUpdates", timeout=60)
            return call.time - started
        finally:
            await stop_process(process)


async def measure(runs: int = 3) -> dict[str, float]:
    """Median and worst seconds to the first getUpdates: fresh databases, then restarts."""
    fresh, restart = [], []
    with tempfile.TemporaryDirectory() as kept:
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as folder:
                fresh.append(await _first_poll(Path(folder)))
        await _first_poll(Path(kept))  # migrate it once
        for _ in range(runs):
            restart.append(await _first_poll(Path(kept)))
    return {
        "median_s": sorted(fresh)[len(fresh) // 2],
        "max_s": max(fresh),
        "restart_median_s": sorted(restart)[len(restart) // 2],
        "restart_max_s": max(restart),
    }
