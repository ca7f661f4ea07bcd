"""`python -m bot.emulator`: the Bot API emulator in its own process.

It serves until SIGINT or SIGTERM.

Point the bot at it with TELEGRAM_API_URL=http://HOST:PORT. Users are played over HTTP:
POST /_emulator/send_text {"user_id": 1001, "text": "/start"},
POST /_emulator/press {"user_id": 1001, "message_id": 3, "data": "..."},
GET /_emulator/chat/1001 for what the bot sent.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import signal

from bot.emulator import BotApiEmulator, LimiterMode


async def serve(args: argparse.Namespace) -> None:
    """Run the emulator until the process is asked to stop."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    emulator = BotApiEmulator(
        args.token,
        host=args.host,
        port=args.port,
        bot_username=args.username,
        limiter=LimiterMode(args.limits),
        # A long-running server would grow without bound if it kept every call.
        record_calls=False,
    )
    # Everything it records lives to the end: freeze what survives each full collection, or the
    # collector rescans every stored message and, 100,000 messages in, stalls for a second
    # (a pause Telegram's own servers do not have, which would show up as the bot's latency).
    gc.callbacks.append(_freeze_after_full_collection)
    async with emulator:
        gc.freeze()
        print(f"Bot API emulator listening on {emulator.api_root} (Ctrl-C stops it)", flush=True)
        await stop.wait()


def _freeze_after_full_collection(phase: str, info: dict[str, int]) -> None:
    if phase == "stop" and info["generation"] == 2:
        gc.freeze()


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and serve."""
    parser = argparse.ArgumentParser(prog="python -m bot.emulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", required=True, help="the bot token it accepts")
    parser.add_argument("--username", default="stretchbot_bot", help="the bot's username")
    parser.add_argument(
        "--limits",
        choices=[mode.value for mode in LimiterMode],
        default=LimiterMode.OFF.value,
        help="enforce: answer 429 like Telegram's flood limits (see bot/emulator/limits.py)",
    )
    asyncio.run(serve(parser.parse_args(argv)))


if __name__ == "__main__":
    main()
