"""Sending scheduled routines: the offer message, and what each Telegram error means for it.

On 429 it waits the `retry_after` Telegram asks for and sends again; network errors and 5xx are
retried with backoff; a timeout after the request went out is an unknown outcome (Telegram may have
delivered it), which the ledger records as sent rather than risk a duplicate. A blocked bot, a
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

from bot.content.model import Library
from bot.schedule.slots import Claim, Orphan, Outcome
from bot.store.models import DeliveryStatus
from bot.telegram import keyboards, texts
from bot.telegram.cards import card_view, show_card
from bot.telegram.limits import Lane
from bot.telegram.pictures import Pictures

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 4
BACKOFF = 0.5  # seconds, doubled per attempt
MAX_CAPTION = 1024  # a longer offer goes as text
GONE = ("chat not found", "user is deactivated", "bot was blocked", "bot was kicked")


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def _never_sent(exc: TimedOut) -> bool:
    """A connect timeout means the request never reached Telegram: safe to retry."""
    return isinstance(
        exc.__cause__, aiohttp.ConnectionTimeoutError | httpx.ConnectTimeout | httpx.PoolTimeout
    )


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
    ) -> None:
        self.bot = bot
        self.pictures = pictures
        self.sleep = sleep  # waits between attempts; tests pass one that only records them
        self.paid_broadcast = paid_broadcast
        self.clock = clock
        self.library = library
        # The fan-out calls the endpoint directly (below); say once that this is deliberate.
        warnings.filterwarnings(
            "ignore",
            message=r"Please use 'Bot\.(sendMessage|sendPhoto|sendAnimation)'",
            category=PTBUserWarning,
        )

    async def deliver(self, claim: Claim, minutes: int, count: int) -> Outcome:
        """Send the routine offer with Start / Snooze / Skip buttons."""
        # Plain JSON rather than telegram objects: building and parsing Message objects was
        # most of the CPU a send cost, and the fan-out needs none of it (README: benchmarks).
        text = texts.delivery(claim.slot, minutes, count, snoozed=claim.snooze)
        params: dict[str, Any] = {
            "chat_id": claim.chat_id,
            "text": text,
            "reply_markup": keyboards.delivery(
                claim.session_id, can_snooze=not claim.snooze
            ).to_dict(),
        }
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
                error, wait = "timeout", BACKOFF * 2**attempt
            except NetworkError as exc:  # 5xx and connection errors: nothing was delivered
                error, wait = f"network {exc.message}"[:60], BACKOFF * 2**attempt
            except TelegramError as exc:
                return self._outcome(claim, DeliveryStatus.FAILED, error=exc.__class__.__name__)
        return self._outcome(claim, DeliveryStatus.FAILED, error=f"gave up ({error})")

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
        """The no-nagging question after three ignored routines."""
        try:
            await self.bot.send_message(
                chat_id,
                texts.nag(slot),
                reply_markup=keyboards.nag(slot),
                rate_limit_args=Lane.BULK,
            )
        except TelegramError as exc:
            log.warning("could not ask about a slot: %s", exc.__class__.__name__)
