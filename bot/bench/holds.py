"""Hold timers under Telegram's limits: 1,000 people start a hold, spread over a minute, on a bot
paced at 30 a second (one a second per chat) against an emulator that enforces the same. How late
does the release notice (the message that makes the phone buzz) come, and how many countdown
edits were dropped to make room?"""

from __future__ import annotations

import asyncio
import contextlib
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from bot import loop
from bot.bench.common import TOKEN, bot_process, free_port, percentile, stop_process
from bot.emulator import BotApiEmulator, LimiterMode

BATCH = 50
SETUP_ENV = {"STRETCHBOT_RATE_LIMIT": "0", "STRETCHBOT_CHAT_RATE": "0"}


def _ends(text: str) -> bool:
    """A release notice ("✅ Release. ...", or "✅ Stop. ..." after a moving hold)."""
    return "Release" in text or "Stop" in text


def _labels(message: Any) -> list[str]:
    return [button.text for row in message.buttons for button in row]


async def _to_timed_step(emulator: BotApiEmulator, uid: int, card: Any) -> Any:
    """Press Next until the card shows its Start button."""
    while not any("Start" in label for label in _labels(card)):
        shown, message_id = card.text, card.message_id
        data = next(b.callback_data for row in card.buttons for b in row if "Next" in b.text)
        emulator.press(uid, message_id, data or "")

        def changed(m: Any, i: int = message_id, t: str | None = shown) -> bool:
            return bool(m.message_id == i and m.text != t)

        card = await emulator.wait_for_message(uid, timeout=120, predicate=changed)
    return card


async def _set_up(emulator: BotApiEmulator, uid: int) -> Any:
    """/start, /desk, and Next to the card's timed step."""
    for _attempt in range(5):  # SQLite under a crowd may answer "something went wrong"
        mark = len(emulator.chat(uid))
        emulator.send_text(uid, "/start")
        await emulator.wait_for_message(uid, after=mark, timeout=120)
        mark = len(emulator.chat(uid))
        emulator.send_text(uid, "/desk")
        card = await emulator.wait_for_message(
            uid, after=mark, timeout=120,
            predicate=lambda m: any(w in (m.text or "") for w in ("Step 1 of", "wrong", "/start")),
        )  # fmt: skip
        if "Step 1 of" in (card.text or ""):
            return await _to_timed_step(emulator, uid, card)
    raise RuntimeError("could not set a person up")


async def measure(
    holding: int = 1000, spread: float = 60.0, paid: bool = False
) -> dict[str, float]:
    """Set `holding` people up on a desk card's timed step (limits off, so set-up is quick), then
    restart the bot with Telegram's limits on both sides and press Start `spread` seconds apart
    in all; measure each person's first release notice against the moment it was due. With
    `paid`, the bot runs with paid broadcasts: its release notices count against Telegram's paid
    window (1,000 a second) instead of the free 30."""
    port = free_port()
    async with BotApiEmulator(TOKEN, record_calls=False) as emulator:
        with tempfile.TemporaryDirectory() as folder:
            ids = range(20_001, 20_001 + holding)
            process = bot_process(emulator.api_root, Path(folder), **SETUP_ENV)
            try:
                for uid in ids:
                    emulator.add_user(uid)
                steps = []
                # In batches: SQLite's busy timeout runs out with a thousand /start at once.
                for first in range(0, holding, BATCH):
                    batch = ids[first : first + BATCH]
                    steps += await asyncio.gather(*(_set_up(emulator, uid) for uid in batch))
            finally:
                await stop_process(process)
            emulator.limiter.mode = LimiterMode.ENFORCE
            measured = {"STRETCHBOT_HTTP_PORT": str(port)}
            if paid:
                measured["STRETCHBOT_PAID_BROADCAST"] = "true"
            process = bot_process(emulator.api_root, Path(folder), **measured)
            try:
                await _warmed(emulator)
                result = await _hold(emulator, list(ids), steps, spread)
                result.update(await _scrape(port))
            finally:
                await stop_process(process)
    result["holding"] = holding
    result["paid"] = paid
    result["refusals"] = len(emulator.limiter.refusals)
    return result


async def _warmed(emulator: BotApiEmulator, uid: int = 19_999) -> None:
    """Wait until the bot answers a message the safety triage reads in full: its language
    pipeline and sentence model load in the background after start-up, and the first presses
    must not be timed against that."""
    emulator.add_user(uid)
    emulator.send_text(uid, "/start")
    await emulator.wait_for_message(uid, timeout=120)
    mark = len(emulator.chat(uid))
    emulator.send_text(uid, "my lower back is a bit stiff after sitting all day")
    await emulator.wait_for_message(uid, after=mark, timeout=120)


async def _hold(
    emulator: BotApiEmulator, ids: list[int], steps: list[Any], spread: float
) -> dict[str, float]:
    """Press Start for everyone, evenly over `spread` seconds; time each card's first countdown
    and each first release notice the moment the emulator has it (an observer, not a poll)."""
    pressed: dict[int, float] = {}
    due: dict[int, float] = {}
    cards = {(uid, step.message_id) for uid, step in zip(ids, steps, strict=True)}
    started_at: dict[int, float] = {}
    lateness: dict[int, float] = {}
    everyone_released = asyncio.Event()

    def arrived(message: Any) -> None:
        uid, now, text = message.chat_id, time.perf_counter(), message.text or ""
        if uid not in pressed:
            return
        card = (uid, message.message_id) in cards  # message ids count per chat
        if card and "⏱" in text and uid not in started_at:
            started_at[uid] = now - pressed[uid]
        elif not card and uid not in lateness and _ends(text):
            lateness[uid] = now - due[uid]
            if len(lateness) == len(ids):
                everyone_released.set()

    emulator.observers.append(arrived)
    try:
        begin = time.perf_counter()
        for n, (uid, step) in enumerate(zip(ids, steps, strict=True)):
            await asyncio.sleep(max(0.0, begin + n * spread / len(ids) - time.perf_counter()))
            label = next(b for row in step.buttons for b in row if "Start" in b.text)
            pressed[uid] = time.perf_counter()
            due[uid] = pressed[uid] + float(re.findall(r"(\d+) s", label.text)[0])
            emulator.press(uid, step.message_id, label.callback_data or "")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(everyone_released.wait(), 300)
    finally:
        emulator.observers.remove(arrived)
    late = list(lateness.values())
    return {
        "p50_s": percentile(late, 50),
        "p99_s": percentile(late, 99),
        "max_s": max(late),
        "released": len(late),
        "start_p50_s": percentile(list(started_at.values()), 50),
        "start_p99_s": percentile(list(started_at.values()), 99),
    }


async def _scrape(port: int) -> dict[str, float]:
    """Countdown edits dropped, and sends and edits that went, from the bot's own metrics."""
    import aiohttp

    async with (
        aiohttp.ClientSession() as client,
        client.get(f"http://127.0.0.1:{port}/metrics") as response,
    ):
        text = await response.text()
    found: dict[str, float] = {"dropped": 0.0, "edits": 0.0, "sends": 0.0}
    for line in text.splitlines():
        if line.startswith("stretchbot_countdown_edits_dropped_total"):
            found["dropped"] = float(line.rsplit(" ", 1)[1])
        elif line.startswith("stretchbot_messages_sent_total") and "editMessage" in line:
            found["edits"] += float(line.rsplit(" ", 1)[1])  # text and caption edits
        elif line.startswith("stretchbot_messages_sent_total") and "sendMessage" in line:
            found["sends"] = float(line.rsplit(" ", 1)[1])
    return found


def run(holding: int, spread: float, paid: bool = False) -> int:
    """`stretchbot bench holds`: print the figures."""
    r = loop.run(measure(holding, spread, paid))
    notices = "paid broadcasts for the release notices" if paid else "free limits only"
    print(
        f"hold timers, {r['holding']:.0f} people starting a desk hold over {spread:.0f} s, limits "
        f"on (bot 30/s and 1/s a chat; emulator enforcing), {notices}:\n"
        f"  release notice lateness p50 {r['p50_s']:.2f} s, p99 {r['p99_s']:.2f} s, "
        f"max {r['max_s']:.2f} s over {r['released']:.0f} releases (target p99 < 1 s)\n"
        f"  Start shown on the card: p50 {r['start_p50_s']:.2f} s, "
        f"p99 {r['start_p99_s']:.2f} s\n"
        f"  countdown edits dropped {r['dropped']:.0f}; edits that went {r['edits']:.0f}, "
        f"sends {r['sends']:.0f}; 429s from the emulator {r['refusals']:.0f}"
    )
    return 0
