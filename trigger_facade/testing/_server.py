"""Serve a FakeTrigger over real HTTP/1.1 on loopback (keep-alive, real sockets, real timeouts)."""

from __future__ import annotations

import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

import httpx

from ._faults import DropConnection
from ._wire import is_held

if TYPE_CHECKING:
    from ._fake import FakeTrigger


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        super().setup()
        # answers go out in one write; without this, Nagle would hold small writes back
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _serve(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        request = httpx.Request(
            self.command, f"{self.server.base_url}{self.path}", headers=list(self.headers.items()), content=body
        )
        try:
            response = self.server.fake.handle(request)
        except DropConnection:
            # the work is done; the answer is lost on the way back
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if is_held(response):
            self._write_held(response)
            return
        content = response.content
        lines = [f"HTTP/1.1 {response.status_code} {response.reason_phrase}"]
        for name, value in response.headers.items():
            if name.lower() not in ("content-length", "connection", "transfer-encoding"):
                lines.append(f"{name}: {value}")
        lines.append(f"content-length: {len(content)}")
        lines.append("connection: keep-alive")
        self.wfile.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + content)

    def _write_held(self, response: httpx.Response) -> None:
        """A body produced while the request is held: chunked, each piece sent as it comes."""
        lines = [f"HTTP/1.1 {response.status_code} {response.reason_phrase}"]
        for name, value in response.headers.items():
            if name.lower() not in ("content-length", "connection", "transfer-encoding"):
                lines.append(f"{name}: {value}")
        lines += ["transfer-encoding: chunked", "connection: keep-alive"]
        self.wfile.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        self.wfile.flush()
        try:
            for piece in response.iter_raw():
                if piece:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                    self.wfile.flush()
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client went away while the request was held
        finally:
            response.close()

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _serve

    def log_message(self, format: str, *args: Any) -> None:
        return  # quiet: tests and the demo print their own account


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # the default backlog of 5 refuses bursts of reconnecting clients

    def __init__(self, address: tuple[str, int], fake: FakeTrigger) -> None:
        super().__init__(address, _Handler)
        self.fake = fake
        host, port = self.server_address[:2]
        self.base_url = f"http://{host!s}:{port}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        # a client that goes away mid-answer (its read timeout, a stream it stopped reading) is what
        # a real server sees every day; only other failures are worth a traceback on stderr
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


class LoopbackServer:
    """`with LoopbackServer(fake) as url:` serves the fake at url until the block ends."""

    def __init__(self, fake: FakeTrigger, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.fake = fake
        self._server = _Server((host, port), fake)
        self._thread = threading.Thread(target=self._server.serve_forever, name="trigger-fake", daemon=True)

    @property
    def url(self) -> str:
        return self._server.base_url

    def start(self) -> str:
        self._thread.start()
        return self.url

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
