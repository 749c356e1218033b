"""client.runs.stream / stream_keys / send_input over MockTransport (sync and async): both server
formats, a connection dropped at every chunk boundary (and inside events), deadlines and errors."""

from __future__ import annotations

import json
from typing import Any

import pytest

from trigger_facade.errors import BadRequestError, InvalidInputError, NotFoundError

from .helpers import MODES, PUBLIC_JWT, call, drain, setup
from .server import OutputStream, Timeline, minute_run, wire_time

VALUES: list[Any] = [{"delta": "Hel"}, {"delta": "lo"}, "plain text", 42, {"delta": "wörld 😀"}, [1, 2]]
VERSIONS = pytest.mark.parametrize("version", ["v1", "v2"])


def read(mode: str, stream: OutputStream, **kwargs: Any) -> tuple[list[Any], Any, Any]:
    client, app, clock = setup(mode, [minute_run()], streams={("run_1", "llm"): stream})
    chunks = drain(client.runs.stream("run_1", "llm", **kwargs))
    return chunks, app, clock


@MODES
@VERSIONS
def test_a_stream_is_read_whole_in_either_format(mode: str, version: str) -> None:
    chunks, app, _ = read(mode, OutputStream(list(VALUES), version))
    assert [c.data for c in chunks] == VALUES
    assert [c.event_id for c in chunks] == [OutputStream(VALUES, version).event_id(i) for i in range(len(VALUES))]
    if version == "v2":
        assert [c.envelope_id for c in chunks] == [f"part{i}" for i in range(len(VALUES))]
    (request,) = app.requests
    assert (request.method, request.url.path) == ("GET", "/realtime/v1/streams/run_1/llm")
    assert request.headers["accept"] == "text/event-stream"
    assert request.headers["timeout-seconds"] == "60"
    assert request.headers["authorization"] == "Bearer tr_dev_abcdefghijklmnopqrstuvwx"
    assert "last-event-id" not in request.headers


@MODES
@VERSIONS
def test_a_drop_at_every_chunk_boundary_loses_and_repeats_nothing(mode: str, version: str) -> None:
    whole = OutputStream(list(VALUES), version)
    for cut in whole.boundaries()[:-1]:
        chunks, app, _ = read(mode, OutputStream(list(VALUES), version, cuts=[cut]))
        assert [c.data for c in chunks] == VALUES, cut
        assert len(app.requests) == 2
        events_before = whole.boundaries().index(cut)
        resumed = app.requests[1].headers.get("last-event-id")
        if version == "v2":  # after the last record seen
            assert resumed == (whole.event_id(events_before - 1) if events_before else None), cut
        else:  # two distinct ids back, or from the read's start while fewer were seen (see V1Cursor)
            assert resumed == (whole.event_id(events_before - 3) if events_before > 2 else None), cut


@MODES
@VERSIONS
def test_a_drop_inside_any_event_loses_and_repeats_nothing(mode: str, version: str) -> None:
    whole = OutputStream(list(VALUES), version)
    for boundary in whole.boundaries()[:-1]:
        for inside in (1, 9):
            cut = boundary + inside
            chunks, _, _ = read(mode, OutputStream(list(VALUES), version, cuts=[cut]))
            assert [c.data for c in chunks] == VALUES, cut


@MODES
@VERSIONS
def test_a_drop_after_each_single_event_on_every_connection(mode: str, version: str) -> None:
    one_event = OutputStream(list(VALUES), version).boundaries()[1]  # the first event's length; others differ
    stream = OutputStream(list(VALUES), version)
    stream.cuts = [len(stream.event(i)) for i in range(len(VALUES))]  # every connection serves one event, then drops
    chunks, app, clock = read(mode, stream)
    assert one_event == stream.cuts[0]
    assert [c.data for c in chunks] == VALUES
    assert len(app.requests) == len(VALUES) + 1
    assert len(clock.sleeps) == len(VALUES)  # a short backoff before each reconnect


@MODES
def test_a_stream_that_keeps_failing_ends_at_the_deadline(mode: str) -> None:
    stream = OutputStream(list(VALUES), "v1", cuts=[0] * 10_000)
    chunks, app, clock = read(mode, stream, timeout=20)
    assert chunks == []
    assert clock.t <= 20.0
    assert sum(clock.sleeps) <= 20.0
    assert 5 < len(app.requests) < 100  # backoff up to 5 s, not a spin


@MODES
def test_last_event_id_continues_an_earlier_read(mode: str) -> None:
    chunks, app, _ = read(mode, OutputStream(list(VALUES), "v2"), last_event_id="3", idle_timeout=None)
    assert [c.data for c in chunks] == VALUES[4:]
    assert app.requests[0].headers["last-event-id"] == "3"
    assert "timeout-seconds" not in app.requests[0].headers


@MODES
def test_an_unknown_key_is_an_empty_stream_and_an_unknown_run_raises(mode: str) -> None:
    client, _app, _ = setup(mode, [minute_run()])
    assert drain(client.runs.stream("run_1", "nothing")) == []
    with pytest.raises(NotFoundError):
        drain(client.runs.stream("run_404", "llm"))


@MODES
@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"key": ""}, "key"),
        ({"idle_timeout": 0}, "timeout_seconds"),
        ({"idle_timeout": 601}, "timeout_seconds"),
        ({"timeout": float("nan")}, "timeout"),
        ({"start_index": -1}, "start_index"),
    ],
)
def test_bad_stream_arguments_are_refused_before_any_request(mode: str, kwargs: dict[str, Any], message: str) -> None:
    client, app, _ = setup(mode, [minute_run()])
    options = dict(kwargs)  # the parameter set is shared by both modes
    key = options.pop("key", "llm")
    with pytest.raises(InvalidInputError, match=message):
        client.runs.stream("run_1", key, **options)
    assert app.requests == []


@MODES
def test_a_public_token_reads_a_stream(mode: str) -> None:
    client, app, _ = setup(mode, [minute_run()], secret_key=PUBLIC_JWT, streams={("run_1", "llm"): OutputStream([1])})
    assert [c.data for c in drain(client.runs.stream("run_1", "llm"))] == [1]
    assert app.requests[0].headers["authorization"] == f"Bearer {PUBLIC_JWT}"


@MODES
def test_stream_keys_come_from_the_run_row(mode: str) -> None:
    declared = Timeline(
        "run_2",
        [(0.0, {"metadata": '{"json":{"$$streams":["llm","progress"]}}', "metadataType": "application/super+json"})],
    )
    columns = Timeline("run_3", [(0.0, {"realtimeStreams": "{llm,logs}", "updatedAt": wire_time(0)})])
    client, app, _ = setup(mode, [minute_run(), declared, columns])
    assert call(client.runs.stream_keys("run_1")) == []
    assert call(client.runs.stream_keys("run_2")) == ["llm", "progress"]
    assert call(client.runs.stream_keys("run_3")) == ["llm", "logs"]
    assert {r.url.params["skipColumns"] for r in app.requests} == {"payload,output"}
    assert {r.url.params["offset"] for r in app.requests} == {"-1"}  # one snapshot each, no long poll


@MODES
def test_send_input_posts_plain_json(mode: str) -> None:
    client, app, _ = setup(mode, [minute_run()])
    assert call(client.runs.send_input("run_1", "approval", {"approved": True, "by": "ann"})) is True
    (request,) = app.requests
    assert (request.method, request.url.path) == ("POST", "/realtime/v1/streams/run_1/input/approval")
    assert json.loads(request.content) == {"data": {"approved": True, "by": "ann"}}
    assert request.headers["content-type"] == "application/json"
    assert app.inputs == [("run_1", "approval", {"approved": True, "by": "ann"})]


@MODES
def test_send_input_to_a_finished_run_is_a_bad_request(mode: str) -> None:
    client, app, clock = setup(mode, [minute_run()])
    clock.advance(61)
    with pytest.raises(BadRequestError):
        call(client.runs.send_input("run_1", "approval", 1))
    assert app.inputs == []


@MODES
def test_send_input_refuses_bad_arguments_before_any_request(mode: str) -> None:
    client, app, _ = setup(mode, [minute_run()])
    with pytest.raises(InvalidInputError, match="stream_id"):
        call(client.runs.send_input("run_1", "", 1))
    with pytest.raises(InvalidInputError, match="1 MiB"):
        call(client.runs.send_input("run_1", "big", "x" * (1024 * 1024)))
    assert app.requests == []
