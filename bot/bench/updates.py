"""Update handling: updates per second and reply latency, stretchbot (on SQLite and PostgreSQL)
against a bare python-telegram-bot echo bot on the same emulator (and on the same HTTP client).
Run alone as `stretchbot bench updates`, or within `stretchbot bench all`."""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bot.bench.common import (
    TOKEN,
    bot_process,
    drive_updates,
    drop_database,
    fresh_database,
    stop_process,
)
from bot.emulator import BotApiEmulator

ECHO_BOT = """
import asyncio
import sys
from telegram import Update
from telegram.ext import ApplicationBuilder, MessageHandler, filters

async def echo(update: Update, context) -> None:
    await update.message.reply_text(update.message.text)

builder = (ApplicationBuilder().token(sys.argv[1]).base_url(sys.argv[2] + "/bot")
           .concurrent_updates(True))
if sys.argv[3] == "aiohttp":  # the same HTTP client as stretchbot, for a like-for-like ratio
    from bot.telegram.http import AiohttpRequest
    builder = builder.request(AiohttpRequest()).get_updates_request(
        AiohttpRequest(connection_pool_size=2, keep_alive=False))
from bot.loop import policy  # the event loop stretchbot runs on, for a like-for-like ratio
asyncio.set_event_loop_policy(policy())
app = builder.build()
app.add_handler(MessageHandler(filters.TEXT, echo))
app.run_polling(poll_interval=0.0, timeout=10)
"""


async def measure(
    users: int = 100, rounds: int = 20, backends: Sequence[str] = ("sqlite",), echo: bool = True
) -> dict[str, dict[str, float]]:
    """Updates per second, reply latency and apologies: stretchbot on each backend (a read
    round of "hello", then a write round of "done", each logging a session) against a bare
    PTB echo bot."""
    results = {}
    names = ["echo bot", "echo bot, aiohttp"] if echo else []
    names += ["stretchbot" if b == "sqlite" else f"stretchbot, {b}" for b in backends]
    for name in names:
        async with BotApiEmulator(TOKEN, record_calls=False) as emulator:
            with tempfile.TemporaryDirectory() as folder:
                backend = "postgres" if name.endswith("postgres") else "sqlite"
                url, dropme = await fresh_database(backend, Path(folder))
                if name.startswith("echo bot"):
                    client = "aiohttp" if "aiohttp" in name else "httpx"
                    process = subprocess.Popen(  # noqa: ASYNC220 - start-up cost, not a hot path
                        [sys.executable, "-c", ECHO_BOT, TOKEN, emulator.api_root, client],
                        env={**os.environ, "NO_PROXY": "127.0.0.1,localhost"},
                    )
                else:  # Telegram's 30 msg/s budget is not our speed: the limiter is off here
                    process = bot_process(
                        emulator.api_root, Path(folder), url, STRETCHBOT_CHAT_RATE="0",
                        STRETCHBOT_RATE_LIMIT="0",
                    )  # fmt: skip
                try:
                    ids = range(10_001, 10_001 + users)
                    for uid in ids:
                        emulator.add_user(uid)
                    if name.startswith("stretchbot"):  # subscribe first, as people would
                        await drive_updates(emulator, ids, 1, "/start")
                    await drive_updates(emulator, ids[:5], 2, "hello")  # warm up
                    results[name] = await drive_updates(emulator, ids, rounds, "hello")
                    if name.startswith("stretchbot"):
                        # No text seen before (each read in full); then writes: a session
                        # logged per message.
                        results[f"{name}, distinct"] = await drive_updates(
                            emulator, ids, rounds, "hello", distinct=True
                        )
                        done = await drive_updates(emulator, ids, rounds, "done")
                        results[f"{name}, done"] = done
                finally:
                    await stop_process(process)
                    if dropme:
                        await drop_database(dropme)
    return results


def print_rows(results: dict[str, dict[str, float]]) -> None:
    """One line per bot: throughput, latency, and answers that were an apology."""
    for name, r in results.items():
        print(f"  {name:<26} {r['per_second']:7.0f} updates/s   p50 {r['p50_ms']:6.1f} ms   "
              f"p99 {r['p99_ms']:6.1f} ms   failed {r['failed']:.0f}")  # fmt: skip


def print_ratios(results: dict[str, dict[str, float]]) -> None:
    """The echo bots' throughput over stretchbot's (target: within 2x), for "hello" said again
    and again (its reading kept) and for texts never seen before (each read in full)."""
    for echo in ("echo bot", "echo bot, aiohttp"):
        for ours in ("stretchbot", "stretchbot, distinct"):
            if echo in results and ours in results:
                ratio = results[echo]["per_second"] / results[ours]["per_second"]
                print(f"  {echo} / {ours}: {ratio:.2f}x (target: within 2x)")


def run(args: argparse.Namespace) -> int:
    """`stretchbot bench updates`: the update benchmark alone; fails if any answer apologised."""
    results = asyncio.run(measure(args.users, args.rounds, args.backends, echo=args.echo))
    print(f"update handling on {os.cpu_count()} cores ({args.users} people at once):")
    print_rows(results)
    print_ratios(results)
    return 1 if any(r["failed"] for r in results.values()) else 0
