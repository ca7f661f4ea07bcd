"""Privacy: everything stored about a person, to take away (/export) or to delete (/forget)."""

from __future__ import annotations

from bot.store import repo
from bot.usecases.base import UseCase


class Privacy(UseCase):
    """Export and forget."""

    async def export(self, chat_id: int) -> dict[str, list[dict[str, object]]]:
        """Every row stored about this person, table by table."""
        async with self.db.session() as s:
            await self._subscriber(s, chat_id)
            return await repo.everything_about(s, chat_id)

    async def forget(self, chat_id: int) -> int:
        """Delete every row about this person; returns how many rows went."""
        async with self.db.session() as s:
            return await repo.delete_everything_about(s, chat_id)
