"""Multi-step operations written once, without I/O, and the two drivers that run them.

A flow is a generator that yields steps and returns its result: an `httpx.Request` (built with
`_base.build_request`) is answered with the 2xx `httpx.Response`, or has our typed error thrown in
at that `yield`; a `Sleep` is answered once the client's clock has slept. The drivers send each
request through the resource's own `_send`, so retries, deadlines and error mapping are the ones
every single call gets. This is how httpx writes its auth flows: one body of logic for sync and async.

A feed is a flow that hands out many items over time (a long poll's rows, an event stream's
chunks): besides requests and sleeps it yields `Emit(item)`, which the driver passes on to its
caller, and it may read a body piece by piece: `OpenStream(request)` is answered with the
response, its body unread; `ReadPiece(response)` with the body's next bytes (b"" once it has
ended); `ReadBody(response)` with the response, its body read; `CloseStream(response)` with None.
Its drivers, `run_feed` and `arun_feed`, are a generator and an async generator of the items.
Whatever way a feed ends (finished, failed, or its caller stopped iterating), the driver closes
the feed and every stream the feed left open.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Generator, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

import httpx

from .errors import TriggerError

__all__ = [
    "FEED_ERRORS",
    "Answer",
    "CloseStream",
    "Emit",
    "Feed",
    "FeedStep",
    "Flow",
    "OpenStream",
    "ReadBody",
    "ReadPiece",
    "Sleep",
    "Step",
    "arun_feed",
    "arun_flow",
    "close_stream",
    "emit",
    "exchange",
    "next_item",
    "open_stream",
    "pause",
    "read_body",
    "read_piece",
    "run_feed",
    "run_flow",
]

T = TypeVar("T")


@dataclass(frozen=True)
class Sleep:
    """A step asking the driver to wait `seconds` on the client's clock."""

    seconds: float


Step = httpx.Request | Sleep
Flow = Generator[Step, httpx.Response | None, T]


def exchange(request: httpx.Request) -> Flow[httpx.Response]:
    """`response = yield from exchange(request)`: the typed way for a flow to send one request."""
    response = yield request
    if not isinstance(response, httpx.Response):
        raise TypeError(f"a flow's request was answered with {type(response).__name__}, not a response")
    return response


def pause(seconds: float) -> Flow[None]:
    """`yield from pause(seconds)`: wait on the client's clock."""
    yield Sleep(seconds)


def _advance(flow: Flow[T], reply: httpx.Response | None, error: TriggerError | None) -> Step:
    # thrown here, outside the driver's `except`, so the error's __context__ stays what it was
    return flow.throw(error) if error is not None else flow.send(reply)


def run_flow(
    flow: Flow[T],
    send: Callable[[httpx.Request], httpx.Response],
    sleep: Callable[[float], None],
) -> T:
    """Run a flow to its result, sending with `send` and waiting with `sleep`."""
    reply: httpx.Response | None = None
    error: TriggerError | None = None
    try:
        while True:
            try:
                step = _advance(flow, reply, error)
            except StopIteration as stop:
                result: T = stop.value
                return result
            reply, error = None, None
            if isinstance(step, Sleep):
                sleep(step.seconds)
                continue
            try:
                reply = send(step)
            except TriggerError as exc:
                error = exc
    finally:
        flow.close()


async def arun_flow(
    flow: Flow[T],
    send: Callable[[httpx.Request], Awaitable[httpx.Response]],
    sleep: Callable[[float], Awaitable[None]],
) -> T:
    """`run_flow` for an async client: the same flow, awaited sends and sleeps."""
    reply: httpx.Response | None = None
    error: TriggerError | None = None
    try:
        while True:
            try:
                step = _advance(flow, reply, error)
            except StopIteration as stop:
                result: T = stop.value
                return result
            reply, error = None, None
            if isinstance(step, Sleep):
                await sleep(step.seconds)
                continue
            try:
                reply = await send(step)
            except TriggerError as exc:
                error = exc
    finally:
        flow.close()


# --- feeds: flows that hand out many items ------------------------------------------------------


@dataclass(frozen=True)
class Emit(Generic[T]):
    """A step handing `item` to the feed's caller; answered with None once the caller asks for more."""

    item: T


@dataclass(frozen=True)
class OpenStream:
    """A step sending `request` and answering with its response, the body left unread."""

    request: httpx.Request


@dataclass(frozen=True)
class ReadPiece:
    """A step answered with the next bytes of an open stream's body, b"" once the body has ended."""

    response: httpx.Response


@dataclass(frozen=True)
class ReadBody:
    """A step answered with the open stream's response once the rest of its body is read."""

    response: httpx.Response


@dataclass(frozen=True)
class CloseStream:
    """A step closing an open stream; answered with None."""

    response: httpx.Response


Answer = httpx.Response | bytes | None
StreamStep = OpenStream | ReadPiece | ReadBody | CloseStream
FeedStep = httpx.Request | Sleep | StreamStep | Emit[T]
Feed = Generator[FeedStep[T], Answer, None]
# what a feed's driver throws in at the step that failed; anything else ends the feed as it is
FEED_ERRORS: tuple[type[Exception], ...] = (TriggerError, httpx.TransportError)
PiecesT = TypeVar("PiecesT")  # what a driver reads a body with: an Iterator or an AsyncIterator of bytes


def emit(item: T) -> Generator[Emit[T], Answer, None]:
    """`yield from emit(item)`: hand one item to the feed's caller."""
    yield Emit(item)


def next_item(feed: Feed[T]) -> Generator[httpx.Request | Sleep | StreamStep, Answer, T | None]:
    """`item = yield from next_item(feed)`: run `feed` inside this feed up to its next item, its
    requests and sleeps passed on to the driver and the errors thrown in at them thrown into `feed`
    where they happened; None once `feed` has ended (the feeds here never emit None). The caller
    closes `feed` when it is done with it."""
    answer: Answer = None
    error: Exception | None = None
    while True:
        try:
            # thrown here, outside the `except` below, so the error's __context__ stays what it was
            step = feed.throw(error) if error is not None else feed.send(answer)
        except StopIteration:
            return None
        if isinstance(step, Emit):
            return step.item
        try:
            answer, error = (yield step), None
        except Exception as exc:  # what the driver throws in at a step of `feed` belongs to `feed`
            answer, error = None, exc


def open_stream(request: httpx.Request) -> Generator[OpenStream, Answer, httpx.Response]:
    """`response = yield from open_stream(request)`: send, keeping the body to read piece by piece."""
    return _response(f"{request.method} request", (yield OpenStream(request)))


def read_piece(response: httpx.Response) -> Generator[ReadPiece, Answer, bytes]:
    """`piece = yield from read_piece(response)`: the body's next bytes, b"" at its end."""
    piece = yield ReadPiece(response)
    if not isinstance(piece, bytes):
        raise TypeError(f"a feed's read was answered with {type(piece).__name__}, not bytes")
    return piece


def read_body(response: httpx.Response) -> Generator[ReadBody, Answer, httpx.Response]:
    """`yield from read_body(response)`: read the rest of an open stream's body (`response.content`)."""
    return _response("body read", (yield ReadBody(response)))


def close_stream(response: httpx.Response) -> Generator[CloseStream, Answer, None]:
    """`yield from close_stream(response)`: close an open stream (the driver closes any left open)."""
    yield CloseStream(response)


def _response(step: str, answer: Answer) -> httpx.Response:
    if not isinstance(answer, httpx.Response):
        raise TypeError(f"a feed's {step} was answered with {type(answer).__name__}, not a response")
    return answer


def _advance_feed(feed: Feed[T], answer: Answer, error: Exception | None) -> FeedStep[T]:
    # thrown here, outside the driver's `except`, so the error's __context__ stays what it was
    return feed.throw(error) if error is not None else feed.send(answer)


class _OpenStreams(Generic[PiecesT]):
    """The streams a feed has open, each with its body's piece iterator once reading has begun."""

    def __init__(self) -> None:
        self.pieces: dict[httpx.Response, PiecesT | None] = {}

    def opened(self, response: httpx.Response) -> httpx.Response:
        self.pieces[response] = None
        return response

    def reader(self, response: httpx.Response, start: Callable[[], PiecesT]) -> PiecesT:
        if response not in self.pieces:
            raise ValueError("a feed read from a response it did not open with OpenStream (or already closed)")
        pieces = self.pieces[response]
        if pieces is None:
            pieces = self.pieces[response] = start()
        return pieces

    def closing(self, response: httpx.Response) -> httpx.Response:
        self.pieces.pop(response, None)
        return response

    def left_open(self) -> list[httpx.Response]:
        responses = list(self.pieces)
        self.pieces.clear()
        return responses


def _not_a_step(step: object) -> TypeError:
    return TypeError(f"a feed yielded {type(step).__name__}, which is not a step (see trigger_facade.flows)")


def _no_stream(request: httpx.Request) -> httpx.Response:
    raise TypeError("this feed opens a stream, but its driver was given no send_stream")


def run_feed(
    feed: Feed[T],
    send: Callable[[httpx.Request], httpx.Response],
    sleep: Callable[[float], None],
    send_stream: Callable[[httpx.Request], httpx.Response] = _no_stream,
) -> Generator[T, None, None]:
    """Run a feed, yielding its items: requests go to `send` (streamed ones to `send_stream`),
    sleeps to `sleep`, and the errors of FEED_ERRORS are thrown into the feed where they happened."""
    streams: _OpenStreams[Iterator[bytes]] = _OpenStreams()
    answer: Answer = None
    error: Exception | None = None
    try:
        while True:
            try:
                step = _advance_feed(feed, answer, error)
            except StopIteration:
                return
            answer, error = None, None
            if isinstance(step, Emit):
                yield step.item
            elif isinstance(step, Sleep):
                sleep(step.seconds)
            else:
                try:
                    answer = _serve(step, send, send_stream, streams)
                except FEED_ERRORS as exc:
                    error = exc
    finally:
        try:
            for response in streams.left_open():
                response.close()
        finally:
            feed.close()


def _serve(
    step: httpx.Request | StreamStep,
    send: Callable[[httpx.Request], httpx.Response],
    send_stream: Callable[[httpx.Request], httpx.Response],
    streams: _OpenStreams[Iterator[bytes]],
) -> Answer:
    if isinstance(step, httpx.Request):
        return send(step)
    if isinstance(step, OpenStream):
        return streams.opened(send_stream(step.request))
    if isinstance(step, ReadPiece):
        return next(streams.reader(step.response, step.response.iter_bytes), b"")
    if isinstance(step, ReadBody):
        step.response.read()
        return step.response
    if isinstance(step, CloseStream):
        streams.closing(step.response).close()
        return None
    raise _not_a_step(step)


async def _no_astream(request: httpx.Request) -> httpx.Response:
    return _no_stream(request)


async def arun_feed(
    feed: Feed[T],
    send: Callable[[httpx.Request], Awaitable[httpx.Response]],
    sleep: Callable[[float], Awaitable[None]],
    send_stream: Callable[[httpx.Request], Awaitable[httpx.Response]] = _no_astream,
) -> AsyncGenerator[T, None]:
    """`run_feed` for an async client: the same feed, its items handed out by an async generator."""
    streams: _OpenStreams[AsyncIterator[bytes]] = _OpenStreams()
    answer: Answer = None
    error: Exception | None = None
    try:
        while True:
            try:
                step = _advance_feed(feed, answer, error)
            except StopIteration:
                return
            answer, error = None, None
            if isinstance(step, Emit):
                yield step.item
            elif isinstance(step, Sleep):
                await sleep(step.seconds)
            else:
                try:
                    answer = await _aserve(step, send, send_stream, streams)
                except FEED_ERRORS as exc:
                    error = exc
    finally:
        try:
            for response in streams.left_open():
                await response.aclose()
        finally:
            feed.close()


async def _aserve(
    step: httpx.Request | StreamStep,
    send: Callable[[httpx.Request], Awaitable[httpx.Response]],
    send_stream: Callable[[httpx.Request], Awaitable[httpx.Response]],
    streams: _OpenStreams[AsyncIterator[bytes]],
) -> Answer:
    if isinstance(step, httpx.Request):
        return await send(step)
    if isinstance(step, OpenStream):
        return streams.opened(await send_stream(step.request))
    if isinstance(step, ReadPiece):
        return await anext(streams.reader(step.response, step.response.aiter_bytes), b"")
    if isinstance(step, ReadBody):
        await step.response.aread()
        return step.response
    if isinstance(step, CloseStream):
        await streams.closing(step.response).aclose()
        return None
    raise _not_a_step(step)
