"""`stretchbot chat`: the real bot against the in-process emulator; this terminal is the phone.

Same handlers, same database and same timers as `stretchbot run`; only the Bot API server is ours.
The terminal shows what Telegram would: messages as they arrive, an edited message again in full
(a running countdown's ticks as short lines), the pop-up a button answers with, the keyboard under
the text box, and photos and files saved under the data folder. Inline buttons are numbered;
typing a number (or a button's label) presses it. Every subscriber's chat is known to the local
emulator, so a routine due for someone else while you chat is delivered there, not refused.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import re
import secrets
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from bot.coach import safety
from bot.config import Settings
from bot.content.model import Library
from bot.emulator import BotApiEmulator, BotMessage
from bot.store import repo
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
    files: Path  # where photos and documents the bot sends are saved
    countdowns: Countdowns | None = None
    seen: dict[int, tuple[str, str]] = field(default_factory=dict)  # text, buttons
    buttons: list[tuple[int, str, str]] = field(default_factory=list)  # message, label, data
    previous_run: list[str] = field(default_factory=list)  # button labels before a restart

    def show(self, messages: list[BotMessage]) -> None:
        """Print new messages, and edits of the ones already shown."""
        for message in messages:
            text = message.text or ""
            key = (text, repr(message.buttons))
            previous = self.seen.get(message.message_id)
            if previous == key:
                continue
            self.seen[message.message_id] = key
            body = plain(text, colour=self.colour).strip()
            if previous is None:
                print()
                if message.kind != "text":
                    print(f"  [{message.kind}: {self._save(message)}]")
                self._lines(body)
            elif previous[0] != text:  # else only the buttons changed
                self._edited(plain(previous[0], colour=self.colour), body)
            self._remember_buttons(message)
            self._show_keyboard(message)

    def _lines(self, body: str) -> None:
        for line in body.splitlines():
            print(f"  {line}")

    def _edited(self, before: str, body: str) -> None:
        """An edit: a timer's tick (only the last line changes) as one line, else in full."""
        old, new = before.strip().splitlines(), body.splitlines()
        ticking = self.countdowns is not None and self.countdowns.busy(self.chat_id)
        dim, reset = (DIM, RESET) if self.colour else ("", "")
        if ticking and len(old) == len(new) and old[:-1] == new[:-1] and new:
            print(f"  {dim}↻ {new[-1]}{reset}")
            return
        print(f"  {dim}✎ (edited){reset}")
        self._lines(body)

    def _save(self, message: BotMessage) -> str:
        """Keep a photo or document the bot sent; its path is what the terminal shows."""
        if message.file_bytes is None:
            return message.file_name or message.kind
        self.files.mkdir(parents=True, exist_ok=True)
        # A picture sent again by its file id comes without a name: name it by what it is.
        extension = "gif" if message.file_bytes.startswith(b"GIF8") else "png"
        fallback = f"{message.kind}.{extension if message.kind != 'document' else 'bin'}"
        name = Path(message.file_name or fallback).name
        path = self.files / f"{message.message_id}-{name}"
        path.write_bytes(message.file_bytes)
        return str(path)

    def _remember_buttons(self, message: BotMessage) -> None:
        rows = [b for row in message.buttons for b in row if b.callback_data]
        if not rows:
            self.buttons = [b for b in self.buttons if b[0] != message.message_id]
            return
        self.buttons = [(message.message_id, b.text, b.callback_data or "") for b in rows]
        print(f"  {self.numbered()}")

    def numbered(self) -> str:
        """The buttons one can press now, numbered."""
        return "  ".join(f"[{i}] {label}" for i, (_, label, _) in enumerate(self.buttons, 1))

    def _show_keyboard(self, message: BotMessage) -> None:
        keyboard = message.reply_keyboard
        if keyboard is None:
            return
        if keyboard.get("remove_keyboard"):
            print("  (the keyboard under the text box is gone)")
            return
        for row in keyboard.get("keyboard", []):
            labels = [b if isinstance(b, str) else b.get("text", "") for b in row]
            print("  " + " ".join(f"[ {label} ]" for label in labels) + "  (type a label)")

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

    def from_before_restart(self, typed: str) -> str | None:
        """What to say when a number only matches a button shown before the chat restarted."""
        wanted = typed.strip()
        if not wanted.isdigit() or self.press(wanted) is not None:
            return None
        if not 1 <= int(wanted) <= len(self.previous_run):
            return None
        label = self.previous_run[int(wanted) - 1]
        now = self.numbered() or "none: send /help to see what you can do"
        return (
            f"  [{wanted}] {label} was a button from before the restart; those no longer work.\n"
            f"  The buttons now: {now}"
        )


def _load_buttons(path: Path) -> list[str]:
    try:
        labels = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [str(label) for label in labels] if isinstance(labels, list) else []


def _save_buttons(path: Path, screen: Screen) -> None:
    # Only a clearer answer after the next restart depends on it.
    with contextlib.suppress(OSError):
        path.write_text(json.dumps([label for _, label, _ in screen.buttons]), encoding="utf-8")


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
    emulator: BotApiEmulator,
    chat_id: int,
    countdowns: Countdowns,
    first: list[tuple[int, str | None, int, int]],
    *,
    gap: float,
    limit: float,
) -> None:
    """After the update was handled: wait for `gap` seconds of stillness with no timer running
    (a running timer only counts while nothing has changed since `first`), or `limit`."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    last = _state(emulator, chat_id)
    still_since = loop.time()
    while loop.time() < deadline:
        state = _state(emulator, chat_id)
        if state != last:
            last, still_since = state, loop.time()
        elif loop.time() - still_since >= gap and (state != first or not countdowns.busy(chat_id)):
            return
        await asyncio.sleep(0.05)


async def _handled(app: BotApplication, count: int, *, limit: float) -> None:
    """Wait until the bot has dealt with `count` updates in all (a chart takes a few seconds to
    draw on a busy machine: waiting for the answer's arrival alone let the next line overtake
    it), or `limit` seconds."""
    processor = app.update_processor
    if not isinstance(processor, PerChatUpdateProcessor):
        return
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    while processor.finished < count and loop.time() < deadline:  # noqa: ASYNC110 - a counter
        await asyncio.sleep(0.02)


def _state(emulator: BotApiEmulator, chat_id: int) -> list[tuple[int, str | None, int, int]]:
    return [(m.message_id, m.text, len(m.edits), len(m.buttons)) for m in emulator.chat(chat_id)]


async def _every_subscriber(db_url: str, emulator: BotApiEmulator, you: int) -> None:
    """Make every subscriber's chat known to the emulator: a routine due for another pretend
    user while you chat is delivered (unseen), not refused, which would mark them inactive."""
    db = Database(db_url)
    try:
        async with db.session() as s:
            chats = await repo.chat_ids(s)
    finally:
        await db.close()
    for chat in chats:
        if chat > 0 and chat != you:
            emulator.add_user(chat, first_name="Someone else")


def _popup(emulator: BotApiEmulator, query_id: str, *, colour: bool) -> None:
    """The pop-up a pressed button answered with, if it said anything."""
    answer = emulator.answered_callbacks.get(query_id) or {}
    text = answer.get("text")
    if text:
        mark = "⚠" if answer.get("show_alert") else "💬"
        print(f"  {BOLD if colour else ''}{mark} {text}{RESET if colour else ''}")


async def run_chat(settings: Settings, library: Library, *, user_id: int = 1001) -> int:
    """Run the bot against the in-process emulator and chat with it on stdin/stdout."""
    token = f"{user_id}:{secrets.token_urlsafe(24)}"
    colour = sys.stdout.isatty()
    await upgrade_async(settings.db_url)
    remembered = settings.data_dir / f"chat-buttons-{user_id}.json"
    async with BotApiEmulator(token) as emulator:
        # No pacing: there is one person and no Telegram to protect.
        local = settings.model_copy(
            update={"telegram_api_url": emulator.api_root, "rate_limit": 0, "chat_rate": 0}
        )
        app = build_application(local, library, Database.from_settings(settings), token=token)
        await _every_subscriber(settings.db_url, emulator, user_id)
        emulator.add_user(user_id, first_name="")  # no name: greeted with "Hi!"
        screen = Screen(
            user_id,
            colour,
            settings.data_dir / "chat-files",
            previous_run=_load_buttons(remembered),
        )
        print(
            f"stretchbot chat: you are talking to the real bot through a local Bot API emulator.\n"
            f"Database: {settings.db_url}\n"
            "Type as you would in Telegram (try /start). Press a button by typing its number. "
            "/quit leaves.",
            flush=True,
        )
        lines: asyncio.Queue[str | None] = asyncio.Queue()
        _read_lines(lines)
        sent = 0
        async with running(app, poll_timeout=1):
            countdowns = app.bot_data[SERVICES].countdowns
            screen.countdowns = countdowns
            # The safety screen's first message waits for its pipeline (seconds): wait for it
            # here, once, so piped lines are not answered out of turn.
            await asyncio.to_thread(safety.warm_up, settings.sentence_model_dir)
            printer = asyncio.create_task(_keep_showing(screen, emulator))
            try:
                while (line := await lines.get()) is not None:
                    if line.strip().lower() in QUIT:
                        break
                    if not line.strip():
                        continue
                    stale = screen.from_before_restart(line)
                    if stale is not None:
                        print(stale)
                        continue
                    before = _state(emulator, user_id)
                    pressed = screen.press(line)
                    query = emulator.press(user_id, *pressed) if pressed else None
                    if query is None:
                        emulator.send_text(user_id, line)
                    sent += 1
                    # Let the bot answer before the next line: typed or piped, replies and
                    # buttons arrive in order.
                    await _handled(app, sent, limit=60.0)
                    screen.show(emulator.chat(user_id))
                    if query is not None:
                        _popup(emulator, query, colour=colour)
                    await _quiet(emulator, user_id, countdowns, before, gap=0.6, limit=5.0)
                else:
                    # End of piped input: let a running timer and the last replies finish.
                    timer = countdowns.running.get(user_id)
                    if timer is not None:
                        await asyncio.wait([timer])
                    await _quiet(
                        emulator, user_id, countdowns, _state(emulator, user_id),
                        gap=1.0, limit=3.0,
                    )  # fmt: skip
                # Stopping drops updates still queued: let the last ones be answered first.
                await _handled(app, sent, limit=10.0)
            finally:
                printer.cancel()
                screen.show(emulator.chat(user_id))
                _save_buttons(remembered, screen)
        print("\nBye! Your data is kept in", settings.db_url)
    return 0
