"""Updates in: what users do (write, send a sticker or photo, press a button, block the bot), and
how the bot receives it (getUpdates long polling, or webhooks posted through a stand-in for the
TLS-terminating load balancer)."""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from typing import Any

from bot.emulator.messages import MessageMethods
from bot.emulator.models import Answer, utf16_len
from bot.emulator.spec import MAX_CALLBACK_DATA_BYTES, ApiError, bad_request

CONFLICT = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is "
    "running"
)
WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete "
    "the webhook first"
)
LONG_POLL_MAX_TIMEOUT = 50
_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])")
# A 1x1 PNG: the bytes behind photos that users send.
_PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


class UpdateMethods(MessageMethods):
    """The user side (`send_text`, `press`, ...), getUpdates and the webhook methods."""

    # --- the user side --------------------------------------------------------------------

    def send_text(self, user_id: int, text: str, *, chat_id: int | None = None) -> int:
        """The user sends `text` (into the group or channel `chat_id`, if given); a leading
        "/cmd" or "/cmd@bot" is a bot_command. Returns the update id."""
        if not text:
            raise ValueError("Telegram clients cannot send an empty message")
        message = self._user_message(user_id, chat_id)
        message["text"] = text
        command = _COMMAND.match(text)
        if command:
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": utf16_len(command.group())}
            ]
        kind = "channel_post" if "sender_chat" in message else "message"
        return self._push(kind, message)

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

    def press(
        self, user_id: int, message_id: int, data: str, *, chat_id: int | None = None
    ) -> str:
        """The user presses a button with `data` under a bot message (in the group `chat_id`, if
        given); returns the query id.

        The data is not checked against the message's buttons, so tests can play a stale or
        forged client; the message must be one the bot sent to this chat and not deleted.
        """
        where = user_id if chat_id is None else chat_id
        chat = self._chats.get(where)
        message = chat.by_id.get(message_id) if chat else None
        if chat is None or message is None or message.deleted:
            raise ValueError(f"the bot has no message {message_id} in chat {where} to press on")
        if not data or len(data.encode()) > MAX_CALLBACK_DATA_BYTES:
            raise ValueError("callback data is 1-64 bytes")
        sender = self._chat_of(user_id)
        sender.blocked = False
        query_id = str(next(self._query_ids))
        self._open_queries.add(query_id)
        query = {
            "id": query_id,
            "from": sender.user,
            "message": self._message_json(chat, message),
            "chat_instance": str(8_000_000_000_000_000_000 + abs(where)),
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

    def _set_webhook(self, params: dict[str, Any]) -> Answer:
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
        return Answer(True, "Webhook is already set" if same else "Webhook was set")

    def _delete_webhook(self, params: dict[str, Any]) -> Answer:
        if params.get("drop_pending_updates"):
            self._updates.clear()
        was_set = self._webhook is not None
        self._webhook = None
        self._pending_webhook.set()  # the deliverer sees the webhook is gone and ends
        return Answer(True, "Webhook was deleted" if was_set else "Webhook is already deleted")

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
