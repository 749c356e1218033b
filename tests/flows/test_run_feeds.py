"""The realtime run feeds and the watch loop as feeds (sansio.run_feeds, sansio.run_waiting), driven
directly, sync and async, through a client's own `_send` and clock: a feed run inside another hands
over its steps and the errors thrown in at them, and is closed with it; the long poll paces an
instant empty feed and gives up after failures in a row with the last error; a stored packet is
found by path when the run route is missing; watch falls back to polling (logged) and keeps the
chain of errors that tells a timeout's cause."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from trigger_facade import AsyncTriggerClient, TriggerClient
from trigger_facade.errors import (
    DeadlineExceededError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RunWaitTimeoutError,
)
from trigger_facade.flows import Feed, Sleep, arun_feed, arun_flow, emit, exchange, next_item, pause, run_feed, run_flow
from trigger_facade.realtime.electric import ShapeSubscription
from trigger_facade.realtime.runs import StoredPacket
from trigger_facade.sansio.run_feeds import run_rows, run_snapshots, stored_packet
from trigger_facade.sansio.run_waiting import WatchPlan, watch_run

from ..realtime_client.server import STORAGE, FakeClock, RealtimeServer, Timeline, minute_run, wire_time

MODES = pytest.mark.parametrize("mode", ["sync", "async"])
KEY = "tr_dev_abcdefghijklmnopqrstuvwx"
BASE = "https://api.test"
Handler = Callable[[httpx.Request], httpx.Response]


def resource(mode: str, handler: Handler, clock: FakeClock) -> Any:
    cls = AsyncTriggerClient if mode == "async" else TriggerClient
    return cls(secret_key=KEY, base_url=BASE, transport=httpx.MockTransport(handler), clock=clock, environ={}).runs


def drive(mode: str, runs: Any, feed: Feed[Any], limit: int = 1_000) -> list[Any]:
    """The feed's items (at most `limit`) through the resource's `_send` and sleep; stopping early
    closes the feed, as a caller's `break` does."""
    if mode == "sync":
        out: list[Any] = []
        items = run_feed(feed, runs._send, runs._sleep)
        for item in items:
            out.append(item)
            if len(out) >= limit:
                items.close()
        return out

    async def gather() -> list[Any]:
        out: list[Any] = []
        items = arun_feed(feed, runs._send, runs._sleep)
        async for item in items:
            out.append(item)
            if len(out) >= limit:
                await items.aclose()
        return out

    return asyncio.run(gather())


def failure(mode: str, runs: Any, feed: Feed[Any]) -> tuple[list[Any], BaseException]:
    """What the feed emitted before it raised, and the error."""
    seen: list[Any] = []

    def recorded() -> Feed[Any]:
        while (item := (yield from next_item(feed))) is not None:
            seen.append(item)
            yield from emit(item)

    with pytest.raises(Exception) as caught:
        drive(mode, runs, recorded())
    return seen, caught.value


# --- a feed inside a feed -----------------------------------------------------------------------


class Inner:
    """A feed that sends one request, emits what came of it, sleeps, emits once more; records
    the error thrown in at its request and whether it was closed."""

    def __init__(self) -> None:
        self.thrown: list[BaseException] = []
        self.closed = False

    def feed(self, http: httpx.Client | httpx.AsyncClient) -> Feed[str]:
        try:
            try:
                answer = yield from exchange(http.build_request("GET", "/api/v1/things/a"))
                yield from emit(f"got {answer.status_code}")
            except NotFoundError as exc:
                self.thrown.append(exc)
                yield from emit("missing")
            yield from pause(2.0)
            yield from emit("later")
        finally:
            self.closed = True


def outer(inner: Feed[str]) -> Feed[str]:
    try:
        while (item := (yield from next_item(inner))) is not None:
            yield from emit(item.upper())
    finally:
        inner.close()


@MODES
def test_a_feed_inside_a_feed_gets_its_steps_answered_and_its_errors_thrown_in(mode: str) -> None:
    clock = FakeClock()
    runs = resource(mode, lambda r: httpx.Response(404, json={"error": "no such thing"}), clock)
    inner = Inner()
    assert drive(mode, runs, outer(inner.feed(runs._http))) == ["MISSING", "LATER"]
    assert [type(e) for e in inner.thrown] == [NotFoundError]
    assert clock.sleeps == [2.0]
    assert inner.closed


@MODES
def test_stopping_the_outer_feed_closes_the_inner_one(mode: str) -> None:
    clock = FakeClock()
    runs = resource(mode, lambda r: httpx.Response(200, json={}), clock)
    inner = Inner()
    assert drive(mode, runs, outer(inner.feed(runs._http)), limit=1) == ["GOT 200"]
    assert inner.closed
    assert clock.sleeps == []  # closed at its first item: the pause never came


def test_an_ended_feed_gives_none_and_the_driver_sees_only_its_requests_and_sleeps() -> None:
    request = httpx.Request("GET", f"{BASE}/x")

    def short() -> Feed[int]:
        yield from exchange(request)
        yield from pause(1.5)
        yield from emit(7)

    steps = next_item(short())
    assert next(steps) is request
    assert steps.send(httpx.Response(200, request=request)) == Sleep(1.5)
    with pytest.raises(StopIteration) as first:
        steps.send(None)
    assert first.value.value == 7
    ended = short()
    list(run_feed(ended, lambda r: httpx.Response(200, request=r), lambda s: None))
    with pytest.raises(StopIteration) as after:
        next(next_item(ended))
    assert after.value.value is None


# --- the long poll ------------------------------------------------------------------------------


def instant_empty(request: httpx.Request) -> httpx.Response:
    headers = {"electric-handle": "h", "electric-offset": "0_0", "electric-schema": "{}"}
    return httpx.Response(200, json=[], headers=headers)


@MODES
def test_an_instant_empty_feed_is_paced_and_ends_quietly_at_its_deadline(mode: str) -> None:
    clock = FakeClock()
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return instant_empty(request)

    runs = resource(mode, answer, clock)
    sub = ShapeSubscription.for_run("run_1", rand=clock.random)
    assert drive(mode, runs, run_rows(runs._state, runs._http, sub, clock.monotonic() + 20.0)) == []
    # doubling from 0.25 s to the 5 s ceiling; the next 5 s would pass the deadline, so the feed ends
    assert clock.sleeps == [0.25, 0.5, 1.0, 2.0, 4.0, 5.0, 5.0]
    assert len(seen) == 8
    # each attempt is bounded by what is left, and the transport does not retry the long poll
    assert seen[-1].extensions["timeout"]["read"] == pytest.approx(20.0 - sum(clock.sleeps))


@MODES
def test_failures_in_a_row_raise_the_last_one_after_backing_off(mode: str) -> None:
    clock = FakeClock()
    answers: list[httpx.Response] = []

    def unavailable(request: httpx.Request) -> httpx.Response:
        answers.append(httpx.Response(503, json={"error": f"busy {len(answers)}"}, request=request))
        return answers[-1]

    runs = resource(mode, unavailable, clock)
    sub = ShapeSubscription.for_run("run_1", rand=clock.random)
    _, error = failure(mode, runs, run_rows(runs._state, runs._http, sub, None, give_up_after=3))
    assert isinstance(error, InternalServerError)
    assert len(answers) == 3  # one request each: the subscription retries, not the transport
    assert error.response.json() == {"error": "busy 2"}  # the last of the three
    assert len(clock.sleeps) == 2
    assert all(s > 0 for s in clock.sleeps)


@MODES
def test_a_status_that_ends_the_feed_raises_the_error_sent_by_the_client(mode: str) -> None:
    clock = FakeClock()
    runs = resource(mode, lambda r: httpx.Response(403, json={"error": "no"}), clock)
    sub = ShapeSubscription.for_run("run_1", rand=clock.random)
    _, error = failure(mode, runs, run_rows(runs._state, runs._http, sub, None))
    assert isinstance(error, PermissionDeniedError)
    assert error.__context__ is None
    assert error.__cause__ is None
    assert clock.sleeps == []


# --- rows as runs -------------------------------------------------------------------------------


def stored_run() -> Timeline:
    done: dict[str, str | None] = {
        "status": "COMPLETED_SUCCESSFULLY",
        "updatedAt": wire_time(3),
        "output": "run_1/output.json",
        "outputType": "application/store",
    }
    return Timeline("run_1", [(0.0, {}), (3.0, done)])


STORED = {
    "run_1/output.json": ("application/super+json", b'{"json":{"big":"10"},"meta":{"values":{"big":["bigint"]}}}')
}


@MODES
def test_snapshots_decode_rows_fetch_a_stored_output_and_stop_on_completion(mode: str) -> None:
    clock = FakeClock()
    app = RealtimeServer([stored_run()], now=clock.monotonic, hold=clock.advance, stored=dict(STORED))
    runs = resource(mode, app, clock)
    sub = ShapeSubscription.for_run("run_1", rand=clock.random)
    feed = run_snapshots(runs._state, runs._http, sub, None, stop_on_completion=True)
    got = drive(mode, runs, feed)
    assert [(r.status, r.output) for r in got] == [("QUEUED", None), ("COMPLETED", {"big": 10})]
    assert [p for p in app.paths() if not p.startswith("/realtime/")] == [
        "/api/v1/runs/run_1/packets/output",
        "/run_1/output.json",
    ]
    assert len(app.paths("/realtime/")) == 2  # nothing asked after the finished run


@MODES
def test_a_stored_packet_is_found_by_path_when_the_run_route_is_missing(mode: str) -> None:
    clock = FakeClock()
    app = RealtimeServer([stored_run()], now=clock.monotonic, hold=clock.advance, stored=dict(STORED))
    app.run_packet_route = False
    runs = resource(mode, app, clock)
    packet = StoredPacket("run_1", "output", "run_1/output.json")
    flow = stored_packet(runs._state, runs._http, packet, None)
    if mode == "sync":
        value = run_flow(flow, runs._send, runs._sleep)
    else:
        value = asyncio.run(arun_flow(flow, runs._send, runs._sleep))
    assert value == {"big": 10}
    assert app.paths() == [
        "/api/v1/runs/run_1/packets/output",
        "/api/v1/packets/run_1%2Foutput.json",
        "/run_1/output.json",
    ]
    storage = [r for r in app.requests if str(r.url).startswith(STORAGE)]
    assert [("authorization" in r.headers) for r in storage] == [False]


# --- watch --------------------------------------------------------------------------------------


def plan(clock: FakeClock, *, limit: float | None, realtime: bool, deadline: float | None = None) -> WatchPlan:
    if deadline is None and limit is not None:
        deadline = clock.monotonic() + limit
    return WatchPlan("run_1", 1.0, 10.0, limit, deadline, realtime)


@MODES
def test_watch_falls_back_to_polling_when_the_feed_is_refused(mode: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="trigger_facade")
    clock = FakeClock()
    app = RealtimeServer([minute_run()], now=clock.monotonic, hold=clock.advance)
    app.answers["/realtime/v1/runs/run_1"] = [httpx.Response(403, json={"error": "realtime is off"})]
    runs = resource(mode, app, clock)
    got = drive(mode, runs, watch_run(runs._state, runs._http, plan(clock, limit=None, realtime=True)))
    assert [r.status for r in got] == ["QUEUED", "EXECUTING", "COMPLETED"]
    assert len(app.paths("/realtime/")) == 1
    assert "realtime feed for run_1 unavailable" in caplog.text
    assert "polling instead" in caplog.text
    # polled with backoff from 1 s towards the 10 s ceiling, each change emitted once
    assert clock.sleeps[:3] == [1.0, 1.5, 2.25]
    assert max(clock.sleeps) == 10.0


@MODES
def test_watch_on_the_feed_ends_with_the_terminal_run_and_reads_no_rest(mode: str) -> None:
    clock = FakeClock()
    app = RealtimeServer([minute_run()], now=clock.monotonic, hold=clock.advance)
    runs = resource(mode, app, clock)
    got = drive(mode, runs, watch_run(runs._state, runs._http, plan(clock, limit=600.0, realtime=True)))
    assert [r.status for r in got] == ["QUEUED", "EXECUTING", "COMPLETED"]
    assert [p for p in app.paths() if not p.startswith("/realtime/")] == []


@MODES
def test_a_poll_past_the_deadline_times_out_with_its_cause_kept(mode: str) -> None:
    clock = FakeClock()
    app = RealtimeServer([minute_run()], now=clock.monotonic, hold=clock.advance)
    runs = resource(mode, app, clock)
    late = plan(clock, limit=5.0, realtime=False, deadline=clock.monotonic() - 1.0)
    _, error = failure(mode, runs, watch_run(runs._state, runs._http, late))
    assert isinstance(error, RunWaitTimeoutError)
    assert (error.run_id, error.timeout, error.last_status) == ("run_1", 5.0, None)
    # the read that ran into the deadline is the cause, as for every wait (sansio.polling)
    assert isinstance(error.__cause__, DeadlineExceededError)


@MODES
def test_a_feed_that_runs_out_of_time_names_the_last_status(mode: str) -> None:
    clock = FakeClock()
    app = RealtimeServer([minute_run()], now=clock.monotonic, hold=clock.advance)
    runs = resource(mode, app, clock)
    seen, error = failure(mode, runs, watch_run(runs._state, runs._http, plan(clock, limit=30.0, realtime=True)))
    assert [r.status for r in seen] == ["QUEUED", "EXECUTING"]
    assert isinstance(error, RunWaitTimeoutError)
    assert error.__cause__ is None
    assert error.__context__ is None
    assert (error.timeout, error.last_status) == (30.0, "EXECUTING")
    assert [p for p in app.paths() if not p.startswith("/realtime/")] == []
