"""Several replicas on one PostgreSQL database: 5,000 routines due in the same moment, three bot
processes claiming them, one killed with SIGKILL in the middle. Everyone gets their routine; only
a message in flight at the kill can go out twice (counted and printed)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.bench.common import TOKEN, EmulatorProcess, free_port
from bot.bench.fanout import seed
from bot.store.db import Database
from bot.store.models import Delivery

SUBSCRIBERS = 5000


def _replica(index: int, db_url: str, api_root: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": api_root,
        "DATABASE_URL": db_url,
        "STRETCHBOT_WEBHOOK_URL": "https://bot.example.test/telegram",
        "STRETCHBOT_WEBHOOK_SECRET": "replica-secret",
        "STRETCHBOT_HTTP_HOST": "127.0.0.1",
        "STRETCHBOT_HTTP_PORT": str(free_port()),
        "STRETCHBOT_TICK_SECONDS": "0.5",
        "STRETCHBOT_RATE_LIMIT": "0",
        "STRETCHBOT_CHAT_RATE": "0",
        "STRETCHBOT_CLAIM_LEASE_SECONDS": "5",
        "STRETCHBOT_WORKER_ID": f"replica-{index}",
        "STRETCHBOT_LOG_LEVEL": "WARNING",
        "NO_PROXY": "127.0.0.1,localhost",
    }
    return subprocess.Popen([sys.executable, "-m", "bot", "run"], env=env)


async def _statuses(db_url: str) -> Counter[str]:
    db = Database(db_url)
    try:
        async with db.session() as s:
            rows = await s.execute(select(Delivery.status, func.count()).group_by(Delivery.status))
            return Counter({status: count for status, count in rows.all()})
    finally:
        await db.close()


@pytest.mark.slow
async def test_three_replicas_one_killed_every_subscriber_gets_one_routine(
    db_url: str, backend: str
) -> None:
    if backend != "postgres":
        pytest.skip("replicas share PostgreSQL")
    emulator = EmulatorProcess(enforce=False)
    replicas: list[subprocess.Popen[bytes]] = []
    try:
        emulator.control("add_users", {"first": 1, "count": SUBSCRIBERS})
        due = datetime.now(UTC) + timedelta(seconds=4)
        from bot.store.db import upgrade_async

        await upgrade_async(db_url)
        await seed(db_url, SUBSCRIBERS, due)
        replicas = [_replica(i, db_url, emulator.root) for i in range(3)]
        # Kill one replica once the fan-out is well under way.
        deadline = time.monotonic() + 60
        while emulator.control("stats")["messages"] < SUBSCRIBERS // 4:
            assert time.monotonic() < deadline, "the fan-out never got going"
            await asyncio.sleep(0.05)
        replicas[0].send_signal(signal.SIGKILL)
        killed_at = emulator.control("stats")["messages"]
        # The others finish the minute, and take over the dead one's claims after the lease.
        deadline = time.monotonic() + 90
        while True:
            statuses = await _statuses(db_url)
            if statuses.get("claimed", 0) == 0 and sum(statuses.values()) == SUBSCRIBERS:
                break
            assert time.monotonic() < deadline, f"not finished: {statuses}"
            await asyncio.sleep(0.5)
        stats = emulator.control("stats")
        by_count = {int(n): chats for n, chats in stats["chats_by_message_count"].items()}
        assert by_count.get(0, 0) == 0, by_count  # nobody was left out
        assert sum(by_count.values()) == SUBSCRIBERS
        twice = by_count.get(2, 0)
        assert set(by_count) <= {1, 2}, by_count
        # Only what was in flight when the process died: at most its concurrency plus the
        # outcomes it had not yet recorded.
        assert twice <= 200, by_count
        assert statuses == Counter({"sent": SUBSCRIBERS})
        print(
            f"\n{SUBSCRIBERS} subscribers, 3 replicas, one SIGKILLed after {killed_at} messages: "
            f"{by_count.get(1, 0)} got exactly one routine, {twice} got it twice"
        )
        # The survivors stop gracefully on SIGTERM.
        for replica in replicas[1:]:
            replica.send_signal(signal.SIGTERM)
        for replica in replicas[1:]:
            assert replica.wait(timeout=30) == 0
    finally:
        for replica in replicas:
            if replica.poll() is None:
                replica.kill()
                replica.wait()
        emulator.stop()
