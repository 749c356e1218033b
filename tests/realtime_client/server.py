"""A small realtime server for the client tests: run feeds (the Electric shape protocol as the
webapp's native backend speaks it), the REST run read, stored packets, output streams (v1 and v2)
and input streams.

`RealtimeServer` is an httpx handler (for httpx.MockTransport, sync and async). Time is whatever
`now()` says; a live request that finds nothing new is "held" by calling `hold(seconds)`, which a
test's fake clock turns into an instant jump and `serve_loopback` into a real sleep. Runs are
timelines of changes: `Timeline(run_id, [(at_seconds, {column: wire value}), ...])`.
"""

from __future__ import annotations

import json
import re
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote

import httpx

from trigger_facade._retry import Clock

SCHEMA = {
    "id": {"type": "text", "not_null": True},
    "friendlyId": {"type": "text", "not_null": True},
    "taskIdentifier": {"type": "text", "not_null": True},
    "status": {"type": "text", "not_null": True},
    "createdAt": {"type": "timestamp", "not_null": True},
    "updatedAt": {"type": "timestamp", "not_null": True},
    "startedAt": {"type": "timestamp"},
    "completedAt": {"type": "timestamp"},
    "isTest": {"type": "bool", "not_null": True},
    "runTags": {"type": "text", "dims": 1},
    "realtimeStreams": {"type": "text", "dims": 1},
    "usageDurationMs": {"type": "int4"},
    "costInCents": {"type": "float8"},
    "baseCostInCents": {"type": "float8"},
    "payload": {"type": "text"},
    "payloadType": {"type": "text"},
    "output": {"type": "text"},
    "outputType": {"type": "text"},
    "metadata": {"type": "text"},
    "metadataType": {"type": "text"},
    "error": {"type": "jsonb"},
}
API_STATUS = {"PENDING": "QUEUED", "EXECUTING": "EXECUTING", "COMPLETED_SUCCESSFULLY": "COMPLETED"}
STORAGE = "https://storage.test"


class FakeClock(Clock):
    """Sleeping advances time at once and is recorded; `advance` is what a held request does."""

    def __init__(self) -> None:
        self.t = 0.0
        self.sleeps: list[float] = []

    def now(self) -> float:
        return 1_800_000_000.0 + self.t

    def monotonic(self) -> float:
        return self.t

    def random(self) -> float:
        return 0.0

    def advance(self, seconds: float) -> None:
        self.t += seconds

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


def wire_time(seconds: float) -> str:
    """A timestamp column as the feed sends it: naive UTC, no Z."""
    whole = int(seconds)
    return f"2026-01-01T00:{whole // 60:02d}:{whole % 60:02d}.{round((seconds - whole) * 1000):03d}"


def rest_time(seconds: float) -> str:
    return wire_time(seconds) + "Z"


def base_row(run_id: str, *, tags: tuple[str, ...] = (), task: str = "my-task") -> dict[str, str | None]:
    return {
        "id": f"cuid_{run_id}",
        "friendlyId": run_id,
        "taskIdentifier": task,
        "status": "PENDING",
        "createdAt": wire_time(0),
        "updatedAt": wire_time(0),
        "startedAt": None,
        "completedAt": None,
        "isTest": "f",
        "runTags": "{" + ",".join(tags) + "}" if tags else None,
        "realtimeStreams": None,
        "usageDurationMs": "0",
        "costInCents": "0",
        "baseCostInCents": "0",
        "payload": '{"json":{"n":1}}',
        "payloadType": "application/super+json",
        "output": None,
        "outputType": None,
        "metadata": None,
        "metadataType": None,
        "error": None,
    }


@dataclass
class Timeline:
    """One run: its first row at `changes[0][0]`, then partial updates (wire values) at later times."""

    run_id: str
    changes: list[tuple[float, dict[str, str | None]]]
    tags: tuple[str, ...] = ()
    batch: str | None = None

    def row_at(self, t: float) -> dict[str, str | None] | None:
        row: dict[str, str | None] | None = None
        for at, change in self.changes:
            if at > t:
                break
            row = {**(row or base_row(self.run_id, tags=self.tags)), **change}
        return row


def minute_run(run_id: str = "run_1", *, tags: tuple[str, ...] = (), batch: str | None = None) -> Timeline:
    """Queued at 0 s, executing at 5 s, completed at 60 s with a superjson output holding a date."""
    return Timeline(
        run_id,
        [
            (0.0, {}),
            (5.0, {"status": "EXECUTING", "startedAt": wire_time(5), "updatedAt": wire_time(5)}),
            (
                60.0,
                {
                    "status": "COMPLETED_SUCCESSFULLY",
                    "completedAt": wire_time(60),
                    "updatedAt": wire_time(60),
                    "usageDurationMs": "55000",
                    "output": '{"json":{"ok":true,"at":"1970-01-01T00:00:00.000Z"},"meta":{"values":{"at":["Date"]}}}',
                    "outputType": "application/super+json",
                },
            ),
        ],
        tags=tags,
        batch=batch,
    )


@dataclass
class OutputStream:
    """What a task wrote to one output stream, served as v1 (Redis ids) or v2 (S2 batches)."""

    values: list[Any]
    version: str = "v1"
    cuts: list[int | None] = field(default_factory=list)  # per connection: drop after this many bytes
    piece: int = 7  # bytes per write: small, so that events arrive split anywhere

    def event_id(self, index: int) -> str:
        return f"{1000 + index}-0" if self.version == "v1" else str(index)

    def body(self, last_event_id: str | None) -> bytes:
        start = 0
        if last_event_id is not None:
            start = (int(last_event_id.split("-")[0]) - 1000 if self.version == "v1" else int(last_event_id)) + 1
        return b"".join(self.event(i) for i in range(start, len(self.values)))

    def event(self, index: int) -> bytes:
        value = self.values[index]
        if self.version == "v1":
            return f"id: {self.event_id(index)}\ndata: {json.dumps(value)}\n\n".encode()
        record = {"seq_num": index, "timestamp": 1_700_000_000_000 + index, "headers": [], "body": ""}
        record["body"] = json.dumps({"data": value, "id": f"part{index}"})
        return f"event: batch\ndata: {json.dumps({'records': [record]})}\n\n".encode()

    def boundaries(self) -> list[int]:
        """Byte offsets of a whole body at which an event has just ended (and 0)."""
        offsets, total = [0], 0
        for i in range(len(self.values)):
            total += len(self.event(i))
            offsets.append(total)
        return offsets


class Dropping(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that stops after `cut` bytes with a dropped connection (or ends cleanly when cut is None)."""

    def __init__(self, body: bytes, cut: int | None, piece: int = 7) -> None:
        self.body, self.cut, self.piece = body, cut, piece

    def _pieces(self) -> Iterator[bytes]:
        end = len(self.body) if self.cut is None else min(self.cut, len(self.body))
        for start in range(0, end, self.piece):
            yield self.body[start : min(end, start + self.piece)]

    def __iter__(self) -> Iterator[bytes]:
        yield from self._pieces()
        if self.cut is not None:
            raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")

    async def __aiter__(self) -> Any:
        for piece in self._pieces():
            yield piece
        if self.cut is not None:
            raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")


_RUN_FEED = re.compile(r"/realtime/v1/runs/([^/]+)\Z")
_BATCH_FEED = re.compile(r"/realtime/v1/batches/([^/]+)\Z")
_STREAM = re.compile(r"/realtime/v1/streams/([^/]+)/([^/]+)\Z")
_INPUT = re.compile(r"/realtime/v1/streams/([^/]+)/input/([^/]+)\Z")
_REST_RUN = re.compile(r"/api/v3/runs/([^/]+)\Z")
_RUN_PACKET = re.compile(r"/api/v1/runs/([^/]+)/packets/(payload|output)\Z")
_PACKET = re.compile(r"/api/v1/packets/(.+)\Z")


def rest_run(run_id: str, row: dict[str, str | None], updated: float) -> dict[str, Any]:
    """GET /api/v3/runs/{id} in the recorded server's shape (tests/server_truth/recorded/outcomes.json):
    plain JSON output (O13), the status booleans, costs, attempts and relatedRuns."""
    status = API_STATUS[str(row["status"])]
    completed = status == "COMPLETED"
    data: dict[str, Any] = {
        "id": run_id,
        "taskIdentifier": row["taskIdentifier"],
        "status": status,
        "createdAt": rest_time(0),
        "updatedAt": rest_time(updated),
        "costInCents": 0,
        "baseCostInCents": 0,
        "durationMs": int(row["usageDurationMs"] or 0),
        "isTest": row["isTest"] == "t",
        "depth": 0,
        "tags": [tag.strip('"') for tag in (row["runTags"] or "{}")[1:-1].split(",") if tag],
        "isQueued": status == "QUEUED",
        "isExecuting": status == "EXECUTING",
        "isCompleted": completed,
        "isFailed": False,
        "isSuccess": completed,
        "isCancelled": False,
        "isWaiting": False,
        "triggerFunction": "trigger",
        "payload": {"n": 1},
        "attemptCount": 0 if status == "QUEUED" else 1,
        "attempts": [],
        "relatedRuns": {"children": []},
    }
    if row["startedAt"] is not None:
        data["startedAt"] = str(row["startedAt"]) + "Z"
    if row["completedAt"] is not None:
        data["finishedAt"] = str(row["completedAt"]) + "Z"
    if completed:
        data["output"] = {"ok": True, "at": "1970-01-01T00:00:00.000Z"}
    return data


class RealtimeServer:
    """The routes a realtime client needs, over a set of run timelines (see the module docstring)."""

    def __init__(
        self,
        runs: list[Timeline],
        *,
        now: Callable[[], float],
        hold: Callable[[float], None],
        hold_seconds: float = 20.0,
        streams: dict[tuple[str, str], OutputStream] | None = None,
        stored: dict[str, tuple[str, bytes]] | None = None,
        run_packet_route: bool = True,
    ) -> None:
        self.runs = {t.run_id: t for t in runs}
        self.now, self.hold, self.hold_seconds = now, hold, hold_seconds
        self.streams = streams or {}
        self.stored = stored or {}  # storage path -> (content type, bytes)
        self.run_packet_route = run_packet_route
        self.requests: list[httpx.Request] = []
        self.inputs: list[tuple[str, str, Any]] = []
        self.answers: dict[str, list[httpx.Response]] = {}  # path -> canned answers served first
        self._connections: dict[tuple[str, str], int] = {}
        self._lock = threading.Lock()

    def paths(self, prefix: str = "") -> list[str]:
        """The raw (still percent-encoded) paths requested, in order."""
        paths = [r.url.raw_path.split(b"?")[0].decode() for r in self.requests]
        return [p for p in paths if p.startswith(prefix)]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.requests.append(request)
            canned = self.answers.get(request.url.path)
            if canned:
                return canned.pop(0)
        path = request.url.path
        if request.url.host == "storage.test":
            content_type, data = self.stored[unquote(path.lstrip("/"))]
            assert "authorization" not in request.headers
            return httpx.Response(200, content=data, headers={"content-type": content_type})
        if path == "/realtime/v1/runs":
            tags = set(request.url.params["tags"].split(","))
            return self._shape(request, "tags", [t for t in self.runs.values() if tags & set(t.tags)])
        for pattern, route in (
            (_RUN_FEED, self._run_feed),
            (_BATCH_FEED, self._batch_feed),
            (_INPUT, self._input),
            (_STREAM, self._stream),
            (_REST_RUN, self._rest_run),
            (_RUN_PACKET, self._run_packet),
            (_PACKET, self._packet),
        ):
            match = pattern.match(path)
            if match:
                return route(request, *match.groups())
        return httpx.Response(404, json={"error": f"no route {request.method} {path}"})

    # --- feeds ------------------------------------------------------------------------------------

    def _run_feed(self, request: httpx.Request, run_id: str) -> httpx.Response:
        if run_id not in self.runs:
            return httpx.Response(404, json={"error": "Run not found"})
        return self._shape(request, f"run-{run_id}", [self.runs[run_id]])

    def _batch_feed(self, request: httpx.Request, batch_id: str) -> httpx.Response:
        return self._shape(request, f"batch-{batch_id}", [t for t in self.runs.values() if t.batch == batch_id])

    def _events(self, timelines: list[Timeline]) -> list[tuple[float, str]]:
        return sorted((at, t.run_id) for t in timelines for at, _ in t.changes)

    def _shape(self, request: httpx.Request, handle: str, timelines: list[Timeline]) -> httpx.Response:
        params = request.url.params
        events = self._events(timelines)
        now = self.now()
        if params.get("live") != "true":
            seen = sum(1 for at, _ in events if at <= now)
            rows = [t for t in timelines if t.row_at(now) is not None]
            body = [self._change(t, now, "insert") for t in rows] + [{"headers": {"control": "up-to-date"}}]
            headers = {"electric-schema": json.dumps(SCHEMA)}
            return self._shape_answer(handle, seen, body, headers)
        assert params.get("handle") == handle, (params.get("handle"), handle)
        seen = int(params["offset"].split("_")[0])
        pending = events[seen:]
        if not pending or pending[0][0] > now:
            wait = pending[0][0] - now if pending else float("inf")
            read = request.extensions.get("timeout", {}).get("read")
            if read is not None and read < min(wait, self.hold_seconds):
                self.hold(read)  # the client gives up first, as its read timeout says
                raise httpx.ReadTimeout("timed out", request=request)
            if wait > self.hold_seconds:
                self.hold(self.hold_seconds)
                return self._shape_answer(handle, seen, [{"headers": {"control": "up-to-date"}}], live=True)
            self.hold(wait)
            now = self.now()
        due = [e for e in pending if e[0] <= now + 1e-9]
        changed = list(dict.fromkeys(run_id for _, run_id in due))
        body = [self._change(self.runs[r], now, "update") for r in changed]
        return self._shape_answer(handle, seen + len(due), [*body, {"headers": {"control": "up-to-date"}}], live=True)

    def _change(self, timeline: Timeline, t: float, operation: str) -> dict[str, Any]:
        return {
            "key": f'"public"."TaskRun"/"cuid_{timeline.run_id}"',
            "value": timeline.row_at(t),
            "headers": {"operation": operation},
        }

    def _shape_answer(
        self,
        handle: str,
        seen: int,
        body: list[dict[str, Any]],
        headers: dict[str, str] | None = None,
        *,
        live: bool = False,
    ) -> httpx.Response:
        out = {"electric-handle": handle, "electric-offset": f"{seen}_0", **(headers or {})}
        if live:
            out["electric-cursor"] = str(int(self.now()))
        return httpx.Response(200, json=body, headers=out)

    # --- REST ---------------------------------------------------------------------------------------

    def _rest_run(self, request: httpx.Request, run_id: str) -> httpx.Response:
        timeline = self.runs.get(run_id)
        row = timeline.row_at(self.now()) if timeline else None
        if row is None:
            return httpx.Response(404, json={"error": "Run not found"})
        updated = max(at for at, _ in timeline.changes if at <= self.now()) if timeline else 0.0
        data = rest_run(run_id, row, updated)
        return httpx.Response(200, json=data)

    def _run_packet(self, request: httpx.Request, run_id: str, name: str) -> httpx.Response:
        row = self.runs[run_id].row_at(self.now()) if run_id in self.runs else None
        if not self.run_packet_route or row is None:
            return httpx.Response(404, json={"error": "Not found"})
        return httpx.Response(200, json={"presignedUrl": f"{STORAGE}/{row[name]}"})

    def _packet(self, request: httpx.Request, path: str) -> httpx.Response:
        return httpx.Response(200, json={"presignedUrl": f"{STORAGE}/{unquote(path)}"})

    # --- streams ------------------------------------------------------------------------------------

    def _stream(self, request: httpx.Request, run_id: str, key: str) -> httpx.Response:
        stream = self.streams.get((run_id, key))
        if run_id not in self.runs:
            return httpx.Response(404, json={"error": "Run not found"})
        if stream is None:
            return httpx.Response(200, content=b"", headers={"content-type": "text/event-stream"})
        with self._lock:
            n = self._connections.get((run_id, key), 0)
            self._connections[(run_id, key)] = n + 1
        cut = stream.cuts[n] if n < len(stream.cuts) else None
        body = stream.body(request.headers.get("last-event-id"))
        headers = {"content-type": "text/event-stream", "x-stream-version": stream.version}
        return httpx.Response(200, stream=Dropping(body, cut, stream.piece), headers=headers)

    def _input(self, request: httpx.Request, run_id: str, stream_id: str) -> httpx.Response:
        timeline = self.runs.get(run_id)
        if timeline is None:
            return httpx.Response(404, json={"error": "Run not found"})
        row = timeline.row_at(self.now())
        if row is None or row["completedAt"] is not None:
            return httpx.Response(400, json={"error": "Cannot send to input stream on a completed run"})
        self.inputs.append((run_id, stream_id, json.loads(request.content)["data"]))
        return httpx.Response(200, json={"ok": True})


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Loopback

    def log_message(self, format: str, *args: object) -> None:
        return

    def setup(self) -> None:
        super().setup()
        # headers and body go out in separate writes: without this each answer waits for a delayed ACK
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _serve(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        content = self.rfile.read(length) if length else b""
        url = f"http://{self.headers['host']}{self.path}"
        request = httpx.Request(self.command, url, headers=list(self.headers.items()), content=content)
        response = self.server.app(request)
        self.send_response(response.status_code)
        for name, value in response.headers.multi_items():
            if name.lower() not in ("content-length", "transfer-encoding"):
                self.send_header(name, value)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        stream = response.stream
        try:
            pieces = iter(stream) if isinstance(stream, httpx.SyncByteStream) else iter([response.read()])
            for piece in pieces:
                if piece:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                    self.wfile.flush()
        except httpx.RemoteProtocolError:
            self.close_connection = True  # the cut: no terminating chunk
            return
        self.wfile.write(b"0\r\n\r\n")

    do_GET = _serve
    do_POST = _serve


class _Loopback(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, app: RealtimeServer) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.app = app


class serve_loopback:
    """`with serve_loopback(app) as base_url:` serves `app` on a real socket in a thread."""

    def __init__(self, app: RealtimeServer) -> None:
        self.server = _Loopback(app)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
