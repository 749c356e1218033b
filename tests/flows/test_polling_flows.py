"""Polling written as a flow: stepped with plain callables (no client I/O), its sleeps are steps
the driver performs on the clock, backing off, and the answer comes back in item order."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from trigger_facade import RunWaitTimeoutError, TriggerClient
from trigger_facade.flows import run_flow
from trigger_facade.models import BatchPart
from trigger_facade.sansio.batching import batch_results
from trigger_facade.sansio.polling import PollPlan
from trigger_facade.testing import FakeClock

from ..facade.harness import KEY, RUN

BATCH: dict[str, Any] = {
    "id": "batch_1",
    "status": "COMPLETED",
    "createdAt": "2026-01-01T00:00:00Z",
    "updatedAt": "2026-01-01T00:00:00Z",
    "runCount": 1,
    "runs": ["run_1"],
    "processing": {"completedAt": None, "errors": []},
}


def unused(request: httpx.Request) -> httpx.Response:
    raise AssertionError("a flow sends nothing itself")


def setup(run_statuses: list[str]) -> tuple[Any, Any, list[str], FakeClock]:
    """The flow over one batch of one run, and a `send` answering the run with each status in turn."""
    clock = FakeClock()
    client = TriggerClient(secret_key=KEY, clock=clock, environ={}, transport=httpx.MockTransport(unused))
    resource: Any = client.runs
    seen: list[str] = []
    statuses = iter(run_statuses)

    def send(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        if request.url.path == "/api/v2/batches/batch_1":
            return httpx.Response(200, json=BATCH, request=request)
        body = {**RUN, "status": next(statuses)}
        return httpx.Response(200, json=body, request=request)

    plan = PollPlan(interval=1.0, ceiling=10.0, deadline=30.0, limit=30.0)
    flow = batch_results(resource._state, resource._http, (BatchPart("batch_1", 1, False, 0),), plan)
    return flow, send, seen, clock


def test_batch_results_polls_with_backoff_as_sleep_steps() -> None:
    flow, send, seen, clock = setup(["EXECUTING", "EXECUTING", "COMPLETED"])
    results = run_flow(flow, send, clock.sleep)
    assert [(r.id, r.status) for r in results] == [("run_1", "COMPLETED")]
    assert seen == ["/api/v2/batches/batch_1", "/api/v3/runs/run_1", "/api/v3/runs/run_1", "/api/v3/runs/run_1"]
    assert clock.sleeps == [1.0, 1.5]


def test_batch_results_stops_at_its_deadline() -> None:
    flow, send, _, clock = setup(["EXECUTING"] * 100)
    with pytest.raises(RunWaitTimeoutError, match="0 of 1 runs finished"):
        run_flow(flow, send, clock.sleep)
    assert sum(clock.sleeps) == pytest.approx(30.0)
