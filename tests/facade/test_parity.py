"""Configuration parity with the official SDK: branch and version from the environment, external
deployment ids, per-call headers, timeouts and retries, idempotency-key reset scopes, tracing."""

from __future__ import annotations

import hashlib
from typing import Any

import httpx
import pytest

from trigger_facade import ConfigurationError, InvalidInputError, TriggerClient
from trigger_facade._options import trace_headers

from .harness import KEY, Recorder, call, make_client, ok, without_automatic_key

TRIGGER = ("POST", "/api/v1/tasks/my-task/trigger")


@pytest.mark.parametrize(
    ("environ", "branch"),
    [
        ({"TRIGGER_DEV_BRANCH": "feature-x"}, "feature-x"),
        ({"TRIGGER_DEV_BRANCH": "default"}, None),
        ({"VERCEL_GIT_COMMIT_REF": "vercel", "TRIGGER_DEV_BRANCH": "dev"}, "vercel"),
        ({"TRIGGER_PREVIEW_BRANCH": "preview", "TRIGGER_DEV_BRANCH": "dev"}, "preview"),
        ({"TRIGGER_PREVIEW_BRANCH": "default", "TRIGGER_DEV_BRANCH": "dev"}, None),
    ],
)
def test_the_branch_comes_from_the_sdks_variables_in_its_order(
    mode: str, environ: dict[str, str], branch: str | None
) -> None:
    rec = Recorder({TRIGGER: ok({"id": "run_1"})})
    client = make_client(mode, rec, environ=environ)
    assert client.config.preview_branch == branch
    call(client, "tasks.trigger", "my-task")
    assert rec.last.headers.get("x-trigger-branch") == branch


def test_trigger_version_pins_every_trigger_without_its_own(mode: str) -> None:
    rec = Recorder(
        {
            TRIGGER: ok({"id": "run_1"}),
            ("POST", "/api/v3/batches"): ok({"id": "batch_1", "runCount": 1, "isCached": False}),
            ("POST", "/api/v3/batches/batch_1/items"): ok(
                {"id": "batch_1", "itemsAccepted": 1, "itemsDeduplicated": 0, "sealed": True}
            ),
        }
    )
    client = make_client(
        mode, rec, environ={"TRIGGER_VERSION": "20250101.1", "TRIGGER_EXTERNAL_DEPLOYMENT_ID": " dep_1 "}
    )
    call(client, "tasks.trigger", "my-task")
    options = without_automatic_key(rec.json()["options"])
    assert options == {
        "payloadType": "application/json",
        "payloadSize": 0,
        "lockToVersion": "20250101.1",
        "externalDeploymentId": "dep_1",
    }
    # SDK order: lockToVersion, externalDeploymentId come after region and before debounce
    assert list(rec.json()["options"])[-2:] == ["lockToVersion", "externalDeploymentId"]
    call(client, "tasks.trigger", "my-task", version="20250202.2", external_deployment_id="dep_2")
    assert rec.json()["options"]["lockToVersion"] == "20250202.2"
    assert rec.json()["options"]["externalDeploymentId"] == "dep_2"
    call(client, "tasks.batch_trigger", "my-task", [{"payload": 1}])
    line = rec.last.content.decode().splitlines()[0]
    assert '"lockToVersion":"20250101.1","externalDeploymentId":"dep_1"' in line


def test_an_explicit_version_beats_the_environment(mode: str) -> None:
    client = make_client(mode, Recorder(), version="v-arg", environ={"TRIGGER_VERSION": "v-env"})
    assert client.config.version == "v-arg"


def test_an_empty_external_deployment_id_is_left_out(mode: str) -> None:
    rec = Recorder({TRIGGER: ok({"id": "run_1"})})
    call(make_client(mode, rec), "tasks.trigger", "my-task", external_deployment_id="  ")
    assert "externalDeploymentId" not in rec.json()["options"]
    with pytest.raises(InvalidInputError, match="external_deployment_id must be a string"):
        call(make_client(mode, rec), "tasks.trigger", "my-task", external_deployment_id=5)


def test_extra_headers_go_on_every_request_of_the_copy_only(mode: str) -> None:
    rec = Recorder({TRIGGER: ok({"id": "run_1"})})
    client = make_client(mode, rec)
    copy = client.with_options(
        extra_headers={"x-request-id": "abc", "Authorization": "Bearer nope", "x-trigger-api-version": "1999"},
        max_retries=0,
    )
    call(copy, "tasks.trigger", "my-task")
    sent = rec.last.headers
    assert sent["x-request-id"] == "abc"
    # the client's own headers are never replaced (the SDK's rule for additionalHeaders)
    assert sent["authorization"] == f"Bearer {KEY}"
    assert sent["x-trigger-api-version"] == "2025-07-16"
    assert copy.retry_policy.max_retries == 0
    call(client, "tasks.trigger", "my-task")
    assert "x-request-id" not in rec.last.headers


def test_per_call_retries_and_timeout(mode: str) -> None:
    answers = [httpx.Response(500, json={"error": "boom"}), ok({"id": "run_1"})]
    rec = Recorder({TRIGGER: answers})
    client = make_client(mode, rec)
    with pytest.raises(Exception, match="boom"):
        call(client.with_options(max_retries=0, timeout=3), "tasks.trigger", "my-task", idempotency_key="k")
    assert len(rec.requests) == 1
    assert rec.last.extensions["trigger_facade.attempt_timeout"] == 3.0


@pytest.mark.parametrize("bad", [{"bad header": "x"}, {"x-ok": "line\nbreak"}, ["x"]])
def test_bad_extra_headers_are_refused(bad: Any) -> None:
    client = TriggerClient(secret_key=KEY, environ={}, transport=httpx.MockTransport(Recorder()))
    with pytest.raises(ConfigurationError, match="extra_headers"):
        client.with_options(extra_headers=bad)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.parametrize(
    ("kwargs", "hashed"),
    [
        ({}, sha("order-1")),
        ({"scope": "global"}, sha("order-1")),
        ({"scope": "run", "parent_run_id": "run_9"}, sha("order-1-run_9")),
        ({"scope": "attempt", "parent_run_id": "run_9", "attempt_number": 2}, sha("order-1-run_9-2")),
    ],
)
def test_reset_hashes_the_key_in_its_scope(mode: str, kwargs: dict[str, Any], hashed: str) -> None:
    rec = Recorder({("POST", f"/api/v1/idempotencyKeys/{hashed}/reset"): ok({"id": "run_1"})})
    assert call(make_client(mode, rec), "idempotency_keys.reset", "my-task", "order-1", **kwargs) is True
    assert [r.url.path for r in rec.requests] == [f"/api/v1/idempotencyKeys/{hashed}/reset"]


def test_reset_of_a_64_character_key_falls_back_to_its_hash(mode: str) -> None:
    key = "k" * 64
    scoped = sha(f"{key}-run_9")
    rec = Recorder({("POST", f"/api/v1/idempotencyKeys/{scoped}/reset"): ok({"id": "run_1"})})
    result = call(make_client(mode, rec), "idempotency_keys.reset", "t", key, scope="run", parent_run_id="run_9")
    assert result is True
    assert [r.url.path.rsplit("/", 2)[1] for r in rec.requests] == [key, scoped]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"scope": "run"}, "needs parent_run_id"),
        ({"scope": "attempt", "parent_run_id": "run_9"}, "needs attempt_number"),
        ({"scope": "forever"}, "must be 'run', 'attempt' or 'global'"),
    ],
)
def test_reset_refuses_an_incomplete_scope(mode: str, kwargs: dict[str, Any], message: str) -> None:
    rec = Recorder()
    with pytest.raises(InvalidInputError, match=message):
        call(make_client(mode, rec), "idempotency_keys.reset", "my-task", "order-1", **kwargs)
    assert rec.requests == []


@pytest.fixture
def tracer() -> Any:
    from opentelemetry.sdk.trace import TracerProvider

    return TracerProvider().get_tracer("tests")


def test_trigger_carries_the_current_span(mode: str, tracer: Any) -> None:
    rec = Recorder({TRIGGER: ok({"id": "run_1"})})
    client = make_client(mode, rec)
    with tracer.start_as_current_span("checkout") as span:
        context = span.get_span_context()
        call(client, "tasks.trigger", "my-task")
    expected = f"00-{context.trace_id:032x}-{context.span_id:016x}-{int(context.trace_flags):02x}"
    assert rec.last.headers["traceparent"] == expected
    call(client, "tasks.trigger", "my-task")  # no current span: nothing added
    assert "traceparent" not in rec.last.headers


def test_without_opentelemetry_nothing_changes(mode: str, monkeypatch: pytest.MonkeyPatch, tracer: Any) -> None:
    import sys

    from trigger_facade import _options

    monkeypatch.setitem(sys.modules, "opentelemetry.propagate", None)  # as if not installed
    _options._propagator.cache_clear()
    try:
        assert trace_headers() == {}
        rec = Recorder({TRIGGER: ok({"id": "run_1"})})
        with tracer.start_as_current_span("checkout"):
            call(make_client(mode, rec), "tasks.trigger", "my-task")
        assert "traceparent" not in rec.last.headers
    finally:
        monkeypatch.undo()
        _options._propagator.cache_clear()


CLAIMS_HEADER = '{"sub":"env_1234","pub":true,"scopes":["write:waitpoints:waitpoint_1"]}'


def test_a_waitpoint_token_without_jwt_gets_the_sdk_fallback(mode: str) -> None:
    from datetime import UTC, datetime

    from trigger_facade import public_tokens as pt

    answer = {"id": "waitpoint_1", "url": "https://api.trigger.dev/x", "isCached": False}
    rec = Recorder({("POST", "/api/v1/waitpoints/tokens"): ok(answer, headers={"x-trigger-jwt-claims": CLAIMS_HEADER})})
    client = make_client(mode, rec)
    token = call(client, "waitpoints.create_token")
    now = datetime.fromtimestamp(client._state.clock.now(), UTC)
    claims = pt.decode_and_verify(token.public_access_token, KEY, now=now)
    assert claims["scopes"] == ["write:waitpoints:waitpoint_1"]
    assert claims["exp"] - claims["iat"] == 24 * 3600


def test_importing_the_package_stays_cheap_and_handles_load_on_use() -> None:
    import subprocess
    import sys

    code = (
        "import sys, trigger_facade as t\n"
        "heavy = ('trigger_api', 'trigger_facade.resources.tasks', 'opentelemetry')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "names = ('RunHandle', 'AsyncRunHandle', 'BatchHandle', 'AsyncBatchHandle')\n"
        "print(*(getattr(t, n).__module__ for n in names))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == [
        "[]",
        "trigger_facade.resources.tasks trigger_facade._async.tasks "
        "trigger_facade.resources._batching trigger_facade._async._batching",
    ]
