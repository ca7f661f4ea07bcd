"""Telegram's file ids of the pictures a bot has uploaded, per bot and picture digest."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import PictureFile


async def file_ids(session: AsyncSession, bot_id: int) -> dict[str, tuple[str, str]]:
    """Every known picture of this bot: digest -> (file_id, kind)."""
    query = select(PictureFile.digest, PictureFile.file_id, PictureFile.kind).where(
        PictureFile.bot_id == bot_id
    )
    return {row.digest: (row.file_id, row.kind) for row in await session.execute(query)}


async def file_id(session: AsyncSession, bot_id: int, digest: str) -> tuple[str, str] | None:
    """The (file_id, kind) this bot got for a picture, if it uploaded it before."""
    query = select(PictureFile.file_id, PictureFile.kind).where(
        PictureFile.bot_id == bot_id, PictureFile.digest == digest
    )
    row = (await session.execute(query)).one_or_none()
    return (row.file_id, row.kind) if row else None


async def remember(
    session: AsyncSession, bot_id: int, digest: str, file_id: str, kind: str, now: datetime
) -> None:
    """Store (or replace) the file id of a picture: two replicas uploading at once both win."""
    values = {
        "bot_id": bot_id, "digest": digest, "file_id": file_id, "kind": kind, "created_at": now,
    }  # fmt: skip
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(PictureFile).values(**values)
    statement = statement.on_conflict_do_update(
        index_elements=["bot_id", "digest"],
        set_={"file_id": file_id, "kind": kind, "created_at": now},
    )
    await session.execute(statement)


async def forget(session: AsyncSession, bot_id: int, digest: str, file_id: str) -> None:
    """Drop a file id Telegram refused (only that one: another may have replaced it)."""
    await session.execute(
        delete(PictureFile).where(
            PictureFile.bot_id == bot_id,
            PictureFile.digest == digest,
            PictureFile.file_id == file_id,
        )
    )
