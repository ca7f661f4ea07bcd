"""The scheduler tick: claim what is due, send it without holding a transaction, record outcomes.

The tick calls the store (`slots`) directly rather than through `bot.usecases`: a claim is one
set-based transaction over thousands of due rows, where per-chat use cases would cost a
transaction each. The one domain decision it needs (which routine a slot gets) is
`programme.routine_for_week` with what the person has (`kit`), the same rule the conversation
uses.

APScheduler (through python-telegram-bot's JobQueue) calls `Ticker.tick` every few seconds in each
bot process. Work per tick grows with the number of slots due, not with the number of subscribers:
the claim is an indexed range scan on `schedule.due_at`.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from bot.coach import kit, plan, programme
from bot.content.model import Library, Slot
from bot.metrics import Metrics
from bot.schedule import operator, slots, timers
from bot.schedule.retries import claim_retries
from bot.schedule.slots import Claim, Outcome
from bot.store.db import Database
from bot.store.models import DeliveryStatus, Subscriber

log = logging.getLogger(__name__)

FIRST_BATCH = 100  # due slots in a tick's first claim (then `batch` at a time)


class Sender(Protocol):
    """Sends what the tick decided (implemented in the Telegram layer)."""

    async def deliver(self, claim: Claim, minutes: int, count: int) -> Outcome:
        """Send one routine offer; never raise for a Telegram error: return the outcome."""

    async def ask_about_slot(self, chat_id: int, slot: str) -> None:
        """Send the gentle "shall we change the time?" message."""

    async def resume_hold(self, orphan: timers.Orphan) -> None:
        """A timer died with its process: offer its Start button again."""


@dataclass
class TickReport:
    """What one tick did (logged as one line per fan-out)."""

    due: int = 0
    sent: int = 0
    failed: int = 0
    unknown: int = 0
    skipped: int = 0
    held: int = 0  # of `skipped`: the person is on a safety hold
    missed: int = 0
    retrying: int = 0  # Telegram failed to take them: each will be sent again (not a failure)
    asked: int = 0
    claim_seconds: float = 0.0
    duration: float = 0.0
    failures: dict[str, int] = field(default_factory=dict)


class _Outbox:
    """One tick's sends: a concurrency gate they all share, and one writer of their outcomes.

    A send keeps its place under the gate until its outcome is written, so a process that dies
    has at most `concurrency` sends whose outcome it never wrote: only those can go out twice,
    however slow the database is next to Telegram.
    """

    def __init__(self, db: Database, concurrency: int, unfinished: set[int]) -> None:
        self.db = db
        self.gate = asyncio.Semaphore(concurrency)
        self._unfinished = unfinished
        self._queue: list[tuple[Outcome, asyncio.Future[None]]] = []
        self._queued = asyncio.Event()
        self._writer: asyncio.Task[None] | None = None

    async def record(self, outcome: Outcome) -> None:
        """Return once this outcome is written (raise what writing it raised)."""
        if self._writer is None:
            self._writer = asyncio.create_task(self._write())
        written = asyncio.get_running_loop().create_future()
        self._queue.append((outcome, written))
        self._queued.set()
        await written

    async def _write(self) -> None:
        while True:
            await self._queued.wait()
            self._queued.clear()
            batch, self._queue = self._queue, []
            try:
                async with self.db.session() as s:
                    await slots.record(s, [outcome for outcome, _ in batch])
            except Exception as exc:  # each waiting send raises it
                for _, written in batch:
                    written.set_exception(exc)
                continue
            self._unfinished.difference_update(outcome.delivery_id for outcome, _ in batch)
            for _, written in batch:
                written.set_result(None)

    def close(self) -> None:
        """Stop the writer; sends still waiting for it are cancelled."""
        if self._writer is not None:
            self._writer.cancel()
        for _, written in self._queue:
            written.cancel()


class Ticker:
    """Claims and sends due routines, snoozes and abandoned claims."""

    def __init__(
        self,
        db: Database,
        library: Library,
        sender: Sender,
        clock: Callable[[], datetime],
        worker: str,
        *,
        batch: int = 500,
        concurrency: int = 100,
        metrics: Metrics | None = None,
        lease: timedelta = slots.LEASE,
    ) -> None:
        self.metrics = metrics
        self.lease = lease
        self._active_counted_at: datetime | None = None
        self.db = db
        self.library = library
        self.sender = sender
        self.clock = clock
        self.worker = worker
        self.batch = batch
        self.concurrency = concurrency
        self._lock = asyncio.Lock()
        # Claims this process holds and has not yet recorded an outcome for: their lease is
        # renewed while the tick runs, so only a dead process's claims are ever taken over.
        self._unfinished: set[int] = set()

    def _plan(self, sub: Subscriber, slot: Slot) -> plan.Planned:
        if slot is Slot.DESK:
            # A desk break: the person's rotation, moved on every half hour without writing
            # the cursor back (a claim of thousands of breaks updates no subscriber rows).
            turn = int(self.clock().timestamp() // 1800)
            planned, _ = plan.desk_stretch(self.library, sub.desk_cursor + turn, gentle=sub.gentle)
            return planned
        return programme.routine_for_week(
            self.library, slot, sub.programme_week, gentle=sub.gentle, have=kit.of(sub.equipment)
        )

    async def tick(self) -> TickReport:
        """One pass: everything due now, in batches, until nothing due is left."""
        async with self._lock:  # a slow tick and the next one never overlap in one process
            return await self._tick()

    async def _tick(self) -> TickReport:
        report = TickReport()
        started = time.perf_counter()
        outbox = _Outbox(self.db, self.concurrency, self._unfinished)
        sending: deque[asyncio.Task[None]] = deque()
        renewing = asyncio.create_task(self._renew_leases())
        side = True  # snoozes, abandoned claims, retries and orphaned holds: the first batch's
        first = True
        try:
            while True:
                # Claim the next batch while the previous one is being sent and queue its sends
                # at once behind the previous batch's at the shared gate, so the stream never
                # pauses between batches (a pause costs a paid broadcast its place in
                # Telegram's window for good). Then let the older batch finish before claiming
                # another: claims run at most one batch ahead.
                # The first batch is small, so the first sends leave within milliseconds.
                limit = min(self.batch, FIRST_BATCH) if first else self.batch
                claims, more, side = await self._claim(report, side=side, limit=limit)
                first = False
                if claims:
                    sending.append(asyncio.create_task(self._send(claims, report, outbox)))
                while len(sending) > 1 or (sending and not more):
                    await sending.popleft()
                if not more:
                    break
        finally:
            renewing.cancel()
            for task in sending:
                task.cancel()
            outbox.close()
            self._unfinished.clear()
        report.duration = time.perf_counter() - started
        if report.due or report.sent or report.failed or report.retrying or report.missed:
            log.info(
                "fanout due=%d sent=%d failed=%d unknown=%d skipped=%d missed=%d retrying=%d "
                "asked=%d claim_s=%.3f duration_s=%.3f failures=%s",
                report.due, report.sent, report.failed, report.unknown, report.skipped,
                report.missed, report.retrying, report.asked, report.claim_seconds,
                report.duration, report.failures or "{}",
            )  # fmt: skip
        return report

    async def _still_ours(self, ids: Sequence[int]) -> set[int]:
        """Renew these claims' leases and return those still ours. A claim another worker took
        over while it waited (this process stalled past the lease: a busy machine, a slow
        database) is theirs to send now, and sending it too would be twice."""
        async with self.db.session() as s:
            ours = await slots.renew(s, ids, self.worker, self.clock())
        if len(ours) < len(ids):
            lost = set(ids) - ours
            log.warning("%d claims were taken over by another worker before sending", len(lost))
            self._unfinished.difference_update(lost)
        return ours

    async def _renew_leases(self) -> None:
        """While a tick runs, renew the lease of every claim it holds a third of a lease apart:
        a batch waiting behind a slow one (a busy machine, Telegram's limits) stays this
        process's; only a process that stops renewing (it died) loses its claims."""
        interval = self.lease.total_seconds() / 3
        while True:
            await asyncio.sleep(interval)
            held = sorted(self._unfinished)
            if not held:
                continue
            try:
                async with self.db.session() as s:
                    await slots.renew(s, held, self.worker, self.clock())
            except Exception as exc:  # the next renewal tries again; the tick itself goes on
                # The class only: a database error's text carries the statement's parameters.
                log.warning("could not renew claim leases: %s", type(exc).__name__)

    @functools.lru_cache(maxsize=256)  # noqa: B019 - a few routines, one ticker per process
    def _minutes(self, card_ids: tuple[str, ...], hold_seconds: int | None) -> int:
        cards = tuple(self.library.cards[c] for c in card_ids if c in self.library.cards)
        return plan.minutes(cards, hold_seconds)

    async def _claim(
        self, report: TickReport, *, side: bool, limit: int
    ) -> tuple[list[Claim], bool, bool]:
        """One batch of due slots, and with `side` the snoozes, abandoned claims, retries and
        orphaned holds; whether more may be due, and whether the side work may have more.

        The side queries cost as much as a claim of due slots and rarely find anything, so a
        tick runs them with its first batch only, and again only while they fill a batch."""
        now = self.clock()
        claim_started = time.perf_counter()
        retries: list[Claim] = []
        retry_skipped = retry_missed = 0
        orphans: list[timers.Orphan] = []
        async with self.db.session() as s:
            claims, stats = await slots.claim_due(s, now, self.worker, self._plan, limit=limit)
            if side:
                snoozed = await slots.claim_snoozed(s, now, self.worker, limit=self.batch)
                abandoned = await slots.reclaim_abandoned(
                    s, now, self.worker, limit=self.batch, lease=self.lease
                )
                retries, retry_skipped, retry_missed = await claim_retries(
                    s, now, self.worker, limit=self.batch
                )
                claims += snoozed + abandoned + retries
                orphans = await timers.orphaned_holds(s, now)
                side = (
                    len(snoozed) >= self.batch
                    or len(abandoned) >= self.batch
                    or len(retries) + retry_skipped + retry_missed >= self.batch
                )
            if self.metrics is not None and (
                self._active_counted_at is None
                or now - self._active_counted_at >= timedelta(minutes=1)
            ):
                self.metrics.active.set(await operator.active_subscribers(s))
                self._active_counted_at = now
        report.claim_seconds += time.perf_counter() - claim_started
        self._unfinished.update(c.delivery_id for c in claims)
        report.due += stats.claimed + stats.skipped + stats.missed
        report.skipped += stats.skipped - len(stats.nagged) + retry_skipped
        report.held += stats.held
        report.missed += stats.missed + retry_missed
        report.asked += len(stats.nagged)
        if self.metrics is not None:
            for outcome, count in (
                (
                    DeliveryStatus.SKIPPED,
                    stats.skipped - len(stats.nagged) - stats.held + retry_skipped,
                ),
                (DeliveryStatus.HELD, stats.held),
                (DeliveryStatus.MISSED, stats.missed + retry_missed),
                (DeliveryStatus.ASKED, len(stats.nagged)),
            ):
                if count:
                    self.metrics.due.labels(outcome).inc(count)
            for kind, state, n in stats.unsent:
                self.metrics.by_slot.labels(kind, state).inc(n)
        for chat_id, slot in stats.nagged:
            await self.sender.ask_about_slot(chat_id, slot)
        for orphan in orphans:
            await self.sender.resume_hold(orphan)
        more = side or stats.claimed + stats.skipped + stats.missed >= limit
        return claims, more, side

    async def _send(self, claims: Sequence[Claim], report: TickReport, outbox: _Outbox) -> None:
        """Send one batch under the tick's gate, its outcomes written in batches as they come.

        A send that reaches the gate long after its batch was last known to be ours (a third of
        a lease: renewals run that often, so only a stall gets here) first asks the database
        again, once for the batch: what another worker took over meanwhile is not sent."""
        checked = self.clock()
        ours = {claim.delivery_id for claim in claims}
        checking = asyncio.Lock()
        stale = self.lease / 3

        async def still_ours(claim: Claim) -> bool:
            nonlocal checked, ours
            async with checking:
                if self.clock() - checked > stale:
                    waiting = [c.delivery_id for c in claims if c.delivery_id in self._unfinished]
                    ours = await self._still_ours(waiting)
                    checked = self.clock()
            return claim.delivery_id in ours

        async def one(claim: Claim) -> None:
            minutes = self._minutes(claim.card_ids, claim.hold_seconds)
            async with outbox.gate:
                if self.clock() - checked > stale and not await still_ours(claim):
                    return
                outcome = await self.sender.deliver(claim, minutes, len(claim.card_ids))
                self._count(claim, outcome, report)
                await outbox.record(outcome)

        await asyncio.gather(*(one(claim) for claim in claims))

    def _count(self, claim: Claim, outcome: Outcome, report: TickReport) -> None:
        if self.metrics is not None:
            self.metrics.due.labels(outcome.status).inc()
            self.metrics.by_slot.labels(claim.kind, outcome.status).inc()
            if outcome.status == DeliveryStatus.SENT:
                late = (outcome.at - claim.due_at).total_seconds()
                self.metrics.lateness.observe(max(0.0, late))
        if outcome.status == DeliveryStatus.SENT:
            report.sent += 1
        elif outcome.status == DeliveryStatus.UNKNOWN:
            report.unknown += 1
        elif outcome.status == DeliveryStatus.RETRY:
            report.retrying += 1
        elif outcome.status == DeliveryStatus.MISSED:
            report.missed += 1
        else:
            report.failed += 1
            reason = outcome.error or "error"
            report.failures[reason] = report.failures.get(reason, 0) + 1
