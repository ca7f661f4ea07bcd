"""Deliveries Telegram could not take, and chats it said were gone.

A send that met a 5xx or no connection keeps its ledger row (so it can still only arrive once) with
a time to try again; the tick claims it here when that time comes. A person whose chat Telegram
said was gone has their routines turned back on when they write again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.coach.week import kind_of
from bot.schedule import kinds, slots
from bot.schedule.slots import Claim
from bot.schedule.sql import postgres
from bot.store.models import Delivery, DeliveryStatus, StretchSession, Subscriber


async def claim_retries(
    session: AsyncSession, now: datetime, worker: str, *, limit: int = 1000
) -> tuple[list[Claim], int, int]:
    """Claim deliveries Telegram failed to take whose retry time has come.

    Each keeps its ledger row (so it can still only arrive once). One whose grace period ended
    meanwhile (the bot was down too) is missed; one whose person stopped or paused is skipped.
    Returns the claims and how many were skipped and missed.
    """
    query = (
        select(Delivery, StretchSession, Subscriber)
        # Outer: a weekly summary has no session and is retried all the same.
        .outerjoin(StretchSession, StretchSession.id == Delivery.session_id)
        .join(Subscriber, Subscriber.chat_id == Delivery.chat_id)
        .where(Delivery.status == DeliveryStatus.RETRY, Delivery.retry_at <= now)
        .order_by(Delivery.retry_at)
        .limit(limit)
    )
    if postgres(session):
        query = query.with_for_update(skip_locked=True, of=Delivery)
    claims = []
    skipped = missed = 0
    for delivery, stretch, sub in (await session.execute(query)).all():
        delivery.retry_at = None
        grace = kinds.grace(kind_of(delivery.slot))
        if now > (delivery.retry_until or delivery.due_at + grace):
            delivery.status, missed = DeliveryStatus.MISSED, missed + 1
        elif sub.safety_hold_since is not None:  # no stretches until a clinician has seen them
            delivery.status, skipped = DeliveryStatus.HELD, skipped + 1
        elif not sub.active or (
            sub.paused_until is not None and delivery.local_date < sub.paused_until
        ):
            delivery.status, skipped = DeliveryStatus.SKIPPED, skipped + 1
        else:
            delivery.status = DeliveryStatus.CLAIMED
            claims.append(slots._take(delivery, stretch, worker, now, snooze=delivery.snoozed))
        delivery.claimed_by, delivery.claimed_at = worker, now
    return claims, skipped, missed


async def reachable_again(session: AsyncSession, chat_id: int, now: datetime) -> bool:
    """The person wrote after Telegram had said their chat was gone: turn their routines back on
    (next due times from now). True if they had been stopped for that reason."""
    sub = await session.get(Subscriber, chat_id)
    if sub is None or sub.unreachable_since is None:
        return False
    sub.unreachable_since, sub.active, sub.updated_at = None, True, now
    await slots.reschedule(session, sub, now)
    return True
