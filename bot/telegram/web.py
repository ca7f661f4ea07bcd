"""The bot's HTTP side: the webhook Telegram posts updates to, /healthz and /metrics; and `serve`,
which runs the bot in polling or webhook mode until SIGTERM and then stops gracefully.

Webhook mode is what several replicas need: any replica may receive any update, so nothing a
handler needs lives only in one process's memory; the database holds subscribers, sessions,
snoozes and the schedule.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import signal
from urllib.parse import urlparse

from aiohttp import web
from sqlalchemy import text
from telegram import Update

from bot.config import Settings
from bot.content.model import Library
from bot.store.db import Database, upgrade_async
from bot.telegram.app import BotApplication, build_application, running
from bot.telegram.context import SERVICES, Services

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
        site = web.TCPSite(self._runner, self.settings.http_host, self.settings.http_port)
        await site.start()
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
        """An update from Telegram: check the secret, queue the update, answer at once."""
        given = request.headers.get(SECRET_HEADER, "").encode()
        if self._secret is None or not hmac.compare_digest(given, self._secret):
            log.warning("webhook request refused: missing or wrong secret token")
            return web.json_response({"ok": False}, status=403)
        if not self.accepting or not self.app.running:
            # Telegram retries non-2xx answers: another replica, or this one later, takes it.
            return web.json_response({"ok": False}, status=503)
        try:
            update = Update.de_json(await request.json(loads=json.loads), self.app.bot)
        except (ValueError, TypeError, KeyError):
            log.warning("webhook request refused: not an update")
            return web.json_response({"ok": False}, status=400)
        if update is None:
            return web.json_response({"ok": False}, status=400)
        await self.app.update_queue.put(update)
        return web.json_response({"ok": True})

    async def health(self, request: web.Request) -> web.Response:
        """200 while the bot runs and its database answers; 503 otherwise."""
        healthy = self.app.running and self.accepting
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


def _stop_event() -> asyncio.Event:
    """Set on SIGTERM or SIGINT."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    return stop


async def serve(settings: Settings, library: Library, stop: asyncio.Event | None = None) -> None:
    """`stretchbot run`: migrate, then poll or take webhooks until told to stop.

    Stopping (SIGTERM): stop taking updates, let handlers and the scheduler's current batch finish,
    end hold timers at their current step, close the database.
    """
    await upgrade_async(settings.db_url)
    stop = stop or _stop_event()
    db = Database.from_settings(settings)
    if settings.webhook_url:
        await _serve_webhook(settings, library, db, stop)
        return
    app = build_application(settings, library, db)
    server = BotHttpServer(app, settings)
    async with running(app):
        await server.start()
        log.info("stretchbot polling (%d cards)", len(library.cards))
        try:
            await stop.wait()
        finally:
            await server.stop()


async def _serve_webhook(
    settings: Settings, library: Library, db: Database, stop: asyncio.Event
) -> None:
    if settings.webhook_secret is None:
        raise SystemExit("STRETCHBOT_WEBHOOK_SECRET is required in webhook mode")
    app = build_application(settings, library, db, webhook=True)
    path = urlparse(str(settings.webhook_url)).path or "/"
    server = BotHttpServer(app, settings, webhook_path=path)
    await app.initialize()
    try:
        if app.post_init:
            await app.post_init(app)
        await server.start()
        await app.bot.set_webhook(
            settings.webhook_url or "",
            secret_token=settings.webhook_secret.get_secret_value(),
            allowed_updates=Update.ALL_TYPES,
        )
        await app.start()
        log.info("stretchbot taking webhooks at %s (%d cards)", path, len(library.cards))
        await stop.wait()
        await server.stop()
        await app.stop()
        if app.post_stop:
            await app.post_stop(app)
    finally:
        await server.stop()
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)
