"""Fan-out: one due minute for N subscribers, claimed from the database and sent through the real
python-telegram-bot `Bot` to the Bot API emulator running in its own process (so the emulator's CPU
is not ours). Each configuration runs in a fresh subprocess (`python -m bot.bench.fanout`) so its
peak memory is its own.

Three limits: off (no overall limit in the bot, none enforced by the emulator), on (Telegram's
free 30 a second) and paid (the offers carry `allow_paid_broadcast`, as with
`STRETCHBOT_PAID_BROADCAST`: Telegram's 1,000 a second). With the limits on or paid, the bot's
`TelegramLimiter` paces the sends (per chat too) and the emulator enforces Telegram's limits,
counting every 429 it answers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from bot import loop
from bot.bench.common import DUE, TOKEN, EmulatorProcess, drop_database, fresh_database

BACKENDS = ("sqlite", "postgres")
PAID_BACKEND = "postgres"  # the paid run's database: the one a big audience runs on
PAID_TARGET = 1000  # msg/s (README: benchmarks)


class Limits(StrEnum):
    """Which of Telegram's limits the run is under (see the module docstring)."""

    OFF = "off"
    ON = "on"
    PAID = "paid"

    @property
    def label(self) -> str:
        """The limiter column of the table."""
        from bot.telegram.limits import PAID_OVERALL  # not at import: the CLI imports this module

        return {"off": "off", "on": "on (30/s)", "paid": f"paid ({PAID_OVERALL:,}/s)"}[self.value]


def backend_list(text: str) -> list[str]:
    """`--backends sqlite,postgres`: a comma-separated list of known backends, for argparse."""
    backends = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in backends if name not in BACKENDS]
    if unknown or not backends:
        raise argparse.ArgumentTypeError(
            f"unknown backend {', '.join(map(repr, unknown)) or repr(text)}; "
            f"choose from {', '.join(BACKENDS)} (comma-separated)"
        )
    return backends


async def seed(url: str, count: int, due: datetime = DUE) -> None:
    """N subscribers with a morning slot due at `due`, inserted in bulk."""
    from sqlalchemy import insert

    from bot.store.db import Database
    from bot.store.models import ScheduledSlot, Subscriber

    db = Database(url)
    chunk = 5000
    try:
        for start in range(1, count + 1, chunk):
            ids = range(start, min(count, start + chunk - 1) + 1)
            async with db.session() as s:
                await s.execute(
                    insert(Subscriber),
                    [
                        {"chat_id": i, "user_id": i, "first_name": None, "timezone": "UTC",
                         "morning": due.time().replace(microsecond=0), "evening": None,
                         "active": True, "programme_week": 1 + i % 8,
                         "desk_cursor": 0, "created_at": due - timedelta(days=30),
                         "updated_at": due}
                        for i in ids
                    ],
                )  # fmt: skip
                await s.execute(
                    insert(ScheduledSlot),
                    [
                        {"chat_id": i, "slot": "morning", "due_at": due, "local_date": due.date(),
                         "on_hold": False}
                        for i in ids
                    ],
                )  # fmt: skip
    finally:
        await db.close()


async def _find_due_ms(url: str) -> float:
    """How long the indexed query for the first batch of due slots takes (median of 5)."""
    from sqlalchemy import select

    from bot.store.db import Database
    from bot.store.models import ScheduledSlot

    db = Database(url)
    timings = []
    try:
        for _ in range(5):
            async with db.session() as s:
                started = time.perf_counter()
                query = (
                    select(ScheduledSlot.chat_id)
                    .where(ScheduledSlot.due_at <= DUE + timedelta(seconds=5))
                    .order_by(ScheduledSlot.due_at)
                    .limit(500)
                )
                (await s.execute(query)).all()
                timings.append((time.perf_counter() - started) * 1000)
    finally:
        await db.close()
    return sorted(timings)[2]


async def _fan_out(url: str, root: str, *, limits: Limits, pictures: bool) -> dict[str, Any]:
    from telegram.ext import ExtBot

    from bot.config import default_content_dir
    from bot.content.loader import load_library
    from bot.schedule.ticker import Ticker
    from bot.startup import freeze_heap
    from bot.store.db import Database
    from bot.telegram.app import DEFAULTS
    from bot.telegram.delivery import TelegramSender
    from bot.telegram.http import AiohttpRequest
    from bot.telegram.limits import PAID_OVERALL, Lane, TelegramLimiter
    from bot.telegram.pictures import Pictures
    from bot.usecases.pictures import PictureFiles

    library = load_library(default_content_dir())
    # Off: no overall limit (what the bot and the database can do); on and paid: Telegram's 30
    # a second, paid sends counted in the 1,000-a-second window with the free ones.
    off = limits is Limits.OFF
    limiter = TelegramLimiter(
        overall=0.0 if off else 30.0, paid_overall=0 if off else PAID_OVERALL, per_chat_rate=1.0
    )
    bot: ExtBot[Lane] = ExtBot(
        TOKEN, base_url=f"{root}/bot", request=AiohttpRequest(connection_pool_size=256),
        rate_limiter=limiter, defaults=DEFAULTS,
    )  # fmt: skip
    db = Database(url, pool_size=10, max_overflow=10) if "postgresql" in url else Database(url)

    def clock() -> datetime:
        return DUE + timedelta(seconds=5)

    async with bot:
        drawn = Pictures(PictureFiles(db, clock), None) if pictures else None
        sender = TelegramSender(
            bot, clock, library, pictures=drawn, paid_broadcast=limits is Limits.PAID
        )
        ticker = Ticker(db, library, sender, clock, "bench")
        freeze_heap()  # as the bot does once started (bot/telegram/app.py)
        report = await ticker.tick()
    await db.close()
    return {
        "sent": report.sent,
        "failed": report.failed,
        "seconds": report.duration,
        "claim_seconds": report.claim_seconds,
        "per_second": report.sent / report.duration if report.duration else 0.0,
    }


def run_one(
    backend: str, subscribers: int, limits: Limits, pictures: bool = False
) -> dict[str, Any]:
    """One configuration, in this process: seed, fan out, measure."""
    from bot.store.db import upgrade

    emulator = EmulatorProcess(enforce=limits is not Limits.OFF)
    with tempfile.TemporaryDirectory() as folder:
        url, dropme = asyncio.run(fresh_database(backend, Path(folder)))
        try:
            upgrade(url)
            emulator.control("add_users", {"first": 1, "count": subscribers})
            asyncio.run(seed(url, subscribers))
            find_ms = asyncio.run(_find_due_ms(url))
            result = loop.run(_fan_out(url, emulator.root, limits=limits, pictures=pictures))
            stats = emulator.control("stats")
        finally:
            emulator.stop()
            if dropme:
                asyncio.run(drop_database(dropme))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "backend": backend, "subscribers": subscribers, "limits": limits.value,
        "find_due_ms": find_ms, "peak_mib": peak_kib / 1024,
        "received": stats["messages"], "too_many_requests": stats["too_many_requests"],
        "chats_by_message_count": stats["chats_by_message_count"],
        "pictures": pictures, "uploads": stats["uploads"],
        "distinct_uploads": stats["distinct_uploads"], **result,
    }  # fmt: skip


def _row(r: dict[str, Any]) -> str:
    limit = Limits(r["limits"]).label
    return (
        f"{r['backend']:<9} {r['subscribers']:>11,} {limit:<14} {r['per_second']:>6,.0f} "
        f"{r['seconds']:>8.1f} {r['find_due_ms']:>8.1f} {r['claim_seconds']:>8.2f} "
        f"{r['peak_mib']:>9.0f} {r['received']:>9,} {r['too_many_requests']:>5} "
        f"{'on' if r['pictures'] else 'off':<8} {r['uploads']:>7} {r['distinct_uploads']:>8}"
    )


HEADER = (
    "backend   subscribers limiter         msg/s  total s  find ms  claim s  peak MiB  received"
    "  429s pictures uploads distinct"
)


def run(args: argparse.Namespace) -> int:
    """Run every configuration in its own subprocess and print a table."""
    backends = args.backends
    plan = [(b, args.subscribers, Limits.OFF, p) for b in backends for p in (False, True)]
    plan += [
        (b, args.throttled_subscribers, Limits.ON, True)
        for b in backends
        if args.throttled_subscribers
    ]
    if args.paid_subscribers and PAID_BACKEND in backends:
        plan.append((PAID_BACKEND, args.paid_subscribers, Limits.PAID, False))
    print(f"fan-out benchmark on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    if args.paid_subscribers and PAID_BACKEND not in backends:
        print(f"(the paid-broadcast run is on {PAID_BACKEND} only, which --backends leaves out)")
    print(HEADER)
    for backend, count, limits, pictures in plan:
        command = [sys.executable, "-m", "bot.bench.fanout", "--backend", backend,
                   "--subscribers", str(count), "--limits", limits.value]  # fmt: skip
        command += ["--pictures", "on" if pictures else "off"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"{backend} {count}: failed\n{done.stderr[-2000:]}")
            return 1
        result = json.loads(done.stdout.strip().splitlines()[-1])
        print(_row(result), flush=True)
        if limits is Limits.PAID:
            met = result["per_second"] >= PAID_TARGET and not result["too_many_requests"]
            print(f"  (paid broadcasts, target >= {PAID_TARGET:,} msg/s with no 429: "
                  f"{'met' if met else 'not met'})", flush=True)  # fmt: skip
    return 0


def main(argv: list[str] | None = None) -> None:
    """`python -m bot.bench.fanout`: one configuration, printed as a JSON line."""
    parser = argparse.ArgumentParser(prog="python -m bot.bench.fanout")
    parser.add_argument("--backend", choices=BACKENDS, default="sqlite")
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument(
        "--limits", choices=[mode.value for mode in Limits], default=Limits.OFF.value,
        help="off; on: Telegram's 30 a second; paid: paid broadcasts, 1,000 a second",
    )  # fmt: skip
    parser.add_argument("--pictures", choices=("on", "off"), default="on")
    args = parser.parse_args(argv)
    result = run_one(args.backend, args.subscribers, Limits(args.limits), args.pictures == "on")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
