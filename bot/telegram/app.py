"""The application factory: wires settings, content, database, coach and handlers together.

Handler order matters: updates from groups and channels stop first (group -3); safety screening
runs next (group -1) and can stop an update; then commands, then free text, then everything else.
This is the one place that registers handlers.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from telegram import BotCommand, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.coach import safety as triage
from bot.config import Settings
from bot.content.model import Library
from bot.metrics import Metrics
from bot.schedule.ticker import Ticker
from bot.startup import freeze_heap
from bot.store.db import Database
from bot.telegram import texts
from bot.telegram.callbacks import Action
from bot.telegram.context import SERVICES, Context, Services
from bot.telegram.countdown import Countdowns, TimerClock
from bot.telegram.delivery import TelegramSender
from bot.telegram.handlers import (
    buttons,
    chat,
    errors,
    groups,
    logbook,
    onboarding,
    preferences,
    privacy,
    progress,
    safety,
    session,
    week,
)
from bot.telegram.http import AiohttpRequest
from bot.telegram.limits import PAID_OVERALL, Pace, TelegramLimiter
from bot.telegram.pictures import Pictures
from bot.telegram.updates import PerChatUpdateProcessor
from bot.usecases import Coach
from bot.usecases.pictures import PictureFiles

log = logging.getLogger(__name__)

BotApplication = Application[Any, Context, Any, Any, Any, Any]

# Every text we send is HTML (texts.py escapes what it quotes). python-telegram-bot also sends
# parse_mode to methods that take none (editMessageReplyMarkup); Telegram ignores it there.
DEFAULTS = Defaults(parse_mode=ParseMode.HTML)


def _command_list() -> list[BotCommand]:
    return [BotCommand(name, description) for name, description in texts.COMMANDS]


def build_application(
    settings: Settings,
    library: Library,
    db: Database,
    *,
    clock: Callable[[], datetime] | None = None,
    token: str | None = None,
    webhook: bool = False,
    timer_clock: TimerClock | None = None,
    pace: Pace | None = None,
) -> BotApplication:
    """A ready-to-start Application (nothing touches the network until it is initialised).

    `timer_clock` drives hold timers (tests move it by hand); `pace` gives the outbound limiter
    its clock and sleep (tests run it, and the emulator's limits, on one faster clock)."""
    timeout = settings.request_timeout
    builder = (
        ApplicationBuilder()
        .token(token or settings.token())
        # The fan-out sends up to 100 messages at once: a large pool, and aiohttp (see http.py).
        .request(
            AiohttpRequest(connection_pool_size=256, read_timeout=timeout, write_timeout=timeout)
        )
        .get_updates_request(AiohttpRequest(connection_pool_size=2, keep_alive=False))
        .defaults(DEFAULTS)
    )
    if webhook:  # updates arrive over HTTP (bot/telegram/web.py): no getUpdates poller
        builder = builder.updater(None)
    if settings.telegram_api_url:
        builder = builder.base_url(f"{settings.telegram_api_url}/bot").base_file_url(
            f"{settings.telegram_api_url}/file/bot"
        )
    coach = Coach(
        db,
        library,
        default_zone=settings.default_timezone,
        default_morning=settings.default_morning,
        default_evening=settings.default_evening,
    )

    now = clock or (lambda: datetime.now(UTC))
    metrics = Metrics()
    pictures = Pictures(
        PictureFiles(db, now), settings.data_dir / "pictures", enabled=settings.pictures
    )
    countdowns = Countdowns(
        pictures=pictures,
        clock=timer_clock,
        scale=settings.hold_time_scale,
        edit_every=settings.countdown_edit_seconds,
        lateness=metrics.release_lateness,
        paid_broadcast=settings.paid_broadcast,
    )

    async def tick(context: Context) -> None:
        await context.services.ticker.tick()

    async def warm_up() -> None:
        seconds = await asyncio.to_thread(triage.warm_up, settings.sentence_model_dir)
        freeze_heap()
        log.info("safety pipeline loaded in %.2f s (%s)", seconds, triage.mode())

    async def post_init(app: BotApplication) -> None:
        await app.bot.set_my_commands(_command_list())
        freeze_heap()
        # The safety pipeline takes seconds to load: in a worker thread, after start-up. A
        # message that comes first waits for the same load (in its own thread).
        loading.append(asyncio.create_task(warm_up()))
        if settings.tick_seconds > 0 and app.job_queue is not None:
            app.job_queue.run_repeating(
                tick,
                interval=settings.tick_seconds,
                first=0.2,
                name="scheduler tick",
                # A late tick still runs (it only catches up); ticks never pile up.
                job_kwargs={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
            )

    loading: list[asyncio.Task[None]] = []

    async def post_shutdown(app: BotApplication) -> None:
        for task in loading:  # a thread cannot be cancelled: let the load finish
            await asyncio.gather(task, return_exceptions=True)
        await countdowns.stop_all()
        await db.close()

    processor = PerChatUpdateProcessor(metrics, backlog=settings.chat_backlog)
    application: BotApplication = (
        builder.context_types(ContextTypes(context=Context))
        .concurrent_updates(processor)
        .rate_limiter(
            TelegramLimiter(
                metrics=metrics,
                overall=settings.rate_limit,
                # STRETCHBOT_RATE_LIMIT=0 is no limit at all: not even the paid 1,000 a second.
                paid_overall=PAID_OVERALL if settings.rate_limit > 0 else 0,
                per_chat_burst=settings.chat_burst,
                per_chat_rate=settings.chat_rate,
                clock=(pace or Pace()).clock,
                sleep=(pace or Pace()).sleep,
            )
        )
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    processor.running = lambda: application.running
    processor.on_overflow = lambda chat_id: application.bot.send_message(
        chat_id, texts.CATCHING_UP
    )
    sender = TelegramSender(
        application.bot, now, library, pictures=pictures,
        paid_broadcast=settings.paid_broadcast, summaries=coach.weekly_summary,
    )  # fmt: skip
    ticker = Ticker(
        db, library, sender, now, settings.worker_id, metrics=metrics,
        lease=timedelta(seconds=settings.claim_lease_seconds),
    )  # fmt: skip
    application.bot_data[SERVICES] = Services(
        coach=coach, countdowns=countdowns, clock=now, settings=settings, ticker=ticker,
        metrics=metrics, db=db, pictures=pictures,
    )  # fmt: skip
    register_handlers(application)
    return application


def register_handlers(app: BotApplication) -> None:
    """Every handler, in order. A new command is one function and one line here."""
    messages = filters.UpdateType.MESSAGE
    # Group -3: the coach is personal. Groups and channels get one pointer to a private chat
    # and nothing else; no later handler (not even the answer note below) sees their updates.
    app.add_handler(TypeHandler(Update, groups.private_only()), group=-3)
    written = filters.TEXT | filters.CAPTION
    # Group -2: any message or tap is an answer (slots held back for not nagging resume).
    app.add_handler(TypeHandler(Update, chat.note_answer), group=-2)
    # Group -1: red flags and over-long messages are answered before anything else; every text
    # the person writes is screened, edited messages and captions included.
    app.add_handler(
        MessageHandler(
            (messages | filters.UpdateType.EDITED_MESSAGE) & written, safety.screen_message
        ),
        group=-1,
    )
    commands = {
        "start": onboarding.start,
        "stop": preferences.stop,
        "timezone": preferences.set_timezone,
        "morning": preferences.set_slot_time,
        "evening": preferences.set_slot_time,
        "desk": session.desk_stretch,
        "now": session.routine_now,
        "pain": progress.report_pain,
        "progress": progress.show_progress,
        "days": week.set_days,
        "breaks": week.set_breaks,
        "summary": week.set_summary,
        "pause": preferences.pause,
        "resume": preferences.resume,
        "cleared": safety.cleared,
        "settings": preferences.show_settings,
        "help": onboarding.show_help,
        "undo": logbook.undo,
        "selftest": progress.self_test,
        "export": privacy.export,
        "forget": privacy.forget,
    }
    for name, callback in commands.items():
        app.add_handler(CommandHandler(name, callback, filters=messages))
    # Order matters: commands we don't know, then plain text, then anything else.
    app.add_handler(MessageHandler(messages & filters.COMMAND, chat.unknown_command))
    app.add_handler(MessageHandler(messages & filters.TEXT, chat.free_text))
    app.add_handler(MessageHandler(messages, chat.non_text))
    buttons_by_action = {
        Action.HOLD: session.start_hold,
        Action.SKIP: session.skip_card,
        Action.STEP: session.show_step,
        Action.TIMER: session.timer_button,
        Action.DONE: session.done_button,
        Action.DELIVERY: session.delivery_button,
        Action.PAIN: progress.pain_button,
        Action.SELF_TEST: progress.self_test_button,
        Action.SETTINGS: preferences.settings_button,
        Action.KEEP: preferences.keep_slot,
        Action.SAFETY: onboarding.safety_answer,
        Action.FORGET: privacy.forget_button,
        Action.CLEARED: safety.cleared_button,
        Action.ASK: safety.safety_question_answer,
        Action.KIT: onboarding.kit_button,
        Action.PLACE: onboarding.place_button,
        Action.OWN: logbook.own_session_button,
        Action.EARLY: logbook.finish_early_button,
    }
    app.add_handler(CallbackQueryHandler(buttons.dispatcher(buttons_by_action)))
    # Domain exceptions become texts here; anything else is logged and answered honestly.
    app.add_error_handler(errors.on_error)


@asynccontextmanager
async def running(app: BotApplication, *, poll_timeout: int = 10) -> AsyncIterator[BotApplication]:
    """Start polling; stop cleanly on exit (used by `chat` and the tests).

    The same steps as `Application.run_polling`, lifecycle hooks included, but inside an event loop
    the caller already runs.
    """
    await app.initialize()
    try:
        if app.post_init:
            await app.post_init(app)
        assert app.updater is not None
        await app.updater.start_polling(
            poll_interval=0.0, timeout=poll_timeout, allowed_updates=Update.ALL_TYPES
        )
        await app.start()
        try:
            yield app
        finally:
            if app.updater.running:  # stop taking updates first
                try:
                    await app.updater.stop()
                except TelegramError as error:
                    # A poller that died (a 401 from getUpdates) re-raises its error here; the
                    # rest of the shutdown (database included) must still happen.
                    log.warning("the poller had stopped: %s", type(error).__name__)
            if app.running:
                await app.stop()
            if app.post_stop:
                await app.post_stop(app)
    finally:
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)
