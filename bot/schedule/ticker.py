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
        sending: asyncio.Task[None] | None = None
        renewing = asyncio.create_task(self._renew_leases())
        side = True  # snoozes, abandoned claims, retries and orphaned holds: the first batch's
        try:
            while True:
                # Claim the next batch while the previous one is being sent.
                claims, more, side = await self._claim(report, side=side)
                if sending is not None:
                    await sending
                    sending = None
                if claims:
                    claims = await self._still_ours(claims)
                if claims:
                    sending = asyncio.create_task(self._send(claims, report))
                if not more:
                    break
            if sending is not None:
                await sending
        finally:
            renewing.cancel()
            if sending is not None and not sending.done():
                sending.cancel()
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

    async def _still_ours(self, claims: list[Claim]) -> list[Claim]:
        """Renew a batch's leases just before it is sent, and leave out any claim another worker
        took over while the batch waited (this process stalled past the lease: a busy machine,
        a slow database): that one is theirs to send now, and sending it too would be twice."""
        ids = [c.delivery_id for c in claims]
        async with self.db.session() as s:
            ours = await slots.renew(s, ids, self.worker, self.clock())
        if len(ours) < len(ids):
            lost = len(ids) - len(ours)
            log.warning("%d claims were taken over by another worker before sending", lost)
            self._unfinished.difference_update(set(ids) - ours)
        return [c for c in claims if c.delivery_id in ours]

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

    async def _claim(self, report: TickReport, *, side: bool) -> tuple[list[Claim], bool, bool]:
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
            claims, stats = await slots.claim_due(
                s, now, self.worker, self._plan, limit=self.batch
            )
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
        more = side or stats.claimed + stats.skipped + stats.missed >= self.batch
        return claims, more, side

    async def _send(self, claims: Sequence[Claim], report: TickReport) -> None:
        """Send concurrently, recording outcomes in batches as they come.

        A send keeps its place under the concurrency gate until its outcome is recorded, so a
        process that dies has at most `concurrency` sends whose outcome it never wrote: only
        those can go out twice, however slow the database is next to Telegram.
        """
        gate = asyncio.Semaphore(self.concurrency)
        queue: list[tuple[Outcome, asyncio.Future[None]]] = []
        queued = asyncio.Event()

        async def recorder() -> None:
            while True:
                await queued.wait()
                queued.clear()
                batch = queue[:]
                queue.clear()
                try:
                    async with self.db.session() as s:
                        await slots.record(s, [outcome for outcome, _ in batch])
                except Exception as exc:  # each waiting send raises it, as before
                    for _, written in batch:
                        written.set_exception(exc)
                    continue
                self._unfinished.difference_update(outcome.delivery_id for outcome, _ in batch)
                for _, written in batch:
                    written.set_result(None)

        async def one(claim: Claim) -> None:
            minutes = self._minutes(claim.card_ids, claim.hold_seconds)
            async with gate:
                outcome = await self.sender.deliver(claim, minutes, len(claim.card_ids))
                self._count(claim, outcome, report)
                written = asyncio.get_running_loop().create_future()
                queue.append((outcome, written))
                queued.set()
                await written

        recording = asyncio.create_task(recorder())
        try:
            await asyncio.gather(*(one(claim) for claim in claims))
        finally:
            recording.cancel()
            for _, written in queue:
                written.cancel()

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
