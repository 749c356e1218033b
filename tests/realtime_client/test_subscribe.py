"""client.runs.subscribe / subscribe_to_tag / subscribe_to_batch over MockTransport (sync and async)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from trigger_facade.errors import (
    AuthenticationError,
    ConfigurationError,
    InvalidInputError,
    NotFoundError,
    RealtimeProtocolError,
)

from .helpers import MODES, PERSONAL, PUBLIC_JWT, call, drain, setup
from .server import STORAGE, Timeline, minute_run, wire_time


def states(runs: list[Any]) -> list[tuple[str, str]]:
    return [(run.id, run.status) for run in runs]


@MODES
def test_subscribe_yields_each_change_decoded_and_stops_after_completion(mode: str) -> None:
    client, app, clock = setup(mode, [minute_run()])
    runs = drain(client.runs.subscribe("run_1"))
    assert states(runs) == [("run_1", "QUEUED"), ("run_1", "EXECUTING"), ("run_1", "COMPLETED")]
    first, running, done = runs
    assert (first.is_queued, running.is_executing, done.is_success, done.is_terminal) == (True, True, True, True)
    assert first.payload == {"n": 1}
    assert first.created_at == datetime(2026, 1, 1, tzinfo=UTC)
    assert first.data["createdAt"] == "2026-01-01T00:00:00.000Z"
    assert running.started_at == datetime(2026, 1, 1, 0, 0, 5, tzinfo=UTC)
    assert done.finished_at == datetime(2026, 1, 1, 0, 1, tzinfo=UTC)
    # superjson decoded as the SDK decodes it: the date is a datetime again
    assert done.output == {"ok": True, "at": datetime(1970, 1, 1, tzinfo=UTC)}
    assert done.duration_ms == 55000
    assert done.tags == []
    assert done.data["realtimeStreams"] == []
    assert done.model is None
    assert clock.t == 60.0
    # one snapshot, then live long polls held by the server until something changes (or 20 s)
    queries = [str(r.url.query, "ascii") for r in app.requests]
    assert queries == [
        "log=full&offset=-1",
        "cursor=&handle=run-run_1&live=true&log=full&offset=1_0",
        "cursor=5&handle=run-run_1&live=true&log=full&offset=2_0",
        "cursor=25&handle=run-run_1&live=true&log=full&offset=2_0",
        "cursor=45&handle=run-run_1&live=true&log=full&offset=2_0",
    ]
    for request in app.requests:
        assert request.method == "GET"
        assert request.url.path == "/realtime/v1/runs/run_1"
        assert request.headers["x-trigger-electric-version"] == "1.0.0-beta.1"
        assert request.headers["x-trigger-api-version"] == "2025-07-16"
        assert request.headers["authorization"] == "Bearer tr_dev_abcdefghijklmnopqrstuvwx"
    assert clock.sleeps == []  # the server paced the requests, not us


@MODES
def test_without_stop_on_completion_it_runs_until_the_timeout(mode: str) -> None:
    client, app, clock = setup(mode, [minute_run()])
    runs = drain(client.runs.subscribe("run_1", stop_on_completion=False, timeout=100))
    assert [r.status for r in runs] == ["QUEUED", "EXECUTING", "COMPLETED"]
    assert 60.0 < clock.t <= 100.0
    assert len(app.requests) == 7  # then two empty 20 s holds (60-80, 80-100); none after the deadline


@MODES
def test_a_timeout_ends_the_iteration_quietly_before_completion(mode: str) -> None:
    client, _app, clock = setup(mode, [minute_run()])
    runs = drain(client.runs.subscribe("run_1", timeout=15))
    assert [r.status for r in runs] == ["QUEUED", "EXECUTING"]
    assert clock.t <= 15.0


@MODES
def test_skip_columns_go_on_the_query(mode: str) -> None:
    client, app, _ = setup(mode, [minute_run()])
    drain(client.runs.subscribe("run_1", skip_columns=["payload", "output"], timeout=1))
    assert app.requests[0].url.params["skipColumns"] == "payload,output"


@MODES
@pytest.mark.parametrize(
    ("method", "args", "kwargs", "message"),
    [
        ("subscribe", ("run_1",), {"skip_columns": ["status"]}, "always sent"),
        ("subscribe", ("run_1",), {"skip_columns": "payload"}, "list of column names"),
        ("subscribe", ("",), {}, "run_id"),
        ("subscribe", ("run_1",), {"timeout": -1}, "timeout"),
        ("subscribe", ("run_1",), {"stop_on_completion": "yes"}, "stop_on_completion"),
        ("subscribe_to_tag", ([],), {}, "tags"),
        ("subscribe_to_tag", ("t1",), {"created_after": "2 hours"}, "created_after"),
        ("subscribe_to_tag", ("t1",), {"created_after": timedelta(milliseconds=1500)}, "whole number of seconds"),
        ("subscribe_to_batch", ("",), {}, "batch_id"),
    ],
)
def test_bad_arguments_are_refused_before_any_request(
    mode: str, method: str, args: tuple[Any, ...], kwargs: dict[str, Any], message: str
) -> None:
    client, app, _ = setup(mode, [minute_run()])
    with pytest.raises(InvalidInputError, match=message):
        getattr(client.runs, method)(*args, **kwargs)
    assert app.requests == []


@MODES
def test_a_public_token_is_sent_as_the_bearer(mode: str) -> None:
    client, app, _ = setup(mode, [minute_run()], secret_key=PUBLIC_JWT)
    assert [r.status for r in drain(client.runs.subscribe("run_1"))][-1] == "COMPLETED"
    assert {r.headers["authorization"] for r in app.requests} == {f"Bearer {PUBLIC_JWT}"}
    assert PUBLIC_JWT not in repr(client)


@MODES
@pytest.mark.parametrize(
    ("method", "args"),
    [
        ("subscribe", ("run_1",)),
        ("subscribe_to_tag", ("t1",)),
        ("subscribe_to_batch", ("batch_1",)),
        ("stream", ("run_1", "llm")),
        ("stream_keys", ("run_1",)),
        ("send_input", ("run_1", "approve", {"ok": True})),
        ("watch", ("run_1",)),
    ],
)
def test_a_personal_token_is_refused_before_any_request(mode: str, method: str, args: tuple[Any, ...]) -> None:
    client, app, _ = setup(mode, [minute_run()], secret_key=PERSONAL)
    kwargs = {"realtime": True} if method == "watch" else {}

    def attempt() -> Any:
        return call(getattr(client.runs, method)(*args, **kwargs))

    with pytest.raises(ConfigurationError, match=r"environment secret key .* or a public access token"):
        attempt()
    assert app.requests == []
    assert "abcdefghijklmnopqrstuvwxyz" not in str(client)


@MODES
def test_tag_feed_yields_runs_of_any_tag_as_they_change(mode: str) -> None:
    other = Timeline("run_2", [(10.0, {}), (30.0, {"status": "EXECUTING", "updatedAt": wire_time(30)})], tags=("t2",))
    untagged = minute_run("run_3")
    client, app, clock = setup(mode, [minute_run(tags=("t1",)), other, untagged])
    runs = drain(client.runs.subscribe_to_tag(["t1", "t2"], created_after=timedelta(hours=2), timeout=65))
    assert states(runs) == [
        ("run_1", "QUEUED"),
        ("run_1", "EXECUTING"),
        ("run_2", "QUEUED"),
        ("run_2", "EXECUTING"),
        ("run_1", "COMPLETED"),
    ]
    assert runs[0].tags == ["t1"]
    first = app.requests[0]
    assert (first.url.path, str(first.url.query, "ascii")) == (
        "/realtime/v1/runs",
        "createdAt=2h&log=full&offset=-1&tags=t1%2Ct2",
    )
    assert clock.t <= 65.0


@MODES
def test_batch_feed_yields_the_batch_runs(mode: str) -> None:
    runs_in = [minute_run("run_1", batch="batch_1"), minute_run("run_2", batch="batch_1"), minute_run("run_9")]
    client, app, _ = setup(mode, runs_in)
    runs = drain(client.runs.subscribe_to_batch("batch_1", timeout=61))
    assert [r.id for r in runs if r.status == "COMPLETED"] == ["run_1", "run_2"]
    assert {r.url.path for r in app.requests} == {"/realtime/v1/batches/batch_1"}


@MODES
def test_rate_limits_and_server_errors_are_retried_with_backoff(mode: str) -> None:
    client, app, clock = setup(mode, [minute_run()])
    app.answers["/realtime/v1/runs/run_1"] = [
        httpx.Response(429, json={"error": "too many realtime connections"}, headers={"retry-after": "2"}),
        httpx.Response(503, text="unavailable"),
    ]
    runs = drain(client.runs.subscribe("run_1"))
    assert runs[-1].status == "COMPLETED"
    assert clock.sleeps[:2] == [2.0, 0.375]  # the server's wait, then our backoff (0.25 s x 1.5)
    assert [str(r.url.query, "ascii") for r in app.requests[:3]] == ["log=full&offset=-1"] * 3


@MODES
def test_a_conflict_refetches_the_shape_from_the_start(mode: str) -> None:
    client, app, _ = setup(mode, [minute_run()])
    conflict = httpx.Response(
        409, json=[{"headers": {"control": "must-refetch"}}], headers={"electric-handle": "run-run_1"}
    )
    app.answers["/realtime/v1/runs/run_1"] = [conflict]
    runs = drain(client.runs.subscribe("run_1"))
    assert runs[-1].status == "COMPLETED"
    assert app.requests[1].url.params["handle"] == "run-run_1"
    assert app.requests[1].url.params["offset"] == "-1"


@MODES
@pytest.mark.parametrize(("status", "error"), [(404, NotFoundError), (401, AuthenticationError)])
def test_a_status_that_ends_the_feed_raises_its_error(mode: str, status: int, error: type[Exception]) -> None:
    client, app, _ = setup(mode, [minute_run()])
    app.answers["/realtime/v1/runs/run_1"] = [httpx.Response(status, json={"error": "nope"})]
    with pytest.raises(error):
        drain(client.runs.subscribe("run_1"))
    assert len(app.requests) == 1


@MODES
def test_an_answer_that_breaks_the_protocol_raises(mode: str) -> None:
    client, app, _ = setup(mode, [minute_run()])
    app.answers["/realtime/v1/runs/run_1"] = [httpx.Response(200, json=[], headers={"electric-handle": "h"})]
    with pytest.raises(RealtimeProtocolError, match="electric-offset"):
        drain(client.runs.subscribe("run_1"))


def stored_run() -> Timeline:
    done: dict[str, str | None] = {
        "status": "COMPLETED_SUCCESSFULLY",
        "completedAt": wire_time(3),
        "updatedAt": wire_time(3),
        "output": "run_1/output.json",
        "outputType": "application/store",
    }
    later: dict[str, str | None] = {
        "metadata": '{"json":{"step":2}}',
        "metadataType": "application/super+json",
        "updatedAt": wire_time(4),
    }
    return Timeline("run_1", [(0.0, {}), (3.0, done), (4.0, later)])


STORED = {
    "run_1/output.json": ("application/super+json", b'{"json":{"big":"10"},"meta":{"values":{"big":["bigint"]}}}')
}


@MODES
@pytest.mark.parametrize("run_packet_route", [True, False])
def test_a_stored_output_is_fetched_once_without_the_key(mode: str, run_packet_route: bool) -> None:
    client, app, _ = setup(mode, [stored_run()], stored=dict(STORED), run_packet_route=run_packet_route)
    runs = drain(client.runs.subscribe("run_1", stop_on_completion=False, timeout=10))
    assert [r.output for r in runs] == [None, {"big": 10}, {"big": 10}]
    assert runs[-1].metadata == {"step": 2}
    rest = [p for p in app.paths() if not p.startswith("/realtime/")]
    if run_packet_route:
        assert rest == ["/api/v1/runs/run_1/packets/output", "/run_1/output.json"]
    else:
        assert rest == [
            "/api/v1/runs/run_1/packets/output",
            "/api/v1/packets/run_1%2Foutput.json",
            "/run_1/output.json",
        ]
    storage = [r for r in app.requests if str(r.url).startswith(STORAGE)]
    assert len(storage) == 1
    assert "authorization" not in storage[0].headers
