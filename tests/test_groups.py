"""Groups, supergroups and channels: the coach is personal. There it stores nothing, answers once
with a pointer to a private chat, ignores commands for other bots and refuses buttons."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from bot.store.db import Database
from bot.store.models import PainReport, StretchSession, Subscriber
from bot.telegram import texts
from bot.telegram.updates import PerChatUpdateProcessor
from tests.conftest import Harness

GROUP = -100_200_300
POINTER = "https://t.me/stretchbot_bot?start=group"


async def everything(bot: Harness, model: type) -> list:
    db = Database(bot.db_url)
    try:
        async with db.session() as s:
            return list((await s.execute(select(model))).scalars())
    finally:
        await db.close()


@pytest.mark.parametrize("kind", ["group", "supergroup", "channel"])
async def test_a_group_gets_one_pointer_to_a_private_chat_and_nothing_is_stored(
    bot: Harness, kind: str
) -> None:
    bot.phone(1001)
    bot.emulator.add_group(GROUP, kind=kind)
    for text in ["/start", "/pain 7 my knee after the fall", "/start", "numb legs", "done"]:
        bot.emulator.send_text(1001, text, chat_id=GROUP)
    pointer = await bot.emulator.wait_for_message(GROUP)
    assert POINTER in pointer.text
    assert "private chat" in pointer.plain_text
    await handled(bot, 5)
    assert [m.text for m in bot.emulator.chat(GROUP)] == [pointer.text]  # once, no "seek care"
    assert await everything(bot, Subscriber) == []
    assert await everything(bot, PainReport) == []


async def test_commands_for_another_bot_are_ignored_in_groups_and_private_chats(
    bot: Harness,
) -> None:
    phone = bot.phone(1001)
    bot.emulator.add_group(GROUP)
    bot.emulator.send_text(1001, "/start@otherbot", chat_id=GROUP)
    bot.emulator.send_text(1001, "/help@StretchBot_bot", chat_id=GROUP)  # ours, any case
    pointer = await bot.emulator.wait_for_message(GROUP)
    assert POINTER in pointer.text
    assert len(bot.emulator.chat(GROUP)) == 1
    # In a private chat too: /start@otherbot subscribes nobody and gets no answer; the
    # username python-telegram-bot filters commands by is the one getMe gave.
    bot.emulator.send_text(1001, "/start@otherbot")
    await handled(bot, 3)
    await phone.send("/help", expect="/desk")
    assert len(bot.emulator.chat(1001)) == 1  # /help's answer only
    assert await everything(bot, Subscriber) == []
    await phone.send("/start@stretchbot_bot", expect="not a clinician")
    assert [s.chat_id for s in await everything(bot, Subscriber)] == [1001]


async def test_buttons_pressed_in_a_group_are_refused_and_change_nothing(bot: Harness) -> None:
    ada = bot.phone(1001)
    await ada.send("/start", expect="not a clinician")
    await ada.send("/desk", expect="Step 1 of")
    (session,) = await everything(bot, StretchSession)
    bot.emulator.add_group(GROUP)
    bot.emulator.send_text(1001, "hello", chat_id=GROUP)
    pointer = await bot.emulator.wait_for_message(GROUP)
    for data in [f"d:{session.id}", f"h:{session.id}:0", "x:yes", "s:pause:7", "p:3"]:
        query = bot.emulator.press(1001, pointer.message_id, data, chat_id=GROUP)
        answer = await bot.emulator.wait_for_call(
            "answerCallbackQuery",
            predicate=lambda c, q=query: c.params.get("callback_query_id") == q,
        )
        assert answer.params["text"] == texts.PRIVATE_ONLY_BUTTON, data
    (after,) = await everything(bot, StretchSession)
    assert after.done_at is None
    assert after.started_at == session.started_at
    (sub,) = await everything(bot, Subscriber)
    assert sub.paused_until is None
    assert await everything(bot, PainReport) == []
    # /forget in private removes everything; no group ever had rows to leave behind.
    question = await ada.send("/forget", expect="can't be undone")
    await ada.press(question, "Yes, delete everything")
    await bot.emulator.wait_for_call(
        "editMessageText", predicate=lambda c: c.params.get("text") == texts.FORGOTTEN
    )
    assert await everything(bot, Subscriber) == []
    assert await everything(bot, StretchSession) == []


async def handled(bot: Harness, count: int) -> None:
    """Wait until the bot has dealt with `count` updates (some change nothing one could see)."""
    processor = bot.app.update_processor
    assert isinstance(processor, PerChatUpdateProcessor)
    for _ in range(500):
        if processor.finished >= count:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{processor.finished} of {count} updates handled")
