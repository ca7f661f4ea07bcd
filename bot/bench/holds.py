"""Hold timers: how late the release message comes when many people start a hold at once."""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path
from typing import Any

from bot.bench.common import TOKEN, bot_process, drive_updates, free_port, percentile, stop_process
from bot.emulator import BotApiEmulator


def _has_start_button(message: Any) -> bool:
    return any("Start" in button.text for row in message.buttons for button in row)


async def measure(holding: int = 1000, scale: float = 1.0) -> dict[str, float]:
    """How late the release message comes when `holding` people start a hold at once.

    Measured twice: by this driver, when the release edit reaches the emulator (includes the
    emulator and driver sharing this process), and by the bot itself (its
    stretchbot_hold_release_lateness_seconds histogram: release acknowledged vs hold over).
    """
    port = free_port()
    async with BotApiEmulator(TOKEN, record_calls=False) as emulator:
        with tempfile.TemporaryDirectory() as folder:
            process = bot_process(
                emulator.api_root, Path(folder), STRETCHBOT_RATE_LIMIT="0",
                STRETCHBOT_CHAT_RATE="0", STRETCHBOT_HOLD_TIME_SCALE=str(scale),
                STRETCHBOT_HTTP_PORT=str(port),
            )  # fmt: skip
            try:
                ids = range(20_001, 20_001 + holding)
                for uid in ids:
                    emulator.add_user(uid)
                await drive_updates(emulator, ids, 1, "/start")
                marks = {uid: len(emulator.chat(uid)) for uid in ids}
                for uid in ids:
                    emulator.send_text(uid, "/desk")
                steps = await asyncio.gather(
                    *(
                        emulator.wait_for_message(
                            uid, after=marks[uid], timeout=120, predicate=_has_start_button
                        )
                        for uid in ids
                    )
                )
                length: dict[int, float] = {}
                for uid, step in zip(ids, steps, strict=True):
                    seconds = int((step.text or "").split("Timer: ")[1].split(" s")[0].split()[-1])
                    emulator.press(uid, step.message_id, step.buttons[0][0].callback_data or "")
                    length[uid] = seconds * scale
                # The hold is due to end its length after its first countdown edit arrives here
                # (the timer's start, whatever queueing the tap itself met).
                due: dict[int, float] = {}
                lateness: list[float] = []
                waiting = dict(zip(ids, steps, strict=True))
                while waiting:  # one sweep every 10 ms rather than a thousand waiters
                    now = time.perf_counter()
                    for uid, step in list(waiting.items()):
                        text = step.text or ""
                        if uid not in due and "⏱" in text:
                            due[uid] = now + length[uid]
                        elif uid in due and ("Release" in text or "Stop." in text):
                            lateness.append(now - due[uid])
                            del waiting[uid]
                    await asyncio.sleep(0.01)
                bot_side = await _scrape_release_lateness(port)
            finally:
                await stop_process(process)
    return {
        "holding": holding,
        "p50_s": percentile(lateness, 50),
        "p99_s": percentile(lateness, 99),
        "max_s": max(lateness),
        **bot_side,
    }


async def _scrape_release_lateness(port: int) -> dict[str, float]:
    """p50 and p99 upper bounds from the bot's release-lateness histogram."""
    import aiohttp

    async with (
        aiohttp.ClientSession() as client,
        client.get(f"http://127.0.0.1:{port}/metrics") as response,
    ):
        text = await response.text()
    buckets = []
    for line in text.splitlines():
        if line.startswith("stretchbot_hold_release_lateness_seconds_bucket"):
            upper = line.split('le="')[1].split('"')[0]
            buckets.append((float(upper), float(line.rsplit(" ", 1)[1])))
    total = buckets[-1][1] if buckets else 0.0

    def bound(p: float) -> float:
        return next((le for le, count in buckets if count >= p / 100 * total), float("inf"))

    return {"bot_p50_le_s": bound(50), "bot_p99_le_s": bound(99), "bot_releases": total}
