"""The Bot API emulator: an aiohttp server that answers the bot like Telegram, and the phone side.

The bot under test is the real python-telegram-bot `Application`, talking HTTP over loopback to
`/bot<token>/<method>` here. Every request is checked against the Bot API spec (see `spec.py`);
what Telegram would refuse is refused with Telegram's status code and wording. Tests play the
users: `send_text`, `send_sticker`, `send_photo` and `press` queue updates that the bot's
`getUpdates` long poll receives, and `chat`, `calls`, `wait_for_message` and `wait_for_call` show
what the bot did. `inject_fault`, `inject_delay`, `block` and `enforce_rate_limits` make Telegram
misbehave on purpose.

State is plain dicts and lists indexed by chat and message id, so a request costs a few dict
lookups: the emulator is also the Telegram of the load benchmark. All methods must be called on the
event loop's thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import math
import re
import struct
import time
import urllib.parse
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Literal

from aiohttp import web

from bot.telegram.emulator.spec import (
    MAX_CALLBACK_ANSWER,
    MAX_CALLBACK_DATA_BYTES,
    MAX_CAPTION,
    MAX_TEXT,
    NOT_MODIFIED,
    QUERY_TOO_OLD,
    ApiError,
    FormattedText,
    MethodSpec,
    UploadedFile,
    bad_request,
    format_text,
    load_spec,
)

log = logging.getLogger(__name__)

Kind = Literal["text", "photo", "document"]

BLOCKED = "Forbidden: bot was blocked by the user"
CONFLICT = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is "
    "running"
)
WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete "
    "the webhook first"
)
LONG_POLL_MAX_TIMEOUT = 50
# Update types Telegram leaves out unless asked for by name.
_OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_CHAT_ACTIONS = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
        "upload_document", "choose_sticker", "find_location", "record_video_note",
        "upload_video_note", "cancel", "record_audio", "upload_audio", "pick_up_location",
    }
)  # fmt: skip
_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])")
_TOKEN = re.compile(r"\d+:[A-Za-z0-9_-]+\Z")
_BOT_COMMAND = re.compile(r"[a-z0-9_]{1,32}\Z")
MAX_DOWNLOAD = 20 * 1024 * 1024  # getFile refuses bigger files
MAX_UPLOAD = 50 * 1024 * 1024
# A 1x1 PNG: the bytes behind photos that users send.
_PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


# --- what tests look at -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Button:
    """One inline keyboard button as the user sees it."""

    text: str
    callback_data: str | None = None
    url: str | None = None


@dataclass(slots=True)
class BotMessage:
    """A message the bot sent, in its current state (after edits; `deleted` if deleted).

    `text` is the text or caption as the bot sent it (with its HTML, if any) and `plain_text` what
    the user sees. `edits` is the history of texts, the first one included: `edits[-1] == text`.
    """

    message_id: int
    chat_id: int
    kind: Kind
    text: str | None
    parse_mode: str | None
    date: int
    plain_text: str = ""
    entities: tuple[dict[str, Any], ...] = ()
    buttons: list[list[Button]] = field(default_factory=list)
    reply_markup: dict[str, Any] | None = None
    edits: list[str] = field(default_factory=list)
    edit_date: int | None = None
    deleted: bool = False
    revision: int = 0  # the emulator's `revision` when this message last changed
    file_name: str | None = None
    file_bytes: bytes | None = None
    mime_type: str | None = None
    file_id: str | None = None
    media: Any = field(default=None, repr=False)  # the photo sizes / document JSON


@dataclass(slots=True)
class ApiCall:
    """One request the bot made: decoded parameters, and what the emulator answered."""

    method: str
    params: dict[str, Any]
    status: int
    response: dict[str, Any]
    time: float  # time.monotonic() when it arrived

    @property
    def ok(self) -> bool:
        """Whether the call succeeded."""
        return self.status == 200


# --- internal state -----------------------------------------------------------------------


class _Bucket:
    """A token bucket: `burst` requests at once, then `rate` a second."""

    __slots__ = ("burst", "rate", "stamp", "tokens")

    def __init__(self, rate: float, burst: float) -> None:
        self.rate = rate
        self.burst = burst
        self.tokens = burst
        self.stamp = time.monotonic()

    def wait(self, now: float) -> float:
        """Seconds until one request may pass (0 if it may pass now)."""
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate


@dataclass(slots=True)
class _Chat:
    user: dict[str, Any]
    chat: dict[str, Any]
    messages: list[BotMessage] = field(default_factory=list)
    by_id: dict[int, BotMessage] = field(default_factory=dict)
    user_messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    next_id: int = 1
    blocked: bool = False
    bucket: _Bucket = field(default_factory=lambda: _Bucket(rate=1.0, burst=3.0))


@dataclass(slots=True)
class _Fault:
    error: ApiError
    chat_id: int | None
    times: int


@dataclass(slots=True)
class _Delay:
    seconds: float
    times: int


@dataclass(slots=True)
class _StoredFile:
    file_id: str
    unique_id: str
    kind: str
    path: str
    data: bytes | None
    size: int


@dataclass(slots=True)
class _Answer:
    """A result that comes with a description (Telegram's setWebhook / deleteWebhook)."""

    result: Any
    description: str


def _form_value(value: Any) -> str:
    """A JSON body value as the Bot API sees it: every parameter is a string."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG, JPEG, GIF or WebP image; None if it is not one of them."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return int(width), int(height)
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP" and len(data) >= 30:
        chunk = data[12:16]
        if chunk == b"VP8X":
            width = int.from_bytes(data[24:27], "little") + 1
            height = int.from_bytes(data[27:30], "little") + 1
            return width, height
        if chunk == b"VP8 ":
            width, height = struct.unpack("<HH", data[26:30])
            return int(width) & 0x3FFF, int(height) & 0x3FFF
        if chunk == b"VP8L":
            bits = int.from_bytes(data[21:25], "little")
            return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return int(width), int(height)
        i += 2 + int(length)
    return None


class BotApiEmulator:
    """A Telegram Bot API server for one bot, in this process, on an ephemeral loopback port.

    Use as `async with BotApiEmulator(token) as emu:` and point the bot at `emu.base_url`
    (`ApplicationBuilder().base_url(...)`) or `emu.api_root`.
    """

    def __init__(
        self,
        token: str,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        bot_username: str = "stretchbot_bot",
        bot_name: str = "Stretchbot",
        enforce_rate_limits: bool = False,
        record_calls: bool = True,
        clock: Callable[[], float] = time.time,
        webhook_via: str | None = None,
    ) -> None:
        """`webhook_via` (e.g. "http://127.0.0.1:8080") plays the TLS-terminating load balancer:
        once the bot sets an https:// webhook, updates are POSTed to that address with the
        webhook URL's path and the secret-token header, as Telegram would, and retried until the
        bot answers 2xx."""
        if not _TOKEN.match(token):
            raise ValueError("a bot token looks like 123456:ABC-def_ghi")
        self.token = token
        self.host = host
        self.port = port
        self.enforce_rate_limits = enforce_rate_limits
        self.record_calls = record_calls
        self._clock = clock
        self.webhook_via = webhook_via
        self._deliverer: asyncio.Task[None] | None = None
        self._pending_webhook = asyncio.Event()
        self.webhook_deliveries = 0
        self.webhook_refusals = 0
        self._spec = load_spec()
        self._revision = 0
        self.bot_user: dict[str, Any] = {
            "id": int(token.split(":", 1)[0]),
            "is_bot": True,
            "first_name": bot_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        # Messages show the bot as a plain user; getMe's capability flags are not repeated.
        self._bot_from = {
            key: self.bot_user[key] for key in ("id", "is_bot", "first_name", "username")
        }
        # What the bot did.
        self.calls: list[ApiCall] = []
        self._calls_by_method: dict[str, list[ApiCall]] = {}
        self.answered_callbacks: dict[str, dict[str, Any]] = {}
        self.commands: list[dict[str, Any]] = []
        self._commands_by_scope: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.too_many_requests = 0
        # Users, chats and updates.
        self._chats: dict[int, _Chat] = {}
        self._updates: deque[tuple[int, dict[str, Any]]] = deque()
        self._update_ids = itertools.count(700_000_001)
        self._query_ids = itertools.count(4_000_000_000_000_001)
        self._open_queries: set[str] = set()
        self._allowed_updates: frozenset[str] | None = None
        self._poll: asyncio.Future[str] | None = None
        self._webhook: dict[str, Any] | None = None
        self._files: dict[str, _StoredFile] = {}
        self._file_paths: dict[str, _StoredFile] = {}
        self._file_ids = itertools.count(1)
        # Misbehaviour on demand.
        self._faults: dict[str, list[_Fault]] = {}
        self._delays: dict[str, list[_Delay]] = {}
        self._global_bucket = _Bucket(rate=30.0, burst=30.0)
        # Waiting tests are woken on every change; nobody pays for this when nobody waits.
        self._changed = asyncio.Event()
        self._watchers = 0
        self._runner: web.AppRunner | None = None
        self._stopping = asyncio.Event()
        self._handlers: dict[str, Callable[[dict[str, Any]], Any]] = {
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
            "sendDocument": lambda p: self._send_media(p, "document"),
            "sendChatAction": self._send_chat_action,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
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

    async def __aenter__(self) -> BotApiEmulator:
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

    # --- the user side --------------------------------------------------------------------

    def add_user(
        self, user_id: int, first_name: str = "Ada", language_code: str | None = "en"
    ) -> None:
        """Make a user known (their private chat has the same id); updates name and language."""
        if user_id <= 0:
            raise ValueError("user ids are positive")
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if language_code:
            user["language_code"] = language_code
        chat = {"id": user_id, "type": "private", "first_name": first_name}
        existing = self._chats.get(user_id)
        if existing is None:
            self._chats[user_id] = _Chat(user=user, chat=chat)
        else:
            existing.user, existing.chat = user, chat

    def send_text(self, user_id: int, text: str) -> int:
        """The user sends `text`; a leading "/cmd" or "/cmd@bot" is a bot_command. Update id."""
        if not text:
            raise ValueError("Telegram clients cannot send an empty message")
        message = self._user_message(user_id)
        message["text"] = text
        command = _COMMAND.match(text)
        if command:
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": _utf16_len(command.group())}
            ]
        return self._push("message", message)

    def send_sticker(self, user_id: int, emoji: str = "👍") -> int:
        """The user sends a sticker; returns the update id."""
        message = self._user_message(user_id)
        stored = self._store_file("sticker", _PIXEL, "webp")
        message["sticker"] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "file_size": stored.size,
        }
        return self._push("message", message)

    def send_photo(self, user_id: int, caption: str | None = None) -> int:
        """The user sends a photo (with an optional caption); returns the update id."""
        message = self._user_message(user_id)
        stored = self._store_file("photo", _PIXEL, "jpg")
        message["photo"] = [
            {
                "file_id": stored.file_id,
                "file_unique_id": stored.unique_id,
                "width": 1,
                "height": 1,
                "file_size": stored.size,
            }
        ]
        if caption:
            message["caption"] = caption
        return self._push("message", message)

    def press(self, user_id: int, message_id: int, data: str) -> str:
        """The user presses a button with `data` under a bot message; returns the query id.

        The data is not checked against the message's buttons, so tests can play a stale or
        forged client; the message must be one the bot sent to this chat and not deleted.
        """
        chat = self._chats.get(user_id)
        message = chat.by_id.get(message_id) if chat else None
        if chat is None or message is None or message.deleted:
            raise ValueError(f"the bot has no message {message_id} in chat {user_id} to press on")
        if not data or len(data.encode()) > MAX_CALLBACK_DATA_BYTES:
            raise ValueError("callback data is 1-64 bytes")
        chat.blocked = False
        query_id = str(next(self._query_ids))
        self._open_queries.add(query_id)
        query = {
            "id": query_id,
            "from": chat.user,
            "message": self._message_json(chat, message),
            "chat_instance": str(8_000_000_000_000_000_000 + user_id),
            "data": data,
        }
        self._push("callback_query", query)
        return query_id

    def block(self, user_id: int) -> None:
        """The user blocks the bot: every call into their chat answers 403 until they write."""
        self._chat_of(user_id).blocked = True

    def unblock(self, user_id: int) -> None:
        """The user unblocks the bot (writing to it does this too)."""
        self._chat_of(user_id).blocked = False

    # --- what the bot did -----------------------------------------------------------------

    def chat(self, chat_id: int) -> list[BotMessage]:
        """The bot's messages in a chat, oldest first (deleted ones stay, flagged)."""
        chat = self._chats.get(chat_id)
        return list(chat.messages) if chat else []

    def calls_of(self, method: str) -> list[ApiCall]:
        """Recorded calls of one method (canonical name, e.g. "sendMessage")."""
        return list(self._calls_by_method.get(method, ()))

    @property
    def pending_updates(self) -> int:
        """Updates queued and not yet confirmed by the bot."""
        return len(self._updates)

    @property
    def revision(self) -> int:
        """A counter that grows whenever the bot sends, edits or deletes a message.

        Take it before acting as the user and pass it as `changed_after` to wait for a reply
        that may be an edit of an earlier message (a pressed button often edits its message).
        """
        return self._revision

    async def wait_for_message(
        self,
        chat_id: int,
        *,
        after: int | None = None,
        changed_after: int | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 - a deadline on state, not on one await
        predicate: Callable[[BotMessage], bool] | None = None,
    ) -> BotMessage:
        """The first bot message in the chat at index >= `after` that matches `predicate`.

        Messages are matched in their current state. With `changed_after` (a `revision`), a
        message also qualifies if it was sent, edited or deleted since that revision; then
        `after` only adds messages by index (by default it adds none).
        """
        first = after if after is not None else (0 if changed_after is None else None)

        def find() -> BotMessage | None:
            chat = self._chats.get(chat_id)
            if chat is None:
                return None
            if changed_after is None:
                candidates = chat.messages[first or 0 :]
            else:
                candidates = [
                    m
                    for index, m in enumerate(chat.messages)
                    if (first is not None and index >= first) or m.revision > changed_after
                ]
            for message in candidates:
                if predicate is None or predicate(message):
                    return message
            return None

        found = await self._wait(find, timeout)
        if found is None:
            texts = [m.text for m in self.chat(chat_id)[first or 0 :]]
            raise TimeoutError(
                f"no matching bot message in chat {chat_id} from index {first or 0} within "
                f"{timeout}s; the bot sent: {texts[-10:]!r}"
            )
        return found

    async def wait_for_call(
        self,
        method: str,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 - a deadline on state, not on one await
        predicate: Callable[[ApiCall], bool] | None = None,
    ) -> ApiCall:
        """The first recorded call of `method` (refused ones included) matching `predicate`."""
        if not self.record_calls:
            raise RuntimeError("wait_for_call needs record_calls=True")

        def find() -> ApiCall | None:
            for call in self._calls_by_method.get(method, ()):
                if predicate is None or predicate(call):
                    return call
            return None

        found = await self._wait(find, timeout)
        if found is None:
            seen = [c.params for c in self._calls_by_method.get(method, [])][-5:]
            raise TimeoutError(f"no matching {method} call within {timeout}s; saw {seen!r}")
        return found

    def commands_for(
        self, scope: dict[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, Any]]:
        """Commands set for a scope and language (default scope, all languages by default)."""
        return list(self._commands_by_scope.get(self._scope_key(scope, language_code), []))

    # --- faults ---------------------------------------------------------------------------

    def inject_fault(
        self,
        method: str,
        *,
        error_code: int,
        description: str,
        retry_after: int | None = None,
        chat_id: int | None = None,
        times: int = 1,
    ) -> None:
        """The next `times` calls of `method` (into `chat_id`, if given) fail like this.

        The call is checked against the spec first (a malformed call is refused as usual) and
        has no effect. E.g. 429 "Too Many Requests: retry after 3" with retry_after=3, 403
        "Forbidden: bot was blocked by the user", 400 "Bad Request: chat not found",
        502 "Bad Gateway".
        """
        spec = self._method_spec(method)
        if error_code == 429 and retry_after is None:
            raise ValueError("Telegram always sends retry_after with a 429")
        error = ApiError(error_code, description, retry_after=retry_after)
        self._faults.setdefault(spec.name, []).append(_Fault(error, chat_id, times))

    def inject_delay(self, method: str, seconds: float, *, times: int = 1) -> None:
        """The next `times` calls of `method` are answered `seconds` late.

        The call takes effect at once, as on Telegram, where a message may well have been
        delivered although the client timed out waiting for the answer: a sendMessage the bot
        gave up on is still in `chat()`.
        """
        spec = self._method_spec(method)
        self._delays.setdefault(spec.name, []).append(_Delay(seconds, times))

    # --- HTTP -----------------------------------------------------------------------------

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
        try:
            raw = await self._read(request)
            params = raw  # what the call is recorded with if decoding refuses it
            params = self._spec.decode(spec, raw)
            fault = self._take_fault(name, params)
            if fault is not None:
                raise fault
            if name == "getUpdates":
                result: Any = await self._get_updates(params)
            else:
                handler = self._handlers.get(name)
                result = handler(params) if handler else self._unimplemented(spec, params)
            if isinstance(result, _Answer):
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
            self._record(ApiCall(name, params, status, body, received))
        delay = self._take_delay(name)
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
            raw.update({key: _form_value(value) for key, value in body.items()})
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

    # --- plumbing -------------------------------------------------------------------------

    def _method_spec(self, method: str) -> MethodSpec:
        spec = self._spec.method(method)
        if spec is None:
            raise ValueError(f"{method} is not a Bot API method")
        return spec

    def _record(self, call: ApiCall) -> None:
        self.calls.append(call)
        self._calls_by_method.setdefault(call.method, []).append(call)
        self._notify()

    def _take_fault(self, method: str, params: dict[str, Any]) -> ApiError | None:
        faults = self._faults.get(method)
        if not faults:
            return None
        for fault in faults:
            if fault.chat_id is None or fault.chat_id == params.get("chat_id"):
                fault.times -= 1
                if fault.times <= 0:
                    faults.remove(fault)
                return fault.error
        return None

    def _take_delay(self, method: str) -> float:
        delays = self._delays.get(method)
        if not delays:
            return 0.0
        delay = delays[0]
        delay.times -= 1
        if delay.times <= 0:
            delays.pop(0)
        return delay.seconds

    def _touch(self, message: BotMessage) -> None:
        self._revision += 1
        message.revision = self._revision
        self._notify()

    def _notify(self) -> None:
        if self._watchers:
            self._changed.set()
            self._changed = asyncio.Event()

    async def _wait(self, find: Callable[[], Any], seconds: float) -> Any:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while (found := find()) is None:
            remaining = deadline - loop.time()
            if remaining <= 0:
                return None
            changed = self._changed
            self._watchers += 1
            try:
                await asyncio.wait_for(changed.wait(), remaining)
            except TimeoutError:
                pass
            finally:
                self._watchers -= 1
        return found

    def _now(self) -> int:
        return int(self._clock())

    def _chat_of(self, user_id: int) -> _Chat:
        chat = self._chats.get(user_id)
        if chat is None:
            self.add_user(user_id)
            chat = self._chats[user_id]
        return chat

    def _user_message(self, user_id: int) -> dict[str, Any]:
        chat = self._chat_of(user_id)
        chat.blocked = False  # writing to a bot unblocks it
        message_id = chat.next_id
        chat.next_id += 1
        message = {
            "message_id": message_id,
            "from": chat.user,
            "chat": chat.chat,
            "date": self._now(),
        }
        chat.user_messages[message_id] = message
        return message

    def _push(self, kind: str, payload: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        allowed = self._allowed_updates
        # Like Telegram, the filter applies when the update is created.
        if (allowed is None and kind in _OPT_IN_UPDATES) or (
            allowed is not None and kind not in allowed
        ):
            return update_id
        self._updates.append((update_id, {"update_id": update_id, kind: payload}))
        self._wake_poller("wake")
        self._pending_webhook.set()
        return update_id

    async def _deliver_webhooks(self) -> None:
        """Post queued updates to the bot's webhook in order, retrying until it takes each."""
        import aiohttp  # only the webhook mode needs a client

        async with aiohttp.ClientSession() as client:
            while self._webhook is not None:
                if not self._updates:
                    self._pending_webhook.clear()
                    await self._pending_webhook.wait()
                    continue
                hook = self._webhook
                update_id, update = self._updates[0]
                path = "/" + hook["url"].split("://", 1)[1].partition("/")[2]
                headers = {"Content-Type": "application/json"}
                if hook.get("secret_token"):
                    headers["X-Telegram-Bot-Api-Secret-Token"] = hook["secret_token"]
                try:
                    async with client.post(
                        f"{self.webhook_via}{path}", data=json.dumps(update), headers=headers,
                        timeout=aiohttp.ClientTimeout(total=10),
                    ) as response:  # fmt: skip
                        ok = 200 <= response.status < 300
                except (aiohttp.ClientError, TimeoutError):
                    ok = False
                if ok:
                    self.webhook_deliveries += 1
                    if self._updates and self._updates[0][0] == update_id:
                        self._updates.popleft()
                else:
                    self.webhook_refusals += 1
                    await asyncio.sleep(0.2)

    def _wake_poller(self, reason: str) -> None:
        if self._poll is not None and not self._poll.done():
            self._poll.set_result(reason)

    def _target(self, params: dict[str, Any]) -> _Chat:
        """The chat a call writes into: it must exist and not have blocked the bot."""
        chat_id = params.get("chat_id")
        chat = self._chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None:
            raise bad_request("chat not found")
        if chat.blocked:
            raise ApiError(403, BLOCKED)
        return chat

    def _admit(self, chat: _Chat) -> None:
        """Telegram's flood limits: ~30 messages a second overall, ~1 a second into a chat."""
        if not self.enforce_rate_limits:
            return
        now = time.monotonic()
        wait = max(self._global_bucket.wait(now), chat.bucket.wait(now))
        if wait > 0:
            self.too_many_requests += 1
            seconds = max(1, math.ceil(wait))
            raise ApiError(429, f"Too Many Requests: retry after {seconds}", retry_after=seconds)
        self._global_bucket.tokens -= 1
        chat.bucket.tokens -= 1

    def _unimplemented(self, spec: MethodSpec, params: dict[str, Any]) -> Any:
        if not spec.returns_true:
            raise ApiError(501, f"Not Implemented: the emulator does not implement {spec.name}")
        if "chat_id" in params:
            self._target(params)
        return True

    # --- getUpdates and webhooks ----------------------------------------------------------

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self._webhook is not None:
            raise ApiError(409, WEBHOOK_CONFLICT)
        offset = params.get("offset", 0)
        limit = min(max(params.get("limit", 100), 1), 100)
        timeout = min(max(params.get("timeout", 0), 0), LONG_POLL_MAX_TIMEOUT)
        if "allowed_updates" in params:
            self._allowed_updates = frozenset(params["allowed_updates"]) or None
        updates = self._updates
        if offset < 0:
            # Negative: keep only the last -offset updates; all earlier ones are forgotten.
            while len(updates) > -offset:
                updates.popleft()
        else:
            while updates and updates[0][0] < offset:
                updates.popleft()
        if updates or timeout == 0 or self._stopping.is_set():
            return self._first(limit)
        # Like Telegram, a newer long poll ends the one already waiting with a conflict.
        self._wake_poller("conflict")
        poll: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self._poll = poll
        try:
            reason = await asyncio.wait_for(poll, timeout)
        except TimeoutError:
            reason = "timeout"
        finally:
            if self._poll is poll:
                self._poll = None
        if reason == "conflict":
            raise ApiError(409, CONFLICT)
        if reason == "webhook":
            raise ApiError(409, "Conflict: terminated by setWebhook request")
        return self._first(limit)

    def _first(self, limit: int) -> list[dict[str, Any]]:
        return [update for _, update in itertools.islice(self._updates, limit)]

    def _set_webhook(self, params: dict[str, Any]) -> _Answer:
        url = params.get("url", "")
        if not url:
            return self._delete_webhook(params)
        if not url.lower().startswith("https://"):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        if params.get("drop_pending_updates"):
            self._updates.clear()
        if "allowed_updates" in params:
            self._allowed_updates = frozenset(params["allowed_updates"]) or None
        same = self._webhook is not None and self._webhook.get("url") == url
        self._webhook = dict(params)
        self._wake_poller("webhook")
        if self.webhook_via and (self._deliverer is None or self._deliverer.done()):
            self._deliverer = asyncio.get_running_loop().create_task(self._deliver_webhooks())
        return _Answer(True, "Webhook is already set" if same else "Webhook was set")

    def _delete_webhook(self, params: dict[str, Any]) -> _Answer:
        if params.get("drop_pending_updates"):
            self._updates.clear()
        was_set = self._webhook is not None
        self._webhook = None
        self._pending_webhook.set()  # the deliverer sees the webhook is gone and ends
        return _Answer(True, "Webhook was deleted" if was_set else "Webhook is already deleted")

    def _get_webhook_info(self, params: dict[str, Any]) -> dict[str, Any]:
        info: dict[str, Any] = {
            "url": "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if self._webhook is not None:
            info["url"] = self._webhook["url"]
            info["max_connections"] = self._webhook.get("max_connections", 40)
            if self._allowed_updates is not None:
                info["allowed_updates"] = sorted(self._allowed_updates)
        return info

    # --- commands -------------------------------------------------------------------------

    @staticmethod
    def _scope_key(scope: dict[str, Any] | None, language_code: str) -> tuple[str, str]:
        scope = scope or {"type": "default"}
        return json.dumps(scope, sort_keys=True), language_code

    def _set_my_commands(self, params: dict[str, Any]) -> bool:
        commands: list[dict[str, Any]] = params["commands"]
        if len(commands) > 100:
            raise bad_request("BOT_COMMANDS_TOO_MUCH")
        cleaned = []
        for command in commands:
            name = str(command["command"]).strip().removeprefix("/")
            description = str(command["description"]).strip()
            if not name:
                raise bad_request("command must be non-empty")
            if len(name) > 32:
                raise bad_request("command length must not exceed 32")
            if not _BOT_COMMAND.match(name):
                raise bad_request("BOT_COMMAND_INVALID")
            if not description:
                raise bad_request("command description must be non-empty")
            if len(description) > 256:
                raise bad_request("command description length must not exceed 256")
            cleaned.append({"command": name, "description": description})
        key = self._scope_key(params.get("scope"), params.get("language_code", ""))
        self._commands_by_scope[key] = cleaned
        self.commands = cleaned
        return True

    def _get_my_commands(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        key = self._scope_key(params.get("scope"), params.get("language_code", ""))
        return self._commands_by_scope.get(key, [])

    def _delete_my_commands(self, params: dict[str, Any]) -> bool:
        key = self._scope_key(params.get("scope"), params.get("language_code", ""))
        if self._commands_by_scope.pop(key, None) is self.commands:
            self.commands = []
        return True

    # --- messages -------------------------------------------------------------------------

    def _send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        # As the Bot API does: the text is checked before the chat.
        formatted = self._formatted(params, "text", limit=MAX_TEXT, what="message")
        chat = self._target(params)
        reply_to = self._reply_to(chat, params)
        self._admit(chat)
        message = self._new_message(chat, "text", params["text"], params, formatted)
        return self._message_json(chat, message, reply_to)

    def _send_media(self, params: dict[str, Any], kind: Kind) -> dict[str, Any]:
        caption = params.get("caption")
        formatted = (
            self._formatted(params, "caption", limit=MAX_CAPTION, what="caption")
            if caption
            else FormattedText("")
        )
        chat = self._target(params)
        reply_to = self._reply_to(chat, params)
        stored, upload = self._media_file(params[kind], kind)
        self._admit(chat)
        message = self._new_message(chat, kind, caption, params, formatted)
        message.file_id = stored.file_id
        if upload is not None:
            message.file_bytes = upload.data
            message.file_name = upload.filename
            message.mime_type = upload.content_type
        if kind == "photo":
            message.media = self._photo_sizes(stored)
        else:
            document: dict[str, Any] = {
                "file_id": stored.file_id,
                "file_unique_id": stored.unique_id,
                "file_size": stored.size,
            }
            if message.file_name:
                document["file_name"] = message.file_name
            if message.mime_type:
                document["mime_type"] = message.mime_type
            message.media = document
        return self._message_json(chat, message, reply_to)

    def _media_file(
        self, source: str | UploadedFile, kind: Kind
    ) -> tuple[_StoredFile, UploadedFile | None]:
        """The stored file a sendPhoto/sendDocument refers to, uploading it if it is new."""
        if isinstance(source, UploadedFile):
            if not source.data:
                raise bad_request("file must be non-empty")
            if kind == "photo":
                size = _image_size(source.data)
                if size is None:
                    raise bad_request("IMAGE_PROCESS_FAILED")
                width, height = size
                if width + height > 10000 or max(width, height) > 20 * min(width, height):
                    raise bad_request("PHOTO_INVALID_DIMENSIONS")
            extension = (source.filename or "").rpartition(".")[2] or "bin"
            return self._store_file(kind, source.data, extension), source
        stored = self._files.get(source)
        if stored is not None:
            if stored.kind != kind:
                raise bad_request("type of file mismatch")
            return stored, None
        if source.startswith(("http://", "https://")):
            # Telegram would fetch the URL; the emulator records it without content.
            return self._store_file(kind, None, "bin"), None
        raise bad_request("wrong file identifier/HTTP URL specified")

    def _store_file(self, kind: str, data: bytes | None, extension: str) -> _StoredFile:
        number = next(self._file_ids)
        stored = _StoredFile(
            file_id=f"EMU{kind.upper()}{number:08d}",
            unique_id=f"U{number:08d}",
            kind=kind,
            path=f"{kind}s/file_{number}.{extension}",
            data=data,
            size=len(data or b""),
        )
        self._files[stored.file_id] = stored
        self._file_paths[stored.path] = stored
        return stored

    def _photo_sizes(self, stored: _StoredFile) -> list[dict[str, Any]]:
        size = _image_size(stored.data) if stored.data else None
        width, height = size or (1280, 720)
        sizes = []
        for limit in (90, 320, 800, 1280):
            scale = min(1.0, limit / max(width, height))
            sizes.append(
                {
                    "file_id": f"{stored.file_id}_{limit}",
                    "file_unique_id": f"{stored.unique_id}_{limit}",
                    "width": max(1, round(width * scale)),
                    "height": max(1, round(height * scale)),
                }
            )
            if scale == 1.0:
                break
        sizes[-1]["file_id"] = stored.file_id
        sizes[-1]["file_unique_id"] = stored.unique_id
        sizes[-1]["file_size"] = stored.size
        return sizes

    def _formatted(
        self, params: dict[str, Any], key: str, *, limit: int, what: str
    ) -> FormattedText:
        formatted = format_text(params[key], params.get("parse_mode"), limit=limit, what=what)
        explicit = params.get("entities" if key == "text" else "caption_entities")
        if explicit and not params.get("parse_mode"):
            formatted = FormattedText(formatted.text, tuple(explicit))
        return formatted

    def _reply_to(self, chat: _Chat, params: dict[str, Any]) -> dict[str, Any] | None:
        reply = params.get("reply_parameters")
        if not reply:
            return None
        message_id = int(reply["message_id"])
        if "chat_id" in reply and reply["chat_id"] != chat.chat["id"]:
            return None  # a reply into another chat: not emulated, nothing to check
        bot_message = chat.by_id.get(message_id)
        if bot_message is not None and not bot_message.deleted:
            return self._message_json(chat, bot_message)
        user_message = chat.user_messages.get(message_id)
        if user_message is not None:
            return user_message
        if reply.get("allow_sending_without_reply"):
            return None
        raise bad_request("message to be replied not found")

    def _new_message(
        self,
        chat: _Chat,
        kind: Kind,
        text: str | None,
        params: dict[str, Any],
        formatted: FormattedText,
    ) -> BotMessage:
        message_id = chat.next_id
        chat.next_id += 1
        markup = self._inline_markup(params.get("reply_markup"))
        message = BotMessage(
            message_id=message_id,
            chat_id=chat.chat["id"],
            kind=kind,
            text=text,
            parse_mode=params.get("parse_mode"),
            date=self._now(),
            plain_text=formatted.text,
            entities=formatted.entities,
            buttons=self._buttons(markup),
            reply_markup=markup,
            edits=[text] if text is not None else [],
        )
        chat.messages.append(message)
        chat.by_id[message_id] = message
        self._touch(message)
        return message

    @staticmethod
    def _inline_markup(markup: dict[str, Any] | None) -> dict[str, Any] | None:
        """The inline keyboard a message shows, or None (empty rows are dropped, as Telegram)."""
        if not markup or "inline_keyboard" not in markup:
            return None
        rows = [row for row in markup["inline_keyboard"] if row]
        return {"inline_keyboard": rows} if rows else None

    @staticmethod
    def _buttons(markup: dict[str, Any] | None) -> list[list[Button]]:
        if markup is None:
            return []
        return [
            [Button(b["text"], b.get("callback_data"), b.get("url")) for b in row]
            for row in markup["inline_keyboard"]
        ]

    def _message_json(
        self, chat: _Chat, message: BotMessage, reply_to: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        body: dict[str, Any] = {
            "message_id": message.message_id,
            "from": self._bot_from,
            "chat": chat.chat,
            "date": message.date,
        }
        if message.edit_date is not None:
            body["edit_date"] = message.edit_date
        if reply_to is not None:
            body["reply_to_message"] = reply_to
        if message.kind == "text":
            body["text"] = message.plain_text
            if message.entities:
                body["entities"] = list(message.entities)
        else:
            body[message.kind] = message.media
            if message.plain_text:
                body["caption"] = message.plain_text
                if message.entities:
                    body["caption_entities"] = list(message.entities)
        if message.reply_markup is not None:
            body["reply_markup"] = message.reply_markup
        return body

    def _message_to_edit(self, chat: _Chat, params: dict[str, Any]) -> BotMessage:
        message = chat.by_id.get(params.get("message_id", 0))
        if message is None or message.deleted:
            if params.get("message_id") in chat.user_messages:
                raise bad_request("message can't be edited")
            raise bad_request("message to edit not found")
        return message

    def _edit_target(self, params: dict[str, Any]) -> _Chat:
        if "inline_message_id" in params:
            raise bad_request("MESSAGE_ID_INVALID")  # the emulator sends no inline messages
        if "chat_id" not in params and "message_id" not in params:
            raise bad_request("message identifier is not specified")
        return self._target(params)

    def _edit_message_text(self, params: dict[str, Any]) -> dict[str, Any]:
        formatted = self._formatted(params, "text", limit=MAX_TEXT, what="message")
        chat = self._edit_target(params)
        message = self._message_to_edit(chat, params)
        if message.kind != "text":
            raise bad_request("there is no text in the message to edit")
        # Without reply_markup the edited message loses its keyboard, as on Telegram.
        markup = self._inline_markup(params.get("reply_markup"))
        if (
            formatted.text == message.plain_text
            and formatted.entities == message.entities
            and markup == message.reply_markup
        ):
            raise ApiError(400, NOT_MODIFIED)
        message.text = params["text"]
        message.parse_mode = params.get("parse_mode")
        message.plain_text = formatted.text
        message.entities = formatted.entities
        message.reply_markup = markup
        message.buttons = self._buttons(markup)
        message.edits.append(params["text"])
        message.edit_date = self._now()
        self._touch(message)
        return self._message_json(chat, message)

    def _edit_message_reply_markup(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._edit_target(params)
        message = self._message_to_edit(chat, params)
        markup = self._inline_markup(params.get("reply_markup"))
        if markup == message.reply_markup:
            raise ApiError(400, NOT_MODIFIED)
        message.reply_markup = markup
        message.buttons = self._buttons(markup)
        message.edit_date = self._now()
        self._touch(message)
        return self._message_json(chat, message)

    def _delete_message(self, params: dict[str, Any]) -> bool:
        chat = self._target(params)
        message_id = params["message_id"]
        message = chat.by_id.get(message_id)
        if message is not None and not message.deleted:
            message.deleted = True
            self._touch(message)
            return True
        if chat.user_messages.pop(message_id, None) is not None:
            return True
        raise bad_request("message to delete not found")

    def _send_chat_action(self, params: dict[str, Any]) -> bool:
        if params["action"] not in _CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        self._target(params)
        return True

    def _answer_callback_query(self, params: dict[str, Any]) -> bool:
        query_id = params["callback_query_id"]
        if query_id not in self._open_queries:
            raise ApiError(400, QUERY_TOO_OLD)
        if len(params.get("text", "")) > MAX_CALLBACK_ANSWER:
            raise bad_request("MESSAGE_TOO_LONG")
        self._open_queries.discard(query_id)
        self.answered_callbacks[query_id] = params
        return True

    def _get_file(self, params: dict[str, Any]) -> dict[str, Any]:
        stored = self._files.get(params["file_id"])
        if stored is None:
            raise bad_request("invalid file_id")
        if stored.size > MAX_DOWNLOAD:
            raise bad_request("file is too big")
        result: dict[str, Any] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.unique_id,
            "file_size": stored.size,
        }
        if stored.data is not None:
            result["file_path"] = stored.path
        return result
