"""Webhook mode and the HTTP side: the secret token on every request, health, metrics, and a
graceful stop. Updates come from the emulator playing Telegram plus a TLS-terminating balancer."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass

import aiohttp
import pytest

from bot.content.model import Library
from bot.emulator import BotApiEmulator
from bot.telegram.web import serve
from tests.conftest import TOKEN, Phone, make_settings

SECRET = "s3cret-token_for-tests"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Running:
    emulator: BotApiEmulator
    base: str
    stop: asyncio.Event
    task: asyncio.Task[None]


async def _start(db_url: str, library: Library, *, webhook: bool) -> AsyncIterator[Running]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    async with BotApiEmulator(TOKEN, webhook_via=base if webhook else None) as emulator:
        extra: dict[str, object] = {"http_host": "127.0.0.1", "http_port": port}
        if webhook:
            extra |= {"webhook_url": "https://bot.example.test/telegram", "webhook_secret": SECRET}
        settings = make_settings(emulator.api_root, db_url, **extra)
        stop = asyncio.Event()
        task = asyncio.create_task(serve(settings, library, stop))
        async with aiohttp.ClientSession() as client:
            for _ in range(200):
                if task.done():  # serve() ended before it was ready: show why
                    task.result()
                    pytest.fail("the bot stopped before it served /healthz")
                try:
                    async with client.get(f"{base}/healthz") as response:
                        if response.status == 200:
                            break
                except aiohttp.ClientConnectionError:  # not listening yet
                    pass
                await asyncio.sleep(0.05)
            else:
                stop.set()
                await asyncio.wait_for(task, 30)
                pytest.fail("the bot never became ready: /healthz did not answer 200 in 10 s")
        try:
            yield Running(emulator, base, stop, task)
        finally:
            stop.set()
            await asyncio.wait_for(task, 30)


@pytest.fixture
async def webhook_bot(db_url: str, library: Library) -> AsyncIterator[Running]:
    async for running in _start(db_url, library, webhook=True):
        yield running


@pytest.fixture
async def polling_bot(db_url: str, library: Library) -> AsyncIterator[Running]:
    async for running in _start(db_url, library, webhook=False):
        yield running


async def test_updates_arrive_by_webhook_and_the_bot_answers(webhook_bot: Running) -> None:
    emulator = webhook_bot.emulator
    info = await emulator.wait_for_call("setWebhook")
    assert info.params["url"] == "https://bot.example.test/telegram"
    assert info.params["secret_token"] == SECRET
    phone = Phone(emulator, 1001)
    emulator.add_user(1001)
    await phone.send("/start", expect="stretchbot")
    await phone.send("/desk", expect="🪑")
    assert emulator.webhook_deliveries >= 2
    assert not emulator.calls_of("getUpdates")  # no poller in webhook mode


@pytest.mark.parametrize("secret", [None, "wrong", SECRET + "x"])
async def test_requests_without_the_secret_are_refused_and_logged(
    webhook_bot: Running, secret: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
    update = {
        "update_id": 1,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": 5, "type": "private"},
            "text": "/start",
        },
    }
    with caplog.at_level("WARNING"):
        async with (
            aiohttp.ClientSession() as client,
            client.post(f"{webhook_bot.base}/telegram", json=update, headers=headers) as response,
        ):
            assert response.status == 403
    assert any("secret" in r.getMessage() for r in caplog.records)
    assert SECRET not in caplog.text
    assert webhook_bot.emulator.chat(5) == []


async def test_garbage_with_the_right_secret_gets_a_400(webhook_bot: Running) -> None:
    async with aiohttp.ClientSession() as client, client.post(
        f"{webhook_bot.base}/telegram", data=b"not json",
        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
    ) as response:  # fmt: skip
        assert response.status == 400


async def test_health_and_metrics(webhook_bot: Running) -> None:
    phone = Phone(webhook_bot.emulator, 1001)
    webhook_bot.emulator.add_user(1001)
    await phone.send("/start", expect="stretchbot")
    await phone.send("hello", expect="Hello")
    async with aiohttp.ClientSession() as client:
        async with client.get(f"{webhook_bot.base}/healthz") as response:
            assert response.status == 200
            assert (await response.json())["status"] == "ok"
        async with client.get(f"{webhook_bot.base}/metrics") as response:
            body = await response.text()
    assert 'stretchbot_updates_handled_total{kind="command"} 1.0' in body
    assert 'stretchbot_updates_handled_total{kind="text"} 1.0' in body
    assert 'stretchbot_messages_sent_total{method="sendMessage"}' in body
    assert "stretchbot_handler_seconds_bucket" in body
    assert "stretchbot_active_subscribers" in body


async def test_polling_mode_serves_health_too_and_stops_gracefully(polling_bot: Running) -> None:
    phone = Phone(polling_bot.emulator, 1001)
    polling_bot.emulator.add_user(1001)
    await phone.send("/start", expect="stretchbot")
    async with (
        aiohttp.ClientSession() as client,
        client.get(f"{polling_bot.base}/healthz") as response,
    ):
        assert response.status == 200
    polling_bot.stop.set()
    await asyncio.wait_for(polling_bot.task, 20)
    assert polling_bot.task.exception() is None
    async with aiohttp.ClientSession() as client:
        with pytest.raises(aiohttp.ClientError):
            async with client.get(f"{polling_bot.base}/healthz"):
                pass


NESTED = b'{"update_id": 7, "message": ' + b'{"a": ' * 50_000 + b"1" + b"}" * 50_001


async def _raw_post(base: str, body: bytes, secret: bytes) -> int:
    """A hand-written HTTP request: clients refuse to send bytes that are not UTF-8 in headers."""
    port = int(base.rsplit(":", 1)[1])
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        b"POST /telegram HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + b"X-Telegram-Bot-Api-Secret-Token: " + secret + b"\r\n"
        + b"Content-Length: " + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n"
        + body
    )  # fmt: skip
    await writer.drain()
    status_line = await reader.readline()
    writer.close()
    await writer.wait_closed()
    return int(status_line.split()[1])


@pytest.mark.parametrize(
    "body",
    [
        b"[]",
        b"1",
        b'"x"',
        b"null",
        b'{"message": "str"}',
        b'{"update_id": 3, "message": "str"}',
        b'{"update_id": 4, "message": {"message_id": "x", "chat": 5}}',
        b'{"update_id": "5"}',
        NESTED,
        b"[" * 100_000 + b"]" * 100_000,
        b'{"update_id": 6, "message": {"text": "\xff\xfe"}}',  # not UTF-8
    ],
    ids=lambda body: body[:20].decode("utf-8", "replace"),
)
async def test_a_body_that_is_not_an_update_gets_a_400_and_one_log_line(
    webhook_bot: Running, body: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("DEBUG"):
        status = await _raw_post(webhook_bot.base, body, SECRET.encode())
    assert status == 400
    ours = [r for r in caplog.records if r.name.startswith(("bot", "aiohttp"))]
    assert [r.levelname for r in ours] == ["WARNING"]
    assert "not an update" in ours[0].getMessage()
    assert "Traceback" not in caplog.text
    # The bot still takes real updates afterwards.
    phone = Phone(webhook_bot.emulator, 1001)
    webhook_bot.emulator.add_user(1001)
    await phone.send("/start", expect="stretchbot")


async def test_a_secret_header_that_is_not_utf8_gets_a_403(
    webhook_bot: Running, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING"):
        status = await _raw_post(webhook_bot.base, b'{"update_id": 1}', b"s3cret\xff\xfe")
    assert status == 403
    assert [r.getMessage() for r in caplog.records if r.name.startswith(("bot", "aiohttp"))] == [
        "webhook request refused: missing or wrong secret token"
    ]
