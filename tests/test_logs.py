"""No token and no personal data in any log, at any level: the real bot at DEBUG, grepped."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from telegram.error import NetworkError

from bot.logs import NOISY_AT_DEBUG, describe_exception, redact, setup_logging
from bot.store.db import Database
from bot.telegram.http import AiohttpRequest
from tests.conftest import TOKEN, Harness

NOTE = "sharp twinge behind my left knee since the Zanzibar trip"
NAME = "Philippa Quintessa"
REAL_LOOKING = "7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"


@pytest.fixture
def debug_logging(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """`stretchbot run` with STRETCHBOT_LOG_LEVEL=DEBUG, captured from the root at DEBUG."""
    names = ("", "bot", *NOISY_AT_DEBUG, "apscheduler.scheduler")
    saved = {name: logging.getLogger(name).level for name in names}
    caplog.set_level(logging.DEBUG)
    setup_logging("DEBUG", token=TOKEN)
    yield caplog
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


def everything(caplog: pytest.LogCaptureFixture) -> str:
    """Every record captured so far (start-up included) as a handler prints it, with tracebacks."""
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    records = caplog.get_records("setup") + caplog.records
    return "\n".join(formatter.format(record) for record in records)


async def test_a_conversation_at_debug_logs_neither_token_nor_words(
    debug_logging: pytest.LogCaptureFixture, bot: Harness
) -> None:
    phone = bot.phone(1001, first_name=NAME)
    await phone.send("/start", expect="stretchbot")
    await phone.send(f"/pain 4 {NOTE}", expect="Recorded")
    await phone.send(f"my name is {NAME} and {NOTE}")
    await phone.send("/export")
    logged = everything(debug_logging)
    assert "telegram.ext.Application INFO Application started" in logged  # it did capture
    for secret in (TOKEN, TOKEN.split(":")[1], NOTE, "Zanzibar", NAME, "Quintessa"):
        assert secret not in logged


async def test_a_failed_insert_logs_neither_its_parameters_nor_the_error_text(
    db_url: str, debug_logging: pytest.LogCaptureFixture
) -> None:
    db = Database(db_url)
    try:
        with pytest.raises(DBAPIError) as caught:
            async with db.session() as session:
                await session.execute(
                    text("INSERT INTO subscribers (chat_id, timezone) VALUES (:chat, :note)"),
                    {"chat": None, "note": NOTE},
                )
    finally:
        await db.close()
    # SQLAlchemy's part of the text hides them; the driver's own part may not (PostgreSQL quotes
    # the failing row), which is why log records never carry exception texts.
    assert "SQL parameters hidden" in str(caught.value)
    logging.getLogger("bot.test").error("update failed", exc_info=caught.value)
    logged = everything(debug_logging)
    assert "IntegrityError (text not logged)" in logged
    assert "Traceback (most recent call last)" in logged  # the frames stay
    assert NOTE not in logged


def test_the_token_is_redacted_wherever_it_appears(caplog: pytest.LogCaptureFixture) -> None:
    setup_logging("INFO", token=TOKEN)
    log = logging.getLogger("bot.test")
    with caplog.at_level(logging.INFO):
        log.info("GET http://127.0.0.1/bot%s/getMe", TOKEN)
        log.warning("unrelated %s and %s", REAL_LOOKING, ["x", f"bot{REAL_LOOKING}/send"])
        try:
            raise RuntimeError(f"failed at https://api.telegram.org/bot{TOKEN}/getUpdates")
        except RuntimeError:
            log.exception("poll failed")
    logged = everything(caplog)
    assert TOKEN not in logged
    assert REAL_LOOKING not in logged
    assert logged.count("<token>") == 3
    assert "builtins.RuntimeError (text not logged)" in logged


def test_a_chained_exception_keeps_types_and_frames_not_texts() -> None:
    try:
        try:
            raise KeyError(NOTE)
        except KeyError as inner:
            raise ValueError(NAME) from inner
    except ValueError as outer:
        rendered = describe_exception((ValueError, outer, outer.__traceback__))
    assert "builtins.KeyError" in rendered
    assert "direct cause" in rendered
    assert rendered.rstrip().endswith("builtins.ValueError (text not logged)")
    assert NOTE not in rendered
    assert NAME not in rendered


def test_redact_leaves_ordinary_text_alone() -> None:
    assert redact("routine 12:30 sent to 1001") == "routine 12:30 sent to 1001"


@pytest.mark.parametrize(
    "root", ["htp://127.0.0.1:8081", "http://127.0.0.1:99999", "http://127.0.0.1:1"]
)
async def test_a_failed_request_names_the_failure_not_the_url(root: str) -> None:
    """aiohttp quotes the URL in its errors, and the URL holds the token."""
    request = AiohttpRequest(connection_pool_size=1)
    await request.initialize()
    try:
        with pytest.raises(NetworkError) as caught:
            await request.post(f"{root}/bot{TOKEN}/getMe")
    finally:
        await request.shutdown()
    error = caught.value
    shown = "".join(traceback.format_exception(error))
    assert "aiohttp." in str(error)
    assert TOKEN not in shown
    assert TOKEN.split(":")[1] not in repr(error)
