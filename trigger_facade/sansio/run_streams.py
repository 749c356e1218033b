"""The output and input streams of a run (client.runs.stream, stream_keys, send_input).

The parts without I/O, shared by the async resource classes and their sync rewrite.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import overload

import httpx

from .._retry import Clock
from .._transport import STREAM_EXTENSION
from ..realtime.drive import afollow_stream, follow_stream
from ..realtime.streams import StreamChunk, StreamReader


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
