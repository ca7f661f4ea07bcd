"""What Telegram would refuse: the Bot API spec as data, and the checks run on every call.

`botapi.json` lists every method with its parameters (types, required) and every type a parameter
can carry. `Spec.decode` turns one request's form fields into typed values, refusing unknown
methods' parameters, missing required ones and ill-typed ones, with Telegram's own wording where
it is known (taken from tdlib/telegram-bot-api's `Client.cpp` and tdlib's JSON and HTML parsers).
The semantic checks Telegram's server adds (text length after entity parsing, HTML tags, button
data) live here too, so the server only keeps state.

The emulator is deliberately stricter than Telegram in one way: Telegram silently ignores a
parameter or JSON field it does not know, which hides typos; here it is a 400.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)

MAX_TEXT = 4096  # visible characters (Unicode code points) after entity parsing
MAX_CAPTION = 1024
MAX_RAW_TEXT_BYTES = 1 << 15  # the Bot API refuses longer raw text before parsing it
MAX_CALLBACK_DATA_BYTES = 64
MAX_CALLBACK_ANSWER = 200

_INT = re.compile(r"-?\d+\Z")
_TRUE = frozenset({"true", "yes", "1"})
_FALSE = frozenset({"false", "no", "0"})
# Whitespace Telegram trims from a formatted text (tdlib's fix_formatted_text).
_TRIM = " \n\r\t"
_FILE_FIELDS = frozenset(
    {"photo", "document", "audio", "video", "animation", "voice", "sticker", "video_note"}
)


class ApiError(Exception):
    """A refusal, answered as {"ok": false, "error_code": ..., "description": ...}."""

    def __init__(self, code: int, description: str, *, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> dict[str, Any]:
        """The JSON body Telegram sends for this error."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(message: str) -> ApiError:
    """A 400 with Telegram's "Bad Request: " prefix."""
    return ApiError(400, f"Bad Request: {message}")


@dataclass(frozen=True, slots=True)
class UploadedFile:
    """A file posted as multipart/form-data."""

    filename: str | None
    content_type: str | None
    data: bytes


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One parameter of a method, or one field of a type."""

    name: str
    types: tuple[str, ...]
    required: bool
    const: str | None = None
    # How a form value is decoded: int, int_or_str, str, bool, float, file_or_str, file, json.
    kind: str = "json"


@dataclass(frozen=True, slots=True)
class MethodSpec:
    """One Bot API method: its canonical name, parameters and return types."""

    name: str
    fields: dict[str, FieldSpec]
    returns: tuple[str, ...]

    @property
    def returns_true(self) -> bool:
        """Whether Telegram answers this method with a bare `true`."""
        return self.returns == ("Boolean",) or self.returns == ("True",)


@dataclass(frozen=True, slots=True)
class TypeSpec:
    """One Bot API object type, or an abstract one with subtypes."""

    name: str
    fields: dict[str, FieldSpec]
    subtypes: tuple[str, ...] = ()


def _kind(types: tuple[str, ...]) -> str:
    simple = {
        ("Integer",): "int",
        ("Integer", "String"): "int_or_str",
        ("String",): "str",
        ("Boolean",): "bool",
        ("True",): "bool",
        ("Float",): "float",
        ("InputFile", "String"): "file_or_str",
        ("InputFile",): "file",
    }
    return simple.get(types, "json")


def _fields(raw: Mapping[str, Any]) -> dict[str, FieldSpec]:
    return {
        name: FieldSpec(
            name=name,
            types=tuple(f["types"]),
            required=bool(f["required"]),
            const=f.get("const"),
            kind=_kind(tuple(f["types"])),
        )
        for name, f in raw.items()
    }


class _Invalid(Exception):
    """A nested JSON value that does not fit its type (message in tdlib's words)."""


@dataclass(frozen=True, slots=True)
class FormattedText:
    """Text as Telegram stores it: visible characters and entities (UTF-16 offsets)."""

    text: str
    entities: tuple[dict[str, Any], ...] = ()


@dataclass(slots=True)
class Spec:
    """The Bot API as data: methods by name (case-insensitive, as Telegram) and types."""

    version: str
    methods: dict[str, MethodSpec]
    types: dict[str, TypeSpec]
    _by_lower: dict[str, MethodSpec] = field(default_factory=dict)
    _button_actions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self._by_lower = {name.lower(): spec for name, spec in self.methods.items()}
        # Exactly one of these says what an inline button does (the spec's words).
        self._button_actions = tuple(
            name
            for name in self.types["InlineKeyboardButton"].fields
            if name not in ("text", "icon_custom_emoji_id", "style")
        )

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Spec:
        """Build from the `botapi.json` layout."""
        methods = {
            name: MethodSpec(name, _fields(m["fields"]), tuple(m["returns"]))
            for name, m in data["methods"].items()
        }
        types = {
            name: TypeSpec(name, _fields(t.get("fields", {})), tuple(t.get("subtypes", ())))
            for name, t in data["types"].items()
        }
        return cls(version=data["version"], methods=methods, types=types)

    def method(self, name: str) -> MethodSpec | None:
        """The method called `name`; Telegram matches method names case-insensitively."""
        return self._by_lower.get(name.lower())

    # --- decoding one request -------------------------------------------------------------

    def decode(self, method: MethodSpec, raw: Mapping[str, str | UploadedFile]) -> dict[str, Any]:
        """Typed parameters of one call, or an `ApiError` saying what Telegram would say.

        `raw` holds form fields as posted (python-telegram-bot sends strings as they are and
        JSON-encodes everything else) and uploads by their form name.
        """
        params: dict[str, Any] = {}
        for name, value in raw.items():
            spec = method.fields.get(name)
            if spec is None:
                if isinstance(value, UploadedFile):
                    continue  # a part referenced as attach://<name>; resolved by the server
                raise bad_request(f"unknown field {name}")
            if value == "":
                continue  # the Bot API treats an empty value as an absent one
            params[name] = self._convert(spec, value)
        for spec in method.fields.values():
            if spec.required and spec.name not in params:
                raise ApiError(400, missing_message(method.name, spec.name))
        return params

    def _convert(self, spec: FieldSpec, value: str | UploadedFile) -> Any:
        name, kind = spec.name, spec.kind
        if isinstance(value, UploadedFile):
            if kind in ("file", "file_or_str"):
                return value
            raise bad_request(f'field "{name}" can\'t be a file')
        if kind == "str":
            return value
        if kind == "int":
            if _INT.match(value):
                return int(value)
            raise bad_request(f'field "{name}" must be of type Integer')
        if kind == "int_or_str":
            return int(value) if _INT.match(value) else value
        if kind == "bool":
            lowered = value.strip().lower()
            if lowered in _TRUE:
                return True
            if lowered in _FALSE:
                return False
            raise bad_request(f'field "{name}" must be of type Boolean')
        if kind == "float":
            try:
                return float(value)
            except ValueError:
                raise bad_request(f'field "{name}" must be of type Float') from None
        if kind in ("file", "file_or_str"):
            if kind == "file" and not value.startswith("attach://"):
                raise bad_request(f"there is no {name.replace('_', ' ')} in the request")
            return value
        return self._decode_json(spec, value)

    def _decode_json(self, spec: FieldSpec, value: str) -> Any:
        try:
            decoded = json.loads(value)
        except ValueError:
            if spec.name == "reply_markup":
                raise bad_request("can't parse reply keyboard markup JSON object") from None
            raise bad_request(f"can't parse {spec.name} JSON object") from None
        if spec.name == "reply_markup":
            return self._reply_markup(decoded, spec.types)
        try:
            self._check(decoded, spec.types, spec.name)
        except _Invalid as exc:
            what = _base(spec.types[0]) if len(spec.types) == 1 else spec.name
            raise bad_request(f"can't parse {what}: {exc}") from None
        return decoded

    # --- nested JSON against the spec's types ---------------------------------------------

    def _check(self, value: Any, types: tuple[str, ...], name: str) -> None:
        first: _Invalid | None = None
        for type_name in types:
            try:
                self._check_one(value, type_name, name)
                return
            except _Invalid as exc:
                first = first or exc
        assert first is not None
        raise first

    def _check_one(self, value: Any, type_name: str, name: str) -> None:
        if type_name.startswith("Array of "):
            if not isinstance(value, list):
                raise _Invalid(f'Field "{name}" must be of type Array')
            inner = type_name[len("Array of ") :]
            for item in value:
                self._check_one(item, inner, name)
            return
        if type_name == "Integer":
            if isinstance(value, bool) or not (
                isinstance(value, int) or (isinstance(value, str) and _INT.match(value))
            ):
                raise _Invalid(f'Field "{name}" must be a Number')
            return
        if type_name == "Float":
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise _Invalid(f'Field "{name}" must be of type Number')
            return
        if type_name in ("String", "InputFile"):
            if isinstance(value, bool) or not isinstance(value, str | int | float):
                raise _Invalid(f'Field "{name}" must be of type String')
            return
        if type_name in ("Boolean", "True"):
            if not isinstance(value, bool):
                raise _Invalid(f'Field "{name}" must be of type Boolean')
            return
        if type_name == "KeyboardButton" and isinstance(value, str):
            return  # Telegram takes a bare string as a text-only button
        type_spec = self.types.get(type_name)
        if type_spec is None:
            raise _Invalid(f'Field "{name}" has a type the emulator does not know: {type_name}')
        if type_spec.subtypes:
            self._check_union(value, type_spec, name)
            return
        if not isinstance(value, dict):
            raise _Invalid(f'Field "{name}" must be of type Object')
        self._check_object(value, type_spec)

    def _check_union(self, value: Any, union: TypeSpec, name: str) -> None:
        objects = [self.types[s] for s in union.subtypes if s in self.types]
        others = tuple(s for s in union.subtypes if s not in self.types)
        if not isinstance(value, dict):
            if others:
                self._check(value, others, name)
                return
            raise _Invalid(f'Field "{name}" must be of type Object')
        candidates = [t for t in objects if _discriminates(t, value)]
        if not candidates:
            raise _Invalid(f"Unsupported {union.name}: {json.dumps(value)[:80]}")
        first: _Invalid | None = None
        for candidate in candidates:
            try:
                self._check_object(value, candidate)
                return
            except _Invalid as exc:
                first = first or exc
        assert first is not None
        raise first

    def _check_object(self, value: dict[str, Any], type_spec: TypeSpec) -> None:
        fields = type_spec.fields
        for key, item in value.items():
            spec = fields.get(key)
            if spec is None:
                raise _Invalid(f'Unknown field "{key}" in {type_spec.name}')
            if spec.const is not None and item != spec.const:
                raise _Invalid(f'Field "{key}" must be "{spec.const}"')
            self._check(item, spec.types, key)
        for spec in fields.values():
            if spec.required and spec.name not in value:
                raise _Invalid(f'Can\'t find field "{spec.name}"')

    def _reply_markup(self, value: Any, allowed: tuple[str, ...]) -> dict[str, Any]:
        """Telegram's own path for reply_markup: which markup, then its buttons."""
        if not isinstance(value, dict):
            raise bad_request("object expected as reply markup")
        if "inline_keyboard" in value:
            chosen = "InlineKeyboardMarkup"
        elif "keyboard" in value:
            chosen = "ReplyKeyboardMarkup"
        elif "remove_keyboard" in value:
            chosen = "ReplyKeyboardRemove"
        elif "force_reply" in value:
            chosen = "ForceReply"
        else:
            raise bad_request(
                "can't parse reply keyboard markup: expected one of inline_keyboard, keyboard, "
                "remove_keyboard or force_reply"
            )
        if chosen not in allowed:
            raise bad_request(f"can't parse reply keyboard markup: {chosen} is not allowed here")
        if chosen == "InlineKeyboardMarkup":
            self._check_inline_keyboard(value)
            return value
        try:
            self._check_object(value, self.types[chosen])
        except _Invalid as exc:
            raise bad_request(f"can't parse reply keyboard markup: {exc}") from None
        return value

    def _check_inline_keyboard(self, markup: dict[str, Any]) -> None:
        extra = set(markup) - {"inline_keyboard"}
        if extra:
            raise bad_request(
                f'can\'t parse reply keyboard markup: Unknown field "{min(extra)}" in '
                "InlineKeyboardMarkup"
            )
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request(
                'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'
            )
        button_spec = self.types["InlineKeyboardButton"]
        actions = self._button_actions
        for row in rows:
            for button in row:
                if not isinstance(button, dict):
                    raise bad_request(
                        "can't parse inline keyboard button: "
                        "InlineKeyboardButton must be an Object"
                    )
                try:
                    self._check_object(button, button_spec)
                except _Invalid as exc:
                    raise bad_request(f"can't parse inline keyboard button: {exc}") from None
                # Telegram reads an empty url or callback_data as no action at all.
                used = [a for a in actions if a in button and button[a] != ""]
                if not used:
                    raise bad_request(
                        "can't parse inline keyboard button: Text buttons are unallowed in the "
                        "inline keyboard"
                    )
                if len(used) > 1:
                    raise bad_request(
                        "can't parse inline keyboard button: exactly one of "
                        f"{', '.join(used)} may be used (Telegram would silently use one)"
                    )
                data = button.get("callback_data")
                if data is not None and len(str(data).encode()) > MAX_CALLBACK_DATA_BYTES:
                    raise bad_request("BUTTON_DATA_INVALID")


def _base(type_name: str) -> str:
    while type_name.startswith("Array of "):
        type_name = type_name[len("Array of ") :]
    return type_name


def _discriminates(type_spec: TypeSpec, value: Mapping[str, Any]) -> bool:
    for spec in type_spec.fields.values():
        if spec.const is not None:
            return bool(value.get(spec.name) == spec.const)
    return True


def missing_message(method: str, name: str) -> str:
    """What the Bot API answers when a required parameter is absent or empty."""
    if name == "chat_id":
        return "Bad Request: chat_id is empty"
    if name == "text":
        return "Bad Request: message text is empty"
    if name in _FILE_FIELDS:
        return f"Bad Request: there is no {name.replace('_', ' ')} in the request"
    if name == "callback_query_id":
        return QUERY_TOO_OLD
    if name == "user_id":
        return "Bad Request: invalid user_id specified"
    if name == "message_id":
        for verb in ("edit", "delete", "forward", "copy"):
            if method.startswith(verb):
                return f"Bad Request: message to {verb} not found"
        return "Bad Request: message not found"
    return f'Bad Request: parameter "{name}" is required'


@cache
def load_spec() -> Spec:
    """The bundled spec (Bot API 10.1), parsed once per process."""
    text = resources.files(__package__).joinpath("botapi.json").read_text(encoding="utf-8")
    return Spec.from_json(json.loads(text))


# --- text formatting ----------------------------------------------------------------------

_HTML_TAGS = frozenset(
    {
        "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins", "tg-spoiler",
        "tg-emoji", "tg-time", "span", "pre", "code", "blockquote",
    }
)  # fmt: skip
_ENTITY_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_PLAIN_RUN = re.compile(r"[^&<]+")
_NAMED_RUN = re.compile(r"[A-Za-z]*")
_DIGITS = re.compile(r"\d*")
_HEX = re.compile(r"[0-9A-Fa-f]*")
_SPACE = " \t\n\r\f\v"


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode())


def _decode_entity(text: str, pos: int) -> tuple[str, int] | None:
    """An HTML entity at `pos` (tdlib's rules: &lt; &gt; &amp; &quot; and numeric ones)."""
    end = pos + 1
    if text.startswith("#", end):
        end += 1
        hexadecimal = text.startswith("x", end)
        if hexadecimal:
            end += 1
        match = (_HEX if hexadecimal else _DIGITS).match(text, end)
        assert match is not None
        digits = match.group()
        end = match.end()
        code = int(digits, 16 if hexadecimal else 10) if digits else 0
        if code == 0 or code >= 0x10FFFF or end - pos >= 10 or 0xD800 <= code <= 0xDFFF:
            return None
        char = chr(code)
    else:
        match = _NAMED_RUN.match(text, end)
        assert match is not None
        decoded = _NAMED.get(match.group())
        if decoded is None:
            return None  # an unsupported entity stays as literal text
        char, end = decoded, match.end()
    if text.startswith(";", end):
        end += 1
    return char, end


def parse_html(source: str) -> FormattedText:
    """Visible text and entities of an HTML-formatted message, as tdlib's parse_html does.

    Raises `ApiError` "can't parse entities: ..." with tdlib's messages (byte offsets in UTF-8).
    """
    out: list[str] = []
    entities: list[dict[str, Any]] = []
    # Open tags: name, argument, UTF-16 offset where its text starts, index into `out`.
    stack: list[tuple[str, str, int, int]] = []
    u16 = 0
    i, size = 0, len(source)

    def fail(message: str) -> ApiError:
        return bad_request(f"can't parse entities: {message}")

    while i < size:
        char = source[i]
        if char == "&":
            decoded = _decode_entity(source, i)
            if decoded is not None:
                out.append(decoded[0])
                u16 += 2 if ord(decoded[0]) > 0xFFFF else 1
                i = decoded[1]
                continue
        if char != "<":
            run = _PLAIN_RUN.match(source, i)
            chunk = run.group() if run else char
            if char == "&":
                chunk = "&"
            out.append(chunk)
            u16 += _utf16_len(chunk)
            i += len(chunk)
            continue
        begin = i
        i += 1
        if i < size and source[i] == "/":
            if not stack:
                raise fail(f"Unexpected end tag at byte offset {_byte_offset(source, begin)}")
            while i < size and source[i] not in _SPACE and source[i] != ">":
                i += 1
            end_name = source[begin + 2 : i].lower()
            while i < size and source[i] in _SPACE:
                i += 1
            if i >= size or source[i] != ">":
                raise fail(f"Unclosed end tag at byte offset {_byte_offset(source, begin)}")
            tag, argument, start, _ = stack[-1]
            if end_name and end_name != tag:
                raise fail(
                    f"Unmatched end tag at byte offset {_byte_offset(source, begin)}, "
                    f'expected "</{tag}>", found "</{end_name}>"'
                )
            stack.pop()
            if u16 > start:
                last = entities[-1] if entities else None
                if (
                    tag == "pre"
                    and last is not None
                    and last["type"] == "code"
                    and (last["offset"], last["length"]) == (start, u16 - start)
                    and "language" in last
                ):
                    # <pre><code class="language-x"> is one pre entity with a language.
                    last["type"] = "pre"
                else:
                    entity = _entity(tag, argument, start, u16 - start)
                    if entity is not None:
                        entities.append(entity)
            i += 1
            continue
        while i < size and source[i] not in _SPACE and source[i] != ">":
            i += 1
        if i >= size:
            raise fail(f"Unclosed start tag at byte offset {_byte_offset(source, begin)}")
        tag = source[begin + 1 : i].lower()
        if tag not in _HTML_TAGS:
            raise fail(
                f'Unsupported start tag "{tag}" at byte offset {_byte_offset(source, begin)}'
            )
        argument, i = _attributes(source, i, tag, begin, fail)
        if tag == "span" and argument != "spoiler":
            raise fail(
                f'Tag "span" must have class "tg-spoiler" at byte offset '
                f"{_byte_offset(source, begin)}"
            )
        stack.append((tag, argument, u16, len(out)))
        i += 1  # past ">"
    if stack:
        raise fail(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return FormattedText("".join(out), tuple(entities))


def _attributes(source: str, i: int, tag: str, begin: int, fail: Any) -> tuple[str, int]:
    """Read a start tag's attributes; return the one argument Telegram keeps and `>`'s index."""
    size = len(source)
    argument = ""
    while i < size and source[i] != ">":
        while i < size and source[i] in _SPACE:
            i += 1
        if i < size and source[i] == ">":
            break
        name_begin = i
        while i < size and source[i] not in _SPACE and source[i] not in "=>/\"'":
            i += 1
        name = source[name_begin:i]
        if not name:
            raise fail(
                f'Empty attribute name in the tag "{tag}" at byte offset '
                f"{_byte_offset(source, begin)}"
            )
        while i < size and source[i] in _SPACE:
            i += 1
        if i >= size:
            raise fail(f'Unclosed start tag "{tag}" at byte offset {_byte_offset(source, begin)}')
        if source[i] != "=":
            if tag == "blockquote" and name == "expandable":
                argument = "1"
            continue
        i += 1
        while i < size and source[i] in _SPACE:
            i += 1
        if i >= size:
            raise fail(f'Unclosed start tag "{tag}" at byte offset {_byte_offset(source, begin)}')
        if source[i] not in "'\"":
            token_begin = i
            while i < size and (
                (source[i].isascii() and source[i].isalnum()) or source[i] in ".-"
            ):
                i += 1
            value = source[token_begin:i].lower()
            if i < size and source[i] not in _SPACE and source[i] != ">":
                raise fail(
                    f"Unexpected end of name token at byte offset "
                    f"{_byte_offset(source, token_begin)}"
                )
        else:
            quote = source[i]
            i += 1
            parts: list[str] = []
            while i < size and source[i] != quote:
                if source[i] == "&":
                    decoded = _decode_entity(source, i)
                    if decoded is not None:
                        parts.append(decoded[0])
                        i = decoded[1]
                        continue
                parts.append(source[i])
                i += 1
            if i < size:
                i += 1
            value = "".join(parts)
        if i >= size:
            raise fail(f"Unclosed start tag at byte offset {_byte_offset(source, begin)}")
        if (
            (tag == "a" and name == "href")
            or (tag == "tg-emoji" and name == "emoji-id")
            or (tag == "tg-time" and name == "format")
        ):
            argument = value
        elif tag == "code" and name == "class" and value.startswith("language-"):
            argument = value[len("language-") :]
        elif tag == "span" and name == "class" and value.startswith("tg-"):
            argument = value[len("tg-") :]
        elif tag == "blockquote" and name == "expandable":
            argument = "1"
    return argument, i


def _entity(tag: str, argument: str, offset: int, length: int) -> dict[str, Any] | None:
    entity: dict[str, Any] = {"offset": offset, "length": length}
    if tag == "a":
        url = argument
        if not url:
            return None  # tdlib uses the link text as URL; rare, and not worth emulating
        if not url.startswith(("http://", "https://", "tg://")):
            return None  # Telegram drops links it cannot check
        entity["type"] = "text_link"
        entity["url"] = url
        return entity
    if tag == "tg-time":
        return None
    if tag == "tg-emoji":
        if not (argument.isdigit() and int(argument) > 0):
            raise bad_request("can't parse entities: Invalid custom emoji identifier specified")
        entity["custom_emoji_id"] = argument
    if tag == "code" and argument:
        entity["language"] = argument
    if tag == "blockquote" and argument:
        entity["type"] = "expandable_blockquote"
        return entity
    entity["type"] = _ENTITY_TYPES[tag]
    return entity


def format_text(
    text: str, parse_mode: str | None, *, limit: int, what: str = "message"
) -> FormattedText:
    """Text Telegram would store for `text` sent with `parse_mode`, or its refusal.

    `what` is "message" for message texts and "caption" for captions; the wording follows.
    Markdown modes are not parsed (their visible length is taken as the raw length).
    """
    if len(text.encode()) > MAX_RAW_TEXT_BYTES:
        raise bad_request("text is too long")
    mode = (parse_mode or "").lower()
    if mode == "html":
        formatted = parse_html(text)
    elif mode in ("", "none", "markdown", "markdownv2"):
        formatted = FormattedText(text)
    else:
        raise bad_request("unsupported parse_mode")
    formatted = _trim(formatted)
    if not formatted.text:
        if what == "message":
            raise bad_request("text must be non-empty")
        return formatted
    if len(formatted.text) > limit:
        raise bad_request(
            "message is too long" if what == "message" else "message caption is too long"
        )
    return formatted


def _trim(formatted: FormattedText) -> FormattedText:
    text = formatted.text
    stripped_end = text.rstrip(_TRIM)
    stripped = stripped_end.lstrip(_TRIM)
    if stripped == text:
        return formatted
    shift = _utf16_len(stripped_end[: len(stripped_end) - len(stripped)])
    end = _utf16_len(stripped)
    entities = []
    for entity in formatted.entities:
        start = max(entity["offset"] - shift, 0)
        stop = min(entity["offset"] + entity["length"] - shift, end)
        if stop > start:
            entities.append({**entity, "offset": start, "length": stop - start})
    return FormattedText(stripped, tuple(entities))
