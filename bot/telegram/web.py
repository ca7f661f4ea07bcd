"""The bot's HTTP side: the webhook Telegram posts updates to, /healthz and /metrics; and `serve`,
which runs the bot in polling or webhook mode until SIGTERM and then stops gracefully.

Webhook mode is what several replicas need: any replica may receive any update, so nothing a
handler needs lives only in one process's memory; the database holds subscribers, sessions,
snoozes and the schedule.
"""

from __future__ import annotations

import asyncio
import errno
import hmac
import json
import logging
import signal
from typing import Any
from urllib.parse import urlparse

from aiohttp import web
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from telegram import Bot, Update
from telegram.error import InvalidToken, NetworkError, TelegramError

from bot.config import Settings
from bot.content.model import Library
from bot.startup import CannotRun, StopRequested, reason, with_retries
from bot.store.db import Database, upgrade_async
from bot.telegram.app import BotApplication, build_application, running
from bot.telegram.context import SERVICES, Services
from bot.telegram.http import AiohttpRequest

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_UPDATE_BYTES = 1024 * 1024


class BotHttpServer:
    """aiohttp server for one application: webhook (optional), health and metrics."""

    def __init__(
        self, app: BotApplication, settings: Settings, *, webhook_path: str | None = None
    ) -> None:
        self.app = app
        self.settings = settings
        self.webhook_path = webhook_path
        secret = settings.webhook_secret
        self._secret = secret.get_secret_value().encode() if secret else None
        self._runner: web.AppRunner | None = None
        self.accepting = True
        # False once the poller has died: the process may still be up, but nothing is handled.
        self.taking_updates = True
        self.port = settings.http_port

    @property
    def services(self) -> Services:
        services: Services = self.app.bot_data[SERVICES]
        return services

    async def start(self) -> None:
        """Listen on the configured host and port (port 0: any free port, see `port`)."""
        web_app = web.Application(client_max_size=MAX_UPDATE_BYTES)
        web_app.router.add_get("/healthz", self.health)
        web_app.router.add_get("/metrics", self.metrics)
        if self.webhook_path:
            web_app.router.add_post(self.webhook_path, self.webhook)
        self._runner = web.AppRunner(web_app, access_log=None, handle_signals=False)
        await self._runner.setup()
        host, port = self.settings.http_host, self.settings.http_port
        site = web.TCPSite(self._runner, host, port)
        try:
            await site.start()
        except OSError as error:
            await self.stop()
            if error.errno == errno.EADDRINUSE:
                raise CannotRun(
                    f"port {port} on {host} is already in use: set STRETCHBOT_HTTP_PORT to a "
                    "free port"
                ) from None
            raise CannotRun(
                f"cannot listen on {host}:{port} ({reason(error)}): check STRETCHBOT_HTTP_HOST "
                "and STRETCHBOT_HTTP_PORT"
            ) from None
        addresses = self._runner.addresses  # which port 0 became
        if addresses:
            self.port = int(addresses[0][1])
        log.info("http server on %s:%d", self.settings.http_host, self.port)

    async def stop(self) -> None:
        """Stop listening; requests in progress finish first."""
        self.accepting = False
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def webhook(self, request: web.Request) -> web.Response:
        """An update from Telegram: check the secret, queue the update, answer at once.

        Anything that is not an update (a JSON list, a string, a nested mess, bytes that are not
        UTF-8) is refused with 400 and one log line; the body itself is never logged.
        """
        try:
            # aiohttp decodes header bytes that are not UTF-8 as surrogates: keep them as bytes.
            given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "surrogateescape")
        except UnicodeError:
            given = b""
        if self._secret is None or not hmac.compare_digest(given, self._secret):
            log.warning("webhook request refused: missing or wrong secret token")
            return web.json_response({"ok": False}, status=403)
        if not self.accepting or not self.app.running:
            # Telegram retries non-2xx answers: another replica, or this one later, takes it.
            return web.json_response({"ok": False}, status=503)
        try:
            update = _parse_update(await request.read(), self.app.bot)
        except Exception as error:  # whatever the body was, it is not an update: refuse it
            log.warning("webhook request refused: not an update (%s)", type(error).__name__)
            return web.json_response({"ok": False}, status=400)
        await self.app.update_queue.put(update)
        return web.json_response({"ok": True})

    async def health(self, request: web.Request) -> web.Response:
        """200 while the bot runs, takes updates, and its database answers; 503 otherwise."""
        healthy = self.app.running and self.accepting and self.taking_updates
        if healthy:
            try:
                async with asyncio.timeout(2):
                    async with self.services.db.session() as s:
                        await s.execute(text("SELECT 1"))
            except Exception:  # any failure means "not healthy", never a crash
                healthy = False
        status = 200 if healthy else 503
        return web.json_response({"status": "ok" if healthy else "unavailable"}, status=status)

    async def metrics(self, request: web.Request) -> web.Response:
        """Prometheus text format."""
        return web.Response(
            body=self.services.metrics.render(), content_type="text/plain", charset="utf-8"
        )


def _parse_update(body: bytes, bot: Bot) -> Update:
    """The update in a webhook body; any error means the body is not one."""
    data = json.loads(body.decode("utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
        raise TypeError("not a JSON object with an update_id")
    update = Update.de_json(data, bot)
    if update is None:
        raise TypeError("empty update")
    return update


def _stop_event() -> asyncio.Event:
    """Set on SIGTERM or SIGINT."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    return stop


def _rejected(error: InvalidToken) -> CannotRun:
    return CannotRun(
        f"Telegram rejected the bot token ({error.message}): check TELEGRAM_BOT_TOKEN"
    )


async def _reach_telegram(settings: Settings, stop: asyncio.Event) -> None:
    """One getMe, retried while Telegram is unreachable; a rejected token ends start-up.

    A request of its own, closed whatever happens: a failed `Application.initialize` would
    leave the application's connection pools open ("Unclosed client session" at exit).
    """
    root = settings.telegram_api_url or "https://api.telegram.org"
    url = f"{root}/bot{settings.token()}/getMe"

    async def get_me() -> None:
        request = AiohttpRequest(connection_pool_size=1, read_timeout=settings.request_timeout)
        await request.initialize()
        try:
            await request.post(url)
        finally:
            await request.shutdown()

    try:
        await with_retries(
            "Telegram", get_me, retry_on=(NetworkError,), seconds=settings.startup_retry_seconds,
            hint="check the network, TELEGRAM_API_URL, or wait longer with "
            "STRETCHBOT_STARTUP_RETRY_SECONDS", stop=stop,
        )  # fmt: skip
    except InvalidToken as error:
        raise _rejected(error) from None


async def _migrate(settings: Settings, stop: asyncio.Event) -> None:
    """Migrations, retried while the database is unreachable."""
    await with_retries(
        "the database", lambda: upgrade_async(settings.db_url),
        retry_on=(OSError, TimeoutError, DBAPIError), seconds=settings.startup_retry_seconds,
        hint="check DATABASE_URL, or wait longer with STRETCHBOT_STARTUP_RETRY_SECONDS",
        stop=stop,
    )  # fmt: skip


def _polling_task() -> asyncio.Task[Any] | None:
    """python-telegram-bot's polling loop (its task has a fixed name): watched, because a 401 or
    404 from getUpdates ends it for good while everything else keeps running."""
    for task in asyncio.all_tasks():
        if task.get_name() == "Updater:start_polling:polling_task":
            return task
    return None


async def _until_stopped(stop: asyncio.Event, poller: asyncio.Task[Any] | None) -> None:
    """Wait for SIGTERM; if the poller dies first, `CannotRun` saying why."""
    stopping = asyncio.create_task(stop.wait())
    watched: set[asyncio.Future[Any]] = {stopping} | ({poller} if poller else set())
    try:
        await asyncio.wait(watched, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopping.cancel()
    if poller is None or not poller.done() or stop.is_set():
        return
    error = None if poller.cancelled() else poller.exception()
    if isinstance(error, InvalidToken):
        raise _rejected(error)
    what = type(error).__name__ if error else "it ended"
    raise CannotRun(f"polling Telegram for updates stopped ({what}); exiting so it restarts")


async def serve(settings: Settings, library: Library, stop: asyncio.Event | None = None) -> None:
    """`stretchbot run`: migrate, then poll or take webhooks until told to stop.

    Start-up retries an unreachable database or Telegram for `startup_retry_seconds`; what
    cannot work (a rejected token, a port in use) ends it at once with `CannotRun`, as does a
    poller that dies later. Stopping (SIGTERM): stop taking updates, let handlers and the
    scheduler's current batch finish, end hold timers at their current step, close the database.
    """
    if settings.webhook_url and settings.webhook_secret is None:
        raise CannotRun("STRETCHBOT_WEBHOOK_SECRET is required in webhook mode")
    stop = stop or _stop_event()
    try:
        await _migrate(settings, stop)
    except StopRequested:
        return
    db = Database.from_settings(settings)
    try:
        if settings.webhook_url:
            await _serve_webhook(settings, library, db, stop)
        else:
            await _serve_polling(settings, library, db, stop)
    except StopRequested:
        log.info("stopped before start-up finished")
    finally:
        await db.close()  # also closed by the application's shutdown; closing twice is harmless


async def _serve_polling(
    settings: Settings, library: Library, db: Database, stop: asyncio.Event
) -> None:
    app = build_application(settings, library, db)
    server = BotHttpServer(app, settings)
    await server.start()
    try:
        await _reach_telegram(settings, stop)
        async with running(app):
            log.info("stretchbot polling (%d cards)", len(library.cards))
            try:
                await _until_stopped(stop, _polling_task())
            except CannotRun:
                server.taking_updates = False  # /healthz says so until the process is gone
                raise
    finally:
        await server.stop()


async def _serve_webhook(
    settings: Settings, library: Library, db: Database, stop: asyncio.Event
) -> None:
    assert settings.webhook_secret is not None  # checked by `serve`
    app = build_application(settings, library, db, webhook=True)
    path = urlparse(str(settings.webhook_url)).path or "/"
    server = BotHttpServer(app, settings, webhook_path=path)
    await server.start()
    try:
        await _reach_telegram(settings, stop)
    except BaseException:
        await server.stop()
        raise
    await app.initialize()
    try:
        if app.post_init:
            await app.post_init(app)
        try:
            await app.bot.set_webhook(
                settings.webhook_url or "",
                secret_token=settings.webhook_secret.get_secret_value(),
                allowed_updates=Update.ALL_TYPES,
            )
        except InvalidToken as error:
            raise _rejected(error) from None
        except TelegramError as error:
            raise CannotRun(
                f"Telegram refused the webhook ({error.message}): check STRETCHBOT_WEBHOOK_URL"
            ) from None
        await app.start()
        log.info("stretchbot taking webhooks at %s (%d cards)", path, len(library.cards))
        await stop.wait()
        await server.stop()
        await app.stop()
        if app.post_stop:
            await app.post_stop(app)
    finally:
        await server.stop()
        if app.running:
            await app.stop()
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)
