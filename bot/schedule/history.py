"""What the person did with what the bot sent: how many offers in a row went unanswered (the
no-nagging rule) and their recent sessions (the skip-when-done rule). Read by the claim."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.coach.week import Kind, kind_of
from bot.schedule import kinds
from bot.store.models import Delivery, DeliveryStatus, StretchSession


async def recent_sessions(
    session: AsyncSession, chats: Sequence[int], now: datetime
) -> dict[int, list[kinds.Trace]]:
    """Each chat's sessions of the last two days: what the skip-when-done rule looks at."""
    if not chats:
        return {}
    query = select(
        StretchSession.chat_id, StretchSession.slot, StretchSession.source,
        StretchSession.local_date, StretchSession.started_at, StretchSession.done_at,
    ).where(
        StretchSession.chat_id.in_(sorted(set(chats))),
        StretchSession.delivered_at >= now - timedelta(days=2),
    )  # fmt: skip
    found: dict[int, list[kinds.Trace]] = {}
    for chat_id, slot, source, day, started, done in (await session.execute(query)).all():
        found.setdefault(chat_id, []).append(kinds.Trace(slot, source, day, started, done))
    return found


async def ignored_in_a_row(
    session: AsyncSession, keys: Iterable[tuple[int, str]], now: datetime
) -> dict[tuple[int, str], int]:
    """How many of each slot's latest deliveries in a row went unanswered (no start, done, skip
    or snooze)."""
    chats = sorted({chat for chat, _ in keys})
    if not chats:
        return {}
    query = (
        select(
            Delivery.chat_id,
            Delivery.slot,
            Delivery.status,
            Delivery.snoozed,
            StretchSession.started_at,
            StretchSession.done_at,
            StretchSession.skipped_at,
        )
        .outerjoin(StretchSession, StretchSession.id == Delivery.session_id)
        .where(
            Delivery.chat_id.in_(chats),
            Delivery.status.in_(
                (DeliveryStatus.SENT, DeliveryStatus.UNKNOWN, DeliveryStatus.ASKED)
            ),
            Delivery.due_at >= now - timedelta(days=14),
        )
        .order_by(Delivery.chat_id, Delivery.due_at.desc())
    )
    counts: dict[tuple[int, str], int] = {}
    broken: set[tuple[int, str]] = set()
    for chat_id, slot, status, snoozed, *answers in (await session.execute(query)).all():
        kind = kind_of(slot)
        if kind is Kind.SUMMARY:
            continue  # a summary asks for nothing: it is never "ignored"
        key = (chat_id, kind.value)
        if key in broken:
            continue
        if status == DeliveryStatus.ASKED or snoozed or any(at is not None for at in answers):
            broken.add(key)
            continue
        counts[key] = counts.get(key, 0) + 1
    return counts
