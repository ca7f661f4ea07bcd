"""The schedule and the delivery ledger in the database: keep "next due" right, claim what is due,
and record what happened. SQLAlchemy only; the tick in `ticker.py` drives it.

Claiming is safe with several bot processes on one database: on PostgreSQL the due rows are locked
with `FOR UPDATE SKIP LOCKED`, so two ticks never pick the same row; on every backend the ledger's
unique (subscriber, slot, local date) makes a second delivery impossible whatever else goes wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.coach.clock import zone
from bot.coach.plan import Planned, Source
from bot.content.model import Slot
from bot.schedule.due import local_date, next_due
from bot.store.models import Delivery, DeliveryStatus, ScheduledSlot, StretchSession, Subscriber

SLOTS = (Slot.MORNING, Slot.EVENING)  # the slots with a time of day
GRACE = timedelta(hours=2)  # a routine this late is still worth sending; later, skip the day
LEASE = timedelta(minutes=5)  # a claim not finished by then is taken over (its process died)
NAG_AFTER = 3  # routines ignored in a row before the bot asks instead of sending more


def _slot_time(sub: Subscriber, slot: str) -> time | None:
    return sub.morning if slot == Slot.MORNING else sub.evening


def _postgres(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _insert(session: AsyncSession) -> Any:
    """The dialect's INSERT with ON CONFLICT support."""
    return postgresql.insert if _postgres(session) else sqlite.insert


async def reschedule(session: AsyncSession, sub: Subscriber, now: datetime) -> None:
    """Recompute when each slot is next due after a change of times, zone, pause or stop.

    The new time counts from now on: a slot whose new time already passed today waits for tomorrow,
    and a slot already delivered today (in the new zone's local date too) is not due again today.
    """
    tz = zone(sub.timezone)
    today = local_date(now, tz)
    delivered = (
        await session.execute(
            select(Delivery.slot, Delivery.local_date).where(
                Delivery.chat_id == sub.chat_id,
                Delivery.local_date >= today - timedelta(days=2),
            )
        )
    ).all()
    existing = {
        row.slot: row
        for row in (
            await session.execute(
                select(ScheduledSlot).where(ScheduledSlot.chat_id == sub.chat_id)
            )
        ).scalars()
    }
    paused_until = sub.paused_until if sub.paused_until and sub.paused_until > today else None
    for slot in SLOTS:
        at = _slot_time(sub, slot)
        row = existing.get(slot)
        if at is None or not sub.active:
            if row is not None:
                await session.delete(row)
            continue
        skip = frozenset(day for name, day in delivered if name == slot)
        due, day = next_due(at, tz, after=now, not_before=paused_until, skip=skip)
        if row is None:
            session.add(ScheduledSlot(chat_id=sub.chat_id, slot=slot, due_at=due, local_date=day))
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
    session_id: int
    card_ids: tuple[str, ...]
    gentle: bool
    hold_seconds: int | None = None
    snooze: bool = False  # the second, snoozed delivery


@dataclass(frozen=True)
class ClaimStats:
    """What one claim pass found."""

    claimed: int
    skipped: int
    missed: int
    nagged: tuple[tuple[int, str], ...]  # (chat, slot) pairs put on hold: send the gentle question


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
    if _postgres(session):
        query = query.with_for_update(skip_locked=True, of=ScheduledSlot)
    due_rows = (await session.execute(query)).all()
    if not due_rows:
        return [], ClaimStats(0, 0, 0, ())
    keys = [(row.chat_id, row.slot) for row, _ in due_rows]
    ignored = await _ignored_in_a_row(session, keys, now)
    ledger: list[dict[str, Any]] = []
    advance: list[dict[str, Any]] = []
    nagged: list[tuple[int, str]] = []
    to_send: list[_Due] = []
    skipped = missed = 0
    for row, sub in due_rows:
        tz = zone(sub.timezone)
        at = _slot_time(sub, row.slot)
        assert row.due_at is not None
        status = DeliveryStatus.CLAIMED
        if now - row.due_at > GRACE:
            status, missed = DeliveryStatus.MISSED, missed + 1
        elif (
            not sub.active
            or at is None
            or (sub.paused_until is not None and row.local_date < sub.paused_until)
        ):
            status, skipped = DeliveryStatus.SKIPPED, skipped + 1
        elif ignored.get((row.chat_id, row.slot), 0) >= NAG_AFTER:
            # Ask once instead of sending a fourth routine nobody opens; hold the slot.
            status, skipped = DeliveryStatus.ASKED, skipped + 1
            nagged.append((row.chat_id, row.slot))
        ledger.append(
            {
                "chat_id": row.chat_id,
                "slot": row.slot,
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
            to_send.append(_Due(row.chat_id, row.slot, row.local_date, row.due_at, sub))
        on_hold = (row.chat_id, row.slot) in nagged
        if at is None or on_hold:
            nxt, day = None, row.local_date
        else:
            nxt, day = next_due(at, tz, after=now, not_before=row.local_date + timedelta(days=1))
        advance.append(
            {"chat_id": row.chat_id, "slot": row.slot, "due_at": nxt, "local_date": day,
             "on_hold": on_hold}
        )  # fmt: skip
    await _update_many(session, ScheduledSlot.__table__, ("chat_id", "slot"), advance)
    ids: dict[tuple[int, str, date], int] = {}
    statement = (
        _insert(session)(Delivery.__table__)
        .on_conflict_do_nothing(index_elements=["chat_id", "slot", "local_date"])
        .returning(Delivery.id, Delivery.chat_id, Delivery.slot, Delivery.local_date)
    )
    # An executemany: SQLAlchemy batches it into few statements and caches their compilation.
    for delivery_id, chat_id, slot, day in (await session.execute(statement, ledger)).all():
        ids[(chat_id, slot, day)] = delivery_id
    claims = await _open_sessions(session, to_send, ids, now, plan)
    return claims, ClaimStats(len(claims), skipped, missed, tuple(nagged))


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
    """Create the session row of every claimed delivery (rows that lost the race are dropped)."""
    mine = [row for row in to_send if (row.chat_id, row.slot, row.local_date) in ids]
    if not mine:
        return []
    plans = [plan(row.sub, Slot(row.slot)) for row in mine]
    values = [
        {
            "chat_id": row.chat_id,
            "slot": row.slot,
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
    claims = []
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
    await _update_many(session, Delivery.__table__, ("id",), links)
    return claims


async def _ignored_in_a_row(
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
        .order_by(Delivery.chat_id, Delivery.slot, Delivery.local_date.desc())
    )
    counts: dict[tuple[int, str], int] = {}
    broken: set[tuple[int, str]] = set()
    for chat_id, slot, status, snoozed, *answers in (await session.execute(query)).all():
        key = (chat_id, slot)
        if key in broken:
            continue
        if status == DeliveryStatus.ASKED or snoozed or any(at is not None for at in answers):
            broken.add(key)
            continue
        counts[key] = counts.get(key, 0) + 1
    return counts


async def claim_snoozed(
    session: AsyncSession, now: datetime, worker: str, *, limit: int = 1000
) -> list[Claim]:
    """Claim snoozed deliveries whose time has come (each is re-sent once)."""
    query = (
        select(Delivery, StretchSession)
        .join(StretchSession, StretchSession.id == Delivery.session_id)
        .where(Delivery.snooze_until <= now)
        .order_by(Delivery.snooze_until)
        .limit(limit)
    )
    if _postgres(session):
        query = query.with_for_update(skip_locked=True, of=Delivery)
    claims = []
    for delivery, stretch in (await session.execute(query)).all():
        delivery.snooze_until = None
        claims.append(_take(delivery, stretch, worker, now, snooze=True))
    return claims


def _take(
    delivery: Delivery, stretch: StretchSession, worker: str, now: datetime, *, snooze: bool
) -> Claim:
    """Make an existing ledger row this worker's, as a claim to send."""
    delivery.claimed_by, delivery.claimed_at = worker, now
    return Claim(
        delivery.id, delivery.chat_id, delivery.slot, delivery.local_date, delivery.due_at,
        stretch.id, tuple(stretch.card_ids), stretch.gentle, stretch.hold_seconds, snooze,
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
        .join(StretchSession, StretchSession.id == Delivery.session_id)
        .where(
            Delivery.status == DeliveryStatus.CLAIMED,
            Delivery.claimed_at < now - lease,
            Delivery.due_at >= now - GRACE,
        )
        .limit(limit)
    )
    if _postgres(session):
        query = query.with_for_update(skip_locked=True, of=Delivery)
    rows = (await session.execute(query)).all()
    return [_take(delivery, stretch, worker, now, snooze=False) for delivery, stretch in rows]


@dataclass(frozen=True)
class Outcome:
    """What happened when a claimed delivery was sent."""

    delivery_id: int
    chat_id: int
    status: DeliveryStatus  # SENT, UNKNOWN or FAILED
    at: datetime
    message_id: int | None = None
    error: str | None = None
    deactivate: bool = False  # blocked, deactivated or chat not found


async def record(session: AsyncSession, outcomes: Sequence[Outcome]) -> None:
    """Write the outcomes of a batch; deactivate subscribers Telegram says are gone.

    Most outcomes of a batch are "sent": those become one UPDATE, the rest one row each.
    """
    if not outcomes:
        return
    sent = [o for o in outcomes if o.status == DeliveryStatus.SENT and o.error is None]
    if sent:
        await session.execute(
            update(Delivery)
            .where(Delivery.id.in_([o.delivery_id for o in sent]))
            .values(status=DeliveryStatus.SENT, sent_at=max(o.at for o in sent))
            .execution_options(synchronize_session=False)
        )
    others = [o for o in outcomes if o not in sent]
    if others:
        await _update_many(
            session,
            Delivery.__table__,
            ("id",),
            [
                {
                    "id": o.delivery_id,
                    "status": o.status,
                    "sent_at": o.at if o.status != DeliveryStatus.FAILED else None,
                    "message_id": o.message_id,
                    "error": (o.error or None) and (o.error or "")[:200],
                }
                for o in others
            ],
        )
    gone = sorted({o.chat_id for o in outcomes if o.deactivate})
    if gone:
        await session.execute(
            update(Subscriber).where(Subscriber.chat_id.in_(gone)).values(active=False)
        )
        await session.execute(delete(ScheduledSlot).where(ScheduledSlot.chat_id.in_(gone)))


async def _update_many(
    session: AsyncSession, table: Any, keys: tuple[str, ...], rows: Sequence[dict[str, Any]]
) -> None:
    """UPDATE one row per dict, matched on `keys`, as a single executemany (no ORM per row)."""
    if not rows:
        return
    columns = [name for name in rows[0] if name not in keys]
    statement = (
        update(table)
        .where(*(table.c[key] == bindparam(f"k_{key}") for key in keys))
        .values({name: bindparam(f"v_{name}") for name in columns})
    )
    params = [
        {**{f"k_{k}": row[k] for k in keys}, **{f"v_{c}": row[c] for c in columns}} for row in rows
    ]
    await session.execute(statement, params)


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


async def status(session: AsyncSession, now: datetime) -> Status:
    """Counts for operators (today = the last 24 hours)."""
    since = now - timedelta(hours=24)

    async def count(*where: Any) -> int:
        query = select(func.count()).select_from(where[0]).where(*where[1:])
        return int((await session.execute(query)).scalar_one())

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
    )


@dataclass(frozen=True)
class Orphan:
    """A hold timer whose process died: its message still shows a countdown."""

    chat_id: int
    session_id: int
    card_index: int
    card_id: str
    hold_seconds: int | None
    message_id: int
    last_card: bool = False  # the routine's last card (its Next says Finish)


async def orphaned_holds(session: AsyncSession, now: datetime, limit: int = 100) -> list[Orphan]:
    """Take the timers that should have ended by now but never reported back."""
    query = (
        select(StretchSession)
        .where(StretchSession.hold_until < now, StretchSession.hold_message_id.is_not(None))
        .limit(limit)
    )
    if _postgres(session):
        query = query.with_for_update(skip_locked=True)
    orphans = []
    for row in (await session.execute(query)).scalars():
        if row.done_at is None and row.card_index < len(row.card_ids) and row.hold_message_id:
            orphans.append(
                Orphan(
                    row.chat_id, row.id, row.card_index, row.card_ids[row.card_index],
                    row.hold_seconds, row.hold_message_id,
                    row.card_index + 1 >= len(row.card_ids),
                )
            )  # fmt: skip
        row.hold_until = row.hold_message_id = None
    return orphans
