"""Sending scheduled routines: the offer message, and what each Telegram error means for it.

On 429 it waits the `retry_after` Telegram asks for and sends again. A 5xx answer, or no
connection at all, means Telegram did not take the message: the ledger row is kept with a time to
try again (backoff 1, 2, 4 … 60 s) and a later tick sends it, so an outage holds up no fan-out
worker; once the routine's grace period is over it is recorded as missed. Only a request that may
really have arrived (a read timeout, or the connection lost after the request was written) is an
unknown outcome, which the ledger records as sent rather than risk a duplicate. A blocked bot, a
deactivated user or a vanished chat marks the subscriber inactive; nothing stops the others.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

import aiohttp
import httpx
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import ExtBot
from telegram.warnings import PTBUserWarning

from bot.coach.week import Kind
from bot.content.model import Library
from bot.errors import NotSubscribed
from bot.schedule.slots import Claim, Outcome
from bot.schedule.timers import Orphan
from bot.store.models import DeliveryStatus
from bot.telegram import keyboards, texts, texts_week
from bot.telegram.cards import card_view, show_card
from bot.telegram.http import NotConnected
from bot.telegram.limits import Lane
from bot.telegram.pictures import Pictures
from bot.usecases import WeeklySummary

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 4  # tries within one claim, for 429s (other failures are retried by the tick)
RETRY_FIRST = 1.0  # seconds before the first retry of a send Telegram failed; doubled per failure
RETRY_CAP = 60.0
MAX_CAPTION = 1024  # a longer offer goes as text
GONE = ("chat not found", "user is deactivated", "bot was blocked", "bot was kicked")


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def retry_wait(attempts: int) -> float:
    """Seconds to wait after `attempts` failed sends: 1, 2, 4 … capped at a minute."""
    return min(RETRY_CAP, RETRY_FIRST * 2 ** max(0, attempts - 1))


def _never_sent(exc: NetworkError) -> bool:
    """A connect timeout or a refused connection means the request never reached Telegram."""
    return isinstance(exc, NotConnected) or isinstance(
        exc.__cause__,
        aiohttp.ConnectionTimeoutError | httpx.ConnectTimeout | httpx.PoolTimeout
        | httpx.ConnectError,
    )  # fmt: skip


def _may_have_arrived(exc: NetworkError) -> bool:
    """The connection broke after the request was written (reset, server disconnected): Telegram
    may have taken it. Anything else that reaches here is Telegram's own 5xx answer."""
    return exc.message.startswith(("aiohttp.", "httpx.")) and not _never_sent(exc)


class TelegramSender:
    """The tick's `Sender` for Telegram."""

    def __init__(
        self,
        bot: ExtBot[Any],
        clock: Callable[[], datetime],
        library: Library,
        *,
        pictures: Pictures | None = None,
        paid_broadcast: bool = False,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        summaries: Callable[[int, datetime], Awaitable[WeeklySummary]] | None = None,
    ) -> None:
        self.bot = bot
        self.pictures = pictures
        self.sleep = sleep  # waits between attempts; tests pass one that only records them
        self.summaries = summaries
        self.paid_broadcast = paid_broadcast
        self.clock = clock
        self.library = library
        # The fan-out calls the endpoint directly (below); say once that this is deliberate.
        warnings.filterwarnings(
            "ignore",
            message=r"Please use 'Bot\.(sendMessage|sendPhoto|sendAnimation)'",
            category=PTBUserWarning,
        )

    async def _message(self, claim: Claim, minutes: int, count: int) -> dict[str, Any]:
        """The text and buttons of a routine offer, a desk break or a weekly summary."""
        if claim.session_id is None:  # the weekly summary: a message, no buttons
            assert self.summaries is not None, "a sender that sends summaries needs them"
            summary = await self.summaries(claim.chat_id, self.clock())
            return {"text": texts_week.weekly_summary(summary), "parse_mode": "HTML"}
        if claim.kind is Kind.BREAK:
            card = self.library.cards.get(claim.card_ids[0]) if claim.card_ids else None
            title = card.title if card else "a desk stretch"
            text = texts_week.desk_break(title, minutes, snoozed=claim.snooze)
            skip = texts_week.SKIP_BREAK_BUTTON
        else:
            text = texts.delivery(claim.slot, minutes, count, snoozed=claim.snooze)
            skip = texts.SKIP_TODAY_BUTTON
        markup = keyboards.delivery_json(claim.session_id, can_snooze=not claim.snooze, skip=skip)
        return {"text": text, "reply_markup": markup}

    async def deliver(self, claim: Claim, minutes: int, count: int) -> Outcome:
        """Send the routine or desk-break offer with Start / Snooze / Skip buttons, or the
        weekly summary."""
        # Plain JSON rather than telegram objects: building and parsing Message objects was
        # most of the CPU a send cost, and the fan-out needs none of it (README: benchmarks).
        try:
            params = {"chat_id": claim.chat_id, **await self._message(claim, minutes, count)}
        except NotSubscribed:  # forgotten between the claim and the send
            return self._outcome(claim, DeliveryStatus.FAILED, error="not subscribed")
        text = str(params["text"])
        if self.paid_broadcast:  # up to 1,000 a second, for a fee (README: lanes)
            params["allow_paid_broadcast"] = True
        # The first card's picture carries the offer as its caption; by file id once uploaded.
        card = self.library.cards.get(claim.card_ids[0]) if claim.card_ids else None
        pictured = (
            self.pictures is not None
            and self.pictures.has_picture(card)
            and len(text) <= MAX_CAPTION
        )
        error, wait = "error", 0.0
        for attempt in range(MAX_ATTEMPTS):
            if attempt:  # the wait the last failure asked for (none after the last attempt)
                await self.sleep(wait)
            try:
                if pictured and self.pictures is not None and card is not None:
                    caption = {k: v for k, v in params.items() if k != "text"}
                    caption["caption"] = params["text"]
                    message: Any = await self.pictures.send_json(
                        self.bot, caption, card, Lane.BULK
                    )
                else:
                    message = await self.bot.do_api_request(
                        "sendMessage", api_kwargs=params, rate_limit_args=Lane.BULK
                    )
                message_id = message.get("message_id") if isinstance(message, dict) else None
                return self._outcome(claim, DeliveryStatus.SENT, message_id=message_id)
            except RetryAfter as exc:
                error, wait = "429", _seconds(exc.retry_after)
            except Forbidden as exc:
                return self._outcome(
                    claim, DeliveryStatus.FAILED, error=f"403 {exc.message}", gone=True
                )
            except BadRequest as exc:
                gone = any(reason in exc.message.lower() for reason in GONE)
                return self._outcome(
                    claim, DeliveryStatus.FAILED, error=f"400 {exc.message}", gone=gone
                )
            except TimedOut as exc:
                if not _never_sent(exc):
                    return self._outcome(claim, DeliveryStatus.UNKNOWN, error="timeout")
                return self._later(claim, "connect timeout")
            except NetworkError as exc:
                if _may_have_arrived(exc):
                    return self._outcome(claim, DeliveryStatus.UNKNOWN, error=exc.message[:60])
                # A 5xx answer or no connection: Telegram did not take it. Try again later.
                return self._later(claim, f"network {exc.message}"[:60])
            except TelegramError as exc:
                return self._outcome(claim, DeliveryStatus.FAILED, error=exc.__class__.__name__)
        return self._later(claim, error, wait)

    def _later(self, claim: Claim, error: str, wait: float = 0.0) -> Outcome:
        """Telegram did not take it: send it again after a backoff, or, past its grace period,
        record it as missed. The tick re-claims it; no worker waits meanwhile."""
        now = self.clock()
        attempts = claim.attempts + 1
        if now >= claim.deadline:
            return Outcome(
                claim.delivery_id, claim.chat_id, DeliveryStatus.MISSED, now,
                error=f"missed ({error})", attempts=attempts,
            )  # fmt: skip
        at = min(now + timedelta(seconds=max(wait, retry_wait(attempts))), claim.deadline)
        return Outcome(
            claim.delivery_id, claim.chat_id, DeliveryStatus.RETRY, now, error=error,
            retry_at=at, attempts=attempts,
        )  # fmt: skip

    def _outcome(
        self,
        claim: Claim,
        status: DeliveryStatus,
        *,
        message_id: int | None = None,
        error: str | None = None,
        gone: bool = False,
    ) -> Outcome:
        now = self.clock()
        return Outcome(claim.delivery_id, claim.chat_id, status, now, message_id, error, gone)

    async def resume_hold(self, orphan: Orphan) -> None:
        """Put the Start button back on a timer whose process died mid-hold."""
        card = self.library.cards.get(orphan.card_id)
        if card is None:
            return
        view, markup = card_view(
            card, card.timed_step - 1, session_id=orphan.session_id,
            card_index=orphan.card_index, hold_seconds=orphan.hold_seconds,
            last_card=orphan.last_card,
        )  # fmt: skip
        try:
            await show_card(
                self.bot, orphan.chat_id, f"{view}\n\n{texts.TIMER_INTERRUPTED}", markup,
                orphan.message_id, lane=Lane.BULK, pictures=self.pictures,
            )  # fmt: skip
        except TelegramError as exc:
            log.warning("could not restore a timer: %s", exc.__class__.__name__)

    async def ask_about_slot(self, chat_id: int, slot: str) -> None:
        """The no-nagging question after three ignored routines or desk breaks."""
        breaks = slot == Kind.BREAK
        try:
            await self.bot.send_message(
                chat_id,
                texts_week.NAG_BREAKS if breaks else texts.nag(slot),
                reply_markup=keyboards.nag_breaks() if breaks else keyboards.nag(slot),
                rate_limit_args=Lane.BULK,
            )
        except TelegramError as exc:
            log.warning("could not ask about a slot: %s", exc.__class__.__name__)
