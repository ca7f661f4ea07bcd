"""Update handling: updates per second and reply latency, stretchbot against a bare
python-telegram-bot echo bot on the same emulator (and on the same HTTP client)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bot.bench.common import TOKEN, bot_process, drive_updates, stop_process
from bot.emulator import BotApiEmulator

ECHO_BOT = """
import sys
from telegram import Update
from telegram.ext import ApplicationBuilder, MessageHandler, filters

async def echo(update: Update, context) -> None:
    await update.message.reply_text(update.message.text)

builder = (ApplicationBuilder().token(sys.argv[1]).base_url(sys.argv[2] + "/bot")
           .concurrent_updates(True))
if sys.argv[3] == "aiohttp":  # the same HTTP client as stretchbot, for a like-for-like ratio
    from bot.telegram.http import AiohttpRequest
    builder = builder.request(AiohttpRequest()).get_updates_request(
        AiohttpRequest(connection_pool_size=2, keep_alive=False))
app = builder.build()
app.add_handler(MessageHandler(filters.TEXT, echo))
app.run_polling(poll_interval=0.0, timeout=10)
"""


async def measure(users: int = 100, rounds: int = 20) -> dict[str, dict[str, float]]:
    """Updates per second and reply latency: stretchbot against a bare PTB echo bot."""
    results = {}
    for name in ("echo bot", "echo bot, aiohttp", "stretchbot"):
        async with BotApiEmulator(TOKEN, record_calls=False) as emulator:
            with tempfile.TemporaryDirectory() as folder:
                if name.startswith("echo bot"):
                    client = "aiohttp" if "aiohttp" in name else "httpx"
                    process = subprocess.Popen(  # noqa: ASYNC220 - start-up cost, not a hot path
                        [sys.executable, "-c", ECHO_BOT, TOKEN, emulator.api_root, client],
                        env={**os.environ, "NO_PROXY": "127.0.0.1,localhost"},
                    )
                else:  # Telegram's 30 msg/s budget is not our speed: the limiter is off here
                    process = bot_process(
                        emulator.api_root, Path(folder), STRETCHBOT_CHAT_RATE="0",
                        STRETCHBOT_RATE_LIMIT="0",
                    )  # fmt: skip
                try:
                    ids = range(10_001, 10_001 + users)
                    for uid in ids:
                        emulator.add_user(uid)
                    if name == "stretchbot":  # subscribe first, as real users would be
                        await drive_updates(emulator, ids, 1, "/start")
                    await drive_updates(emulator, ids[:5], 2, "hello")  # warm up
                    results[name] = await drive_updates(emulator, ids, rounds, "hello")
                finally:
                    await stop_process(process)
    return results
