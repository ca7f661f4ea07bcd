"""Start-up: seconds from starting `stretchbot run` to its first getUpdates, content and all."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bot.bench.common import TOKEN, bot_process, stop_process
from bot.emulator import BotApiEmulator


async def measure(runs: int = 3) -> dict[str, float]:
    """Seconds from starting `stretchbot run` to its first getUpdates, content and all."""
    timings = []
    for _ in range(runs):
        async with BotApiEmulator(TOKEN) as emulator:
            # A waiting update makes the first getUpdates answer at once (calls are recorded
            # when answered; an empty long poll would only answer after its timeout).
            emulator.add_user(1)
            emulator.send_text(1, "hello")
            with tempfile.TemporaryDirectory() as folder:
                started = time.monotonic()  # the clock the emulator stamps calls with
                process = bot_process(emulator.api_root, Path(folder))
                try:
                    call = await emulator.wait_for_call("getUpdates", timeout=60)
                    timings.append(call.time - started)
                finally:
                    await stop_process(process)
    return {"median_s": sorted(timings)[len(timings) // 2], "max_s": max(timings)}
