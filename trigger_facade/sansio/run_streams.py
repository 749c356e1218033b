"""The output and input streams of a run (client.runs.stream, stream_keys, send_input).

The parts without I/O, shared by the async resource classes and their sync rewrite.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, overload

import httpx

from .._retry import Clock
from .._transport import STREAM_EXTENSION
from ..errors import APITimeoutError
from ..flows import Flow, pause
from ..realtime.drive import afollow_stream, follow_stream
from ..realtime.electric import ShapeSubscription
from ..realtime.runs import RunDecoder
from ..realtime.streams import StreamChunk, StreamReader
from ..realtime.streams import stream_keys as stream_keys_of
from .run_feeds import shape_answer

if TYPE_CHECKING:
    from ..client_state import ClientState


@overload
def read_stream(
    http: httpx.Client, reader: StreamReader, deadline: float | None, clock: Clock
) -> Iterator[StreamChunk]: ...


@overload
def read_stream(
    http: httpx.AsyncClient, reader: StreamReader, deadline: float | None, clock: Clock
) -> AsyncIterator[StreamChunk]: ...


def read_stream(
    http: httpx.Client | httpx.AsyncClient, reader: StreamReader, deadline: float | None, clock: Clock
) -> Iterator[StreamChunk] | AsyncIterator[StreamChunk]:
    """The stream driver for this client's kind, its body handed back unread by the retrying transport."""
    extensions = {STREAM_EXTENSION: True}
    if isinstance(http, httpx.AsyncClient):
        return afollow_stream(http, reader, deadline=deadline, clock=clock, extensions=extensions)
    return follow_stream(http, reader, deadline=deadline, clock=clock, extensions=extensions)


def read_stream_keys(
    state: ClientState,
    http: httpx.Client | httpx.AsyncClient,
    sub: ShapeSubscription,
    deadline: float | None,
    timeout: float,
) -> Flow[list[str]]:
    """The output streams a run has written to, read from its realtime row (the server has no
    listing): long polls until the row is up to date, waiting as the subscription asks."""
    while True:
        answer = yield from shape_answer(state, http, sub, deadline)
        if answer is None:
            raise APITimeoutError(
                f"GET {sub.path} gave no answer within {timeout} s",
                method="GET",
                url=str(state.config.base_url.join(sub.path)),
                may_have_succeeded=False,
            )
        result = answer[0]
        if result.up_to_date:
            decoder = RunDecoder()
            return [key for _key, row in result.rows for key in stream_keys_of(decoder.decode(row))]
        if result.retry_in is not None:
            yield from pause(result.retry_in)
