"""Proxies: from `proxy=` or the environment (unless trust_env=False), through a real loopback proxy.

Requests go through `client.raw`'s httpx client: the client's own stack (auth, retries, mounts),
with nothing of the response models in the way.
"""

from __future__ import annotations

import base64
import os
import time
from typing import Any

import httpx
import pytest
from httpx._utils import get_environment_proxies  # httpx's own reading, as the oracle

from trigger_facade import AsyncTriggerClient, ConfigurationError, TriggerClient
from trigger_facade._deadline_backend import AsyncDeadlineBackend, DeadlineBackend, install_deadline
from trigger_facade.connections import LOOPBACK_MOUNTS, environment_proxies

from .helpers import get_through
from .servers import RUN_JSON, loopback

KEY = "tr_dev_abcdefghijklmnopqrstuvwx"
API = "http://api.test"  # reachable only through the test proxy


def _client(mode: str, **options: Any) -> TriggerClient | AsyncTriggerClient:
    options.setdefault("secret_key", KEY)
    options.setdefault("max_retries", 0)
    cls = AsyncTriggerClient if mode == "async" else TriggerClient
    return cls(**options)


def test_environment_proxies_are_used(mode: str) -> None:
    with loopback("api.test") as net:
        env = {"HTTP_PROXY": net.proxy_url}
        response = get_through(_client(mode, base_url=API, allow_insecure_http=True, environ=env), "/api/v3/runs/run_1")
    assert response.content == RUN_JSON
    assert net.proxy.targets() == ["http://api.test/api/v3/runs/run_1"]
    assert net.origin.seen[0].headers["authorization"] == f"Bearer {KEY}"


def test_lowercase_and_all_proxy_are_read_as_httpx_reads_them(mode: str) -> None:
    with loopback("api.test") as net:
        env = {"all_proxy": net.proxy_url, "HTTP_PROXY": "http://127.0.0.1:9"}  # http_proxy wins over all
        client = _client(mode, base_url=API, allow_insecure_http=True, environ={"all_proxy": net.proxy_url})
        assert get_through(client, "/api/v3/runs/run_1").status_code == 200
        client = _client(mode, base_url=API, allow_insecure_http=True, environ=env)
        with pytest.raises(httpx.ConnectError):
            get_through(client, "/api/v3/runs/run_1")  # port 9 on loopback: nothing listens
    assert net.proxy.targets() == ["http://api.test/api/v3/runs/run_1"]


def test_no_proxy_sends_direct(mode: str) -> None:
    direct: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        direct.append(request)
        return httpx.Response(200, content=b"direct")

    with loopback("api.test", "storage.test") as net:
        env = {"HTTP_PROXY": net.proxy_url, "NO_PROXY": "localhost, .example.org,api.test"}
        client = _client(mode, base_url=API, allow_insecure_http=True, environ=env)
        # the direct route is the default transport: a recorder there, so no name is ever resolved
        client._transport._inner = httpx.MockTransport(record)
        assert get_through(client, "/api/v3/runs/run_1").content == b"direct"
        client = _client(mode, base_url=API, allow_insecure_http=True, environ=env)
        assert get_through(client, "http://storage.test/blob").content == b"blob"
    assert [str(r.url) for r in direct] == ["http://api.test/api/v3/runs/run_1"]
    assert net.proxy.targets() == ["http://storage.test/blob"]


def test_trust_env_false_and_no_proxy_star_ignore_the_environment(mode: str) -> None:
    proxy = "http://127.0.0.1:3128"
    ignored = _client(mode, environ={"HTTPS_PROXY": proxy}, trust_env=False)
    starred = _client(mode, environ={"HTTPS_PROXY": proxy, "NO_PROXY": "*"})
    used = _client(mode, environ={"HTTPS_PROXY": proxy})
    assert ignored._mounts == starred._mounts == {}
    assert client_route(ignored, "https://api.trigger.dev/") is None
    assert client_route(used, "https://api.trigger.dev/") is not None


def test_loopback_goes_direct_whatever_the_environment_says(mode: str) -> None:
    # a plain-HTTP local server is allowed only because the key stays on this machine
    with loopback() as net:
        env = {"HTTP_PROXY": net.proxy_url, "ALL_PROXY": net.proxy_url}
        assert get_through(_client(mode, base_url=net.origin_url, environ=env), "/api/v3/runs/run_1").status_code == 200
        for host in ("localhost", "app.localhost", "127.0.0.1", "[::1]"):
            assert client_route(_client(mode, base_url=net.origin_url, environ=env), f"http://{host}:1/") is None
    assert net.proxy.seen == []
    assert len(net.origin.seen) == 1


def client_route(client: TriggerClient | AsyncTriggerClient, url: str) -> Any:
    """The proxy a URL would go through (None: direct), as httpx picks the transport."""
    transport: Any = client._http._transport_for_url(httpx.URL(url))
    return getattr(transport._inner._pool, "_proxy_url", None)


def _inners(client: TriggerClient | AsyncTriggerClient) -> list[Any]:
    """The httpx transports under the retry layers: the direct one, then each proxy's."""
    return [client._transport._inner, *(t._inner for t in client._mounts.values() if t is not None)]


def test_an_explicit_proxy_carries_everything_and_its_credentials(mode: str) -> None:
    with loopback() as net:
        proxied = net.proxy_url.replace("http://", "http://me:s3cret@")
        for proxy in (proxied, httpx.Proxy(proxied)):
            client = _client(mode, base_url=net.origin_url, proxy=proxy, trust_env=False, environ={})
            assert get_through(client, "/api/v3/runs/run_1").status_code == 200
    assert net.proxy.targets() == [f"{net.origin_url}/api/v3/runs/run_1"] * 2
    basic = "Basic " + base64.b64encode(b"me:s3cret").decode()
    assert [s.headers["proxy-authorization"] for s in net.proxy.seen] == [basic, basic]
    # the proxy's credentials stop at the proxy; the key goes on to the API
    assert all("proxy-authorization" not in s.headers for s in net.origin.seen)
    assert all(s.headers["authorization"] == f"Bearer {KEY}" for s in net.origin.seen)


def test_a_proxied_request_never_carries_the_key_to_another_origin(mode: str) -> None:
    with loopback("api.test", "storage.test") as net:
        env = {"HTTP_PROXY": net.proxy_url}
        client = _client(mode, base_url=API, allow_insecure_http=True, environ=env)
        assert get_through(client, "/api/v3/runs/run_1").status_code == 200
        client = _client(mode, base_url=API, allow_insecure_http=True, environ=env)
        assert get_through(client, "http://storage.test/blob").content == b"blob"
    assert net.proxy.targets() == ["http://api.test/api/v3/runs/run_1", "http://storage.test/blob"]
    api, storage = net.origin.seen
    assert api.headers["authorization"] == f"Bearer {KEY}"
    assert "authorization" not in storage.headers
    assert all(KEY not in str(s.headers) for s in net.proxy.seen[1:])


def test_the_attempt_deadline_holds_through_a_proxy(mode: str) -> None:
    with loopback("api.test") as net:
        client = _client(
            mode, base_url=API, allow_insecure_http=True, environ={"HTTP_PROXY": net.proxy_url}, timeout=1.0
        )
        started = time.monotonic()
        with pytest.raises(httpx.TimeoutException):
            get_through(client, "/api/v3/runs/drip")
        elapsed = time.monotonic() - started
    assert net.proxy.targets() == ["http://api.test/api/v3/runs/drip"]
    assert elapsed < 2.0, elapsed  # the body would take ~40 s


def test_every_transport_we_make_carries_the_deadline_backend(mode: str) -> None:
    env = {"HTTP_PROXY": "http://127.0.0.1:3128", "HTTPS_PROXY": "https://proxy.internal", "NO_PROXY": "x.org"}
    limits = httpx.Limits(max_connections=7, max_keepalive_connections=2)
    client = _client(mode, environ=env, limits=limits)
    backend = AsyncDeadlineBackend if mode == "async" else DeadlineBackend
    inners = _inners(client)
    assert len(inners) == 3  # direct, http://, https://
    for inner in inners:
        assert install_deadline(inner) is True
        assert isinstance(inner._pool._network_backend, backend)
        assert inner._pool._max_connections == 7
        assert inner._pool._max_keepalive_connections == 2
    assert set(client._mounts) == {"http://", "https://", "all://*x.org", *LOOPBACK_MOUNTS}


def test_verify_reaches_every_pool(mode: str) -> None:
    import ssl

    context = ssl.create_default_context()
    client = _client(mode, environ={"HTTPS_PROXY": "http://127.0.0.1:3128"}, verify=context)
    pools = [inner._pool for inner in _inners(client)]
    assert len(pools) == 2
    assert all(pool._ssl_context is context for pool in pools)
    (unverified,) = _inners(_client(mode, environ={}, verify=False))
    assert unverified._pool._ssl_context.verify_mode == ssl.CERT_NONE


def test_os_environ_is_read_when_no_environ_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:3128")
    client = TriggerClient(secret_key=KEY)
    assert client_route(client, "https://api.trigger.dev/") is not None
    assert client_route(TriggerClient(secret_key=KEY, trust_env=False), "https://api.trigger.dev/") is None


ENVIRONMENTS: list[dict[str, str]] = [
    {},
    {"HTTP_PROXY": "http://p:1"},
    {"https_proxy": "p.internal:3128", "HTTPS_PROXY": "http://upper:1"},
    {"ALL_PROXY": "socks5://s:1080", "NO_PROXY": "example.com,.corp,10.0.0.1,::1,localhost,http://x.y"},
    {"HTTP_PROXY": "http://p:1", "NO_PROXY": "*"},
    {"HTTP_PROXY": "http://p:1", "REQUEST_METHOD": "GET"},
    {"http_proxy": "http://p:1", "REQUEST_METHOD": "GET", "no_proxy": " a.b , ,c"},
    {"HTTP_PROXY": "", "http_proxy": "http://lower:1"},
]


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_environment_reading_matches_httpx(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.lower().endswith("_proxy") or name == "REQUEST_METHOD":
            monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    ours = _as_text(environment_proxies(env))
    assert ours == _as_text(environment_proxies(None))
    theirs = {k: None if v is None else str(httpx.Proxy(v).url) for k, v in get_environment_proxies().items()}
    extra = dict.fromkeys(LOOPBACK_MOUNTS) if theirs else {}
    assert ours == {**extra, **theirs}


def _as_text(mounts: dict[str, httpx.Proxy | None]) -> dict[str, str | None]:
    return {pattern: None if proxy is None else str(proxy.url) for pattern, proxy in mounts.items()}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"proxy": 3128}, "proxy must be a proxy URL"),
        ({"proxy": "ftp://me:s3cret@proxy.internal"}, "proxy='ftp://proxy.internal' is not a usable proxy URL"),
        ({"environ": {"HTTPS_PROXY": "ftp://me:s3cret@p:2121"}}, "HTTPS_PROXY='ftp://p:2121' is not a usable"),
        ({"limits": 10}, "limits must be an httpx.Limits"),
        ({"verify": "/etc/ssl/ca.pem"}, "verify must be True, False or an ssl.SSLContext"),
        ({"trust_env": "no"}, "trust_env must be True or False"),
        ({"transport": httpx.MockTransport(lambda r: httpx.Response(200)), "proxy": "http://p:1"}, "proxy cannot"),
        ({"transport": httpx.MockTransport(lambda r: httpx.Response(200)), "verify": False}, "verify cannot"),
    ],
)
def test_bad_network_arguments_are_refused_without_echoing_secrets(options: dict[str, Any], message: str) -> None:
    options.setdefault("environ", {})
    with pytest.raises(ConfigurationError, match=message) as info:
        TriggerClient(secret_key=KEY, **options)
    assert "s3cret" not in str(info.value)
