"""The Bot API emulator: a Telegram Bot API server for one bot, and the phone side of it.

The bot under test is the real python-telegram-bot `Application`, talking HTTP over loopback to
`/bot<token>/<method>` here. Tests play the users: `send_text`, `send_sticker`, `send_photo` and
`press` queue updates that the bot's `getUpdates` long poll (or its webhook) receives, and
`chat`, `calls`, `wait_for_message` and `wait_for_call` show what the bot did. `inject_fault`,
`inject_outage`, `inject_delay`, `block` and a `limiter` that enforces Telegram's flood limits
make Telegram misbehave on purpose. How the layers fit: see `state.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.emulator.server import HttpServer
from bot.emulator.spec import ApiError


class BotApiEmulator(HttpServer):
    """A Telegram Bot API server for one bot, in this process, on an ephemeral loopback port.

    Use as `async with BotApiEmulator(token) as emu:` and point the bot at `emu.base_url`
    (`ApplicationBuilder().base_url(...)`) or `emu.api_root`.
    """

    def commands_for(
        self, scope: dict[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, Any]]:
        """Commands set for a scope and language (default scope, all languages by default)."""
        return list(self._commands_by_scope.get(self._scope_key(scope, language_code), []))

    # --- faults ---------------------------------------------------------------------------

    def inject_fault(
        self,
        method: str,
        *,
        error_code: int,
        description: str,
        retry_after: int | None = None,
        chat_id: int | None = None,
        times: int = 1,
    ) -> None:
        """The next `times` calls of `method` (into `chat_id`, if given) fail like this.

        The call is checked against the spec first (a malformed call is refused as usual) and
        has no effect. E.g. 429 "Too Many Requests: retry after 3" with retry_after=3, 403
        "Forbidden: bot was blocked by the user", 400 "Bad Request: chat not found",
        502 "Bad Gateway".
        """
        spec = self._method_spec(method)
        if error_code == 429 and retry_after is None:
            raise ValueError("Telegram always sends retry_after with a 429")
        error = ApiError(error_code, description, retry_after=retry_after)
        self.faults.add_fault(spec.name, error, chat_id, times)

    def inject_outage(
        self,
        method: str,
        *,
        clock: Callable[[], datetime],
        until: datetime,
        error_code: int = 502,
        description: str = "Bad Gateway",
    ) -> None:
        """Every call of `method` fails like this until `clock()` reaches `until`, then Telegram
        recovers. The clock is the test's (a fake one), so a long outage takes no real time."""
        spec = self._method_spec(method)
        self.faults.add_outage(spec.name, ApiError(error_code, description), clock, until)

    def inject_delay(self, method: str, seconds: float, *, times: int = 1) -> None:
        """The next `times` calls of `method` are answered `seconds` late.

        The call takes effect at once, as on Telegram, where a message may well have been
        delivered although the client timed out waiting for the answer: a sendMessage the bot
        gave up on is still in `chat()`.
        """
        spec = self._method_spec(method)
        self.faults.add_delay(spec.name, seconds, times)
