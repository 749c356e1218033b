"""Realtime: the run/tag/batch feeds (Electric shapes) and a task's output streams, without I/O.

`electric.ShapeSubscription` drives a feed, `runs.RunDecoder` turns its rows into run snapshots and
`streams.StreamReader` reads an output stream; the client's resources send the requests.
"""

from __future__ import annotations

from .electric import RealtimeProtocolError, ReconnectPolicy, ShapeRequest, ShapeResult, ShapeSubscription
from .runs import RunDecoder, StoredPacket, row_to_run
from .streams import StreamChunk, StreamReader, StreamRequest, input_send_request, stream_keys

__all__ = [
    "RealtimeProtocolError",
    "ReconnectPolicy",
    "RunDecoder",
    "ShapeRequest",
    "ShapeResult",
    "ShapeSubscription",
    "StoredPacket",
    "StreamChunk",
    "StreamReader",
    "StreamRequest",
    "input_send_request",
    "row_to_run",
    "stream_keys",
]
