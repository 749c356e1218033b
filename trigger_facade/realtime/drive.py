"""Driving the realtime state machines over httpx, sync and async.

`follow_shape` / `afollow_shape` send a ShapeSubscription's long polls and yield its rows;
`follow_stream` / `afollow_stream` read a StreamReader's server-sent events and yield its chunks.
Both retry what the state machine says to retry, for as long as the deadline allows, and raise the
client's status error (errors.make_status_error) for an answer that ends the read.

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
from .electric import LIVE_HOLD_SECONDS, ShapeSubscription
from .streams import StreamChunk, StreamReader

__all__ = ["afollow_shape", "afollow_stream", "follow_shape", "follow_stream"]

# a live request is held about 20 s (+-15 %); anything slower than this is a dead connection
SHAPE_READ_TIMEOUT = LIVE_HOLD_SECONDS + 7.0
# the v1 server pings every 10 s; v2 (S2) sends pings too. Silence this long means a stalled stream.
STREAM_STALL_TIMEOUT = 30.0
CONNECT_TIMEOUT = 10.0
_NO_RETRIES = RetryPolicy(max_retries=0)


def _remaining(deadline: float | None, clock: Clock) -> float | None:
    return None if deadline is None else deadline - clock.monotonic()


def _timeout(read: float, remaining: float | None) -> httpx.Timeout:
    if remaining is not None:
        read = max(0.05, min(read, remaining))
    return httpx.Timeout(read, connect=min(CONNECT_TIMEOUT, read))


def _extensions(extra: Mapping[str, Any] | None) -> dict[str, Any]:
    return {POLICY_EXTENSION: _NO_RETRIES, **(extra or {})}


def _wait(delay: float, remaining: float | None) -> float | None:
    """How long to sleep before the next attempt, or None when the deadline comes first."""
    if remaining is not None and delay >= remaining:
        return None
    return delay


# --- shapes -------------------------------------------------------------------------------------


def follow_shape(
    http: httpx.Client,
    sub: ShapeSubscription,
    *,
    deadline: float | None = None,
    clock: Clock = SYSTEM_CLOCK,
    extensions: Mapping[str, Any] | None = None,
) -> Generator[tuple[str, dict[str, Any]], None, None]:
    """Yield `(key, row)` for every row the subscription hands out, until the caller stops, the
    deadline (clock.monotonic() seconds) passes, or an error is raised."""
    while True:
        remaining = _remaining(deadline, clock)
        if remaining is not None and remaining <= 0:
            return
        spec = sub.next_request()
        request = http.build_request(
            spec.method,
            spec.target,
            headers=dict(spec.headers),
            timeout=_timeout(SHAPE_READ_TIMEOUT, remaining),
            extensions=_extensions(extensions),
        )
        try:
            response = http.send(request)
        except httpx.TransportError:
            delay: float | None = sub.handle_network_error().retry_in
        else:
            result = sub.handle_response(response.status_code, response.headers, response.content, now=clock.now())
            if sub.fatal_status is not None:
                raise make_status_error(response)
            yield from result.rows
            delay = result.retry_in
        if delay is not None:
            pause = _wait(delay, _remaining(deadline, clock))
            if pause is None:
                return
            clock.sleep(pause)


async def afollow_shape(
    http: httpx.AsyncClient,
    sub: ShapeSubscription,
    *,
    deadline: float | None = None,
    clock: Clock = SYSTEM_CLOCK,
    extensions: Mapping[str, Any] | None = None,
) -> AsyncGenerator[tuple[str, dict[str, Any]], None]:
    """follow_shape for an httpx.AsyncClient."""
    while True:
        remaining = _remaining(deadline, clock)
        if remaining is not None and remaining <= 0:
            return
        spec = sub.next_request()
        request = http.build_request(
            spec.method,
            spec.target,
            headers=dict(spec.headers),
            timeout=_timeout(SHAPE_READ_TIMEOUT, remaining),
            extensions=_extensions(extensions),
        )
        try:
            response = await http.send(request)
        except httpx.TransportError:
            delay: float | None = sub.handle_network_error().retry_in
        else:
            result = sub.handle_response(response.status_code, response.headers, response.content, now=clock.now())
            if sub.fatal_status is not None:
                raise make_status_error(response)
            for row in result.rows:
                yield row
            delay = result.retry_in
        if delay is not None:
            pause = _wait(delay, _remaining(deadline, clock))
            if pause is None:
                return
            await clock.async_sleep(pause)


# --- streams ------------------------------------------------------------------------------------


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
    while not reader.done:
        remaining = _remaining(deadline, clock)
        if remaining is not None and remaining <= 0:
            return
        spec = reader.next_request()
        request = http.build_request(
            spec.method,
            spec.target,
            headers=dict(spec.headers),
            timeout=_timeout(stall_timeout, remaining),
            extensions=_extensions(extensions),
        )
        delay: float | None
        try:
            response = http.send(request, stream=True)
            try:
                opened = reader.handle_status(response.status_code, response.headers, now=clock.now())
                if opened.fatal_status is not None:
                    response.read()
                    raise make_status_error(response)
                if not opened.ok:
                    delay = opened.retry_in
                else:
                    for piece in response.iter_bytes():
                        yield from reader.feed(piece)
                        if reader.reconnect_pending:
                            break
                        left = _remaining(deadline, clock)
                        if left is not None and left <= 0:
                            return
                    delay = reader.connection_lost() if reader.reconnect_pending else reader.end_of_body()
            finally:
                response.close()
        except httpx.TransportError:
            delay = reader.connection_lost()
        if delay is None:
            return
        pause = _wait(delay, _remaining(deadline, clock))
        if pause is None:
            return
        clock.sleep(pause)


async def afollow_stream(
    http: httpx.AsyncClient,
    reader: StreamReader,
    *,
    deadline: float | None = None,
    clock: Clock = SYSTEM_CLOCK,
    stall_timeout: float = STREAM_STALL_TIMEOUT,
    extensions: Mapping[str, Any] | None = None,
) -> AsyncGenerator[StreamChunk, None]:
    """follow_stream for an httpx.AsyncClient."""
    while not reader.done:
        remaining = _remaining(deadline, clock)
        if remaining is not None and remaining <= 0:
            return
        spec = reader.next_request()
        request = http.build_request(
            spec.method,
            spec.target,
            headers=dict(spec.headers),
            timeout=_timeout(stall_timeout, remaining),
            extensions=_extensions(extensions),
        )
        delay: float | None
        try:
            response = await http.send(request, stream=True)
            try:
                opened = reader.handle_status(response.status_code, response.headers, now=clock.now())
                if opened.fatal_status is not None:
                    await response.aread()
                    raise make_status_error(response)
                if not opened.ok:
                    delay = opened.retry_in
                else:
                    async for piece in response.aiter_bytes():
                        for chunk in reader.feed(piece):
                            yield chunk
                        if reader.reconnect_pending:
                            break
                        left = _remaining(deadline, clock)
                        if left is not None and left <= 0:
                            return
                    delay = reader.connection_lost() if reader.reconnect_pending else reader.end_of_body()
            finally:
                await response.aclose()
        except httpx.TransportError:
            delay = reader.connection_lost()
        if delay is None:
            return
        pause = _wait(delay, _remaining(deadline, clock))
        if pause is None:
            return
        await clock.async_sleep(pause)
