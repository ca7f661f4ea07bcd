"""Fan-out: one due minute for N subscribers, claimed from the database and sent through the real
python-telegram-bot `Bot` to the Bot API emulator running in its own process (so the emulator's CPU
is not ours). Each configuration runs in a fresh subprocess (`python -m bot.bench.fanout`) so its
peak memory is its own.
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
from pathlib import Path
from typing import Any

from bot.bench.common import DUE, TOKEN, EmulatorProcess, drop_database, fresh_database

BACKENDS = ("sqlite", "postgres")


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


async def _fan_out(url: str, root: str, *, throttle: bool, pictures: bool) -> dict[str, Any]:
    from telegram.ext import ExtBot

    from bot.config import default_content_dir
    from bot.content.loader import load_library
    from bot.schedule.ticker import Ticker
    from bot.store.db import Database
    from bot.telegram.app import DEFAULTS
    from bot.telegram.delivery import TelegramSender
    from bot.telegram.http import AiohttpRequest
    from bot.telegram.limits import Lane, TelegramLimiter
    from bot.telegram.pictures import Pictures
    from bot.usecases.pictures import PictureFiles

    library = load_library(default_content_dir())
    limiter = TelegramLimiter(overall=30.0 if throttle else 0.0, per_chat_rate=1.0)
    bot: ExtBot[Lane] = ExtBot(
        TOKEN, base_url=f"{root}/bot", request=AiohttpRequest(connection_pool_size=256),
        rate_limiter=limiter, defaults=DEFAULTS,
    )  # fmt: skip
    db = Database(url, pool_size=10, max_overflow=10) if "postgresql" in url else Database(url)

    def clock() -> datetime:
        return DUE + timedelta(seconds=5)

    async with bot:
        drawn = Pictures(PictureFiles(db, clock), None) if pictures else None
        sender = TelegramSender(bot, clock, library, pictures=drawn)
        ticker = Ticker(db, library, sender, clock, "bench")
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
    backend: str, subscribers: int, throttle: bool, pictures: bool = False
) -> dict[str, Any]:
    """One configuration, in this process: seed, fan out, measure."""
    from bot.store.db import upgrade

    emulator = EmulatorProcess(enforce=throttle)
    with tempfile.TemporaryDirectory() as folder:
        url, dropme = asyncio.run(fresh_database(backend, Path(folder)))
        try:
            upgrade(url)
            emulator.control("add_users", {"first": 1, "count": subscribers})
            asyncio.run(seed(url, subscribers))
            find_ms = asyncio.run(_find_due_ms(url))
            result = asyncio.run(
                _fan_out(url, emulator.root, throttle=throttle, pictures=pictures)
            )
            stats = emulator.control("stats")
        finally:
            emulator.stop()
            if dropme:
                asyncio.run(drop_database(dropme))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "backend": backend, "subscribers": subscribers, "throttled": throttle,
        "find_due_ms": find_ms, "peak_mib": peak_kib / 1024,
        "received": stats["messages"], "too_many_requests": stats["too_many_requests"],
        "pictures": pictures, "uploads": stats["uploads"],
        "distinct_uploads": stats["distinct_uploads"], **result,
    }  # fmt: skip


def _row(r: dict[str, Any]) -> str:
    limit = "on (30/s)" if r["throttled"] else "off"
    return (
        f"{r['backend']:<9} {r['subscribers']:>8,} {limit:<10} {r['per_second']:>9,.0f} "
        f"{r['seconds']:>8.1f} {r['find_due_ms']:>9.1f} {r['claim_seconds']:>8.2f} "
        f"{r['peak_mib']:>8.0f} {r['received']:>9,} {r['too_many_requests']:>5} "
        f"{'on' if r['pictures'] else 'off':<8} {r['uploads']:>7} {r['distinct_uploads']:>8}"
    )


HEADER = (
    "backend   subscribers limiter     msg/s   total s  find ms  claim s  peak MiB  received  429s"
    " pictures uploads distinct"
)


def run(args: argparse.Namespace) -> int:
    """Run every configuration in its own subprocess and print a table."""
    backends = args.backends
    plan = [(b, args.subscribers, False, p) for b in backends for p in (False, True)]
    plan += [
        (b, args.throttled_subscribers, True, True) for b in backends if args.throttled_subscribers
    ]
    print(f"fan-out benchmark on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(HEADER)
    for backend, count, throttle, pictures in plan:
        command = [sys.executable, "-m", "bot.bench.fanout", "--backend", backend,
                   "--subscribers", str(count)] + (["--throttle"] if throttle else [])  # fmt: skip
        command += ["--pictures", "on" if pictures else "off"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"{backend} {count}: failed\n{done.stderr[-2000:]}")
            return 1
        print(_row(json.loads(done.stdout.strip().splitlines()[-1])), flush=True)
    return 0


def main(argv: list[str] | None = None) -> None:
    """`python -m bot.bench.fanout`: one configuration, printed as a JSON line."""
    parser = argparse.ArgumentParser(prog="python -m bot.bench.fanout")
    parser.add_argument("--backend", choices=BACKENDS, default="sqlite")
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--throttle", action="store_true")
    parser.add_argument("--pictures", choices=("on", "off"), default="on")
    args = parser.parse_args(argv)
    result = run_one(args.backend, args.subscribers, args.throttle, args.pictures == "on")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
