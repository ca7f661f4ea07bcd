"""The Bot API's methods that write into chats: messages, media, edits, deletes, button answers,
files and the command menu, with Telegram's checks and wording.

Each method takes the decoded parameters (see `spec.py`) and returns the `result` Telegram would
send, or raises `ApiError`. Sends and edits pass the rate limiter (`limits.py`) after every other
check, so a refused call costs no budget.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bot.emulator.formatting import FormattedText, format_text
from bot.emulator.media import image_size, photo_sizes
from bot.emulator.models import BotMessage, Button, ChatState, Kind, StoredFile
from bot.emulator.spec import (
    MAX_CALLBACK_ANSWER,
    MAX_CAPTION,
    MAX_TEXT,
    NOT_MODIFIED,
    QUERY_TOO_OLD,
    ApiError,
    UploadedFile,
    bad_request,
)
from bot.emulator.state import EmulatorState

MAX_DOWNLOAD = 20 * 1024 * 1024  # getFile refuses bigger files
_BOT_COMMAND = re.compile(r"[a-z0-9_]{1,32}\Z")
_SEND_METHOD = {"photo": "sendPhoto", "animation": "sendAnimation", "document": "sendDocument"}
_CHAT_ACTIONS = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
        "upload_document", "choose_sticker", "find_location", "record_video_note",
        "upload_video_note", "cancel", "record_audio", "upload_audio", "pick_up_location",
    }
)  # fmt: skip


class MessageMethods(EmulatorState):
    """sendMessage, sendPhoto, sendAnimation, sendDocument, edits (text, caption, media),
    deleteMessage, answerCallbackQuery, getFile, sendChatAction and the *MyCommands methods."""

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
        self._admit(chat, "sendMessage", params)
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
        self._admit(chat, _SEND_METHOD[kind], params)
        message = self._new_message(chat, kind, caption, params, formatted)
        self._attach(message, stored, upload, kind)
        return self._message_json(chat, message, reply_to)

    def _attach(
        self, message: BotMessage, stored: StoredFile, upload: UploadedFile | None, kind: Kind
    ) -> None:
        """Put a stored file on a message, as the photo sizes / animation / document JSON."""
        message.kind = kind
        message.file_id = stored.file_id
        message.file_bytes = stored.data  # sent by file id too: the chat shows the picture
        if upload is not None:
            self.uploads.append(stored)  # counted once admitted: a refused send uploads nothing
            message.file_name = upload.filename
            message.mime_type = upload.content_type
        if kind == "photo":
            message.media = photo_sizes(stored)
            return
        media: dict[str, Any] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.unique_id,
            "file_size": stored.size,
        }
        if kind == "animation":
            width, height = (image_size(stored.data) if stored.data else None) or (320, 240)
            media.update(width=width, height=height, duration=0)
        if message.file_name:
            media["file_name"] = message.file_name
        if message.mime_type:
            media["mime_type"] = message.mime_type
        message.media = media

    def _media_file(
        self, source: str | UploadedFile, kind: Kind
    ) -> tuple[StoredFile, UploadedFile | None]:
        """The stored file a sendPhoto/sendDocument refers to, uploading it if it is new."""
        if isinstance(source, UploadedFile):
            if not source.data:
                raise bad_request("file must be non-empty")
            if kind == "photo":
                size = image_size(source.data)
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

    def _formatted(
        self, params: dict[str, Any], key: str, *, limit: int, what: str
    ) -> FormattedText:
        formatted = format_text(params[key], params.get("parse_mode"), limit=limit, what=what)
        explicit = params.get("entities" if key == "text" else "caption_entities")
        if explicit and not params.get("parse_mode"):
            formatted = FormattedText(formatted.text, tuple(explicit))
        return formatted

    def _reply_to(self, chat: ChatState, params: dict[str, Any]) -> dict[str, Any] | None:
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
        chat: ChatState,
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
            reply_keyboard=_reply_keyboard(params.get("reply_markup")),
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
        self, chat: ChatState, message: BotMessage, reply_to: dict[str, Any] | None = None
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

    def _message_to_edit(self, chat: ChatState, params: dict[str, Any]) -> BotMessage:
        message = chat.by_id.get(params.get("message_id", 0))
        if message is None or message.deleted:
            if params.get("message_id") in chat.user_messages:
                raise bad_request("message can't be edited")
            raise bad_request("message to edit not found")
        return message

    def _edit_target(self, params: dict[str, Any]) -> ChatState:
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
        self._admit_edit(chat, message, "editMessageText", params, formatted, markup)
        message.text = params["text"]
        message.parse_mode = params.get("parse_mode")
        message.plain_text = formatted.text
        message.entities = formatted.entities
        message.edits.append(params["text"])
        return self._edited(chat, message, markup)

    def _edit_message_reply_markup(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._edit_target(params)
        message = self._message_to_edit(chat, params)
        markup = self._inline_markup(params.get("reply_markup"))
        self._admit_edit(chat, message, "editMessageReplyMarkup", params, None, markup)
        return self._edited(chat, message, markup)

    def _edit_message_caption(self, params: dict[str, Any]) -> dict[str, Any]:
        caption = params.get("caption")
        formatted = (
            self._formatted(params, "caption", limit=MAX_CAPTION, what="caption")
            if caption
            else FormattedText("")
        )
        chat = self._edit_target(params)
        message = self._message_to_edit(chat, params)
        if message.kind == "text":
            raise bad_request("there is no caption in the message to edit")
        markup = self._inline_markup(params.get("reply_markup"))
        self._admit_edit(chat, message, "editMessageCaption", params, formatted, markup)
        self._set_caption(message, caption, params.get("parse_mode"), formatted)
        return self._edited(chat, message, markup)

    def _admit_edit(
        self,
        chat: ChatState,
        message: BotMessage,
        method: str,
        params: dict[str, Any],
        formatted: FormattedText | None,
        markup: dict[str, Any] | None,
    ) -> None:
        """Refuse an edit that changes nothing, as Telegram does; else count it in the limits."""
        same_text = formatted is None or (
            formatted.text == message.plain_text and formatted.entities == message.entities
        )
        if same_text and markup == message.reply_markup:
            raise ApiError(400, NOT_MODIFIED)
        self._admit(chat, method, params)

    def _edited(
        self, chat: ChatState, message: BotMessage, markup: dict[str, Any] | None
    ) -> dict[str, Any]:
        """Give the edited message its keyboard and date, and answer with it."""
        message.reply_markup = markup
        message.buttons = self._buttons(markup)
        message.edit_date = self._now()
        self._touch(message)
        return self._message_json(chat, message)

    def _edit_message_media(
        self, params: dict[str, Any], parts: dict[str, UploadedFile]
    ) -> dict[str, Any]:
        """Swap a media message's file; the caption becomes the new media's (or none)."""
        media: dict[str, Any] = params["media"]
        kind = media.get("type")
        if kind not in _SEND_METHOD:
            raise bad_request(f"media type {kind} is not supported by the emulator")
        caption = media.get("caption")
        formatted = (
            self._formatted(media, "caption", limit=MAX_CAPTION, what="caption")
            if caption
            else FormattedText("")
        )
        chat = self._edit_target(params)
        message = self._message_to_edit(chat, params)
        if message.kind == "text":
            raise bad_request("there is no media in the message to edit")
        source: str | UploadedFile = str(media.get("media", ""))
        if isinstance(source, str) and source.startswith("attach://"):
            part = parts.get(source.removeprefix("attach://"))
            if part is None:
                raise bad_request("can't find attached file")
            source = part
        stored, upload = self._media_file(source, kind)
        markup = self._inline_markup(params.get("reply_markup"))
        if (
            stored.file_id == message.file_id
            and formatted.text == message.plain_text
            and markup == message.reply_markup
        ):
            raise ApiError(400, NOT_MODIFIED)
        self._admit(chat, "editMessageMedia", params)
        self._attach(message, stored, upload, kind)
        self._set_caption(message, caption, media.get("parse_mode"), formatted)
        message.reply_markup = markup
        message.buttons = self._buttons(markup)
        message.edit_date = self._now()
        self._touch(message)
        return self._message_json(chat, message)

    @staticmethod
    def _set_caption(
        message: BotMessage, caption: str | None, parse_mode: str | None, formatted: FormattedText
    ) -> None:
        message.text = caption or ""
        message.parse_mode = parse_mode
        message.plain_text = formatted.text
        message.entities = formatted.entities
        message.edits.append(caption or "")

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

    def _admit(self, chat: ChatState, method: str, params: dict[str, Any]) -> None:
        """Telegram's flood limits (see `limits.py`); raises the 429 when over them."""
        paid = bool(params.get("allow_paid_broadcast"))
        self.limiter.admit(method, int(chat.chat["id"]), paid=paid)


def _reply_keyboard(markup: Any) -> dict[str, Any] | None:
    """The keyboard under the text box a message brings (or takes away), if any."""
    if isinstance(markup, dict) and ("keyboard" in markup or "remove_keyboard" in markup):
        return markup
    return None
