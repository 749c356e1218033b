"""A run as the API shows it: the retrieve and list shapes, the status vocabulary, the realtime row."""

from __future__ import annotations

import json
from typing import Any

import httpx

from ._state import Config, FakeRun, iso
from ._wire import base_url

API_VERSION = "2025-07-16"
# O11: the server never says WAITING; a blocked run reads EXECUTING. Older clients also see
# DEQUEUED as EXECUTING.
NEW_NAMES = {"WAITING": "EXECUTING"}
LEGACY_NAMES = {"WAITING": "EXECUTING", "DEQUEUED": "EXECUTING"}
QUEUED_STATES = {"QUEUED", "WAITING_FOR_DEPLOY", "DELAYED", "PENDING_VERSION"}
EXECUTING_STATES = {"EXECUTING", "REATTEMPTING", "FROZEN", "DEQUEUED"}
# O12: TIMED_OUT and EXPIRED are neither completed nor failed; CRASHED and CANCELED are both
COMPLETED_STATES = {"COMPLETED", "CANCELED", "FAILED", "CRASHED", "INTERRUPTED", "SYSTEM_FAILURE"}
# O18: the realtime feed sends the database's own names
DATABASE_STATUS = {
    "QUEUED": "PENDING",
    "COMPLETED": "COMPLETED_SUCCESSFULLY",
    "FAILED": "COMPLETED_WITH_ERRORS",
    "WAITING": "EXECUTING",
    "PENDING_VERSION": "PENDING_VERSION",
}


def api_status(request: httpx.Request, status: str) -> str:
    names = NEW_NAMES if request.headers.get("x-trigger-api-version") == API_VERSION else LEGACY_NAMES
    return names.get(status, status)


def user_key(run: FakeRun) -> str | None:
    """F1: retrieve shows the raw key from idempotencyKeyOptions when the trigger sent them."""
    options = run.idempotency_key_options
    if options and isinstance(options.get("key"), str) and options.get("scope") in ("run", "attempt", "global"):
        return str(options["key"])
    return run.idempotency_key


def common(request: httpx.Request, run: FakeRun) -> dict[str, Any]:
    """The fields of both shapes; absent values are left out, as the server leaves them undefined."""
    status = api_status(request, run.status)
    completed = status in COMPLETED_STATES
    body = {
        "id": run.id,
        "status": status,
        "taskIdentifier": run.task,
        "version": run.version if run.started_at is not None else None,
        "isQueued": status in QUEUED_STATES,
        "isExecuting": status in EXECUTING_STATES,
        "isWaiting": False,
        "isCompleted": completed,
        "isSuccess": status == "COMPLETED",
        "isFailed": completed and status != "COMPLETED",
        "isCancelled": status == "CANCELED",
        "isTest": run.is_test,
        "createdAt": iso(run.created_at),
        "updatedAt": iso(run.updated_at or run.created_at),
        "startedAt": iso(run.started_at),
        "finishedAt": iso(run.finished_at),
        "delayedUntil": iso(run.delayed_until),
        "expiredAt": iso(run.expired_at),
        "ttl": run.ttl,
        "tags": run.tags,
        "costInCents": 0,
        "baseCostInCents": 0,
        "durationMs": 0,  # O12: 0 in dev
        "depth": 0,
    }
    return {k: v for k, v in body.items() if v is not None}


def list_item(request: httpx.Request, run: FakeRun, config: Config) -> dict[str, Any]:
    body = common(request, run)
    if run.idempotency_key is not None:
        body["idempotencyKey"] = run.idempotency_key  # F1: the list shows the stored key
    if run.metadata is not None:
        body["metadata"] = run.metadata
    body["env"] = {"id": config.environment_id, "name": config.environment, "user": None}
    return body


def retrieve(request: httpx.Request, run: FakeRun, config: Config) -> dict[str, Any]:
    body = common(request, run)
    if user_key(run) is not None:
        body["idempotencyKey"] = user_key(run)
    if run.batch_id is not None:
        body["batchId"] = run.batch_id
    if run.metadata is not None:
        body["metadata"] = run.metadata
    body.update(
        {
            "triggerFunction": "trigger",
            "region": config.environment_id,  # what the server sends in dev
            "attemptCount": run.attempt_count,
            "attempts": [],  # O12: always empty
            "relatedRuns": {"children": []},
        }
    )
    if run.payload_type == "application/store":
        body["payloadPresignedUrl"] = f"{base_url(request)}/__storage/{run.payload}?sig=fake"
    else:
        body["payload"] = run.payload  # O13: plain JSON, a superjson packet decoded
    if run.status == "COMPLETED":
        body["output"] = run.output
    if run.error:
        body["error"] = run.error
    return body


def stored_text(run: FakeRun) -> str:
    """The payload column: the text as it was sent."""
    sent = run.packet if run.packet is not None else run.payload
    return sent if isinstance(sent, str) else compact(sent)


def compact(value: Any) -> str:
    """JSON as the server's JavaScript writes it: no spaces."""
    return json.dumps(value, separators=(",", ":"))


def text_array(values: list[str]) -> str:
    """A Postgres text[] as Electric sends it: `{"a","b"}`."""
    return "{" + ",".join(json.dumps(value) for value in values) + "}"


def realtime_row(run: FakeRun) -> dict[str, Any]:
    """O18: raw database values: database statuses, numbers and booleans as strings, no `Z`,
    payload and metadata as JSON strings, output as superjson, error as a JSON string with `type`."""

    def stamp(epoch: float | None) -> str | None:
        text = iso(epoch)
        return None if text is None else text.removesuffix("Z")

    row: dict[str, Any] = {
        "id": run.id.removeprefix("run_"),
        "taskIdentifier": run.task,
        "createdAt": stamp(run.created_at),
        "updatedAt": stamp(run.updated_at or run.created_at),
        "startedAt": stamp(run.started_at),
        "delayUntil": stamp(run.delayed_until),
        "queuedAt": stamp(run.queued_at),
        "expiredAt": stamp(run.expired_at),
        "completedAt": stamp(run.finished_at),
        "friendlyId": run.id,
        "number": "0",
        "isTest": "t" if run.is_test else "f",
        "status": DATABASE_STATUS.get(run.status, run.status),
        "usageDurationMs": "0",
        "costInCents": "0",
        "baseCostInCents": "0",
        "ttl": run.ttl,
        "runTags": text_array(run.tags) if run.tags else None,
        "realtimeStreams": text_array(run.stream_keys),
        "payload": stored_text(run),
        "payloadType": run.payload_type,
        "metadata": compact(run.metadata) if run.metadata is not None else None,
        "metadataType": "application/json",
        "output": None,
        "outputType": "application/json",
        "error": None,
    }
    if run.status == "COMPLETED":
        row["output"] = compact({"json": run.output})
        row["outputType"] = "application/super+json"
    if run.error:
        kind = "BUILT_IN_ERROR" if "name" in run.error else "INTERNAL_ERROR"
        row["error"] = compact({**run.error, "type": kind})
    return row
