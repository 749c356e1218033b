"""The realtime feed of one run, in Electric's long-poll wire format (O18).

`offset=-1` answers the run's row as an insert plus an up-to-date control message; a live request
(`live=true`) is held until the run changes or `realtime_hold` seconds pass (on a FakeClock the
hold advances the clock instead of waiting). Rows carry raw database values. Without the
`x-trigger-electric-version` header the old header names are used. A public JWT with
`read:runs:<id>` is accepted.
"""

from __future__ import annotations

import json
import time
from typing import Any

from .._auth import Access, require_scope
from .._lifecycle import progress
from .._router import Call, Route
from .._runview import realtime_row
from .._state import FakeRun, State
from .._wire import ApiError, Reply

HOLD_STEP = 0.5
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
    """A run's position in the feed: its last change, in milliseconds."""
    return int((run.updated_at or run.created_at) * 1000)


def hold_until_changed(state: State, run: FakeRun, seen: int) -> None:
    hold = state.config.realtime_hold
    advance = getattr(state.clock, "advance", None)
    waited = 0.0
    deadline = time.monotonic() + hold
    while version(run) <= seen and waited < hold:
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


def run_feed(call: Call, run: str) -> Reply:
    require_scope(call.principal, f"read:runs:{run}")
    target = call.state.runs.get(run)
    if target is None:
        raise ApiError(404, "Not found", headers={"x-should-retry": "false"})
    offset = call.params.get("offset", "-1")
    operation: str | None = "insert"
    if offset != "-1":
        try:
            seen = int(offset.split("_")[0])
        except ValueError:
            raise ApiError(400, "Invalid offset") from None
        if call.params.get("live") == "true":
            hold_until_changed(call.state, target, seen)
        operation = "update" if version(target) > seen else None
    messages: list[dict[str, Any]] = []
    if operation is not None:
        key = f'"public"."TaskRun"/"{target.id.removeprefix("run_")}"'
        messages.append({"key": key, "value": realtime_row(target), "headers": {"operation": operation}})
    messages.append({"headers": {"control": "up-to-date"}})
    handle = f"run-{target.id.removeprefix('run_')}"
    position = f"{version(target)}_0"
    if call.request.headers.get("x-trigger-electric-version"):
        headers = {"electric-offset": position, "electric-handle": handle}
    else:
        headers = {"electric-chunk-last-offset": position, "electric-shape-id": handle}
    # the first answer describes the columns; live answers carry a cursor instead
    if offset == "-1":
        headers["electric-schema"] = SCHEMA
    else:
        headers["electric-cursor"] = str(int(call.now()))
    return Reply(200, messages, headers)


def stream(call: Call, run: str, key: str) -> Reply:
    """O19: server-sent events, one `id:` and one `data:` line per chunk, from the start or after
    `Last-Event-ID`; an unknown key is an empty 200. The fake answers at once instead of holding the
    connection open for `Timeout-Seconds`."""
    require_scope(call.principal, f"read:runs:{run}")
    chunks = call.state.streams.get((run, key), [])
    after = call.request.headers.get("last-event-id")
    if after is not None:
        ids = [chunk_id for chunk_id, _ in chunks]
        chunks = chunks[ids.index(after) + 1 :] if after in ids else []
    text = "".join(f"id: {chunk_id}\ndata: {data}\n\n" for chunk_id, data in chunks)
    return Reply(200, None, bare=True, content_type="text/event-stream; charset=utf-8", text=text)


ROUTES = (
    Route("GET", "/realtime/v1/runs/{run}", run_feed, Access.ENV_OR_JWT),
    Route("GET", "/realtime/v1/streams/{run}/{key}", stream, Access.ENV_OR_JWT),
)
