"""Queues: list (25 a page, `perPage` above 100 clamped, F8), retrieve, pause/resume, concurrency."""

from __future__ import annotations

from typing import Any

from .._router import Call, Route
from .._state import iso
from .._wire import ApiError, Reply, clamped


def key_of(queue: dict[str, Any]) -> str:
    return f"task/{queue['name']}" if queue["type"] == "task" else str(queue["name"])


def find(call: Call, value: str, kind: str | None = None) -> dict[str, Any]:
    kind = kind or call.params.get("type") or "id"
    name = value.replace("%2F", "/")  # the server's second decode step
    if kind == "id":
        for queue in call.state.queues.values():
            if queue["id"] == name:
                return queue
    else:
        found = call.state.queues.get(f"task/{name}" if kind == "task" else name)
        if found is not None and found["type"] == kind:
            return found
    raise ApiError(404, "queue-not-found")


def shape(call: Call, queue: dict[str, Any], *, read: bool = False) -> dict[str, Any]:
    """A queue; reads (list, retrieve) also show `concurrencyLimitOverridePercent`."""
    key = key_of(queue)
    live = [r for r in call.state.active.values() if r.queue == key]
    limit = queue["override"] if queue["override"] is not None else queue["concurrencyLimit"]
    return {
        "id": queue["id"],
        "name": queue["name"],
        "type": queue["type"],
        "running": sum(r.status == "EXECUTING" for r in live),
        "queued": sum(r.status == "QUEUED" for r in live),
        "paused": queue["paused"],
        "concurrencyLimit": limit,
        "concurrency": {
            "current": limit,
            "base": queue["concurrencyLimit"],
            "override": queue["override"],
            "overriddenAt": queue.get("overriddenAt"),
            "overriddenBy": None,
        },
        "releaseConcurrencyOnWaitpoint": True,
        **({"concurrencyLimitOverridePercent": queue.get("percent")} if read else {}),
    }


def list_queues(call: Call) -> Reply:
    per_page = clamped(call.params, "perPage", 25, 1, 100)
    page = clamped(call.params, "page", 1, 1, 10**9)
    items = [shape(call, q, read=True) for q in call.state.queues.values()]
    start = (page - 1) * per_page
    pagination = {"currentPage": page, "totalPages": max(1, -(-len(items) // per_page)), "count": len(items)}
    return Reply(200, {"data": items[start : start + per_page], "pagination": pagination})


def retrieve(call: Call, queue: str) -> Reply:
    return Reply(200, shape(call, find(call, queue), read=True))


def pause(call: Call, queue: str) -> Reply:
    body = call.body()
    if body.get("action") not in ("pause", "resume"):
        raise ApiError(400, "action must be pause or resume")
    target = find(call, queue, body.get("type") or "id")
    target["paused"] = body["action"] == "pause"
    if not target["paused"]:
        for run in call.state.active.values():
            if run.queue == key_of(target) and run.status == "QUEUED":
                run.resumed_at = call.now()
    return Reply(200, shape(call, target))


def override(call: Call, queue: str) -> Reply:
    body = call.body()
    target = find(call, queue, body.get("type") or "id")
    if ("concurrencyLimit" in body) == ("percent" in body):
        raise ApiError(400, "Provide exactly one of concurrencyLimit or percent")
    target["override"] = body.get("concurrencyLimit", int(body.get("percent", 0)))
    target["percent"] = body.get("percent")
    target["overriddenAt"] = iso(call.now())
    return Reply(200, shape(call, target))


def reset(call: Call, queue: str) -> Reply:
    target = find(call, queue, call.body().get("type") or "id")
    target["override"] = target["percent"] = target["overriddenAt"] = None
    return Reply(200, shape(call, target))


def metrics(call: Call, queue: str) -> Reply:
    shown = shape(call, find(call, queue))
    return Reply(200, {"queued": shown["queued"], "running": shown["running"]})


ROUTES = (
    Route("GET", "/api/v1/queues", list_queues),
    Route("GET", "/api/v1/queues/{queue}", retrieve),
    Route("POST", "/api/v1/queues/{queue}/pause", pause),
    Route("POST", "/api/v1/queues/{queue}/concurrency/override", override),
    Route("POST", "/api/v1/queues/{queue}/concurrency/reset", reset),
    Route("GET", "/api/v1/queues/{queue}/metrics", metrics),
)
