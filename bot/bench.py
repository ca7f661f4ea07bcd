"""Benchmarks, run as `stretchbot bench fanout`: numbers printed, not asserted.

Fan-out: one due minute for N subscribers, claimed from the database and sent through the real
python-telegram-bot `Bot` to the Bot API emulator running in its own process (so the emulator's CPU
is not ours). Each configuration runs in a fresh subprocess so its peak memory is its own.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

DUE = datetime(2026, 6, 1, 7, 30, tzinfo=UTC)
TOKEN = "4242:bench-token"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class EmulatorProcess:
    """`python -m bot.emulator` in a subprocess, stopped on exit."""

    def __init__(self, *, enforce: bool) -> None:
        self.port = _free_port()
        command = [sys.executable, "-m", "bot.emulator", "--port", str(self.port),
                   "--token", TOKEN]  # fmt: skip
        if enforce:
            command += ["--limits", "enforce"]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        self.process.stdout.readline()  # "listening on ..."
        self.root = f"http://127.0.0.1:{self.port}"

    def control(self, action: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        """POST (with a body) or GET the emulator's control endpoint."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            f"{self.root}/_emulator/{action}", data=data,
            headers={"Content-Type": "application/json"},
        )  # fmt: skip
        with urllib.request.urlopen(request, timeout=60) as response:
            result: dict[str, Any] = json.loads(response.read())
            return result

    def stop(self) -> None:
        """Terminate and reap."""
        self.process.terminate()
        self.process.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()


async def _seed(url: str, count: int, due: datetime = DUE) -> None:
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
                         "active": True, "programme_week": 1 + i % 8, "gentle_reports_left": 0,
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


async def _fan_out(url: str, root: str, *, throttle: bool) -> dict[str, Any]:
    from telegram.ext import ExtBot

    from bot.config import default_content_dir
    from bot.content.loader import load_library
    from bot.schedule.ticker import Ticker
    from bot.store.db import Database
    from bot.telegram.delivery import TelegramSender
    from bot.telegram.http import AiohttpRequest
    from bot.telegram.limits import TelegramLimiter

    library = load_library(default_content_dir())
    limiter = TelegramLimiter(overall=30.0 if throttle else 0.0, per_chat_rate=1.0)
    bot: ExtBot[None] = ExtBot(
        TOKEN, base_url=f"{root}/bot", request=AiohttpRequest(connection_pool_size=256),
        rate_limiter=limiter,
    )  # fmt: skip
    db = Database(url, pool_size=10, max_overflow=10) if "postgresql" in url else Database(url)

    def clock() -> datetime:
        return DUE + timedelta(seconds=5)

    async with bot:
        ticker = Ticker(db, library, TelegramSender(bot, clock, library), clock, "bench")
        report = await ticker.tick()
    await db.close()
    return {
        "sent": report.sent,
        "failed": report.failed,
        "seconds": report.duration,
        "claim_seconds": report.claim_seconds,
        "per_second": report.sent / report.duration if report.duration else 0.0,
    }


def _postgres_urls() -> tuple[str, str]:
    """The server to benchmark on, and the asyncpg DSN of its maintenance database."""
    from sqlalchemy.engine import make_url

    base = os.environ.get("STRETCHBOT_BENCH_POSTGRES_URL") or os.environ.get(
        "STRETCHBOT_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
    )
    admin = make_url(base).set(drivername="postgresql").render_as_string(hide_password=False)
    return base, admin


async def _database(backend: str, folder: Path) -> tuple[str, str | None]:
    """A fresh database URL (and, for PostgreSQL, the database to drop afterwards)."""
    if backend == "sqlite":
        return f"sqlite+aiosqlite:///{folder / 'bench.db'}", None
    import asyncpg
    from sqlalchemy.engine import make_url

    base, admin = _postgres_urls()
    name = f"stretchbot_bench_{secrets.token_hex(4)}"
    conn = await asyncpg.connect(admin)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return make_url(base).set(database=name).render_as_string(hide_password=False), name


async def _drop(name: str) -> None:
    import asyncpg

    _, admin = _postgres_urls()
    conn = await asyncpg.connect(admin)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def run_one(backend: str, subscribers: int, throttle: bool) -> dict[str, Any]:
    """One configuration, in this process: seed, fan out, measure."""
    from bot.store.db import upgrade

    emulator = EmulatorProcess(enforce=throttle)
    with tempfile.TemporaryDirectory() as folder:
        url, dropme = asyncio.run(_database(backend, Path(folder)))
        try:
            upgrade(url)
            emulator.control("add_users", {"first": 1, "count": subscribers})
            asyncio.run(_seed(url, subscribers))
            find_ms = asyncio.run(_find_due_ms(url))
            result = asyncio.run(_fan_out(url, emulator.root, throttle=throttle))
            stats = emulator.control("stats")
        finally:
            emulator.stop()
            if dropme:
                asyncio.run(_drop(dropme))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "backend": backend, "subscribers": subscribers, "throttled": throttle,
        "find_due_ms": find_ms, "peak_mib": peak_kib / 1024,
        "received": stats["messages"], "too_many_requests": stats["too_many_requests"], **result,
    }  # fmt: skip


def _row(r: dict[str, Any]) -> str:
    limit = "on (30/s)" if r["throttled"] else "off"
    return (
        f"{r['backend']:<9} {r['subscribers']:>8,} {limit:<10} {r['per_second']:>9,.0f} "
        f"{r['seconds']:>8.1f} {r['find_due_ms']:>9.1f} {r['claim_seconds']:>8.2f} "
        f"{r['peak_mib']:>8.0f} {r['received']:>9,} {r['too_many_requests']:>5}"
    )


HEADER = (
    "backend   subscribers limiter     msg/s   total s  find ms  claim s  peak MiB  received  429s"
)


def fanout(args: argparse.Namespace) -> int:
    """Run every configuration in its own subprocess and print a table."""
    backends = args.backends.split(",")
    plan = [(b, args.subscribers, False) for b in backends]
    plan += [(b, args.throttled_subscribers, True) for b in backends if args.throttled_subscribers]
    print(f"fan-out benchmark on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(HEADER)
    for backend, count, throttle in plan:
        command = [sys.executable, "-m", "bot.bench", "--backend", backend,
                   "--subscribers", str(count)] + (["--throttle"] if throttle else [])  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"{backend} {count}: failed\n{done.stderr[-2000:]}")
            return 1
        print(_row(json.loads(done.stdout.strip().splitlines()[-1])), flush=True)
    return 0


def main(argv: list[str] | None = None) -> None:
    """`python -m bot.bench`: one configuration, printed as a JSON line."""
    parser = argparse.ArgumentParser(prog="python -m bot.bench")
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--throttle", action="store_true")
    args = parser.parse_args(argv)
    print(json.dumps(run_one(args.backend, args.subscribers, args.throttle)))


if __name__ == "__main__":
    main()


# --- the bot as a whole: update handling, hold timers, start-up ---------------------------------

ECHO_BOT = """
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
app = builder.build()
app.add_handler(MessageHandler(filters.TEXT, echo))
app.run_polling(poll_interval=0.0, timeout=10)
"""


def _bot_process(api_root: str, folder: Path, **env: str) -> subprocess.Popen[bytes]:
    """`stretchbot run` (polling) against the emulator, on an SQLite file in `folder`."""
    environment = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": api_root,
        "DATABASE_URL": f"sqlite+aiosqlite:///{folder / 'bot.db'}",
        "STRETCHBOT_HTTP_HOST": "127.0.0.1",
        "STRETCHBOT_HTTP_PORT": str(_free_port()),
        "STRETCHBOT_LOG_LEVEL": "WARNING",
        "NO_PROXY": "127.0.0.1,localhost",
        **env,
    }
    return subprocess.Popen([sys.executable, "-m", "bot", "run"], env=environment)


async def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM and wait, without blocking the loop the in-process emulator answers on."""
    process.terminate()
    try:
        await asyncio.wait_for(asyncio.to_thread(process.wait), 30)
    except TimeoutError:
        process.kill()
        await asyncio.to_thread(process.wait)


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


async def _drive_updates(emulator: Any, users: range, rounds: int, text: str) -> dict[str, float]:
    """Each user sends `text` and waits for the answer, `rounds` times; all users at once."""
    latencies: list[float] = []

    async def user(uid: int) -> None:
        for _ in range(rounds):
            after = len(emulator.chat(uid))
            started = time.perf_counter()
            emulator.send_text(uid, text)
            await emulator.wait_for_message(uid, after=after, timeout=60)
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(user(uid) for uid in users))
    elapsed = time.perf_counter() - started
    return {
        "per_second": len(latencies) / elapsed,
        "p50_ms": _percentile(latencies, 50) * 1000,
        "p99_ms": _percentile(latencies, 99) * 1000,
    }


async def bench_updates(users: int = 100, rounds: int = 20) -> dict[str, dict[str, float]]:
    """Updates per second and reply latency: stretchbot against a bare PTB echo bot."""
    from bot.emulator import BotApiEmulator

    results = {}
    for name in ("echo bot", "echo bot, aiohttp", "stretchbot"):
        async with BotApiEmulator(TOKEN, record_calls=False) as emulator:
            with tempfile.TemporaryDirectory() as folder:
                if name.startswith("echo bot"):
                    client = "aiohttp" if "aiohttp" in name else "httpx"
                    process = subprocess.Popen(  # noqa: ASYNC220 - start-up cost, not a hot path
                        [sys.executable, "-c", ECHO_BOT, TOKEN, emulator.api_root, client],
                        env={**os.environ, "NO_PROXY": "127.0.0.1,localhost"},
                    )
                else:  # Telegram's 30 msg/s budget is not our speed: the limiter is off here
                    process = _bot_process(
                        emulator.api_root, Path(folder), STRETCHBOT_CHAT_RATE="0",
                        STRETCHBOT_RATE_LIMIT="0",
                    )  # fmt: skip
                try:
                    ids = range(10_001, 10_001 + users)
                    for uid in ids:
                        emulator.add_user(uid)
                    if name == "stretchbot":  # subscribe first, as real users would be
                        await _drive_updates(emulator, ids, 1, "/start")
                    await _drive_updates(emulator, ids[:5], 2, "hello")  # warm up
                    results[name] = await _drive_updates(emulator, ids, rounds, "hello")
                finally:
                    await _stop(process)
    return results


def _has_start_button(message: Any) -> bool:
    return any("Start" in button.text for row in message.buttons for button in row)


async def bench_holds(holding: int = 1000, scale: float = 1.0) -> dict[str, float]:
    """How late the release message comes when `holding` people start a hold at once.

    Measured twice: by this driver, when the release edit reaches the emulator (includes the
    emulator and driver sharing this process), and by the bot itself (its
    stretchbot_hold_release_lateness_seconds histogram: release acknowledged vs hold over).
    """
    from bot.emulator import BotApiEmulator

    port = _free_port()
    async with BotApiEmulator(TOKEN, record_calls=False) as emulator:
        with tempfile.TemporaryDirectory() as folder:
            process = _bot_process(
                emulator.api_root, Path(folder), STRETCHBOT_RATE_LIMIT="0",
                STRETCHBOT_CHAT_RATE="0", STRETCHBOT_HOLD_TIME_SCALE=str(scale),
                STRETCHBOT_HTTP_PORT=str(port),
            )  # fmt: skip
            try:
                ids = range(20_001, 20_001 + holding)
                for uid in ids:
                    emulator.add_user(uid)
                await _drive_updates(emulator, ids, 1, "/start")
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
                await _stop(process)
    return {
        "holding": holding,
        "p50_s": _percentile(lateness, 50),
        "p99_s": _percentile(lateness, 99),
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


async def bench_startup(runs: int = 3) -> dict[str, float]:
    """Seconds from starting `stretchbot run` to its first getUpdates, content and all."""
    from bot.emulator import BotApiEmulator

    timings = []
    for _ in range(runs):
        async with BotApiEmulator(TOKEN) as emulator:
            # A waiting update makes the first getUpdates answer at once (calls are recorded
            # when answered; an empty long poll would only answer after its timeout).
            emulator.add_user(1)
            emulator.send_text(1, "hello")
            with tempfile.TemporaryDirectory() as folder:
                started = time.monotonic()  # the clock the emulator stamps calls with
                process = _bot_process(emulator.api_root, Path(folder))
                try:
                    call = await emulator.wait_for_call("getUpdates", timeout=60)
                    timings.append(call.time - started)
                finally:
                    await _stop(process)
    return {"median_s": sorted(timings)[len(timings) // 2], "max_s": max(timings)}


def all_benchmarks(args: argparse.Namespace) -> int:
    """`stretchbot bench all`: every benchmark, printed with its target."""
    print(f"stretchbot benchmarks on {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    startup = asyncio.run(bench_startup())
    print(f"start-up to first getUpdates: median {startup['median_s']:.2f} s, "
          f"max {startup['max_s']:.2f} s (target < 2 s)")  # fmt: skip
    updates = asyncio.run(bench_updates(args.users, args.rounds))
    print("\nupdate handling (message in, reply out, through the emulator):")
    for name, r in updates.items():
        print(f"  {name:<18} {r['per_second']:7.0f} updates/s   p50 {r['p50_ms']:6.1f} ms   "
              f"p99 {r['p99_ms']:6.1f} ms")  # fmt: skip
    for echo in ("echo bot", "echo bot, aiohttp"):
        ratio = updates[echo]["per_second"] / updates["stretchbot"]["per_second"]
        print(f"  {echo} / stretchbot throughput: {ratio:.2f}x (target: within 2x)")
    holds = asyncio.run(bench_holds(args.holding))
    print(f"\nhold timers, {holds['holding']} people holding at once: release message "
          f"p50 {holds['p50_s']:.2f} s late, p99 {holds['p99_s']:.2f} s, "
          f"max {holds['max_s']:.2f} s (target p99 < 1 s); the bot's own histogram: "
          f"p50 <= {holds['bot_p50_le_s']} s, p99 <= {holds['bot_p99_le_s']} s "
          f"over {holds['bot_releases']:.0f} releases")  # fmt: skip
    print("\nfan-out:")
    return fanout(args)
