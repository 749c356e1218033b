"""BatchHandle / AsyncBatchHandle: results() and wait() follow every server batch of a call, in item order."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import pytest

from trigger_facade import AsyncBatchHandle, BatchHandle, RunFailedError, RunWaitTimeoutError
from trigger_facade.testing import FakeClock

from ..facade.harness import RUN, call, make_client, ok


class BatchServer:
    """A MockTransport handler for batches: creates numbered batches, streams items, answers batch and
    run reads. Each item's payload {"n": i} makes a run run_<i> whose output is i * 10 (odd items fail
    when `failing_odd`); `errors` maps a global item index to a processing error (no run)."""

    def __init__(self, *, failing_odd: bool = False, errors: dict[int, str] | None = None, pending_reads: int = 0):
        self.failing_odd = failing_odd
        self.errors = errors or {}
        self.pending_reads = pending_reads  # batch reads answered PROCESSING before the runs exist
        self.batches: dict[str, list[int]] = {}
        self.requests: list[httpx.Request] = []
        self.run_reads: dict[str, int] = {}

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if path == "/api/v3/batches":
            batch_id = f"batch_{len(self.batches) + 1}"
            self.batches[batch_id] = []
            count = json.loads(request.content)["runCount"]
            return ok({"id": batch_id, "runCount": count, "isCached": False}, status=202)
        if match := re.fullmatch(r"/api/v3/batches/(batch_\d+)/items", path):
            lines = [json.loads(line) for line in request.content.decode().splitlines()]
            numbers = [json.loads(line["payload"])["json"]["n"] for line in lines]
            self.batches[match.group(1)] = numbers
            return ok({"id": match.group(1), "itemsAccepted": len(lines), "itemsDeduplicated": 0, "sealed": True})
        if match := re.fullmatch(r"/api/v2/batches/(batch_\d+)", path):
            numbers = self.batches[match.group(1)]
            pending = self.pending_reads > 0
            self.pending_reads -= 1
            failed = [(i, n) for i, n in enumerate(numbers) if n in self.errors]
            runs = [] if pending else [f"run_{n}" for n in numbers if n not in self.errors]
            return ok(
                {
                    "id": match.group(1),
                    "status": "PROCESSING" if pending else ("PARTIAL_FAILED" if failed else "COMPLETED"),
                    "createdAt": "2026-01-01T00:00:00Z",
                    "updatedAt": "2026-01-01T00:00:00Z",
                    "runCount": len(numbers),
                    "runs": runs,
                    "processing": {
                        "completedAt": None if pending else "2026-01-01T00:00:01Z",
                        "errors": [
                            {"index": i, "taskIdentifier": "my-task", "error": self.errors[n], "errorCode": "BAD"}
                            for i, n in failed
                        ],
                    },
                }
            )
        if match := re.fullmatch(r"/api/v3/runs/run_(\d+)", path):
            n = int(match.group(1))
            reads = self.run_reads[path] = self.run_reads.get(path, 0) + 1
            if reads == 1 and n == 0:
                return ok({**RUN, "id": f"run_{n}", "status": "EXECUTING"})
            if self.failing_odd and n % 2:
                return ok({**RUN, "id": f"run_{n}", "status": "FAILED", "error": {"message": f"odd {n}"}})
            return ok({**RUN, "id": f"run_{n}", "status": "COMPLETED", "output": n * 10})
        return httpx.Response(404, json={"error": f"no route {path}"})


def batch(mode: str, server: BatchServer, count: int, **kwargs: Any) -> Any:
    client = make_client(mode, server, **kwargs)  # type: ignore[arg-type]
    return call(client, "tasks.batch_trigger", "my-task", [{"payload": {"n": n}} for n in range(count)])


def test_the_handle_is_the_clients_kind(mode: str) -> None:
    handle = batch(mode, BatchServer(), 2)
    assert isinstance(handle, AsyncBatchHandle if mode == "async" else BatchHandle)
    assert (handle.ids, handle.run_count, handle.is_split) == (["batch_1"], 2, False)


def test_results_of_a_split_batch_come_in_item_order(mode: str) -> None:
    server = BatchServer()
    handle = batch(mode, server, 1003)
    assert handle.ids == ["batch_1", "batch_2"]
    results = call(handle, "results", timeout=60)
    assert [r.output for r in results] == [n * 10 for n in range(1003)]
    assert [r.id for r in results][998:] == ["run_998", "run_999", "run_1000", "run_1001", "run_1002"]
    assert all(r.ok for r in results)
    # run_0 was still executing at first: it was read again, every other run once
    assert server.run_reads["/api/v3/runs/run_0"] == 2
    assert server.run_reads["/api/v3/runs/run_1002"] == 1


def test_failed_items_carry_their_error_and_unwrap_raises(mode: str) -> None:
    handle = batch(mode, BatchServer(failing_odd=True), 4)
    results = call(handle, "wait")
    assert [(r.ok, r.output, r.error) for r in results] == [
        (True, 0, None),
        (False, None, {"message": "odd 1"}),
        (True, 20, None),
        (False, None, {"message": "odd 3"}),
    ]
    assert results[2].unwrap() == 20
    with pytest.raises(RunFailedError, match="odd 3"):
        results[3].unwrap()


def test_an_item_the_server_could_not_trigger_keeps_its_place(mode: str) -> None:
    server = BatchServer(errors={1: "Task not found"})
    results = call(batch(mode, server, 3), "results")
    assert [(r.id, r.status) for r in results] == [
        ("run_0", "COMPLETED"),
        ("", "TRIGGER_FAILED"),
        ("run_2", "COMPLETED"),
    ]
    assert results[1].error == {"message": "Task not found", "code": "BAD"}
    assert (results[1].is_finished, results[1].ok) == (True, False)
    with pytest.raises(RunFailedError, match="an item ended TRIGGER_FAILED: Task not found"):
        results[1].unwrap()


def test_results_wait_for_the_server_to_make_the_runs(mode: str) -> None:
    clock = FakeClock()
    server = BatchServer(pending_reads=2)
    results = call(batch(mode, server, 2, clock=clock), "results", poll_interval=1.0)
    assert [r.output for r in results] == [0, 10]
    reads = [r for r in server.requests if r.url.path == "/api/v2/batches/batch_1"]
    assert len(reads) == 3
    assert clock.monotonic() > 0


def test_results_give_up_after_the_timeout(mode: str) -> None:
    clock = FakeClock()
    server = BatchServer(pending_reads=10**6)
    handle = batch(mode, server, 2, clock=clock)
    with pytest.raises(RunWaitTimeoutError, match="batch_1"):
        call(handle, "results", timeout=20)
    assert clock.monotonic() == pytest.approx(20.0)
