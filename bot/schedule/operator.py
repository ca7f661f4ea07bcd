"""What operators see: `stretchbot status` and /metrics count the schedule and the ledger.

Every slot type (morning, evening, desk breaks, the weekly summary) lives in the same `schedule`
table and the same ledger, so the counts here cover them all, and split them by kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.coach.week import kind_of
from bot.store.models import Delivery, DeliveryStatus, ScheduledSlot, Subscriber


async def due_counts(session: AsyncSession, now: datetime, within: timedelta) -> int:
    """How many slots fall due between now and `within` from now."""
    query = select(func.count()).where(
        ScheduledSlot.due_at > now, ScheduledSlot.due_at <= now + within
    )
    return int((await session.execute(query)).scalar_one())


async def active_subscribers(session: AsyncSession) -> int:
    """Subscribers with routines on."""
    query = select(func.count()).where(Subscriber.active.is_(True))
    return int((await session.execute(query)).scalar_one())


@dataclass(frozen=True)
class Status:
    """What `stretchbot status` prints."""

    subscribers: int
    active: int
    due_next_hour: int
    sent_today: int
    failed_today: int
    missed_today: int
    retrying: int  # Telegram failed to take them; sent again within their grace period
    # Per slot type (morning, evening, break, summary): due in the next hour, and the last 24 h's
    # ledger rows by status (sent, skipped, missed, ...).
    due_by_kind: dict[str, int] = field(default_factory=dict)
    ledger_by_kind: dict[str, dict[str, int]] = field(default_factory=dict)


async def status(session: AsyncSession, now: datetime) -> Status:
    """Counts for operators (today = the last 24 hours)."""
    since = now - timedelta(hours=24)

    async def count(*where: Any) -> int:
        query = select(func.count()).select_from(where[0]).where(*where[1:])
        return int((await session.execute(query)).scalar_one())

    due = select(ScheduledSlot.slot, func.count()).where(
        ScheduledSlot.due_at > now, ScheduledSlot.due_at <= now + timedelta(hours=1)
    )
    due_by_kind = dict((await session.execute(due.group_by(ScheduledSlot.slot))).all())
    ledger = (
        select(Delivery.slot, Delivery.status, func.count())
        .where(Delivery.claimed_at >= since)
        .group_by(Delivery.slot, Delivery.status)
    )
    ledger_by_kind: dict[str, dict[str, int]] = {}
    for slot, state, n in (await session.execute(ledger)).all():
        states = ledger_by_kind.setdefault(kind_of(slot).value, {})
        states[state] = states.get(state, 0) + n
    return Status(
        subscribers=await count(Subscriber),
        active=await active_subscribers(session),
        due_next_hour=await due_counts(session, now, timedelta(hours=1)),
        sent_today=await count(
            Delivery,
            Delivery.status.in_((DeliveryStatus.SENT, DeliveryStatus.UNKNOWN)),
            Delivery.sent_at >= since,
        ),
        failed_today=await count(
            Delivery, Delivery.status == DeliveryStatus.FAILED, Delivery.claimed_at >= since
        ),
        missed_today=await count(
            Delivery, Delivery.status == DeliveryStatus.MISSED, Delivery.claimed_at >= since
        ),
        retrying=await count(Delivery, Delivery.status == DeliveryStatus.RETRY),
        due_by_kind={str(k): int(n) for k, n in due_by_kind.items()},
        ledger_by_kind=ledger_by_kind,
    )
