"""The Bot API emulator, driven by the real python-telegram-bot `Bot` and `Application` over HTTP.

What the emulator accepts and refuses is the contract every end-to-end test relies on: a call
Telegram would refuse must fail here too, with the exception python-telegram-bot raises for it.
"""

from __future__ import annotations

import asyncio
import re
import signal
import sys
import time
from collections.abc import AsyncIterator, Awaitable
from datetime import timedelta
from typing import Any

import httpx
import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyParameters,
    Update,
)
from telegram.error import (
    BadRequest,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot.emulator import BotApiEmulator, BotMessage
from bot.emulator.formatting import format_text, parse_html
from bot.emulator.spec import ApiError, load_spec

TOKEN = "4242:emulator-test-token"
ADA = 1001
# A 3x2 PNG (just the header: the emulator reads dimensions, Telegram would read the rest).
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000030000000208060000") + b"\0" * 64


@pytest.fixture(autouse=True)
def _loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """httpx honours proxy variables; the emulator is on loopback. Opt in to timedelta values."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator(TOKEN) as emulator:
        emulator.add_user(ADA)
        yield emulator


@pytest.fixture
async def tg(emu: BotApiEmulator) -> AsyncIterator[Bot]:
    """The real python-telegram-bot Bot, initialised (getMe) against the emulator."""
    async with Bot(TOKEN, base_url=emu.base_url, base_file_url=f"{emu.api_root}/file/bot") as bot:
        yield bot


@pytest.fixture
async def http(emu: BotApiEmulator) -> AsyncIterator[httpx.AsyncClient]:
    """Raw HTTP, for calls python-telegram-bot would never make."""
    async with httpx.AsyncClient(base_url=f"{emu.api_root}/bot{TOKEN}/") as client:
        yield client


async def refusal(emu: BotApiEmulator, error: type[TelegramError], call: Awaitable[Any]) -> str:
    """Await a call that must fail with `error`; return Telegram's exact description."""
    with pytest.raises(error):
        await call
    return str(emu.calls[-1].response["description"])


def keyboard(*labels: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=label)] for label in labels]
    )


# --- what works ---------------------------------------------------------------------------


async def test_get_me_describes_the_bot(tg: Bot, emu: BotApiEmulator) -> None:
    me = await tg.get_me()
    assert (me.id, me.username, me.is_bot) == (4242, "stretchbot_bot", True)
    assert emu.calls[-1].method == "getMe"
    assert emu.calls[-1].ok


async def test_send_with_a_keyboard_then_edit(tg: Bot, emu: BotApiEmulator) -> None:
    sent = await tg.send_message(
        ADA,
        "<b>Step 1</b> &amp; go 😀 <i>now</i>",
        parse_mode="HTML",
        reply_markup=keyboard("Start"),
    )
    assert sent.text == "Step 1 & go 😀 now"
    # Entity offsets are UTF-16 code units: the emoji counts twice.
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [
        ("bold", 0, 6),
        ("italic", 15, 3),
    ]
    assert sent.reply_markup == keyboard("Start")

    edited = await tg.edit_message_text(
        "⏱ 10 s", chat_id=ADA, message_id=sent.message_id, reply_markup=keyboard("Stop")
    )
    assert edited.text == "⏱ 10 s"
    assert edited.edit_date is not None
    (message,) = emu.chat(ADA)
    assert message.text == "⏱ 10 s"
    assert message.edits == ["<b>Step 1</b> &amp; go 😀 <i>now</i>", "⏱ 10 s"]
    assert [[b.callback_data for b in row] for row in message.buttons] == [["Stop"]]
    # Editing without reply_markup takes the keyboard away, as on Telegram.
    await tg.edit_message_text("done", chat_id=ADA, message_id=sent.message_id)
    assert emu.chat(ADA)[0].buttons == []
    assert emu.chat(ADA)[0].reply_markup is None


async def test_edit_reply_markup_and_delete(tg: Bot, emu: BotApiEmulator) -> None:
    sent = await tg.send_message(ADA, "pick", reply_markup=keyboard("a", "b"))
    await tg.edit_message_reply_markup(ADA, sent.message_id, reply_markup=keyboard("c"))
    assert emu.chat(ADA)[0].buttons[0][0].text == "c"
    assert await tg.delete_message(ADA, sent.message_id)
    assert emu.chat(ADA)[0].deleted
    description = await refusal(emu, BadRequest, tg.delete_message(ADA, sent.message_id))
    assert description == "Bad Request: message to delete not found"


async def test_document_and_photo_uploads_are_kept(tg: Bot, emu: BotApiEmulator) -> None:
    document = await tg.send_document(
        ADA, b"week,minutes\n1,40\n", filename="progress.csv", caption="Your <b>week</b>",
        parse_mode="HTML",
    )  # fmt: skip
    assert document.document is not None
    assert document.document.file_name == "progress.csv"
    assert document.caption == "Your week"
    photo = await tg.send_photo(ADA, PNG, caption="chart")
    assert (photo.photo[-1].width, photo.photo[-1].height) == (3, 2)

    doc_message, photo_message = emu.chat(ADA)
    assert (doc_message.kind, doc_message.file_name) == ("document", "progress.csv")
    assert doc_message.file_bytes == b"week,minutes\n1,40\n"
    assert doc_message.text == "Your <b>week</b>"
    assert (photo_message.kind, photo_message.file_bytes) == ("photo", PNG)
    # The same file again by its file_id, and a download through getFile.
    again = await tg.send_document(ADA, document.document.file_id)
    assert again.document is not None
    file = await tg.get_file(document.document.file_id)
    assert bytes(await file.download_as_bytearray()) == b"week,minutes\n1,40\n"


GIF = b"GIF89a" + bytes.fromhex("04000300") + b"\0" * 32  # a 4x3 GIF header


async def test_animations_and_media_edits(tg: Bot, emu: BotApiEmulator) -> None:
    from telegram import InputMediaAnimation, InputMediaPhoto

    sent = await tg.send_animation(ADA, GIF, caption="step 1", filename="hinge.gif")
    assert sent.animation is not None
    assert (sent.animation.width, sent.animation.height) == (4, 3)
    assert sent.caption == "step 1"
    # By file_id: no second upload, the same file.
    again = await tg.send_animation(ADA, sent.animation.file_id, caption="again")
    assert again.animation is not None
    assert again.animation.file_id == sent.animation.file_id
    assert len(emu.uploads) == 1
    # A caption edit keeps the picture; the limit is 1,024 characters.
    edited = await tg.edit_message_caption(ADA, sent.message_id, caption="step 2")
    assert isinstance(edited, type(sent))
    assert emu.chat(ADA)[0].plain_text == "step 2"
    assert emu.chat(ADA)[0].edits == ["step 1", "step 2"]
    description = await refusal(
        emu, BadRequest, tg.edit_message_caption(ADA, sent.message_id, caption="c" * 1025)
    )
    assert description.startswith("Bad Request: message caption is too long")
    description = await refusal(
        emu, BadRequest, tg.edit_message_caption(ADA, sent.message_id, caption="step 2")
    )
    assert description.startswith("Bad Request: message is not modified")
    # A media swap: a new upload through attach://, then back by file_id.
    swapped = await tg.edit_message_media(
        InputMediaPhoto(PNG, caption="a photo now"), chat_id=ADA, message_id=sent.message_id
    )
    assert isinstance(swapped, type(sent))
    message = emu.chat(ADA)[0]
    assert (message.kind, message.plain_text, message.file_bytes) == ("photo", "a photo now", PNG)
    assert len(emu.uploads) == 2
    await tg.edit_message_media(
        InputMediaAnimation(sent.animation.file_id), chat_id=ADA, message_id=sent.message_id
    )
    assert (emu.chat(ADA)[0].kind, emu.chat(ADA)[0].plain_text) == ("animation", "")
    description = await refusal(
        emu,
        BadRequest,
        tg.edit_message_media(InputMediaPhoto("nope"), chat_id=ADA, message_id=sent.message_id),
    )
    assert description == "Bad Request: wrong file identifier/HTTP URL specified"
    text = await tg.send_message(ADA, "plain")
    description = await refusal(
        emu, BadRequest, tg.edit_message_caption(ADA, text.message_id, caption="x")
    )
    assert description == "Bad Request: there is no caption in the message to edit"


async def test_photo_must_be_an_image(tg: Bot, emu: BotApiEmulator) -> None:
    description = await refusal(emu, BadRequest, tg.send_photo(ADA, b"not an image"))
    assert description == "Bad Request: IMAGE_PROCESS_FAILED"
    description = await refusal(emu, BadRequest, tg.send_document(ADA, "no-such-file-id"))
    assert description == "Bad Request: wrong file identifier/HTTP URL specified"


async def test_commands_are_set_read_and_checked(tg: Bot, emu: BotApiEmulator) -> None:
    await tg.set_my_commands([BotCommand("start", "Begin"), BotCommand("help", "What I do")])
    assert [c["command"] for c in emu.commands] == ["start", "help"]
    assert [c.command for c in await tg.get_my_commands()] == ["start", "help"]
    scope = BotCommandScopeChat(ADA)
    await tg.set_my_commands([BotCommand("pain", "Rate pain")], scope=scope, language_code="de")
    assert [c.command for c in await tg.get_my_commands(scope=scope, language_code="de")] == [
        "pain"
    ]
    assert [c["command"] for c in emu.commands_for()] == ["start", "help"]
    await tg.delete_my_commands()
    assert await tg.get_my_commands() == ()
    bad = [BotCommand("Start", "capital letters are not allowed")]
    description = await refusal(emu, BadRequest, tg.set_my_commands(bad))
    assert description == "Bad Request: BOT_COMMAND_INVALID"
    description = await refusal(emu, BadRequest, tg.set_my_commands([BotCommand("x", " ")]))
    assert description == "Bad Request: command description must be non-empty"


async def test_chat_action_and_unimplemented_methods(tg: Bot, emu: BotApiEmulator) -> None:
    assert await tg.send_chat_action(ADA, "typing")
    description = await refusal(emu, BadRequest, tg.send_chat_action(ADA, "dancing"))
    assert description == "Bad Request: wrong parameter action in request"
    # A method returning True that the emulator does not model just succeeds...
    assert await tg.set_my_description("Stretches")
    # ...one returning anything else fails loudly rather than pretend.
    description = await refusal(emu, NetworkError, tg.get_chat(ADA))
    assert description == "Not Implemented: the emulator does not implement getChat"


async def test_json_body_and_get_query_are_understood(
    emu: BotApiEmulator, http: httpx.AsyncClient
) -> None:
    markup = {"inline_keyboard": [[{"text": "Go", "callback_data": "go"}]]}
    response = await http.post(
        "sendMessage", json={"chat_id": ADA, "text": "hi", "reply_markup": markup}
    )
    assert response.json()["result"]["reply_markup"] == markup
    response = await http.get("sendMessage", params={"chat_id": ADA, "text": "by GET"})
    assert response.json()["ok"]
    assert [m.text for m in emu.chat(ADA)] == ["hi", "by GET"]
    response = await http.get("SENDMESSAGE", params={"chat_id": ADA, "text": "any case"})
    assert response.json()["ok"], "Telegram matches method names case-insensitively"


# --- what Telegram refuses ----------------------------------------------------------------


async def test_unknown_method_and_wrong_token(
    tg: Bot, emu: BotApiEmulator, http: httpx.AsyncClient
) -> None:
    with pytest.raises(EndPointNotFound):
        await tg.do_api_request("sendTelepathy", api_kwargs={"chat_id": ADA})
    response = await http.post("sendTelepathy")
    assert (response.status_code, response.json()) == (
        404,
        {"ok": False, "error_code": 404, "description": "Not Found"},
    )
    async with httpx.AsyncClient() as client:
        response = await client.get(f"{emu.api_root}/bot4242:wrong-token/getMe")
    assert (response.status_code, response.json()) == (
        401,
        {"ok": False, "error_code": 401, "description": "Unauthorized"},
    )
    request = HTTPXRequest()  # closed here: a Bot that never started never closes its own
    try:
        with pytest.raises(InvalidToken):
            await Bot("4242:wrong-token", base_url=emu.base_url, request=request).get_me()
    finally:
        await request.shutdown()


async def test_missing_unknown_and_ill_typed_fields(
    tg: Bot, emu: BotApiEmulator, http: httpx.AsyncClient
) -> None:
    async def description(method: str, **fields: Any) -> str:
        response = await http.post(method, data=fields)
        assert response.status_code == 400, response.text
        return str(response.json()["description"])

    assert await description("sendMessage", text="hi") == "Bad Request: chat_id is empty"
    assert await description("sendMessage", chat_id=ADA) == "Bad Request: message text is empty"
    assert await description("sendPhoto", chat_id=ADA) == (
        "Bad Request: there is no photo in the request"
    )
    assert await description("setWebhook") == 'Bad Request: parameter "url" is required'
    assert await description("editMessageText", chat_id=ADA, message_id="one", text="x") == (
        'Bad Request: field "message_id" must be of type Integer'
    )
    assert await description("sendMessage", chat_id=ADA, text="x", protect_content="maybe") == (
        'Bad Request: field "protect_content" must be of type Boolean'
    )
    assert await description("sendMessage", chat_id=ADA, text="x", reply_markup="{") == (
        "Bad Request: can't parse reply keyboard markup JSON object"
    )
    assert await description("sendMessage", chat_id=ADA, text="x", parse_mode="BBCode") == (
        "Bad Request: unsupported parse_mode"
    )
    assert (
        await description("setMyCommands", commands='[{"command": "start"}]')
        == "Bad Request: can't parse BotCommand: Can't find field \"description\""
    )


async def test_parameters_a_method_does_not_take_are_ignored_like_telegram_and_recorded(
    tg: Bot, emu: BotApiEmulator, http: httpx.AsyncClient
) -> None:
    # python-telegram-bot passes unknown keyword arguments through api_kwargs; Telegram ignores
    # them, and so does the emulator, naming them on the call so a test can catch a typo.
    sent = await tg.send_message(ADA, "x", reply_markup=keyboard("a"), api_kwargs={"silent": True})
    assert sent.text == "x"
    assert emu.calls[-1].ignored == ("silent",)
    # What PTB's Defaults(parse_mode=HTML) sends along with a keyboard-only edit.
    response = await http.post(
        "editMessageReplyMarkup",
        data={"chat_id": ADA, "message_id": sent.message_id, "parse_mode": "HTML"},
    )
    assert response.status_code == 200, response.text
    assert emu.calls[-1].ignored == ("parse_mode",)
    # What the method does take is still checked: a wrong type, a missing or over-long value.
    for method, fields, expected in [
        (
            "editMessageReplyMarkup",
            {"chat_id": ADA, "message_id": "one", "colour": "red"},
            'field "message_id" must be of type Integer',
        ),
        ("setWebhook", {"colour": "red"}, 'parameter "url" is required'),
    ]:
        response = await http.post(method, data=fields)
        assert response.status_code == 400, fields
        assert expected in response.json()["description"]
    response = await http.post("sendMessage", data={"chat_id": ADA, "text": "x" * 4097, "a": 1})
    assert response.json()["description"] == "Bad Request: message is too long"


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ({"inline_keyboard": [{"text": "a"}]}, "must be an Array of Arrays"),
        ({"inline_keyboard": [[{"text": "a"}]]}, "Text buttons are unallowed in the inline"),
        (
            {"inline_keyboard": [[{"text": "a", "callback_data": "a", "colour": "red"}]]},
            'Unknown field "colour" in InlineKeyboardButton',
        ),
        (
            {"inline_keyboard": [[{"callback_data": "a"}]]},
            "can't parse inline keyboard button: Can't find field \"text\"",
        ),
        (
            {"inline_keyboard": [[{"text": "a", "callback_data": "a", "url": "https://x.org"}]]},
            "exactly one of",
        ),
        ({"inline_keyboard": [[{"text": "a", "callback_data": "x" * 65}]]}, "BUTTON_DATA_INVALID"),
        ({"keyboard": [["Done"]], "resize_keyboard": "yes"}, "must be of type Boolean"),
        ({"selective": True}, "expected one of inline_keyboard"),
    ],
)
async def test_keyboards_must_have_telegrams_shape(
    http: httpx.AsyncClient, markup: dict[str, Any], expected: str
) -> None:
    response = await http.post(
        "sendMessage", json={"chat_id": ADA, "text": "x", "reply_markup": markup}
    )
    assert response.status_code == 400
    assert expected in response.json()["description"]


async def test_callback_data_over_64_bytes(tg: Bot, emu: BotApiEmulator) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("é", callback_data="é" * 33)]])
    assert (
        await refusal(emu, BadRequest, tg.send_message(ADA, "x", reply_markup=markup))
        == "Bad Request: BUTTON_DATA_INVALID"
    )


@pytest.mark.parametrize(
    ("text", "parse_mode", "expected"),
    [
        ("", None, "Bad Request: message text is empty"),
        (" \n ", None, "Bad Request: text must be non-empty"),
        ("<b> </b>", "HTML", "Bad Request: text must be non-empty"),
        ("x" * 4097, None, "Bad Request: message is too long"),
        ("<b>" + "x" * 4097 + "</b>", "HTML", "Bad Request: message is too long"),
        ("<foo>x</foo>", "HTML", 'can\'t parse entities: Unsupported start tag "foo" at byte'),
        ("a < b", "HTML", 'can\'t parse entities: Unsupported start tag "" at byte offset 2'),
        ("<b>bold", "HTML", 'Can\'t find end tag corresponding to start tag "b"'),
        ("ok</b>", "HTML", "can't parse entities: Unexpected end tag at byte offset 2"),
        ("é<b><i>x</b></i>", "HTML", 'Unmatched end tag at byte offset 9, expected "</i>"'),
        ('<span class="x">s</span>', "HTML", 'Tag "span" must have class "tg-spoiler"'),
    ],
)
async def test_texts_telegram_refuses(
    tg: Bot, emu: BotApiEmulator, text: str, parse_mode: str | None, expected: str
) -> None:
    description = await refusal(emu, BadRequest, tg.send_message(ADA, text, parse_mode=parse_mode))
    assert expected in description
    assert description.startswith("Bad Request: ")
    assert emu.chat(ADA) == []


async def test_length_counts_what_the_user_sees(tg: Bot, emu: BotApiEmulator) -> None:
    # 4096 visible characters pass however long the markup makes the raw text...
    await tg.send_message(ADA, "<b>" + "&lt;" * 4096 + "</b>", parse_mode="HTML")
    assert len(emu.chat(ADA)[0].plain_text) == 4096
    # ...and emoji count once, as Telegram counts (Unicode characters, not UTF-16 units).
    await tg.send_message(ADA, "😀" * 4096)
    description = await refusal(emu, BadRequest, tg.send_photo(ADA, PNG, caption="c" * 1025))
    assert description == "Bad Request: message caption is too long"
    await tg.send_photo(ADA, PNG, caption="c" * 1024)


async def test_edits_telegram_refuses(tg: Bot, emu: BotApiEmulator) -> None:
    sent = await tg.send_message(ADA, "<b>Hold</b>", parse_mode="HTML", reply_markup=keyboard("a"))
    description = await refusal(
        emu,
        BadRequest,
        tg.edit_message_text(
            "<b>Hold</b>", chat_id=ADA, message_id=sent.message_id, parse_mode="HTML",
            reply_markup=keyboard("a"),
        ),
    )  # fmt: skip
    assert description == (
        "Bad Request: message is not modified: specified new message content and reply markup "
        "are exactly the same as a current content and reply markup of the message"
    )
    # The same visible text without the bold is a change.
    await tg.edit_message_text(
        "Hold", chat_id=ADA, message_id=sent.message_id, reply_markup=keyboard("a")
    )
    description = await refusal(
        emu,
        BadRequest,
        tg.edit_message_reply_markup(ADA, sent.message_id, reply_markup=keyboard("a")),
    )
    assert description.startswith("Bad Request: message is not modified")
    description = await refusal(
        emu, BadRequest, tg.edit_message_text("x", chat_id=ADA, message_id=999)
    )
    assert description == "Bad Request: message to edit not found"
    photo = await tg.send_photo(ADA, PNG)
    description = await refusal(
        emu, BadRequest, tg.edit_message_text("x", chat_id=ADA, message_id=photo.message_id)
    )
    assert description == "Bad Request: there is no text in the message to edit"
    emu.send_text(ADA, "mine")
    user_message_id = photo.message_id + 1
    description = await refusal(
        emu, BadRequest, tg.edit_message_text("x", chat_id=ADA, message_id=user_message_id)
    )
    assert description == "Bad Request: message can't be edited"


async def test_unknown_chats_blocked_users_and_replies(tg: Bot, emu: BotApiEmulator) -> None:
    description = await refusal(emu, BadRequest, tg.send_message(31337, "hello?"))
    assert description == "Bad Request: chat not found"
    description = await refusal(emu, BadRequest, tg.send_message("@somebody", "hello?"))
    assert description == "Bad Request: chat not found"
    emu.block(ADA)
    for call in (tg.send_message(ADA, "still there?"), tg.send_chat_action(ADA, "typing")):
        assert await refusal(emu, Forbidden, call) == "Forbidden: bot was blocked by the user"
    emu.send_text(ADA, "/start")  # writing to the bot unblocks it
    await tg.send_message(ADA, "welcome back")
    replied = await tg.send_message(ADA, "re", reply_parameters=ReplyParameters(1))
    assert replied.reply_to_message is not None
    assert replied.reply_to_message.text == "/start"
    description = await refusal(
        emu, BadRequest, tg.send_message(ADA, "re", reply_parameters=ReplyParameters(777))
    )
    assert description == "Bad Request: message to be replied not found"


async def test_callback_queries_are_answered_once(tg: Bot, emu: BotApiEmulator) -> None:
    sent = await tg.send_message(ADA, "pick", reply_markup=keyboard("a"))
    query_id = emu.press(ADA, sent.message_id, "a")
    assert await tg.answer_callback_query(query_id, text="Saved")
    assert emu.answered_callbacks[query_id]["text"] == "Saved"
    expected = "Bad Request: query is too old and response timeout expired or query ID is invalid"
    assert await refusal(emu, BadRequest, tg.answer_callback_query(query_id)) == expected
    assert await refusal(emu, BadRequest, tg.answer_callback_query("12345")) == expected
    other = emu.press(ADA, sent.message_id, "a")
    description = await refusal(emu, BadRequest, tg.answer_callback_query(other, "x" * 201))
    assert description == "Bad Request: MESSAGE_TOO_LONG"
    with pytest.raises(ValueError, match="no message 999"):
        emu.press(ADA, 999, "a")


# --- faults -------------------------------------------------------------------------------


async def test_injected_faults_raise_what_python_telegram_bot_raises(
    tg: Bot, emu: BotApiEmulator
) -> None:
    emu.inject_fault(
        "sendMessage", error_code=429, description="Too Many Requests: retry after 3",
        retry_after=3,
    )  # fmt: skip
    with pytest.raises(RetryAfter) as caught:
        await tg.send_message(ADA, "x")
    assert caught.value.retry_after == timedelta(seconds=3)
    emu.inject_fault(
        "sendMessage", error_code=403, description="Forbidden: bot was blocked by the user"
    )
    await refusal(emu, Forbidden, tg.send_message(ADA, "x"))
    emu.inject_fault("editMessageText", error_code=502, description="Bad Gateway", times=2)
    for _ in range(2):
        await refusal(emu, NetworkError, tg.edit_message_text("x", chat_id=ADA, message_id=1))
    # Only the chat it names, and only as often as asked.
    emu.add_user(2002)
    emu.inject_fault("sendMessage", error_code=400, description="Bad Request: chat not found",
                     chat_id=2002)  # fmt: skip
    await tg.send_message(ADA, "fine")
    await refusal(emu, BadRequest, tg.send_message(2002, "x"))
    await tg.send_message(2002, "fine now")
    assert [m.text for m in emu.chat(ADA)] == ["fine"]
    with pytest.raises(ValueError, match="not a Bot API method"):
        emu.inject_fault("sendMesage", error_code=400, description="typo")


async def test_a_timed_out_send_was_still_delivered(tg: Bot, emu: BotApiEmulator) -> None:
    emu.inject_delay("sendMessage", 1.0)
    with pytest.raises(TimedOut):
        await tg.send_message(ADA, "did it arrive?", read_timeout=0.2)
    # The honest, hard case: the client gave up, Telegram delivered it anyway.
    assert [m.text for m in emu.chat(ADA)] == ["did it arrive?"]
    await tg.send_message(ADA, "next one is on time", read_timeout=0.5)


# --- getUpdates ---------------------------------------------------------------------------


async def test_long_poll_wakes_up_for_a_message(tg: Bot, emu: BotApiEmulator) -> None:
    started = time.monotonic()
    poll = asyncio.create_task(tg.get_updates(timeout=10))
    await asyncio.sleep(0.2)
    assert not poll.done()
    update_id = emu.send_text(ADA, "/pain@stretchbot_bot 4")
    (update,) = await poll
    assert time.monotonic() - started < 2
    assert update.update_id == update_id
    assert update.message is not None
    assert update.message.text == "/pain@stretchbot_bot 4"
    assert update.message.parse_entities() == {update.message.entities[0]: "/pain@stretchbot_bot"}
    assert update.message.from_user is not None
    assert update.message.from_user.language_code == "en"


async def test_offsets_confirm_and_limit(tg: Bot, emu: BotApiEmulator) -> None:
    ids = [emu.send_text(ADA, str(n)) for n in range(5)]
    first = await tg.get_updates(limit=2)
    assert [u.update_id for u in first] == ids[:2]
    assert [u.update_id for u in await tg.get_updates()] == ids, "unconfirmed come again"
    assert [u.update_id for u in await tg.get_updates(offset=ids[3])] == ids[3:]
    assert emu.pending_updates == 2, "a higher offset confirms the ones below it"
    assert [u.update_id for u in await tg.get_updates(offset=-1)] == ids[4:]
    assert await tg.get_updates(offset=ids[4] + 1) == ()
    assert emu.pending_updates == 0


async def test_stickers_photos_and_button_presses_arrive(tg: Bot, emu: BotApiEmulator) -> None:
    sent = await tg.send_message(ADA, "Tap", reply_markup=keyboard("go"))
    emu.send_sticker(ADA)
    emu.send_photo(ADA, caption="my stretch")
    query_id = emu.press(ADA, sent.message_id, "go")
    sticker, photo, press = await tg.get_updates(timeout=1)
    assert sticker.message is not None
    assert sticker.message.sticker is not None
    assert photo.message is not None
    assert photo.message.photo
    assert photo.message.caption == "my stretch"
    assert press.callback_query is not None
    assert (press.callback_query.id, press.callback_query.data) == (query_id, "go")
    message = press.callback_query.message
    assert message is not None
    assert message.message_id == sent.message_id
    assert await tg.answer_callback_query(query_id)


async def test_allowed_updates_filter_new_updates(tg: Bot, emu: BotApiEmulator) -> None:
    sent = await tg.send_message(ADA, "Tap", reply_markup=keyboard("go"))
    assert await tg.get_updates(allowed_updates=["callback_query"]) == ()
    emu.send_text(ADA, "dropped: not asked for")
    emu.press(ADA, sent.message_id, "go")
    (update,) = await tg.get_updates()
    assert update.callback_query is not None


async def test_a_second_poller_conflicts(emu: BotApiEmulator) -> None:
    async with (
        Bot(TOKEN, base_url=emu.base_url) as first,
        Bot(TOKEN, base_url=emu.base_url) as second,
    ):
        waiting = asyncio.create_task(first.get_updates(timeout=10))
        await asyncio.sleep(0.2)
        newer = asyncio.create_task(second.get_updates(timeout=10))
        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await waiting
        emu.send_text(ADA, "hello")
        (update,) = await newer
        assert update.message is not None


async def test_no_polling_while_a_webhook_is_set(tg: Bot, emu: BotApiEmulator) -> None:
    bad = await refusal(emu, BadRequest, tg.set_webhook("http://example.org/hook"))
    assert bad == "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
    waiting = asyncio.create_task(tg.get_updates(timeout=10))
    await asyncio.sleep(0.2)
    assert await tg.set_webhook("https://example.org/hook", secret_token="s3cret")
    with pytest.raises(Conflict, match="terminated by setWebhook request"):
        await waiting
    assert (await tg.get_webhook_info()).url == "https://example.org/hook"
    description = await refusal(emu, Conflict, tg.get_updates())
    assert description.startswith("Conflict: can't use getUpdates method while webhook is active")
    emu.send_text(ADA, "queued")
    assert (await tg.get_webhook_info()).pending_update_count == 1
    assert await tg.delete_webhook(drop_pending_updates=True)
    assert emu.calls[-1].response["description"] == "Webhook was deleted"
    assert await tg.get_updates() == ()


# --- the real Application -----------------------------------------------------------------


async def test_a_polling_application_converses(emu: BotApiEmulator) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text("Ready?", reply_markup=keyboard("Yes"))

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(f"You said: {update.effective_message.text}")

    async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("Off we go")
        await query.edit_message_text(f"<b>Going</b> ({query.data})", parse_mode="HTML")

    app = ApplicationBuilder().token(TOKEN).base_url(emu.base_url).build()
    app.add_handler(CommandHandler("start", start))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.add_handler(CallbackQueryHandler(button))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            emu.send_text(ADA, "/start")
            question = await emu.wait_for_message(ADA, predicate=lambda m: m.text == "Ready?")
            emu.send_text(ADA, "hello")
            echoed = await emu.wait_for_message(ADA, after=1)
            assert echoed.text == "You said: hello"
            revision = emu.revision
            query_id = emu.press(ADA, question.message_id, "Yes")
            # The reply to a press is an edit of an earlier message: wait by revision.
            edited = await emu.wait_for_message(ADA, changed_after=revision)
            assert edited is question
            assert edited.plain_text == "Going (Yes)"
            answer = await emu.wait_for_call(
                "answerCallbackQuery",
                predicate=lambda c: c.params.get("callback_query_id") == query_id,
            )
            assert answer.params["text"] == "Off we go"
        finally:
            await app.updater.stop()
            await app.stop()


async def test_waiting_for_what_never_comes_says_what_came(emu: BotApiEmulator) -> None:
    with pytest.raises(TimeoutError, match="no matching bot message in chat 1001"):
        await emu.wait_for_message(ADA, timeout=0.1)
    with pytest.raises(TimeoutError, match="no matching sendPhoto call"):
        await emu.wait_for_call("sendPhoto", timeout=0.1)


# --- the spec and the parser, without HTTP ------------------------------------------------


def test_the_spec_covers_every_method_python_telegram_bot_calls() -> None:
    spec = load_spec()
    assert spec.version == "Bot API 10.1"
    camel = {
        name.replace("_", ""): name
        for name in dir(Bot)
        if not name.startswith("_")
        and name.islower()
        and asyncio.iscoroutinefunction(getattr(Bot, name))
    }
    missing = [
        name
        for flat, name in camel.items()
        if name not in ("initialize", "shutdown", "do_api_request") and spec.method(flat) is None
    ]
    assert missing == []


def test_html_parsing_follows_telegram() -> None:
    parsed = parse_html('<a href="https://x.org/?a=1&amp;b=2">link</a> &#128512;&unknown; &lt;3')
    assert parsed.text == "link 😀&unknown; <3"
    assert parsed.entities == (
        {"offset": 0, "length": 4, "type": "text_link", "url": "https://x.org/?a=1&b=2"},
    )
    nested = parse_html('<b>bold <i>both</i></b><pre><code class="language-py">x</code></pre>')
    assert [e["type"] for e in nested.entities] == ["bold", "italic", "pre"]
    assert nested.entities[2]["language"] == "py"
    trimmed = format_text("\n  <b>hi</b>  \n", "HTML", limit=4096)
    assert trimmed.text == "hi"
    assert trimmed.entities == ({"offset": 0, "length": 2, "type": "bold"},)
    with pytest.raises(ApiError, match="Unclosed end tag at byte offset 14") as caught:
        parse_html("<tg-emoji>😀</tg-emoji")
    assert caught.value.code == 400
    with pytest.raises(ApiError, match="Invalid custom emoji identifier specified"):
        parse_html("<tg-emoji>😀</tg-emoji>")


async def test_the_command_line_server_runs_until_terminated() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.emulator", "--port", "0", "--token", TOKEN,
        stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        line = (await asyncio.wait_for(process.stdout.readline(), 20)).decode()
        match = re.search(r"http://127\.0\.0\.1:\d+", line)
        assert match, line
        root = match.group()
        async with httpx.AsyncClient() as client:
            me = (await client.get(f"{root}/bot{TOKEN}/getMe")).json()
            assert me["result"]["username"] == "stretchbot_bot"
            sent = await client.post(
                f"{root}/_emulator/send_text", json={"user_id": ADA, "text": "/start"}
            )
            assert sent.json()["ok"]
            updates = (await client.get(f"{root}/bot{TOKEN}/getUpdates")).json()
            assert updates["result"][0]["message"]["text"] == "/start"
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 20) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


def test_bot_message_is_a_plain_record() -> None:
    message = BotMessage(
        message_id=1, chat_id=ADA, kind="text", text="hi", parse_mode=None, date=0
    )
    assert message.buttons == []
    assert not message.deleted
