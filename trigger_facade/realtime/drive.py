"""The realtime reads written once as feeds (trigger_facade.flows), and their sync and async entry points.

`shape_feed` sends a ShapeSubscription's long polls and emits its rows; `stream_feed` reads a
StreamReader's server-sent events and emits its chunks. Both retry what the state machine says to
retry, for as long as the deadline allows, and raise the client's status error
(errors.make_status_error) for an answer that ends the read. `follow_shape` / `afollow_shape` and
`follow_stream` / `afollow_stream` run them over an httpx client with `run_feed` / `arun_feed`,
sleeping on the clock given.

The httpx client is the facade's own (base URL, auth, default headers), so the key is added by its
auth and never passes through here. The client's retrying transport is told not to retry these
requests (a long poll or an event stream is not a call to repeat blindly); the state machines do it.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Generator, Mapping
from typing import Any

import httpx

from .._retry import SYSTEM_CLOCK, Clock, RetryPolicy
from .._transport import POLICY_EXTENSION
from ..errors import make_status_error
from ..flows import (
    Answer,
    Emit,
    Feed,
    FeedStep,
    Sleep,
    arun_feed,
    close_stream,
    exchange,
    open_stream,
    read_body,
    read_piece,
    run_feed,
)
from .electric import LIVE_HOLD_SECONDS, ShapeSubscription
from .shape_requests import ShapeRequest
from .streams import StreamChunk, StreamReader, StreamRequest

__all__ = [
    "SHAPE_READ_TIMEOUT",
    "STREAM_STALL_TIMEOUT",
    "ShapeRow",
    "afollow_shape",
    "afollow_stream",
    "follow_shape",
    "follow_stream",
    "shape_feed",
    "stream_feed",
]

# a live request is held about 20 s (+-15 %); anything slower than this is a dead connection
SHAPE_READ_TIMEOUT = LIVE_HOLD_SECONDS + 7.0
# the v1 server pings every 10 s; v2 (S2) sends pings too. Silence this long means a stalled stream.
STREAM_STALL_TIMEOUT = 30.0
CONNECT_TIMEOUT = 10.0
_NO_RETRIES = RetryPolicy(max_retries=0)

ShapeRow = tuple[str, dict[str, Any]]


def _remaining(deadline: float | None, clock: Clock) -> float | None:
    return None if deadline is None else deadline - clock.monotonic()


def _passed(deadline: float | None, clock: Clock) -> bool:
    remaining = _remaining(deadline, clock)
    return remaining is not None and remaining <= 0


def _request(
    http: httpx.Client | httpx.AsyncClient,
    spec: ShapeRequest | StreamRequest,
    read: float,
    remaining: float | None,
    extensions: Mapping[str, Any] | None,
) -> httpx.Request:
    if remaining is not None:
        read = max(0.05, min(read, remaining))
    return http.build_request(
        spec.method,
        spec.target,
        headers=dict(spec.headers),
        timeout=httpx.Timeout(read, connect=min(CONNECT_TIMEOUT, read)),
        extensions={POLICY_EXTENSION: _NO_RETRIES, **(extensions or {})},
    )


def _wait(delay: float, deadline: float | None, clock: Clock) -> Generator[Sleep, Answer, bool]:
    """Sleep `delay` before the next attempt; False (and no sleep) when the deadline comes first."""
    remaining = _remaining(deadline, clock)
    if remaining is not None and delay >= remaining:
        return False
    yield Sleep(delay)
    return True


# --- shapes -------------------------------------------------------------------------------------


def shape_feed(
    http: httpx.Client | httpx.AsyncClient,
    sub: ShapeSubscription,
    deadline: float | None,
    clock: Clock,
    extensions: Mapping[str, Any] | None = None,
) -> Feed[ShapeRow]:
    """Emit `(key, row)` for every row the subscription hands out, until the deadline
    (clock.monotonic() seconds) passes or an error is raised."""
    while True:
        remaining = _remaining(deadline, clock)
        if remaining is not None and remaining <= 0:
            return
        request = _request(http, sub.next_request(), SHAPE_READ_TIMEOUT, remaining, extensions)
        delay: float | None
        try:
            response = yield from exchange(request)
        except httpx.TransportError:
            delay = sub.handle_network_error().retry_in
        else:
            result = sub.handle_response(response.status_code, response.headers, response.content, now=clock.now())
            if sub.fatal_status is not None:
                raise make_status_error(response)
            for row in result.rows:
                yield Emit(row)
            delay = result.retry_in
        if delay is not None and not (yield from _wait(delay, deadline, clock)):
            return


def follow_shape(
    http: httpx.Client,
    sub: ShapeSubscription,
    *,
    deadline: float | None = None,
    clock: Clock = SYSTEM_CLOCK,
    extensions: Mapping[str, Any] | None = None,
) -> Generator[ShapeRow, None, None]:
    """Yield `(key, row)` for every row the subscription hands out, until the caller stops, the
    deadline (clock.monotonic() seconds) passes, or an error is raised."""
    return run_feed(shape_feed(http, sub, deadline, clock, extensions), http.send, clock.sleep)


def afollow_shape(
    http: httpx.AsyncClient,
    sub: ShapeSubscription,
    *,
    deadline: float | None = None,
    clock: Clock = SYSTEM_CLOCK,
    extensions: Mapping[str, Any] | None = None,
) -> AsyncGenerator[ShapeRow, None]:
    """follow_shape for an httpx.AsyncClient."""
    return arun_feed(shape_feed(http, sub, deadline, clock, extensions), http.send, clock.async_sleep)


# --- streams ------------------------------------------------------------------------------------


def stream_feed(
    http: httpx.Client | httpx.AsyncClient,
    reader: StreamReader,
    deadline: float | None,
    clock: Clock,
    stall_timeout: float = STREAM_STALL_TIMEOUT,
    extensions: Mapping[str, Any] | None = None,
) -> Feed[StreamChunk]:
    """Emit the stream's chunks, reconnecting from where it stopped, until the stream ends, the
    deadline passes, or an error is raised. `reader.last_event_id` says where a later read can continue."""
    while not reader.done:
        remaining = _remaining(deadline, clock)
        if remaining is not None and remaining <= 0:
            return
        request = _request(http, reader.next_request(), stall_timeout, remaining, extensions)
        delay: float | None
        try:
            response = yield from open_stream(request)
        except httpx.TransportError:
            delay = reader.connection_lost()
        else:
            # a connection that fails while read or while closed is lost: read again after a wait
            lost = False
            try:
                delay = yield from _read_events(response, reader, deadline, clock)
            except httpx.TransportError:
                lost = True
            try:
                yield from close_stream(response)
            except httpx.TransportError:
                lost = True
            if lost:
                delay = reader.connection_lost()
        if delay is None or not (yield from _wait(delay, deadline, clock)):
            return


def _read_events(
    response: httpx.Response, reader: StreamReader, deadline: float | None, clock: Clock
) -> Generator[FeedStep[StreamChunk], Answer, float | None]:
    """Emit the chunks of one connection; the wait before the next one, or None to stop reading."""
    opened = reader.handle_status(response.status_code, response.headers, now=clock.now())
    if opened.fatal_status is not None:
        yield from read_body(response)
        raise make_status_error(response)
    if not opened.ok:
        return opened.retry_in
    while piece := (yield from read_piece(response)):
        for chunk in reader.feed(piece):
            yield Emit(chunk)
        if reader.reconnect_pending:
            break
        if _passed(deadline, clock):
            return None
    return reader.connection_lost() if reader.reconnect_pending else reader.end_of_body()


def follow_stream(
    http: httpx.Client,
    reader: StreamReader,
    *,
    deadline: float | None = None,
    clock: Clock = SYSTEM_CLOCK,
    stall_timeout: float = STREAM_STALL_TIMEOUT,
    extensions: Mapping[str, Any] | None = None,
) -> Generator[StreamChunk, None, None]:
    """Yield the stream's chunks, reconnecting from where it stopped, until the stream ends, the
    caller stops, the deadline passes, or an error is raised. `reader.last_event_id` says where a
    later read can continue."""

    def send_stream(request: httpx.Request) -> httpx.Response:
        return http.send(request, stream=True)

    feed = stream_feed(http, reader, deadline, clock, stall_timeout, extensions)
    return run_feed(feed, http.send, clock.sleep, send_stream)


def afollow_stream(
    http: httpx.AsyncClient,
    reader: StreamReader,
    *,
    deadline: float | None = None,
    clock: Clock = SYSTEM_CLOCK,
    stall_timeout: float = STREAM_STALL_TIMEOUT,
    extensions: Mapping[str, Any] | None = None,
) -> AsyncGenerator[StreamChunk, None]:
    """follow_stream for an httpx.AsyncClient."""

    async def send_stream(request: httpx.Request) -> httpx.Response:
        return await http.send(request, stream=True)

    feed = stream_feed(http, reader, deadline, clock, stall_timeout, extensions)
    return arun_feed(feed, http.send, clock.async_sleep, send_stream)
