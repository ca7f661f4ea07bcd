"""What Telegram would refuse: the Bot API spec as data, and the checks run on every call.

`botapi.json` lists every method with its parameters (types, required) and every type a parameter
can carry. `Spec.decode` turns one request's form fields into typed values, refusing unknown
methods' parameters, missing required ones and ill-typed ones, with Telegram's own wording where
it is known (taken from tdlib/telegram-bot-api's `Client.cpp` and tdlib's JSON and HTML parsers).
Button data is checked here too; text length after entity parsing and HTML tags are checked in
`formatting.py`.

Like Telegram, a parameter the method does not take is ignored (python-telegram-bot's `Defaults`
send `parse_mode` to `editMessageReplyMarkup`, say); the call records which ones it ignored
(`ApiCall.ignored`), so a test can still catch a typo. An unknown field inside a JSON object (a
button, a keyboard) is refused, which Telegram would also ignore: there a typo hides a button's
meaning.
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

    def decode(
        self,
        method: MethodSpec,
        raw: Mapping[str, str | UploadedFile],
        ignored: list[str] | None = None,
    ) -> dict[str, Any]:
        """Typed parameters of one call, or an `ApiError` saying what Telegram would say.

        `raw` holds form fields as posted (python-telegram-bot sends strings as they are and
        JSON-encodes everything else) and uploads by their form name. Parameters the method does
        not take are left out, as Telegram does, and their names added to `ignored`.
        """
        params: dict[str, Any] = {}
        for name, value in raw.items():
            spec = method.fields.get(name)
            if spec is None:
                if not isinstance(value, UploadedFile) and ignored is not None:
                    ignored.append(name)  # an upload is a part referenced as attach://<name>
                continue
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
