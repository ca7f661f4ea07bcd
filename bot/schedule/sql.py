"""Small SQL helpers the schedule's modules share: which dialect, its INSERT, and bulk UPDATEs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession


def postgres(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def insert_for(session: AsyncSession) -> Any:
    """The dialect's INSERT with ON CONFLICT support."""
    return postgresql.insert if postgres(session) else sqlite.insert


async def update_many(
    session: AsyncSession, table: Any, keys: tuple[str, ...], rows: Sequence[dict[str, Any]]
) -> None:
    """UPDATE one row per dict, matched on `keys`, as a single executemany (no ORM per row)."""
    if not rows:
        return
    columns = [name for name in rows[0] if name not in keys]
    statement = (
        update(table)
        .where(*(table.c[key] == bindparam(f"k_{key}") for key in keys))
        .values({name: bindparam(f"v_{name}") for name in columns})
    )
    params = [
        {**{f"k_{k}": row[k] for k in keys}, **{f"v_{c}": row[c] for c in columns}} for row in rows
    ]
    await session.execute(statement, params)
