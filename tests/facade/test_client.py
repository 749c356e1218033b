"""Configuration, headers, errors and the client surface."""

from __future__ import annotations

import inspect
import json
import logging
from typing import Any

import httpx
import pytest

import trigger_facade
from trigger_facade import (
    APIStatusError,
    AsyncTriggerClient,
    AuthenticationError,
    ConfigurationError,
    ConflictError,
    InternalServerError,
    KeyKind,
    PermissionDeniedError,
    TriggerClient,
    UnprocessableEntityError,
)
from trigger_facade._config import API_VERSION, classify_key

from .harness import KEY, RUN, Recorder, call, make_client, ok


def test_explicit_arguments_beat_the_environment() -> None:
    env = {"TRIGGER_SECRET_KEY": "tr_prod_fromenvironmentxxxxxxxxx", "TRIGGER_API_URL": "https://env.example"}
    client = TriggerClient(secret_key=KEY, base_url="https://arg.example/", environ=env)
    assert client.config.credentials.key == KEY
    assert str(client.config.base_url) == "https://arg.example"


def test_environment_fills_what_arguments_leave_out() -> None:
    env = {
        "TRIGGER_ACCESS_TOKEN": "tr_pat_personal",
        "TRIGGER_API_URL": "https://self-hosted.example/",
        "TRIGGER_PROJECT_REF": "proj_1",
        "TRIGGER_PREVIEW_BRANCH": "feature-x",
    }
    client = TriggerClient(environ=env)
    assert client.config.credentials.kind is KeyKind.PERSONAL
    assert str(client.config.base_url) == "https://self-hosted.example"
    assert client.config.project_ref == "proj_1"
    assert client.config.preview_branch == "feature-x"


def test_secret_key_wins_over_access_token_in_the_environment() -> None:
    env = {"TRIGGER_SECRET_KEY": KEY, "TRIGGER_ACCESS_TOKEN": "tr_pat_x"}
    assert TriggerClient(environ=env).config.credentials.kind is KeyKind.ENVIRONMENT


def test_defaults() -> None:
    client = TriggerClient(secret_key=KEY, environ={})
    assert str(client.config.base_url) == "https://api.trigger.dev"
    assert client.config.timeout.read == 60.0
    assert client.config.timeout.connect == 5.0
    assert client.retry_policy.max_retries == 4


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "TRIGGER_SECRET_KEY"),
        ({"secret_key": "tr_preview_abcdefghijklmnopqrstuvwx"}, "needs a branch"),
        ({"secret_key": KEY, "base_url": "http://api.example.com"}, "plain HTTP"),
        ({"secret_key": KEY, "base_url": "ftp://api.example.com"}, "must be an http"),
        ({"secret_key": KEY, "timeout": 0}, "timeout=0"),
    ],
)
def test_configuration_errors_name_the_fix(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        TriggerClient(environ={}, **kwargs)


def test_default_branch_means_no_branch() -> None:
    client = TriggerClient(secret_key=KEY, preview_branch="default", environ={})
    assert client.config.preview_branch is None


@pytest.mark.parametrize("url", ["http://localhost:3030", "http://127.0.0.1:8080", "http://[::1]:9000"])
def test_plain_http_is_fine_on_loopback(url: str) -> None:
    assert TriggerClient(secret_key=KEY, base_url=url, environ={}).config.base_url.scheme == "http"


def test_plain_http_elsewhere_needs_an_explicit_opt_in() -> None:
    client = TriggerClient(secret_key=KEY, base_url="http://trigger.internal", allow_insecure_http=True, environ={})
    assert client.config.base_url.host == "trigger.internal"


@pytest.mark.parametrize(
    ("key", "kind", "env"),
    [
        ("tr_dev_abc", KeyKind.ENVIRONMENT, "dev"),
        ("tr_stg_abc", KeyKind.ENVIRONMENT, "stg"),
        ("tr_prod_sk_abcdefghijklmnopqrstuvwx", KeyKind.ENVIRONMENT, "prod"),
        ("tr_preview_abc", KeyKind.ENVIRONMENT, "preview"),
        ("tr_pat_abc", KeyKind.PERSONAL, None),
        ("tr_uat_abc", KeyKind.PERSONAL, None),
        ("tr_oat_abc", KeyKind.ORGANIZATION, None),
        ("pk_dev_abc", KeyKind.PUBLIC, None),
        ("eyJhbGciOi.eyJzdWIi.sig", KeyKind.PUBLIC, None),
        ("something_else", KeyKind.UNKNOWN, None),
    ],
)
def test_key_kinds(key: str, kind: KeyKind, env: str | None) -> None:
    assert classify_key(key) == (kind, env)


def test_headers_on_the_wire(mode: str) -> None:
    rec = Recorder({("GET", "/api/v3/runs/run_1"): ok(RUN)})
    call(make_client(mode, rec, preview_branch="feature-x"), "runs.retrieve", "run_1")
    headers = rec.last.headers
    assert headers["authorization"] == f"Bearer {KEY}"
    assert headers["x-trigger-api-version"] == API_VERSION == "2025-07-16"
    assert headers["x-trigger-branch"] == "feature-x"
    assert headers["user-agent"].startswith(f"trigger-facade/{trigger_facade.__version__} python/")
    assert len(headers["x-trigger-request-idempotency-key"]) == 36
    assert "content-type" not in headers


def test_no_branch_header_without_a_branch(mode: str) -> None:
    rec = Recorder({("GET", "/api/v3/runs/run_1"): ok(RUN)})
    call(make_client(mode, rec), "runs.retrieve", "run_1")
    assert "x-trigger-branch" not in rec.last.headers


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, trigger_facade.BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, trigger_facade.NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, trigger_facade.RateLimitError),
        (500, InternalServerError),
        (503, InternalServerError),
        (418, APIStatusError),
    ],
)
def test_status_codes_map_to_exception_classes(mode: str, status: int, cls: type[APIStatusError]) -> None:
    body = {"error": "the server's words", "details": [{"code": "x"}]}
    rec = Recorder({("GET", "/api/v3/runs/run_1"): ok(body, status=status, headers={"x-request-id": "req_1"})})
    with pytest.raises(cls) as info:
        call(make_client(mode, rec, max_retries=0), "runs.retrieve", "run_1")
    error = info.value
    assert type(error) is cls
    assert error.status_code == status
    assert error.body == body
    assert error.headers["x-request-id"] == "req_1"
    assert error.request_id == "req_1"
    assert str(error) == "the server's words"
    assert KEY not in str(error) + repr(error)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html>Bad Gateway</html>", "502 <html>Bad Gateway</html>"),
        (b"", "502 status code (no body)"),
        (json.dumps({"error": {"message": "nested"}}).encode(), "nested"),
    ],
)
def test_error_messages_from_odd_bodies(mode: str, content: bytes, message: str) -> None:
    rec = Recorder({("GET", "/api/v3/runs/run_1"): httpx.Response(502, content=content)})
    with pytest.raises(InternalServerError) as info:
        call(make_client(mode, rec, max_retries=0), "runs.retrieve", "run_1")
    assert str(info.value) == message


def test_repr_never_shows_the_key() -> None:
    client = TriggerClient(secret_key=KEY, environ={})
    text = repr(client) + str(client) + repr(client.config) + repr(client.config.credentials) + repr(client.raw)
    assert KEY not in text
    assert "tr_dev_…" in repr(client)


def test_context_managers_close_the_connections() -> None:
    with TriggerClient(secret_key=KEY, environ={}) as client:
        pass
    assert client._http.is_closed


async def test_async_context_manager() -> None:
    async with AsyncTriggerClient(secret_key=KEY, environ={}) as client:
        pass
    assert client._http.is_closed


def test_with_options_shares_connections_and_changes_settings() -> None:
    client = TriggerClient(secret_key=KEY, environ={})
    copy = client.with_options(max_retries=0, timeout=5, project_ref="proj_2")
    assert copy._http is client._http
    assert copy.retry_policy.max_retries == 0
    assert copy.config.timeout.read == 5.0
    assert copy.config.project_ref == "proj_2"
    assert client.retry_policy.max_retries == 4
    copy.close()
    assert not client._http.is_closed


def test_with_options_keeps_earlier_changes_when_making_a_new_client() -> None:
    client = TriggerClient(secret_key=KEY, environ={})
    chained = client.with_options(timeout=7, project_ref="proj_7").with_options(preview_branch="b1")
    assert chained.config.timeout.read == 7.0
    assert chained.config.project_ref == "proj_7"
    assert chained.config.preview_branch == "b1"


def test_with_options_new_key_makes_a_new_client() -> None:
    client = TriggerClient(secret_key=KEY, environ={})
    other = client.with_options(secret_key="tr_prod_abcdefghijklmnopqrstuvwx")
    assert other._http is not client._http
    assert other.config.credentials.environment == "prod"
    with pytest.raises(TypeError, match="unexpected"):
        client.with_options(colour="red")


def test_raw_client_calls_any_generated_endpoint_with_our_headers_and_retries() -> None:
    from trigger_api.api.query import get_query_schema_v1

    rec = Recorder({("GET", "/api/v1/query/schema"): [ok({}, status=503), ok({"tables": []})]})
    client = make_client("sync", rec)
    assert isinstance(client, TriggerClient)
    response = get_query_schema_v1.sync_detailed(client=client.raw)
    assert response.status_code == 200
    assert len(rec.requests) == 2
    assert rec.last.headers["authorization"] == f"Bearer {KEY}"
    assert (
        rec.requests[0].headers["x-trigger-request-idempotency-key"]
        == rec.last.headers["x-trigger-request-idempotency-key"]
    )


def test_async_twins_have_the_same_public_methods_and_signatures() -> None:
    from trigger_facade._async import batch, runs, tasks
    from trigger_facade.resources import batch as sync_batch
    from trigger_facade.resources import runs as sync_runs
    from trigger_facade.resources import tasks as sync_tasks

    pairs = [
        (sync_runs.Runs, runs.AsyncRuns),
        (sync_tasks.Tasks, tasks.AsyncTasks),
        (sync_batch.Batch, batch.AsyncBatch),
    ]
    for sync_cls, async_cls in pairs:
        public = [n for n in dir(sync_cls) if not n.startswith("_")]
        assert public == [n for n in dir(async_cls) if not n.startswith("_")]
        for name in public:
            sync_params = list(inspect.signature(getattr(sync_cls, name)).parameters)
            assert sync_params == list(inspect.signature(getattr(async_cls, name)).parameters), name


def test_importing_the_package_does_not_import_generated_modules() -> None:
    import subprocess
    import sys

    code = "import sys, trigger_facade; print(any(m.startswith('trigger_api') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_no_secret_in_debug_logs(mode: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    rec = Recorder({("GET", "/api/v3/runs/run_1"): [ok({}, status=500), ok(RUN)]})
    call(make_client(mode, rec), "runs.retrieve", "run_1")
    assert "retrying GET /api/v3/runs/run_1 after status 500" in caplog.text
    assert KEY not in caplog.text


def test_public_names() -> None:
    assert set(trigger_facade.__all__) >= {
        "TriggerClient",
        "AsyncTriggerClient",
        "idempotency_keys",
        "parse_duration",
        "TriggerError",
        "APIError",
        "APIConnectionError",
        "APITimeoutError",
        "APIStatusError",
        "RateLimitError",
    }
    for name in trigger_facade.__all__:
        assert hasattr(trigger_facade, name), name


def test_with_options_copies_keep_the_proxy_routes() -> None:
    env = {"HTTPS_PROXY": "http://127.0.0.1:3128", "NO_PROXY": "internal.example"}
    client = TriggerClient(secret_key=KEY, environ=env)
    shared = client.with_options(timeout=5)
    headed = client.with_options(extra_headers={"x-request-id": "r1"})
    rebuilt = client.with_options(secret_key="tr_prod_abcdefghijklmnopqrstuvwx")
    assert set(client._mounts) >= {"https://", "all://*internal.example"}
    assert shared._mounts is headed._mounts is client._mounts
    for copy in (shared, headed, rebuilt):
        routed: Any = copy._http._transport_for_url(httpx.URL("https://api.trigger.dev/x"))
        assert routed is copy._mounts["https://"]
        assert copy._http._transport_for_url(httpx.URL("https://internal.example/x")) is copy._transport
