"""The schedule and the delivery ledger in the database: keep "next due" right, claim what is due,
and record what happened. SQLAlchemy only; the tick in `ticker.py` drives it.

Claiming is safe with several bot processes on one database: on PostgreSQL the due rows are locked
with `FOR UPDATE SKIP LOCKED`, so two ticks never pick the same row; on every backend the ledger's
unique (subscriber, slot, local date) makes a second delivery impossible whatever else goes wrong.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.coach.clock import zone
from bot.coach.plan import Planned, Source
from bot.coach.week import Kind, kind_of
from bot.content.model import Slot
from bot.schedule import history, kinds
from bot.schedule.due import local_date
from bot.schedule.sql import insert_for, postgres, update_many
from bot.store.models import Delivery, DeliveryStatus, ScheduledSlot, StretchSession, Subscriber

LEASE = timedelta(minutes=5)  # a claim not finished by then is taken over (its process died)
NAG_AFTER = 3  # routines or breaks ignored in a row before the bot asks instead of sending more
GRACE = kinds.ROUTINE_GRACE


async def reschedule(session: AsyncSession, sub: Subscriber, now: datetime) -> None:
    """Recompute when each slot type is next due after a change of times, days, breaks, summary,
    zone, pause or stop.

    The new time counts from now on: a slot whose new time already passed today waits for tomorrow,
    and a slot already delivered today (in the new zone's local date too) is not due again today.
    """
    tz = zone(sub.timezone)
    today = local_date(now, tz)
    delivered = [
        (row.slot, row.local_date)
        for row in (
            await session.execute(
                select(Delivery.slot, Delivery.local_date).where(
                    Delivery.chat_id == sub.chat_id,
                    Delivery.local_date >= today - timedelta(days=2),
                )
            )
        ).all()
    ]
    existing = {
        row.slot: row
        for row in (
            await session.execute(
                select(ScheduledSlot).where(ScheduledSlot.chat_id == sub.chat_id)
            )
        ).scalars()
    }
    paused_until = sub.paused_until if sub.paused_until and sub.paused_until > today else None
    for kind in kinds.KINDS:
        row = existing.get(kind)
        found = (
            kinds.next_for(sub, kind, tz, after=now, not_before=paused_until, delivered=delivered)
            if sub.active
            else None
        )
        if found is None:
            if row is not None:
                await session.delete(row)
            continue
        due, day = found
        if row is None:
            session.add(ScheduledSlot(chat_id=sub.chat_id, slot=kind, due_at=due, local_date=day))
        else:
            row.due_at, row.local_date, row.on_hold = due, day, False


async def release_holds(session: AsyncSession, chat_id: int, now: datetime) -> bool:
    """The person answered: slots held back for not nagging start again. True if any were held."""
    held = (
        await session.execute(
            select(ScheduledSlot.slot).where(
                ScheduledSlot.chat_id == chat_id, ScheduledSlot.on_hold.is_(True)
            )
        )
    ).all()
    if not held:
        return False
    sub = await session.get(Subscriber, chat_id)
    if sub is not None:
        await reschedule(session, sub, now)
    return True


@dataclass(frozen=True)
class Claim:
    """A delivery this process now owns and must send."""

    delivery_id: int
    chat_id: int
    slot: str
    local_date: date
    due_at: datetime
    session_id: int | None  # None for the weekly summary, which is a message, not a session
    card_ids: tuple[str, ...]
    gentle: bool
    hold_seconds: int | None = None
    snooze: bool = False  # the second, snoozed delivery
    attempts: int = 0  # sends of it Telegram failed so far
    retry_until: datetime | None = None  # the end of its grace period (None: from due_at)

    @property
    def kind(self) -> Kind:
        """Which slot type this delivery is."""
        return kind_of(self.slot)

    @property
    def deadline(self) -> datetime:
        """Until when it is still worth sending: after that it is missed."""
        return self.retry_until or self.due_at + kinds.grace(self.kind)


@dataclass(frozen=True)
class ClaimStats:
    """What one claim pass found."""

    claimed: int
    skipped: int
    missed: int
    nagged: tuple[tuple[int, str], ...]  # (chat, slot) pairs put on hold: send the gentle question
    # (slot type, status) -> count, for the deliveries not sent (skipped, missed, asked)
    unsent: tuple[tuple[str, str, int], ...] = ()
    held: int = 0  # of `skipped`: not sent because the person is on a safety hold


# The routine a subscriber's slot gets (the use cases' `plan_routine`).
Planner = Callable[[Subscriber, Slot], Planned]


async def claim_due(
    session: AsyncSession,
    now: datetime,
    worker: str,
    plan: Planner,
    *,
    limit: int = 1000,
) -> tuple[list[Claim], ClaimStats]:
    """Claim up to `limit` due slots: write their ledger rows and sessions, advance the schedule.

    `plan(subscriber, slot)` says which routine the session gets.
    Call inside a transaction; commit before sending anything.
    """
    query = (
        select(ScheduledSlot, Subscriber)
        .join(Subscriber, Subscriber.chat_id == ScheduledSlot.chat_id)
        .where(ScheduledSlot.due_at <= now)
        .order_by(ScheduledSlot.due_at)
        .limit(limit)
    )
    if postgres(session):
        query = query.with_for_update(skip_locked=True, of=ScheduledSlot)
    due_rows = (await session.execute(query)).all()
    if not due_rows:
        return [], ClaimStats(0, 0, 0, ())
    keys = [(row.chat_id, row.slot) for row, _ in due_rows]
    ignored = await history.ignored_in_a_row(session, keys, now, latest=NAG_AFTER)
    traces = await history.recent_sessions(session, [row.chat_id for row, _ in due_rows], now)
    ledger: list[dict[str, Any]] = []
    advance: list[dict[str, Any]] = []
    nagged: list[tuple[int, str]] = []
    to_send: list[_Due] = []
    skipped = missed = held = 0
    for row, sub in due_rows:
        tz = zone(sub.timezone)
        kind = Kind(row.slot)
        assert row.due_at is not None
        status = DeliveryStatus.CLAIMED
        if now - row.due_at > kinds.grace(kind):
            status, missed = DeliveryStatus.MISSED, missed + 1
        elif (
            not sub.active
            or not kinds.is_on(sub, kind)
            or (sub.paused_until is not None and row.local_date < sub.paused_until)
            # No push after the work is done: recorded as skipped.
            or kinds.work_done(kind, row.local_date, now, tz, traces.get(row.chat_id, ()))
        ):
            status, skipped = DeliveryStatus.SKIPPED, skipped + 1
        elif sub.on_safety_hold:  # no routine until they have been checked
            status, skipped, held = DeliveryStatus.HELD, skipped + 1, held + 1
        elif ignored.get((row.chat_id, kind), 0) >= NAG_AFTER:
            # Ask once instead of sending a fourth offer nobody opens; hold the slot.
            status, skipped = DeliveryStatus.ASKED, skipped + 1
            nagged.append((row.chat_id, kind))
        name = kinds.ledger_slot(kind, row.due_at, tz)
        ledger.append(
            {
                "chat_id": row.chat_id,
                "slot": name,
                "local_date": row.local_date,
                "due_at": row.due_at,
                "status": status,
                "claimed_by": worker,
                "claimed_at": now,
                "snoozed": False,
            }
        )
        if status == DeliveryStatus.CLAIMED:
            # Copy now: the bulk update below refreshes `row` with the next due date.
            to_send.append(_Due(row.chat_id, name, row.local_date, row.due_at, sub))
        on_hold = (row.chat_id, kind) in nagged
        found = None
        if not on_hold:
            # Breaks come several times a day: the next one is simply the next after this one.
            # (a late tick walks through the ones it missed, each recorded as missed).
            if kind is Kind.BREAK:
                found = kinds.next_for(sub, kind, tz, after=row.due_at, not_before=row.local_date)
            else:
                found = kinds.next_for(
                    sub, kind, tz, after=now, not_before=row.local_date + timedelta(days=1)
                )
        nxt, day = found if found is not None else (None, row.local_date)
        advance.append(
            {"chat_id": row.chat_id, "slot": row.slot, "due_at": nxt, "local_date": day,
             "on_hold": on_hold}
        )  # fmt: skip
    await update_many(session, ScheduledSlot.__table__, ("chat_id", "slot"), advance)
    ids: dict[tuple[int, str, date], int] = {}
    statement = (
        insert_for(session)(Delivery.__table__)
        .on_conflict_do_nothing(index_elements=["chat_id", "slot", "local_date"])
        .returning(Delivery.id, Delivery.chat_id, Delivery.slot, Delivery.local_date)
    )
    # An executemany: SQLAlchemy batches it into few statements and caches their compilation.
    for delivery_id, chat_id, slot, day in (await session.execute(statement, ledger)).all():
        ids[(chat_id, slot, day)] = delivery_id
    claims = await _open_sessions(session, to_send, ids, now, plan)
    unsent = Counter(
        (kind_of(row["slot"]).value, str(row["status"]))
        for row in ledger
        if row["status"] != DeliveryStatus.CLAIMED
    )
    stats = ClaimStats(
        len(claims),
        skipped,
        missed,
        tuple(nagged),
        tuple((*k, n) for k, n in unsent.items()),
        held,
    )
    return claims, stats


def _routine_slot(ledger_slot: str) -> Slot:
    """The routine a delivery offers: a desk break offers one desk stretch."""
    kind = kind_of(ledger_slot)
    return Slot.DESK if kind is Kind.BREAK else Slot(kind.value)


@dataclass(frozen=True)
class _Due:
    chat_id: int
    slot: str
    local_date: date
    due_at: datetime
    sub: Subscriber


async def _open_sessions(
    session: AsyncSession,
    to_send: Sequence[_Due],
    ids: dict[tuple[int, str, date], int],
    now: datetime,
    plan: Planner,
) -> list[Claim]:
    """Create the session row of every claimed delivery (rows that lost the race are dropped);
    a weekly summary is a message with no session."""
    won = [row for row in to_send if (row.chat_id, row.slot, row.local_date) in ids]
    claims = [
        Claim(ids[(r.chat_id, r.slot, r.local_date)], r.chat_id, r.slot, r.local_date, r.due_at,
              None, (), False)
        for r in won
        if kind_of(r.slot) is Kind.SUMMARY
    ]  # fmt: skip
    mine = [row for row in won if kind_of(row.slot) is not Kind.SUMMARY]
    if not mine:
        return claims
    plans = [plan(row.sub, _routine_slot(row.slot)) for row in mine]
    values = [
        {
            "chat_id": row.chat_id,
            "slot": planned.slot.value,
            "routine_id": planned.routine_id,
            "source": Source.SCHEDULED,
            "card_ids": list(planned.card_ids),
            "gentle": planned.gentle,
            "hold_seconds": planned.hold_seconds,
            "card_index": 0,
            "local_date": row.local_date,
            "delivered_at": now,
        }
        for row, planned in zip(mine, plans, strict=True)
    ]
    table = cast(Table, StretchSession.__table__)
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    created = (await session.execute(statement, values)).scalars()
    links = []
    for row, session_id, planned in zip(mine, created, plans, strict=True):
        delivery_id = ids[(row.chat_id, row.slot, row.local_date)]
        claims.append(
            Claim(
                delivery_id, row.chat_id, row.slot, row.local_date, row.due_at, session_id,
                planned.card_ids, planned.gentle, planned.hold_seconds,
            )
        )  # fmt: skip
        links.append({"id": delivery_id, "session_id": session_id})
    await update_many(session, Delivery.__table__, ("id",), links)
    return claims


async def claim_snoozed(
    session: AsyncSession, now: datetime, worker: str, *, limit: int = 1000
) -> list[Claim]:
    """Claim snoozed deliveries whose time has come (each is re-sent once)."""
    query = (
        select(Delivery, StretchSession, Subscriber.safety_hold_since)
        .join(StretchSession, StretchSession.id == Delivery.session_id)
        .join(Subscriber, Subscriber.chat_id == Delivery.chat_id)
        .where(Delivery.snooze_until <= now)
        .order_by(Delivery.snooze_until)
        .limit(limit)
    )
    if postgres(session):
        query = query.with_for_update(skip_locked=True, of=Delivery)
    claims = []
    for delivery, stretch, held_since in (await session.execute(query)).all():
        # The grace period of a snoozed routine counts from the time it was snoozed to.
        until = (delivery.snooze_until or now) + kinds.grace(kind_of(delivery.slot))
        delivery.snooze_until, delivery.attempts = None, 0
        if held_since is None:  # a safety hold drops the snoozed offer
            claims.append(_take(delivery, stretch, worker, now, snooze=True, until=until))
    return claims


def _take(
    delivery: Delivery,
    stretch: StretchSession | None,
    worker: str,
    now: datetime,
    *,
    snooze: bool,
    until: datetime | None = None,
) -> Claim:
    """Make an existing ledger row this worker's, as a claim to send."""
    delivery.claimed_by, delivery.claimed_at = worker, now
    delivery.retry_until = until or delivery.retry_until
    if stretch is None:  # a weekly summary
        return Claim(
            delivery.id, delivery.chat_id, delivery.slot, delivery.local_date, delivery.due_at,
            None, (), False, attempts=delivery.attempts, retry_until=delivery.retry_until,
        )  # fmt: skip
    return Claim(
        delivery.id, delivery.chat_id, delivery.slot, delivery.local_date, delivery.due_at,
        stretch.id, tuple(stretch.card_ids), stretch.gentle, stretch.hold_seconds, snooze,
        delivery.attempts, delivery.retry_until,
    )  # fmt: skip


async def reclaim_abandoned(
    session: AsyncSession,
    now: datetime,
    worker: str,
    *,
    limit: int = 1000,
    lease: timedelta = LEASE,
) -> list[Claim]:
    """Take over claims whose process died before recording an outcome (lease expired)."""
    query = (
        select(Delivery, StretchSession)
        # Outer: a weekly summary has no session and is taken over all the same.
        .outerjoin(StretchSession, StretchSession.id == Delivery.session_id)
        .where(
            Delivery.status == DeliveryStatus.CLAIMED,
            Delivery.claimed_at < now - lease,
            Delivery.due_at >= now - GRACE,
        )
        .limit(limit)
    )
    if postgres(session):
        query = query.with_for_update(skip_locked=True, of=Delivery)
    rows = (await session.execute(query)).all()
    return [_take(delivery, stretch, worker, now, snooze=False) for delivery, stretch in rows]


async def renew(
    session: AsyncSession, delivery_ids: Sequence[int], worker: str, now: datetime
) -> set[int]:
    """Keep this live worker's unfinished claims from looking abandoned: a claim queued behind
    a slow batch is not a dead process's, and another worker taking it over would send it twice.
    Only claims still this worker's are touched (one taken over already stays taken); returns
    those, so a batch about to be sent can leave out what another worker took over. (A snoozed
    or retried offer keeps its status while it is claimed, so the worker is what counts.)"""
    if not delivery_ids:
        return set()
    rows = await session.execute(
        update(Delivery)
        .where(Delivery.id.in_(delivery_ids), Delivery.claimed_by == worker)
        .values(claimed_at=now)
        .returning(Delivery.id)
        .execution_options(synchronize_session=False)
    )
    return set(rows.scalars())


@dataclass(frozen=True)
class Outcome:
    """What happened when a claimed delivery was sent."""

    delivery_id: int
    chat_id: int
    status: DeliveryStatus  # SENT, UNKNOWN, FAILED; RETRY (at `retry_at`) or MISSED
    at: datetime
    message_id: int | None = None
    error: str | None = None
    deactivate: bool = False  # blocked, deactivated or chat not found
    retry_at: datetime | None = None  # RETRY: when to send it again
    attempts: int = 0  # sends Telegram failed so far, this one included


async def record(session: AsyncSession, outcomes: Sequence[Outcome]) -> None:
    """Write the outcomes of a batch; deactivate subscribers Telegram says are gone.

    Most outcomes of a batch are "sent": those become one UPDATE, the rest one row each.
    """
    if not outcomes:
        return
    sent: list[Outcome] = []
    others: list[Outcome] = []
    for o in outcomes:  # one pass: `o not in sent` would compare every pair of a large batch
        (sent if o.status == DeliveryStatus.SENT and o.error is None else others).append(o)
    if sent:
        await session.execute(
            update(Delivery)
            .where(Delivery.id.in_([o.delivery_id for o in sent]))
            .values(status=DeliveryStatus.SENT, sent_at=max(o.at for o in sent))
            .execution_options(synchronize_session=False)
        )
    if others:
        arrived = (DeliveryStatus.SENT, DeliveryStatus.UNKNOWN)
        await update_many(
            session,
            Delivery.__table__,
            ("id",),
            [
                {
                    "id": o.delivery_id,
                    "status": o.status,
                    "sent_at": o.at if o.status in arrived else None,
                    "message_id": o.message_id,
                    "error": (o.error or None) and (o.error or "")[:200],
                    "retry_at": o.retry_at,
                    "attempts": o.attempts,
                }
                for o in others
            ],
        )
    gone = sorted({o.chat_id for o in outcomes if o.deactivate})
    if gone:
        at = max(o.at for o in outcomes if o.deactivate)
        await session.execute(
            update(Subscriber)
            .where(Subscriber.chat_id.in_(gone))
            .values(active=False, unreachable_since=at)
        )
        await session.execute(delete(ScheduledSlot).where(ScheduledSlot.chat_id.in_(gone)))


async def snooze(
    session: AsyncSession, chat_id: int, session_id: int, now: datetime, minutes: int = 30
) -> bool:
    """Ask for the routine again in `minutes`, once per delivery. False if not possible."""
    delivery = (
        await session.execute(
            select(Delivery).where(Delivery.chat_id == chat_id, Delivery.session_id == session_id)
        )
    ).scalar_one_or_none()
    if delivery is None or delivery.snoozed:
        return False
    delivery.snoozed = True
    delivery.snooze_until = now + timedelta(minutes=minutes)
    return True
