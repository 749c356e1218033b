"""Two-phase batches: create (POST /api/v3/batches), stream NDJSON items, retrieve, results.

The server dedupes a create only by the body's `idempotencyKey`, through a unique index: a
repeat is a 422 that does not name the batch (O5). Items are deduped by index; runs are made by
the batch queue after the stream is answered (F3). Results are always empty (O15).
"""

from __future__ import annotations

import json
from typing import Any

from .._auth import HOUR, UNAUTHORIZED, Access, Principal, public_token_headers, require
from .._router import Call, Route
from .._state import iso, new_id
from .._wire import ApiError, Reply

MAX_BATCH_ITEMS = 1000
DUPLICATE_KEY = "Cannot create batch as it has already been created with the same idempotency key."
NDJSON_TYPES = ("application/x-ndjson", "application/ndjson")


def authorize_batch(principal: Principal | None, body: dict[str, Any]) -> None:
    """`batchTrigger` on the batch collection or all tasks; with `taskIdentifiers`, on every one of them."""
    if principal is None or principal.can("batchTrigger", [("batch", None), ("tasks", None)]):
        return
    tasks = body.get("taskIdentifiers")
    if (
        not isinstance(tasks, list)
        or not tasks
        or not all(principal.can("batchTrigger", [("tasks", t)]) for t in tasks)
    ):
        raise ApiError(403, "Unauthorized", **UNAUTHORIZED)


def create_batch(call: Call) -> Reply:
    body = call.body()
    authorize_batch(call.principal, body)
    count = body.get("runCount")
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise ApiError(400, "runCount must be a positive integer")
    if count > MAX_BATCH_ITEMS:
        raise ApiError(400, f"Batch runCount of {count} exceeds maximum allowed of {MAX_BATCH_ITEMS}.")
    key = body.get("idempotencyKey") if isinstance(body.get("idempotencyKey"), str) else None
    if key and key in call.state.batch_keys:
        raise ApiError(422, DUPLICATE_KEY)  # O5: sealed or not, at once
    now = call.now()
    batch: dict[str, Any] = {
        "id": new_id("batch"),
        "runCount": count,
        "items": {},
        "runs": {},
        "sealed": False,
        "createdAt": now,
        "updatedAt": now,
        "processedAt": None,
        "idempotencyKey": key,
        "errors": [],
    }
    call.state.batches[batch["id"]] = batch
    if key:
        call.state.batch_keys.add(key)
    headers = public_token_headers(
        call.state.config, [f"read:batch:{batch['id']}"], now=now, lifetime=HOUR, claims_carry_scopes=False
    )
    body = {"id": batch["id"], "runCount": count, "isCached": False}
    if key:
        body["idempotencyKey"] = key
    return Reply(202, body, headers)


def stream_items(call: Call, batch: str) -> Reply:
    target = call.state.batches.get(batch)
    if target is None:
        raise ApiError(422, f"Batch {batch} not found")  # F3
    if call.request.headers.get("content-type", "").split(";")[0].strip() not in NDJSON_TYPES:
        raise ApiError(415, "Content-Type must be application/x-ndjson or application/ndjson")
    accepted = deduplicated = 0
    fresh: dict[int, dict[str, Any]] = {}
    for line in call.request.content.decode(errors="replace").splitlines():
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError:
            raise ApiError(400, "Invalid JSON in NDJSON line", bare=True) from None
        index = item.get("index") if isinstance(item, dict) else None
        if not isinstance(index, int) or index < 0:
            raise ApiError(400, "Invalid batch item: index is required", bare=True)
        if index >= target["runCount"]:
            # F3; found while streaming, so, like every streamed answer, without x-ratelimit-* (recordings)
            raise ApiError(422, f"Item index {index} exceeds batch runCount {target['runCount']}", bare=True)
        if index in target["items"] or index in fresh:
            deduplicated += 1
            continue
        fresh[index] = item
        accepted += 1
    target["items"].update(fresh)
    target["updatedAt"] = call.now()
    if fresh:
        call.state.batch_queue.append(batch)
    if len(target["items"]) == target["runCount"]:
        target["sealed"] = True
        body = {
            "id": batch,
            "itemsAccepted": accepted,
            "itemsDeduplicated": deduplicated,
            "sealed": True,
            "runCount": target["runCount"],
        }
        return Reply(200, body, bare=True)
    body = {
        "id": batch,
        "itemsAccepted": accepted,
        "itemsDeduplicated": deduplicated,
        "sealed": False,
        "enqueuedCount": len(target["items"]),
        "expectedCount": target["runCount"],
    }
    return Reply(200, body, bare=True)


def find(call: Call, batch_id: str) -> dict[str, Any]:
    batch = call.state.batches.get(batch_id)
    if batch is None:
        raise ApiError(404, "Not found", headers={"x-should-retry": "true"})  # O2
    # a `read:runs` token reads batches too (the server kept that pre-RBAC superScope)
    require(call.principal, "read", ("batch", batch_id), ("runs", None))
    return batch


def status_of(batch: dict[str, Any]) -> str:
    """PENDING until the batch queue has made every run (and that may lag, O15)."""
    if batch["processedAt"] is None:
        return "PENDING"
    return "PARTIAL_FAILED" if batch["errors"] else "COMPLETED"


def counts(call: Call, batch: dict[str, Any]) -> tuple[int, int]:
    runs = [call.state.runs[r] for r in batch["runs"].values() if r]
    return sum(r.status == "COMPLETED" for r in runs), sum(
        r.status in ("FAILED", "CRASHED", "SYSTEM_FAILURE") for r in runs
    )


def retrieve_v1(call: Call, batch: str) -> Reply:
    target = find(call, batch)
    succeeded, failed = counts(call, target)
    body = {**common(target), "successfulRunCount": succeeded, "failedRunCount": failed}
    return Reply(200, body)


def common(batch: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": batch["id"],
        "status": status_of(batch),
        "createdAt": iso(batch["createdAt"]),
        "updatedAt": iso(batch["updatedAt"]),
        "runCount": batch["runCount"],
        "runs": [batch["runs"][i] for i in sorted(batch["runs"]) if batch["runs"][i]],
    }


def retrieve_v2(call: Call, batch: str) -> Reply:
    target = find(call, batch)
    done = iso(target["processedAt"])
    body = {
        **common(target),
        "processingCompletedAt": done,
        "processing": {"completedAt": done, "errors": target["errors"]},
    }
    return Reply(200, body)


def results(call: Call, batch: str) -> Reply:
    target = find(call, batch)
    return Reply(200, {"id": target["id"], "items": []})  # O15: no attempt rows, no results


ROUTES = (
    Route("POST", "/api/v3/batches", create_batch, Access.ENV_OR_JWT),
    Route("POST", "/api/v3/batches/{batch}/items", stream_items, Access.ENV_OR_JWT),
    Route("GET", "/api/v1/batches/{batch}", retrieve_v1, Access.ENV_OR_JWT),
    Route("GET", "/api/v2/batches/{batch}", retrieve_v2, Access.ENV_OR_JWT),
    Route("GET", "/api/v1/batches/{batch}/results", results),
)
