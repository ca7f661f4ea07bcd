"""Desk breaks at scale: N subscribers with a break every 60 minutes through a working day
(09:00–17:00, so eight breaks each), all in one zone so every hour's breaks fall due in the same
minute — the worst case. A clock steps through the day; at each break minute one tick claims and
sends through the real python-telegram-bot `Bot`, our sender and HTTP client, to the Bot API
emulator in its own process. Desk breaks are a slot type in the same schedule table and claim as
routines, so this measures that path: deliveries in the peak minute, claim time, memory.

Each backend runs in a fresh subprocess (`python -m bot.bench.breaks`) so its peak memory is its
own.
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
import time as timer
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

from bot import loop
from bot.bench.common import TOKEN, EmulatorProcess
from bot.bench.common import drop_database as _drop
from bot.bench.common import fresh_database as _database
from bot.bench.fanout import BACKENDS

DAY = datetime(2026, 6, 1, tzinfo=UTC)  # a Monday
START, END, EVERY = time(9), time(17), 60


async def seed(url: str, count: int) -> None:
    """N subscribers with desk breaks 09:00–17:00 every 60 min (routines and summary off)."""
    from sqlalchemy import insert

    from bot.store.db import Database
    from bot.store.models import ScheduledSlot, Subscriber

    first = datetime.combine(DAY.date(), START, UTC)
    db = Database(url)
    chunk = 5000
    try:
        for begin in range(1, count + 1, chunk):
            ids = range(begin, min(count, begin + chunk - 1) + 1)
            async with db.session() as s:
                await s.execute(
                    insert(Subscriber),
                    [
                        {"chat_id": i, "user_id": i, "first_name": None, "timezone": "UTC",
                         "morning": None, "evening": None, "active": True, "programme_week": 1,
                         "desk_cursor": i, "days": 0b0011111,
                         "break_start": START, "break_end": END, "break_every": EVERY,
                         "summary_weekday": None, "created_at": DAY - timedelta(days=30),
                         "updated_at": DAY}
                        for i in ids
                    ],
                )  # fmt: skip
                await s.execute(
                    insert(ScheduledSlot),
                    [
                        {"chat_id": i, "slot": "break", "due_at": first, "local_date": DAY.date(),
                         "on_hold": False}
                        for i in ids
                    ],
                )  # fmt: skip
    finally:
        await db.close()


async def _working_day(url: str, root: str) -> dict[str, Any]:
    """Tick at every break minute of the day; per hour: sent, claim seconds, send seconds."""
    from telegram.ext import ExtBot

    from bot.config import default_content_dir
    from bot.content.loader import load_library
    from bot.schedule.ticker import Ticker
    from bot.store.db import Database
    from bot.telegram.delivery import TelegramSender
    from bot.telegram.http import AiohttpRequest
    from bot.telegram.limits import Lane, TelegramLimiter

    library = load_library(default_content_dir())
    bot: ExtBot[Lane] = ExtBot(
        TOKEN, base_url=f"{root}/bot", request=AiohttpRequest(connection_pool_size=256),
        rate_limiter=TelegramLimiter(overall=0.0, per_chat_rate=1.0),
    )  # fmt: skip
    db = Database(url, pool_size=10, max_overflow=10) if "postgresql" in url else Database(url)
    now = datetime.combine(DAY.date(), START, UTC)

    def clock() -> datetime:
        return now

    hours = []
    started = timer.perf_counter()
    async with bot:
        ticker = Ticker(db, library, TelegramSender(bot, clock, library), clock, "bench")
        while now.time() < END:
            now += timedelta(seconds=5)
            report = await ticker.tick()
            hours.append(
                {"at": now.strftime("%H:%M"), "sent": report.sent, "due": report.due,
                 "claim_s": round(report.claim_seconds, 3), "total_s": round(report.duration, 2)}
            )  # fmt: skip
            now = now.replace(second=0) + timedelta(minutes=EVERY)
            await _everyone_answers(db, now)
    await db.close()
    return {"hours": hours, "wall_s": timer.perf_counter() - started}


async def _everyone_answers(db: Any, now: datetime) -> None:
    """Everyone taps Skip on their break before the next one: otherwise the no-nagging rule
    (rightly) holds everybody's breaks after three ignored ones, and the day ends at 12:00."""
    from sqlalchemy import update

    from bot.store.models import StretchSession

    async with db.session() as s:
        await s.execute(
            update(StretchSession)
            .where(StretchSession.skipped_at.is_(None))
            .values(skipped_at=now)
        )


def run_one(backend: str, subscribers: int) -> dict[str, Any]:
    """One backend, in this process: seed, step through the day, measure."""
    from bot.store.db import upgrade

    emulator = EmulatorProcess(enforce=False)
    with tempfile.TemporaryDirectory() as folder:
        url, dropme = asyncio.run(_database(backend, Path(folder)))
        try:
            upgrade(url)
            emulator.control("add_users", {"first": 1, "count": subscribers})
            asyncio.run(seed(url, subscribers))
            result = loop.run(_working_day(url, emulator.root))
            stats = emulator.control("stats")
        finally:
            emulator.stop()
            if dropme:
                asyncio.run(_drop(dropme))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "backend": backend, "subscribers": subscribers, "peak_mib": peak_kib / 1024,
        "received": stats["messages"], **result,
    }  # fmt: skip


def _print(r: dict[str, Any]) -> None:
    hours = r["hours"]
    sent = sum(h["sent"] for h in hours)
    peak = max(h["due"] for h in hours)
    claim = [h["claim_s"] for h in hours]
    sends = [h["total_s"] for h in hours]
    rate = sum(h["sent"] for h in hours) / sum(sends) if sum(sends) else 0.0
    print(
        f"{r['backend']:<9} {r['subscribers']:>8,} {len(hours):>6} {sent:>9,} {peak:>9,} "
        f"{min(claim):>6.2f}–{max(claim):<6.2f} {rate:>8,.0f} {r['peak_mib']:>8.0f} "
        f"{r['received']:>9,}"
    )
    print("          per break minute: " + ", ".join(
        f"{h['at']} {h['sent']:,} in {h['total_s']:.1f} s" for h in hours
    ))  # fmt: skip
    print(
        f"          at Telegram's 30 msg/s the peak minute's {peak:,} take {peak / 30 / 60:.1f} "
        f"min ({peak / 1000:.0f} s at 1,000 msg/s with paid broadcasts)"
    )


HEADER = (
    "backend   subscribers breaks      sent  peak min  claim s/tick   msg/s  peak MiB  received"
)


def run(backends: list[str], subscribers: int) -> int:
    """Each backend in its own subprocess; print a table."""
    print(f"desk-break benchmark on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"{subscribers:,} subscribers, breaks {START:%H:%M}–{END:%H:%M} every {EVERY} min")
    print(HEADER)
    for backend in backends:
        command = [sys.executable, "-m", "bot.bench.breaks", "--backend", backend,
                   "--subscribers", str(subscribers)]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"{backend}: failed\n{done.stderr[-2000:]}")
            return 1
        _print(json.loads(done.stdout.strip().splitlines()[-1]))
    return 0


def main(argv: list[str] | None = None) -> None:
    """`python -m bot.bench.breaks`: one backend, printed as a JSON line."""
    parser = argparse.ArgumentParser(prog="python -m bot.bench.breaks")
    parser.add_argument("--backend", choices=BACKENDS, default="sqlite")
    parser.add_argument("--subscribers", type=int, default=10_000)
    args = parser.parse_args(argv)
    print(json.dumps(run_one(args.backend, args.subscribers)))


if __name__ == "__main__":
    main()
