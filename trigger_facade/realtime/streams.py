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
  the rest of that entry, so the reader resumes after the id *before* it and passes over the
  replayed events it already handed out.

A clean end of the body ends the stream, as in the SDK (the server closes after `Timeout-Seconds`
of silence, or its own inactivity limit); a body that ends inside an event counts as a dropped
connection. 400, 401, 403, 404, 409, 410 and 422 end the read (the caller raises its status error);
429, 5xx and network errors are retried after `retry_in` seconds, until the caller's deadline.
"""

from __future__ import annotations

import codecs
import json
import random
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from ..errors import InvalidInputError
from .electric import RealtimeProtocolError, ReconnectPolicy, _server_wait

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


# ---------------------------------------------------------------------------------------------
# server-sent events


@dataclass(frozen=True)
class SSEEvent:
    event: str  # "message" when the event named none
    data: str
    id: str | None  # the last event id in force when it was dispatched


class SSEParser:
    """The WHATWG event-stream parser, fed bytes in pieces of any size."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self._text = ""
        self._started = False
        self._after_cr = False
        self._data: list[str] = []
        self._event = ""
        self._has_fields = False
        self.last_event_id: str | None = None
        self.retry_ms: int | None = None

    def feed(self, data: bytes) -> list[SSEEvent]:
        try:
            text = self._decoder.decode(data)
        except UnicodeDecodeError as exc:
            raise RealtimeProtocolError(f"the event stream is not UTF-8 ({exc.reason})") from exc
        return self._consume(text)

    def close(self) -> bool:
        """End of the body: True when it cut an event short (an unfinished line or fields that no
        blank line dispatched); such an event is dropped, as the SSE rules say."""
        try:
            self._decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            raise RealtimeProtocolError("the event stream ends inside a UTF-8 character") from exc
        rest, self._text = self._text, ""
        truncated = bool(rest and not rest.startswith(":")) or self._has_fields
        self._data, self._event, self._has_fields = [], "", False
        return truncated

    def _consume(self, text: str) -> list[SSEEvent]:
        if not self._started and text:
            self._started = True
            if text.startswith("\ufeff"):
                text = text[1:]
        if self._after_cr and text:
            self._after_cr = False
            if text.startswith("\n"):
                text = text[1:]  # the second half of a CRLF split across pieces
        buffer = self._text + text
        events: list[SSEEvent] = []
        if "\r" not in buffer:
            # the common case, LF only: one split instead of two searches per line
            *lines, self._text = buffer.split("\n")
            for line in lines:
                event = self._line(line)
                if event is not None:
                    events.append(event)
            return events
        start = 0
        while True:
            cr = buffer.find("\r", start)
            lf = buffer.find("\n", start)
            if cr == -1 and lf == -1:
                break
            if cr != -1 and (lf == -1 or cr < lf):
                end, after = cr, cr + 1
                if after < len(buffer):
                    if buffer[after] == "\n":
                        after += 1
                else:
                    self._after_cr = True  # an LF may start the next piece
            else:
                end, after = lf, lf + 1
            event = self._line(buffer[start:end])
            if event is not None:
                events.append(event)
            start = after
        self._text = buffer[start:]
        return events

    def _line(self, line: str) -> SSEEvent | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, sep, value = line.partition(":")
        if sep and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
            self._has_fields = True
        elif name == "event":
            self._event = value
            self._has_fields = True
        elif name == "id":
            if "\0" not in value:
                self.last_event_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            self.retry_ms = int(value)
        return None

    def _dispatch(self) -> SSEEvent | None:
        data, event = self._data, self._event
        self._data, self._event, self._has_fields = [], "", False
        if not data:
            return None
        return SSEEvent(event or "message", "\n".join(data), self.last_event_id)


# ---------------------------------------------------------------------------------------------
# reading a run's output stream


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


def _not_json(name: str) -> Any:
    raise ValueError(name)


# one decoder for every chunk: json.loads with an option builds a new one per call
_JSON = json.JSONDecoder(parse_constant=_not_json)


def _json_or_text(text: str) -> Any:
    try:
        return _JSON.decode(text)
    except (ValueError, RecursionError):
        return text


@dataclass
class _V1Cursor:
    """Resume state for v1: see the module docstring."""

    last_id: str | None = None
    before_last: str | None = None
    run: list[str] = field(default_factory=list)  # data of the handed-out events that carry last_id
    replay: list[str] = field(default_factory=list)  # still expected again on this connection
    replay_first: bool = False

    def resume_from(self, initial: str | None) -> str | None:
        """The Last-Event-ID for the next connection; arms the skipping of what it replays."""
        self.replay = list(self.run)
        self.replay_first = True
        # after the entry before the last one (or from the read's own start while there is none)
        return self.before_last if self.before_last is not None else initial

    def seen_again(self, event_id: str | None, data: str) -> bool:
        """True for an event the reader already handed out before the reconnect."""
        if self.replay and event_id == self.last_id:
            expected = self.replay[0]
            # the first replayed event may lack the start of its line, which came from the entry before
            if data == expected or (self.replay_first and expected.endswith(data)):
                self.replay.pop(0)
                self.replay_first = False
                return True
        self.replay = []
        return False

    def handed_out(self, event_id: str | None, data: str) -> None:
        if event_id is not None and event_id == self.last_id:
            self.run.append(data)
        else:
            self.before_last, self.last_id, self.run = self.last_id, event_id, [data]


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
        self._v1 = _V1Cursor()
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
        wait = _server_wait(lower, time.time() if now is None else now)
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
            self._resume_header = self._v1.resume_from(self._initial)
            if self._resume_header is None and self._from_latest and self._v1.last_id is not None:
                # "the start" of this read cannot be asked for again: continue after the last id
                self._resume_header, self._v1.replay = self._v1.last_id, []
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
                chunks.append(StreamChunk(_json_or_text(event.data), event.id, timestamp=_redis_ms(event.id)))
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
            seq, body, headers, timestamp = _record(record)
            if self._seq is not None and seq <= self._seq:
                continue  # already seen: the server replays from the seq we asked for
            self._seq = seq
            if headers and headers[0][0] == "":
                continue  # an S2 command record (trim, fence)
            value, envelope_id = _envelope(body)
            if envelope_id is not None:
                if envelope_id in self._seen:
                    continue
                self._seen[envelope_id] = None
                if len(self._seen) > SEEN_IDS_CAP:
                    self._seen.popitem(last=False)
            chunks.append(StreamChunk(value, str(seq), envelope_id, headers, timestamp))
        return chunks


def _record(record: Any) -> tuple[int, str, tuple[tuple[str, str], ...], int | None]:
    if not isinstance(record, dict):
        raise RealtimeProtocolError(f"a v2 record must be an object, got {record!r}")
    seq, body, raw_headers = record.get("seq_num"), record.get("body", ""), record.get("headers", [])
    timestamp = record.get("timestamp")
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 0:
        raise RealtimeProtocolError(f"a v2 record needs a seq_num >= 0, got {seq!r}")
    if not isinstance(body, str):
        raise RealtimeProtocolError(f"a v2 record's body must be a string, got {body!r}")
    if timestamp is not None and (isinstance(timestamp, bool) or not isinstance(timestamp, int)):
        raise RealtimeProtocolError(f"a v2 record's timestamp must be an integer, got {timestamp!r}")
    if not isinstance(raw_headers, list) or not all(
        isinstance(h, list) and len(h) == 2 and all(isinstance(p, str) for p in h) for h in raw_headers
    ):
        raise RealtimeProtocolError(f"a v2 record's headers must be [name, value] pairs, got {raw_headers!r}")
    return seq, body, tuple((name, value) for name, value in raw_headers), timestamp


def _envelope(body: str) -> tuple[Any, str | None]:
    """The writer's `{"data", "id"}` envelope: (data, id); (None, None) for an empty or non-JSON body."""
    if not body:
        return None, None
    try:
        parsed = _JSON.decode(body)
    except (ValueError, RecursionError):
        return None, None
    if not isinstance(parsed, dict):
        return None, None
    envelope_id = parsed.get("id")
    return parsed.get("data"), envelope_id if isinstance(envelope_id, str) and envelope_id else None


def _redis_ms(event_id: str | None) -> int | None:
    if not event_id:
        return None
    head = event_id.split("-", 1)[0]
    return int(head) if head.isdigit() else None


# ---------------------------------------------------------------------------------------------
# stream keys and input streams


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


def input_send_request(run_id: str, stream_id: str, data: Any) -> dict[str, Any]:
    """`POST /realtime/v1/streams/{run_id}/input/{stream_id}` with `{"data": data}` as plain JSON
    (datetimes as ISO strings, no superjson), as an httpx request spec for the REST path (its
    headers and request-idempotency key apply). The server answers `{"ok": true}`; 400 when the run
    has completed or the body is invalid, 404 for an unknown run, 413 for an oversized record."""
    from .. import _validate as check
    from .._payload import encode

    run_id = check.identifier(run_id, "run_id")
    stream_id = check.identifier(stream_id, "stream_id")
    body = encode({"data": data}, argument="data")
    if len(body.encode()) > 1024 * 1024:
        raise InvalidInputError("data must encode to at most 1 MiB of JSON (the server's limit)")
    return {
        "method": "POST",
        "url": f"/realtime/v1/streams/{quote(run_id, safe='')}/input/{quote(stream_id, safe='')}",
        "content": body.encode(),
        "headers": {"content-type": "application/json"},
    }


def parse_input_send_response(data: Any) -> bool:
    """The `ok` of a 2xx answer to input_send_request."""
    if not isinstance(data, dict) or not isinstance(data.get("ok"), bool):
        raise RealtimeProtocolError(f"an input stream answer must be {{'ok': bool}}, got {data!r}")
    return bool(data["ok"])
