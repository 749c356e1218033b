"""The stream driver over a real loopback socket: a connection cut inside a chunked body is a drop
(httpx raises), not a clean end, and the read resumes without losing or repeating a chunk."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from trigger_facade.realtime.drive import afollow_stream, follow_stream
from trigger_facade.realtime.streams import StreamReader

from .test_resume import v1_body, v1_entries

LINES = [json.dumps({"i": i, "delta": d}) for i, d in enumerate(["Hel", "lo", " wor", "ld", "!", "é😀"])]
ENTRIES = v1_entries(LINES, [20, 21, 60, 100])  # several lines per entry, a line split across entries


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, cut_after: int) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.cut_after = cut_after
        self.last_event_ids: list[str | None] = []


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Server

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return

    def do_GET(self) -> None:
        last = self.headers.get("Last-Event-ID")
        self.server.last_event_ids.append(last)
        body = v1_body(ENTRIES, last)
        first = len(self.server.last_event_ids) == 1
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        data = body[: self.server.cut_after] if first else body
        if data:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        if first:
            self.wfile.flush()
            self.close_connection = True  # cut: no terminating chunk
            return
        self.wfile.write(b"0\r\n\r\n")


@pytest.fixture(params=[0, 1, 17, 45, 90, 160])
def server(request: pytest.FixtureRequest) -> Iterator[Server]:
    srv = Server(request.param)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def expected() -> list[object]:
    return [json.loads(line) for line in LINES]


def test_sync_read_survives_a_cut_connection(server: Server) -> None:
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with httpx.Client(base_url=base) as http:
        chunks = [c.data for c in follow_stream(http, StreamReader("run_1", "s"))]
    assert chunks == expected()
    assert len(server.last_event_ids) == 2


async def test_async_read_survives_a_cut_connection(server: Server) -> None:
    base = f"http://127.0.0.1:{server.server_address[1]}"
    async with httpx.AsyncClient(base_url=base) as http:
        chunks = [c.data async for c in afollow_stream(http, StreamReader("run_1", "s"))]
    assert chunks == expected()
    assert len(server.last_event_ids) == 2
