"""Benchmarks of the outbound lanes, run as `stretchbot bench lanes`.

- A crowd: N people send /start in the same second to a bot paced at Telegram's limits, against
  an emulator that answers 429 to anything faster. Every one answered? How many 429s? How long
  until the last message, against the physical minimum (messages / 30 a second)?
- Replies during a broadcast: N subscribers due now, fanned out at 30 a second, while other people
  send /help one after another; their reply latency p50 and p99.

Both run `stretchbot run` in its own process, as in production, with the emulator here.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot import loop
from bot.bench.common import TOKEN, bot_process, percentile, stop_process
from bot.bench.fanout import seed
from bot.emulator import BotApiEmulator, LimiterMode

PER_SECOND = 30


async def _quiet(emulator: Any, ids: range, settle: float = 3.0) -> tuple[float, int]:
    """Wait until the chats get nothing new for `settle` s; when their last message came, and
    how many messages they got in all."""
    counts = {uid: len(emulator.chat(uid)) for uid in ids}
    last = time.perf_counter()
    while time.perf_counter() - last < settle:
        await asyncio.sleep(0.02)
        for uid in ids:
            count = len(emulator.chat(uid))
            if count != counts[uid]:
                counts[uid] = count
                last = time.perf_counter()
    return last, sum(counts.values())


async def bench_start_crowd(people: int = 300) -> dict[str, float]:
    """`people` send /start at the same moment; limits enforced on both sides."""
    from bot.telegram import texts

    async with BotApiEmulator(TOKEN, limiter=LimiterMode.ENFORCE) as emulator:
        with tempfile.TemporaryDirectory() as folder:
            process = bot_process(emulator.api_root, Path(folder))
            try:
                await emulator.wait_for_call("getUpdates", timeout=60)
                ids = range(30_001, 30_001 + people)
                for uid in ids:
                    emulator.add_user(uid)
                started = time.perf_counter()
                for uid in ids:
                    emulator.send_text(uid, "/start")
                last, messages = await _quiet(emulator, ids)
                answered = sum(1 for uid in ids if emulator.chat(uid))
                failed = sum(
                    1
                    for uid in ids
                    if any(m.text == texts.SOMETHING_WRONG for m in emulator.chat(uid))
                )
            finally:
                await stop_process(process)
            refused = emulator.too_many_requests
    return {
        "people": people,
        "answered": answered,
        "failed": failed,
        "messages": messages,
        "too_many_requests": refused,
        "last_s": last - started,
        "minimum_s": messages / PER_SECOND,
    }


async def bench_reply_during_broadcast(
    subscribers: int = 10_000, probes: int = 60, spacing: float = 0.5
) -> dict[str, float]:
    """Reply latency for people asking /help while `subscribers` offers go out at 30/s."""
    from bot.store.db import upgrade

    async with BotApiEmulator(TOKEN, record_calls=False, limiter=LimiterMode.ENFORCE) as emulator:
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite+aiosqlite:///{Path(folder) / 'bot.db'}"
            await asyncio.to_thread(upgrade, url)
            due = datetime.now(UTC).replace(second=0, microsecond=0)
            await seed(url, subscribers, due=due)
            for uid in range(1, subscribers + 1):
                emulator.add_user(uid)
            process = bot_process(emulator.api_root, Path(folder), STRETCHBOT_TICK_SECONDS="1")
            try:
                # Start measuring once the broadcast is under way.
                await emulator.wait_for_message(20, timeout=120)
                before = _offers(emulator, subscribers)
                window = time.perf_counter()
                latencies: list[float] = []
                for uid in range(40_001, 40_001 + probes):
                    emulator.add_user(uid)
                    sent = time.perf_counter()
                    emulator.send_text(uid, "/help")
                    await emulator.wait_for_message(uid, timeout=120)
                    latencies.append(time.perf_counter() - sent)
                    await asyncio.sleep(max(0.0, spacing - (time.perf_counter() - sent)))
                rate = (_offers(emulator, subscribers) - before) / (time.perf_counter() - window)
                delivered = _offers(emulator, subscribers)
            finally:
                await stop_process(process)
            refused = emulator.too_many_requests
    return {
        "subscribers": subscribers,
        "probes": probes,
        "p50_ms": percentile(latencies, 50) * 1000,
        "p99_ms": percentile(latencies, 99) * 1000,
        "max_ms": max(latencies) * 1000,
        "offers_per_second": rate,
        "offers_sent": delivered,
        "too_many_requests": refused,
    }


def _offers(emulator: Any, subscribers: int) -> int:
    return sum(len(emulator.chat(uid)) for uid in range(1, subscribers + 1))


def run(people: int = 300, subscribers: int = 10_000) -> int:
    """`stretchbot bench lanes`: both benchmarks, printed with their targets."""
    print(f"lanes benchmarks on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    crowd = loop.run(bench_start_crowd(people))
    print(
        f"{crowd['people']:.0f} people send /start at once (limits enforced): "
        f"{crowd['answered']:.0f} answered ({crowd['failed']:.0f} of them with 'something went "
        f"wrong'), {crowd['messages']:.0f} messages, "
        f"{crowd['too_many_requests']:.0f} 429s; last message after {crowd['last_s']:.1f} s "
        f"(physical minimum {crowd['minimum_s']:.1f} s)"
    )
    during = loop.run(bench_reply_during_broadcast(subscribers))
    print(
        f"/help during a {during['subscribers']:,.0f}-subscriber broadcast: p50 "
        f"{during['p50_ms']:.0f} ms, p99 {during['p99_ms']:.0f} ms, max {during['max_ms']:.0f} ms "
        f"over {during['probes']:.0f} people (target p99 < 1 s); offers meanwhile "
        f"{during['offers_per_second']:.1f}/s, {during['too_many_requests']:.0f} 429s"
    )
    return 0
