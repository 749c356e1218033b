"""client.auth against the official SDK's recordings (sdk-vectors-realtime.json `publicTokens`): the same
requests (one claims call per client, or the public-tokens body byte for byte) and the same token bytes."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from trigger_facade import InvalidInputError, NotFoundError
from trigger_facade import public_tokens as pt
from trigger_facade.errors import ConfigurationError
from trigger_facade.testing import FakeClock

from ..extras.vectors import realtime
from .harness import Recorder, call, make_client, ok

TOKENS = realtime("publicTokens")
ROOT_KEY: str = TOKENS["rootKey"]
ADDITIONAL_KEY: str = TOKENS["additionalKey"]
NOW_S = TOKENS["frozenNow"]["ms"] / 1000
NOW = datetime.fromtimestamp(NOW_S, UTC)
BY_NAME = {v["name"]: v for v in TOKENS["vectors"]}
CLAIMS = ("POST", "/api/v1/auth/jwt/claims")
MINT = ("POST", "/api/v1/auth/public-tokens")


def epoch(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


# (method, args, kwargs): the Python call for the JavaScript call each recording made. A JavaScript number
# expirationTime is a Unix time; its Python form is an aware datetime (a Python number is seconds from now).
CALLS: dict[str, tuple[str, tuple[Any, ...], dict[str, Any]]] = {
    "root.noOptions": ("create_public_token", (), {}),
    "root.readRunsList": ("create_public_token", (), {"scopes": {"read": {"runs": ["run_1", "run_2"]}}}),
    "root.readRunsAll": ("create_public_token", (), {"scopes": {"read": {"runs": True}}}),
    "root.readMixed.exp1h": (
        "create_public_token",
        (),
        {
            "scopes": {
                "read": {"tags": ["user:123", "org:abc"], "batch": "batch_1", "tasks": ["task-a"], "runs": "run_3"}
            },
            "expiration": "1h",
        },
    ),
    "root.triggerAndBatch.expNumber": (
        "create_public_token",
        (),
        {
            "scopes": {"trigger": {"tasks": ["task-a", "task-b"]}, "batchTrigger": {"tasks": "task-a"}},
            "expiration": epoch(1735794245),
        },
    ),
    "root.waitpoints.expDate": (
        "create_public_token",
        (),
        {
            "scopes": {"write": {"waitpoints": ["wp_1"]}, "read": {"waitpoints": "wp_2"}},
            "expiration": epoch(1735873445),
        },
    ),
    "root.realtimeSkipColumns": (
        "create_public_token",
        (),
        {"scopes": {"read": {"runs": ["run_1"]}}, "skip_columns": ["payload", "output"]},
    ),
    "root.emptyList": ("create_public_token", (), {"scopes": {"read": {"runs": []}}}),
    "root.falseValue": ("create_public_token", (), {"scopes": {"read": {"runs": False}}}),
    "root.trigger.single": ("create_trigger_token", ("task-a",), {}),
    "root.trigger.multipleUse": (
        "create_trigger_token",
        (["task-a", "task-b"],),
        {"multiple_use": True, "expiration": "10m"},
    ),
    "root.trigger.realtime": ("create_trigger_token", ("task-a",), {"skip_columns": ["metadata"]}),
    "root.batchTrigger.single": ("create_batch_trigger_token", ("task-a",), {}),
    "root.batchTrigger.multi": (
        "create_batch_trigger_token",
        (["task-a", "task-b"],),
        {"multiple_use": False, "expiration": "2h"},
    ),
    "additional.readRuns": ("create_public_token", (), {"scopes": {"read": {"runs": ["run_1"]}}}),
    "additional.exp1h.realtime": (
        "create_public_token",
        (),
        {"scopes": {"read": {"runs": True}}, "expiration": "1h", "skip_columns": ["payload"]},
    ),
    "additional.expDate": (
        "create_public_token",
        (),
        {"scopes": {"read": {"tags": "user:1"}}, "expiration": epoch(1735790645)},
    ),
    "additional.expNumber": (
        "create_public_token",
        (),
        {"scopes": {"read": {"batch": "batch_1"}}, "expiration": epoch(1735787645)},
    ),
    "additional.trigger": ("create_trigger_token", ("task-a",), {}),
    "additional.batchTrigger.multipleUse": (
        "create_batch_trigger_token",
        (["a", "b"],),
        {"multiple_use": True, "expiration": "30m"},
    ),
}


def _client(mode: str, rec: Recorder, key: str) -> Any:
    return make_client(mode, rec, secret_key=key, clock=FakeClock(start=NOW_S))


def _routes() -> Recorder:
    return Recorder({CLAIMS: ok(TOKENS["claimsEndpointAnswer"]), MINT: ok(TOKENS["publicTokensEndpointAnswer"])})


def _check_requests(rec: Recorder, vector: dict[str, Any]) -> None:
    assert len(rec.requests) == len(vector["requests"])
    for sent, recorded in zip(rec.requests, vector["requests"], strict=True):
        assert (sent.method, sent.url.path, sent.url.query.decode()) == (
            recorded["method"],
            recorded["path"],
            recorded["rawQuery"],
        )
        assert sent.headers["authorization"] == recorded["headers"]["authorization"]
        assert sent.headers["x-trigger-api-version"] == recorded["headers"]["x-trigger-api-version"]
        if "body" in recorded:
            assert sent.content.decode() == recorded["body"]  # byte for byte
            assert sent.headers["content-type"] == "application/json"
        else:
            assert sent.content == b""
            assert sent.headers["content-length"] == "0"


@pytest.mark.parametrize("name", sorted(CALLS))
def test_tokens_and_requests_equal_the_sdk_recordings(mode: str, name: str) -> None:
    vector = BY_NAME[name]
    key = ROOT_KEY if vector["credential"] == "root" else ADDITIONAL_KEY
    method, args, kwargs = CALLS[name]
    rec = _routes()
    token = call(_client(mode, rec, key), f"auth.{method}", *args, **kwargs)
    assert token == vector["token"]
    _check_requests(rec, vector)
    if vector["credential"] == "root":
        claims = pt.decode_and_verify(token, ROOT_KEY, now=NOW)
        assert list(claims.items()) == list(json.loads(vector["jwt"]["payloadJson"]).items())


def test_every_successful_recording_is_covered() -> None:
    assert {name for name, v in BY_NAME.items() if "token" in v and name != "root.actionTrue"} == set(CALLS)


def test_the_claims_are_asked_for_once_per_client_and_its_copies(mode: str) -> None:
    rec = _routes()
    client = _client(mode, rec, ROOT_KEY)
    first = call(client, "auth.create_public_token", scopes={"read": {"runs": ["run_1"]}})
    second = call(client, "auth.create_trigger_token", "task-a")
    third = call(client.with_options(timeout=5), "auth.create_batch_trigger_token", "task-a")
    assert [r.url.path for r in rec.requests] == ["/api/v1/auth/jwt/claims"]
    for token in (first, second, third):
        assert pt.decode_and_verify(token, ROOT_KEY, now=NOW)["sub"] == "env_1234"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"scopes": {"read": {"runs": [" "]}}}, "must not be empty"),
        ({"scopes": {"read": True}}, "names no resource"),
        ({"scopes": {"delete": {"runs": True}}}, "delete"),
        ({"scopes": {"read": {"runs": ["r"]}}, "expiration": "1h30m"}, "expiration"),
        ({"scopes": {"read": {"runs": ["r"]}}, "expiration": datetime(2030, 1, 1)}, "aware"),
        ({"scopes": {"read": {"runs": ["r"]}}, "expiration": "1 hour ago"}, "not in the future"),
    ],
)
def test_bad_scopes_and_expiry_are_refused_before_any_request(mode: str, kwargs: dict[str, Any], message: str) -> None:
    for key in (ROOT_KEY, ADDITIONAL_KEY):
        rec = _routes()
        with pytest.raises(InvalidInputError, match=message):
            call(_client(mode, rec, key), "auth.create_public_token", **kwargs)
        assert rec.requests == []


def test_an_additional_key_needs_a_scope(mode: str) -> None:
    rec = _routes()
    with pytest.raises(InvalidInputError, match="requires at least one scope"):
        call(_client(mode, rec, ADDITIONAL_KEY), "auth.create_public_token")
    assert rec.requests == []


def test_a_server_without_minting_gets_the_sdk_words(mode: str) -> None:
    vector = BY_NAME["additional.server404"]
    rec = Recorder({MINT: httpx.Response(404, json={"error": "Not found"})})
    with pytest.raises(NotFoundError) as info:
        call(_client(mode, rec, ADDITIONAL_KEY), "auth.create_public_token", scopes={"read": {"runs": ["run_1"]}})
    assert str(info.value) == vector["error"]["message"]
    _check_requests(rec, vector)


def test_keys_that_cannot_make_tokens_are_refused(mode: str) -> None:
    rec = _routes()
    with pytest.raises(ConfigurationError, match="environment secret key"):
        call(_client(mode, rec, "tr_pat_" + "a" * 40), "auth.create_public_token")
    assert rec.requests == []


def test_the_secret_key_is_not_in_the_token(mode: str) -> None:
    token = call(_client(mode, _routes(), ROOT_KEY), "auth.create_public_token", scopes=["read:runs:run_1"])
    assert ROOT_KEY not in token
    assert ROOT_KEY.encode() not in json.dumps(pt.decode_unverified(token)).encode()
