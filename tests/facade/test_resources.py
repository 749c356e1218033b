"""Schedules, env vars, queues, waitpoints, query, deployments, bulk actions, packets (sync and async)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from trigger_facade import BadRequestError, ConfigurationError, InvalidInputError, QueueRef
from trigger_facade.types import (
    AbortBulkActionResponse,
    CreateBulkActionResponse,
    DeleteScheduleResponse,
    Deployment,
    DeploymentListItem,
    PromoteDeploymentResult,
    SucceedResponse,
)

from .harness import KEY, RUN, Recorder, call, collect, make_client, ok, without_automatic_key

SCHEDULE: dict[str, Any] = {
    "id": "sched_1",
    "task": "t",
    "type": "IMPERATIVE",
    "active": True,
    "generator": {"type": "CRON", "expression": "0 9 * * *", "description": "At 09:00"},
    "timezone": "Europe/Paris",
    "environments": [{"id": "env_1", "type": "DEVELOPMENT", "userName": None}],
    "nextRun": None,
    "nextRunEffectiveAt": None,
    "externalId": None,
    "deduplicationKey": "k",
}
QUEUE: dict[str, Any] = {
    "id": "queue_1",
    "name": "q",
    "type": "custom",
    "running": 0,
    "queued": 2,
    "paused": False,
    "concurrencyLimit": None,
    "concurrency": {"current": None, "base": None, "override": None, "overriddenAt": None, "overriddenBy": None},
}


def test_schedule_create_update_and_simple_calls(mode: str) -> None:
    rec = Recorder(
        {
            ("POST", "/api/v1/schedules"): ok(SCHEDULE),
            ("PUT", "/api/v1/schedules/sched_1"): ok(SCHEDULE),
            ("GET", "/api/v1/schedules/sched_1"): ok(SCHEDULE),
            ("DELETE", "/api/v1/schedules/sched_1"): ok({"id": "sched_1"}),
            ("POST", "/api/v1/schedules/sched_1/activate"): ok(SCHEDULE),
            ("POST", "/api/v1/schedules/sched_1/deactivate"): ok({**SCHEDULE, "active": False}),
        }
    )
    client = make_client(mode, rec)
    created = call(
        client,
        "schedules.create",
        task="t",
        cron="0 9 * * *",
        deduplication_key="k",
        timezone="Europe/Paris",
        external_id="team-1",
    )
    assert created.id == "sched_1"
    assert rec.json() == {
        "task": "t",
        "cron": "0 9 * * *",
        "timezone": "Europe/Paris",
        "externalId": "team-1",
        "deduplicationKey": "k",
    }
    call(client, "schedules.update", "sched_1", task="t", cron="*/5 * * * *", window="30m")
    assert rec.json() == {"task": "t", "cron": "*/5 * * * *", "window": "30m"}
    assert call(client, "schedules.retrieve", "sched_1").timezone == "Europe/Paris"
    deleted = call(client, "schedules.delete", "sched_1")
    assert isinstance(deleted, DeleteScheduleResponse)
    assert deleted.id == "sched_1"
    assert rec.last.method == "DELETE"
    assert call(client, "schedules.activate", "sched_1").active is True
    assert call(client, "schedules.deactivate", "sched_1").active is False


def test_schedules_list_walks_offset_pages(mode: str) -> None:
    def page(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params.get("page", "1"))
        pagination = {"currentPage": number, "totalPages": 3, "count": 3}
        return ok({"data": [{**SCHEDULE, "id": f"s{number}"}], "pagination": pagination})

    rec = Recorder({("GET", "/api/v1/schedules"): page})
    items = collect(make_client(mode, rec), "schedules.list", per_page=1)
    assert [s.id for s in items] == ["s1", "s2", "s3"]
    assert [dict(r.url.params) for r in rec.requests] == [
        {"perPage": "1"},
        {"page": "2", "perPage": "1"},
        {"page": "3", "perPage": "1"},
    ]


def test_timezones_go_without_the_key(mode: str) -> None:
    rec = Recorder({("GET", "/api/v1/timezones"): ok({"timezones": ["UTC", "Europe/Paris"]})})
    assert call(make_client(mode, rec), "schedules.timezones", exclude_utc=True) == ["UTC", "Europe/Paris"]
    assert "authorization" not in rec.last.headers
    assert dict(rec.last.url.params) == {"excludeUtc": "true"}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"cron": "0 9 * *"}, "cron='0 9 \\* \\*' must have 5 fields"),
        ({"window": "25h"}, "window='25h'"),
        ({"window": "101%"}, "window='101%'"),
        ({"window": "05m"}, "window='05m'"),
        ({"task": ""}, "task must be a non-empty string"),
        ({"deduplication_key": ""}, "deduplication_key"),
    ],
)
def test_schedule_bad_input(mode: str, kwargs: dict[str, Any], message: str) -> None:
    rec = Recorder()
    args = {"task": "t", "cron": "0 9 * * *", "deduplication_key": "k", **kwargs}
    with pytest.raises(InvalidInputError, match=message):
        call(make_client(mode, rec), "schedules.create", **args)
    assert rec.requests == []


ENV = "/api/v1/projects/proj_1/envvars/dev"


def test_envvars_every_call(mode: str) -> None:
    rec = Recorder(
        {
            ("GET", ENV): ok([{"name": "A", "value": "1", "isSecret": False}]),
            ("POST", ENV): ok({"success": True}),
            ("GET", ENV + "/MY VAR/x"): ok({"value": "v", "name": "MY VAR/x", "isSecret": False}),
            ("PUT", ENV + "/A"): ok({"success": True}),
            ("DELETE", ENV + "/A"): ok({"success": True}),
            ("POST", ENV + "/import"): ok({"success": True}),
        }
    )
    client = make_client(mode, rec, project_ref="proj_1")
    assert [v.name for v in call(client, "envvars.list", env="dev")] == ["A"]
    retrieved = call(client, "envvars.retrieve", "MY VAR/x", env="dev")
    assert (retrieved.name, retrieved.value, retrieved.is_secret) == ("MY VAR/x", "v", False)
    # the SDK leaves names unencoded (one path segment too many); here they stay one segment
    assert rec.last.url.raw_path == b"/api/v1/projects/proj_1/envvars/dev/MY%20VAR%2Fx"
    assert call(client, "envvars.create", "B", "2", env="dev", is_secret=True) == SucceedResponse(success=True)
    assert rec.json() == {"name": "B", "value": "2", "isSecret": True}
    assert call(client, "envvars.update", "A", "3", env="dev") == SucceedResponse(success=True)
    assert rec.json() == {"value": "3"}
    assert call(client, "envvars.delete", "A", env="dev") == SucceedResponse(success=True)
    assert rec.last.method == "DELETE"
    assert call(client, "envvars.upload", {"A": "1", "B": "2"}, env="dev", override=True).success is True
    assert rec.json() == {"variables": {"A": "1", "B": "2"}, "override": True}


def test_envvars_with_a_personal_token_reach_any_environment(mode: str) -> None:
    rec = Recorder({("GET", "/api/v1/projects/proj_9/envvars/prod"): ok([])})
    client = make_client(mode, rec, secret_key="tr_pat_abcdef")
    assert call(client, "envvars.list", env="prod", project_ref="proj_9") == []
    assert rec.last.headers["authorization"] == "Bearer tr_pat_abcdef"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"env": "production"}, InvalidInputError, "env='production' must be one of"),
        ({"env": "prod"}, ConfigurationError, "does not match this client's dev key"),
        ({"env": "dev", "project_ref": None}, ConfigurationError, "needs a project ref"),
    ],
)
def test_envvars_bad_targets(mode: str, kwargs: dict[str, Any], error: type[Exception], message: str) -> None:
    rec = Recorder()
    client = make_client(mode, rec, project_ref=None)
    args = {"project_ref": "proj_1", **kwargs}
    with pytest.raises(error, match=message):
        call(client, "envvars.list", **args)
    assert rec.requests == []


def test_envvar_preview_needs_a_branch(mode: str) -> None:
    client = make_client(mode, Recorder(), secret_key="tr_pat_x", project_ref="p")
    with pytest.raises(ConfigurationError, match="branch"):
        call(client, "envvars.list", env="preview")


@pytest.mark.parametrize(
    ("variables", "message"),
    [({}, "non-empty dict"), ({"A": 1}, "variables\\['A'\\] must be a string"), ({"A=B": "x"}, "'='")],
)
def test_envvar_upload_bad_input(mode: str, variables: Any, message: str) -> None:
    rec = Recorder()
    with pytest.raises(InvalidInputError, match=message):
        call(make_client(mode, rec, project_ref="p"), "envvars.upload", variables, env="dev")
    assert rec.requests == []


@pytest.mark.parametrize(
    ("queue", "raw_path", "kind"),
    [
        ("queue_abc", b"/api/v1/queues/queue_abc", "id"),
        (QueueRef.task("my-task"), b"/api/v1/queues/my-task", "task"),
        (QueueRef.custom("a/b"), b"/api/v1/queues/a%252Fb", "custom"),
        (QueueRef.custom("my/queue name"), b"/api/v1/queues/my%252Fqueue%20name", "custom"),
    ],
)
def test_queue_identity_on_the_wire(mode: str, queue: Any, raw_path: bytes, kind: str) -> None:
    rec = Recorder()
    rec.routes[("GET", httpx.URL("http://x" + raw_path.decode()).path)] = ok(QUEUE)
    assert call(make_client(mode, rec), "queues.retrieve", queue).id == "queue_1"
    assert rec.last.url.raw_path == raw_path + b"?type=" + kind.encode()


def test_queue_pause_resume_and_concurrency(mode: str) -> None:
    base = "/api/v1/queues/queue_1"
    rec = Recorder(
        {
            ("POST", base + "/pause"): ok(QUEUE),
            ("POST", base + "/concurrency/override"): ok(QUEUE),
            ("POST", base + "/concurrency/reset"): ok(QUEUE),
            ("GET", base + "/metrics"): ok({"series": []}),
        }
    )
    client = make_client(mode, rec)
    call(client, "queues.pause", "queue_1")
    assert rec.json() == {"type": "id", "action": "pause"}
    call(client, "queues.resume", "queue_1")
    assert rec.json() == {"type": "id", "action": "resume"}
    call(client, "queues.override_concurrency_limit", "queue_1", 5)
    assert rec.json() == {"type": "id", "concurrencyLimit": 5}
    call(client, "queues.override_concurrency_limit", "queue_1", percent=50)
    assert rec.json() == {"type": "id", "percent": 50}
    call(client, "queues.reset_concurrency_limit", "queue_1")
    assert rec.json() == {"type": "id"}
    assert call(client, "queues.metrics", "queue_1").additional_properties == {"series": []}


def test_queue_list_pages(mode: str) -> None:
    rec = Recorder(
        {
            ("GET", "/api/v1/queues"): ok(
                {"data": [QUEUE], "pagination": {"currentPage": 1, "totalPages": 1, "count": 1}}
            )
        }
    )
    assert [q.id for q in collect(make_client(mode, rec), "queues.list", per_page=25)] == ["queue_1"]
    assert dict(rec.last.url.params) == {"perPage": "25"}


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (("my-queue",), {}, "neither a queue id"),
        ((42,), {}, "queue id string or a QueueRef"),
        (("queue_1",), {"limit": 5, "percent": 10}, "exactly one of limit"),
        (("queue_1",), {"limit": -1}, "limit=-1"),
        (("queue_1",), {"percent": 0}, "percent=0"),
        (("queue_1",), {"percent": 150}, "percent=150"),
    ],
)
def test_queue_bad_input(mode: str, args: tuple[Any, ...], kwargs: dict[str, Any], message: str) -> None:
    rec = Recorder()
    with pytest.raises(InvalidInputError, match=message):
        call(make_client(mode, rec), "queues.override_concurrency_limit", *args, **kwargs)
    assert rec.requests == []


TOKEN = {"id": "waitpoint_1", "url": "https://api.trigger.dev/api/v1/waitpoints/tokens/waitpoint_1/callback/abc"}


def test_waitpoint_tokens(mode: str) -> None:
    detail = {**TOKEN, "status": "COMPLETED", "tags": [], "createdAt": "2026-01-01T00:00:00Z"}
    rec = Recorder(
        {
            ("POST", "/api/v1/waitpoints/tokens"): ok({**TOKEN, "isCached": False}, headers={"x-trigger-jwt": "j"}),
            ("GET", "/api/v1/waitpoints/tokens/waitpoint_1"): ok(
                {**detail, "output": '{"json":{"approved":true}}', "outputType": "application/super+json"}
            ),
            ("POST", "/api/v1/waitpoints/tokens/waitpoint_1/complete"): ok({"success": True}),
            ("POST", "/api/v1/waitpoints/tokens/waitpoint_1/callback/abc"): ok({"success": True}),
            ("GET", "/api/v1/waitpoints/tokens"): ok({"data": [detail], "pagination": {}}),
        }
    )
    client = make_client(mode, rec)
    token = call(
        client, "waitpoints.create_token", timeout="1h", idempotency_key="k", idempotency_key_ttl="1h", tags=["t"]
    )
    assert (token.id, token.url, token.public_access_token) == ("waitpoint_1", TOKEN["url"], "j")
    # the waitpoint key is sent as given: the server does not expect a hash here
    assert rec.json() == {"idempotencyKey": "k", "idempotencyKeyTTL": "1h", "timeout": "1h", "tags": ["t"]}
    assert call(client, "waitpoints.retrieve_token", "waitpoint_1").output == {"approved": True}
    call(client, "waitpoints.complete_token", "waitpoint_1", {"approved": True})
    assert rec.json() == {"data": {"approved": True}}
    call(client, "waitpoints.complete_token_by_url", TOKEN["url"], {"ok": 1})
    assert rec.json() == {"ok": 1}
    assert "authorization" not in rec.last.headers
    tokens = collect(client, "waitpoints.list_tokens", status=["WAITING", "COMPLETED"], created_after=1700000000000)
    assert [t.id for t in tokens] == ["waitpoint_1"]
    assert dict(rec.last.url.params) == {
        "filter[status]": "WAITING,COMPLETED",
        "filter[createdAt][from]": "1700000000000",
    }


@pytest.mark.parametrize(
    ("method", "args", "kwargs", "message"),
    [
        ("create_token", (), {"timeout": "1 hour"}, "timeout='1 hour'"),
        ("create_token", (), {"tags": ["x"] * 11}, "at most 10"),
        ("create_token", (), {"idempotency_key_ttl": "1h"}, "needs an idempotency_key"),
        ("complete_token", ("",), {}, "token_id"),
        ("complete_token", ("w",), {"data": object()}, "data must be JSON-serializable"),
        ("complete_token_by_url", ("https://x/y",), {}, "not a waitpoint callback URL"),
        ("list_tokens", (), {"status": ["PENDING"]}, "unknown token statuses"),
    ],
)
def test_waitpoint_bad_input(
    mode: str, method: str, args: tuple[Any, ...], kwargs: dict[str, Any], message: str
) -> None:
    rec = Recorder()
    with pytest.raises(InvalidInputError, match=message):
        call(make_client(mode, rec), f"waitpoints.{method}", *args, **kwargs)
    assert rec.requests == []


def test_query_json_csv_and_errors(mode: str) -> None:
    answers = [
        ok({"format": "json", "results": [{"run_id": "run_1", "status": "COMPLETED"}]}),
        ok({"format": "csv", "results": "run_id\nrun_1\n"}),
        ok({"error": "Unknown column foo"}, status=400),
    ]
    rec = Recorder({("POST", "/api/v1/query"): answers})
    client = make_client(mode, rec)
    rows = call(client, "query.execute", "SELECT run_id, status FROM runs LIMIT 10", scope="environment", period="7d")
    assert rows == [{"run_id": "run_1", "status": "COMPLETED"}]
    assert rec.json() == {
        "query": "SELECT run_id, status FROM runs LIMIT 10",
        "scope": "environment",
        "format": "json",
        "period": "7d",
    }
    text = call(
        client, "query.execute", "SELECT run_id FROM runs", format="csv", from_=datetime(2026, 1, 1, tzinfo=UTC)
    )
    assert text == "run_id\nrun_1\n"
    assert rec.json()["from"] == "2026-01-01T00:00:00+00:00"
    with pytest.raises(BadRequestError, match="Unknown column foo"):
        call(client, "query.execute", "SELECT foo FROM runs")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"query": ""}, "non-empty TRQL"),
        ({"scope": "galaxy"}, "scope='galaxy'"),
        ({"format": "xml"}, "format='xml'"),
        ({"period": "1d", "to": "2026-01-01T00:00:00Z"}, "cannot be combined"),
        ({"from_": "yesterday"}, "ISO-8601"),
    ],
)
def test_query_bad_input(mode: str, kwargs: dict[str, Any], message: str) -> None:
    rec = Recorder()
    args = {"query": "SELECT 1", **kwargs}
    with pytest.raises(InvalidInputError, match=message):
        call(make_client(mode, rec), "query.execute", args.pop("query"), **args)
    assert rec.requests == []


DEPLOYMENT = {"id": "dep_1", "status": "DEPLOYED", "shortCode": "abc", "version": "20250101.1", "contentHash": "h"}
DEPLOYMENT_ITEM = {
    "id": "dep_1",
    "createdAt": "2026-01-01T00:00:00Z",
    "shortCode": "abc",
    "version": "20250101.1",
    "status": "DEPLOYED",
}


def test_deployments(mode: str) -> None:
    rec = Recorder(
        {
            ("GET", "/api/v1/deployments"): ok({"data": [DEPLOYMENT_ITEM], "pagination": {}}),
            ("GET", "/api/v1/deployments/dep_1"): ok(DEPLOYMENT),
            ("GET", "/api/v1/deployments/latest"): ok(DEPLOYMENT),
            ("GET", "/api/v1/deployments/current"): ok(DEPLOYMENT),
            ("POST", "/api/v1/deployments/20250101.1/promote"): ok(
                {"id": "dep_1", "version": "20250101.1", "shortCode": "abc"}
            ),
        }
    )
    client = make_client(mode, rec)
    items = collect(client, "deployments.list", status="DEPLOYED", period="30d", page_size=20)
    assert [(type(d), d.id, d.short_code, str(d.status)) for d in items] == [
        (DeploymentListItem, "dep_1", "abc", "DEPLOYED")
    ]
    assert dict(rec.last.url.params) == {"page[size]": "20", "status": "DEPLOYED", "period": "30d"}
    retrieved = call(client, "deployments.retrieve", "dep_1")
    assert isinstance(retrieved, Deployment)
    assert (retrieved.status, retrieved.content_hash) == ("DEPLOYED", "h")
    assert call(client, "deployments.latest").version == "20250101.1"
    assert call(client, "deployments.current").id == "dep_1"
    promoted = call(client, "deployments.promote", "20250101.1")
    assert (type(promoted), promoted.version, promoted.short_code) == (PromoteDeploymentResult, "20250101.1", "abc")
    with pytest.raises(InvalidInputError, match="status='LIVE'"):
        client.deployments.list(status="LIVE")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"period": "7d", "from_": "2026-01-01T00:00:00Z"}, "period cannot be combined"),
        ({"to": "2026-01-01T00:00:00Z"}, "to needs from_"),
    ],
)
def test_deployment_filters_the_server_would_drop_are_refused(mode: str, kwargs: dict[str, Any], message: str) -> None:
    # W8: period wins over from/to, and `to` without `from` is ignored: refused here instead
    rec = Recorder()
    with pytest.raises(InvalidInputError, match=message):
        make_client(mode, rec).deployments.list(**kwargs)
    assert rec.requests == []


BULK = {"id": "bulk_1", "type": "CANCEL", "status": "PENDING", "counts": {"total": 3, "success": 0, "failure": 0}}


def test_bulk_actions(mode: str) -> None:
    created = "2026-01-01T00:00:00Z"
    rec = Recorder(
        {
            ("POST", "/api/v1/bulk-actions"): ok({"id": "bulk_1"}, status=202),
            ("GET", "/api/v1/bulk-actions"): ok({"data": [{**BULK, "createdAt": created}], "pagination": {}}),
            ("GET", "/api/v1/bulk-actions/bulk_1"): ok({**BULK, "createdAt": created}),
            ("POST", "/api/v1/bulk-actions/bulk_1/abort"): ok({"id": "bulk_1"}),
        }
    )
    client = make_client(mode, rec)
    run_filter = {
        "status": ["FAILED", "CRASHED"],
        "task_identifier": "t",
        "created_after": 1700000000000,
        "is_test": False,
    }
    assert call(client, "bulk_actions.cancel", filter=run_filter, name="cleanup") == CreateBulkActionResponse("bulk_1")
    assert rec.json() == {
        "action": "cancel",
        "filter": {"status": ["FAILED", "CRASHED"], "taskIdentifier": ["t"], "from": 1700000000000, "isTest": False},
        "name": "cleanup",
    }
    assert call(client, "bulk_actions.replay", run_ids=["run_1", "run_2"], target_region="eu").id == "bulk_1"
    assert rec.json() == {"action": "replay", "runIds": ["run_1", "run_2"], "targetRegion": "eu"}
    assert [b.id for b in collect(client, "bulk_actions.list", page_size=10)] == ["bulk_1"]
    assert call(client, "bulk_actions.retrieve", "bulk_1").counts.total == 3
    assert call(client, "bulk_actions.abort", "bulk_1") == AbortBulkActionResponse("bulk_1")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "exactly one of filter"),
        ({"filter": {"status": "FAILED"}, "run_ids": ["r"]}, "exactly one of filter"),
        ({"filter": {}}, "non-empty dict"),
        ({"filter": {"colour": "red"}}, "unknown names"),
        ({"run_ids": []}, "1 to 500"),
        ({"run_ids": ["r"] * 501}, "1 to 500"),
        ({"run_ids": ["r"], "name": "x" * 256}, "at most 255"),
        ({"filter": {"queue": ["q"]}}, "QueueRef"),
    ],
)
def test_bulk_bad_input(mode: str, kwargs: dict[str, Any], message: str) -> None:
    rec = Recorder()
    with pytest.raises(InvalidInputError, match=message):
        call(make_client(mode, rec), "bulk_actions.cancel", **kwargs)
    assert rec.requests == []


STORAGE = "https://storage.example.com"


def test_large_payloads_go_through_a_packet_without_the_key(mode: str) -> None:
    big = {"blob": "x" * (128 * 1024)}
    storage_requests: list[httpx.Request] = []

    def storage(request: httpx.Request) -> httpx.Response:
        storage_requests.append(request)
        return httpx.Response(200)

    def presign(request: httpx.Request) -> httpx.Response:
        name = request.url.raw_path.decode().rsplit("/", 1)[-1]
        return ok({"presignedUrl": f"{STORAGE}/upload/{name}?sig=1", "storagePath": "packets/p1/payload.json"})

    rec = Recorder({("POST", "/api/v1/tasks/big/trigger"): ok({"id": "run_1"})})

    def router(request: httpx.Request) -> httpx.Response:
        if request.url.host == "storage.example.com":
            return storage(request)
        if request.url.path.startswith("/api/v2/packets/"):
            rec.requests.append(request)
            return presign(request)
        return rec(request)

    client = make_client(mode, rec)
    client._http._transport._inner = httpx.MockTransport(router)  # type: ignore[union-attr]
    call(client, "tasks.trigger", "big", big)
    presign_request, trigger_request = rec.requests
    assert presign_request.method == "PUT"
    assert presign_request.url.raw_path.startswith(b"/api/v2/packets/trigger%2Fpacket_")
    assert presign_request.headers["authorization"] == f"Bearer {KEY}"
    (upload,) = storage_requests
    assert upload.method == "PUT"
    assert "authorization" not in upload.headers
    # the stored packet is what the SDK stores: the superjson text, typed as such
    assert upload.headers["content-type"] == "application/super+json"
    assert json.loads(upload.content) == {"json": big}
    body = json.loads(trigger_request.content)
    assert body["payload"] == "packets/p1/payload.json"
    assert without_automatic_key(body["options"]) == {
        "payloadType": "application/store",
        "payloadSize": len(upload.content),
    }


def test_small_payloads_stay_inline(mode: str) -> None:
    rec = Recorder({("POST", "/api/v1/tasks/t/trigger"): ok({"id": "run_1"})})
    # '{"json":{"blob":"..."}}' is 20 bytes around the blob: one byte short of the threshold
    call(make_client(mode, rec), "tasks.trigger", "t", {"blob": "x" * (128 * 1024 - 21)})
    assert [r.url.path for r in rec.requests] == ["/api/v1/tasks/t/trigger"]
    assert rec.json()["options"]["payloadSize"] == 128 * 1024 - 1


def test_presigned_outputs_are_fetched_without_the_key(mode: str) -> None:
    seen: list[httpx.Request] = []

    def router(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "storage.example.com":
            return httpx.Response(200, text='{"json":{"big":true}}', headers={"content-type": "application/super+json"})
        return ok({**RUN, "outputPresignedUrl": f"{STORAGE}/out?sig=1"})

    client = make_client(mode, Recorder())
    client._http._transport._inner = httpx.MockTransport(router)  # type: ignore[union-attr]
    run = call(client, "runs.retrieve", "run_1")
    assert run.output == {"big": True}
    api, storage = seen
    assert api.headers["authorization"] == f"Bearer {KEY}"
    assert "authorization" not in storage.headers
    assert storage.url.host == "storage.example.com"
