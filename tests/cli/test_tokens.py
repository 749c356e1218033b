"""`trigger-facade tokens create` over MockTransport: the claims call, the signed token, and bad input refused."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime

import httpx
import pytest

from trigger_facade import public_tokens

from .helpers import CLIENT_VARIABLES, cli

KEY = "tr_dev_abcdefghijklmnopqrstuvwx"
ADDITIONAL_KEY = "tr_dev_sk_abcdefghijklmnopqrstuvwx"


class Server:
    """The two auth routes: claims for a root key, minting for an additional key."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if (request.method, request.url.path) == ("POST", "/api/v1/auth/jwt/claims"):
            return httpx.Response(200, json={"sub": "env_123", "pub": True})
        if (request.method, request.url.path) == ("POST", "/api/v1/auth/public-tokens"):
            return httpx.Response(200, json={"token": "minted.by.server"})
        return httpx.Response(404, json={"error": "no route"})


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Server:
    for name in CLIENT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TRIGGER_SECRET_KEY", KEY)
    monkeypatch.setenv("TRIGGER_API_URL", "https://api.test")
    return Server()


def test_a_token_signed_with_the_key_for_the_given_scopes_and_expiry(server: Server) -> None:
    before = int(time.time())
    code, out, err = cli(
        "tokens", "create", "--scope", "read:runs:run_123", "--scope", "read:tags:user_1", "--expires", "1h",
        transport=httpx.MockTransport(server),
    )  # fmt: skip
    assert (code, err) == (0, "")
    token = out.strip()
    assert out == token + "\n"
    claims = public_tokens.decode_and_verify(token, KEY)
    assert claims["sub"] == "env_123"
    assert claims["pub"] is True
    assert claims["scopes"] == ["read:runs:run_123", "read:tags:user_1"]
    assert before + 3600 <= claims["exp"] <= int(time.time()) + 3600
    (request,) = server.requests
    assert (request.method, request.url.path) == ("POST", "/api/v1/auth/jwt/claims")
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert KEY not in out


def test_json_mode_and_seconds_and_the_default_expiry(server: Server) -> None:
    transport = httpx.MockTransport(server)
    code, out, _ = cli("tokens", "create", "--scope", "read:runs", "--json", transport=transport)
    assert code == 0
    token = json.loads(out)["token"]
    claims = public_tokens.decode_and_verify(token, KEY)
    assert claims["scopes"] == ["read:runs"]
    assert claims["exp"] - claims["iat"] == 15 * 60  # the SDK's default
    code, out, _ = cli("tokens", "create", "--scope", "write:waitpoints:wp_1", "--expires", "90", transport=transport)
    assert code == 0
    claims = public_tokens.decode_and_verify(out.strip(), KEY)
    assert claims["exp"] - claims["iat"] == 90


def test_an_additional_key_asks_the_server(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRIGGER_SECRET_KEY", ADDITIONAL_KEY)
    code, out, _ = cli(
        "tokens", "create", "--scope", "read:batch:batch_1", "--expires", "2h", transport=httpx.MockTransport(server)
    )
    assert (code, out) == (0, "minted.by.server\n")
    (request,) = server.requests
    assert (request.method, request.url.path) == ("POST", "/api/v1/auth/public-tokens")
    assert json.loads(request.content) == {"scopes": ["read:batch:batch_1"], "expirationTime": "2h"}


@pytest.mark.parametrize(
    ("scope", "words"),
    [
        ("read", "names no resource"),
        ("delete:runs:run_1", "unknown scope action 'delete'"),
        ("read:people:p_1", "unknown scope resource 'people' for 'read' (accepted: runs, tasks, tags"),
        ("trigger:runs:run_1", "unknown scope resource 'runs' for 'trigger' (accepted: tasks)"),
        ("read:runs:", "must not be empty"),
        ("read:runs: ", "must not be empty"),
        ("read:all:run_1", "'read:all' takes no id"),
    ],
)
def test_bad_scopes_are_refused_before_anything_is_sent(server: Server, scope: str, words: str) -> None:
    code, out, err = cli(
        "tokens", "create", "--scope", "read:runs:run_1", "--scope", scope, transport=httpx.MockTransport(server)
    )
    assert (code, out, server.requests) == (2, "", [])
    (line,) = err.splitlines()
    assert line.startswith(f"trigger-facade: --scope {scope!r}: ")
    assert words in line
    assert "a scope is ACTION:RESOURCE[:ID]" in line
    assert "{" not in line  # the library's dict forms are for Python callers
    assert "scopes[" not in line


@pytest.mark.parametrize("expires", ["1h30m", "soon", "-5"])
def test_a_bad_expiry_names_the_flag(server: Server, expires: str) -> None:
    code, out, err = cli(
        "tokens", "create", "--scope", "read:runs:run_1", "--expires", expires, transport=httpx.MockTransport(server)
    )
    assert (code, out, server.requests) == (2, "", [])
    assert err.startswith(f"trigger-facade: --expires {expires!r} is not a duration such as '15m', '1h'")
    assert "expiration" not in err


def test_scopes_are_required_and_personal_tokens_cannot_sign(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = cli("tokens", "create", transport=httpx.MockTransport(server))
    assert code == 2
    assert "--scope" in err
    monkeypatch.delenv("TRIGGER_SECRET_KEY")
    monkeypatch.setenv("TRIGGER_ACCESS_TOKEN", "tr_pat_abcdefghijklmnopqrstuvwxyz0123456789")
    code, out, err = cli("tokens", "create", "--scope", "read:runs", transport=httpx.MockTransport(server))
    assert (code, out, server.requests) == (2, "", [])  # a configuration error: nothing was sent
    assert "environment secret key" in err


def test_an_expiry_in_the_past_is_the_libraries_to_judge(server: Server) -> None:
    # a datetime is not offered on the command line; a duration is always from now
    code, out, _ = cli(
        "tokens", "create", "--scope", "read:runs", "--expires", "7d", transport=httpx.MockTransport(server)
    )
    assert code == 0
    exp = public_tokens.decode_and_verify(out.strip(), KEY)["exp"]
    assert abs(exp - (datetime.now(UTC).timestamp() + 7 * 86400)) < 5
