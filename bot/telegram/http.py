"""python-telegram-bot's requests over aiohttp instead of httpx.

The fan-out sends up to a hundred messages at once; through httpx's connection pool a single
process manages a few hundred requests a second on two cores, through aiohttp several times that
(see the README's benchmarks). Error handling is python-telegram-bot's own: this class only moves
bytes, and maps aiohttp's failures onto `TimedOut` and `NetworkError` as its httpx request class
does, with texts that never quote the URL (it holds the bot token).
"""

from __future__ import annotations

import json

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

JSON = {"Content-Type": "application/json"}


class NotConnected(NetworkError):
    """No connection to the Bot API could be made: the request never left this process, so
    sending it again cannot duplicate anything (the fan-out relies on that)."""


class AiohttpRequest(BaseRequest):
    """A `BaseRequest` backed by one aiohttp session and its connection pool."""

    def __init__(
        self,
        *,
        connection_pool_size: int = 256,
        read_timeout: float | None = 10.0,
        write_timeout: float | None = 10.0,
        connect_timeout: float | None = 10.0,
        media_write_timeout: float | None = 30.0,
        keep_alive: bool = True,
    ) -> None:
        """`keep_alive=False` for long polls: a poll cancelled at shutdown must not leave its
        connection to be reused, or the next request waits behind the abandoned one."""
        self._pool = connection_pool_size
        self._read = read_timeout
        self._write = write_timeout
        self._connect = connect_timeout
        self._media_write = media_write_timeout
        self._keep_alive = keep_alive
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout (used by getUpdates to extend its long poll)."""
        return self._read

    async def initialize(self) -> None:
        """Open the session."""
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(
                limit=self._pool, ttl_dns_cache=300, force_close=not self._keep_alive
            )
            self._session = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": self.USER_AGENT}
            )

    async def shutdown(self) -> None:
        """Close the session and its connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Make one HTTP request; return its status code and body."""
        if self._session is None:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data else None
        read = self._read if isinstance(read_timeout, DefaultValue) else read_timeout
        write = self._write if not files else self._media_write
        if not isinstance(write_timeout, DefaultValue):
            write = write_timeout
        connect = self._connect if isinstance(connect_timeout, DefaultValue) else connect_timeout
        pool = None if isinstance(pool_timeout, DefaultValue) else pool_timeout
        # aiohttp has no separate write timeout: the whole request may take read + write.
        total = None if read is None or write is None else read + write
        timeout = aiohttp.ClientTimeout(
            total=total, connect=pool, sock_connect=connect, sock_read=read
        )
        body: aiohttp.FormData | bytes | None = None
        headers = None
        if files:
            form = aiohttp.FormData()
            for name, value in (request_data.json_parameters if request_data else {}).items():
                form.add_field(name, value)
            for name, (filename, content, mime) in files.items():
                form.add_field(name, content, filename=filename, content_type=mime)
            body = form
        elif request_data is not None:
            # A JSON body, as the Bot API prefers: a tenth of the CPU of urlencoding the same
            # parameters (each JSON-encoded first, then percent-quoted a character at a time).
            body = json.dumps(request_data.parameters).encode()
            headers = JSON
        try:
            async with self._session.request(
                method, url, data=body, headers=headers, timeout=timeout
            ) as res:
                return res.status, await res.read()
        except TimeoutError as err:
            raise TimedOut from err
        except aiohttp.ClientConnectorError as err:  # refused, no route, DNS, TLS handshake
            raise NotConnected(f"aiohttp.{err.__class__.__name__}{_reason(err)}") from None
        except (aiohttp.ClientError, ValueError) as err:
            # aiohttp's texts quote the URL, and the URL holds the token: name the failure only.
            raise NetworkError(f"aiohttp.{err.__class__.__name__}{_reason(err)}") from None


def _reason(err: Exception) -> str:
    """What went wrong, without the URL: the operating system's words, if it gave any."""
    os_error = getattr(err, "os_error", None)
    strerror = getattr(os_error or err, "strerror", None)
    if isinstance(strerror, str) and strerror:
        return f": {strerror}"
    status = getattr(err, "status", None)
    return f": HTTP {status}" if isinstance(status, int) else ""
