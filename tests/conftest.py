"""Shared fixtures: settings, databases (SQLite, and PostgreSQL when configured), the Bot API
emulator, and a running bot — the real python-telegram-bot Application over loopback HTTP."""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from bot import loop
from bot.config import Settings, default_content_dir
from bot.content.loader import load_library
from bot.content.model import Library
from bot.emulator.limits import LimiterMode
from bot.store.db import Database, upgrade
from bot.telegram.limits import Pace

if TYPE_CHECKING:
    from bot.emulator import BotApiEmulator, BotMessage
    from bot.telegram.app import BotApplication

POSTGRES_URL = os.environ.get("STRETCHBOT_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", "postgres"]

os.environ["NO_PROXY"] = "127.0.0.1,localhost"
os.environ["no_proxy"] = "127.0.0.1,localhost"


# The tests run on the event loop the bot runs on (uvloop where installed: bot/loop.py), chosen
# once for the session rather than read from the settings for every test.
_LOOP_FACTORY = loop.factory()
LOOP_FACTORIES: dict[str, Callable[[], asyncio.AbstractEventLoop]] = (
    {"uvloop": _LOOP_FACTORY} if _LOOP_FACTORY is not None else {"asyncio": asyncio.new_event_loop}
)


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> dict[str, Callable[[], asyncio.AbstractEventLoop]]:
    """Every asyncio test's loop factory (see LOOP_FACTORIES)."""
    return LOOP_FACTORIES


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(default_content_dir())


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file; each test gets a copy (migrating per test is slow)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite+aiosqlite:///{path}")
    return path


def _pg_dsn(url: str, database: str | None = None) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str | None]:
    """A migrated template database on the configured PostgreSQL server (None if there is none)."""
    if not POSTGRES_URL:
        yield None
        return
    name = f"stretchbot_tmpl_{os.getpid()}"

    async def create() -> None:
        conn = await asyncpg.connect(_pg_dsn(POSTGRES_URL))
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()

    asyncio.run(create())
    upgrade(make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False))
    yield name

    async def drop() -> None:
        conn = await asyncpg.connect(_pg_dsn(POSTGRES_URL))
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()

    asyncio.run(drop())


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Database backend of a test: every database test runs on both when PostgreSQL is there."""
    if request.param == "postgres" and not POSTGRES_URL:
        pytest.skip("PostgreSQL not configured (set STRETCHBOT_TEST_POSTGRES_URL)")
    return str(request.param)


@pytest.fixture
async def db_url(
    backend: str, tmp_path: Path, sqlite_template: Path, postgres_template: str | None
) -> AsyncIterator[str]:
    """A fresh, migrated database for one test."""
    if backend == "sqlite":
        path = tmp_path / "stretchbot.db"
        shutil.copy(sqlite_template, path)
        yield f"sqlite+aiosqlite:///{path}"
        return
    assert POSTGRES_URL
    assert postgres_template
    name = f"stretchbot_t_{secrets.token_hex(6)}"
    conn = await asyncpg.connect(_pg_dsn(POSTGRES_URL))
    try:
        await conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{postgres_template}"')
    finally:
        await conn.close()
    yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    conn = await asyncpg.connect(_pg_dsn(POSTGRES_URL))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


@dataclass
class FakeClock:
    """A clock tests move by hand; starts at a fixed, ordinary moment."""

    now: datetime = field(default_factory=lambda: datetime(2026, 11, 23, 9, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


TOKEN = "123456:TEST-token-for-the-emulator"

# Telegram's flood limits in every end-to-end test that does not say otherwise: a test whose bot
# overshoots them gets 429s (and `refusals_checked` fails it). A test opts out (or in) on its own
# with @pytest.mark.emulator_limits(LimiterMode.OFF).
EMULATOR_LIMITS = LimiterMode.ENFORCE

# The bot paces itself like production (3 at once into a chat, then one a second), and the
# emulator enforces the same. So that tests need not wait real seconds, both keep time with one
# clock that runs PACE_SPEED times faster than the real one: a "second" of pacing is 50 ms.
PACE_SPEED = 20.0


def _paced_clock() -> float:
    return time.monotonic() * PACE_SPEED


async def _paced_sleep(seconds: float) -> None:
    await asyncio.sleep(seconds / PACE_SPEED)


PACE = Pace(_paced_clock, _paced_sleep)


@pytest.fixture
async def emulator(request: pytest.FixtureRequest) -> AsyncIterator[BotApiEmulator]:
    from bot.emulator import BotApiEmulator
    from bot.emulator.limits import RateLimiter

    marker = request.node.get_closest_marker("emulator_limits")
    limits = LimiterMode(marker.args[0]) if marker else EMULATOR_LIMITS
    limiter = RateLimiter(limits, clock=_paced_clock)
    async with BotApiEmulator(TOKEN, limiter=limiter) as emu:
        yield emu
    if request.node.get_closest_marker("allow_429") is None:
        # Nothing the bot sent was refused: a test whose bot overshoots Telegram's limits fails.
        assert not emu.limiter.refusals, emu.limiter.refusals[:5]


TEST_DATA = Path(tempfile.mkdtemp(prefix="stretchbot-tests-"))


def make_settings(api_root: str, db_url: str, **overrides: object) -> Settings:
    """Settings for a test bot: fast holds, frequent countdown edits, no .env file."""
    values: dict[str, object] = {
        "telegram_bot_token": TOKEN,
        "telegram_api_url": api_root,
        "database_url": db_url,
        "hold_time_scale": 0.02,
        "countdown_edit_seconds": 5,
        "tick_seconds": 0,  # tests tick the scheduler by hand unless they say otherwise
        "data_dir": TEST_DATA,  # pictures rendered once for the whole run, not in ~/.local
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@dataclass
class Phone:
    """One Telegram user, driven by a test: sends, presses, and waits for what the bot says."""

    emulator: BotApiEmulator
    user_id: int

    def mark(self) -> int:
        """How many bot messages this chat has; pass it as `after` to wait for newer ones."""
        return len(self.emulator.chat(self.user_id))

    async def send(self, text: str, *, expect: str | None = None) -> BotMessage:
        """Send text; return the first new bot message (containing `expect`, if given)."""
        after = self.mark()
        self.emulator.send_text(self.user_id, text)
        return await self.expect(expect, after=after)

    async def expect(
        self,
        contains: str | None = None,
        *,
        after: int = 0,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> BotMessage:
        """The first bot message from index `after` on whose text contains `contains`."""
        return await self.emulator.wait_for_message(
            self.user_id,
            after=after,
            timeout=timeout,
            predicate=(lambda m: contains in (m.text or "")) if contains else None,
        )

    async def press(
        self, message: BotMessage, label: str, *, expect: str | None = None
    ) -> BotMessage | None:
        """Press the button whose label contains `label`; with `expect`, wait for that reply."""
        data = next(b.callback_data for row in message.buttons for b in row if label in b.text)
        after = self.mark()
        assert data is not None
        self.emulator.press(self.user_id, message.message_id, data)
        if expect is None:
            return None
        return await self.expect(expect, after=after)

    async def edited(self, message: BotMessage, label: str, timeout: float = 10.0) -> BotMessage:  # noqa: ASYNC109
        """Wait until `message` (edited in place) shows a button whose label contains `label`."""
        return await self.emulator.wait_for_message(
            self.user_id,
            after=self.emulator.chat(self.user_id).index(message),
            timeout=timeout,
            predicate=lambda m: (
                m.message_id == message.message_id
                and any(label in b.text for row in m.buttons for b in row)
            ),
        )

    async def to_hold(self, card: BotMessage) -> BotMessage:
        """Press a card's Next until it shows its ▶ Start button (the timed step); the card as
        it then reads. A card opens on Step 1 and offers Start only on the step with the hold."""
        while not any("Start" in b.text for row in card.buttons for b in row):
            assert any("Next" in b.text for row in card.buttons for b in row), card.text
            shown = card.text
            await self.press(card, "Next")
            card = await self.emulator.wait_for_message(
                self.user_id,
                predicate=lambda m, i=card.message_id, t=shown: m.message_id == i and m.text != t,
            )
        return card

    def texts(self, after: int = 0) -> list[str]:
        """Texts of the bot's messages in this chat from `after` on."""
        return [m.text or "" for m in self.emulator.chat(self.user_id)[after:]]


@dataclass
class Harness:
    """A running bot, its emulator, its clock and its database URL."""

    app: BotApplication
    emulator: BotApiEmulator
    clock: FakeClock
    db_url: str
    settings: Settings
    library: Library

    def phone(
        self, user_id: int = 1001, *, first_name: str = "Ada", language: str = "en"
    ) -> Phone:
        self.emulator.add_user(user_id, first_name=first_name, language_code=language)
        return Phone(self.emulator, user_id)


BotFactory = Callable[..., "AsyncIterator[Harness]"]


@pytest.fixture
async def bot(
    emulator: BotApiEmulator, db_url: str, clock: FakeClock, library: Library
) -> AsyncIterator[Harness]:
    """The real Application, polling the emulator, on a fresh database."""
    from bot.telegram.app import build_application, running

    settings = make_settings(emulator.api_root, db_url)
    app = build_application(settings, library, Database(db_url), clock=clock, pace=PACE)
    async with running(app, poll_timeout=1):
        yield Harness(app, emulator, clock, db_url, settings, library)
