"""The server-truth scenario: every operation the server serves, with its success and its interesting failures.

Each step records exchanges under stable names; ids the server makes (runs, batches, tokens, schedules)
are taken from its answers and fed into later requests, so the same scenario runs against the real
server (record.py), any live server (conformance.py) and our fake (tests/server_truth). It needs the
tasks in scripts/server_truth/tasks running as the environment's worker.

Keys that must not collide with an earlier recording (idempotency keys, env-var names, schedule dedupe
keys) carry a per-run token, so a server keeps answering "first time" where the scenario expects it.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx

from .exchange import Session

MISSING_RUN = "run_doesnotexist00000000000"
MISSING_BATCH = "batch_doesnotexist0000000000"
MISSING_TOKEN = "waitpoint_doesnotexist0000000"  # noqa: S105 - an id, not a secret
MISSING_SCHEDULE = "sched_doesnotexist0000000000"
INVALID_KEY = "tr_dev_notavalidkey000000000000"
ELECTRIC = {"x-trigger-electric-version": "1.0.0-beta.1"}
# run statuses after which nothing more happens (as the 2025-07-16 vocabulary names them)
FINAL = {"COMPLETED", "FAILED", "CANCELED", "CRASHED", "SYSTEM_FAILURE", "EXPIRED", "TIMED_OUT", "INTERRUPTED"}

Step = Callable[[Session, dict[str, Any]], None]


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _field(response: httpx.Response, key: str, fallback: str) -> str:
    """A string the server answered (an id), or `fallback` so later steps still send their request."""
    body = _json(response)
    value = body.get(key) if isinstance(body, dict) else None
    return value if isinstance(value, str) else fallback


def _status(s: Session, run_id: str) -> str | None:
    body = _json(s.send(None, "GET", f"/api/v3/runs/{run_id}"))
    status = body.get("status") if isinstance(body, dict) else None
    return status if isinstance(status, str) else None


def _wait_for_run(s: Session, run_id: str, until: set[str]) -> str | None:
    """Poll (unrecorded) until the run's status is in `until`; returns the last status seen."""
    status = None
    deadline = time.monotonic() + s.pace.poll_timeout
    while time.monotonic() < deadline:
        status = _status(s, run_id)
        if status in until:
            return status
        time.sleep(s.pace.poll_interval)
    return status


def _wait_for_key(s: Session, run_id: str, key: str) -> None:
    """Poll (unrecorded) until the run's answer carries `key`, for at most a sixth of the poll timeout."""
    deadline = time.monotonic() + s.pace.poll_timeout / 6
    while time.monotonic() < deadline:
        body = _json(s.send(None, "GET", f"/api/v3/runs/{run_id}"))
        if isinstance(body, dict) and body.get(key) is not None:
            return
        time.sleep(s.pace.poll_interval)


def _trigger(s: Session, name: str, task: str, payload: Any, **options: Any) -> str:
    body: dict[str, Any] = {"payload": payload}
    if options:
        body["options"] = options
    return _field(s.send(name, "POST", f"/api/v1/tasks/{task}/trigger", json_body=body), "id", MISSING_RUN)


def step_errors(s: Session, ctx: dict[str, Any]) -> None:
    s.send("bad_key_401", "GET", f"/api/v3/runs/{MISSING_RUN}", auth=INVALID_KEY)
    s.send("no_key_401", "GET", f"/api/v3/runs/{MISSING_RUN}", auth=None)
    s.send(
        "invalid_json_400",
        "POST",
        "/api/v1/tasks/st-echo/trigger",
        content='{"payload":',
        headers={"content-type": "application/json"},
    )
    s.send("trigger_body_not_object_400", "POST", "/api/v1/tasks/st-echo/trigger", json_body=["not", "an", "object"])


def step_runs(s: Session, ctx: dict[str, Any]) -> None:
    token = ctx["token"]
    run = _trigger(s, "trigger", "st-echo", {"n": 1}, tags=["st"], metadata={"step": "trigger"})
    key = f"st-idem-{token}"
    _trigger(s, "trigger_with_idempotency_key", "st-echo", {"n": 2}, idempotencyKey=key)
    _trigger(s, "trigger_repeated_idempotency_key", "st-echo", {"n": 3}, idempotencyKey=key)
    header_key = {"idempotency-key": f"st-hdr-{token}"}
    for name in ("trigger_idempotency_key_header", "trigger_idempotency_key_header_repeated"):
        s.send(name, "POST", "/api/v1/tasks/st-echo/trigger", json_body={"payload": {"n": 4}}, headers=header_key)
    request_key = {"x-trigger-request-idempotency-key": str(uuid.uuid4())}
    for name in ("trigger_request_key", "trigger_request_key_repeated"):
        s.send(name, "POST", "/api/v1/tasks/st-echo/trigger", json_body={"payload": {"n": 5}}, headers=request_key)

    _wait_for_run(s, run, FINAL)
    s.send("retrieve_completed", "GET", f"/api/v3/runs/{run}")
    s.send("retrieve_missing_404", "GET", f"/api/v3/runs/{MISSING_RUN}")
    s.send("result_completed", "GET", f"/api/v1/runs/{run}/result")
    s.send("result_missing", "GET", f"/api/v1/runs/{MISSING_RUN}/result")

    s.send("metadata_get", "GET", f"/api/v1/runs/{run}/metadata")
    s.send("metadata_put", "PUT", f"/api/v1/runs/{run}/metadata", json_body={"metadata": {"progress": 0.5}})
    s.send("metadata_get_after_put", "GET", f"/api/v1/runs/{run}/metadata")
    s.send("metadata_get_missing_404", "GET", f"/api/v1/runs/{MISSING_RUN}/metadata")
    s.send("metadata_put_missing", "PUT", f"/api/v1/runs/{MISSING_RUN}/metadata", json_body={"metadata": {"a": 1}})

    s.send("tags_add", "POST", f"/api/v1/runs/{run}/tags", json_body={"tags": ["st-extra", "st-more"]})
    s.send("tags_add_missing", "POST", f"/api/v1/runs/{MISSING_RUN}/tags", json_body={"tags": ["x"]})
    s.send("retrieve_after_tags_and_metadata", "GET", f"/api/v3/runs/{run}")

    replayed = _field(s.send("replay", "POST", f"/api/v1/runs/{run}/replay"), "id", MISSING_RUN)
    s.send("replay_missing", "POST", f"/api/v1/runs/{MISSING_RUN}/replay")
    # the request key dedupes nothing at this server commit: two replays, two runs
    replay_key = {"x-trigger-request-idempotency-key": str(uuid.uuid4())}
    for name in ("replay_request_key", "replay_request_key_repeated"):
        s.send(name, "POST", f"/api/v1/runs/{run}/replay", headers=replay_key)
    _wait_for_run(s, replayed, FINAL)
    s.send("retrieve_replayed", "GET", f"/api/v3/runs/{replayed}")

    reset = {"taskIdentifier": "st-echo"}
    s.send("idempotency_key_reset", "POST", f"/api/v1/idempotencyKeys/{key}/reset", json_body=reset)
    _trigger(s, "trigger_after_idempotency_key_reset", "st-echo", {"n": 7}, idempotencyKey=key)
    s.send("idempotency_key_reset_unknown", "POST", f"/api/v1/idempotencyKeys/st-none-{token}/reset", json_body=reset)


def step_outcomes(s: Session, ctx: dict[str, Any]) -> None:
    """Runs that fail, fail after a retry, crash, and are cancelled while executing."""
    failed = _trigger(s, "trigger_failing", "st-fail", {})
    retried = _trigger(s, "trigger_retrying", "st-retry", {})
    _wait_for_run(s, failed, FINAL)
    s.send("retrieve_failed", "GET", f"/api/v3/runs/{failed}")
    s.send("result_failed", "GET", f"/api/v1/runs/{failed}/result")
    _wait_for_run(s, retried, FINAL)
    s.send("retrieve_failed_after_retry", "GET", f"/api/v3/runs/{retried}")

    crashed = _trigger(s, "trigger_crashing", "st-crash", {})
    _wait_for_run(s, crashed, FINAL)
    s.send("retrieve_crashed", "GET", f"/api/v3/runs/{crashed}")

    slow = _trigger(s, "trigger_slow", "st-slow", {"seconds": 30})
    _wait_for_run(s, slow, {"EXECUTING"} | FINAL)
    s.send("cancel", "POST", f"/api/v2/runs/{slow}/cancel")
    s.send("cancel_repeated", "POST", f"/api/v2/runs/{slow}/cancel")
    s.send("cancel_missing_404", "POST", f"/api/v2/runs/{MISSING_RUN}/cancel")
    _wait_for_run(s, slow, FINAL)
    # CANCELED shows at once; finishedAt only once the worker has stopped the attempt
    _wait_for_key(s, slow, "finishedAt")
    s.send("retrieve_canceled", "GET", f"/api/v3/runs/{slow}")
    s.send("result_canceled", "GET", f"/api/v1/runs/{slow}/result")
    s.send("tags_add_canceled", "POST", f"/api/v1/runs/{slow}/tags", json_body={"tags": ["st-after-cancel"]})

    delayed = _trigger(s, "trigger_delayed", "st-echo", {"n": 6}, delay="1h")
    s.send("retrieve_delayed", "GET", f"/api/v3/runs/{delayed}")
    s.send("reschedule_delayed", "POST", f"/api/v1/runs/{delayed}/reschedule", json_body={"delay": "2h"})
    s.send("reschedule_not_delayed_400", "POST", f"/api/v1/runs/{failed}/reschedule", json_body={"delay": "1h"})
    s.send("reschedule_missing", "POST", f"/api/v1/runs/{MISSING_RUN}/reschedule", json_body={"delay": "1h"})
    s.send("cancel_delayed", "POST", f"/api/v2/runs/{delayed}/cancel")
    s.send("retrieve_delayed_canceled", "GET", f"/api/v3/runs/{delayed}")


def step_batches(s: Session, ctx: dict[str, Any]) -> None:
    token = ctx["token"]
    batch = _field(s.send("batch_create", "POST", "/api/v3/batches", json_body={"runCount": 2}), "id", MISSING_BATCH)
    items = "".join(json.dumps({"index": i, "task": "st-echo", "payload": {"i": i}}) + "\n" for i in range(2))
    ndjson = {"content-type": "application/x-ndjson"}
    s.send("batch_items", "POST", f"/api/v3/batches/{batch}/items", content=items, headers=ndjson)
    s.send(
        "batch_items_repeated_on_sealed_batch", "POST", f"/api/v3/batches/{batch}/items", content=items, headers=ndjson
    )
    s.send("batch_items_unknown_batch", "POST", f"/api/v3/batches/{MISSING_BATCH}/items", content=items, headers=ndjson)
    one = s.send("batch_create_one", "POST", "/api/v3/batches", json_body={"runCount": 1})
    beyond = json.dumps({"index": 3, "task": "st-echo", "payload": {}}) + "\n"
    small_items = f"/api/v3/batches/{_field(one, 'id', MISSING_BATCH)}/items"
    s.send("batch_items_index_beyond_run_count", "POST", small_items, content=beyond, headers=ndjson)

    s.send("batch_create_over_max_400", "POST", "/api/v3/batches", json_body={"runCount": 1001})

    key = {"runCount": 1, "idempotencyKey": f"st-batch-{token}"}
    s.send("batch_create_with_key", "POST", "/api/v3/batches", json_body=key)
    s.send("batch_create_repeated_key_422", "POST", "/api/v3/batches", json_body=key)
    # the request key dedupes nothing at this server commit: two creates, two batches
    header_key = {"idempotency-key": f"st-batch-hdr-{token}"}
    for name in ("batch_create_header_key", "batch_create_header_key_repeated"):
        s.send(name, "POST", "/api/v3/batches", json_body={"runCount": 1}, headers=header_key)
    s.send(
        "batch_trigger_v2",
        "POST",
        "/api/v2/tasks/batch",
        json_body={"items": [{"task": "st-echo", "payload": {"i": 9}}]},
    )

    deadline = time.monotonic() + s.pace.poll_timeout
    while time.monotonic() < deadline:
        body = _json(s.send(None, "GET", f"/api/v1/batches/{batch}"))
        runs = body.get("runs") if isinstance(body, dict) else None
        statuses = [_status(s, r) for r in runs or []]
        # the batch's own status lags behind its runs' (it can read PENDING for a while after they
        # finished): wait for both, so the recorded answer does not depend on timing
        if len(statuses) == 2 and all(st in FINAL for st in statuses) and body.get("status") == "COMPLETED":
            break
        time.sleep(s.pace.poll_interval)
    s.send("batch_retrieve", "GET", f"/api/v1/batches/{batch}")
    s.send("batch_retrieve_v2", "GET", f"/api/v2/batches/{batch}")
    s.send("batch_results", "GET", f"/api/v1/batches/{batch}/results")
    s.send("batch_retrieve_missing_404", "GET", f"/api/v1/batches/{MISSING_BATCH}")


def step_waitpoints(s: Session, ctx: dict[str, Any]) -> None:
    token = ctx["token"]
    created = s.send("token_create", "POST", "/api/v1/waitpoints/tokens", json_body={"timeout": "1h", "tags": ["st"]})
    wp = _field(created, "id", MISSING_TOKEN)
    keyed = {"idempotencyKey": f"st-wp-{token}", "tags": [f"st-wp-{token}"]}
    s.send("token_create_with_key", "POST", "/api/v1/waitpoints/tokens", json_body=keyed)
    s.send("token_create_repeated_key", "POST", "/api/v1/waitpoints/tokens", json_body=keyed)
    request_key = {"x-trigger-request-idempotency-key": str(uuid.uuid4())}
    for name in ("token_create_request_key", "token_create_request_key_repeated"):
        s.send(name, "POST", "/api/v1/waitpoints/tokens", json_body={"timeout": "1h"}, headers=request_key)
    s.send("token_retrieve", "GET", f"/api/v1/waitpoints/tokens/{wp}")
    s.send("token_retrieve_missing", "GET", f"/api/v1/waitpoints/tokens/{MISSING_TOKEN}")
    s.send("token_complete", "POST", f"/api/v1/waitpoints/tokens/{wp}/complete", json_body={"data": {"ok": True}})
    s.send("token_complete_repeated", "POST", f"/api/v1/waitpoints/tokens/{wp}/complete", json_body={"data": {"ok": 2}})
    s.send("token_retrieve_completed", "GET", f"/api/v1/waitpoints/tokens/{wp}")
    s.send("token_complete_missing", "POST", f"/api/v1/waitpoints/tokens/{MISSING_TOKEN}/complete", json_body={})
    s.send("token_list", "GET", "/api/v1/waitpoints/tokens", query={"page[size]": "2"})
    s.send("token_list_by_tag", "GET", "/api/v1/waitpoints/tokens", query={"filter[tags]": f"st-wp-{token}"})

    # completing through the callback URL needs no key: the hash in the URL is the secret
    other = _json(s.send("token_create_for_callback", "POST", "/api/v1/waitpoints/tokens", json_body={}))
    url = other.get("url") if isinstance(other, dict) else None
    if isinstance(url, str) and "/api/" in url:
        path = url[url.index("/api/") :]
        s.send("token_callback_complete", "POST", path, json_body={"via": "callback"}, auth=None)
        s.send("token_retrieve_after_callback", "GET", f"/api/v1/waitpoints/tokens/{other['id']}")
    s.send(
        "token_callback_wrong_hash",
        "POST",
        f"/api/v1/waitpoints/tokens/{wp}/callback/{'0' * 40}",
        json_body={},
        auth=None,
    )


def step_envvars(s: Session, ctx: dict[str, Any]) -> None:
    if not s.project_ref:
        return  # env-var routes need the project ref (conformance: TRIGGER_PROJECT_REF)
    token = ctx["token"].upper().replace("-", "_")
    base = f"/api/v1/projects/{s.project_ref}/envvars/{s.env_slug}"
    name, other, empty = f"ST_VAR_{token}", f"ST_OTHER_{token}", f"ST_EMPTY_{token}"
    s.send("envvar_create", "POST", base, json_body={"name": name, "value": "one"})
    s.send("envvars_list", "GET", base)  # after a create, so that it is never empty
    # a secret key reaches only its own environment: another environment's slug lists the key's own
    # (while the variable just created exists, so the answer tells which environment was read)
    other_env = "prod" if s.env_slug != "prod" else "dev"
    s.send("envvars_other_environment_slug", "GET", f"/api/v1/projects/{s.project_ref}/envvars/{other_env}")
    s.send("envvar_create_existing_overwrites", "POST", base, json_body={"name": name, "value": "two"})
    s.send("envvar_retrieve", "GET", f"{base}/{name}")
    s.send("envvar_update", "PUT", f"{base}/{name}", json_body={"value": "three"})
    s.send("envvar_retrieve_after_update", "GET", f"{base}/{name}")
    conflict = {"variables": {name: "four", other: "x"}, "override": False}
    s.send("envvar_import_conflict_400", "POST", f"{base}/import", json_body=conflict)
    s.send("envvar_retrieve_after_refused_import", "GET", f"{base}/{other}")
    imported = {"variables": {name: "five", other: "y", empty: ""}, "override": True}
    s.send("envvar_import_override", "POST", f"{base}/import", json_body=imported)
    s.send("envvar_retrieve_imported", "GET", f"{base}/{name}")
    s.send("envvar_retrieve_empty_dropped", "GET", f"{base}/{empty}")
    s.send("envvar_import_bad_body_400", "POST", f"{base}/import", json_body={"variables": "nope"})
    s.send("envvar_delete", "DELETE", f"{base}/{name}")
    s.send("envvar_retrieve_deleted_404", "GET", f"{base}/{name}")
    s.send("envvar_delete_missing", "DELETE", f"{base}/{name}")
    s.send("envvar_delete_other", "DELETE", f"{base}/{other}")
    s.send("envvars_unknown_slug", "GET", f"/api/v1/projects/{s.project_ref}/envvars/nope")
    s.send("envvars_unknown_project_400", "GET", f"/api/v1/projects/proj_doesnotexist0000000/envvars/{s.env_slug}")


def step_schedules(s: Session, ctx: dict[str, Any]) -> None:
    token = ctx["token"]
    body = {
        "task": "st-cron",
        "cron": "0 0 * * *",
        "deduplicationKey": f"st-sched-{token}",
        "externalId": "st",
        "timezone": "UTC",
    }
    schedule = _field(s.send("schedule_create", "POST", "/api/v1/schedules", json_body=body), "id", MISSING_SCHEDULE)
    s.send("schedule_create_same_dedup_key", "POST", "/api/v1/schedules", json_body=body)
    s.send(
        "schedule_create_without_dedup_key_400",
        "POST",
        "/api/v1/schedules",
        json_body={"task": "st-cron", "cron": "0 0 * * *"},
    )
    s.send(
        "schedule_create_not_a_scheduled_task_422",
        "POST",
        "/api/v1/schedules",
        json_body={**body, "task": "st-echo", "deduplicationKey": f"st-sched-echo-{token}"},
    )
    s.send(
        "schedule_create_bad_cron",
        "POST",
        "/api/v1/schedules",
        json_body={**body, "cron": "not a cron", "deduplicationKey": f"st-sched-bad-{token}"},
    )
    s.send("schedule_list", "GET", "/api/v1/schedules", query={"perPage": "2"})
    s.send("schedule_retrieve", "GET", f"/api/v1/schedules/{schedule}")
    s.send(
        "schedule_update",
        "PUT",
        f"/api/v1/schedules/{schedule}",
        json_body={"task": "st-cron", "cron": "0 1 * * *", "timezone": "Europe/Paris"},
    )
    s.send("schedule_deactivate", "POST", f"/api/v1/schedules/{schedule}/deactivate")
    s.send("schedule_activate", "POST", f"/api/v1/schedules/{schedule}/activate")
    s.send("schedule_delete", "DELETE", f"/api/v1/schedules/{schedule}")
    s.send("schedule_retrieve_deleted", "GET", f"/api/v1/schedules/{schedule}")
    s.send("schedule_retrieve_missing", "GET", f"/api/v1/schedules/{MISSING_SCHEDULE}")


def step_platform(s: Session, ctx: dict[str, Any]) -> None:
    listed = _json(s.send("queues_list", "GET", "/api/v1/queues", query={"perPage": "2"}))
    s.send("queue_retrieve_by_task", "GET", "/api/v1/queues/st-cron", query={"type": "task"})
    data = listed.get("data") if isinstance(listed, dict) else None
    queue_id = data[0]["id"] if isinstance(data, list) and data and isinstance(data[0], dict) else "queue_missing"
    s.send("queue_retrieve_by_id", "GET", f"/api/v1/queues/{queue_id}")
    s.send("queue_retrieve_missing", "GET", "/api/v1/queues/no-such-task", query={"type": "task"})
    pause = "/api/v1/queues/st-cron/pause"
    s.send("queue_pause", "POST", pause, query={"type": "task"}, json_body={"type": "task", "action": "pause"})
    s.send("queue_resume", "POST", pause, query={"type": "task"}, json_body={"type": "task", "action": "resume"})
    limit = "/api/v1/queues/st-cron/concurrency"
    s.send("queue_concurrency_override", "POST", f"{limit}/override", json_body={"type": "task", "concurrencyLimit": 3})
    s.send("queue_concurrency_reset", "POST", f"{limit}/reset", json_body={"type": "task"})
    s.send("deployments_list", "GET", "/api/v1/deployments", query={"page[size]": "5"})
    s.send("deployments_list_bad_period", "GET", "/api/v1/deployments", query={"period": "soon"})
    s.send("deployments_latest", "GET", "/api/v1/deployments/latest")
    s.send("timezones", "GET", "/api/v1/timezones", auth=None)
    s.send("timezones_with_utc", "GET", "/api/v1/timezones", query={"excludeUtc": "false"}, auth=None)


def step_realtime(s: Session, ctx: dict[str, Any]) -> None:
    slow = {"payload": {"seconds": 3}}
    trigger = s.send("trigger_for_realtime", "POST", "/api/v1/tasks/st-slow/trigger", json_body=slow)
    run = _field(trigger, "id", MISSING_RUN)
    feed = f"/realtime/v1/runs/{run}"
    # the first answer holds the run as it is at that instant (PENDING, DEQUEUED or EXECUTING): timing
    first = s.send("realtime_run_first", "GET", feed, query={"offset": "-1"}, headers=ELECTRIC, compare="status")
    handle, offset = first.headers.get("electric-handle"), first.headers.get("electric-offset")
    # a live request answers at the next change of the run, or empty after about 20 s: its body is timing
    live = {"offset": offset or "-1", "handle": handle or "", "live": "true"}
    wait_live = s.pace.live_timeout
    s.send("realtime_run_live", "GET", feed, query=live, headers=ELECTRIC, compare="status", timeout=wait_live)
    _wait_for_run(s, run, FINAL)
    s.send("realtime_run_completed", "GET", feed, query={"offset": "-1"}, headers=ELECTRIC)
    jwt = trigger.headers.get("x-trigger-jwt")
    if jwt:
        s.send("realtime_run_with_public_token", "GET", feed, query={"offset": "-1"}, headers=ELECTRIC, auth=jwt)
        s.send("retrieve_with_public_token", "GET", f"/api/v3/runs/{run}", auth=jwt)
    missing = f"/realtime/v1/runs/{MISSING_RUN}"
    s.send("realtime_run_missing_404", "GET", missing, query={"offset": "-1"}, headers=ELECTRIC)

    streamed = _trigger(s, "trigger_streaming", "st-stream", {"count": 3})
    _wait_for_run(s, streamed, FINAL)
    hold = {"accept": "text/event-stream", "timeout-seconds": str(s.pace.stream_seconds)}
    wait = s.pace.stream_seconds + 20.0
    whole = s.send("stream_read", "GET", f"/realtime/v1/streams/{streamed}/chunks", headers=hold, timeout=wait)
    ids = [line[4:] for line in whole.text.splitlines() if line.startswith("id: ")]
    resume = {**hold, "last-event-id": ids[0] if ids else "0"}
    s.send("stream_resume", "GET", f"/realtime/v1/streams/{streamed}/chunks", headers=resume, timeout=wait)
    s.send("stream_unknown_key", "GET", f"/realtime/v1/streams/{streamed}/nope", headers=hold, timeout=wait)


STEPS: dict[str, Step] = {
    "errors": step_errors,
    "runs": step_runs,
    "outcomes": step_outcomes,
    "batches": step_batches,
    "waitpoints": step_waitpoints,
    "envvars": step_envvars,
    "schedules": step_schedules,
    "platform": step_platform,
    "realtime": step_realtime,
}


def run_scenario(s: Session, only: list[str] | None = None) -> dict[str, float]:
    """Run the steps (all, or those named in `only`, in STEPS order); returns seconds per step.

    A step that raises is reported by the caller through the missing exchanges; the rest still run."""
    ctx: dict[str, Any] = {"token": uuid.uuid4().hex[:10]}
    timings: dict[str, float] = {}
    for name, step in STEPS.items():
        if only and name not in only:
            continue
        s.scenario = name
        started = time.monotonic()
        try:
            step(s, ctx)
        except (httpx.HTTPError, KeyError, TypeError, ValueError) as exc:
            if s.log is not None:
                s.log(f"{name}: step stopped early: {exc!r}")
        timings[name] = round(time.monotonic() - started, 2)
    return timings
