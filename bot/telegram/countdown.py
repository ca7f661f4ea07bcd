"""Live hold timers on a card's message: the seconds run down, ⏸ Pause / ▶ Resume, +10 s, ⏹ Stop,
and between holds a rest with a Ready button.

Each timer is its own task, so many people can hold at once without waiting for each other. The
card is edited with its buttons every time (an edit without `reply_markup` drops them): countdown
edits on the droppable `Lane.COUNTDOWN`, no more often than `edit_every` shown seconds; the end of
a hold on `Lane.RELEASE`, and because Telegram does not notify on edits, the end of a hold also
arrives as a short new message (the notice), deleted when the person moves on. Edits answering a
tap (pause, resume, +10 s) are replies.

Time comes from a `TimerClock` in the timer's own seconds: `ScaledClock` runs on the event loop
(tests shorten holds with `scale`), and tests that walk a card by hand inject a clock they move.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from prometheus_client import Histogram
from telegram import InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.content.model import AUTO_START_REST, Hold
from bot.telegram import keyboards, texts
from bot.telegram.cards import show_card
from bot.telegram.limits import Dropped, Lane, TelegramLimiter
from bot.telegram.pictures import Pictures

log = logging.getLogger(__name__)

# After this rest the next hold starts by itself (the card says so); Ready starts it sooner.
REST_SECONDS = AUTO_START_REST
MORE_SECONDS = 10  # what +10 s adds to the hold that is running


class TimerClock(Protocol):
    """Where a timer's time comes from, in the timer's own seconds."""

    def now(self) -> float:
        """The current time."""
        ...

    async def wait(self, seconds: float, wake: asyncio.Event) -> None:
        """Return after `seconds`, or sooner once `wake` is set."""
        ...


class ScaledClock:
    """The event loop's clock; `scale` 0.05 runs a 20 s hold in one real second."""

    def __init__(self, scale: float = 1.0) -> None:
        self.scale = scale

    def now(self) -> float:
        """Loop time in timer seconds."""
        return asyncio.get_running_loop().time() / self.scale

    async def wait(self, seconds: float, wake: asyncio.Event) -> None:
        """Sleep (scaled), or stop at `wake`."""
        timeout = None if math.isinf(seconds) else max(0.0, seconds) * self.scale
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wake.wait(), timeout)


class Control(StrEnum):
    """What a person can do to a running timer (the word in the button's data)."""

    PAUSE = "pause"
    RESUME = "resume"
    MORE = "more"
    STOP = "stop"
    READY = "ready"


class Phase(StrEnum):
    """Where a timer is."""

    HOLDING = "holding"
    PAUSED = "paused"
    RESTING = "resting"
    OVER = "over"


@dataclass
class Timer:
    """One person's timer: which holds on which card message, and where it has got to."""

    chat_id: int
    message_id: int
    session_id: int
    card_index: int
    view: str  # the card's text above the timer line
    holds: tuple[Hold, ...]
    index: int = 0
    phase: Phase = Phase.HOLDING
    deadline: float = 0.0  # when the running hold (or rest) ends
    left: float = 0.0  # seconds left of a paused hold
    stopped: bool = False
    notice: int | None = None  # the "release" message that notified, until the person moves on
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    # The running-timer view after Start, while it waits its turn behind other people's release
    # notices; the timer counts on meanwhile, and any later view of the card replaces it.
    showing: asyncio.Task[bool] | None = None

    @property
    def hold(self) -> Hold:
        """The hold running now (or next, during a rest)."""
        return self.holds[self.index]

    def remaining(self, now: float) -> float:
        """Seconds until the last hold ends if nothing changes (paused: from the resume)."""
        current = self.left if self.phase is Phase.PAUSED else max(0.0, self.deadline - now)
        later = self.holds[self.index + 1 :]
        if self.phase is Phase.RESTING:
            later = self.holds[self.index :]
        return current + sum(h.seconds for h in later) + REST_SECONDS * len(later)


class Countdowns:
    """The running timers of this process, at most one per chat, and their notices."""

    def __init__(
        self,
        *,
        clock: TimerClock | None = None,
        scale: float = 1.0,
        edit_every: float = 3.0,
        lateness: Histogram | None = None,
        pictures: Pictures | None = None,
        paid_broadcast: bool = False,
    ) -> None:
        self.pictures = pictures  # the card under a timer is a picture whose caption counts
        self.clock: TimerClock = clock or ScaledClock(scale)
        self.edit_every = edit_every
        self.lateness = lateness
        # With paid broadcasts the notices go out in Telegram's paid window (1,000 a second), so a
        # crowd of releases never waits behind the free 30 a second (README: lanes).
        self.paid_broadcast = paid_broadcast
        self.timers: dict[int, Timer] = {}
        self.running: dict[int, asyncio.Task[None]] = {}
        self.notices: dict[int, int] = {}  # chat -> a notice left after the last hold

    def busy(self, chat_id: int) -> bool:
        """A timer is already running in this chat (one that was stopped is only tidying up:
        a new one may start)."""
        task = self.running.get(chat_id)
        timer = self.timers.get(chat_id)
        return task is not None and not task.done() and not (timer and timer.stopped)

    def timer(self, chat_id: int, session_id: int, card_index: int) -> Timer | None:
        """The running timer of that card in this chat, if this process runs it."""
        timer = self.timers.get(chat_id)
        if timer is None or not self.busy(chat_id):
            return None
        if (timer.session_id, timer.card_index) != (session_id, card_index):
            return None
        return timer

    def start(
        self,
        bot: ExtBot[Any],
        timer: Timer,
        then: Callable[[Timer], Awaitable[None]],
    ) -> asyncio.Task[None]:
        """Run the timer's holds on its message, then call `then` (the card's after-hold view)."""
        self.timers[timer.chat_id] = timer
        task = asyncio.create_task(self._run(bot, timer, then))
        self.running[timer.chat_id] = task
        task.add_done_callback(lambda t: self._forget(timer.chat_id, t))
        return task

    def _forget(self, chat_id: int, task: asyncio.Task[None]) -> None:
        if self.running.get(chat_id) is task:
            del self.running[chat_id]
            timer = self.timers.pop(chat_id, None)
            if timer is not None and timer.notice is not None:
                self.notices[chat_id] = timer.notice
        if not task.cancelled() and task.exception() is not None:
            log.error("hold timer failed", exc_info=task.exception())

    def cancel(self, chat_id: int) -> bool:
        """Stop this chat's timer if it runs in this process (what would follow it is not
        sent); False when there is none here."""
        task = self.running.get(chat_id)
        if task is None or task.done():
            return False
        task.cancel()
        return True

    async def stop_all(self) -> None:
        """Cancel every timer (shutdown)."""
        tasks = list(self.running.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    # --- the person's controls -----------------------------------------------------------------

    def control(self, timer: Timer, what: Control) -> bool:
        """Apply a control to a running timer; False when it does not fit the timer's phase."""
        now = self.clock.now()
        if what is Control.PAUSE and timer.phase is Phase.HOLDING:
            timer.left, timer.phase = max(0.0, timer.deadline - now), Phase.PAUSED
        elif what is Control.RESUME and timer.phase is Phase.PAUSED:
            timer.deadline, timer.phase = now + timer.left, Phase.HOLDING
        elif what is Control.MORE and timer.phase is Phase.HOLDING:
            timer.deadline += MORE_SECONDS
        elif what is Control.MORE and timer.phase is Phase.PAUSED:
            timer.left += MORE_SECONDS
        elif what is Control.READY and timer.phase is Phase.RESTING:
            timer.deadline = now
        elif what is Control.STOP and timer.phase is not Phase.OVER:
            timer.stopped = True
        else:
            return False
        timer.wake.set()
        return True

    async def clear_notice(self, bot: ExtBot[Any], chat_id: int) -> None:
        """Delete the notice of a finished hold: the person has moved on."""
        message_id = self.notices.pop(chat_id, None)
        if message_id is not None:
            await _delete(bot, chat_id, message_id)

    # --- the timer -----------------------------------------------------------------------------

    async def _run(
        self, bot: ExtBot[Any], timer: Timer, then: Callable[[Timer], Awaitable[None]]
    ) -> None:
        try:
            await self._run_holds(bot, timer, then)
        finally:
            _replace_showing(timer)  # stopped or cancelled: a start not yet shown never will be

    async def _run_holds(
        self, bot: ExtBot[Any], timer: Timer, then: Callable[[Timer], Awaitable[None]]
    ) -> None:
        await self.clear_notice(bot, timer.chat_id)
        for index in range(len(timer.holds)):
            timer.index = index
            if index > 0 and not await self._rest(bot, timer):
                return
            if not await self._hold(bot, timer):
                return
        timer.phase = Phase.OVER
        timer.notice = await self._notify(bot, timer, texts.release_notice(timer.hold, None))
        await then(timer)

    async def _hold(self, bot: ExtBot[Any], timer: Timer) -> bool:
        """Count one hold down; False when it was stopped (or the chat is gone)."""
        clock, hold = self.clock, timer.hold
        timer.phase, timer.deadline = Phase.HOLDING, clock.now() + hold.seconds
        shown_phase: Phase | None = None
        next_edit = 0.0
        while not timer.stopped:
            # Taken (and cleared) before any edit is awaited: a tap that lands while an edit is
            # on its way keeps `wake` set, so the wait below returns at once and it is shown.
            woken = timer.wake.is_set()
            timer.wake.clear()
            now = clock.now()
            if timer.phase is Phase.PAUSED:
                if shown_phase is not Phase.PAUSED or woken:
                    text = texts.timer_paused(timer.view, hold, math.ceil(timer.left - 1e-6))
                    if not await self._edit(bot, timer, text, keyboards.paused(timer), Lane.REPLY):
                        return False
                    shown_phase = Phase.PAUSED
                await clock.wait(math.inf, timer.wake)
                continue
            left = timer.deadline - now
            if left <= 0:
                break
            changed = woken or shown_phase is not Phase.HOLDING
            # No countdown edit in the last shown second: the release must not queue behind it.
            if (changed or now >= next_edit) and left > 1:
                # A hold's first edit is never dropped, nor one that answers a tap; the ones
                # that only count down may be. The first hold's was announced by the tap's
                # pop-up, so in a crowd it waits behind other people's release notices (unless
                # those are paid sends, which leave the free budget to it).
                lane = Lane.COUNTDOWN
                if shown_phase is None:
                    lane = Lane.RELEASE
                    if timer.index == 0:
                        lane = Lane.REPLY if self.paid_broadcast else Lane.FOLLOW
                elif changed:
                    lane = Lane.REPLY
                # A countdown edit the limiter has no room for is dropped before it is built.
                if lane is Lane.FOLLOW:
                    text = texts.countdown(timer.view, hold, math.ceil(left - 1e-6))
                    self._show_later(bot, timer, text, keyboards.holding(timer))
                elif lane is not Lane.COUNTDOWN or _fits(bot, timer.chat_id):
                    text = texts.countdown(timer.view, hold, math.ceil(left - 1e-6))
                    if not await self._edit(bot, timer, text, keyboards.holding(timer), lane):
                        return False
                shown_phase, next_edit = Phase.HOLDING, now + self.edit_every
            await clock.wait(min(next_edit, timer.deadline) - clock.now(), timer.wake)
        if timer.stopped:
            return False
        if self.lateness is not None:
            self.lateness.observe(max(0.0, clock.now() - timer.deadline))
        return True

    async def _rest(self, bot: ExtBot[Any], timer: Timer) -> bool:
        """Between holds: say so on the card and in a notice; go on at Ready or after the rest."""
        done, following = timer.holds[timer.index - 1], timer.hold
        timer.phase, timer.deadline = Phase.RESTING, self.clock.now() + REST_SECONDS
        # The notice first: it is what makes the phone buzz. The card's Ready can wait behind
        # other people's releases (never dropped, never ahead of a release or behind an offer).
        timer.notice = await self._notify(bot, timer, texts.release_notice(done, following))
        text = texts.resting(timer.view, done, following, REST_SECONDS)
        if not await self._edit(bot, timer, text, keyboards.resting(timer), Lane.FOLLOW):
            return False
        while not timer.stopped and (left := timer.deadline - self.clock.now()) > 0:
            timer.wake.clear()
            await self.clock.wait(left, timer.wake)
        if timer.notice is not None:
            await _delete(bot, timer.chat_id, timer.notice)
            timer.notice = None
        return not timer.stopped

    def _show_later(
        self, bot: ExtBot[Any], timer: Timer, text: str, markup: InlineKeyboardMarkup
    ) -> None:
        """Show the running timer when the follow lane's turn comes, without holding up the
        count: in a crowd the release notices go first, and this hold's own release must not
        wait for its start to be shown."""

        async def show() -> bool:
            if not await self._edit(bot, timer, text, markup, Lane.FOLLOW, replacing=False):
                timer.stopped = True  # the chat is gone
                timer.wake.set()
                return False
            return True

        timer.showing = asyncio.create_task(show())

    async def _notify(self, bot: ExtBot[Any], timer: Timer, text: str) -> int | None:
        """The short new message that makes the phone buzz at the end of a hold."""
        _replace_showing(timer)  # a start still waiting to be shown is over now
        try:
            sent = await bot.send_message(
                timer.chat_id, text, rate_limit_args=Lane.RELEASE,
                allow_paid_broadcast=self.paid_broadcast or None,
            )  # fmt: skip
        except TelegramError as exc:
            log.warning("release notice failed: %s", exc.__class__.__name__)
            return None
        return sent.message_id

    async def _edit(
        self,
        bot: ExtBot[Any],
        timer: Timer,
        text: str,
        markup: InlineKeyboardMarkup,
        lane: Lane,
        *,
        replacing: bool = True,
    ) -> bool:
        """Edit the card; False if the chat is gone and the timer should stop.

        Countdown edits are dropped by the limiter when the budget is tight (the next one shows
        the right number anyway); other lanes are retried after a 429 by the limiter itself. An
        edit replaces a running-timer view still waiting for its turn (it would be stale)."""
        if replacing:
            _replace_showing(timer)
        for _attempt in range(3):
            try:
                await show_card(
                    bot, timer.chat_id, text, markup, timer.message_id, lane=lane,
                    pictures=self.pictures,
                )  # fmt: skip
                return True
            except Dropped:
                return True
            except RetryAfter as exc:  # the limiter gave up retrying: wait once more
                await asyncio.sleep(_seconds(exc.retry_after))
            except BadRequest as exc:
                if "not modified" not in exc.message.lower():
                    log.warning("timer edit refused: %s", exc.message)
                return True
            except Forbidden:
                return False
            except TelegramError as exc:
                log.warning("timer edit failed: %s", exc.__class__.__name__)
                return True
        return True


def _replace_showing(timer: Timer) -> None:
    if timer.showing is not None and not timer.showing.done():
        timer.showing.cancel()
    timer.showing = None


def _fits(bot: ExtBot[Any], chat_id: int) -> bool:
    """Whether the limiter would let a countdown edit go now (counting it as dropped if not)."""
    limiter = bot.rate_limiter
    if not isinstance(limiter, TelegramLimiter) or limiter.countdown_fits(chat_id):
        return True
    limiter.count_drop()
    return False


async def _delete(bot: ExtBot[Any], chat_id: int, message_id: int) -> None:
    try:
        await bot.delete_message(chat_id, message_id)
    except TelegramError as exc:  # already gone, or too old to delete: nothing to tidy
        log.info("notice not deleted: %s", exc.__class__.__name__)


def _seconds(value: object) -> float:
    total = getattr(value, "total_seconds", None)
    return float(total() if callable(total) else value)  # type: ignore[arg-type]
