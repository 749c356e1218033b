"""The key stays secret; credentials never leave the API's origin; ids never escape their segment."""

from __future__ import annotations

import asyncio
import logging
import string
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trigger_facade import (
    APIConnectionError,
    APIStatusError,
    AsyncTriggerClient,
    ConfigurationError,
    QueueRef,
    TriggerClient,
)
from trigger_facade.testing import FakeClock

from ..facade.harness import RUN, Recorder, call, make_client, ok

ALNUM = string.ascii_letters + string.digits
keys = st.builds(
    lambda prefix, body: prefix + body,
    st.sampled_from(["tr_dev_", "tr_prod_", "tr_stg_", "tr_prod_sk_", "tr_pat_", "tr_oat_"]),
    st.text(alphabet=ALNUM, min_size=24, max_size=40),
)


def _everything_printable(client: Any, errors: list[BaseException]) -> str:
    parts = [repr(client), str(client), repr(client.config), repr(client.raw), repr(client.retry_policy)]
    for error in errors:
        parts += [str(error), repr(error), repr(error.args)]
        if isinstance(error, APIStatusError):
            parts += [repr(error.headers), repr(error.body), str(error.response.request.url)]
    return "\n".join(parts)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=keys)
def test_generated_keys_never_show_in_reprs_errors_or_debug_logs(key: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.clear()
    caplog.set_level(logging.DEBUG)
    answers: dict[tuple[str, str], Any] = {
        ("GET", "/api/v3/runs/run_1"): [
            ok({"error": "boom"}, status=500),
            ok({"error": "Invalid API Key"}, status=401),
        ],
        ("GET", "/api/v1/projects/p/runs"): ok({"error": "nope"}, status=403),
    }

    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    answers[("POST", "/api/v1/tasks/t/trigger")] = refused
    client: Any = make_client("sync", Recorder(answers), secret_key=key, project_ref="p")
    errors: list[BaseException] = []
    for action in (
        lambda: client.runs.retrieve("run_1"),
        lambda: list(client.runs.list(project_ref="p", env="dev")),
        lambda: client.tasks.trigger("t", 1),
        lambda: TriggerClient(secret_key=key, base_url="http://insecure.example", environ={}),
    ):
        try:
            action()
        except (APIStatusError, APIConnectionError, ConfigurationError) as exc:
            errors.append(exc)
    assert errors
    assert key not in _everything_printable(client, errors)
    assert key not in caplog.text
    assert key[7:] not in caplog.text


def test_async_client_reprs_hide_the_key() -> None:
    key = "tr_prod_" + "Z" * 24
    client = AsyncTriggerClient(secret_key=key, environ={})
    assert key not in repr(client) + str(client) + repr(client.raw) + repr(client._http._transport)
    asyncio.run(client.close())


def test_handles_do_not_print_their_tokens() -> None:
    rec = Recorder(
        {("POST", "/api/v1/tasks/t/trigger"): ok({"id": "run_1"}, headers={"x-trigger-jwt": "secret.jwt.value"})}
    )
    handle = call(make_client("sync", rec), "tasks.trigger", "t", 1)
    assert handle.public_access_token == "secret.jwt.value"
    assert "secret.jwt.value" not in repr(handle) + str(handle)


NASTY_IDS = ["a/b", "../etc", "x?y=1", "frag#ment", "100%", "sp ace", "ünï/çødé", "a/..", "..x", "a%2Fb"]


def _resource_calls(value: str, *, queues: bool = True) -> list[tuple[str, str, tuple[Any, ...], dict[str, Any]]]:
    """(method, dotted call, args, kwargs) for every resource method that puts `value` in the path."""
    queue_calls: list[tuple[str, str, tuple[Any, ...], dict[str, Any]]] = []
    if queues:
        queue_calls = [
            ("GET", "queues.retrieve", (QueueRef.custom(value),), {}),
            ("POST", "queues.pause", (QueueRef.task(value),), {}),
        ]
    return [
        *queue_calls,
        ("GET", "runs.retrieve", (value,), {}),
        ("POST", "runs.cancel", (value,), {}),
        ("POST", "runs.replay", (value,), {}),
        ("POST", "runs.reschedule", (value,), {"delay": "1h"}),
        ("POST", "runs.add_tags", (value, ["t"]), {}),
        ("PUT", "runs.update_metadata", (value, {}), {}),
        ("GET", "runs.retrieve_metadata", (value,), {}),
        ("GET", "runs.events", (value,), {}),
        ("GET", "runs.trace", (value,), {}),
        ("GET", "runs.result", (value,), {}),
        ("POST", "tasks.trigger", (value, 1), {}),
        ("GET", "batch.retrieve", (value,), {}),
        ("GET", "batch.results", (value,), {}),
        ("GET", "schedules.retrieve", (value,), {}),
        ("DELETE", "schedules.delete", (value,), {}),
        ("POST", "schedules.activate", (value,), {}),
        ("GET", "envvars.retrieve", (value.replace("=", ""),), {"env": "dev"}),
        ("DELETE", "envvars.delete", (value.replace("=", ""),), {"env": "dev"}),
        ("GET", "waitpoints.retrieve_token", (value,), {}),
        ("POST", "waitpoints.complete_token", (value, {}), {}),
        ("GET", "deployments.retrieve", (value,), {}),
        ("POST", "deployments.promote", (value,), {}),
        ("GET", "bulk_actions.retrieve", (value,), {}),
        ("POST", "bulk_actions.abort", (value,), {}),
        ("POST", "idempotency_keys.reset", ("task", value), {}),
    ]


@pytest.mark.parametrize("value", NASTY_IDS)
def test_ids_stay_inside_one_path_segment_for_every_resource(value: str) -> None:
    seen: list[httpx.Request] = []

    def anything(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(599, json={"error": "stop here"}, headers={"x-should-retry": "false"})

    client = TriggerClient(
        secret_key="tr_dev_" + "k" * 24, project_ref="p", transport=httpx.MockTransport(anything), environ={}
    )
    for method, dotted, args, kwargs in _resource_calls(value):
        seen.clear()
        with pytest.raises(APIStatusError):
            call(client, dotted, *args, **kwargs)
        (request,) = seen
        assert request.method == method, dotted
        raw_path = request.url.raw_path.split(b"?")[0].decode()
        segments = raw_path.split("/")
        # every segment is a plain name or fully percent-encoded; none is "." or ".."
        assert ".." not in segments, (dotted, raw_path)
        assert "?" not in raw_path, (dotted, raw_path)
        assert "#" not in raw_path, (dotted, raw_path)
        assert " " not in raw_path, (dotted, raw_path)
        from urllib.parse import unquote

        decoded = [unquote(s) for s in segments]
        expected = value.replace("/", "%2F") if dotted.startswith("queues.") else value
        if dotted.startswith("envvars."):
            expected = value.replace("=", "")
        if dotted == "idempotency_keys.reset":
            continue  # the key is hashed: a 64-character hex segment
        assert expected in decoded, (dotted, raw_path)


def test_presigned_and_foreign_hosts_never_get_the_key() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return ok(RUN)

    client = TriggerClient(secret_key="tr_dev_" + "k" * 24, transport=httpx.MockTransport(handler), environ={})
    for url in (
        "https://evil.example.com/api/v3/runs/x",
        "http://api.trigger.dev/api/v3/runs/x",
        "https://api.trigger.dev:8443/x",
    ):
        client._http.get(url)
    client._http.get("/api/v3/runs/x")
    assert [("authorization" in r.headers) for r in seen] == [False, False, False, True]


def test_redirects_are_not_followed() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.host == "api.trigger.dev":
            return httpx.Response(302, headers={"location": "https://collector.example.com/steal"})
        return ok(RUN)

    client = TriggerClient(
        secret_key="tr_dev_" + "k" * 24, transport=httpx.MockTransport(handler), environ={}, clock=FakeClock()
    )
    with pytest.raises(APIStatusError) as info:
        client.runs.retrieve("run_1")
    assert info.value.status_code == 302
    assert seen == ["https://api.trigger.dev/api/v3/runs/run_1"]


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("http://api.trigger.example", False),
        ("http://10.0.0.5:3030", False),
        ("http://localhost:3030", True),
        ("http://127.0.0.1:3030", True),
        ("https://trigger.internal", True),
    ],
)
def test_plain_http_only_on_loopback_unless_allowed(url: str, allowed: bool) -> None:
    if allowed:
        assert str(TriggerClient(secret_key="tr_dev_x", base_url=url, environ={}).config.base_url) == url
    else:
        with pytest.raises(ConfigurationError, match="allow_insecure_http"):
            TriggerClient(secret_key="tr_dev_x", base_url=url, environ={})
        opted_in = TriggerClient(secret_key="tr_dev_x", base_url=url, allow_insecure_http=True, environ={})
        assert str(opted_in.config.base_url) == url


@pytest.mark.parametrize("value", [".", ".."])
def test_dot_segments_are_refused_before_any_request(value: str) -> None:
    from trigger_facade import InvalidInputError

    rec = Recorder()
    client = make_client("sync", rec, project_ref="p")
    for _, dotted, args, kwargs in _resource_calls(value, queues=False):
        if dotted == "idempotency_keys.reset":
            continue
        with pytest.raises(InvalidInputError, match="path step"):
            call(client, dotted, *args, **kwargs)
    for make in (QueueRef.task, QueueRef.custom):
        with pytest.raises(InvalidInputError, match="path step"):
            make(value)
    assert rec.requests == []
