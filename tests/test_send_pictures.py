"""Cards' pictures sent through the emulator: uploaded once per bot, then sent by file id.

The real Application talks HTTP to the emulator, and the file ids live in the test's database.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.content.model import Library
from bot.pictures import picture_digest
from bot.store.db import Database
from bot.store.models import PictureFile
from bot.telegram.context import SERVICES
from bot.telegram.pictures import Pictures
from bot.usecases.pictures import PictureFiles
from tests.conftest import Harness
from tests.test_delivery import SEVEN, subscriber, tick

STILL = "chair-hamstring"
MOVING = "leg-swings"


def pictures_of(bot: Harness) -> Pictures:
    bot.emulator.add_user(1001)
    pictures: Pictures = bot.app.bot_data[SERVICES].pictures
    return pictures


async def stored_ids(db_url: str) -> list[tuple[str, str]]:
    db = Database(db_url)
    try:
        async with db.session() as s:
            rows = (await s.execute(select(PictureFile.digest, PictureFile.file_id))).all()
            return [(row.digest, row.file_id) for row in rows]
    finally:
        await db.close()


async def test_a_card_is_sent_with_its_picture_and_sent_again_by_file_id(bot: Harness) -> None:
    card = bot.library.cards[STILL]
    pictures = pictures_of(bot)
    first = await pictures.send(bot.app.bot, 1001, card, None, "<b>Step 1</b>: sit tall")
    assert first.photo
    assert first.caption == "Step 1: sit tall"
    (shown,) = bot.emulator.chat(1001)
    assert shown.kind == "photo"
    assert shown.file_bytes is not None
    assert shown.file_bytes.startswith(b"\x89PNG")
    assert shown.plain_text == "Step 1: sit tall"
    assert len(bot.emulator.uploads) == 1
    digest = picture_digest(card, "left")
    assert await stored_ids(bot.db_url) == [(digest, first.photo[-1].file_id)]

    bot.emulator.add_user(1002)
    again = await pictures.send(bot.app.bot, 1002, card, None, "Step 1")
    assert again.photo[-1].file_id == first.photo[-1].file_id
    assert len(bot.emulator.uploads) == 1  # the second send named the file, no bytes
    (call,) = bot.emulator.calls_of("sendPhoto")[1:]
    assert call.params["photo"] == first.photo[-1].file_id

    # The caption follows the person through the steps; the picture stays.
    await pictures.edit(bot.app.bot, 1001, first.message_id, "Step 2: lean forward")
    assert bot.emulator.chat(1001)[0].plain_text == "Step 2: lean forward"
    assert bot.emulator.chat(1001)[0].file_id == first.photo[-1].file_id


async def test_an_animation_is_sent_as_one_and_swapped_in_by_edit(bot: Harness) -> None:
    pictures = pictures_of(bot)
    still = await pictures.send(bot.app.bot, 1001, bot.library.cards[STILL], None, "one")
    moving = bot.library.cards[MOVING]
    await pictures.edit(bot.app.bot, 1001, still.message_id, "two", card=moving)
    (shown,) = bot.emulator.chat(1001)
    assert (shown.kind, shown.plain_text) == ("animation", "two")
    assert shown.file_bytes is not None
    assert shown.file_bytes.startswith(b"GIF89a")
    sent = await pictures.send(bot.app.bot, 1001, moving, None, "three")
    assert sent.animation is not None
    assert sent.animation.file_id == shown.file_id
    assert len(bot.emulator.uploads) == 2  # one still, one animation; the re-send by id


async def test_a_file_id_telegram_refuses_is_forgotten_and_uploaded_again(
    bot: Harness,
) -> None:
    card = bot.library.cards[STILL]
    digest = picture_digest(card, "left")
    assert digest is not None
    db = Database(bot.db_url)
    try:
        # A file id from another bot (or one Telegram dropped) is in the database.
        bot.emulator.add_user(1001)
        files = PictureFiles(db, lambda: datetime.now(UTC))
        await files.remember(bot.app.bot.id, digest, "AgADnot-ours", "photo")
        pictures = Pictures(files, None)
        sent = await pictures.send(bot.app.bot, 1001, card, None, "Step 1")
    finally:
        await db.close()
    assert sent.photo
    refused = bot.emulator.calls_of("sendPhoto")[0]
    assert (refused.params["photo"], refused.status) == ("AgADnot-ours", 400)
    assert len(bot.emulator.uploads) == 1
    assert await stored_ids(bot.db_url) == [(digest, sent.photo[-1].file_id)]


async def test_concurrent_first_sends_upload_once(bot: Harness) -> None:
    card = bot.library.cards[STILL]
    users = range(2001, 2011)
    for user in users:
        bot.emulator.add_user(user)
    pictures_of(bot)
    pictures = Pictures(None, None)  # a fresh process: no file id in memory
    sent = await asyncio.gather(
        *(pictures.send(bot.app.bot, user, card, None, "Step 1") for user in users)
    )
    assert len(bot.emulator.uploads) == 1
    assert len({m.photo[-1].file_id for m in sent}) == 1
    assert all(bot.emulator.chat(user)[0].kind == "photo" for user in users)


async def test_a_card_without_a_pose_has_no_picture(bot: Harness, library: Library) -> None:
    pictures = pictures_of(bot)
    plain = (
        next(c for c in library.cards.values() if c.pose is None)
        if any(c.pose is None for c in library.cards.values())
        else None
    )
    if plain is not None:
        assert not pictures.has_picture(plain)
        with pytest.raises(ValueError, match="has no picture"):
            await pictures.send(bot.app.bot, 1001, plain, None, "x")
    assert not pictures.has_picture(None)
    assert not Pictures(None, None, enabled=False).has_picture(library.cards[STILL])


async def test_a_fan_out_of_fifty_uploads_the_offer_picture_once(
    bot: Harness, clock: object
) -> None:
    bot.clock.now = SEVEN
    phones = [await subscriber(bot, user) for user in range(3001, 3051)]
    marks = [phone.mark() for phone in phones]
    bot.clock.now = SEVEN.replace(minute=30)
    uploads = len(bot.emulator.uploads)
    report = await tick(bot)
    assert report.sent == 50
    offers = [bot.emulator.chat(p.user_id)[m] for p, m in zip(phones, marks, strict=True)]
    assert {o.kind for o in offers} <= {"photo", "animation"}
    assert all("-minute morning routine" in o.plain_text for o in offers)
    assert len({o.file_id for o in offers}) == 1
    assert len(bot.emulator.uploads) - uploads == 1


async def test_pictures_off_sends_the_offer_as_text(bot: Harness) -> None:
    bot.clock.now = SEVEN
    phone = await subscriber(bot, 1001)
    bot.app.bot_data[SERVICES].pictures.enabled = False
    bot.clock.now = SEVEN.replace(minute=30)
    mark = phone.mark()
    await tick(bot)
    offer = bot.emulator.chat(1001)[mark]
    assert offer.kind == "text"
    assert "-minute morning routine" in offer.plain_text
    assert bot.emulator.uploads == []


async def test_a_desk_card_is_its_picture_with_the_step_as_caption_edited_in_place(
    bot: Harness,
) -> None:
    from tests.test_conversation import holds_done, started, step_until

    phone = await started(bot)
    mark = phone.mark()
    await phone.send("/desk", expect="🪑")
    card = await phone.expect("Step 1 of", after=mark)
    assert card.kind in ("photo", "animation")
    assert card.file_bytes is not None
    assert "Step 1 of" in card.plain_text
    file_id = card.file_id
    card = await step_until(phone, card, "Start")
    assert "Step 1 of" not in card.plain_text  # Next moved the caption on
    await phone.press(card, "Start")
    card = await holds_done(phone, card)
    assert any("⏱" in caption for caption in card.edits)  # the countdown is in the caption
    assert card.file_id == file_id  # one picture all along, uploaded once
    assert bot.emulator.calls_of("editMessageCaption")
    assert not [
        c
        for c in bot.emulator.calls_of("editMessageText")
        if c.params.get("message_id") == card.message_id
    ]
    assert len(bot.emulator.uploads) == 1


async def test_with_pictures_off_a_card_is_text(bot: Harness) -> None:
    from tests.test_conversation import started

    bot.app.bot_data[SERVICES].pictures.enabled = False
    phone = await started(bot)
    mark = phone.mark()
    await phone.send("/desk", expect="🪑")
    card = await phone.expect("Step 1 of", after=mark)
    assert card.kind == "text"
    assert bot.emulator.uploads == []


@pytest.mark.parametrize(("value", "on"), [("on", True), ("off", False), ("ON", True)])
def test_the_pictures_setting_reads_on_and_off(
    monkeypatch: pytest.MonkeyPatch, value: str, on: bool
) -> None:
    from bot.config import Settings

    monkeypatch.setenv("STRETCHBOT_PICTURES", value)
    assert Settings(_env_file=None).pictures is on  # type: ignore[call-arg]


def test_the_pictures_setting_is_on_by_default_and_refuses_nonsense(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pydantic import ValidationError

    from bot.config import Settings

    monkeypatch.delenv("STRETCHBOT_PICTURES", raising=False)
    assert Settings(_env_file=None).pictures is True  # type: ignore[call-arg]
    monkeypatch.setenv("STRETCHBOT_PICTURES", "sometimes")
    with pytest.raises(ValidationError, match="pictures"):
        Settings(_env_file=None)  # type: ignore[call-arg]
