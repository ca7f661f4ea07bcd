"""Migration 0005: the safety hold columns, and the pain state that replaces the old counter.

A person who was gentle under the old rule stays gentle (from their last change); downgrading
gives the old counter back.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from bot.store.db import alembic_config, upgrade


def _rows(path: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(query).fetchall()


def test_gentle_people_stay_gentle_across_0005_and_back(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    url = f"sqlite+aiosqlite:///{path}"
    upgrade(url, "0004")
    with sqlite3.connect(path) as conn:
        for chat, left in ((1, 2), (2, 0)):
            conn.execute(
                "INSERT INTO subscribers (chat_id, user_id, timezone, active, programme_week, "
                "gentle_reports_left, desk_cursor, created_at, updated_at) VALUES "
                f"({chat}, {chat}, 'UTC', 1, 1, {left}, 0, '2026-11-01 08:00:00', "
                "'2026-11-20 09:30:00')"
            )
    upgrade(url)
    assert _rows(path, "SELECT chat_id, gentle_since, safety_hold_since FROM subscribers") == [
        (1, "2026-11-20 09:30:00", None),
        (2, None, None),
    ]
    columns = {row[1] for row in _rows(path, "PRAGMA table_info(subscribers)")}
    assert "gentle_reports_left" not in columns
    assert {"safety_hold_level", "safety_cleared_at", "gentle_baseline"} <= columns
    command.downgrade(alembic_config(url), "0004")
    assert _rows(path, "SELECT chat_id, gentle_reports_left FROM subscribers") == [(1, 2), (2, 0)]


async def test_a_restart_at_the_newest_migration_does_not_load_alembic(tmp_path: Path) -> None:
    """Start-up migrates a new or old database; one already at the head is only checked."""
    from alembic.script import ScriptDirectory

    from bot.store.db import at_head, head_revision, upgrade_async

    assert (
        head_revision()
        == ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    )
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    assert not await at_head(url)  # no tables yet
    await upgrade_async(url, "0004")
    assert not await at_head(url)
    await upgrade_async(url)
    assert await at_head(url)
    assert _rows(tmp_path / "bot.db", "SELECT version_num FROM alembic_version") == [
        (head_revision(),)
    ]
