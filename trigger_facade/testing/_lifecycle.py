"""How runs are born and move: QUEUED -> EXECUTING -> COMPLETED/FAILED on the fake's clock.

Also the user-level idempotency key (server-truth W10), delays and TTLs, maxDuration
(TIMED_OUT), a crashing handler (CRASHED), and the batch queue that turns streamed items into
runs after the stream's answer (F3).
"""

from __future__ import annotations

import json
import re
import traceback
from datetime import datetime
from typing import Any

from ..durations import format_duration, parse_duration
from ..errors import InvalidInputError
from ._state import FakeRun, IdempotencyEntry, State, new_id
from ._taskcontext import step_task, stop_task
from ._wire import ApiError

TERMINAL = {"COMPLETED", "CANCELED", "FAILED", "CRASHED", "SYSTEM_FAILURE", "EXPIRED", "TIMED_OUT", "INTERRUPTED"}
# a run in one of these gives its idempotency key up (W10); CANCELED and COMPLETED keep it
FREES_KEY = {"FAILED", "CRASHED", "SYSTEM_FAILURE", "EXPIRED", "TIMED_OUT", "INTERRUPTED"}
KEY_TTL = re.compile(r"(\d+)([smhdw])")
KEY_TTL_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800}
DEFAULT_KEY_TTL = 30 * 86_400
MAX_TAGS = 10
DEV_TTL = "10m"


def progress(state: State) -> None:
    """Move every live run as far as the clock allows, and create runs for streamed batch items."""
    now = state.now()
    drain_batch_queue(state)
    for run in list(state.active.values()):
        if run.status == "DELAYED" and run.delayed_until is not None and now >= run.delayed_until:
            set_status(run, "QUEUED", now)
            run.queued_at = run.delayed_until
        if run.status == "QUEUED":
            queued_at = run.queued_at if run.queued_at is not None else run.created_at
            ttl = ttl_seconds(run.ttl)
            if ttl and now >= queued_at + ttl:
                run.expired_at = queued_at + ttl
                finish(state, run, "EXPIRED", now)
                continue
            if not state.queues.get(run.queue, {}).get("paused") and now >= queued_at + state.config.start_after:
                # it started when it could have, not when the fake looked
                run.started_at = max(queued_at + state.config.start_after, run.resumed_at or 0.0)
                run.attempt_count = 1
                set_status(run, "EXECUTING", now)
        if run.status == "EXECUTING" and run.started_at is not None:
            execute_if_due(state, run, now)


def execute_if_due(state: State, run: FakeRun, now: float) -> None:
    assert run.started_at is not None
    if run.max_duration is not None and state.config.execution_time > run.max_duration:
        if now >= run.started_at + run.max_duration:
            run.error = {"message": "trigger.dev internal error (MAX_DURATION_EXCEEDED)"}
            finish(state, run, "TIMED_OUT", now)
        return
    begin = run.started_at + state.config.execution_time
    if run.execution is None and now < begin:
        return
    handler = state.handlers.get(run.task, echo)
    try:
        finished, output = step_task(state, run, handler, now, begin)
        if not finished:
            return  # a generator handler, asleep or waiting for input
        run.output = json.loads(json.dumps(output, default=str))
    except SystemExit:  # the task's process died (O14)
        run.error = {"message": "trigger.dev internal error (TASK_PROCESS_EXITED_WITH_NON_ZERO_CODE)"}
        finish(state, run, "CRASHED", now)
    except Exception as exc:  # the task failed: that is data, not a fake error
        stack = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        run.error = {"name": type(exc).__name__, "message": str(exc), "stackTrace": stack}
        finish(state, run, "FAILED", now)
    else:
        finish(state, run, "COMPLETED", now)


def echo(payload: Any) -> Any:
    return payload


def set_status(run: FakeRun, status: str, now: float) -> None:
    run.status = status
    run.updated_at = now


def finish(state: State, run: FakeRun, status: str, now: float) -> None:
    set_status(run, status, now)
    run.finished_at = now
    state.active.pop(run.id, None)


def cancel(state: State, run: FakeRun, now: float) -> None:
    """O12: the error "Canceled by user"; a run that never started has no finishedAt (recordings)."""
    started = run.started_at is not None
    stop_task(run)
    finish(state, run, "CANCELED", now)
    if not started:
        run.finished_at = None
    run.error = {"message": "Canceled by user"}


def ttl_seconds(ttl: str | None) -> float:
    if not ttl:
        return 0.0
    try:
        return parse_duration(ttl).total_seconds()
    except InvalidInputError:
        return 0.0  # an unreadable TTL means no expiry, as on the server


def delay_until(delay: Any, now: float) -> float | None:
    """The server's delay rule: a future date, else the duration grammar, else None (no delay)."""
    if not isinstance(delay, str):
        return None
    try:
        moment = datetime.fromisoformat(delay.replace("Z", "+00:00"))
        if moment.tzinfo is not None:
            epoch = moment.timestamp()
            return epoch if epoch > now else None
    except ValueError:
        pass
    try:
        return now + parse_duration(delay).total_seconds()
    except InvalidInputError:
        return None


def key_lifetime(ttl: Any) -> int:
    """`idempotencyKeyTTL`: one <n><unit> group; anything else means the 30-day default."""
    match = KEY_TTL.fullmatch(str(ttl or ""))
    return int(match.group(1)) * KEY_TTL_UNITS[match.group(2)] if match else DEFAULT_KEY_TTL


def cached_run(state: State, task: str, key: str) -> FakeRun | None:
    """The live run holding `key` for `task`, clearing the key when W10 says it no longer counts."""
    entry = state.idempotency.get((task, key))
    if entry is None:
        return None
    run = state.runs.get(entry.run_id)
    if run is not None and run.status not in FREES_KEY and state.now() < entry.expires_at:
        return run
    del state.idempotency[(task, key)]
    return None


def plain_payload(payload: Any, payload_type: str) -> Any:
    """O13: a superjson payload reads back as its plain `json` part."""
    if payload_type == "application/super+json" and isinstance(payload, str):
        try:
            decoded = json.loads(payload)
        except ValueError:
            return payload
        return decoded.get("json") if isinstance(decoded, dict) else decoded
    return payload


def create_run(
    state: State,
    task: str,
    payload: Any,
    options: dict[str, Any],
    *,
    key: str | None = None,
    batch_id: str | None = None,
) -> tuple[FakeRun, bool]:
    """(run, is_cached): a new run, or the one an idempotency key already names (W10)."""
    now = state.now()
    tags = options.get("tags") or []
    tags = [tags] if isinstance(tags, str) else list(tags)
    if len(tags) > MAX_TAGS:
        raise ApiError(422, f"Runs can have at most {MAX_TAGS} tags")
    if key:
        existing = cached_run(state, task, key)
        if existing is not None:
            return existing, True
    queue_name = (options.get("queue") or {}).get("name")
    state.queue_for(queue_name, "custom") if queue_name else state.queue_for(task, "task")
    ttl = options.get("ttl")
    if isinstance(ttl, (int, float)) and not isinstance(ttl, bool):
        ttl = format_duration(int(ttl))
    if ttl is None and state.config.slug == "dev":
        ttl = DEV_TTL  # the server gives dev runs a TTL when none is asked for
    max_duration = options.get("maxDuration")
    key_options = options.get("idempotencyKeyOptions")
    run = FakeRun(
        id=new_id("run"),
        task=task,
        payload=plain_payload(payload, options.get("payloadType") or "application/json"),
        packet=payload,
        payload_type=options.get("payloadType") or "application/json",
        created_at=now,
        updated_at=now,
        queued_at=now,
        ttl=ttl if isinstance(ttl, str) else None,
        max_duration=float(max_duration) if isinstance(max_duration, (int, float)) else None,
        tags=tags,
        metadata=options.get("metadata") if isinstance(options.get("metadata"), dict) else None,
        trigger_metadata=options.get("metadata") if isinstance(options.get("metadata"), dict) else None,
        idempotency_key=key,
        idempotency_key_options=key_options if key and isinstance(key_options, dict) else None,
        batch_id=batch_id,
        version=options.get("lockToVersion") or state.current_version,
        queue=queue_name or f"task/{task}",
        machine=options.get("machine"),
        region=options.get("region"),
        is_test=options.get("test") is True,
        index=len(state.order),
        stream_version=state.config.stream_version,
    )
    delayed = delay_until(options.get("delay"), now)
    if delayed is not None:
        run.status, run.delayed_until, run.queued_at = "DELAYED", delayed, None
    state.runs[run.id] = run
    state.order.append(run)
    state.active[run.id] = run
    if key:
        state.idempotency[(task, key)] = IdempotencyEntry(run.id, now + key_lifetime(options.get("idempotencyKeyTTL")))
    return run, False


def drain_batch_queue(state: State) -> None:
    """The batch queue: runs for streamed items are made after the stream was answered (F3)."""
    while state.batch_queue:
        batch = state.batches[state.batch_queue.pop(0)]
        for index in sorted(batch["items"]):
            if index in batch["runs"]:
                continue
            item = batch["items"][index]
            options = item.get("options") if isinstance(item.get("options"), dict) else {}
            try:
                run, _cached = create_run(
                    state,
                    str(item.get("task")),
                    item.get("payload"),
                    options,
                    key=options.get("idempotencyKey"),
                    batch_id=batch["id"],
                )
            except ApiError as exc:
                batch["errors"].append({"index": index, "taskIdentifier": item.get("task"), "error": exc.body["error"]})
                batch["runs"][index] = None
            else:
                batch["runs"][index] = run.id
        if batch["sealed"] and len(batch["runs"]) == batch["runCount"]:
            batch["processedAt"] = state.now()
            batch["updatedAt"] = state.now()
