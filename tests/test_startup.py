"""`stretchbot run` as an operator sees it: a process that starts, or exits 1 with one clear line.

Each test runs the real command in a subprocess (its own event loop, signal handling and exit
code) against the emulator, a closed port or an unreachable database, with short retry settings,
and reads everything it printed: no traceback, no "Unclosed client session", never the token.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

from bot.emulator import BotApiEmulator
from bot.startup import CannotRun, with_retries
from tests.conftest import TOKEN

# A well-formed token the emulator does not know: Telegram answers 401 to it.
OTHER_TOKEN = "654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
NOISE = ("Traceback", "Unclosed", "RuntimeError", "Task exception")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Exit:
    code: int
    output: str  # stdout and stderr, interleaved as printed

    @property
    def lines(self) -> list[str]:
        return self.output.strip().splitlines()

    @property
    def verdicts(self) -> list[str]:
        """The lines addressed to the operator (everything else is a timestamped log line)."""
        return [line for line in self.lines if line.startswith("stretchbot: ")]


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    """A clean environment: no settings inherited from the machine, a fresh data folder."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("STRETCHBOT_", "TELEGRAM_", "DATABASE_URL"))
    }
    env |= {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "STRETCHBOT_DATA_DIR": str(tmp_path / "data"),
        "STRETCHBOT_HTTP_HOST": "127.0.0.1",
        "STRETCHBOT_HTTP_PORT": str(free_port()),
        "STRETCHBOT_STARTUP_RETRY_SECONDS": "1",
        "STRETCHBOT_LOG_LEVEL": "DEBUG",
        "NO_PROXY": "127.0.0.1,localhost",
    }
    return env


@dataclass
class Started:
    process: asyncio.subprocess.Process
    output: asyncio.Task[bytes]  # read all along: a full pipe would stall the bot


async def start(env: dict[str, str], cwd: Path) -> Started:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, cwd=cwd,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    assert process.stdout is not None
    return Started(process, asyncio.create_task(process.stdout.read()))


async def finish(started: Started, timeout: float = 60) -> Exit:  # noqa: ASYNC109
    try:
        code = await asyncio.wait_for(started.process.wait(), timeout)
    finally:
        if started.process.returncode is None:
            started.process.kill()
            await started.process.wait()
    return Exit(code, (await started.output).decode())


async def run(env: dict[str, str], cwd: Path) -> Exit:
    return await finish(await start(env, cwd))


def assert_one_clear_line(result: Exit, *expected: str) -> None:
    assert result.code == 1, result.output
    assert len(result.verdicts) == 1, result.output
    for words in expected:
        assert words in result.verdicts[0], result.output
    for noise in NOISE:
        assert noise not in result.output, result.output
    for secret in (TOKEN, TOKEN.split(":")[1], OTHER_TOKEN.split(":")[1]):
        assert secret not in result.output


async def test_telegram_unreachable_is_retried_then_one_line(
    environment: dict[str, str], tmp_path: Path
) -> None:
    environment["TELEGRAM_API_URL"] = f"http://127.0.0.1:{free_port()}"  # nobody listens
    result = await run(environment, tmp_path)
    assert_one_clear_line(result, "could not reach Telegram", "TELEGRAM_API_URL")
    attempts = [line for line in result.lines if "cannot reach Telegram yet" in line]
    assert len(attempts) >= 2  # 1 s of retries: attempts at 0, 0.5 and 1 s


async def test_sigterm_while_start_up_retries_stops_at_once(
    environment: dict[str, str], tmp_path: Path
) -> None:
    """A supervisor's stop timeout (systemd: 30 s) is shorter than the retry bound (60 s)."""
    environment["TELEGRAM_API_URL"] = f"http://127.0.0.1:{free_port()}"
    environment["STRETCHBOT_STARTUP_RETRY_SECONDS"] = "60"
    health = f"http://127.0.0.1:{environment['STRETCHBOT_HTTP_PORT']}/healthz"
    started = await start(environment, tmp_path)
    try:
        async with aiohttp.ClientSession() as client:
            for _ in range(600):  # the HTTP side is up before Telegram is tried
                try:
                    async with client.get(health) as response:
                        assert response.status == 503  # not running yet
                        break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.05)
    finally:
        started.process.terminate()
        result = await finish(started, timeout=10)
    assert result.code == 0, result.output
    assert result.verdicts == []
    for noise in NOISE:
        assert noise not in result.output


async def test_database_unreachable_is_retried_then_one_line(
    environment: dict[str, str], tmp_path: Path
) -> None:
    port = free_port()
    environment["DATABASE_URL"] = f"postgresql+asyncpg://bot:pw-Secret@127.0.0.1:{port}/x"
    result = await run(environment, tmp_path)
    assert_one_clear_line(result, "could not reach the database", "DATABASE_URL")
    assert len([line for line in result.lines if "cannot reach the database yet" in line]) >= 2
    assert "pw-Secret" not in result.output


async def test_a_port_in_use_names_the_setting(
    environment: dict[str, str], tmp_path: Path
) -> None:
    async with BotApiEmulator(TOKEN) as emulator:
        environment["TELEGRAM_API_URL"] = emulator.api_root
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            environment["STRETCHBOT_HTTP_PORT"] = str(taken.getsockname()[1])
            result = await run(environment, tmp_path)
    assert_one_clear_line(result, "already in use", "STRETCHBOT_HTTP_PORT")


@pytest.mark.parametrize("url", ["htp://127.0.0.1:8081", "http://127.0.0.1:99999"])
async def test_a_mistyped_api_url_is_named_and_the_token_never_printed(
    environment: dict[str, str], tmp_path: Path, url: str
) -> None:
    environment["TELEGRAM_API_URL"] = url
    assert_one_clear_line(await run(environment, tmp_path), "TELEGRAM_API_URL")


@pytest.mark.parametrize("secret", ["", "has spaces"])
async def test_a_webhook_secret_that_cannot_work_stops_start_up(
    environment: dict[str, str], tmp_path: Path, secret: str
) -> None:
    environment |= {
        "STRETCHBOT_WEBHOOK_URL": "https://bot.example.test/telegram",
        "STRETCHBOT_WEBHOOK_SECRET": secret,
    }
    assert_one_clear_line(await run(environment, tmp_path), "STRETCHBOT_WEBHOOK_SECRET")


async def test_a_rejected_token_stops_start_up_at_once(
    environment: dict[str, str], tmp_path: Path
) -> None:
    async with BotApiEmulator(TOKEN) as emulator:
        environment |= {"TELEGRAM_API_URL": emulator.api_root, "TELEGRAM_BOT_TOKEN": OTHER_TOKEN}
        environment["STRETCHBOT_STARTUP_RETRY_SECONDS"] = "30"  # a 401 is not worth retrying
        result = await run(environment, tmp_path)
    assert_one_clear_line(
        result, "Telegram rejected the bot token (Unauthorized)", "TELEGRAM_BOT_TOKEN"
    )


@pytest.mark.parametrize(("code", "words"), [(401, "Unauthorized"), (404, "Not Found")])
async def test_a_token_rejected_while_polling_ends_the_process_cleanly(
    environment: dict[str, str], tmp_path: Path, code: int, words: str
) -> None:
    """python-telegram-bot's poller stops for good on a 401/404; the process must not linger."""
    async with BotApiEmulator(TOKEN) as emulator:
        environment["TELEGRAM_API_URL"] = emulator.api_root
        started = await start(environment, tmp_path)
        try:
            await emulator.wait_for_call("getUpdates", timeout=60)
            emulator.inject_fault("getUpdates", error_code=code, description=words, times=100)
            emulator.add_user(1001)
            emulator.send_text(1001, "/help")  # ends the poll in flight; the next one fails
        finally:
            result = await finish(started, timeout=30)
    assert_one_clear_line(result, f"Telegram rejected the bot token ({words})")
    # Shut down in order: the database closed (SQLite removes its WAL file on the last close).
    assert (tmp_path / "data" / "stretchbot.db").exists()
    assert not (tmp_path / "data" / "stretchbot.db-wal").exists()


async def test_sigterm_stops_a_running_bot_with_exit_code_0(
    environment: dict[str, str], tmp_path: Path
) -> None:
    async with BotApiEmulator(TOKEN) as emulator:
        environment["TELEGRAM_API_URL"] = emulator.api_root
        started = await start(environment, tmp_path)
        try:
            await emulator.wait_for_call("getUpdates", timeout=60)
            await asyncio.sleep(0.2)  # the tick job and the HTTP server are up by now
        finally:
            started.process.terminate()
            result = await finish(started)
    assert result.code == 0, result.output
    assert result.verdicts == []
    for noise in NOISE:
        assert noise not in result.output
    assert TOKEN.split(":")[1] not in result.output


class FakeTime:
    """A clock and a sleep that only move when slept on."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


async def test_retries_back_off_and_stop_at_the_bound(caplog: pytest.LogCaptureFixture) -> None:
    time = FakeTime()

    async def unreachable() -> None:
        raise ConnectionRefusedError(111, "Connection refused")

    with pytest.raises(CannotRun, match=r"could not reach the thing in 6 attempt\(s\) over 10 s"):
        await with_retries(
            "the thing", unreachable, retry_on=(OSError,), seconds=10, hint="check X",
            sleep=time.sleep, clock=time,
        )  # fmt: skip
    assert time.slept == [0.5, 1.0, 2.0, 4.0, 2.5]  # doubling, cut short by the bound
    attempts = [r for r in caplog.records if r.name == "bot.startup"]
    assert len(attempts) == 5
    assert all("Connection refused" in r.getMessage() for r in attempts)


async def test_a_retry_that_succeeds_returns_its_value() -> None:
    time = FakeTime()
    answers: list[Exception | str] = [TimeoutError(), TimeoutError(), "ready"]

    async def flaky() -> str:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    result = await with_retries(
        "it", flaky, retry_on=(TimeoutError,), seconds=5, hint="", sleep=time.sleep, clock=time
    )
    assert result == "ready"
    assert time.slept == [0.5, 1.0]


async def test_errors_not_worth_retrying_end_at_once() -> None:
    time = FakeTime()

    async def broken() -> None:
        raise ValueError("bad setting")

    with pytest.raises(ValueError, match="bad setting"):
        await with_retries(
            "it", broken, retry_on=(OSError,), seconds=5, hint="", sleep=time.sleep, clock=time
        )
    assert time.slept == []


def test_an_unexpected_error_is_logged_without_its_text(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    """A bug's traceback keeps its frames, but its text (here: holding the token) stays out."""
    from bot import cli
    from bot.telegram import web

    words = " ".join(["a", "pain", "note"])  # built at run time: not in the source line shown

    async def broken(*args: object) -> None:
        raise RuntimeError(f"failed talking to /bot{TOKEN}/getMe about {words}")

    monkeypatch.setattr(web, "serve", broken)
    monkeypatch.chdir(tmp_path)  # no .env file
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("STRETCHBOT_DATA_DIR", str(tmp_path))
    assert cli.main(["run"]) == 1
    logged = "\n".join(logging.Formatter().format(r) for r in caplog.records)
    assert "stretchbot stopped by an error" in logged
    assert "builtins.RuntimeError (text not logged)" in logged
    assert "in broken" in logged  # the frames stay
    assert TOKEN not in logged
    assert words not in logged
