"""The error handler's fallbacks, through the real Application: a bug in a handler gets the honest
apology (as a reply, or as a button's alert), is logged by its type without the person's words,
and a failure to apologise is itself only logged. The failing handlers are added by the tests."""

from __future__ import annotations

import logging

import pytest
from telegram import Update
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot.telegram import texts
from bot.telegram.context import Context
from tests.conftest import Harness

FIRST = -10  # before every handler of the bot's own


async def broken(update: Update, context: Context) -> None:
    raise RuntimeError(
        f"a bug that quotes {update.effective_message and update.effective_message.text}"
    )


async def not_modified(update: Update, context: Context) -> None:
    raise BadRequest("Message is not modified: specified new message content is the same")


@pytest.fixture
def buggy(bot: Harness) -> Harness:
    bot.app.add_handler(MessageHandler(filters.Regex("^my secret"), broken), group=FIRST)
    bot.app.add_handler(CallbackQueryHandler(broken, pattern="^boom$"), group=FIRST)
    bot.app.add_handler(MessageHandler(filters.Regex("^same again"), not_modified), group=FIRST)
    return bot


async def test_a_bug_gets_an_apology_and_a_log_line_without_the_words(
    buggy: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    phone = buggy.phone(1001)
    with caplog.at_level(logging.ERROR, logger="bot.telegram.handlers.errors"):
        await phone.send("my secret knee story", expect=texts.SOMETHING_WRONG)
    assert "RuntimeError" in caplog.text
    assert "secret" not in caplog.text
    await phone.send("/help", expect="What I can do")  # the bot carries on


async def test_a_bug_behind_a_button_answers_the_tap_with_an_alert(buggy: Harness) -> None:
    phone = buggy.phone(1001)
    start = await phone.send("/help", expect="What I can do")
    query = buggy.emulator.press(1001, start.message_id, "boom")
    answer = await buggy.emulator.wait_for_call(
        "answerCallbackQuery", predicate=lambda c: c.params.get("callback_query_id") == query
    )
    assert answer.params.get("text") == texts.SOMETHING_WRONG
    assert answer.params.get("show_alert") is True


async def test_an_edit_that_changed_nothing_is_not_an_error(
    buggy: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    phone = buggy.phone(1001)
    mark = phone.mark()
    with caplog.at_level(logging.ERROR, logger="bot.telegram.handlers.errors"):
        buggy.emulator.send_text(1001, "same again")
        await phone.send("/help", expect="What I can do")
    assert not [t for t in phone.texts(mark) if texts.SOMETHING_WRONG in t]
    assert "failed" not in caplog.text


async def test_when_even_the_apology_fails_it_is_only_logged(
    buggy: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    phone = buggy.phone(1001)
    await phone.send("/help", expect="What I can do")
    buggy.emulator.inject_fault(
        "sendMessage", error_code=400, description="Bad Request: chat not found", chat_id=1001
    )
    mark = phone.mark()
    with caplog.at_level(logging.WARNING, logger="bot.telegram.handlers.errors"):
        buggy.emulator.send_text(1001, "my secret")
        await phone.send("/help", expect="What I can do")
    assert "could not tell the user about the failure" in caplog.text
    assert not [t for t in phone.texts(mark) if texts.SOMETHING_WRONG in t]
