"""Buttons are checked against their owner before anything positive is said: a forged button
naming another person's session, and callback data we never issued, get the "expired" answer and
change nothing for either person."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.errors import Stale
from bot.store.db import Database
from bot.store.models import PainReport, StretchSession, Subscriber
from bot.telegram import texts
from tests.conftest import Harness, Phone


async def everything(bot: Harness, model: type) -> list:
    db = Database(bot.db_url)
    try:
        async with db.session() as s:
            return list(
                (await s.execute(select(model).order_by(*model.__table__.primary_key))).scalars()
            )
    finally:
        await db.close()


async def started(bot: Harness, user_id: int, name: str) -> Phone:
    phone = bot.phone(user_id, first_name=name)
    await phone.send("/start", expect="not a clinician")
    return phone


async def answer_to(bot: Harness, phone: Phone, message_id: int, data: str) -> dict:
    query = bot.emulator.press(phone.user_id, message_id, data)
    call = await bot.emulator.wait_for_call(
        "answerCallbackQuery", predicate=lambda c: c.params.get("callback_query_id") == query
    )
    return call.params


def snapshot(rows: list) -> list[tuple]:
    return [
        (r.id, r.chat_id, r.card_index, r.started_at, r.done_at, r.skipped_at, r.hold_until)
        for r in rows
    ]


async def test_a_forged_button_for_another_persons_session_is_expired_and_changes_nothing(
    bot: Harness,
) -> None:
    ada = await started(bot, 1001, "Ada")
    bob = await started(bot, 1002, "Bob")
    await bob.send("/desk", expect="Step 1 of")
    ada_card = await ada.send("/desk", expect="Step 1 of")
    sessions = await everything(bot, StretchSession)
    (bobs,) = [s for s in sessions if s.chat_id == 1002]
    before = snapshot(sessions)
    subscribers = [
        (s.chat_id, s.active, s.paused_until) for s in await everything(bot, Subscriber)
    ]
    expired = texts.stale(Stale.UNKNOWN)
    for data in [
        f"d:{bobs.id}", f"h:{bobs.id}:0", f"k:{bobs.id}:0",
        f"r:start:{bobs.id}", f"r:snooze:{bobs.id}", f"r:skip:{bobs.id}",
    ]:  # fmt: skip
        answer = await answer_to(bot, ada, ada_card.message_id, data)
        assert answer.get("text") == expired, data  # the first and only answer
    assert snapshot(await everything(bot, StretchSession)) == before
    after = [(s.chat_id, s.active, s.paused_until) for s in await everything(bot, Subscriber)]
    assert after == subscribers
    assert await everything(bot, PainReport) == []
    assert not any("Logged" in m.text for m in bot.emulator.chat(1001) if m.text)
    assert not any("Logged" in m.text for m in bot.emulator.chat(1002) if m.text)


@pytest.mark.parametrize(
    "data",
    ["d:", "d", ":", "::", "h:1:", "h::0", "r:start:", "r::5", "d:-1", "d:1:2", "d:１", "\x00",
     "d:99999999999999999999", "p:", "s:", "x:"],
)  # fmt: skip
async def test_empty_and_garbage_button_data_is_expired_and_changes_nothing(
    bot: Harness, data: str
) -> None:
    ada = await started(bot, 1001, "Ada")
    card = await ada.send("/desk", expect="Step 1 of")
    before = snapshot(await everything(bot, StretchSession))
    answer = await answer_to(bot, ada, card.message_id, data)
    assert answer.get("text") == texts.EXPIRED_BUTTON
    assert answer.get("show_alert") is True
    assert snapshot(await everything(bot, StretchSession)) == before
