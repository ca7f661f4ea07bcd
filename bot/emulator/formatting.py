"""Text as Telegram formats it: HTML parse mode to visible text and entities, and its limits.

The wording of every refusal is tdlib's (its HTML parser and `fix_formatted_text`), with byte
offsets in UTF-8 as Telegram reports them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.emulator.spec import MAX_RAW_TEXT_BYTES, ApiError, bad_request

# Whitespace Telegram trims from a formatted text (tdlib's fix_formatted_text).
_TRIM = " \n\r\t"


@dataclass(frozen=True, slots=True)
class FormattedText:
    """Text as Telegram stores it: visible characters and entities (UTF-16 offsets)."""

    text: str
    entities: tuple[dict[str, Any], ...] = ()


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
