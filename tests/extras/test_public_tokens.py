"""Public access tokens against the official SDK's recordings (sdk-vectors-realtime.json `publicTokens`,
sdk-vectors.json `publicToken` / `selfSignedTriggerToken`): same input and clock, same token bytes."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from trigger_facade import public_tokens as pt
from trigger_facade.errors import InvalidInputError
from trigger_facade.public_tokens import PublicTokenError
from trigger_facade.superjson import json_stringify

from .vectors import core, realtime

TOKENS = realtime("publicTokens")
ROOT_KEY: str = TOKENS["rootKey"]
ADDITIONAL_KEY: str = TOKENS["additionalKey"]
CLAIMS: dict[str, Any] = TOKENS["claimsEndpointAnswer"]
NOW = datetime.fromtimestamp(TOKENS["frozenNow"]["ms"] / 1000, UTC)
BY_NAME = {v["name"]: v for v in TOKENS["vectors"]}


def epoch(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def root(**kwargs: Any) -> Callable[[], str]:
    return lambda: pt.create_public_token(signing_key=ROOT_KEY, claims=CLAIMS, now=NOW, **kwargs)


def trigger(tasks: Any, **kwargs: Any) -> Callable[[], str]:
    return lambda: pt.create_trigger_token(tasks, signing_key=ROOT_KEY, claims=CLAIMS, now=NOW, **kwargs)


def batch(tasks: Any, **kwargs: Any) -> Callable[[], str]:
    return lambda: pt.create_batch_trigger_token(tasks, signing_key=ROOT_KEY, claims=CLAIMS, now=NOW, **kwargs)


# The Python call for each JavaScript call the SDK recording made. A JavaScript number expirationTime is
# a Unix time; its Python form is an aware datetime (a Python number is seconds from now).
ROOT_CALLS: dict[str, Callable[[], str]] = {
    "root.noOptions": root(),
    "root.readRunsList": root(scopes={"read": {"runs": ["run_1", "run_2"]}}),
    "root.readRunsAll": root(scopes={"read": {"runs": True}}),
    "root.readMixed.exp1h": root(
        scopes={"read": {"tags": ["user:123", "org:abc"], "batch": "batch_1", "tasks": ["task-a"], "runs": "run_3"}},
        expiration="1h",
    ),
    "root.triggerAndBatch.expNumber": root(
        scopes={"trigger": {"tasks": ["task-a", "task-b"]}, "batchTrigger": {"tasks": "task-a"}},
        expiration=epoch(1735794245),
    ),
    "root.waitpoints.expDate": root(
        scopes={"write": {"waitpoints": ["wp_1"]}, "read": {"waitpoints": "wp_2"}}, expiration=epoch(1735873445)
    ),
    "root.realtimeSkipColumns": root(scopes={"read": {"runs": ["run_1"]}}, skip_columns=["payload", "output"]),
    "root.emptyList": root(scopes={"read": {"runs": []}}),
    "root.falseValue": root(scopes={"read": {"runs": False}}),
    "root.trigger.single": trigger("task-a"),
    "root.trigger.multipleUse": trigger(["task-a", "task-b"], multiple_use=True, expiration="10m"),
    "root.trigger.realtime": trigger("task-a", skip_columns=["metadata"]),
    "root.batchTrigger.single": batch("task-a"),
    "root.batchTrigger.multi": batch(["task-a", "task-b"], multiple_use=False, expiration="2h"),
}
# Recorded, and refused here on purpose: {read: true} signs "read", which the server grants nothing for.
ROOT_REFUSED = {"root.actionTrue": root(scopes={"read": True})}
ROOT_ERRORS = {"root.emptyId": root(scopes={"read": {"runs": [" "]}})}


def test_every_root_vector_is_covered() -> None:
    names = {n for n in BY_NAME if n.startswith("root.")}
    assert names == set(ROOT_CALLS) | set(ROOT_REFUSED) | set(ROOT_ERRORS)


@pytest.mark.parametrize("name", sorted(ROOT_CALLS))
def test_root_key_tokens_equal_the_sdk_bytes(name: str) -> None:
    vector = BY_NAME[name]
    token = ROOT_CALLS[name]()
    assert token == vector["token"]
    # and they verify, at the frozen clock, to the claims in the SDK's order
    claims = pt.decode_and_verify(token, ROOT_KEY, now=NOW)
    assert list(claims.items()) == list(json.loads(vector["jwt"]["payloadJson"]).items())
    assert claims["exp"] - claims["iat"] == vector["jwt"]["expMinusIat"]
    assert claims["iat"] - int(NOW.timestamp()) == vector["jwt"]["iatMinusNow"]
    header = base64.urlsafe_b64decode(token.split(".")[0] + "==")
    assert header.decode() == vector["jwt"]["headerJson"]


@pytest.mark.parametrize("name", sorted(ROOT_REFUSED))
def test_a_bare_action_is_refused_but_signing_its_claims_gives_the_sdk_token(name: str) -> None:
    vector = BY_NAME[name]
    with pytest.raises(InvalidInputError, match=r"scopes\['read'\]=True names no resource"):
        ROOT_REFUSED[name]()
    assert pt.sign_claims(json.loads(vector["jwt"]["payloadJson"]), ROOT_KEY) == vector["token"]


def test_an_empty_id_is_refused_with_the_sdk_words() -> None:
    message = BY_NAME["root.emptyId"]["error"]["message"]
    with pytest.raises(InvalidInputError) as info:
        ROOT_ERRORS["root.emptyId"]()
    assert message in str(info.value)
    assert "['read']['runs']" in str(info.value)


ADDITIONAL_BODIES: dict[str, Callable[[], dict[str, Any]]] = {
    "additional.readRuns": lambda: pt.public_token_request(scopes={"read": {"runs": ["run_1"]}}, now=NOW),
    "additional.exp1h.realtime": lambda: pt.public_token_request(
        scopes={"read": {"runs": True}}, expiration="1h", skip_columns=["payload"], now=NOW
    ),
    "additional.expDate": lambda: pt.public_token_request(
        scopes={"read": {"tags": "user:1"}}, expiration=epoch(1735790645), now=NOW
    ),
    "additional.expNumber": lambda: pt.public_token_request(
        scopes={"read": {"batch": "batch_1"}}, expiration=epoch(1735787645), now=NOW
    ),
    "additional.trigger": lambda: pt.trigger_token_request("task-a", now=NOW),
    "additional.batchTrigger.multipleUse": lambda: pt.trigger_token_request(
        ["a", "b"], batch=True, multiple_use=True, expiration="30m", now=NOW
    ),
    # the HTTP answer is the client's business; the body is the same as readRuns
    "additional.server404": lambda: pt.public_token_request(scopes={"read": {"runs": ["run_1"]}}, now=NOW),
}


@pytest.mark.parametrize("name", sorted(ADDITIONAL_BODIES))
def test_additional_key_request_bodies_equal_the_sdk_bytes(name: str) -> None:
    (request,) = BY_NAME[name]["requests"]
    assert (request["method"], request["path"]) == ("POST", "/api/v1/auth/public-tokens")
    assert request["headers"]["authorization"] == f"Bearer {ADDITIONAL_KEY}"
    assert json_stringify(ADDITIONAL_BODIES[name]()) == request["body"]


def test_additional_key_without_scopes_is_refused_before_any_request() -> None:
    assert BY_NAME["additional.noScopes"]["requests"] == []
    with pytest.raises(InvalidInputError, match="requires at least one scope when using an additional API key"):
        pt.public_token_request(scopes={})


def test_an_additional_key_cannot_sign() -> None:
    assert pt.is_additional_api_key(ADDITIONAL_KEY)
    assert not pt.is_additional_api_key(ROOT_KEY)
    with pytest.raises(InvalidInputError, match="cannot sign public tokens") as info:
        pt.create_public_token(signing_key=ADDITIONAL_KEY, claims=CLAIMS)
    assert ADDITIONAL_KEY not in str(info.value)


@pytest.mark.parametrize("case", TOKENS["expirationTimeStrings"], ids=lambda c: str(c["expirationTime"]))
def test_expiration_strings_as_the_sdk_reads_them(case: dict[str, Any]) -> None:
    text = case["expirationTime"]
    if "error" in case:
        with pytest.raises(InvalidInputError, match="is not a duration"):
            pt.parse_time_span(text)
        return
    assert pt.resolve_expiration(text, now=NOW) - int(NOW.timestamp()) == case["expMinusIat"]


def test_the_sdk_self_signed_token_vectors() -> None:
    # sdk-vectors.json: the fallback token of a trigger answer without x-trigger-jwt, and a public token
    fallback = core("selfSignedTriggerToken")
    token = pt.fallback_run_token(
        '{"sub":"env_1234","pub":true}', "run_1234", signing_key=ROOT_KEY, now=epoch(fallback["payload"]["iat"])
    )
    header = token.split(".")[0]
    assert json.loads(base64.urlsafe_b64decode(header + "==")) == fallback["header"]
    assert list(pt.decode_unverified(token).items()) == list(fallback["payload"].items())

    public = core("publicToken")
    token = pt.create_public_token(
        signing_key=ROOT_KEY,
        sub="env_1234",
        scopes={"read": {"runs": ["run_1234"]}},
        expiration="1h",
        now=epoch(public["payload"]["iat"]),
    )
    assert list(pt.decode_and_verify(token, ROOT_KEY, now=epoch(public["payload"]["iat"])).items()) == list(
        public["payload"].items()
    )


def test_fallback_tokens_replace_the_server_scopes_in_place() -> None:
    # the trigger route's x-trigger-jwt-claims carries its own scopes and realtime; the SDK's spread
    # keeps their position and overwrites the scopes
    header = (
        '{"sub":"env_1","pub":true,"scopes":["read:runs:run_1","write:inputStreams:run_1"],'
        '"realtime":{"skipColumns":["payload"]}}'
    )
    token = pt.fallback_run_token(header, "run_1", signing_key=ROOT_KEY, now=NOW)
    claims = pt.decode_and_verify(token, ROOT_KEY, now=NOW)
    assert list(claims) == ["sub", "pub", "scopes", "realtime", "iss", "aud", "exp", "iat"]
    assert claims["scopes"] == ["read:runs:run_1"]
    assert claims["exp"] - claims["iat"] == 3600
    batch_claims = pt.decode_unverified(pt.fallback_batch_token(CLAIMS, "batch_9", signing_key=ROOT_KEY, now=NOW))
    assert batch_claims["scopes"] == ["read:batch:batch_9"]
    wp = pt.decode_unverified(pt.fallback_waitpoint_token(CLAIMS, "waitpoint_1", signing_key=ROOT_KEY, now=NOW))
    assert (wp["scopes"], wp["exp"] - wp["iat"]) == (["write:waitpoints:waitpoint_1"], 86400)
    for bad in (None, "nope", '{"pub":true}', "[1]"):
        with pytest.raises(PublicTokenError):
            pt.fallback_run_token(bad, "run_1", signing_key=ROOT_KEY)


@pytest.mark.parametrize(
    ("scopes", "words"),
    [
        ({"raed": {"runs": True}}, "unknown scope action 'raed'"),
        ({"read": {"run": ["run_1"]}}, "unknown scope resource 'run' for 'read'"),
        ({"trigger": {"runs": ["run_1"]}}, "unknown scope resource 'runs' for 'trigger' (accepted: tasks)"),
        ({"read": {"runs": [1]}}, "must hold id strings, got int"),
        ({"read": {"runs": 5}}, "must be an id, a list of ids or True"),
        ({"read": ["runs"]}, "must be a dict of resources"),
        ({"read": {"all": "x"}}, "'all'] takes True"),
        ({"write": {"tags": ""}}, "IDs must not be empty"),
        (["read:runs:"], "IDs must not be empty"),
        (["read"], "names no resource"),
        (["admin"], "unknown scope action 'admin'"),
        (["read:all:x"], "takes no id"),
        ([1], "a scope must be a string"),
        (42, "scopes must be a dict or a list"),
    ],
)
def test_bad_scopes_are_refused_before_signing(scopes: Any, words: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        pt.create_public_token(signing_key=ROOT_KEY, claims=CLAIMS, scopes=scopes)
    assert words in str(info.value)
    assert ROOT_KEY not in str(info.value)


def test_flat_and_structured_scopes() -> None:
    assert pt.flatten_scopes({"read": {"all": True}, "write": {"inputStreams": "run_1", "sessions": ["s:out"]}}) == [
        "read:all",
        "write:inputStreams:run_1",
        "write:sessions:s:out",
    ]
    assert pt.flatten_scopes(["read:tags:env:staging", "trigger:tasks"]) == ["read:tags:env:staging", "trigger:tasks"]
    assert pt.flatten_scopes("read:runs:run_1") == ["read:runs:run_1"]
    assert pt.flatten_scopes({"read": None, "write": False}) == []


@pytest.mark.parametrize(
    ("expiration", "seconds"),
    [(3600, 3600), (timedelta(minutes=90), 5400), (90.4, 90), (90.5, 91), ("1.5h", 5400), (None, 900)],
)
def test_expirations_relative_to_now(expiration: Any, seconds: int) -> None:
    claims = pt.decode_unverified(root(expiration=expiration)())
    assert claims["exp"] - claims["iat"] == seconds


@pytest.mark.parametrize(
    ("expiration", "words"),
    [
        (1735794245, "for a Unix time pass datetime.fromtimestamp"),
        ("1h30m", "is not a duration"),
        ("10", "is not a duration"),
        ("-5m", "not in the future"),
        (0, "not in the future"),
        (True, "got a bool"),
        (datetime(2030, 1, 1), "aware datetime"),
        (epoch(1735787045), "not in the future"),
        ([1], "got list"),
    ],
)
def test_bad_expirations_are_refused(expiration: Any, words: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        root(expiration=expiration)()
    assert words in str(info.value)


@pytest.mark.parametrize(
    ("expiration", "words"),
    [("31d", "more than 30 days"), ("1 hour ago", "not in the future"), (epoch(1735787045 - 1), "not in the future")],
)
def test_server_rules_are_checked_before_the_request(expiration: Any, words: str) -> None:
    with pytest.raises(InvalidInputError, match=words):
        pt.public_token_request(scopes=["read:runs"], expiration=expiration, now=NOW)


def test_relative_server_expiry_goes_as_a_duration() -> None:
    body = pt.public_token_request(scopes=["read:runs"], expiration=timedelta(hours=2), now=NOW)
    assert body == {"scopes": ["read:runs"], "expirationTime": "7200s"}
    assert pt.trigger_token_request(["a"], expiration=600)["expirationTime"] == "600s"


def _forge(claims: dict[str, Any], key: str = ROOT_KEY, header: str = '{"alg":"HS256"}') -> str:
    import hashlib
    import hmac

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    signing_input = b64(header.encode()) + "." + b64(json.dumps(claims).encode())
    return signing_input + "." + b64(hmac.new(key.encode(), signing_input.encode(), hashlib.sha256).digest())


GOOD = {"sub": "env_1", "pub": True, "iss": pt.JWT_ISSUER, "aud": pt.JWT_AUDIENCE, "exp": 1735787046, "iat": 1}


@pytest.mark.parametrize(
    ("token", "words"),
    [
        (_forge(GOOD, key="tr_dev_bbbbbbbbbbbbbbbbbbbbbbbb"), "signature does not match"),
        (_forge(GOOD, header='{"alg":"none"}'), "signed with 'none'"),
        (_forge(GOOD, header='{"alg":"HS256","crit":["x"]}'), "crit"),
        (_forge({**GOOD, "exp": 1735787045}), "expired at 1735787045"),
        (_forge({**GOOD, "nbf": 1735787046}), "not valid before"),
        (_forge({**GOOD, "iss": "https://evil"}), "issuer"),
        (_forge({**GOOD, "aud": "https://other"}), "audience"),
        (_forge({**GOOD, "exp": "soon"}), "'exp' claim must be a number"),
        ("a.b", "three base64url parts"),
        ("eyJhbGciOiJIUzI1NiJ9.e30.!!", "signature is not base64url"),
        (_forge(GOOD).replace(".", ".e30", 1), "signature does not match"),
    ],
)
def test_decode_and_verify_refuses(token: str, words: str) -> None:
    with pytest.raises(PublicTokenError) as info:
        pt.decode_and_verify(token, ROOT_KEY, now=NOW)
    assert words in str(info.value)


def test_decode_and_verify_accepts_an_audience_list_and_leeway() -> None:
    token = _forge({**GOOD, "aud": ["x", pt.JWT_AUDIENCE], "exp": 1735787040})
    assert pt.decode_and_verify(token, ROOT_KEY, now=NOW, leeway=timedelta(seconds=10))["sub"] == "env_1"


def test_claims_are_required_once() -> None:
    with pytest.raises(InvalidInputError, match="exactly one of claims"):
        pt.create_public_token(signing_key=ROOT_KEY)
    with pytest.raises(InvalidInputError, match="exactly one of claims"):
        pt.create_public_token(signing_key=ROOT_KEY, claims=CLAIMS, sub="env_1")
    with pytest.raises(InvalidInputError, match="'sub'"):
        pt.create_public_token(signing_key=ROOT_KEY, claims={"pub": True})
    with pytest.raises(InvalidInputError, match="tasks is empty"):
        pt.create_trigger_token([], signing_key=ROOT_KEY, claims=CLAIMS)
    with pytest.raises(InvalidInputError, match="not a public key or a token"):
        pt.create_public_token(signing_key="pk_dev_x", claims=CLAIMS)
