"""Small query functions over one session; callers own the transaction."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import (
    Delivery,
    PainReport,
    ScheduledSlot,
    SelfTest,
    StretchSession,
    Subscriber,
)


async def subscriber(
    session: AsyncSession, chat_id: int, *, lock: bool = False
) -> Subscriber | None:
    """The subscriber of a chat, optionally locked for update (PostgreSQL)."""
    query = select(Subscriber).where(Subscriber.chat_id == chat_id)
    if lock:
        query = query.with_for_update()
    return (await session.execute(query)).scalar_one_or_none()


async def chat_ids(session: AsyncSession) -> list[int]:
    """Every subscriber's chat (the terminal chat makes them all known to its emulator)."""
    return list((await session.execute(select(Subscriber.chat_id))).scalars())


async def latest_session(session: AsyncSession, chat_id: int) -> StretchSession | None:
    """The most recently delivered session of a chat."""
    query = (
        select(StretchSession)
        .where(StretchSession.chat_id == chat_id)
        .order_by(StretchSession.delivered_at.desc(), StretchSession.id.desc())
        .limit(1)
    )
    return (await session.execute(query)).scalar_one_or_none()


async def session_by_id(
    session: AsyncSession, chat_id: int, session_id: int, *, lock: bool = False
) -> StretchSession | None:
    """A session of this chat by id (None for another chat's id: buttons can be forged)."""
    query = select(StretchSession).where(
        StretchSession.id == session_id, StretchSession.chat_id == chat_id
    )
    if lock:  # two taps on two replicas: the second waits, then sees the first one's timer
        query = query.with_for_update()
    return (await session.execute(query)).scalar_one_or_none()


async def open_session_since(
    session: AsyncSession, chat_id: int, since: datetime
) -> StretchSession | None:
    """The newest session delivered since `since` that is not done yet."""
    query = (
        select(StretchSession)
        .where(
            StretchSession.chat_id == chat_id,
            StretchSession.delivered_at >= since,
            StretchSession.done_at.is_(None),
        )
        .order_by(StretchSession.delivered_at.desc(), StretchSession.id.desc())
        .limit(1)
    )
    return (await session.execute(query)).scalar_one_or_none()


async def done_days(session: AsyncSession, chat_id: int, since: date) -> dict[date, int]:
    """Sessions done per local date from `since` on."""
    query = (
        select(StretchSession.local_date, func.count())
        .where(
            StretchSession.chat_id == chat_id,
            StretchSession.done_at.is_not(None),
            StretchSession.local_date >= since,
        )
        .group_by(StretchSession.local_date)
    )
    return {day: count for day, count in (await session.execute(query)).all()}


async def done_total(session: AsyncSession, chat_id: int) -> int:
    """All sessions ever done."""
    query = select(func.count()).where(
        StretchSession.chat_id == chat_id, StretchSession.done_at.is_not(None)
    )
    return int((await session.execute(query)).scalar_one())


async def pain_scores(
    session: AsyncSession, chat_id: int, since: datetime, limit: int | None = None
) -> list[PainReport]:
    """Pain reports since `since`, newest first."""
    query = (
        select(PainReport)
        .where(PainReport.chat_id == chat_id, PainReport.reported_at >= since)
        .order_by(PainReport.reported_at.desc(), PainReport.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    return list((await session.execute(query)).scalars())


async def self_tests(session: AsyncSession, chat_id: int) -> list[SelfTest]:
    """Self-test results, newest first."""
    query = (
        select(SelfTest)
        .where(SelfTest.chat_id == chat_id)
        .order_by(SelfTest.taken_at.desc(), SelfTest.id.desc())
    )
    return list((await session.execute(query)).scalars())


# Every table that holds rows about a person, and the column that says whose they are.
PERSONAL_TABLES = (
    (Subscriber, Subscriber.chat_id),
    (StretchSession, StretchSession.chat_id),
    (PainReport, PainReport.chat_id),
    (SelfTest, SelfTest.chat_id),
    (ScheduledSlot, ScheduledSlot.chat_id),
    (Delivery, Delivery.chat_id),
)


def _plain(value: object) -> object:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


async def everything_about(
    session: AsyncSession, chat_id: int
) -> dict[str, list[dict[str, object]]]:
    """All rows of a person in every table, as plain JSON-ready dicts."""
    data: dict[str, list[dict[str, object]]] = {}
    for model, column in PERSONAL_TABLES:
        columns = [c.key for c in model.__table__.columns]
        rows = (await session.execute(select(model).where(column == chat_id))).scalars()
        data[model.__tablename__] = [
            {key: _plain(getattr(row, key)) for key in columns} for row in rows
        ]
    return data


async def delete_everything_about(session: AsyncSession, chat_id: int) -> int:
    """Delete a person's rows from every table (children first); the number deleted."""
    deleted = 0
    for model, column in reversed(PERSONAL_TABLES):
        result = await session.execute(delete(model).where(column == chat_id))
        deleted += result.rowcount or 0  # type: ignore[attr-defined]
    return deleted
