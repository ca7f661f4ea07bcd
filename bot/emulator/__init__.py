"""The Bot API emulator: the real bot talks HTTP to it in tests, benchmarks and `stretchbot chat`.

A server, not a client: nothing here imports `telegram`.
"""

from bot.emulator.emulator import BotApiEmulator
from bot.emulator.limits import LimiterMode, RateLimiter, Refusal
from bot.emulator.models import ApiCall, BotMessage, Button
from bot.emulator.spec import ApiError, UploadedFile

__all__ = [
    "ApiCall",
    "ApiError",
    "BotApiEmulator",
    "BotMessage",
    "Button",
    "LimiterMode",
    "RateLimiter",
    "Refusal",
    "UploadedFile",
]
