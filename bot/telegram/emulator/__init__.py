"""A Telegram Bot API emulator: the real bot talks HTTP to it in tests, benchmarks and `chat`."""

from bot.telegram.emulator.server import ApiCall, BotApiEmulator, BotMessage, Button
from bot.telegram.emulator.spec import ApiError, UploadedFile

__all__ = ["ApiCall", "ApiError", "BotApiEmulator", "BotMessage", "Button", "UploadedFile"]
