"""What the person did with what the bot sent: how many offers in a row went unanswered (the
no-nagging rule) and their recent sessions (the skip-when-done rule). Read by the claim."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.coach.week import Kind
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
    # All of a day's `break@HH:MM` rows are one slot type.
    kind = case((Delivery.slot.like("break@%"), Kind.BREAK.value), else_=Delivery.slot)
    ranked = (
        select(
            Delivery.chat_id,
            kind.label("kind"),
            Delivery.status,
            Delivery.snoozed,
            StretchSession.started_at,
            StretchSession.done_at,
            StretchSession.skipped_at,
            func.row_number()
            .over(partition_by=(Delivery.chat_id, kind), order_by=Delivery.due_at.desc())
            .label("rank"),
        )
        .outerjoin(StretchSession, StretchSession.id == Delivery.session_id)
        .where(
            Delivery.chat_id.in_(chats),
            Delivery.status.in_(
                (DeliveryStatus.SENT, DeliveryStatus.UNKNOWN, DeliveryStatus.ASKED)
            ),
            Delivery.slot != Kind.SUMMARY.value,  # a summary asks for nothing
            Delivery.due_at >= now - timedelta(days=14),
        )
        .subquery()
    )
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
