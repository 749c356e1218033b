"""runs.watch / runs.wait with realtime=True: the Electric long-poll feed, and the fallback to polling."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import httpx
import pytest

from trigger_facade import AsyncTriggerClient, RunWaitTimeoutError, TriggerClient
from trigger_facade.testing import FakeClock, FakeTrigger

from ..facade.harness import RUN, Recorder, make_client, ok


def test_realtime_wait_follows_the_feed_instead_of_sleeping() -> None:
    clock = FakeClock()
    fake = FakeTrigger(clock=clock, start_after=3.0, execution_time=4.0)
    seen: list[httpx.Request] = []
    client: Any = fake.client(clock=clock)
    inner: Any = client._http._transport._inner

    def spy(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        response: httpx.Response = inner.handle_request(request)
        return response

    client._http._transport._inner = httpx.MockTransport(spy)
    run_id = client.tasks.trigger("echo", {"x": 1}).id
    run = client.runs.wait(run_id, realtime=True, timeout=120)
    assert (run.status, run.output) == ("COMPLETED", {"x": 1})
    assert clock.sleeps == []  # no polling sleeps: the server held the requests
    feed = [r for r in seen if r.url.path.startswith("/realtime/")]
    assert feed[0].url.params["offset"] == "-1"
    assert feed[0].headers["x-trigger-electric-version"] == "1.0.0-beta.1"
    assert feed[1].url.params["live"] == "true"
    assert "handle" in feed[1].url.params
    retrieves = [r for r in seen if r.url.path.startswith("/api/v3/runs/")]
    assert len(retrieves) <= len(feed) + 1


def test_realtime_watch_yields_each_change() -> None:
    clock = FakeClock()
    fake = FakeTrigger(clock=clock, start_after=2.0, execution_time=2.0)
    client = fake.client(clock=clock)
    run_id = client.tasks.trigger("echo", 1).id
    statuses = [run.status for run in client.runs.watch(run_id, realtime=True)]
    assert statuses == ["QUEUED", "EXECUTING", "COMPLETED"]


def test_realtime_over_loopback_in_real_time() -> None:
    fake = FakeTrigger(start_after=0.2, execution_time=0.3, realtime_hold=5.0)
    with fake.serve() as url, TriggerClient(secret_key=fake.secret_key, base_url=url, environ={}) as client:
        run_id = client.tasks.trigger("echo", "hi").id
        run = client.runs.wait(run_id, realtime=True, timeout=10)
    assert run.output == "hi"


def test_async_realtime_over_loopback() -> None:
    fake = FakeTrigger(start_after=0.1, execution_time=0.1, realtime_hold=5.0)

    async def main(url: str) -> str:
        async with AsyncTriggerClient(secret_key=fake.secret_key, base_url=url, environ={}) as client:
            run_id = (await client.tasks.trigger("echo", 5)).id
            return (await client.runs.wait(run_id, realtime=True, timeout=10)).status

    with fake.serve() as url:
        assert asyncio.run(main(url)) == "COMPLETED"


def test_a_missing_feed_falls_back_to_polling(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    answers = [ok({**RUN, "status": "EXECUTING"}), ok({**RUN, "status": "COMPLETED"})]
    rec = Recorder({("GET", "/api/v3/runs/run_1"): answers})
    clock = FakeClock()
    client: Any = make_client("sync", rec, clock=clock)
    run = client.runs.wait("run_1", realtime=True)
    assert run.status == "COMPLETED"
    assert "polling instead" in caplog.text
    assert clock.sleeps == [1.0]
    # the feed is asked first now (the client reads runs from its rows); a missing feed falls back at once
    assert [r.url.path for r in rec.requests] == ["/realtime/v1/runs/run_1", "/api/v3/runs/run_1", "/api/v3/runs/run_1"]


def test_realtime_wait_times_out() -> None:
    clock = FakeClock()
    fake = FakeTrigger(clock=clock, start_after=1000)
    client = fake.client(clock=clock)
    run_id = client.tasks.trigger("echo", 1).id
    with pytest.raises(RunWaitTimeoutError):
        client.runs.wait(run_id, realtime=True, timeout=30)


def test_a_failing_feed_is_tried_three_times_then_polled() -> None:
    # the client's rule changed with runs.subscribe: a failing feed gets 3 tries with backoff, then polling
    answers = [ok({**RUN, "status": "EXECUTING"}), ok({**RUN, "status": "COMPLETED"})]
    rec = Recorder({("GET", "/api/v3/runs/run_1"): answers, ("GET", "/realtime/v1/runs/run_1"): ok({}, status=503)})
    clock = FakeClock()
    client: Any = make_client("sync", rec, clock=clock)
    assert client.runs.wait("run_1", realtime=True).status == "COMPLETED"
    assert [r.url.path for r in rec.requests].count("/realtime/v1/runs/run_1") == 3
    assert all(wait < 1.0 for wait in clock.sleeps[:2])  # the feed's backoff, before any poll interval
