"""What the person did with what the bot sent: how many offers in a row went unanswered (the
no-nagging rule) and their recent sessions (the skip-when-done rule). Read by the claim.

Both read a batch's chats at once. On PostgreSQL they walk the chat list and look each chat up in
its index (a LATERAL join over `unnest` of the ids) instead of `chat_id IN (...)`: without fresh
statistics PostgreSQL reckons 500 listed chats as the whole table, and while a fan-out fills the
ledger faster than autovacuum analyses it (or with autovacuum off) each batch scanned every
session and every delivery sent so far: a 100,000-subscriber fan-out read 15 million rows
(README: benchmarks). Looked up per chat, a batch costs the same however big the ledger grows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import BigInteger, case, func, literal, select, true
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from bot.coach.week import Kind
from bot.schedule import kinds
from bot.schedule.sql import postgres
from bot.store.models import Delivery, DeliveryStatus, StretchSession


def _for_chats(
    session: AsyncSession, query: Any, column: InstrumentedAttribute[int], chats: list[int]
) -> tuple[Any, Any]:
    """`query`'s rows for `chats` as a subquery, and the FROM to select its columns from.

    On PostgreSQL, per chat (see the module docstring): `query` must filter on nothing but the
    chat and a time, so that the chat's index is the only way in. OFFSET 0 keeps PostgreSQL from
    merging the lookup into the outer query or pushing the outer filters into it: both let it
    go back to the plans that read the whole table (an index on the status matches more).
    """
    if not postgres(session):
        listed = query.where(column.in_(chats)).subquery()
        return listed, listed
    ids = func.unnest(literal(chats, ARRAY(BigInteger))).table_valued("chat_id").render_derived()
    rows = query.where(column == ids.c.chat_id).offset(0).lateral()
    return rows, ids.join(rows, true())


async def recent_sessions(
    session: AsyncSession, chats: Sequence[int], now: datetime
) -> dict[int, list[kinds.Trace]]:
    """Each chat's sessions of the last two days: what the skip-when-done rule looks at."""
    if not chats:
        return {}
    recent = select(
        StretchSession.chat_id, StretchSession.slot, StretchSession.source,
        StretchSession.local_date, StretchSession.started_at, StretchSession.done_at,
    ).where(StretchSession.delivered_at >= now - timedelta(days=2))  # fmt: skip
    rows, joined = _for_chats(session, recent, StretchSession.chat_id, sorted(set(chats)))
    query = select(
        rows.c.chat_id, rows.c.slot, rows.c.source, rows.c.local_date, rows.c.started_at,
        rows.c.done_at,
    ).select_from(joined)  # fmt: skip
    found: dict[int, list[kinds.Trace]] = {}
    for chat_id, slot, source, day, started, done in (await session.execute(query)).all():
        found.setdefault(chat_id, []).append(kinds.Trace(slot, source, day, started, done))
    return found


async def ignored_in_a_row(
    session: AsyncSession, keys: Iterable[tuple[int, str]], now: datetime, *, latest: int = 3
) -> dict[tuple[int, str], int]:
    """How many of each slot type's `latest` deliveries in a row went unanswered (no start,
    done, skip or snooze).

    Only each (chat, slot type)'s `latest` rows come back (a window function ranks them in the
    database): a subscriber with eight desk breaks a day has dozens of ledger rows a week, and
    fetching them all made every claim slower as the ledger grew.
    """
    chats = sorted({chat for chat, _ in keys})
    if not chats:
        return {}
    recent = (
        select(
            Delivery.chat_id, Delivery.slot, Delivery.status, Delivery.snoozed, Delivery.due_at,
            StretchSession.started_at, StretchSession.done_at, StretchSession.skipped_at,
        )
        .outerjoin(StretchSession, StretchSession.id == Delivery.session_id)
        .where(Delivery.due_at >= now - timedelta(days=14))
    )  # fmt: skip
    rows, joined = _for_chats(session, recent, Delivery.chat_id, chats)
    # All of a day's `break@HH:MM` rows are one slot type.
    kind = case((rows.c.slot.like("break@%"), Kind.BREAK.value), else_=rows.c.slot)
    ranked = (
        select(
            rows.c.chat_id, kind.label("kind"), rows.c.status, rows.c.snoozed,
            rows.c.started_at, rows.c.done_at, rows.c.skipped_at,
            func.row_number()
            .over(partition_by=(rows.c.chat_id, kind), order_by=rows.c.due_at.desc())
            .label("rank"),
        )
        .select_from(joined)
        .where(
            rows.c.status.in_((DeliveryStatus.SENT, DeliveryStatus.UNKNOWN, DeliveryStatus.ASKED)),
            rows.c.slot != Kind.SUMMARY.value,  # a summary asks for nothing
        )
        .subquery()
    )  # fmt: skip
    query = (
        select(
            ranked.c.chat_id, ranked.c.kind, ranked.c.status, ranked.c.snoozed,
            ranked.c.started_at, ranked.c.done_at, ranked.c.skipped_at,
        )
        .where(ranked.c.rank <= latest)
        .order_by(ranked.c.chat_id, ranked.c.kind, ranked.c.rank)
    )  # fmt: skip
    counts: dict[tuple[int, str], int] = {}
    broken: set[tuple[int, str]] = set()
    for chat_id, slot_kind, status, snoozed, *answers in (await session.execute(query)).all():
        key = (chat_id, str(slot_kind))
        if key in broken:
            continue
        if status == DeliveryStatus.ASKED or snoozed or any(at is not None for at in answers):
            broken.add(key)
            continue
        counts[key] = counts.get(key, 0) + 1
    return counts
