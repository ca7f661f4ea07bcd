"""Load: hundreds of people at once through the real Application, emulator and database.

SQLite allows one writer at a time; python-telegram-bot runs up to 256 updates at once. Nobody may
get "something went wrong" for lack of a lock (SQLite) or of a free connection (PostgreSQL), and
nothing anybody logged may go missing.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import pytest
import sqlalchemy.exc
from sqlalchemy import func, select

from bot.content.model import Library
from bot.emulator.limits import LimiterMode
from bot.store.db import Database, NestedUnitOfWork, Pool
from bot.store.models import PainReport, StretchSession, Subscriber
from bot.telegram import texts
from tests.conftest import FakeClock, Harness, Phone, make_settings

if TYPE_CHECKING:
    from bot.emulator import BotApiEmulator, BotMessage

PEOPLE = 300


@pytest.fixture
async def busy_bot(
    emulator: BotApiEmulator, db_url: str, clock: FakeClock, library: Library
) -> AsyncIterator[Harness]:
    """The real bot with Telegram's overall send budget off: the database is what is under test."""
    from bot.telegram.app import build_application, running

    settings = make_settings(emulator.api_root, db_url, rate_limit=0)
    app = build_application(settings, library, Database.from_settings(settings), clock=clock)
    async with running(app, poll_timeout=1):
        yield Harness(app, emulator, clock, db_url, settings, library)


# The bot's overall send budget is off here (the database is under test), so the emulator must not
# hold it to Telegram's 30 a second either: on a fast machine the bot does send more than that.
@pytest.mark.emulator_limits(LimiterMode.OFF)
@pytest.mark.timeout(300)
async def test_hundreds_of_people_at_once_lose_nothing(busy_bot: Harness) -> None:
    bot = busy_bot
    users = range(50_001, 50_001 + PEOPLE)
    phones = [bot.phone(uid, first_name="P") for uid in users]

    async def say(phone: Phone, text: str, expect: str) -> BotMessage:
        after = phone.mark()
        bot.emulator.send_text(phone.user_id, text)
        return await phone.expect(expect, after=after, timeout=120)

    async def person(index: int) -> None:
        phone = phones[index]
        await say(phone, "/start", "stretchbot")
        # Nothing was offered, so "done" asks first whether to log a session of their own.
        question = await say(phone, "done", "on your own")
        after = phone.mark()
        await phone.press(question, "Yes, log it")
        await phone.expect("Logged", after=after, timeout=120)
        await say(phone, f"/pain {index % 11}", "Recorded: pain")

    await asyncio.gather(*(person(i) for i in range(PEOPLE)))
    assert not [p.user_id for p in phones if any(texts.SOMETHING_WRONG in t for t in p.texts())]
    db = Database(bot.db_url)
    try:
        async with db.session() as s:
            subscribed = await s.scalar(
                select(func.count()).select_from(Subscriber).where(Subscriber.chat_id >= 50_001)
            )
            done = await s.scalar(
                select(func.count(func.distinct(StretchSession.chat_id))).where(
                    StretchSession.done_at.is_not(None), StretchSession.chat_id >= 50_001
                )
            )
            rows = await s.execute(select(PainReport.chat_id, PainReport.score))
            scores = {chat_id: score for chat_id, score in rows}
    finally:
        await db.close()
    assert subscribed == PEOPLE
    assert done == PEOPLE
    assert scores == {uid: i % 11 for i, uid in enumerate(users)}


async def test_a_unit_of_work_inside_another_is_refused_not_left_waiting(db_url: str) -> None:
    db = Database(db_url)
    try:
        if db.engine.dialect.name != "sqlite":
            pytest.skip("PostgreSQL runs units of work side by side")
        async with db.session():
            with pytest.raises(NestedUnitOfWork):
                async with db.session():
                    pass
    finally:
        await db.close()


async def test_a_read_then_write_does_not_fail_while_another_process_writes(
    db_url: str,
) -> None:
    """Two processes on one SQLite file: BEGIN IMMEDIATE makes the second wait, not fail."""
    first, second = Database(db_url), Database(db_url)
    now = datetime(2026, 6, 1, tzinfo=UTC)

    async def read_then_write(db: Database, chat_id: int) -> None:
        for _ in range(20):
            async with db.session() as s:
                await s.scalar(select(func.count()).select_from(Subscriber))
                s.add(
                    Subscriber(
                        chat_id=chat_id,
                        user_id=chat_id,
                        timezone="UTC",
                        active=True,
                        programme_week=1,
                        desk_cursor=0,
                        created_at=now,
                        updated_at=now,
                    )
                )
                await s.flush()
                await s.delete(await s.get_one(Subscriber, chat_id))

    try:
        await asyncio.gather(read_then_write(first, 1), read_then_write(second, 2))
    finally:
        await first.close()
        await second.close()


async def test_the_pool_settings_reach_postgresql_and_default_to_a_burst_sized_pool(
    db_url: str, emulator: BotApiEmulator
) -> None:
    settings = make_settings(emulator.api_root, db_url)
    configured = (settings.db_pool_size, settings.db_max_overflow, settings.db_pool_timeout)
    assert Pool(*configured) == Pool()
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite has one writer per process: no pool to size")
    db = Database.from_settings(settings)
    tight = {"db_pool_size": 2, "db_max_overflow": 0, "db_pool_timeout": 0.2}
    small = Database.from_settings(settings.model_copy(update=tight))
    try:
        pool: Any = db.engine.pool
        assert (pool.size(), pool.timeout()) == (20, 60.0)
        async with small.session() as one, small.session() as two:
            await one.scalar(select(1))
            await two.scalar(select(1))
            with pytest.raises(sqlalchemy.exc.TimeoutError):  # the third waits 0.2 s, then fails
                async with small.session() as three:
                    await three.scalar(select(1))
    finally:
        await db.close()
        await small.close()
