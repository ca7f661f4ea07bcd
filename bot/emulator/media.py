"""Pictures and files: image dimensions read from their bytes, and the sizes Telegram offers."""

from __future__ import annotations

import struct
from typing import Any

from bot.emulator.models import StoredFile


def image_size(data: bytes) -> tuple[int, int] | None:
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


def photo_sizes(stored: StoredFile) -> list[dict[str, Any]]:
    """The PhotoSize list Telegram answers for a stored photo: scaled copies up to 1280 px."""
    size = image_size(stored.data) if stored.data else None
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
