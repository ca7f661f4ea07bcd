"""Sending a card's picture: drawn once, off the event loop, and uploaded to Telegram once.

A picture is known by its digest (pose, side, renderer version). Three caches stand in front of
the renderer: Telegram's `file_id` (per bot, in memory and in the database: a picture this bot
uploaded before is sent by id, with no bytes at all), the rendered bytes in memory (a small LRU)
and on disk under the data folder. Only one render and one upload per digest run at a time: a
second caller waits for the first one's result instead of repeating it, so a broadcast uploads each
picture once. A `file_id` Telegram refuses (a 400 about the file identifier) is forgotten and the
picture uploaded again, once.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from telegram import InlineKeyboardMarkup, InputFile, InputMediaAnimation, InputMediaPhoto, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import ExtBot

from bot.content.model import Card
from bot.pictures import (
    ANIMATION_SIZE,
    STILL_SIZE,
    Picture,
    PictureKind,
    picture_digest,
    picture_for,
)
from bot.telegram.limits import Lane
from bot.usecases.pictures import PictureFiles

log = logging.getLogger(__name__)

T = TypeVar("T")
MEMORY_PICTURES = 64  # rendered pictures kept in memory (~10 kB a still, ~300 kB a GIF)
_RENDERED: OrderedDict[str, Picture] = OrderedDict()


def refused_file_id(exc: BadRequest) -> bool:
    """Telegram no longer accepts a file id (`wrong file identifier/HTTP URL specified`)."""
    message = exc.message.lower()
    return "file identifier" in message or "wrong remote file" in message


def file_id_of(result: Message | dict[str, Any]) -> str | None:
    """The file id Telegram gave the picture in a sent message (a Message or its JSON)."""
    if isinstance(result, Message):
        if result.animation is not None:
            return result.animation.file_id
        return result.photo[-1].file_id if result.photo else None
    if isinstance(result.get("animation"), dict):
        return str(result["animation"]["file_id"])
    photo = result.get("photo")
    return str(photo[-1]["file_id"]) if photo else None


class Pictures:
    """Renders, caches and sends the cards' pictures (one instance per application)."""

    def __init__(
        self,
        files: PictureFiles | None,
        cache_dir: Path | None = None,
        *,
        enabled: bool = True,
        memory: int = MEMORY_PICTURES,
    ) -> None:
        self.files = files
        self.cache_dir = cache_dir
        self.enabled = enabled
        self.memory = memory
        self.renders = 0  # pictures drawn by this process (not read from a cache)
        # Shared by every instance in the process: a digest names the same picture everywhere.
        self._pictures = _RENDERED
        self._rendering: dict[str, asyncio.Future[Picture | None]] = {}
        self._ids: dict[tuple[int, str], tuple[str, str]] = {}
        self._loaded: set[int] = set()  # bots whose stored file ids are in `_ids`
        self._loading = asyncio.Lock()
        self._uploading: dict[tuple[int, str], asyncio.Future[bool]] = {}

    def has_picture(self, card: Card | None, side: str | None = None) -> bool:
        """Whether a card would be sent with a picture."""
        return self.enabled and card is not None and picture_digest(card, side) is not None

    # --- rendering ------------------------------------------------------------------------

    async def picture(self, card: Card, side: str | None = None) -> Picture | None:
        """The card's picture, drawn in a worker thread once per digest; None without a pose."""
        side = _side(card, side)
        digest = picture_digest(card, side)
        if digest is None:
            return None
        cached = self._pictures.get(digest)
        if cached is not None:
            self._pictures.move_to_end(digest)
            return cached
        pending = self._rendering.get(digest)
        if pending is not None:
            return await asyncio.shield(pending)
        future: asyncio.Future[Picture | None] = asyncio.get_running_loop().create_future()
        self._rendering[digest] = future
        try:
            picture = await asyncio.to_thread(self._load_or_render, card, side, digest)
            future.set_result(picture)
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved here: nobody else may be waiting
            raise
        finally:
            del self._rendering[digest]
        if picture is not None:
            self._pictures[digest] = picture
            while len(self._pictures) > self.memory:
                self._pictures.popitem(last=False)
        return picture

    def _load_or_render(self, card: Card, side: str | None, digest: str) -> Picture | None:
        """Read the picture from the disk cache, or draw it and keep it there (worker thread)."""
        kind = PictureKind.ANIMATION if card.pose and card.pose.animate else PictureKind.PHOTO
        path = self._cached_path(digest, kind)
        if path is not None and path.is_file():
            size = ANIMATION_SIZE if kind is PictureKind.ANIMATION else STILL_SIZE
            return Picture(card.id, side, kind, path.read_bytes(), digest, *size)
        picture = picture_for(card, side)
        self.renders += 1
        if picture is not None and path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(".part")
            partial.write_bytes(picture.data)
            partial.replace(path)  # atomic: a reader never sees half a file
        return picture

    def _cached_path(self, digest: str, kind: PictureKind) -> Path | None:
        if self.cache_dir is None:
            return None
        extension = "gif" if kind is PictureKind.ANIMATION else "png"
        return self.cache_dir / f"{digest}.{extension}"

    # --- file ids -------------------------------------------------------------------------

    async def _known(self, bot_id: int, digest: str) -> tuple[str, str] | None:
        if bot_id not in self._loaded and self.files is not None:
            async with self._loading:  # one query, not one per concurrent first send
                if bot_id not in self._loaded:
                    stored = await self.files.known(bot_id)
                    for key, value in stored.items():
                        self._ids.setdefault((bot_id, key), value)
                    self._loaded.add(bot_id)
        return self._ids.get((bot_id, digest))

    async def _remember(self, bot_id: int, digest: str, file_id: str, kind: str) -> None:
        self._ids[(bot_id, digest)] = (file_id, kind)
        if self.files is not None:
            await self.files.remember(bot_id, digest, file_id, kind)

    async def _forget(self, bot_id: int, digest: str, file_id: str) -> None:
        if self._ids.get((bot_id, digest), ("",))[0] == file_id:
            del self._ids[(bot_id, digest)]
        if self.files is not None:
            await self.files.forget(bot_id, digest, file_id)

    async def with_picture(
        self,
        bot_id: int,
        card: Card,
        side: str | None,
        by_id: Callable[[str, PictureKind], Awaitable[T]],
        upload: Callable[[Picture], Awaitable[tuple[T, str | None]]],
    ) -> T:
        """Send by file id when this bot has one, else upload (once per digest at a time).

        `by_id(file_id, kind)` sends a known picture; `upload(picture)` sends the bytes and
        returns its result with the file id Telegram gave them. Callers of the same digest
        wait for a running upload and then send by its file id.
        """
        side = _side(card, side)
        digest = picture_digest(card, side)
        if digest is None:
            raise ValueError(f"card {card.id} has no picture")
        key = (bot_id, digest)
        refused = False
        while True:
            known = await self._known(bot_id, digest)
            if known is not None:
                file_id, kind = known
                try:
                    return await by_id(file_id, PictureKind(kind))
                except BadRequest as exc:
                    if refused or not refused_file_id(exc):
                        raise
                    refused = True
                    log.warning("Telegram refused a stored picture file id; uploading again")
                    await self._forget(bot_id, digest, file_id)
                    continue
            pending = self._uploading.get(key)
            if pending is not None:
                await asyncio.shield(pending)  # its outcome does not matter: look again
                continue
            future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
            self._uploading[key] = future
            try:
                picture = await self.picture(card, side)
                if picture is None:
                    raise ValueError(f"card {card.id} has no picture")
                result, new_id = await upload(picture)
                if new_id is not None:
                    await self._remember(bot_id, digest, new_id, picture.kind.value)
                return result
            finally:
                # Waiters look again: they find the file id, or (the upload failed, e.g. that
                # chat blocked the bot) one of them uploads instead.
                del self._uploading[key]
                future.set_result(True)

    # --- the Bot API ----------------------------------------------------------------------

    async def send(
        self,
        bot: ExtBot[Any],
        chat_id: int,
        card: Card,
        side: str | None,
        caption: str,
        reply_markup: InlineKeyboardMarkup | None = None,
        lane: Lane = Lane.REPLY,
        *,
        parse_mode: str | None = ParseMode.HTML,
    ) -> Message:
        """Send the card's picture with `caption` (at most 1,024 characters)."""
        common: dict[str, Any] = {
            "chat_id": chat_id,
            "caption": caption,
            "reply_markup": reply_markup,
            "parse_mode": parse_mode,
            "rate_limit_args": lane,
        }

        async def by_id(file_id: str, kind: PictureKind) -> Message:
            if kind is PictureKind.ANIMATION:
                return await bot.send_animation(animation=file_id, **common)
            return await bot.send_photo(photo=file_id, **common)

        async def upload(picture: Picture) -> tuple[Message, str | None]:
            if picture.kind is PictureKind.ANIMATION:
                sent = await bot.send_animation(
                    animation=picture.data,
                    filename=picture.filename,
                    width=picture.width,
                    height=picture.height,
                    **common,
                )
            else:
                sent = await bot.send_photo(
                    photo=picture.data, filename=picture.filename, **common
                )
            return sent, file_id_of(sent)

        return await self.with_picture(bot.id, card, side, by_id, upload)

    async def send_json(
        self, bot: ExtBot[Any], params: dict[str, Any], card: Card, lane: Lane
    ) -> dict[str, Any]:
        """The fan-out's fast path: sendPhoto/sendAnimation as plain JSON (no Message objects).

        `params` are sendMessage's minus `text`, plus `caption`. Sending by file id posts a
        JSON body; only the first send of a picture uploads it (multipart, through PTB).
        """

        async def by_id(file_id: str, kind: PictureKind) -> dict[str, Any]:
            method = "sendAnimation" if kind is PictureKind.ANIMATION else "sendPhoto"
            call = {**params, kind.value: file_id}
            result = await bot.do_api_request(method, api_kwargs=call, rate_limit_args=lane)
            return result if isinstance(result, dict) else {}

        async def upload(picture: Picture) -> tuple[dict[str, Any], str | None]:
            method = "sendAnimation" if picture.kind is PictureKind.ANIMATION else "sendPhoto"
            file = InputFile(picture.data, filename=picture.filename)
            call = {**params, picture.kind.value: file}
            result = await bot.do_api_request(method, api_kwargs=call, rate_limit_args=lane)
            body = result if isinstance(result, dict) else {}
            return body, file_id_of(body)

        return await self.with_picture(bot.id, card, None, by_id, upload)

    async def edit(
        self,
        bot: ExtBot[Any],
        chat_id: int,
        message_id: int,
        caption: str,
        reply_markup: InlineKeyboardMarkup | None = None,
        lane: Lane = Lane.REPLY,
        *,
        card: Card | None = None,
        side: str | None = None,
        parse_mode: str | None = ParseMode.HTML,
    ) -> Message | bool:
        """Edit a picture message in place: its caption, or (given `card`) also its picture."""
        if card is None:
            return await bot.edit_message_caption(
                chat_id=chat_id,
                message_id=message_id,
                caption=caption,
                reply_markup=reply_markup,
                parse_mode=parse_mode,
                rate_limit_args=lane,
            )

        async def swap(media: str | bytes, kind: PictureKind, name: str | None) -> Message | bool:
            cls = InputMediaAnimation if kind is PictureKind.ANIMATION else InputMediaPhoto
            item = cls(media, caption=caption, parse_mode=parse_mode, filename=name)
            return await bot.edit_message_media(
                item,
                chat_id=chat_id,
                message_id=message_id,
                reply_markup=reply_markup,
                rate_limit_args=lane,
            )

        async def by_id(file_id: str, kind: PictureKind) -> Message | bool:
            return await swap(file_id, kind, None)

        async def upload(picture: Picture) -> tuple[Message | bool, str | None]:
            edited = await swap(picture.data, picture.kind, picture.filename)
            return edited, file_id_of(edited) if isinstance(edited, Message) else None

        return await self.with_picture(bot.id, card, side, by_id, upload)


def _side(card: Card, side: str | None) -> str | None:
    """The side a picture shows: two-sided cards default to the left, as `picture_for` does."""
    return side or ("left" if card.sides == "each" else None)
