"""The wire between our client and whatever answers it, for the client-row tests: a transport that keeps
every request (and can lose an answer after the server acted), and a client wired to the fake.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from trigger_facade import TriggerClient
from trigger_facade.testing import FakeClock, FakeTransport, FakeTrigger

FAKE_URL = "https://fake.trigger.local"


@dataclass
class Wiretap(httpx.BaseTransport):
    """Passes each request to `inner` and keeps it; the answers to the requests numbered in `drop`
    (0-based) are lost after `inner` handled them, as a connection that drops before the answer."""

    inner: httpx.BaseTransport
    drop: set[int] = field(default_factory=set)
    requests: list[httpx.Request] = field(default_factory=list)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        number = len(self.requests)
        self.requests.append(request)
        response = self.inner.handle_request(request)
        if number in self.drop:
            response.read()
            raise httpx.RemoteProtocolError("the connection dropped before the answer", request=request)
        return response

    def paths(self) -> list[str]:
        return [f"{r.method} {r.url.path}" for r in self.requests]

    def bodies(self) -> list[Any]:
        return [json.loads(r.content) if r.content else None for r in self.requests]


def answering(*answers: httpx.Response | Callable[[httpx.Request], httpx.Response]) -> Wiretap:
    """A wiretap over a MockTransport giving `answers` in order (the last one again after that)."""
    queue = list(answers)

    def handler(request: httpx.Request) -> httpx.Response:
        answer = queue.pop(0) if len(queue) > 1 else queue[0]
        return answer(request) if callable(answer) else answer

    return Wiretap(httpx.MockTransport(handler))


def json_answer(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


@dataclass
class FakeWire:
    """A fake server, a client wired to it in-process through a wiretap, and the clock they share
    (the client's sleeps move the fake's runs on)."""

    fake: FakeTrigger
    clock: FakeClock
    tap: Wiretap
    client: TriggerClient


def fake_wire(*, drop: set[int] | None = None, **fake_options: Any) -> Iterator[FakeWire]:
    clock = FakeClock()
    fake_options.setdefault("start_after", 1.0)
    fake_options.setdefault("execution_time", 1.0)
    fake = FakeTrigger(clock=clock, **fake_options)
    tap = Wiretap(FakeTransport(fake), drop=drop or set())
    client = TriggerClient(
        secret_key=fake.secret_key,
        base_url=FAKE_URL,
        project_ref=fake.project_ref,
        transport=tap,
        clock=clock,
        environ={},
    )
    with client:
        yield FakeWire(fake, clock, tap, client)


def jwt_claims(token: str, secret: str) -> dict[str, Any]:
    """The claims of an HS256 JWT after checking its signature with `secret` (independently of our code)."""
    header, payload, signature = token.split(".")

    def decode(part: str) -> bytes:
        return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))

    assert json.loads(decode(header))["alg"] == "HS256"
    expected = hmac.new(secret.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    assert hmac.compare_digest(expected, decode(signature)), "not signed with the environment's key"
    claims: dict[str, Any] = json.loads(decode(payload))
    return claims
