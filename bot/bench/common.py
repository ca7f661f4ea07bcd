"""What the benchmarks share: the bot token, a free port, the emulator in its own process, the
bot in its own process, a fresh database on either backend, and driving many users at once."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

DUE = datetime(2026, 6, 1, 7, 30, tzinfo=UTC)
TOKEN = "4242:bench-token"


def free_port() -> int:
    """A TCP port on loopback that nobody is listening on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class EmulatorProcess:
    """`python -m bot.emulator` in a subprocess, stopped on exit."""

    def __init__(self, *, enforce: bool) -> None:
        """Start it, enforcing Telegram's flood limits if `enforce`, and wait until it listens."""
        self.port = free_port()
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


def postgres_urls() -> tuple[str, str]:
    """The server to benchmark on, and the asyncpg DSN of its maintenance database."""
    from sqlalchemy.engine import make_url

    base = os.environ.get("STRETCHBOT_BENCH_POSTGRES_URL") or os.environ.get(
        "STRETCHBOT_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
    )
    admin = make_url(base).set(drivername="postgresql").render_as_string(hide_password=False)
    return base, admin


async def fresh_database(backend: str, folder: Path) -> tuple[str, str | None]:
    """A fresh database URL (and, for PostgreSQL, the database to drop afterwards)."""
    if backend == "sqlite":
        return f"sqlite+aiosqlite:///{folder / 'bench.db'}", None
    import asyncpg
    from sqlalchemy.engine import make_url

    base, admin = postgres_urls()
    name = f"stretchbot_bench_{secrets.token_hex(4)}"
    conn = await asyncpg.connect(admin)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return make_url(base).set(database=name).render_as_string(hide_password=False), name


async def drop_database(name: str) -> None:
    """Drop a PostgreSQL database `fresh_database` made, even with connections left open."""
    import asyncpg

    _, admin = postgres_urls()
    conn = await asyncpg.connect(admin)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def bot_process(
    api_root: str, folder: Path, database_url: str | None = None, **env: str
) -> subprocess.Popen[bytes]:
    """`stretchbot run` (polling) against the emulator, on `database_url` or SQLite in `folder`."""
    environment = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": api_root,
        "DATABASE_URL": database_url or f"sqlite+aiosqlite:///{folder / 'bot.db'}",
        "STRETCHBOT_HTTP_HOST": "127.0.0.1",
        "STRETCHBOT_HTTP_PORT": str(free_port()),
        "STRETCHBOT_LOG_LEVEL": "WARNING",
        "NO_PROXY": "127.0.0.1,localhost",
        **env,
    }
    return subprocess.Popen([sys.executable, "-m", "bot", "run"], env=environment)


async def stop_process(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM and wait, without blocking the loop the in-process emulator answers on."""
    process.terminate()
    try:
        await asyncio.wait_for(asyncio.to_thread(process.wait), 30)
    except TimeoutError:
        process.kill()
        await asyncio.to_thread(process.wait)


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of `values`."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


async def drive_updates(
    emulator: Any, users: range, rounds: int, text: str, *, distinct: bool = False
) -> dict[str, float]:
    """Each user sends `text` and waits for the answer, `rounds` times; all users at once.
    `distinct`: each message different ("hello 10001 7"), so none is a text seen before.
    `failed` counts the answers that were the bot's apology rather than a reply."""
    from bot.telegram.texts import SOMETHING_WRONG

    latencies: list[float] = []

    async def user(uid: int) -> None:
        for n in range(rounds):
            after = len(emulator.chat(uid))
            started = time.perf_counter()
            emulator.send_text(uid, f"{text} {uid} {n}" if distinct else text)
            await emulator.wait_for_message(uid, after=after, timeout=60)
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(user(uid) for uid in users))
    elapsed = time.perf_counter() - started
    apologies = sum(m.text == SOMETHING_WRONG for uid in users for m in emulator.chat(uid))
    return {
        "failed": float(apologies),
        "per_second": len(latencies) / elapsed,
        "p50_ms": percentile(latencies, 50) * 1000,
        "p99_ms": percentile(latencies, 99) * 1000,
    }


def machine_speed() -> float:
    """Seconds a plain Python loop takes to count to ten million: how quick this machine's cores
    are, so that figures from different machines can be compared (start-up is mostly imports)."""
    started = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - started
