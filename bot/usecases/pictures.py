"""Which pictures this bot has already uploaded to Telegram, and under which `file_id`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.store import pictures
from bot.store.db import Database


class PictureFiles:
    """The database side of sending pictures once: one unit of work per call."""

    def __init__(self, db: Database, clock: Callable[[], datetime]) -> None:
        self.db = db
        self.clock = clock

    async def known(self, bot_id: int) -> dict[str, tuple[str, str]]:
        """Every picture this bot uploaded: digest -> (file_id, kind)."""
        async with self.db.session() as s:
            return await pictures.file_ids(s, bot_id)

    async def lookup(self, bot_id: int, digest: str) -> tuple[str, str] | None:
        """The (file_id, kind) of one picture, if this bot uploaded it before."""
        async with self.db.session() as s:
            return await pictures.file_id(s, bot_id, digest)

    async def remember(self, bot_id: int, digest: str, file_id: str, kind: str) -> None:
        """Keep the file id Telegram gave the first upload of a picture."""
        async with self.db.session() as s:
            await pictures.remember(s, bot_id, digest, file_id, kind, self.clock())

    async def forget(self, bot_id: int, digest: str, file_id: str) -> None:
        """Drop a file id Telegram no longer accepts."""
        async with self.db.session() as s:
            await pictures.forget(s, bot_id, digest, file_id)
