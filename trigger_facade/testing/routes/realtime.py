"""The realtime run feeds, in Electric's long-poll wire format (O18): one run, the runs with some
tags, and a batch's runs.

`offset=-1` answers every run of the shape as an insert plus an up-to-date control message; a
live request (`live=true`) is held until a run of the shape changes or `realtime_hold` seconds
pass (on a FakeClock the hold advances the clock instead of waiting), then answers one row per
changed run (an insert for a run new to the shape). Offsets are `<ms of the shape's last change>_0`.
Rows carry raw database values. Without the `x-trigger-electric-version` header the old header
names are used. A `handle` the fake did not hand out (or one made stale by
`FakeTrigger.rotate_shapes()`) is a 409 with the new handle and a must-refetch control message.

Authorization as the server's routes: a run feed takes a token for the run, its task, one of its
tags or its batch; the tag feed `read:runs`, `read:tags` or `read:tags:<one of the tags>`; the batch
feed `read:batch:<id>` or `read:runs`. A token's `realtime.skipColumns` adds to `skipColumns`.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from typing import Any

from ...durations import parse_duration
from ...errors import InvalidInputError
from .._auth import Access, require, run_resources
from .._lifecycle import progress
from .._router import Call, Route
from .._runview import realtime_row
from .._state import FakeRun, State
from .._wire import ApiError, Reply

HOLD_STEP = 0.5
DEFAULT_WINDOW = 86_400.0  # the tag feed's createdAt default, 24 h
RESERVED = ("id", "taskIdentifier", "friendlyId", "status", "createdAt")  # never skipped
TEXT = ("id", "taskIdentifier", "friendlyId", "status", "ttl", "payload", "payloadType", "metadata", "metadataType")
STAMPS = ("createdAt", "updatedAt", "startedAt", "delayUntil", "queuedAt", "expiredAt", "completedAt")
SCHEMA = json.dumps(
    {
        **{name: {"type": "text"} for name in TEXT},
        **{name: {"type": "timestamp"} for name in STAMPS},
        "number": {"type": "int4"},
        "isTest": {"type": "bool"},
        "usageDurationMs": {"type": "int4"},
        "costInCents": {"type": "float8"},
        "baseCostInCents": {"type": "float8"},
        "output": {"type": "text"},
        "outputType": {"type": "text"},
        "runTags": {"type": "text", "dims": 1},
        "error": {"type": "jsonb"},
        "realtimeStreams": {"type": "text", "dims": 1},
    },
    separators=(",", ":"),
)


def version(run: FakeRun) -> int:
    """A run's position in a feed: its last change, in milliseconds."""
    return int((run.updated_at or run.created_at) * 1000)


def hold_until(state: State, changed: Callable[[], bool]) -> None:
    """A live request's wait: until `changed()` or `realtime_hold` seconds, on the fake's clock."""
    hold = state.config.realtime_hold
    advance = getattr(state.clock, "advance", None)
    waited = 0.0
    deadline = time.monotonic() + hold
    while not changed() and waited < hold:
        if advance is not None:
            step = min(HOLD_STEP, hold - waited)
            advance(step)
            waited += step
        else:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            state.changed.wait(min(0.05, remaining))
        progress(state)


def electric_headers(call: Call, position: str, handle: str) -> dict[str, str]:
    if call.request.headers.get("x-trigger-electric-version"):
        return {"electric-offset": position, "electric-handle": handle}
    return {"electric-chunk-last-offset": position, "electric-shape-id": handle}


def shape_handle(state: State, base: str) -> str:
    return base if state.shape_generation == 0 else f"{base}-g{state.shape_generation}"


def skipped(call: Call) -> set[str]:
    asked = [c for c in call.params.get("skipColumns", "").split(",") if c]
    token = call.principal.skip_columns if call.principal is not None else []
    return {c for c in (*asked, *token) if c not in RESERVED}


def row_message(run: FakeRun, operation: str, skip: set[str]) -> dict[str, Any]:
    value = {k: v for k, v in realtime_row(run).items() if k not in skip}
    key = f'"public"."TaskRun"/"{run.id.removeprefix("run_")}"'
    return {"key": key, "value": value, "headers": {"operation": operation}}


def answer_shape(call: Call, base: str, members: Callable[[], list[FakeRun]]) -> Reply:
    """The shape protocol over the runs `members()` names (asked again after every wait)."""
    handle = shape_handle(call.state, base)
    offset = call.params.get("offset", "-1")
    asked_handle = call.params.get("handle")
    if asked_handle is not None and asked_handle != handle:
        headers = electric_headers(call, "-1", handle)
        return Reply(409, [{"headers": {"control": "must-refetch"}}], headers)
    skip = skipped(call)

    def latest() -> int:
        return max((version(run) for run in members()), default=0)

    messages: list[dict[str, Any]] = []
    if offset == "-1":
        messages = [row_message(run, "insert", skip) for run in members()]
    else:
        try:
            seen = int(offset.split("_")[0])
        except ValueError:
            raise ApiError(400, "Invalid offset") from None
        if call.params.get("live") == "true":
            hold_until(call.state, lambda: latest() > seen)
        for run in members():
            if version(run) > seen:
                new = int(run.created_at * 1000) > seen
                messages.append(row_message(run, "insert" if new else "update", skip))
    messages.append({"headers": {"control": "up-to-date"}})
    headers = electric_headers(call, f"{latest()}_0", handle)
    # the first answer describes the columns; live answers carry a cursor instead
    if offset == "-1":
        headers["electric-schema"] = SCHEMA
    else:
        headers["electric-cursor"] = str(int(call.now()))
    return Reply(200, messages, headers)


def run_feed(call: Call, run: str) -> Reply:
    target = call.state.runs.get(run)
    if target is None:
        raise ApiError(404, "Not found", headers={"x-should-retry": "false"})
    require(call.principal, "read", *run_resources(target))
    return answer_shape(call, f"run-{target.id.removeprefix('run_')}", lambda: [target])


def tag_feed(call: Call) -> Reply:
    """`?tags=a,b[&createdAt=2h]`: the runs carrying every one of the tags (Electric's `runTags @>`),
    created within the window (default 24 h); without tags, every run in the window."""
    raw = call.params.get("tags")
    tags = raw.split(",") if raw else []
    for tag in tags:
        if not tag:
            detail = {"code": "custom", "message": f"Invalid tag: {json.dumps(tag)}", "path": ["tags"]}
            raise ApiError(400, "Query Error", details=[detail])
    require(call.principal, "read", ("runs", None), ("tags", None), *(("tags", tag) for tag in tags))
    digest = hashlib.sha256(",".join(sorted(tags)).encode()).hexdigest()[:16]
    floor = pinned_floor(call, f"tags-{digest}-") or call.now() - window_of(call)
    state = call.state

    def members() -> list[FakeRun]:
        return [r for r in state.order if r.created_at >= floor and all(t in r.tags for t in tags)]

    # the window is pinned in the handle, so it does not slide under a live subscription
    return answer_shape(call, f"tags-{digest}-{int(floor)}", members)


def window_of(call: Call) -> float:
    if call.params.get("createdAt"):
        try:
            return parse_duration(call.params["createdAt"]).total_seconds()
        except InvalidInputError:
            pass
    return DEFAULT_WINDOW


def pinned_floor(call: Call, prefix: str) -> float | None:
    """The window's start a handle of this feed carries (the server recovers it the same way)."""
    handle = call.params.get("handle") or ""
    if not handle.startswith(prefix):
        return None
    pinned = handle[len(prefix) :].split("-")[0]
    return float(pinned) if pinned.isdigit() else None


def batch_feed(call: Call, batch: str) -> Reply:
    found = call.state.batches.get(batch)
    if found is None:
        raise ApiError(404, "Not found", headers={"x-should-retry": "true"})
    require(call.principal, "read", ("batch", batch), ("runs", None))
    state = call.state

    def members() -> list[FakeRun]:
        return [r for r in state.order if r.batch_id == batch]

    return answer_shape(call, f"batch-{batch.removeprefix('batch_')}", members)


ROUTES = (
    Route("GET", "/realtime/v1/runs", tag_feed, Access.ENV_OR_JWT),
    Route("GET", "/realtime/v1/runs/{run}", run_feed, Access.ENV_OR_JWT),
    Route("GET", "/realtime/v1/batches/{batch}", batch_feed, Access.ENV_OR_JWT),
)
