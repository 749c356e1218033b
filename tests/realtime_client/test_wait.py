"""runs.wait / runs.watch with realtime=True: decoded feed rows instead of REST reads, the fallback
to polling, the hard deadline, and the request count of a run that takes a (fake-clock) minute."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import httpx
import pytest

from trigger_facade.errors import NotFoundError, RunWaitTimeoutError

from .helpers import MODES, call, drain, setup
from .server import minute_run


@MODES
def test_realtime_wait_of_a_one_minute_run_takes_five_feed_requests_and_no_rest_read(mode: str) -> None:
    client, app, clock = setup(mode, [minute_run()])
    run = call(client.runs.wait("run_1", realtime=True))
    assert run.status == "COMPLETED"
    assert run.output == {"ok": True, "at": datetime(1970, 1, 1, tzinfo=UTC)}
    assert app.paths() == ["/realtime/v1/runs/run_1"] * 5
    assert clock.t == 60.0
    assert clock.sleeps == []


@MODES
@pytest.mark.parametrize(("max_poll_interval", "expected"), [(10.0, 11), (1.0, 61)])
def test_polling_the_same_run_takes_many_more_requests(mode: str, max_poll_interval: float, expected: int) -> None:
    client, app, clock = setup(mode, [minute_run()])
    run = call(client.runs.wait("run_1", max_poll_interval=max_poll_interval))
    assert run.status == "COMPLETED"
    assert app.paths() == ["/api/v3/runs/run_1"] * expected
    assert clock.t >= 60.0


@MODES
def test_realtime_watch_yields_each_change_once(mode: str) -> None:
    client, app, _ = setup(mode, [minute_run()])
    runs = drain(client.runs.watch("run_1", realtime=True))
    assert [r.status for r in runs] == ["QUEUED", "EXECUTING", "COMPLETED"]
    assert not app.paths("/api/")


@MODES
def test_realtime_wait_has_a_hard_deadline(mode: str) -> None:
    client, app, clock = setup(mode, [minute_run()])
    with pytest.raises(RunWaitTimeoutError) as caught:
        call(client.runs.wait("run_1", realtime=True, timeout=30))
    assert caught.value.last_status == "EXECUTING"
    assert clock.t <= 30.0
    assert not app.paths("/api/")


@MODES
@pytest.mark.parametrize(
    "failure",
    [
        [httpx.Response(404, json={"error": "realtime is not offered here"})],
        [httpx.Response(429, json={"error": "too many realtime connections"})] * 3,
        [httpx.Response(503, text="down")] * 3,
    ],
    ids=["404", "429x3", "503x3"],
)
def test_a_feed_that_fails_falls_back_to_polling(
    mode: str, failure: list[httpx.Response], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="trigger_facade")
    client, app, _ = setup(mode, [minute_run()])
    app.answers["/realtime/v1/runs/run_1"] = list(failure)
    run = call(client.runs.wait("run_1", realtime=True, max_poll_interval=10))
    assert run.status == "COMPLETED"
    assert app.paths("/realtime/") == ["/realtime/v1/runs/run_1"] * len(failure)
    assert app.paths()[len(failure) :] == ["/api/v3/runs/run_1"] * len(app.paths("/api/"))
    assert "polling instead" in caplog.text


@MODES
def test_two_feed_failures_are_retried_and_the_feed_is_kept(mode: str) -> None:
    client, app, _ = setup(mode, [minute_run()])
    app.answers["/realtime/v1/runs/run_1"] = [httpx.Response(503, text="down")] * 2
    assert call(client.runs.wait("run_1", realtime=True)).status == "COMPLETED"
    assert not app.paths("/api/")


@MODES
def test_an_unknown_run_raises_not_found_after_the_fallback(mode: str) -> None:
    client, app, _ = setup(mode, [minute_run()])
    with pytest.raises(NotFoundError):
        call(client.runs.wait("run_404", realtime=True))
    assert app.paths() == ["/realtime/v1/runs/run_404", "/api/v3/runs/run_404"]
