"""A loopback origin and a loopback forwarding proxy (plain HTTP, no CONNECT), recording what they see.

The proxy reaches a name such as `api.test` through its own table (as a real proxy resolves names
itself), so a request for that name can only arrive through it; it refuses any host that is not in
its table or on loopback, so nothing leaves the machine.
"""

from __future__ import annotations

import http.client
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import attrs

RUN_JSON = b'{"id":"run_1","status":"COMPLETED"}'
_HOP_BY_HOP = {"connection", "keep-alive", "proxy-authorization", "proxy-connection", "te", "trailer", "upgrade"}


@attrs.frozen
class Seen:
    method: str
    target: str  # the request target as sent: absolute-form at a proxy, origin-form at an origin
    headers: dict[str, str]  # lower-cased names


@attrs.define
class Recording:
    seen: list[Seen] = attrs.field(factory=list)

    def targets(self) -> list[str]:
        return [s.target for s in self.seen]


def _record(handler: BaseHTTPRequestHandler, recording: Recording) -> None:
    headers = {name.lower(): value for name, value in handler.headers.items()}
    recording.seen.append(Seen(handler.command, handler.path, headers))


def _origin_handler(recording: Recording) -> type[BaseHTTPRequestHandler]:
    class Origin(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            _record(self, recording)
            if self.path.endswith("/drip"):
                # one byte every 0.2 s: only a deadline on the whole attempt ends this early
                body = b'{"dripping": "' + b"x" * 200 + b'"}'
                self._head(200, len(body))
                for byte in body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.2)
                return
            body = RUN_JSON if self.path.startswith("/api/") else b"blob"
            self._head(200, len(body))
            self.wfile.write(body)

        def _head(self, status: int, length: int) -> None:
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(length))
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Origin


def _proxy_handler(recording: Recording, names: dict[str, int]) -> type[BaseHTTPRequestHandler]:
    class Proxy(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            _record(self, recording)
            url = urlsplit(self.path)
            host = url.hostname or ""
            port = names.get(host) or (url.port if host in ("127.0.0.1", "localhost") else None)
            if not self.path.startswith("http://") or port is None:
                self.send_error(502, "this test proxy reaches only its own names and loopback")
                return
            upstream = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
            upstream.request("GET", url.path + (f"?{url.query}" if url.query else ""), headers=headers)
            answer = upstream.getresponse()
            self.send_response(answer.status)
            for name, value in answer.getheaders():
                if name.lower() not in _HOP_BY_HOP:
                    self.send_header(name, value)
            self.end_headers()
            while chunk := answer.read1(65536):  # relayed as it comes, so a drip stays a drip
                self.wfile.write(chunk)
                self.wfile.flush()
            upstream.close()

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Proxy


@attrs.frozen
class Loopback:
    origin_port: int
    proxy_port: int
    origin: Recording
    proxy: Recording

    @property
    def origin_url(self) -> str:
        return f"http://127.0.0.1:{self.origin_port}"

    @property
    def proxy_url(self) -> str:
        return f"http://127.0.0.1:{self.proxy_port}"


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up on a drip closes its socket mid-answer: expected here


@contextmanager
def loopback(*names: str) -> Iterator[Loopback]:
    """An origin, and a proxy that reaches it under each of `names` (e.g. "api.test") and on loopback."""
    origin_rec, proxy_rec = Recording(), Recording()
    origin = _QuietServer(("127.0.0.1", 0), _origin_handler(origin_rec))
    table = dict.fromkeys(names, origin.server_address[1])
    proxy = _QuietServer(("127.0.0.1", 0), _proxy_handler(proxy_rec, table))
    threads = [
        threading.Thread(target=s.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True) for s in (origin, proxy)
    ]
    for thread in threads:
        thread.start()
    try:
        yield Loopback(int(origin.server_address[1]), int(proxy.server_address[1]), origin_rec, proxy_rec)
    finally:
        for server in (origin, proxy):
            server.shutdown()
            server.server_close()
