"""The engine, sessions, and migrations (Alembic, run programmatically).

SQLite allows one writer at a time. Up to 256 updates run at once in one process, so on SQLite a
unit of work waits for an in-process lock instead of racing for the file lock, and begins with
`BEGIN IMMEDIATE`: a transaction that reads and then writes can otherwise fail at once with
"database is locked" (in WAL mode the upgrade from reader to writer does not wait for the busy
timeout when another writer committed in between). PostgreSQL keeps its row locks and runs
units of work side by side, on a pool of connections sized for such a burst (`Pool`).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

if TYPE_CHECKING:
    from alembic.config import Config

    from bot.config import Settings

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _prepare_sqlite(url: str) -> None:
    """Create the folder an SQLite file lives in."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """An async engine; SQLite gets WAL mode, foreign keys, and a busy timeout; PostgreSQL no JIT.

    `hide_parameters`: an error's text (which ends up in logs) names the statement but not its
    parameters, which hold chat ids and a person's words.
    """
    _prepare_sqlite(url)
    kwargs.setdefault("hide_parameters", True)
    if make_url(url).drivername == "postgresql+asyncpg":
        # No JIT compilation: the claim's per-chat lookups (bot/schedule/history.py) are
        # estimated dear enough to pass jit_above_cost, and compiling them took 20-45 ms for
        # queries that run in 2-9 ms. Every statement here is a short transaction's.
        settings = kwargs.setdefault("connect_args", {}).setdefault("server_settings", {})
        settings.setdefault("jit", "off")
    engine = create_async_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine.sync_engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

    return engine


def _begin_immediate(engine: AsyncEngine) -> None:
    """Make every transaction on `engine` take SQLite's write lock when it begins."""

    @event.listens_for(engine.sync_engine, "connect")
    def _manual_transactions(dbapi_connection: Any, _record: Any) -> None:
        # The sqlite3 module would otherwise BEGIN (deferred) on its own before the first write.
        dbapi_connection.isolation_level = None

    @event.listens_for(engine.sync_engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


class NestedUnitOfWork(RuntimeError):
    """A unit of work was opened inside another one in the same task (it would wait forever)."""


class _Writer:
    """One writer at a time in this process; the lock is made per event loop (tests run many)."""

    def __init__(self) -> None:
        self._lock: asyncio.Lock | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._owner: asyncio.Task[Any] | None = None

    @asynccontextmanager
    async def hold(self) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        if self._lock is None or self._loop is not loop:
            self._lock, self._loop = asyncio.Lock(), loop
        task = asyncio.current_task()
        if task is not None and task is self._owner:
            raise NestedUnitOfWork("a unit of work was opened inside another one")
        async with self._lock:
            self._owner = task
            try:
                yield
            finally:
                self._owner = None


@dataclass(frozen=True)
class Pool:
    """PostgreSQL connections for one process: `size` kept open, `overflow` more opened in a
    burst, and how long (s) a unit of work waits for a free one before it fails. Up to 256
    updates run at once, so a burst must wait its turn rather than fail at SQLAlchemy's 5 + 10
    connections and 30 s; the defaults match `Settings` (STRETCHBOT_DB_POOL_*)."""

    size: int = 20
    overflow: int = 10
    timeout: float = 60.0


class Database:
    """One engine and its session factory; `session()` opens one unit of work."""

    def __init__(self, url: str, pool: Pool | None = None, **engine_kwargs: Any) -> None:
        self.url = url
        if make_url(url).get_backend_name() != "sqlite":  # SQLite has one writer: no pool to size
            pool = pool or Pool()
            engine_kwargs = {
                "pool_size": pool.size, "max_overflow": pool.overflow,
                "pool_timeout": pool.timeout, **engine_kwargs,
            }  # fmt: skip
        self.engine = create_engine(url, **engine_kwargs)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        self._writer: _Writer | None = None
        if self.engine.dialect.name == "sqlite":
            _begin_immediate(self.engine)
            self._writer = _Writer()

    @classmethod
    def from_settings(cls, settings: Settings) -> Database:
        """The bot's database: DATABASE_URL (or the SQLite file) and the pool settings."""
        pool = Pool(settings.db_pool_size, settings.db_max_overflow, settings.db_pool_timeout)
        return cls(settings.db_url, pool)

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session inside a transaction that commits on success and rolls back on error.

        Keep it short and never call Telegram inside: on SQLite it holds the process's one
        write slot for its whole length.
        """
        if self._writer is None:
            async with self.sessions() as session, session.begin():
                yield session
            return
        async with self._writer.hold(), self.sessions() as session, session.begin():
            yield session

    async def close(self) -> None:
        """Dispose of the connection pool."""
        await self.engine.dispose()


def alembic_config(url: str) -> Config:
    """Alembic configuration pointing at our migrations and `url`."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Apply migrations up to `revision` (blocking; call it before or outside the event loop)."""
    from alembic import command  # a third of a second to import: only when there is work

    _prepare_sqlite(url)
    command.upgrade(alembic_config(url), revision)


_REVISION = re.compile(r'^(down_)?revision(?:: [^=]+)? = "?([\w]+)"?', re.MULTILINE)


def head_revision() -> str:
    """The newest migration, read from the files (no alembic import): the one nobody follows."""
    revisions: set[str] = set()
    followed: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for down, value in _REVISION.findall(path.read_text(encoding="utf-8")):
            (followed if down else revisions).add(value)
    (head,) = revisions - followed
    return head


async def at_head(url: str) -> bool:
    """Whether the database is already at the newest migration (a restart's usual case)."""
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            current = await connection.scalar(text("SELECT version_num FROM alembic_version"))
    except DBAPIError:
        return False  # no table yet, or no database: alembic will say what is wrong
    finally:
        await engine.dispose()
    return current == head_revision()


async def upgrade_async(url: str, revision: str = "head") -> None:
    """`upgrade` from inside a running event loop (migrations run their own loop in a thread).

    A database already at the newest migration is left alone without loading alembic."""
    if revision == "head" and await at_head(url):
        return
    await asyncio.to_thread(upgrade, url, revision)
