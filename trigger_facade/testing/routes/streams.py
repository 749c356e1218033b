"""A run's output streams (what the task writes, read as server-sent events) and input streams (what
a caller sends to the running task).

Output, O19 and `realtime.v1.streams.$runId.$streamId.ts`: a run's streams are served in its
streams version (`FakeTrigger(stream_version="v2")`), answered with `X-Stream-Version`: v1 sends one
`id: <ms>-<n>` and one `data:` line per chunk and resumes after `Last-Event-ID`; v2 sends `event:
batch` records `{seq_num, timestamp, headers, body: {"data", "id"}}` and resumes at `seq_num + 1`.
With `Timeout-Seconds` the answer is held open and chunks go out as the task writes them, until
that many seconds pass without one (on a FakeClock the wait advances the clock); without it the
fake answers what was written at once. An unknown key is an empty 200.

Input, `realtime.v1.streams.$runId.input.$streamId.ts`: `{"data": ...}` is kept for the task
(`ctx.input(id)`), `{"ok": true}`; 404 for an unknown run, 400 once it finished, 413 over 1 MiB.
GET on the same path reads what was sent, in the run's stream format (the in-task SSE tail).
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Iterator

from .._auth import Access, require, run_resources
from .._lifecycle import TERMINAL, progress
from .._router import Call, Route
from .._state import FakeRun, State
from .._taskcontext import INPUT_PREFIX, append_chunks
from .._wire import ApiError, Reply

HOLD_STEP = 0.25
MAX_INPUT_BYTES = 1024 * 1024
JS_INT = re.compile(r"\s*([+-]?\d+)")
SSE = "text/event-stream; charset=utf-8"


def js_parse_int(text: str) -> int | None:
    """JavaScript's parseInt: leading digits, else NaN (None)."""
    match = JS_INT.match(text)
    return int(match.group(1)) if match else None


def timeout_seconds(call: Call) -> tuple[int | None, str | None]:
    """(seconds, refusal): the server's checks, JavaScript truthiness included ("0" and "abc" count
    as no header); a refusal is a plain-text 400."""
    raw = call.request.headers.get("timeout-seconds")
    value = js_parse_int(raw) if raw else None
    if not value:
        return None, None
    if value < 1:
        return None, "Timeout seconds must be greater than 0"
    if value > 600:
        return None, "Timeout seconds must be less than 600"
    return value, None


def redis_id(text: str) -> tuple[int, int] | None:
    head, _, tail = text.partition("-")
    if not head.isdigit() or (tail and not tail.isdigit()):
        return None
    return int(head), int(tail or 0)


def v1_event(index: int, chunk_id: str, data: str) -> str:
    return f"id: {chunk_id}\ndata: {data}\n\n"


def v2_event(index: int, chunk_id: str, data: str) -> str:
    millis = int(chunk_id.split("-")[0])
    part = hashlib.sha256(chunk_id.encode()).hexdigest()[:7]
    body = json.dumps({"data": json.loads(data), "id": part}, separators=(",", ":"))
    record = {"seq_num": index, "timestamp": millis, "headers": [], "body": body}
    return f"event: batch\ndata: {json.dumps({'records': [record]}, separators=(',', ':'))}\n\n"


def first_index(chunks: list[tuple[str, str]], after: str | None, v2: bool) -> int:
    """Where a (re)connection starts: after `Last-Event-ID` (a Redis id in v1, a seq_num in v2)."""
    if after is None:
        return 0
    if v2:
        seq = js_parse_int(after)
        return 0 if seq is None else max(0, seq + 1)
    # Redis XREAD: the entries with a greater id
    bound = redis_id(after)
    if bound is None:
        return 0
    later = [n for n, (chunk_id, _) in enumerate(chunks) if (redis_id(chunk_id) or (0, 0)) > bound]
    return later[0] if later else len(chunks)


def held_events(state: State, key: tuple[str, str], start: int, idle: float, v2: bool) -> Iterator[bytes]:
    """Chunks as they are written, until `idle` seconds pass without one."""
    render = v2_event if v2 else v1_event
    sent = start
    advance = getattr(state.clock, "advance", None)
    with state.lock:
        quiet_since = state.now()
    while True:
        with state.lock:
            progress(state)
            chunks = state.streams.get(key, [])
            fresh = chunks[sent:]
            now = state.now()
            if fresh:
                quiet_since = now
            elif now - quiet_since >= idle:
                return
            elif advance is not None:
                advance(min(HOLD_STEP, idle - (now - quiet_since)))
            else:
                state.changed.wait(min(0.05, idle - (now - quiet_since)))
        if fresh:
            text = "".join(render(sent + n, chunk_id, data) for n, (chunk_id, data) in enumerate(fresh))
            sent += len(fresh)
            yield text.encode()
        elif advance is None:
            time.sleep(0)  # let a writer take the lock


def output_stream(call: Call, run: str, key: str) -> Reply:
    target = found_run(call, run)
    require(call.principal, "read", *run_resources(target))
    idle, refusal = timeout_seconds(call)
    if refusal is not None:
        return Reply(400, None, bare=True, content_type="text/plain;charset=UTF-8", text=refusal)
    v2 = target.stream_version == "v2"
    chunks = call.state.streams.get((run, key), [])
    start = first_index(chunks, call.request.headers.get("last-event-id"), v2)
    headers = {"x-stream-version": target.stream_version}
    if idle is not None:
        body = held_events(call.state, (run, key), start, float(idle), v2)
        return Reply(200, None, headers, bare=True, content_type=SSE, stream=body)
    render = v2_event if v2 else v1_event
    text = "".join(render(start + n, chunk_id, data) for n, (chunk_id, data) in enumerate(chunks[start:]))
    return Reply(200, None, headers, bare=True, content_type=SSE, text=text)


def found_run(call: Call, run: str) -> FakeRun:
    target = call.state.runs.get(run)
    if target is None:
        raise ApiError(404, "Not found", headers={"x-should-retry": "false"})
    return target


def send_input(call: Call, run: str, stream: str) -> Reply:
    """The route's own refusals carry `ok: false`; the body limit is the route builder's."""
    require(call.principal, "write", ("inputStreams", run))
    if len(call.request.content) > MAX_INPUT_BYTES:
        raise ApiError(413, "Request body too large")
    target = call.state.runs.get(run)
    if target is None:
        raise ApiError(404, "Run not found", ok=False)
    if target.status in TERMINAL:
        raise ApiError(400, "Cannot send to input stream on a completed run", ok=False)
    try:
        body = json.loads(call.request.content or b"")
    except ValueError:
        raise ApiError(400, "Invalid request body", ok=False) from None
    if not isinstance(body, dict):
        raise ApiError(400, "Invalid request body", ok=False)
    call.state.inputs.setdefault((run, stream), []).append(body.get("data"))
    append_chunks(call.state, run, INPUT_PREFIX + stream, (body.get("data"),))
    progress(call.state)  # a task waiting on this input goes on
    return Reply(200, {"ok": True})


def input_stream(call: Call, run: str, stream: str) -> Reply:
    """What was sent to an input stream, read like an output stream (the in-task SSE tail)."""
    return output_stream(call, run, INPUT_PREFIX + stream)


ROUTES = (
    Route("POST", "/realtime/v1/streams/{run}/input/{stream}", send_input, Access.ENV_OR_JWT),
    Route("GET", "/realtime/v1/streams/{run}/input/{stream}", input_stream, Access.ENV_OR_JWT),
    Route("GET", "/realtime/v1/streams/{run}/{key}", output_stream, Access.ENV_OR_JWT),
)
