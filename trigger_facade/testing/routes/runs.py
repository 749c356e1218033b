"""Runs: retrieve, list (environment and project), cancel, replay, reschedule, tags, metadata, result."""

from __future__ import annotations

import hashlib
import json

from .._auth import UNAUTHORIZED, Access, require, run_resources
from .._filters import run_filter
from .._lifecycle import TERMINAL, cancel, create_run, delay_until
from .._router import Call, Route
from .._runview import list_item, retrieve
from .._state import FakeRun, iso
from .._wire import ApiError, Reply, decode_cursor, encode_cursor, page_size

SLUGS = {"dev": "dev", "stg": "stg", "staging": "stg", "prod": "prod", "preview": "preview"}
METADATA_GRACE = 3600  # F5: metadata may change up to an hour after a run finished


def find(call: Call, run_id: str, message: str = "Run not found", **headers: str) -> FakeRun:
    run = call.state.runs.get(run_id)
    if run is None:
        raise ApiError(404, message, headers=headers)
    return run


def retrieve_run(call: Call, run: str) -> Reply:
    # W5/O2: the run may not be replicated yet, so the server asks for a retry; found before authorized
    found = find(call, run, "Not found", **{"x-should-retry": "true"})
    require(call.principal, "read", *run_resources(found))
    return Reply(200, retrieve(call.request, found, call.state.config))


def page_of_runs(call: Call, listed: bool = True) -> Reply:
    size = page_size(call.params, "page[size]", 25, 100)
    match = run_filter(call.params, call.now())
    order = call.state.order if listed else []
    start = decode_cursor(call.params.get("page[after]"), len(order))
    data: list[dict[str, object]] = []
    position = start
    while position > 0 and len(data) < size:
        position -= 1
        if match(order[position]):
            data.append(list_item(call.request, order[position], call.state.config))
    more = any(match(order[i]) for i in range(position - 1, -1, -1)) if position > 0 else False
    pagination = {"next": encode_cursor(position)} if more else {}
    return Reply(200, {"data": data, "pagination": pagination})


def list_runs(call: Call) -> Reply:
    """A token reads the list with `read:runs` or `read:tasks`, or one `read:tasks:<id>` per task filtered on."""
    principal = call.principal
    if principal is not None and not principal.can("read", [("runs", None), ("tasks", None)]):
        tasks = [t for t in call.params.get("filter[taskIdentifier]", "").split(",") if t]
        if not tasks or not all(principal.can("read", [("tasks", t)]) for t in tasks):
            raise ApiError(403, "Unauthorized", **UNAUTHORIZED)
    return page_of_runs(call)


def list_project_runs(call: Call, project: str) -> Reply:
    if project != call.state.config.project_ref:
        raise ApiError(404, "Project not found")
    raw = call.params.get("filter[env]")
    slugs = [SLUGS[s] for s in (raw or "").split(",") if s in SLUGS]
    if not slugs:
        # W2: "No environment found" is thrown, not mapped: a 500
        raise ApiError(500, "Internal Server Error")
    # W2: with several environments only the first one found is listed
    return page_of_runs(call, listed=slugs[0] == call.state.config.slug)


def cancel_run(call: Call, run: str) -> Reply:
    target = call.state.runs.get(run)
    # authorized before the 404: a token for another run learns nothing
    require(call.principal, "write", ("runs", run), *((("tasks", target.task),) if target else ()))
    found = find(call, run, "Resource not found")  # O7
    if found.status not in TERMINAL:
        cancel(call.state, found, call.now())
    return Reply(200, {"id": found.id})


def replay(call: Call, run: str) -> Reply:
    source = find(call, run, "Resource not found")
    # O17: the replay keeps payload, tags and metadata; nothing dedupes it (W9)
    options = {"tags": list(source.tags), "metadata": source.trigger_metadata, "payloadType": source.payload_type}
    sent = source.packet if source.packet is not None else source.payload
    new, _cached = create_run(call.state, source.task, sent, options)
    return Reply(200, {"id": new.id})


def reschedule(call: Call, run: str) -> Reply:
    target = find(call, run)
    if target.status != "DELAYED":
        raise ApiError(400, "Cannot reschedule a run that is not delayed")  # W6
    until = delay_until(call.body().get("delay"), call.now())
    if until is None:
        raise ApiError(400, "Invalid delay")
    target.delayed_until = until
    target.updated_at = call.now()
    return Reply(200, retrieve(call.request, target, call.state.config))


def add_tags(call: Call, run: str) -> Reply:
    target = find(call, run)
    tags = call.body().get("tags") or []
    new = [t for t in ([tags] if isinstance(tags, str) else tags) if t not in target.tags]
    if len(target.tags) + len(new) > 10:
        raise ApiError(422, "Runs can have at most 10 tags")
    target.tags.extend(new)
    return Reply(200, {"message": f"Successfully set {len(new)} new tags."})


def put_metadata(call: Call, run: str) -> Reply:
    target = find(call, run, "Task Run not found")
    metadata = call.body().get("metadata")
    if not isinstance(metadata, dict):
        raise ApiError(400, "Invalid request body")
    if target.finished_at is not None and call.now() - target.finished_at > METADATA_GRACE:
        raise ApiError(422, "Cannot update metadata for a completed run")  # F5
    target.metadata = metadata
    target.updated_at = call.now()
    return Reply(200, {"metadata": metadata})


def get_metadata(call: Call, run: str) -> Reply:
    target = find(call, run)  # O1: no x-should-retry here
    # W1: the column is a string; the server sends it as it is stored
    text = json.dumps(target.metadata, separators=(",", ":")) if target.metadata is not None else None
    return Reply(200, {"metadata": text, "metadataType": "application/json"})


def result(call: Call, run: str) -> Reply:
    # O15: the route reads attempt rows the v4 engine never writes; only a cancelled run answers
    target = call.state.runs.get(run)
    if target is None or target.status != "CANCELED":
        raise ApiError(404, "Run either doesn't exist or is not finished")
    return Reply(200, cancelled_result(target))


def cancelled_result(run: FakeRun) -> dict[str, object]:
    return {
        "ok": False,
        "id": run.id,
        "taskIdentifier": run.task,
        "error": {"type": "INTERNAL_ERROR", "code": "TASK_RUN_CANCELLED"},
    }


def events(call: Call, run: str) -> Reply:
    target = find(call, run)
    event = {
        "spanId": f"span_{target.id}",
        "message": target.task,
        "startTime": iso(target.created_at),
        "isError": target.status == "FAILED",
    }
    return Reply(200, {"events": [event]})


def trace(call: Call, run: str) -> Reply:
    target = find(call, run)
    return Reply(200, {"trace": {"traceId": hashlib.sha256(target.id.encode()).hexdigest()[:32]}})


def span(call: Call, run: str, span: str) -> Reply:
    target = find(call, run)
    if span != f"span_{target.id}":
        raise ApiError(404, "Span not found")
    body = {"spanId": span, "runId": target.id, "message": target.task, "isError": target.status == "FAILED"}
    return Reply(200, body)


ROUTES = (
    Route("GET", "/api/v3/runs/{run}", retrieve_run, Access.ENV_OR_JWT),
    Route("GET", "/api/v1/runs", list_runs, Access.ENV_OR_JWT),
    Route("GET", "/api/v1/projects/{project}/runs", list_project_runs, Access.PAT),
    Route("POST", "/api/v2/runs/{run}/cancel", cancel_run, Access.ENV_OR_JWT),
    Route("POST", "/api/v1/runs/{run}/replay", replay),
    Route("POST", "/api/v1/runs/{run}/reschedule", reschedule),
    Route("POST", "/api/v1/runs/{run}/tags", add_tags),
    Route("PUT", "/api/v1/runs/{run}/metadata", put_metadata),
    Route("GET", "/api/v1/runs/{run}/metadata", get_metadata),
    Route("GET", "/api/v1/runs/{run}/result", result),
    Route("GET", "/api/v1/runs/{run}/events", events),
    Route("GET", "/api/v1/runs/{run}/trace", trace),
    Route("GET", "/api/v1/runs/{run}/spans/{span}", span),
)
