"""A session that flows under Telegram's limits, through the real Application and the emulator:
replies retried after a 429, one chat's flood never holding up another, repeated requests
coalesced, and a stop during a backlog that does not drain it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.content.model import Library
from bot.emulator import BotApiEmulator, LimiterMode
from bot.store.db import Database
from bot.telegram import texts
from bot.telegram.app import BotApplication, build_application, running
from tests.conftest import FakeClock, Harness, make_settings


@pytest.fixture
async def paced(
    emulator: BotApiEmulator, db_url: str, clock: FakeClock, library: Library
) -> AsyncIterator[Harness]:
    """A bot paced like production (1 a second into a chat, burst 3); tests using it enforce the
    emulator's limits, so anything faster is answered with 429."""
    settings = make_settings(emulator.api_root, db_url, chat_rate=1, chat_burst=3, chat_backlog=20)
    app = build_application(settings, library, Database(db_url), clock=clock)
    async with running(app, poll_timeout=1):
        yield Harness(app, emulator, clock, db_url, settings, library)


def sends_to(emulator: BotApiEmulator, chat_id: int) -> list[bool]:
    return [c.ok for c in emulator.calls_of("sendMessage") if c.params.get("chat_id") == chat_id]


async def test_a_reply_refused_with_429_is_sent_again_after_retry_after(bot: Harness) -> None:
    phone = bot.phone()
    bot.emulator.inject_fault(
        "sendMessage",
        error_code=429,
        description="Too Many Requests: retry after 1",
        retry_after=1,
        chat_id=phone.user_id,
    )
    answer = await phone.send("/help", expect="What I can do")
    assert answer.text is not None
    assert sends_to(bot.emulator, phone.user_id) == [False, True]
    assert phone.texts().count(answer.text) == 1


@pytest.mark.emulator_limits(LimiterMode.ENFORCE)
async def test_one_chat_flooding_does_not_hold_up_another(paced: Harness) -> None:
    flooder, other = paced.phone(2001), paced.phone(2002, first_name="Bea")
    for n in range(300):
        paced.emulator.send_text(flooder.user_id, f"note number {n}")
    await flooder.expect()  # the flood is being answered
    await other.send("/help", expect="What I can do")
    # Answered while the flooder, paced at one a second, had had only a few answers.
    assert len(paced.emulator.chat(flooder.user_id)) < 20
    note = await flooder.expect("catching up")
    assert note.text == texts.CATCHING_UP
    assert not paced.emulator.limiter.refusals
    backlog = paced.app.update_processor
    assert backlog.queued(flooder.user_id) <= paced.settings.chat_backlog  # type: ignore[attr-defined]


@pytest.mark.emulator_limits(LimiterMode.ENFORCE)
async def test_stopping_during_a_backlog_drops_it_instead_of_draining_it(
    emulator: BotApiEmulator, db_url: str, clock: FakeClock, library: Library
) -> None:
    settings = make_settings(emulator.api_root, db_url, chat_rate=1, chat_burst=3)
    app: BotApplication = build_application(settings, library, Database(db_url), clock=clock)
    emulator.add_user(3001, first_name="Cy")
    loop = asyncio.get_running_loop()
    async with running(app, poll_timeout=1):
        for n in range(300):
            emulator.send_text(3001, f"note number {n}")
        await emulator.wait_for_message(3001, predicate=lambda m: "catching up" in (m.text or ""))
        stopping = loop.time()
    # Draining the backlog of 20 at one a second would take 20 s; dropping it takes the update
    # in progress and the long poll's return.
    assert loop.time() - stopping < 5
    answers = [t for t in (m.text or "" for m in emulator.chat(3001)) if "catching up" not in t]
    assert len(answers) < 10
    assert not emulator.limiter.refusals
    assert sum("catching up" in (m.text or "") for m in emulator.chat(3001)) == 1


async def test_the_same_text_sent_again_while_queued_is_answered_once(bot: Harness) -> None:
    phone = bot.phone()
    for _ in range(10):
        bot.emulator.send_text(phone.user_id, "/help")
    await phone.send("/nonsense", expect="/nonsense")
    helps = [t for t in phone.texts() if "What I can do" in t]
    # The first /help was being handled when the others arrived: they coalesce into one.
    assert len(helps) == 2
