"""http_client=: the caller's own httpx client, wrapped with our retries, auth and headers, keeping its settings."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from trigger_facade import AsyncTriggerClient, ConfigurationError, TriggerClient
from trigger_facade._deadline_backend import AsyncDeadlineBackend, DeadlineBackend
from trigger_facade.testing import FakeClock

from .helpers import get_through
from .servers import RUN_JSON, loopback

KEY = "tr_dev_abcdefghijklmnopqrstuvwx"
API = "https://api.trigger.dev"


class Wire:
    """A MockTransport handler answering from a list per path, recording every request."""

    def __init__(self, answers: dict[str, list[httpx.Response]]) -> None:
        self.answers = answers
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        queue = self.answers.get(request.url.path) or [httpx.Response(404)]
        return queue.pop(0) if len(queue) > 1 else queue[0]


def users_client(mode: str, **options: Any) -> httpx.Client | httpx.AsyncClient:
    """The caller's client: sync hooks for httpx.Client, async ones for httpx.AsyncClient."""
    hooks: dict[str, list[Callable[..., Any]]] = options.pop("event_hooks", {})
    if mode == "sync":
        return httpx.Client(event_hooks=hooks, **options)

    def wrap(hook: Callable[..., Any]) -> Callable[..., Any]:
        async def run(value: Any) -> None:
            hook(value)

        return run

    return httpx.AsyncClient(event_hooks={k: [wrap(h) for h in v] for k, v in hooks.items()}, **options)


def _ours(mode: str, user: httpx.Client | httpx.AsyncClient, **options: Any) -> TriggerClient | AsyncTriggerClient:
    cls = AsyncTriggerClient if mode == "async" else TriggerClient
    return cls(secret_key=KEY, http_client=user, environ={}, clock=FakeClock(), **options)


def test_event_hooks_headers_and_transport_are_kept_and_retries_go_through_them(mode: str) -> None:
    wire = Wire({"/api/v3/runs/run_1": [httpx.Response(503), httpx.Response(200, content=RUN_JSON)]})
    hooked: list[tuple[str, str]] = []
    user = users_client(
        mode,
        transport=httpx.MockTransport(wire),
        headers={"x-team": "data", "User-Agent": "theirs/1.0"},
        event_hooks={
            "request": [lambda r: hooked.append(("request", str(r.url)))],
            "response": [lambda r: hooked.append(("response", str(r.status_code)))],
        },
    )
    response = get_through(_ours(mode, user), "/api/v3/runs/run_1")
    assert response.content == RUN_JSON
    url = f"{API}/api/v3/runs/run_1"
    assert hooked == [("request", url), ("response", "503"), ("request", url), ("response", "200")]
    first, second = wire.requests
    for sent in (first, second):
        assert sent.headers["x-team"] == "data"
        assert sent.headers["authorization"] == f"Bearer {KEY}"
        assert sent.headers["user-agent"].startswith("trigger-facade/")  # ours wins
        assert sent.headers["x-trigger-api-version"]
    assert first.headers["x-trigger-request-idempotency-key"] == second.headers["x-trigger-request-idempotency-key"]


def test_their_auth_and_authorization_header_never_replace_our_rule(mode: str) -> None:
    wire = Wire({"/api/v3/runs/run_1": [httpx.Response(200, content=RUN_JSON)], "/blob": [httpx.Response(200)]})
    user = users_client(
        mode, transport=httpx.MockTransport(wire), auth=("user", "pw"), headers={"Authorization": "Bearer theirs"}
    )
    assert get_through(_ours(mode, user), "/api/v3/runs/run_1").status_code == 200
    assert get_through(_ours(mode, user), "https://storage.example/blob").status_code == 200
    api, storage = wire.requests
    assert api.headers.get_list("authorization") == [f"Bearer {KEY}"]
    assert "authorization" not in storage.headers


def test_redirects_stay_off_and_their_client_stays_open(mode: str) -> None:
    moved = httpx.Response(302, headers={"location": "https://elsewhere.example/x"})
    wire = Wire({"/api/v3/runs/run_1": [moved]})
    user = users_client(mode, transport=httpx.MockTransport(wire), follow_redirects=True)
    assert get_through(_ours(mode, user), "/api/v3/runs/run_1").status_code == 302
    assert [str(r.url) for r in wire.requests] == [f"{API}/api/v3/runs/run_1"]
    assert not user.is_closed  # closing ours left theirs alone
    if isinstance(user, httpx.Client):
        assert user.get("https://api.trigger.dev/again").status_code == 404
        user.close()
    else:
        assert asyncio.run(user.get("https://api.trigger.dev/again")).status_code == 404
        asyncio.run(user.aclose())


def test_their_mounts_are_kept(mode: str) -> None:
    api, storage = Wire({}), Wire({"/blob": [httpx.Response(200, content=b"stored")]})
    user = users_client(
        mode,
        transport=httpx.MockTransport(api),
        mounts={"https://storage.example": httpx.MockTransport(storage)},
    )
    assert get_through(_ours(mode, user), "https://storage.example/blob").content == b"stored"
    assert api.requests == []
    assert [r.url.path for r in storage.requests] == ["/blob"]


def test_their_proxy_is_used_and_the_attempt_deadline_reaches_their_pool(mode: str) -> None:
    with loopback("api.test") as net:
        user = users_client(mode, proxy=net.proxy_url, trust_env=False)
        ours = _ours(mode, user, base_url="http://api.test", allow_insecure_http=True, max_retries=0, timeout=1.0)
        assert get_through(ours, "/api/v3/runs/run_1").content == RUN_JSON
        backend = AsyncDeadlineBackend if mode == "async" else DeadlineBackend
        mounted: list[Any] = [t for t in user._mounts.values() if t is not None]
        pools = [t._pool for t in mounted]  # their proxy's pool
        assert pools
        assert all(isinstance(pool._network_backend, backend) for pool in pools)
        started = time.monotonic()
        ours = _ours(mode, user, base_url="http://api.test", allow_insecure_http=True, max_retries=0, timeout=1.0)
        with pytest.raises(httpx.TimeoutException):
            get_through(ours, "/api/v3/runs/drip")
        assert time.monotonic() - started < 2.0
    assert net.proxy.targets() == ["http://api.test/api/v3/runs/run_1", "http://api.test/api/v3/runs/drip"]
    assert net.origin.seen[0].headers["authorization"] == f"Bearer {KEY}"


def test_with_options_copies_keep_their_client(mode: str) -> None:
    wire = Wire({"/api/v3/runs/run_1": [httpx.Response(200, content=RUN_JSON)]})
    user = users_client(mode, transport=httpx.MockTransport(wire), headers={"x-team": "data"})
    client = _ours(mode, user)
    other = client.with_options(secret_key="tr_prod_abcdefghijklmnopqrstuvwx")
    copy = client.with_options(timeout=5, extra_headers={"x-request-id": "r1"})
    get_through(other, "/api/v3/runs/run_1")
    get_through(copy, "/api/v3/runs/run_1")
    new_key, extra = wire.requests
    assert new_key.headers["authorization"] == "Bearer tr_prod_abcdefghijklmnopqrstuvwx"
    assert new_key.headers["x-team"] == extra.headers["x-team"] == "data"
    assert extra.headers["x-request-id"] == "r1"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"proxy": "http://p:1"}, "proxy cannot be combined with http_client"),
        ({"limits": httpx.Limits()}, "limits cannot be combined with http_client"),
        ({"verify": False, "trust_env": False}, "verify, trust_env cannot be combined"),
        ({"transport": httpx.MockTransport(lambda r: httpx.Response(200))}, "transport cannot be combined"),
    ],
)
def test_network_arguments_belong_on_their_client(options: dict[str, Any], message: str) -> None:
    with httpx.Client() as user, pytest.raises(ConfigurationError, match=message):
        TriggerClient(secret_key=KEY, http_client=user, environ={}, **options)


def test_the_kind_of_client_must_match() -> None:
    with pytest.raises(ConfigurationError, match=r"http_client must be an httpx\.Client for TriggerClient"):
        TriggerClient(secret_key=KEY, http_client=httpx.AsyncClient(), environ={})
    with pytest.raises(ConfigurationError, match=r"httpx\.AsyncClient for AsyncTriggerClient, got Client"):
        AsyncTriggerClient(secret_key=KEY, http_client=httpx.Client(), environ={})
    closed = httpx.Client()
    closed.close()
    with pytest.raises(ConfigurationError, match="http_client is closed"):
        TriggerClient(secret_key=KEY, http_client=closed, environ={})
