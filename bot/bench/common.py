"""What the benchmarks share: the bot token, a free port, the emulator in its own process, the
bot in its own process, and driving many users at once."""

from __future__ import annotations

import asyncio
import json
import os
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


def bot_process(api_root: str, folder: Path, **env: str) -> subprocess.Popen[bytes]:
    """`stretchbot run` (polling) against the emulator, on an SQLite file in `folder`."""
    environment = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": api_root,
        "DATABASE_URL": f"sqlite+aiosqlite:///{folder / 'bot.db'}",
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


async def drive_updates(emulator: Any, users: range, rounds: int, text: str) -> dict[str, float]:
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
        "p50_ms": percentile(latencies, 50) * 1000,
        "p99_ms": percentile(latencies, 99) * 1000,
    }
