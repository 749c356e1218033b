"""Waiting for a run and watching it change (client.runs.wait, watch), written once as a feed.

`watch_run` follows the realtime feed first when asked (`run_snapshots`), polling with backoff as
the fallback, and emits the run each time it changes; `wait` takes its last run. Each poll is the
flow `read_run`. No I/O here: the resources run them with `self._feed(...)`.
"""

from __future__ import annotations

import logging
from collections.abc import Generator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx
from trigger_api.api.runs import retrieve_run_v1

from .._base import operation_request_within, parse_response
from ..errors import APIError, RealtimeProtocolError, RunWaitTimeoutError
from ..flows import Answer, Feed, FeedStep, Flow, emit, exchange, next_item
from ..models import Run
from ..realtime.electric import ShapeSubscription
from .payloads import download
from .polling import PollPlan, poll
from .run_feeds import DEADLINE_SLACK, run_snapshots
from .run_parsing import parse_run

if TYPE_CHECKING:
    from ..client_state import ClientState

log = logging.getLogger("trigger_facade")

DEFAULT_WAIT_TIMEOUT = 600.0


# watch/wait poll instead once the feed has failed this many times in a row (429: the realtime
# connection cap of the environment; 5xx; dropped connections)
WATCH_FEED_FAILURES = 3

# what tells one read of a run from the next: its status and when it was last updated
Fingerprint = tuple[str, Any]


@dataclass(frozen=True)
class WatchPlan:
    run_id: str
    interval: float
    ceiling: float
    limit: float | None
    deadline: float | None
    realtime: bool


def read_run(
    state: ClientState, http: httpx.Client | httpx.AsyncClient, run_id: str, deadline: float | None, payload: list[Any]
) -> Flow[Run]:
    """The run, read within `deadline`; a presigned payload is fetched only the first time (kept in `payload`)."""
    answer = yield from exchange(
        operation_request_within(state, http, deadline, retrieve_run_v1._get_kwargs, run_id=run_id)
    )
    run = parse_response(answer, parse_run)
    fetched = {}
    if run.payload_presigned_url and run.data.get("payload") is None:
        if not payload:
            payload.append((yield from download(state, http, run.payload_presigned_url, deadline)))
        fetched["payload"] = payload[0]
    if run.output_presigned_url and run.data.get("output") is None:
        fetched["output"] = yield from download(state, http, run.output_presigned_url, deadline)
    return run.evolve(**fetched) if fetched else run


def watch_run(state: ClientState, http: httpx.Client | httpx.AsyncClient, plan: WatchPlan) -> Feed[Run]:
    """Emit the run each time it changes, ending after a terminal status; RunWaitTimeoutError once
    the plan's deadline has passed with the run still going."""
    last_seen: Fingerprint | None = None
    if plan.realtime:
        finished, last_seen = yield from _follow_feed(state, http, plan)
        if finished:
            return
    yield from _poll(state, http, plan, last_seen)


def _follow_feed(
    state: ClientState, http: httpx.Client | httpx.AsyncClient, plan: WatchPlan
) -> Generator[FeedStep[Run], Answer, tuple[bool, Fingerprint | None]]:
    """Emit the runs of the realtime feed; (True, ...) after a terminal one, (False, the last run
    seen) once the feed has failed (logged) and polling should take over."""
    last_seen: Fingerprint | None = None
    failure: Exception | None = None
    runs: Feed[Run] | None = None
    try:
        sub = ShapeSubscription.for_run(plan.run_id, rand=state.clock.random)
        runs = run_snapshots(state, http, sub, plan.deadline, give_up_after=WATCH_FEED_FAILURES)
        while (run := (yield from next_item(runs))) is not None:
            last_seen = (run.status, run.data.get("updatedAt"))
            yield from emit(run)
            if run.is_terminal:
                return True, last_seen
    except (APIError, RealtimeProtocolError) as exc:
        failure = exc
    finally:
        if runs is not None:
            runs.close()
    out_of_time = plan.deadline is not None and state.clock.monotonic() >= plan.deadline - DEADLINE_SLACK
    if failure is None or out_of_time:
        raise RunWaitTimeoutError(plan.run_id, plan.limit or 0.0, last_seen[0] if last_seen else None)
    log.info("realtime feed for %s unavailable (%s); polling instead", plan.run_id, failure)
    return False, last_seen


def _poll(
    state: ClientState, http: httpx.Client | httpx.AsyncClient, plan: WatchPlan, last_seen: Fingerprint | None
) -> Feed[Run]:
    """Read the run with backoff from `plan.interval` to `plan.ceiling`, emitting it when it changed."""
    payload: list[Any] = []  # the payload never changes: download a presigned one once
    fingerprints = [last_seen]

    def changed(run: Run) -> Generator[FeedStep[Run], Answer, None]:
        fingerprint = (run.status, run.data.get("updatedAt"))
        if fingerprint != fingerprints[-1]:
            fingerprints.append(fingerprint)
            yield from emit(run)

    def timed_out(run: Run | None) -> RunWaitTimeoutError:
        status = run.status if run is not None else last_seen[0] if last_seen else None
        return RunWaitTimeoutError(plan.run_id, plan.limit or 0.0, status)

    yield from poll(
        state.clock,
        PollPlan(plan.interval, plan.ceiling, plan.deadline, plan.limit),
        lambda: read_run(state, http, plan.run_id, plan.deadline, payload),
        is_terminal,
        timed_out,
        changed,
    )


def wait_for_run(state: ClientState, http: httpx.Client | httpx.AsyncClient, run_id: str, plan: PollPlan) -> Flow[Run]:
    """Poll the run until it is terminal (a handle's `wait`); RunWaitTimeoutError once the plan's
    deadline has passed, naming the last status read."""
    payload: list[Any] = []
    return (
        yield from poll(
            state.clock,
            plan,
            lambda: read_run(state, http, run_id, plan.deadline, payload),
            is_terminal,
            lambda run: RunWaitTimeoutError(run_id, plan.limit or 0.0, None if run is None else run.status),
        )
    )


def is_terminal(run: Run) -> bool:
    return run.is_terminal
