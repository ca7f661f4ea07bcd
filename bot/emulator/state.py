"""The emulator's state, and how tests read it.

One bot's view of Telegram: users and their private chats (and groups and channels, where this
bot only points people to a private chat), the bot's messages in them (current state and edit
history), the updates waiting for the bot, stored files, and every call the bot made. Plain
dicts and lists indexed by chat and message id, so a request costs a few dict lookups: the
emulator is also the Telegram of the load benchmark. All methods must be called on the event
loop's thread.

The emulator is built in layers, each a class in its own module that adds one concern to the one
below: this state, the Bot API's message methods (`messages.py`), updates in (`updates.py`), HTTP
(`server.py`), and the facade tests use (`emulator.py`). Rate limits (`limits.py`) and faults
(`faults.py`) are separate objects: the message methods ask the limiter, the HTTP layer the faults.
"""

from __future__ import annotations

import asyncio
import itertools
import re
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from bot.emulator.faults import Faults
from bot.emulator.limits import LimiterMode, RateLimiter
from bot.emulator.models import ApiCall, BotMessage, ChatState, StoredFile
from bot.emulator.spec import ApiError, MethodSpec, bad_request, load_spec

BLOCKED = "Forbidden: bot was blocked by the user"
# Update types Telegram leaves out unless asked for by name.
_OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
GROUP_KINDS = frozenset({"group", "supergroup", "channel"})
_TOKEN = re.compile(r"\d+:[A-Za-z0-9_-]+\Z")


class EmulatorState:
    """Everything the emulator knows, and the waiting and recording every layer shares."""

    def __init__(
        self,
        token: str,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        bot_username: str = "stretchbot_bot",
        bot_name: str = "Stretchbot",
        limiter: RateLimiter | LimiterMode | str = LimiterMode.OFF,
        record_calls: bool = True,
        clock: Callable[[], float] = time.time,
        webhook_via: str | None = None,
    ) -> None:
        """`webhook_via` (e.g. "http://127.0.0.1:8080") plays the TLS-terminating load balancer:
        once the bot sets an https:// webhook, updates are POSTed to that address with the
        webhook URL's path and the secret-token header, as Telegram would, and retried until the
        bot answers 2xx.

        `limiter` is `LimiterMode.ENFORCE` to answer 429 like Telegram's flood limits, or a
        `RateLimiter` of your own (with an injected clock, say); off by default."""
        if not _TOKEN.match(token):
            raise ValueError("a bot token looks like 123456:ABC-def_ghi")
        self.token = token
        self.host = host
        self.port = port
        self.limiter = (
            limiter if isinstance(limiter, RateLimiter) else RateLimiter(LimiterMode(limiter))
        )
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
        # Users, chats and updates.
        self._chats: dict[int, ChatState] = {}
        self._updates: deque[tuple[int, dict[str, Any]]] = deque()
        self._update_ids = itertools.count(700_000_001)
        self._query_ids = itertools.count(4_000_000_000_000_001)
        self._open_queries: set[str] = set()
        self._allowed_updates: frozenset[str] | None = None
        self._poll: asyncio.Future[str] | None = None
        self._webhook: dict[str, Any] | None = None
        self._files: dict[str, StoredFile] = {}
        self._file_paths: dict[str, StoredFile] = {}
        self._file_ids = itertools.count(1)
        self.uploads: list[StoredFile] = []  # files the bot uploaded (not sent by file_id)
        # Misbehaviour on demand.
        self.faults = Faults()
        # Waiting tests are woken on every change; nobody pays for this when nobody waits.
        self._changed = asyncio.Event()
        self._watchers = 0
        # Called with every message as it is sent, edited or deleted (benchmarks time arrivals).
        self.observers: list[Callable[[BotMessage], None]] = []
        self._stopping = asyncio.Event()

    @property
    def too_many_requests(self) -> int:
        """How many 429s the rate limiter has answered."""
        return len(self.limiter.refusals)

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
            self._chats[user_id] = ChatState(user=user, chat=chat)
        else:
            existing.user, existing.chat = user, chat

    def add_group(self, chat_id: int, title: str = "Stretch club", kind: str = "group") -> None:
        """Make a group, supergroup or channel known (their ids are negative, as on Telegram);
        users write into it with `send_text(user_id, text, chat_id=...)`."""
        if kind not in GROUP_KINDS:
            raise ValueError(f"a chat with members is one of {sorted(GROUP_KINDS)}")
        if chat_id >= 0:
            raise ValueError("group and channel ids are negative")
        self._chats[chat_id] = ChatState(
            user={}, chat={"id": chat_id, "type": kind, "title": title}
        )

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

    def _touch(self, message: BotMessage) -> None:
        self._revision += 1
        message.revision = self._revision
        for observe in self.observers:
            observe(message)
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

    def _chat_of(self, user_id: int) -> ChatState:
        chat = self._chats.get(user_id)
        if chat is None:
            self.add_user(user_id)
            chat = self._chats[user_id]
        return chat

    def _user_message(self, user_id: int, chat_id: int | None = None) -> dict[str, Any]:
        """A new message by `user_id` in their private chat, or in the group `chat_id`."""
        sender = self._chat_of(user_id)
        chat = self._group(chat_id) if chat_id is not None else sender
        sender.blocked = False  # writing to a bot unblocks it
        message_id = chat.next_id
        chat.next_id += 1
        message: dict[str, Any] = {
            "message_id": message_id,
            "chat": chat.chat,
            "date": self._now(),
        }
        if chat.chat["type"] == "channel":  # posts in a channel are signed by the channel
            message["sender_chat"] = chat.chat
        else:
            message["from"] = sender.user
        chat.user_messages[message_id] = message
        return message

    def _group(self, chat_id: int) -> ChatState:
        chat = self._chats.get(chat_id)
        if chat is None or chat.chat["type"] not in GROUP_KINDS:
            raise ValueError(f"no group {chat_id}: add_group first")
        return chat

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

    def _wake_poller(self, reason: str) -> None:
        if self._poll is not None and not self._poll.done():
            self._poll.set_result(reason)

    def _target(self, params: dict[str, Any]) -> ChatState:
        """The chat a call writes into: it must exist and not have blocked the bot."""
        chat_id = params.get("chat_id")
        chat = self._chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None:
            raise bad_request("chat not found")
        if chat.blocked:
            raise ApiError(403, BLOCKED)
        return chat

    def _store_file(self, kind: str, data: bytes | None, extension: str) -> StoredFile:
        number = next(self._file_ids)
        stored = StoredFile(
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
