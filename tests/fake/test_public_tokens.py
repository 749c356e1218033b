"""Public access tokens against the fake: the claims and public-tokens routes, additional keys, and
public JWTs on the routes the server accepts them on, refused as the server refuses them
(bearerCredentials.ts, apiBuilder.server.ts, services/publicTokens.server.ts)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from trigger_facade import AuthenticationError, NotFoundError, PermissionDeniedError, public_tokens
from trigger_facade.testing import FakeClock, FakeTrigger, TaskContext

from .helpers import UNAUTHORIZED, make_batch, raw


@pytest.fixture
def fake(clock: FakeClock) -> FakeTrigger:
    return FakeTrigger(clock=clock)


def sign(fake: FakeTrigger, scopes: list[str], *, lifetime: int = 3600, **extra: object) -> str:
    """A token as the official SDK signs one with the root key."""
    now = int(fake.clock.now())
    claims = {"sub": fake.environment_id, "pub": True, "scopes": scopes, **extra}
    claims.update({"iss": public_tokens.JWT_ISSUER, "aud": public_tokens.JWT_AUDIENCE, "exp": now + lifetime})
    return public_tokens.sign_claims(claims, fake.secret_key)


# ---------------------------------------------------------------- the two auth routes, raw


def test_claims_answers_the_environment_for_a_secret_key_only(fake: FakeTrigger) -> None:
    answer = raw(fake, "POST", "/api/v1/auth/jwt/claims")
    assert (answer.status_code, answer.json()) == (200, {"sub": fake.environment_id, "pub": True})
    additional = fake.add_api_key()
    assert raw(fake, "POST", "/api/v1/auth/jwt/claims", key=additional).json()["sub"] == fake.environment_id
    for key in ("tr_dev_wrong", fake.personal_token, sign(fake, ["read:all"])):
        refused = raw(fake, "POST", "/api/v1/auth/jwt/claims", key=key)
        assert (refused.status_code, refused.json()) == (401, {"error": "Invalid or Missing API key"})


def test_public_tokens_mints_a_token_signed_with_the_root_key(fake: FakeTrigger) -> None:
    key = fake.add_api_key()
    body = {
        "scopes": ["read:runs:run_1"],
        "expirationTime": "2h",
        "oneTimeUse": True,
        "realtime": {"skipColumns": ["payload"]},
    }
    answer = raw(fake, "POST", "/api/v1/auth/public-tokens", key=key, json=body)
    assert answer.status_code == 200
    assert list(answer.json()) == ["token"]
    now = datetime.fromtimestamp(fake.clock.now(), UTC)
    claims = public_tokens.decode_and_verify(answer.json()["token"], fake.secret_key, now=now)
    assert claims["sub"] == fake.environment_id
    assert (claims["scopes"], claims["otu"], claims["realtime"]) == (
        ["read:runs:run_1"],
        True,
        {"skipColumns": ["payload"]},
    )
    assert claims["exp"] - claims["iat"] == 7200
    # the default is 15 minutes; a number is an absolute Unix time
    default = raw(fake, "POST", "/api/v1/auth/public-tokens", key=key, json={"scopes": ["read:runs"]}).json()
    assert (lambda c: c["exp"] - c["iat"])(public_tokens.decode_unverified(default["token"])) == 900
    absolute = int(fake.clock.now()) + 60
    minted = raw(
        fake, "POST", "/api/v1/auth/public-tokens", key=key, json={"scopes": ["admin"], "expirationTime": absolute}
    )
    assert public_tokens.decode_unverified(minted.json()["token"])["exp"] == absolute


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"scopes": ["read:runs"], "expirationTime": "soon"}, "Invalid expiration time"),
        ({"scopes": ["read:runs"], "expirationTime": "5m ago"}, "Expiration time must be in the future"),
        ({"scopes": ["read:runs"], "expirationTime": "31d"}, "Expiration time cannot exceed 30 days"),
    ],
)
def test_public_tokens_refuses_a_bad_expiry(fake: FakeTrigger, body: dict[str, object], error: str) -> None:
    answer = raw(fake, "POST", "/api/v1/auth/public-tokens", json=body)
    assert (answer.status_code, answer.json()) == (400, {"error": error})


def test_public_tokens_refuses_a_bad_body_with_zod_issues(fake: FakeTrigger) -> None:
    empty = raw(fake, "POST", "/api/v1/auth/public-tokens", json={"scopes": []})
    assert empty.status_code == 400
    assert empty.json()["error"] == "Invalid request body"
    assert [(i["code"], i["path"]) for i in empty.json()["issues"]] == [("too_small", ["scopes"])]
    missing = raw(fake, "POST", "/api/v1/auth/public-tokens", json={"scopes": ["ok", 3]}).json()
    assert [(i["code"], i["path"], i["message"]) for i in missing["issues"]] == [
        ("invalid_type", ["scopes", 1], "Expected string, received number")
    ]
    garbled = raw(
        fake, "POST", "/api/v1/auth/public-tokens", content=b"{", headers={"content-type": "application/json"}
    )
    assert (garbled.status_code, garbled.json()) == (400, {"error": "Invalid request body"})


def test_public_tokens_refuses_scopes_beyond_the_key(fake: FakeTrigger) -> None:
    restricted = fake.add_api_key(scopes=["read:runs", "write:waitpoints:wp_1"])
    body = {"scopes": ["read:runs:run_9", "write:waitpoints:wp_2", "read", "read:tags:t"]}
    answer = raw(fake, "POST", "/api/v1/auth/public-tokens", key=restricted, json=body)
    assert answer.status_code == 403
    assert answer.json() == {
        "error": "Requested scopes exceed the API key's access",
        "code": "scopes_exceed_key_access",
        "deniedScopes": ["write:waitpoints:wp_2", "read", "read:tags:t"],
    }
    # a full key refuses only a scope with no type (bare `admin` aside)
    full = raw(fake, "POST", "/api/v1/auth/public-tokens", json={"scopes": ["read", "admin", "*:all"]})
    assert full.json()["deniedScopes"] == ["read"]


def test_public_tokens_takes_no_public_jwt(fake: FakeTrigger) -> None:
    answer = raw(fake, "POST", "/api/v1/auth/public-tokens", key=sign(fake, ["admin"]), json={"scopes": ["read:runs"]})
    assert (answer.status_code, answer.json()) == (401, {"error": "Invalid API key"})
    missing = raw(fake, "POST", "/api/v1/auth/public-tokens", key="", json={"scopes": ["read:runs"]})
    assert missing.status_code == 401


# ---------------------------------------------------------------- public JWTs on the routes


def test_run_routes_take_a_token_for_the_run_its_task_or_its_tags(fake: FakeTrigger) -> None:
    client = fake.client()
    run_id = client.tasks.trigger("echo", 1, tags=["user:1"]).id
    other = client.tasks.trigger("other", 2).id
    for scopes in (
        [f"read:runs:{run_id}"],
        ["read:runs"],
        ["read:all"],
        ["admin"],
        ["*:runs"],
        ["read:tasks:echo"],
        ["read:tags:user:1"],
    ):
        answer = raw(fake, "GET", f"/api/v3/runs/{run_id}", key=sign(fake, scopes))
        assert (scopes, answer.status_code) == (scopes, 200)
    for scopes in ([f"read:runs:{other}"], ["write:runs"], ["admin:runs"], ["read:tags:user"], []):
        refused = raw(fake, "GET", f"/api/v3/runs/{run_id}", key=sign(fake, scopes))
        assert (scopes, refused.status_code, refused.json()) == (scopes, 403, UNAUTHORIZED)
    # the run is looked up before the token is checked: an unknown run is a 404 for anyone
    assert raw(fake, "GET", "/api/v3/runs/run_nope", key=sign(fake, [])).status_code == 404


def test_bad_tokens_get_the_servers_401s(fake: FakeTrigger) -> None:
    run_id = fake.client().tasks.trigger("echo", 1).id
    expired = sign(fake, ["read:all"], lifetime=10)
    fake.advance(11)
    cases = {
        expired: "Public Access Token is invalid",
        sign(fake, ["read:all"])[:-3] + "AAA": "Public Access Token is invalid",
        public_tokens.sign_claims(
            {"sub": fake.environment_id, "pub": True, "scopes": ["read:all"], "iss": "x", "aud": "y"}, fake.secret_key
        ): "Public Access Token is invalid",
        public_tokens.sign_claims({"sub": "env_other", "pub": True, "scopes": ["read:all"]}, fake.secret_key): (
            "Invalid Public Access Token"
        ),
    }
    for token, error in cases.items():
        answer = raw(fake, "GET", f"/api/v3/runs/{run_id}", key=token)
        assert (answer.status_code, answer.json()) == (401, {"error": error})
    # a route that takes no public JWT treats one as an unknown key
    replay = raw(fake, "POST", f"/api/v1/runs/{run_id}/replay", key=sign(fake, ["admin"]), json={})
    assert (replay.status_code, replay.json()) == (401, {"error": "Invalid API key"})


def test_batch_waitpoint_list_and_cancel_routes_check_their_scopes(fake: FakeTrigger) -> None:
    client = fake.client()
    batch = make_batch(fake, [("echo", 1), ("echo", 2)])
    assert raw(fake, "GET", f"/api/v1/batches/{batch}", key=sign(fake, [f"read:batch:{batch}"])).status_code == 200
    assert raw(fake, "GET", f"/api/v2/batches/{batch}", key=sign(fake, ["read:runs"])).status_code == 200
    assert raw(fake, "GET", f"/api/v1/batches/{batch}", key=sign(fake, ["read:batch:batch_x"])).status_code == 403
    token = client.waitpoints.create_token()
    wrong = raw(
        fake, "POST", f"/api/v1/waitpoints/tokens/{token.id}/complete", key=sign(fake, ["write:waitpoints:x"]), json={}
    )
    assert (wrong.status_code, wrong.json()) == (403, UNAUTHORIZED)
    right = raw(
        fake,
        "POST",
        f"/api/v1/waitpoints/tokens/{token.id}/complete",
        key=sign(fake, [f"write:waitpoints:{token.id}"]),
        json={"data": 1},
    )
    assert (right.status_code, right.json()) == (200, {"success": True})
    assert raw(fake, "GET", "/api/v1/runs", key=sign(fake, ["read:tasks"])).status_code == 200
    assert raw(fake, "GET", "/api/v1/runs", key=sign(fake, ["read:tasks:echo"])).status_code == 403
    filtered = raw(
        fake, "GET", "/api/v1/runs", key=sign(fake, ["read:tasks:echo"]), params={"filter[taskIdentifier]": "echo"}
    )
    assert filtered.status_code == 200

    def waits(payload: object, ctx: TaskContext) -> Iterator[object]:
        yield ctx.input("go")  # never sent: the run stays EXECUTING

    fake.task("waits", waits)
    run_id = client.tasks.trigger("waits", 3).id
    assert raw(fake, "POST", f"/api/v2/runs/{run_id}/cancel", key=sign(fake, ["read:runs"])).status_code == 403
    assert (
        raw(fake, "POST", f"/api/v2/runs/{run_id}/cancel", key=sign(fake, [f"write:runs:{run_id}"])).status_code == 200
    )
    assert fake.runs[run_id].status == "CANCELED"


def test_trigger_tokens_trigger_only_their_tasks(fake: FakeTrigger) -> None:
    token = sign(fake, ["trigger:tasks:echo"])
    assert raw(fake, "POST", "/api/v1/tasks/echo/trigger", key=token, json={"payload": 1}).status_code == 200
    refused = raw(fake, "POST", "/api/v1/tasks/other/trigger", key=token, json={"payload": 1})
    assert (refused.status_code, refused.json()) == (403, UNAUTHORIZED)
    batch = {"runCount": 1, "taskIdentifiers": ["echo"]}
    assert (
        raw(fake, "POST", "/api/v3/batches", key=sign(fake, ["batchTrigger:tasks:echo"]), json=batch).status_code == 202
    )
    assert raw(fake, "POST", "/api/v3/batches", key=token, json=batch).status_code == 403


# ---------------------------------------------------------------- through the client


def test_client_tokens_read_the_run_and_follow_it(clock: FakeClock) -> None:
    fake = FakeTrigger(clock=clock, start_after=1.0, execution_time=2.0)
    client = fake.client(clock=clock)
    run_id = client.tasks.trigger("echo", {"x": 1}).id
    token = client.auth.create_public_token(scopes={"read": {"runs": [run_id]}}, expiration="1h")
    claims = public_tokens.decode_and_verify(token, fake.secret_key, now=datetime.fromtimestamp(clock.now(), UTC))
    assert claims["scopes"] == [f"read:runs:{run_id}"]
    browser = fake.client(clock=clock, secret_key=token)
    assert browser.runs.retrieve(run_id).id == run_id
    statuses = [run.status for run in browser.runs.subscribe(run_id, timeout=60)]
    assert statuses == ["QUEUED", "EXECUTING", "COMPLETED"]
    other = client.tasks.trigger("echo", 2).id
    with pytest.raises(PermissionDeniedError) as refused:
        browser.runs.retrieve(other)
    assert refused.value.status_code == 403
    # the claims call was made once for both tokens
    client.auth.create_public_token(scopes=["read:runs"])
    assert client.auth.create_trigger_token("echo")


def test_client_with_an_additional_key_has_the_server_mint(clock: FakeClock) -> None:
    fake = FakeTrigger(clock=clock)
    client = fake.client(clock=clock, secret_key=fake.add_api_key())
    run_id = client.tasks.trigger("echo", 1, tags=["user:7"]).id
    token = client.auth.create_public_token(scopes={"read": {"tags": "user:7"}}, expiration=timedelta(minutes=5))
    claims = public_tokens.decode_unverified(token)
    assert (claims["scopes"], claims["exp"] - claims["iat"]) == (["read:tags:user:7"], 300)
    assert fake.client(clock=clock, secret_key=token).runs.retrieve(run_id).id == run_id
    restricted = fake.client(clock=clock, secret_key=fake.add_api_key(scopes=["read:runs"]))
    with pytest.raises(PermissionDeniedError) as refused:
        restricted.auth.create_public_token(scopes=["write:waitpoints:wp_1"])
    assert "scopes_exceed_key_access" in str(refused.value.body)


def test_expired_client_token_is_refused_with_401(clock: FakeClock) -> None:
    fake = FakeTrigger(clock=clock)
    client = fake.client(clock=clock)
    run_id = client.tasks.trigger("echo", 1).id
    token = client.auth.create_public_token(scopes=["read:all"], expiration="1m")
    clock.advance(61)
    with pytest.raises(AuthenticationError) as refused:
        fake.client(clock=clock, secret_key=token, max_retries=0).runs.retrieve(run_id)
    assert refused.value.status_code == 401
    with pytest.raises(NotFoundError):
        fake.client(clock=clock, secret_key=sign(fake, ["read:all"]), max_retries=0).runs.retrieve("run_missing")


def test_async_client_tokens(clock: FakeClock) -> None:
    fake = FakeTrigger(clock=clock)

    async def main() -> str:
        async with fake.async_client(clock=clock) as client:
            run_id = (await client.tasks.trigger("echo", 5)).id
            token = await client.auth.create_public_token(scopes={"read": {"runs": True}})
            async with fake.async_client(clock=clock, secret_key=token) as browser:
                return (await browser.runs.retrieve(run_id)).id

    assert asyncio.run(main()).startswith("run_")
