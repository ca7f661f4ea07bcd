"""`stretchbot chat`: the real bot against the in-process emulator; this terminal is the phone.

Same handlers, same database and same timers as `stretchbot run`; only the Bot API server is ours.
Bot messages are printed as they arrive (a countdown's edits print as short lines), buttons are
shown numbered, and typing a number (or a button's label) presses it.
"""

from __future__ import annotations

import asyncio
import html
import re
import secrets
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from bot.config import Settings
from bot.content.model import Library
from bot.emulator import BotApiEmulator, BotMessage
from bot.store.db import Database, upgrade_async
from bot.telegram.app import BotApplication, build_application, running
from bot.telegram.context import SERVICES
from bot.telegram.countdown import Countdowns
from bot.telegram.updates import PerChatUpdateProcessor

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
QUIT = frozenset({"/quit", "/exit", "quit", "exit"})


def plain(text: str, *, colour: bool) -> str:
    """Telegram HTML as terminal text (bold kept when the terminal can show it)."""
    if colour:
        text = re.sub(r"</?b>", lambda m: RESET if m.group(0) == "</b>" else BOLD, text)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


@dataclass
class Screen:
    """What the terminal has shown so far, to print only what is new."""

    chat_id: int
    colour: bool
    folder: Path | None = None  # where received pictures are saved
    seen: dict[int, str] = field(default_factory=dict)
    buttons: list[tuple[int, str, str]] = field(default_factory=list)  # message, label, data

    def show(self, messages: list[BotMessage]) -> None:
        """Print new messages, and edits of the ones already shown."""
        for message in messages:
            text = message.text or ""
            if message.kind != "text":
                where = save_picture(message, self.folder) or message.file_name or ""
                text = f"[{message.kind}: {where}] {text}"
            key = text + repr(message.buttons)
            previous = self.seen.get(message.message_id)
            if previous == key:
                continue
            edited = previous is not None
            self.seen[message.message_id] = key
            body = plain(text, colour=self.colour)
            if edited and previous is not None and previous.startswith(text):
                pass  # only the buttons changed
            elif edited:
                last = body.strip().splitlines()[-1] if body.strip() else ""
                print(f"  {DIM if self.colour else ''}↻ {last}{RESET if self.colour else ''}")
            else:
                print()
                for line in body.splitlines():
                    print(f"  {line}")
            self._remember_buttons(message)

    def _remember_buttons(self, message: BotMessage) -> None:
        rows = [b for row in message.buttons for b in row if b.callback_data]
        if not rows:
            self.buttons = [b for b in self.buttons if b[0] != message.message_id]
            return
        self.buttons = [(message.message_id, b.text, b.callback_data or "") for b in rows]
        labels = "  ".join(f"[{i}] {label}" for i, (_, label, _) in enumerate(self.buttons, 1))
        print(f"  {labels}")

    def press(self, typed: str) -> tuple[int, str] | None:
        """The button a typed line presses: its exact label first, then its number."""
        wanted = typed.strip().lower()
        for message_id, label, data in self.buttons:
            if label.lower() == wanted:
                return message_id, data
        if wanted.isdigit() and 1 <= int(wanted) <= len(self.buttons):
            message_id, _, data = self.buttons[int(wanted) - 1]
            return message_id, data
        return None


def save_picture(message: BotMessage, folder: Path | None) -> Path | None:
    """Keep a received photo or animation under `folder`, named by its file id; its path."""
    if folder is None or message.kind not in ("photo", "animation"):
        return None
    if not message.file_bytes or not message.file_id:
        return None
    extension = "gif" if message.file_bytes.startswith(b"GIF8") else "png"
    path = folder / f"{message.file_id}.{extension}"
    if not path.exists():  # the same file id is the same picture
        folder.mkdir(parents=True, exist_ok=True)
        path.write_bytes(message.file_bytes)
    return path


def _read_lines(queue: asyncio.Queue[str | None]) -> None:
    """Feed stdin lines into `queue` (None at end of input) from a daemon thread.

    A daemon thread, not the loop's executor: a blocked readline must not keep the program
    alive after /quit.
    """
    loop = asyncio.get_running_loop()

    def pump() -> None:
        try:
            for line in sys.stdin:
                loop.call_soon_threadsafe(queue.put_nowait, line.rstrip("\n"))
            loop.call_soon_threadsafe(queue.put_nowait, None)
        except RuntimeError:  # the loop closed first: the chat is over
            return

    threading.Thread(target=pump, name="stdin", daemon=True).start()


async def _keep_showing(screen: Screen, emulator: BotApiEmulator) -> None:
    """Print what the bot says as it says it."""
    while True:
        screen.show(emulator.chat(screen.chat_id))
        await asyncio.sleep(0.1)


async def _quiet(
    emulator: BotApiEmulator, chat_id: int, countdowns: Countdowns, *, gap: float, limit: float
) -> None:
    """Wait for the bot's answer: something new, then `gap` seconds of stillness with no timer
    running (a running timer only counts while something else is still to come), or `limit`."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    first = last = _state(emulator, chat_id)
    answered = False
    still_since = loop.time()
    while loop.time() < deadline:
        state = _state(emulator, chat_id)
        if state != last:
            last, still_since = state, loop.time()
            answered = answered or state != first
        elif loop.time() - still_since >= gap and (answered or not countdowns.busy(chat_id)):
            return
        await asyncio.sleep(0.05)


async def _settled(app: BotApplication, emulator: BotApiEmulator, *, limit: float) -> None:
    """Wait until every update sent has been fetched and handled, or `limit` seconds."""
    processor = app.update_processor
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    while loop.time() < deadline:
        handled = not isinstance(processor, PerChatUpdateProcessor) or processor.idle()
        if handled and not emulator.pending_updates and app.update_queue.empty():
            return
        await asyncio.sleep(0.05)


def _state(emulator: BotApiEmulator, chat_id: int) -> list[tuple[int, str | None, int, int]]:
    return [(m.message_id, m.text, len(m.edits), len(m.buttons)) for m in emulator.chat(chat_id)]


async def run_chat(settings: Settings, library: Library, *, user_id: int = 1001) -> int:
    """Run the bot against the in-process emulator and chat with it on stdin/stdout."""
    token = f"{user_id}:{secrets.token_urlsafe(24)}"
    colour = sys.stdout.isatty()
    await upgrade_async(settings.db_url)
    async with BotApiEmulator(token) as emulator:
        # No pacing: there is one person and no Telegram to protect.
        local = settings.model_copy(
            update={"telegram_api_url": emulator.api_root, "rate_limit": 0, "chat_rate": 0}
        )
        app = build_application(local, library, Database(settings.db_url), token=token)
        emulator.add_user(user_id, first_name="You")
        screen = Screen(user_id, colour, settings.data_dir / "chat-pictures")
        print(
            f"stretchbot chat: you are talking to the real bot through a local Bot API emulator.\n"
            f"Database: {settings.db_url}\n"
            "Type as you would in Telegram (try /start). Press a button by typing its number. "
            "/quit leaves.",
            flush=True,
        )
        lines: asyncio.Queue[str | None] = asyncio.Queue()
        _read_lines(lines)
        async with running(app, poll_timeout=1):
            countdowns = app.bot_data[SERVICES].countdowns
            printer = asyncio.create_task(_keep_showing(screen, emulator))
            try:
                while (line := await lines.get()) is not None:
                    if line.strip().lower() in QUIT:
                        break
                    if not line.strip():
                        continue
                    pressed = screen.press(line)
                    if pressed:
                        emulator.press(user_id, *pressed)
                    else:
                        emulator.send_text(user_id, line)
                    # Let the bot answer before the next line: typed or piped, replies and
                    # buttons arrive in order.
                    await _quiet(emulator, user_id, countdowns, gap=0.6, limit=5.0)
                else:
                    # End of piped input: let a running timer and the last replies finish.
                    timer = countdowns.running.get(user_id)
                    if timer is not None:
                        await asyncio.wait([timer])
                    await _quiet(emulator, user_id, countdowns, gap=1.0, limit=3.0)
                # Stopping drops updates still queued: let the last ones be answered first.
                await _settled(app, emulator, limit=10.0)
            finally:
                printer.cancel()
                screen.show(emulator.chat(user_id))
        print("\nBye! Your data is kept in", settings.db_url)
    return 0
