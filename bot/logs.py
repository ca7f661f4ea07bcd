"""Logging for every stretchbot command: one format, and two promises kept at every level.

1. The bot token never reaches a log. Libraries put it in URLs ("…/bot<token>/getMe") and in
   error texts; every record is scrubbed where it is made (a log record factory), so the promise
   holds for any handler, including ones added later (pytest's caplog, a supervisor's).
2. No personal data reaches a log. At DEBUG python-telegram-bot logs each request's parameters
   and each update (names, pain notes), aiosqlite each statement with its parameters, httpx and
   aiohttp URLs. So DEBUG applies to stretchbot's own loggers only; every other stays at INFO.
   Exception texts are dropped from tracebacks (the type and the frames stay): a database
   error's text holds the statement's parameters, a Telegram client error can hold a URL.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

REDACTED = "<token>"
# A Bot API token: the bot's numeric id, a colon, 30+ URL-safe characters. Redacted even when it
# is not the configured one (a test token, a token from a previous deployment).
TOKEN_PATTERN = re.compile(r"(?<![0-9])[0-9]{3,}:[A-Za-z0-9_-]{30,}")
# Loggers that dump request parameters, updates or URLs at DEBUG: capped at INFO.
NOISY_AT_DEBUG = (
    "telegram", "httpx", "httpcore", "aiohttp", "apscheduler", "hpack", "tornado", "aiosqlite",
    "asyncpg", "sqlalchemy", "alembic",
)  # fmt: skip
FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"

_CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"

_secrets: set[str] = set()
_installed = False

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def add_secret(secret: str | None) -> None:
    """Redact `secret` (a token, a password) from every log record from now on."""
    if secret and len(secret) >= 6:  # a very short value would blank out ordinary words
        _secrets.add(secret)


def redact(text: str) -> str:
    """`text` with every known secret and anything shaped like a bot token replaced."""
    for secret in sorted(_secrets, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return TOKEN_PATTERN.sub(REDACTED, text)


def describe_exception(exc_info: ExcInfo) -> str:
    """A traceback with its frames and exception types, and no exception texts.

    Chained exceptions ("The above exception was the direct cause…") are kept, also without
    their texts.
    """
    _, error, _ = exc_info
    lines: list[str] = []
    seen: set[int] = set()
    chain: list[tuple[BaseException, str | None]] = []
    current: BaseException | None = error
    link: str | None = None
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, link))
        if current.__cause__ is not None:
            current, link = current.__cause__, _CAUSE
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = current.__context__, _CONTEXT
        else:
            current = None
    for exc, link in reversed(chain):
        frames = traceback.format_tb(exc.__traceback__)
        if frames:
            lines.append("Traceback (most recent call last):\n")
            lines.extend(frames)
        cls = type(exc)
        lines.append(f"{cls.__module__}.{cls.__qualname__} (text not logged)\n")
        if link is not None:
            lines.append(link)
    return redact("".join(lines).rstrip("\n"))


def _scrub(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except Exception:  # a malformed call must not break logging; its arguments stay out
        message = f"{record.msg!s} (arguments not shown: they do not fit the message)"
    record.msg = redact(message)
    record.args = None
    if record.exc_info and record.exc_info[1] is not None:
        # Formatters reuse a record's exc_text, so every handler prints this rendering.
        record.exc_text = describe_exception(record.exc_info)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)


def install_redaction() -> None:
    """Scrub every log record at creation (idempotent)."""
    global _installed
    if _installed:
        return
    make: Callable[..., logging.LogRecord] = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make(*args, **kwargs)
        _scrub(record)
        return record

    logging.setLogRecordFactory(factory)
    _installed = True


class _TracebackOfARejectedToken(logging.Filter):
    """python-telegram-bot logs a traceback when getUpdates says the token is invalid; the bot
    then exits with one line saying so (bot/telegram/web.py), which is all an operator needs."""

    def filter(self, record: logging.LogRecord) -> bool:
        if "Invalid token" in record.getMessage():
            record.exc_info = None
            record.exc_text = None
        return True


def setup_logging(level: str, *, token: str | None = None) -> None:
    """The root handler, redaction, and `level` for stretchbot's own loggers only.

    DEBUG is stretchbot's debugging: other libraries stay at INFO, because theirs dumps
    requests, updates and SQL parameters (aiosqlite logs each call with its arguments).
    """
    add_secret(token)
    install_redaction()
    logging.basicConfig(format=FORMAT)
    wanted = logging.getLevelName(level.upper())
    if not isinstance(wanted, int):
        wanted = logging.INFO
    floor = max(wanted, logging.INFO)
    logging.getLogger().setLevel(floor)
    logging.getLogger("bot").setLevel(wanted)
    for name in NOISY_AT_DEBUG:  # even if a root at DEBUG is configured by someone else
        logging.getLogger(name).setLevel(floor)
    # httpx logs every request URL at INFO, and the URL holds the bot token; SQLAlchemy logs
    # statements at INFO and result rows at DEBUG.
    for name in ("httpx", "alembic", "sqlalchemy", "apscheduler"):
        logging.getLogger(name).setLevel(max(floor, logging.WARNING))
    # A tick that is still busy makes APScheduler skip the next one (by design: max_instances=1)
    # and say so at WARNING every time.
    logging.getLogger("apscheduler.scheduler").setLevel(logging.ERROR)
    telegram_ext = logging.getLogger("telegram.ext")
    if not any(isinstance(f, _TracebackOfARejectedToken) for f in telegram_ext.filters):
        telegram_ext.addFilter(_TracebackOfARejectedToken())
