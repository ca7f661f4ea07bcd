"""The emulator's records: what tests look at (messages the bot sent, calls it made) and the
state kept per chat and per file."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["text", "photo", "animation", "document"]


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
    # A keyboard under the text box sent with this message (or its removal), as sent.
    reply_keyboard: dict[str, Any] | None = None
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
    ignored: tuple[str, ...] = ()  # parameters the method does not take (Telegram ignores them)

    @property
    def ok(self) -> bool:
        """Whether the call succeeded."""
        return self.status == 200


@dataclass(slots=True)
class ChatState:
    """One chat: a private chat with its user (`user` is empty for a group or channel), the
    bot's messages in it, and what its users sent."""

    user: dict[str, Any]
    chat: dict[str, Any]
    messages: list[BotMessage] = field(default_factory=list)
    by_id: dict[int, BotMessage] = field(default_factory=dict)
    user_messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    next_id: int = 1
    blocked: bool = False


@dataclass(slots=True)
class StoredFile:
    """A file Telegram keeps: one the bot uploaded or a user sent."""

    file_id: str
    unique_id: str
    kind: str
    path: str
    data: bytes | None
    size: int


@dataclass(slots=True)
class Answer:
    """A result that comes with a description (Telegram's setWebhook / deleteWebhook)."""

    result: Any
    description: str


def form_value(value: Any) -> str:
    """A JSON body value as the Bot API sees it: every parameter is a string."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value)


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's entity offsets."""
    return len(text.encode("utf-16-le")) // 2
