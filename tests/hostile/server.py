"""A loopback HTTP server that misbehaves on purpose: a test tells it, per path, what bytes to send.

Every behaviour gets the parsed request and the raw socket, so it can drip a body, lie about
lengths, send a gzip bomb, stall, or close mid-answer. Nothing here is kind: that is the point.
"""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import attrs


@attrs.frozen
class Seen:
    """A request as the server read it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


Behaviour = Callable[[Seen, socket.socket], None]


@dataclass
class HostileServer:
    routes: dict[tuple[str, str], Behaviour] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def count(self, method: str, path: str) -> int:
        return sum(1 for s in self.seen if (s.method, s.path) == (method, path))


def answer(status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> Behaviour:
    """A plain, well-formed answer (the baseline the hostile ones are measured against)."""

    def send(seen: Seen, conn: socket.socket) -> None:
        head = [f"HTTP/1.1 {status} X", f"content-length: {len(body)}", "connection: close"]
        head += [f"{k}: {v}" for k, v in (headers or {}).items()]
        conn.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + body)

    return send


def json_answer(status: int, text: str, headers: dict[str, str] | None = None) -> Behaviour:
    return answer(status, text.encode(), {"content-type": "application/json", **(headers or {})})


def drip(body: bytes, every: float, *, declared: int | None = None) -> Behaviour:
    """Send the headers at once, then one byte every `every` seconds."""

    def send(seen: Seen, conn: socket.socket) -> None:
        length = len(body) if declared is None else declared
        conn.sendall(f"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {length}\r\n\r\n".encode())
        for byte in body:
            time.sleep(every)
            conn.sendall(bytes([byte]))

    return send


def chunked(chunks: Iterator[bytes], headers: dict[str, str] | None = None) -> Behaviour:
    """A chunked body from `chunks` (so its size is unknown up front)."""

    def send(seen: Seen, conn: socket.socket) -> None:
        head = ["HTTP/1.1 200 OK", "transfer-encoding: chunked", "content-type: application/json"]
        head += [f"{k}: {v}" for k, v in (headers or {}).items()]
        conn.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
        for chunk in chunks:
            conn.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        conn.sendall(b"0\r\n\r\n")

    return send


def stall(seconds: float) -> Behaviour:
    def send(seen: Seen, conn: socket.socket) -> None:
        time.sleep(seconds)

    return send


def sequence(*behaviours: Behaviour) -> Behaviour:
    """Each call the next behaviour; the last one repeats."""
    calls = iter(range(1_000_000))

    def send(seen: Seen, conn: socket.socket) -> None:
        behaviours[min(next(calls), len(behaviours) - 1)](seen, conn)

    return send


class _Handler(socketserver.BaseRequestHandler):
    server: _TCPServer

    def handle(self) -> None:
        conn: socket.socket = self.request
        conn.settimeout(10)
        reader = conn.makefile("rb")
        while True:
            line = reader.readline(65536)
            if not line:
                return
            method, target, _ = line.decode("latin-1").split(" ", 2)
            headers: dict[str, str] = {}
            while True:
                header = reader.readline(65536).decode("latin-1")
                if header in ("\r\n", "\n", ""):
                    break
                name, _, value = header.partition(":")
                headers[name.strip().lower()] = value.strip()
            body = reader.read(int(headers.get("content-length", "0") or 0))
            seen = Seen(method, target.split("?", 1)[0], headers, body)
            hostile = self.server.hostile
            hostile.seen.append(seen)
            behaviour = hostile.routes.get((method, seen.path), answer(404, b'{"error":"Not found"}'))
            try:
                behaviour(seen, conn)
            except OSError:
                return
            return  # every answer closes its connection: one exchange per connection keeps it simple


class _TCPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    hostile: HostileServer


@contextmanager
def hostile_server(routes: dict[tuple[str, str], Behaviour] | None = None) -> Iterator[HostileServer]:
    hostile = HostileServer(routes=dict(routes or {}))
    server = _TCPServer(("127.0.0.1", 0), _Handler)
    server.hostile = hostile
    hostile.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield hostile
    finally:
        server.shutdown()
        server.server_close()
