"""The emulator's HTTP face: an aiohttp server that answers `/bot<token>/<method>` like Telegram,
serves downloads, and offers `/_emulator/...` control endpoints for an emulator in its own process.

Every request is checked against the Bot API spec (`spec.py`) before a method runs; what Telegram
would refuse is refused with Telegram's status code and wording, and every call is recorded.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import time
import urllib.parse
from collections.abc import Callable
from functools import cached_property
from types import TracebackType
from typing import Any, Self

from aiohttp import web

from bot.emulator.models import Answer, ApiCall, form_value
from bot.emulator.spec import ApiError, MethodSpec, UploadedFile, bad_request
from bot.emulator.state import _TOKEN
from bot.emulator.updates import UpdateMethods

log = logging.getLogger(__name__)

MAX_UPLOAD = 50 * 1024 * 1024


class HttpServer(UpdateMethods):
    """Serves the Bot API methods over HTTP on host:port."""

    _runner: web.AppRunner | None = None

    @cached_property
    def _handlers(self) -> dict[str, Callable[[dict[str, Any]], Any]]:
        """The implemented methods by canonical name (getUpdates is awaited separately)."""
        return {
            "getMe": lambda _: self.bot_user,
            "logOut": lambda _: True,
            "close": lambda _: True,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "sendMessage": self._send_message,
            "sendPhoto": lambda p: self._send_media(p, "photo"),
            "sendAnimation": lambda p: self._send_media(p, "animation"),
            "sendDocument": lambda p: self._send_media(p, "document"),
            "sendChatAction": self._send_chat_action,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "editMessageCaption": self._edit_message_caption,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "getFile": self._get_file,
        }

    # --- lifecycle ------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on host:port (port 0: any free one)."""
        if self._runner is not None:
            raise RuntimeError("the emulator is already running")
        self._stopping = asyncio.Event()
        app = web.Application(client_max_size=MAX_UPLOAD + 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        app.router.add_post("/_emulator/{action}", self._control)
        app.router.add_get("/_emulator/chat/{chat_id}", self._control_chat)
        app.router.add_get("/_emulator/stats", self._control_stats)
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=2.0)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        self._runner = runner
        self.port = int(runner.addresses[0][1])

    async def stop(self) -> None:
        """Answer a waiting long poll, then close the server."""
        if self._runner is None:
            return
        self._stopping.set()
        self._wake_poller("stop")
        if self._deliverer is not None:
            self._deliverer.cancel()
            await asyncio.gather(self._deliverer, return_exceptions=True)
            self._deliverer = None
        runner, self._runner = self._runner, None
        await runner.cleanup()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def api_root(self) -> str:
        """`http://host:port`: methods live at `<api_root>/bot<token>/<method>`."""
        if self._runner is None:
            raise RuntimeError("start the emulator first")
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """`http://host:port/bot`, for `ApplicationBuilder().base_url(...)`."""
        return f"{self.api_root}/bot"

    # --- requests -------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        received = time.monotonic()
        token = request.match_info["token"]
        if token != self.token:
            # Telegram: 404 for what is not a token at all, 401 for a wrong one.
            if not _TOKEN.match(token):
                return self._json(
                    404, {"ok": False, "error_code": 404, "description": "Not Found"}
                )
            return self._json(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        spec = self._spec.method(request.match_info["method"])
        if spec is None:
            body = {"ok": False, "error_code": 404, "description": "Not Found"}
            if self.record_calls:
                # Recorded under the name the bot used, so a typo shows up in `calls`.
                self._record(ApiCall(request.match_info["method"], {}, 404, body, received))
            return self._json(404, body)
        name = spec.name
        params: dict[str, Any] = {}
        ignored: list[str] = []
        try:
            raw = await self._read(request)
            params = raw  # what the call is recorded with if decoding refuses it
            # Parts named inside a JSON field (editMessageMedia's attach://<part>).
            parts = {k: v for k, v in raw.items() if isinstance(v, UploadedFile)}
            params = self._spec.decode(spec, raw, ignored)
            fault = self.faults.take_fault(name, params)
            if fault is not None:
                raise fault
            if name == "getUpdates":
                result: Any = await self._get_updates(params)
            elif name == "editMessageMedia":
                result = self._edit_message_media(params, parts)
            else:
                handler = self._handlers.get(name)
                result = handler(params) if handler else self._unimplemented(spec, params)
            if isinstance(result, Answer):
                body = {"ok": True, "result": result.result, "description": result.description}
            else:
                body = {"ok": True, "result": result}
            status = 200
        except ApiError as exc:
            status, body = exc.code, exc.payload()
        except Exception as exc:
            # A bug in the emulator must fail the test, not look like a Telegram refusal.
            log.exception("emulator failed on %s", name)
            status = 500
            body = {
                "ok": False,
                "error_code": 500,
                "description": f"Internal Server Error: emulator bug: {exc!r}",
            }
        if self.record_calls:
            self._record(ApiCall(name, params, status, body, received, tuple(ignored)))
        delay = self.faults.take_delay(name)
        if delay:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), delay)
        return self._json(status, body)

    @staticmethod
    def _json(status: int, body: dict[str, Any]) -> web.Response:
        return web.Response(
            status=status,
            body=json.dumps(body, ensure_ascii=False).encode(),
            content_type="application/json",
        )

    async def _read(self, request: web.Request) -> dict[str, str | UploadedFile]:
        """Parameters from the query string and a JSON, urlencoded or multipart body."""
        raw: dict[str, str | UploadedFile] = dict(request.query)
        if not request.body_exists:
            return raw
        if request.content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise bad_request("can't parse JSON body") from None
            if not isinstance(body, dict):
                raise bad_request("JSON body must be an object")
            raw.update({key: form_value(value) for key, value in body.items()})
            return raw
        if request.content_type == "application/x-www-form-urlencoded":
            # The common case (every call without a file); parse_qsl is cheaper than post().
            body_text = (await request.read()).decode("utf-8", "replace")
            raw.update(urllib.parse.parse_qsl(body_text, keep_blank_values=True))
            return raw
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, web.FileField):
                try:
                    data = value.file.read()
                finally:
                    value.file.close()
                raw[key] = UploadedFile(value.filename, value.content_type, data)
            elif isinstance(value, str):
                raw[key] = value
            else:
                raw[key] = bytes(value).decode("utf-8", "replace")
        # Files referenced as attach://<part> become the value of the field that names them.
        for key, named in list(raw.items()):
            if isinstance(named, str) and named.startswith("attach://"):
                part = raw.get(named[len("attach://") :])
                if isinstance(part, UploadedFile):
                    raw[key] = part
                    del raw[named[len("attach://") :]]
        return raw

    async def _download(self, request: web.Request) -> web.StreamResponse:
        stored = self._file_paths.get(request.match_info["path"])
        if request.match_info["token"] != self.token or stored is None or stored.data is None:
            return self._json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        return web.Response(body=stored.data, content_type="application/octet-stream")

    async def _control(self, request: web.Request) -> web.Response:
        """Play a user over HTTP, for an emulator running in its own process (see __main__)."""
        try:
            body = await request.json()
            action = request.match_info["action"]
            if action == "add_user":
                self.add_user(int(body["user_id"]), body.get("first_name", "Ada"))
                return self._json(200, {"ok": True})
            if action == "add_users":  # benchmarks: users first .. first + count - 1
                first, count = int(body["first"]), int(body["count"])
                for user_id in range(first, first + count):
                    self.add_user(user_id, f"User {user_id}")
                return self._json(200, {"ok": True})
            if action == "send_text":
                update_id = self.send_text(int(body["user_id"]), str(body["text"]))
                return self._json(200, {"ok": True, "update_id": update_id})
            if action == "press":
                query_id = self.press(
                    int(body["user_id"]), int(body["message_id"]), str(body["data"])
                )
                return self._json(200, {"ok": True, "callback_query_id": query_id})
        except (ValueError, KeyError, TypeError) as exc:
            return self._json(400, {"ok": False, "description": str(exc)})
        return self._json(404, {"ok": False, "description": "unknown action"})

    async def _control_stats(self, request: web.Request) -> web.Response:
        """Totals for benchmarks: messages the bot sent, and 429s handed out."""
        per_chat: dict[int, int] = {}
        for chat in self._chats.values():
            per_chat[len(chat.messages)] = per_chat.get(len(chat.messages), 0) + 1
        return self._json(
            200,
            {
                "ok": True,
                "messages": sum(n * chats for n, chats in per_chat.items()),
                "chats_by_message_count": {str(n): chats for n, chats in sorted(per_chat.items())},
                "too_many_requests": self.too_many_requests,
                "uploads": len(self.uploads),
                # Different contents among them: equal to `uploads` when nothing went up twice.
                "distinct_uploads": len(
                    {hashlib.sha256(f.data or b"").digest() for f in self.uploads}
                ),
            },
        )

    async def _control_chat(self, request: web.Request) -> web.Response:
        try:
            chat_id = int(request.match_info["chat_id"])
        except ValueError:
            return self._json(400, {"ok": False, "description": "chat id is an integer"})
        messages = [
            {
                "message_id": m.message_id,
                "kind": m.kind,
                "text": m.text,
                "buttons": [[[b.text, b.callback_data] for b in row] for row in m.buttons],
                "deleted": m.deleted,
                "file_name": m.file_name,
            }
            for m in self.chat(chat_id)
        ]
        return self._json(200, {"ok": True, "messages": messages})

    def _unimplemented(self, spec: MethodSpec, params: dict[str, Any]) -> Any:
        if not spec.returns_true:
            raise ApiError(501, f"Not Implemented: the emulator does not implement {spec.name}")
        if "chat_id" in params:
            self._target(params)
        return True
