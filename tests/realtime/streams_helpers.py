"""Feeding recorded or simulated stream answers through a StreamReader."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import Any

from trigger_facade.realtime.streams import StreamChunk, StreamReader, StreamRequest

Splitter = Callable[[bytes], Iterable[bytes]]


def whole(body: bytes) -> list[bytes]:
    return [body]


def bytewise(body: bytes) -> list[bytes]:
    return [body[i : i + 1] for i in range(len(body))]


def at(*cuts: int) -> Splitter:
    def split(body: bytes) -> list[bytes]:
        points = [0, *sorted(c for c in cuts if 0 < c < len(body)), len(body)]
        return [body[a:b] for a, b in itertools.pairwise(points)]

    return split


def replay_feed(
    reader: StreamReader, feed: list[dict[str, Any]], split: Splitter = whole
) -> tuple[list[StreamRequest], list[StreamChunk]]:
    """Answer each request with the next recorded answer; a "destroyed" connection is a drop."""
    requests: list[StreamRequest] = []
    chunks: list[StreamChunk] = []
    answers = iter(feed)
    while not reader.done:
        requests.append(reader.next_request())
        answer = next(answers, None)
        if answer is None:
            break
        opened = reader.handle_status(answer["status"], answer["headers"])
        if not opened.ok:
            continue
        for piece in split(answer["body"].encode()):
            chunks.extend(reader.feed(piece))
            if reader.reconnect_pending:
                break
        if answer.get("thenConnection", "").startswith("destroyed"):
            reader.connection_lost()
        else:
            reader.end_of_body()
    return requests, chunks
