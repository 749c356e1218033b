"""The retry transport reads a plain body where it lies (no copy, no second response) within the same
rules as the general path: the size cap, the attempt deadline, one read, `elapsed` and the attempt count."""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from trigger_facade import ResponseTooLargeError
from trigger_facade._retry import RetryPolicy
from trigger_facade._transport import ATTEMPTS_EXTENSION, MAX_BODY_EXTENSION, RetryTransport

BODY = b'{"id": "run_1"}' * 10


class Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body still on the wire: handed out chunk by chunk, once."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = chunks
        self.reads = 0
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        self.reads += 1
        yield from self.chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        self.reads += 1
        for chunk in self.chunks:
            yield chunk

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


class Wire(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Answers every request with a streamed body, like httpx's own transports do."""

    def __init__(self, chunks: list[bytes], headers: dict[str, str] | None = None) -> None:
        self.chunks = chunks
        self.headers = headers or {}
        self.handed: list[httpx.Response] = []
        self.streams: list[Chunks] = []

    def _answer(self) -> httpx.Response:
        stream = Chunks(self.chunks)
        response = httpx.Response(200, headers=self.headers, stream=stream)
        self.handed.append(response)
        self.streams.append(stream)
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._answer()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self._answer()


def send(mode: str, wire: Wire, extensions: dict[str, object] | None = None) -> httpx.Response:
    request = httpx.Request("GET", "http://api.test/x", extensions=extensions or {})
    transport = RetryTransport(wire, policy=RetryPolicy(max_retries=0), async_mode=mode == "async")
    if mode == "sync":
        with httpx.Client(transport=transport) as client:
            return client.send(request)

    async def run() -> httpx.Response:
        async with httpx.AsyncClient(transport=transport) as client:
            return await client.send(request)

    return asyncio.run(run())


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_a_plain_body_is_read_once_into_the_transports_own_response(mode: str) -> None:
    wire = Wire([BODY[:7], BODY[7:]])
    response = send(mode, wire)
    assert response.content == BODY
    assert response is wire.handed[0]  # no second response was built
    assert wire.streams[0].reads == 1
    assert wire.streams[0].closed
    assert response.extensions[ATTEMPTS_EXTENSION] == 1
    assert response.elapsed.total_seconds() >= 0  # as httpx sets it when it reads a body itself


def test_a_plain_body_past_the_cap_is_refused_and_closed(mode: str) -> None:
    wire = Wire([b"x" * 60, b"x" * 60])
    with pytest.raises(ResponseTooLargeError) as info:
        send(mode, wire, {MAX_BODY_EXTENSION: 100})
    assert info.value.limit == 100
    assert wire.streams[0].closed


def test_a_plain_body_exactly_at_the_cap_is_read(mode: str) -> None:
    assert send(mode, Wire([b"x" * 60, b"x" * 40]), {MAX_BODY_EXTENSION: 100}).content == b"x" * 100


def test_a_plain_body_after_the_attempt_deadline_is_a_read_timeout(mode: str) -> None:
    # an attempt timeout of zero has passed before the first chunk arrives
    wire = Wire([BODY])
    with pytest.raises(httpx.ReadTimeout):
        send(mode, wire, {"trigger_facade.attempt_timeout": 0})
    assert wire.streams[0].closed


def test_a_compressed_body_still_goes_through_the_bounded_inflater(mode: str) -> None:
    wire = Wire([gzip.compress(BODY)], {"content-encoding": "gzip"})
    response = send(mode, wire)
    assert response.content == BODY
    assert "content-encoding" not in response.headers  # decoded once, here, within the cap
    with pytest.raises(ResponseTooLargeError):
        send(mode, Wire([gzip.compress(b"0" * 10_000)], {"content-encoding": "gzip"}), {MAX_BODY_EXTENSION: 1000})


class AsyncOnly(httpx.AsyncByteStream):
    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield BODY


class SyncOnly(httpx.SyncByteStream):
    def __iter__(self) -> Iterator[bytes]:
        yield BODY


class WrongKind(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A broken inner transport: its body stream is of the other kind than the client's."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=AsyncOnly())

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=SyncOnly())


def test_a_body_stream_of_the_other_kind_is_refused_as_httpx_refuses_it(mode: str) -> None:
    transport = RetryTransport(WrongKind(), policy=RetryPolicy(max_retries=0), async_mode=mode == "async")
    request = httpx.Request("GET", "http://api.test/x")
    sent = transport.handle_request if mode == "sync" else lambda r: asyncio.run(transport.handle_async_request(r))
    with pytest.raises(RuntimeError, match=r"^Attempted to call an? a?sync (iterator|close) on an? a?sync stream"):
        sent(request)
