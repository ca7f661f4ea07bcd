"""The typed context every callback receives, and the services it carries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from bot.config import Settings
from bot.metrics import Metrics
from bot.schedule.ticker import Ticker
from bot.store.db import Database
from bot.telegram.countdown import Countdowns
from bot.telegram.pictures import Pictures
from bot.usecases import Coach

SERVICES = "services"


@dataclass
class Services:
    """What handlers need, built once by the application factory."""

    coach: Coach
    countdowns: Countdowns
    clock: Callable[[], datetime]
    settings: Settings
    ticker: Ticker
    metrics: Metrics
    db: Database
    pictures: Pictures


class Context(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[str, Any]]):
    """CallbackContext with typed access to the services."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(application, chat_id=chat_id, user_id=user_id)

    @property
    def services(self) -> Services:
        """The services registered by `build_application`."""
        services: Services = self.bot_data[SERVICES]
        return services

    @property
    def coach(self) -> Coach:
        """The use cases."""
        return self.services.coach

    def now(self) -> datetime:
        """The current time from the injected clock."""
        return self.services.clock()
