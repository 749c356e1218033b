"""Triggering: one task, the one-shot batch routes (v1, v2), and resetting an idempotency key.

Only the user-level idempotency key dedupes (W10, O6): the body's `options.idempotencyKey`, or
the `idempotency-key` header. `x-trigger-request-idempotency-key` is accepted and ignored (O4).
"""

from __future__ import annotations

from typing import Any

from .._auth import HOUR, Access, public_token_headers, require_scope
from .._lifecycle import create_run
from .._router import Call, Route
from .._state import new_id
from .._wire import ApiError, Reply

MAX_V1_ITEMS = 500


def user_key(options: dict[str, Any], headers: Any) -> str | None:
    key = options.get("idempotencyKey") or headers.get("idempotency-key")
    return key if isinstance(key, str) and key else None


def trigger(call: Call, task: str) -> Reply:
    require_scope(call.principal, f"trigger:tasks:{task}")
    body = call.body()
    given = body.get("options")
    options: dict[str, Any] = dict(given) if isinstance(given, dict) else {}
    ttl_header = call.request.headers.get("idempotency-key-ttl")
    if ttl_header and "idempotencyKeyTTL" not in options:
        options["idempotencyKeyTTL"] = ttl_header
    run, cached = create_run(
        call.state, task, body.get("payload"), options, key=user_key(options, call.request.headers)
    )
    streams_version = call.request.headers.get("x-trigger-realtime-streams-version")
    if not cached and streams_version in ("v1", "v2"):
        run.stream_version = streams_version  # the caller picks its run's stream format, else the default
    # W7/O3: a fresh token on every answer, the cached one included
    headers = public_token_headers(
        call.state.config,
        [f"read:runs:{run.id}", f"write:inputStreams:{run.id}"],
        now=call.now(),
        lifetime=HOUR,
        claims_carry_scopes=True,
    )
    return Reply(200, {"id": run.id, "isCached": cached}, headers)


def one_shot_batch(call: Call) -> tuple[str, list[dict[str, Any]]]:
    items = call.body().get("items") or []
    if not isinstance(items, list):
        raise ApiError(400, "Invalid request body")
    if len(items) > MAX_V1_ITEMS:
        raise ApiError(400, f"Batch size of {len(items)} is too large. Maximum allowed batch size is {MAX_V1_ITEMS}.")
    batch_id = new_id("batch")
    runs = []
    for item in items:
        options = item.get("options") if isinstance(item.get("options"), dict) else {}
        run, cached = create_run(
            call.state,
            str(item.get("task")),
            item.get("payload"),
            options,
            key=user_key(options, {}),
            batch_id=batch_id,
        )
        runs.append({"id": run.id, "taskIdentifier": run.task, "isCached": cached})
    now = call.now()
    call.state.batches[batch_id] = {
        "id": batch_id,
        "runCount": len(runs),
        "items": {i: item for i, item in enumerate(items)},
        "runs": {i: r["id"] for i, r in enumerate(runs)},
        "sealed": True,
        "createdAt": now,
        "updatedAt": now,
        "processedAt": now,
        "idempotencyKey": None,
        "errors": [],
    }
    return batch_id, runs


def batch_v1(call: Call) -> Reply:
    batch_id, runs = one_shot_batch(call)
    return Reply(202, {"id": batch_id, "isCached": False, "runs": runs})


def batch_v2(call: Call) -> Reply:
    batch_id, runs = one_shot_batch(call)
    headers = public_token_headers(
        call.state.config, [f"read:batch:{batch_id}"], now=call.now(), lifetime=HOUR, claims_carry_scopes=False
    )
    return Reply(202, {"id": batch_id, "isCached": False, "runCount": len(runs)}, headers)


def reset_key(call: Call, key: str) -> Reply:
    task = call.body().get("taskIdentifier")
    entry = call.state.idempotency.pop((str(task), key), None)
    if entry is None:
        raise ApiError(404, f"No runs found with idempotency key: {key} and task: {task}")
    return Reply(200, {"id": key})


ROUTES = (
    Route("POST", "/api/v1/tasks/{task}/trigger", trigger, Access.ENV_OR_JWT),
    Route("POST", "/api/v1/tasks/batch", batch_v1),
    Route("POST", "/api/v2/tasks/batch", batch_v2),
    Route("POST", "/api/v1/idempotencyKeys/{key}/reset", reset_key),
)
