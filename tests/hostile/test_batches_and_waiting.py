"""Issue 11.5 and 11.7: a batch call that stops part-way says what exists; waits and lists cannot loop."""

from __future__ import annotations

import json
from typing import Any

from trigger_facade import BatchPartiallySentError, InternalServerError
from trigger_facade.errors import PaginationLoopError
from trigger_facade.testing import FakeClock

from .harness import RUN, exercise, raised
from .server import Seen, hostile_server, json_answer, sequence


def _batches(fail_on: int) -> Any:
    """Create-batch answers batch_0, batch_1 ... and fails from the `fail_on`-th create on."""
    created = iter(range(100))

    def send(seen: Seen, conn: Any) -> None:
        number = next(created)
        if number >= fail_on:
            json_answer(500, '{"error":"Internal Server Error"}')(seen, conn)
        else:
            json_answer(202, json.dumps({"id": f"batch_{number}", "runCount": 1000, "isCached": False}))(seen, conn)

    return send


def _sealed(seen: Seen, conn: Any) -> None:
    batch_id = seen.path.split("/")[4]
    body = {"id": batch_id, "itemsAccepted": 1000, "itemsDeduplicated": 0, "sealed": True, "runCount": 1000}
    json_answer(200, json.dumps(body))(seen, conn)


def test_a_batch_call_that_fails_half_way_names_what_it_created(mode: str) -> None:
    items = [{"payload": {"n": i}} for i in range(2500)]
    routes = {
        ("POST", "/api/v3/batches"): _batches(fail_on=2),
        ("POST", "/api/v3/batches/batch_0/items"): _sealed,
        ("POST", "/api/v3/batches/batch_1/items"): _sealed,
    }
    with hostile_server(routes) as server:
        error = raised(mode, lambda c: c.tasks.batch_trigger("t", items), base_url=server.url, clock=FakeClock())
    assert isinstance(error, BatchPartiallySentError)
    assert error.batch_ids == ["batch_0", "batch_1"]
    assert error.next_index == 2000
    assert isinstance(error.__cause__, InternalServerError)
    assert "items[2000:]" in str(error)
    # resuming from next_index sends exactly the rest
    resumed = items[error.next_index :]
    assert resumed[0] == {"payload": {"n": 2000}}
    assert len(resumed) == 500


def test_a_wait_downloads_a_presigned_payload_once(mode: str) -> None:
    with hostile_server() as server:
        stored = f"{server.url}/storage/payload.json"
        states = [
            {**{k: v for k, v in RUN.items() if k != "payload"}, "status": s, "payloadPresignedUrl": stored}
            for s in ("QUEUED", "EXECUTING", "EXECUTING", "COMPLETED")
        ]
        server.routes[("GET", "/api/v3/runs/run_1")] = sequence(*(json_answer(200, json.dumps(s)) for s in states))
        server.routes[("GET", "/storage/payload.json")] = json_answer(200, '{"big": true}')
        run = exercise(mode, lambda c: c.runs.wait("run_1", poll_interval=0.01), base_url=server.url, clock=FakeClock())
    assert run.status == "COMPLETED"
    assert run.payload == {"big": True}
    assert server.count("GET", "/api/v3/runs/run_1") == 4
    assert server.count("GET", "/storage/payload.json") == 1


def test_a_repeated_cursor_stops_paging_with_our_error(mode: str) -> None:
    item = {k: v for k, v in RUN.items() if k != "triggerFunction"}
    page = {"data": [{**item, "id": "run_a", "env": {"id": "e", "name": "dev"}}], "pagination": {"next": "same"}}
    with hostile_server({("GET", "/api/v1/runs"): json_answer(200, json.dumps(page))}) as server:
        error = raised(mode, lambda c: c.runs.list(), base_url=server.url)
    assert isinstance(error, PaginationLoopError)
    assert server.count("GET", "/api/v1/runs") == 2


def test_an_instant_realtime_feed_is_paced(mode: str) -> None:
    """A feed that answers at once with nothing new must not become a tight loop."""
    feed = json_answer(200, "[]", {"electric-handle": "h", "electric-offset": "0_0", "electric-schema": "{}"})
    clock = FakeClock()
    with hostile_server({("GET", "/realtime/v1/runs/run_1"): feed}) as server:
        server.routes[("GET", "/api/v3/runs/run_1")] = json_answer(200, json.dumps(RUN))
        error = raised(
            mode, lambda c: c.runs.wait("run_1", timeout=60, realtime=True), base_url=server.url, clock=clock
        )
    assert type(error).__name__ == "RunWaitTimeoutError"
    feeds = server.count("GET", "/realtime/v1/runs/run_1")
    # 60 s of (fake) time: pacing doubles towards the poll ceiling instead of spinning
    assert 3 <= feeds <= 20, feeds
    assert sum(clock.sleeps) >= 50  # the wait used its time sleeping, not spinning
