"""The feed drivers: a feed's items come out in order from a generator (sync) or an async generator
(async); its requests, streamed bodies and sleeps are served by the callables given; the errors a
feed may handle are thrown in where they happened; and however the feed ends (finished, failed, the
caller stopped), the feed and every stream it left open are closed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest

from trigger_facade.errors import NotFoundError, make_status_error
from trigger_facade.flows import (
    CloseStream,
    Emit,
    Feed,
    OpenStream,
    ReadPiece,
    Sleep,
    arun_feed,
    close_stream,
    emit,
    exchange,
    open_stream,
    pause,
    read_body,
    read_piece,
    run_feed,
)
from trigger_facade.testing import FakeClock

MODES = pytest.mark.parametrize("mode", ["sync", "async"])
BASE = "https://example.test"


class Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body in pieces, possibly cut after them; records being closed."""

    def __init__(self, pieces: list[bytes], cut: bool = False) -> None:
        self.pieces, self.cut, self.closed = pieces, cut, False

    def __iter__(self) -> Iterator[bytes]:
        yield from self.pieces
        if self.cut:
            raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self.pieces:
            yield piece
        if self.cut:
            raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


class Wire:
    """Answers a feed's requests by path, recording each; `fail` raises instead of answering."""

    def __init__(
        self, bodies: dict[str, Body] | None = None, fail: dict[str, BaseException] | None = None, status: int = 200
    ) -> None:
        self.bodies, self.fail, self.status = bodies or {}, fail or {}, status
        self.seen: list[tuple[str, str]] = []

    def send(self, request: httpx.Request) -> httpx.Response:
        return self._answer("send", request)

    def send_stream(self, request: httpx.Request) -> httpx.Response:
        return self._answer("stream", request)

    def _answer(self, how: str, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        self.seen.append((how, path))
        if path in self.fail:
            raise self.fail[path]
        if how == "stream":
            return httpx.Response(self.status, stream=self.bodies[path], request=request)
        return httpx.Response(self.status, text=f"text of {path}", request=request)


def get(path: str) -> httpx.Request:
    return httpx.Request("GET", BASE + path)


def collect(mode: str, feed: Feed[Any], wire: Wire, clock: FakeClock, stop_after: int | None = None) -> list[Any]:
    """Run the feed with the driver of `mode`, as a caller would: iterate, and maybe stop early."""
    items: list[Any] = []
    if mode == "sync":
        for item in run_feed(feed, wire.send, clock.sleep, wire.send_stream):
            items.append(item)
            if len(items) == stop_after:
                break  # the generator is dropped here, which closes it
        return items

    async def send(request: httpx.Request) -> httpx.Response:
        return wire.send(request)

    async def send_stream(request: httpx.Request) -> httpx.Response:
        return wire.send_stream(request)

    async def run() -> None:
        feed_items = arun_feed(feed, send, clock.async_sleep, send_stream)
        try:
            async for item in feed_items:
                items.append(item)
                if len(items) == stop_after:
                    break
        finally:
            await feed_items.aclose()  # an `async for` that breaks leaves closing to its caller

    asyncio.run(run())
    return items


def polls(paths: list[str], ended: list[str]) -> Feed[str]:
    """GET each path, emit its text, wait 1.5 s; `ended` records how the feed ended."""
    try:
        for path in paths:
            response = yield from exchange(get(path))
            yield from emit(response.text)
            yield from pause(1.5)
    except GeneratorExit:
        ended.append("closed")
        raise
    ended.append("finished")


@MODES
def test_items_come_out_in_order_and_sleeps_go_to_the_sleep_given(mode: str) -> None:
    wire, clock = Wire(), FakeClock()
    ended: list[str] = []
    items = collect(mode, polls(["/a", "/b", "/c"], ended), wire, clock)
    assert items == ["text of /a", "text of /b", "text of /c"]
    assert wire.seen == [("send", "/a"), ("send", "/b"), ("send", "/c")]
    assert clock.sleeps == [1.5, 1.5, 1.5]
    assert ended == ["finished"]


@MODES
def test_a_caller_that_stops_early_closes_the_feed_and_nothing_more_is_sent(mode: str) -> None:
    wire, clock = Wire(), FakeClock()
    ended: list[str] = []
    feed = polls(["/a", "/b", "/c"], ended)  # held here, so only the driver can have closed it
    items = collect(mode, feed, wire, clock, stop_after=2)
    assert items == ["text of /a", "text of /b"]
    assert wire.seen == [("send", "/a"), ("send", "/b")]
    assert clock.sleeps == [1.5]  # stopped at the second item, before its wait
    assert ended == ["closed"]


def pieces_of(path: str, ended: list[str]) -> Feed[bytes]:
    """Stream `path` and emit each piece of its body, then close it and emit b"end"."""
    try:
        response = yield from open_stream(get(path))
        while piece := (yield from read_piece(response)):
            yield Emit(piece)
        yield from close_stream(response)
        yield Emit(b"end")
    finally:
        ended.append("feed closed")


@MODES
def test_a_streamed_body_is_read_piece_by_piece_and_closed(mode: str) -> None:
    body = Body([b"he", b"llo"])
    ended: list[str] = []
    wire = Wire({"/s": body})
    assert collect(mode, pieces_of("/s", ended), wire, FakeClock()) == [b"he", b"llo", b"end"]
    assert wire.seen == [("stream", "/s")]
    assert body.closed
    assert ended == ["feed closed"]


@MODES
def test_a_caller_that_stops_inside_a_body_closes_the_stream_and_the_feed(mode: str) -> None:
    body = Body([b"he", b"llo", b"!"])
    ended: list[str] = []
    feed = pieces_of("/s", ended)
    items = collect(mode, feed, Wire({"/s": body}), FakeClock(), stop_after=1)
    assert items == [b"he"]
    assert body.closed
    assert ended == ["feed closed"]


def test_an_error_thrown_into_the_driver_by_its_caller_closes_the_stream_and_the_feed() -> None:
    body = Body([b"he", b"llo"])
    ended: list[str] = []
    wire = Wire({"/s": body})
    feed = pieces_of("/s", ended)
    items = run_feed(feed, wire.send, FakeClock().sleep, wire.send_stream)
    assert next(items) == b"he"
    with pytest.raises(ValueError, match="caller"):
        items.throw(ValueError("the caller's own problem"))
    assert body.closed
    assert ended == ["feed closed"]


def resilient(ended: list[str]) -> Feed[str]:
    """Every failure the drivers throw in is caught where it happened and reported as an item."""
    try:
        yield from exchange(get("/refused"))
    except httpx.ConnectError as exc:
        yield Emit(f"refused: {exc}")
    try:
        yield from exchange(get("/gone"))
    except NotFoundError as exc:
        yield Emit(f"gone: {exc.status_code}")
    response = yield from open_stream(get("/cut"))
    try:
        while piece := (yield from read_piece(response)):
            yield Emit(piece.decode())
    except httpx.RemoteProtocolError:
        yield Emit("cut")
    yield from close_stream(response)
    ended.append("finished")


def not_found() -> NotFoundError:
    response = httpx.Response(404, json={"error": "Run not found"}, request=get("/gone"))
    error = make_status_error(response)
    assert isinstance(error, NotFoundError)
    return error


@MODES
def test_transport_and_typed_errors_are_thrown_in_where_they_happened(mode: str) -> None:
    body = Body([b"par", b"tial"], cut=True)
    ended: list[str] = []
    wire = Wire({"/cut": body}, fail={"/refused": httpx.ConnectError("refused"), "/gone": not_found()})
    items = collect(mode, resilient(ended), wire, FakeClock())
    assert items == ["refused: refused", "gone: 404", "par", "tial", "cut"]
    assert [path for _, path in wire.seen] == ["/refused", "/gone", "/cut"]
    assert body.closed
    assert ended == ["finished"]


def careless(ended: list[str]) -> Feed[str]:
    """Opens a stream, then sends a request whose failure it does not handle."""
    try:
        yield from open_stream(get("/s"))
        yield Emit("opened")
        yield from exchange(get("/gone"))
        yield Emit("never")
    except Exception:  # what the driver does not throw in, the feed never sees
        ended.append("saw an error")
        raise
    finally:
        ended.append("feed closed")


@MODES
def test_an_error_the_feed_does_not_handle_reaches_the_caller_without_context(mode: str) -> None:
    body = Body([b"x"])
    ended: list[str] = []
    wire = Wire({"/s": body}, fail={"/gone": not_found()})
    feed = careless(ended)
    with pytest.raises(NotFoundError) as caught:
        collect(mode, feed, wire, FakeClock())
    assert caught.value.__context__ is None
    assert body.closed
    assert ended == ["saw an error", "feed closed"]


@MODES
def test_other_failures_are_not_thrown_in_but_still_close_everything(mode: str) -> None:
    body = Body([b"x"])
    ended: list[str] = []
    wire = Wire({"/s": body}, fail={"/gone": RuntimeError("a bug in the sender")})
    feed = careless(ended)
    with pytest.raises(RuntimeError, match="bug in the sender") as caught:
        collect(mode, feed, wire, FakeClock())
    assert caught.value.__context__ is None
    assert body.closed
    assert ended == ["feed closed"]  # closed with GeneratorExit, never handed the RuntimeError


def status_then_body(ended: list[str]) -> Feed[str]:
    response = yield from open_stream(get("/s"))
    if response.status_code >= 400:
        yield from read_body(response)
        yield Emit(f"{response.status_code}: {response.text}")
    ended.append("left open")


@MODES
def test_read_body_reads_the_rest_and_a_stream_left_open_is_closed_by_the_driver(mode: str) -> None:
    body = Body([b"no ", b"such stream"])
    ended: list[str] = []
    items = collect(mode, status_then_body(ended), Wire({"/s": body}, status=404), FakeClock())
    assert items == ["404: no such stream"]
    assert ended == ["left open"]
    assert body.closed


def streams_without_a_sender() -> Feed[str]:
    yield from open_stream(get("/s"))


def reads_what_it_never_opened() -> Feed[str]:
    yield from read_piece(httpx.Response(200, stream=Body([b"x"])))


def closes_then_reads(ended: list[str]) -> Feed[str]:
    response = yield from open_stream(get("/s"))
    yield from close_stream(response)
    yield from read_piece(response)
    ended.append("read a closed stream")


def test_a_feed_that_misuses_streams_is_told_how() -> None:
    clock = FakeClock()
    with pytest.raises(TypeError, match="no send_stream"):
        list(run_feed(streams_without_a_sender(), Wire().send, clock.sleep))
    wire = Wire({"/s": Body([b"x"])})
    with pytest.raises(ValueError, match="did not open with OpenStream"):
        list(run_feed(reads_what_it_never_opened(), wire.send, clock.sleep, wire.send_stream))
    ended: list[str] = []
    with pytest.raises(ValueError, match="already closed"):
        list(run_feed(closes_then_reads(ended), wire.send, clock.sleep, wire.send_stream))
    assert ended == []

    async def asend(request: httpx.Request) -> httpx.Response:
        return wire.send(request)

    async def run(feed: Feed[str]) -> list[str]:
        return [item async for item in arun_feed(feed, asend, clock.async_sleep)]

    with pytest.raises(TypeError, match="no send_stream"):
        asyncio.run(run(streams_without_a_sender()))


def yields_a_string() -> Any:
    yield "GET /runs"


@MODES
def test_a_feed_yielding_something_else_than_a_step_is_told_so(mode: str) -> None:
    with pytest.raises(TypeError, match="yielded str, which is not a step"):
        collect(mode, yields_a_string(), Wire(), FakeClock())


def test_a_feed_is_stepped_without_any_driver() -> None:
    """Steps are plain values and answers are plain values: a feed does no I/O of its own."""
    ended: list[str] = []
    feed = pieces_of("/s", ended)
    opening = next(feed)
    assert isinstance(opening, OpenStream)
    assert str(opening.request.url) == f"{BASE}/s"
    response = httpx.Response(200, stream=Body([]), request=opening.request)
    reading = feed.send(response)
    assert isinstance(reading, ReadPiece)
    assert reading.response is response
    assert feed.send(b"abc") == Emit(b"abc")
    assert isinstance(feed.send(None), ReadPiece)
    closing = feed.send(b"")
    assert isinstance(closing, CloseStream)
    assert closing.response is response
    assert feed.send(None) == Emit(b"end")
    with pytest.raises(StopIteration):
        feed.send(None)
    assert ended == ["feed closed"]


@pytest.mark.parametrize(
    ("step", "answer", "message"),
    [
        (lambda: open_stream(get("/s")), b"bytes", "GET request was answered with bytes, not a response"),
        (lambda: read_piece(httpx.Response(200)), None, "read was answered with NoneType, not bytes"),
        (lambda: read_body(httpx.Response(200)), b"", "body read was answered with bytes, not a response"),
    ],
)
def test_a_step_answered_with_the_wrong_kind_of_value_says_so(
    step: Callable[[], Any], answer: Any, message: str
) -> None:
    flow = step()
    next(flow)
    with pytest.raises(TypeError, match=message):
        flow.send(answer)


@MODES
def test_sleeps_are_steps_the_driver_performs(mode: str) -> None:
    def waits() -> Feed[float]:
        for seconds in (0.25, 4.0):
            yield Sleep(seconds)
            yield Emit(seconds)

    clock = FakeClock()
    assert collect(mode, waits(), Wire(), clock) == [0.25, 4.0]
    assert clock.sleeps == [0.25, 4.0]
    assert clock.monotonic() == 4.25
