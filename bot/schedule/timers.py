"""Hold timers whose process died: any replica's tick finds them and gives their Start back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.schedule.sql import postgres
from bot.store.models import StretchSession


@dataclass(frozen=True)
class Orphan:
    """A hold timer whose process died: its message still shows a countdown."""

    chat_id: int
    session_id: int
    card_index: int
    card_id: str
    hold_seconds: int | None
    message_id: int
    last_card: bool = False  # the routine's last card (its Next says Finish)


async def orphaned_holds(session: AsyncSession, now: datetime, limit: int = 100) -> list[Orphan]:
    """Take the timers that should have ended by now but never reported back."""
    query = (
        select(StretchSession)
        .where(StretchSession.hold_until < now, StretchSession.hold_message_id.is_not(None))
        # In hold_until's order, so the index is walked from its start: unordered, PostgreSQL
        # without statistics on the column expects many matches and scans every session for
        # the LIMIT, each tick (nearly all have no timer: their hold_until is NULL).
        .order_by(StretchSession.hold_until)
        .limit(limit)
    )
    if postgres(session):
        query = query.with_for_update(skip_locked=True)
    orphans = []
    for row in (await session.execute(query)).scalars():
        if row.done_at is None and row.card_index < len(row.card_ids) and row.hold_message_id:
            orphans.append(
                Orphan(
                    row.chat_id, row.id, row.card_index, row.card_ids[row.card_index],
                    row.hold_seconds, row.hold_message_id,
                    row.card_index + 1 >= len(row.card_ids),
                )
            )  # fmt: skip
        row.hold_until = row.hold_message_id = None
    return orphans
