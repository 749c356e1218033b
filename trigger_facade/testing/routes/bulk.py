"""Bulk actions: cancel or replay many runs, by ids or by the runs list's filter. Nothing dedupes
a repeated create (W9): each one acts again."""

from __future__ import annotations

from .._filters import bulk_filter
from .._lifecycle import TERMINAL, cancel, create_run
from .._router import Call, Route
from .._state import iso, new_id
from .._wire import ApiError, Reply


def create(call: Call) -> Reply:
    body = call.body()
    action = body.get("action")
    if action not in ("cancel", "replay") or ("filter" in body) == ("runIds" in body):
        raise ApiError(400, "Provide action and exactly one of filter or runIds")
    state, now = call.state, call.now()
    if "runIds" in body:
        targets = [state.runs[r] for r in body["runIds"] if r in state.runs]
    else:
        filter_spec = body["filter"] if isinstance(body["filter"], dict) else {}
        match = bulk_filter(filter_spec, now)
        targets = [r for r in state.order if match(r)]
    success = failure = 0
    for run in targets:
        if action == "cancel":
            if run.status in TERMINAL:
                failure += 1
                continue
            cancel(state, run, now)
        else:
            options = {"tags": list(run.tags), "metadata": run.trigger_metadata, "payloadType": run.payload_type}
            create_run(state, run.task, run.packet if run.packet is not None else run.payload, options)
        success += 1
    bulk = {
        "id": new_id("bulk"),
        "type": action.upper(),
        "status": "COMPLETED",
        "counts": {"total": len(targets), "success": success, "failure": failure},
        "createdAt": iso(now),
        "completedAt": iso(now),
    }
    if body.get("name"):
        bulk["name"] = body["name"]
    state.bulk_actions[str(bulk["id"])] = bulk
    return Reply(202, {"id": bulk["id"]})


def list_bulk(call: Call) -> Reply:
    return Reply(200, {"data": list(reversed(call.state.bulk_actions.values())), "pagination": {}})


def retrieve(call: Call, bulk: str) -> Reply:
    if bulk not in call.state.bulk_actions:
        raise ApiError(404, "Bulk action not found")
    return Reply(200, call.state.bulk_actions[bulk])


def abort(call: Call, bulk: str) -> Reply:
    target = call.state.bulk_actions.get(bulk)
    if target is None:
        raise ApiError(404, "Bulk action not found")
    if target["status"] == "PENDING":
        target["status"] = "ABORTED"
    return Reply(200, {"id": bulk})


ROUTES = (
    Route("POST", "/api/v1/bulk-actions", create),
    Route("GET", "/api/v1/bulk-actions", list_bulk),
    Route("GET", "/api/v1/bulk-actions/{bulk}", retrieve),
    Route("POST", "/api/v1/bulk-actions/{bulk}/abort", abort),
)
