"""Reading what a task writes to a realtime stream, and sending to a task's input stream, without I/O.

`GET /realtime/v1/streams/{runId}/{key}` answers server-sent events in one of two formats, chosen
by the `X-Stream-Version` response header:

* v1 (Redis, the default): `id: <ms>-<n>` and `data: <line>` per chunk; `: ping` comments.
  A chunk is `data` parsed as JSON, or the raw text when it is not JSON.
* v2 (S2): `event: batch` whose data is `{"records": [{seq_num, timestamp, headers, body}], ...}`.
  A chunk is the `data` of the writer's envelope `{"data": ..., "id": "<nanoid>"}` in `body`
  (None when the body is empty or not JSON). Records whose first header name is "" are S2
  commands: skipped, but they advance the cursor. `event: error` means "reconnect".

`StreamReader` turns response bytes, split anywhere (inside a UTF-8 character, a line, a CRLF), into
chunks, and remembers where to resume (`Last-Event-ID`) after a dropped connection so that no chunk
is lost or handed out twice:

* v2 resumes after the last record's `seq_num`; the server replays from the next one. Envelope ids
  are deduplicated over the whole read (the SDK does so per connection only), since a writer's
  retry can append the same part twice.
* v1 ids belong to Redis entries, and one entry can carry several lines (several events with the
  same id) or end in the middle of a line. Resuming after the last id, as the SDK does, would lose
  the rest of that entry, and resuming after the id before it replays a first line that may be cut
  or left out, which no reader can tell from a repeat. So the reader resumes two distinct ids back
  (from the read's own start while it has seen fewer) and passes over the replayed events it
  already handed out (stream_records.V1Cursor). A read that began at "latest" has no start to ask
  for again: before its third id it resumes after the id before the last (or after the last).

A clean end of the body ends the stream, as in the SDK (the server closes after `Timeout-Seconds`
of silence, or its own inactivity limit); a body that ends inside an event counts as a dropped
connection. 400, 401, 403, 404, 409, 410 and 422 end the read (the caller raises its status error);
429, 5xx and network errors are retried after `retry_in` seconds, until the caller's deadline.
"""

from __future__ import annotations

import json
import random
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from ..errors import InvalidInputError, RealtimeProtocolError
from .input_streams import input_send_request, parse_input_send_response
from .reconnect import ReconnectPolicy, server_wait
from .sse import SSEEvent, SSEParser
from .stream_records import V1Cursor, json_or_text, parse_envelope, parse_record, redis_ms

__all__ = [
    "SDK_STREAM_BACKOFF",
    "SSEEvent",
    "SSEParser",
    "StreamChunk",
    "StreamOpen",
    "StreamReader",
    "StreamRequest",
    "input_send_request",
    "parse_input_send_response",
    "stream_keys",
]

# the SDK: min(100 * 2^(n-1), 5000) ms, shortened by up to half at random, attempts unlimited
SDK_STREAM_BACKOFF = ReconnectPolicy(initial_delay=0.1, factor=2.0, max_delay=5.0, min_delay=0.0, jitter=0.5)
STREAM_BACKOFF = ReconnectPolicy(initial_delay=0.1, factor=2.0, max_delay=5.0, min_delay=0.05, jitter=0.5)
TERMINAL_STATUSES = frozenset({400, 401, 403, 404, 409, 410, 422})
# enough to cover what a reconnect or a writer's retry can deliver twice (the SDK keeps 5000 too)
SEEN_IDS_CAP = 5000


@dataclass(frozen=True)
class StreamRequest:
    method: str
    path: str
    headers: Mapping[str, str]

    @property
    def target(self) -> str:
        return self.path


@dataclass(frozen=True)
class StreamChunk:
    """One chunk as the SDK yields it (`data`), with where it came from.

    `event_id` is the SSE id (v1) or the record's seq_num as text (v2); `envelope_id` the writer's id
    (v2); `headers` the record's S2 headers (v2), e.g. `(("trigger-control", "turn-complete"),)`.
    """

    data: Any
    event_id: str | None
    envelope_id: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    timestamp: int | None = None


@dataclass(frozen=True)
class StreamOpen:
    """What a response's status and headers mean: read the body (`ok`), wait `retry_in` seconds and
    ask `next_request()` again, or stop with this `fatal_status`."""

    ok: bool
    retry_in: float | None = None
    fatal_status: int | None = None
    version: str = "v1"
    settled: bool = False  # a session channel with no more records coming (X-Session-Settled)


class StreamReader:
    """The state of one read of `GET /realtime/v1/streams/{run_id}/{key}` across reconnects.

    `timeout_seconds` (1-600) is how long the server waits for new chunks before it ends the
    response; `start_index` N starts at chunk N (v2); `from_latest` skips what was written before
    (SDK 4.8.3; servers that do not know it ignore it); `last_event_id` continues a previous read.
    """

    def __init__(
        self,
        run_id: str,
        key: str = "default",
        *,
        timeout_seconds: int | None = None,
        start_index: int | None = None,
        from_latest: bool = False,
        last_event_id: str | None = None,
        policy: ReconnectPolicy | None = None,
        rand: Callable[[], float] = random.random,
    ) -> None:
        from .. import _validate as check

        run_id = check.identifier(run_id, "run_id")
        key = check.identifier(key, "key")
        if timeout_seconds is not None:
            timeout_seconds = check.int_in_range(timeout_seconds, "timeout_seconds", 1, 600)
        if start_index is not None:
            start_index = check.int_in_range(start_index, "start_index", 0)
        if last_event_id is not None and (not isinstance(last_event_id, str) or not last_event_id):
            raise InvalidInputError(f"last_event_id must be a non-empty string, got {last_event_id!r}")
        if last_event_id is not None and start_index:
            raise InvalidInputError("pass last_event_id or start_index, not both")
        self.path = f"/realtime/v1/streams/{quote(run_id, safe='')}/{quote(key, safe='')}"
        self._timeout = timeout_seconds
        self._from_latest = bool(from_latest) and last_event_id is None and not start_index
        self._initial = last_event_id if last_event_id is not None else (str(start_index - 1) if start_index else None)
        self._policy = policy or STREAM_BACKOFF
        self._rand = rand
        self._failures = 0
        self.version: str | None = None
        self.done = False
        self.fatal_status: int | None = None
        self.reconnect_pending = False
        self._parser = SSEParser()
        self._v1 = V1Cursor()
        self._seq: int | None = None
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._resume_header: str | None = self._initial

    @classmethod
    def for_session(cls, session: str, io: str = "out", **kwargs: Any) -> StreamReader:
        """A session channel, `GET /realtime/v1/sessions/{session}/{io}` (the v2 format); the server
        marks a channel with no more records coming with `X-Session-Settled: true`."""
        from .. import _validate as check

        session = check.identifier(session, "session")
        if io not in ("in", "out"):
            raise InvalidInputError(f"io must be 'in' or 'out', got {io!r}")
        reader = cls("-", "-", **kwargs)
        reader.path = f"/realtime/v1/sessions/{quote(session, safe='')}/{io}"
        return reader

    @property
    def last_event_id(self) -> str | None:
        """The SDK's cursor after everything parsed so far: the last v1 id or v2 seq_num seen.

        A caller that stops before taking every chunk handed out should continue a later read after
        the `event_id` of the last chunk it handled instead."""
        if self._seq is not None:
            return str(self._seq)
        return self._v1.last_id if self._v1.last_id is not None else self._initial

    def next_request(self) -> StreamRequest:
        if self.done:
            raise RealtimeProtocolError("this stream has ended; start a new read to continue")
        headers = {"accept": "text/event-stream"}
        if self._resume_header is not None:
            headers["last-event-id"] = self._resume_header
        elif self._from_latest and self._seq is None and self._v1.last_id is None:
            headers["x-trigger-stream-start"] = "latest"  # again after a drop that came before any chunk
        if self._timeout is not None:
            headers["timeout-seconds"] = str(self._timeout)
        return StreamRequest("GET", self.path, headers)

    def handle_status(self, status: int, headers: Mapping[str, str], *, now: float | None = None) -> StreamOpen:
        """The response's status and headers, before its body."""
        lower = {k.lower(): v for k, v in headers.items()}
        if 200 <= status < 300:
            content_type = lower.get("content-type", "text/event-stream")
            if not content_type.lower().startswith("text/event-stream"):
                raise RealtimeProtocolError(f"a stream answered {status} with content-type {content_type!r}")
            version = lower.get("x-stream-version", "v1").strip() or "v1"
            if version not in ("v1", "v2"):
                raise RealtimeProtocolError(f"unknown X-Stream-Version {version!r}")
            if self.version is not None and version != self.version:
                raise RealtimeProtocolError(f"the stream changed format from {self.version} to {version}")
            self.version = version
            self._parser = SSEParser()
            self.reconnect_pending = False
            return StreamOpen(ok=True, version=version, settled=lower.get("x-session-settled") == "true")
        if status in TERMINAL_STATUSES or (400 <= status < 500 and status not in (408, 429)):
            self.done = True
            self.fatal_status = status
            return StreamOpen(ok=False, fatal_status=status)
        self._failures += 1
        wait = server_wait(lower, time.time() if now is None else now)
        return StreamOpen(ok=False, retry_in=self._policy.after(self._failures, wait, self._rand))

    def feed(self, data: bytes) -> list[StreamChunk]:
        """Body bytes as they arrive; the chunks they complete. After an `event: error` (v2) the rest
        of this connection is ignored and `reconnect_pending` is True."""
        if self.reconnect_pending or self.done:
            return []
        return self._events(self._parser.feed(data))

    def end_of_body(self) -> float | None:
        """The body ended cleanly: None when the stream is over, else seconds to wait before
        reconnecting (the body stopped inside an event, or the server reported an error)."""
        if not self.reconnect_pending and not self._parser.close():
            self.done = True
            return None
        return self.connection_lost()

    def connection_lost(self) -> float:
        """The connection dropped (or must be dropped); seconds to wait before the next request."""
        self.reconnect_pending = False
        self._parser = SSEParser()
        self._failures += 1
        if self.version == "v2":
            self._resume_header = str(self._seq) if self._seq is not None else self._initial
        else:
            # a read that began at "latest" cannot ask for its start again
            self._resume_header = self._v1.resume_from(self._initial, restartable=not self._from_latest)
        return self._policy.delay(self._failures, self._rand)

    # -- internals -----------------------------------------------------------------------------

    def _events(self, events: list[SSEEvent]) -> list[StreamChunk]:
        if self.version is None:
            raise RuntimeError("call handle_status() with the response before feeding its body")
        chunks: list[StreamChunk] = []
        for event in events:
            if self.reconnect_pending:
                break
            if self.version == "v2":
                chunks.extend(self._v2_event(event))
            else:
                if self._v1.seen_again(event.id, event.data):
                    continue
                self._v1.handed_out(event.id, event.data)
                chunks.append(StreamChunk(json_or_text(event.data), event.id, timestamp=redis_ms(event.id)))
        if chunks:
            self._failures = 0
        return chunks

    def _v2_event(self, event: SSEEvent) -> list[StreamChunk]:
        if event.event == "error":
            self.reconnect_pending = True
            return []
        if event.event != "batch":
            return []  # ping, and names a newer server may add
        try:
            batch = json.loads(event.data)
        except (ValueError, RecursionError) as exc:
            raise RealtimeProtocolError(f"a v2 batch is not JSON: {event.data[:200]!r}") from exc
        records = batch.get("records") if isinstance(batch, dict) else None
        if not isinstance(records, list):
            raise RealtimeProtocolError(f"a v2 batch needs a 'records' list: {event.data[:200]!r}")
        chunks = []
        for record in records:
            seq, body, headers, timestamp = parse_record(record)
            if self._seq is not None and seq <= self._seq:
                continue  # already seen: the server replays from the seq we asked for
            self._seq = seq
            if headers and headers[0][0] == "":
                continue  # an S2 command record (trim, fence)
            value, envelope_id = parse_envelope(body)
            if envelope_id is not None:
                if envelope_id in self._seen:
                    continue
                self._seen[envelope_id] = None
                if len(self._seen) > SEEN_IDS_CAP:
                    self._seen.popitem(last=False)
            chunks.append(StreamChunk(value, str(seq), envelope_id, headers, timestamp))
        return chunks


def stream_keys(run: Mapping[str, Any]) -> list[str]:
    """The output streams of a run snapshot: `metadata.$$streams` when it is a non-empty list of
    strings, else the `realtimeStreams` column (the SDK's rule; the server has no listing route)."""
    metadata = run.get("metadata")
    if isinstance(metadata, dict):
        declared = metadata.get("$$streams")
        if isinstance(declared, list) and declared and all(isinstance(s, str) for s in declared):
            return list(declared)
    streams = run.get("realtimeStreams") or []
    return [s for s in streams if isinstance(s, str)]
