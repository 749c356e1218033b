"""`runs watch --tag` and `runs stream` over MockTransport answering the realtime wire (the Electric
shape feed and the SSE output streams of tests/realtime_client/server.py), in a pipe and on a terminal."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.realtime_client.server import (
    OutputStream,
    RealtimeServer,
    Timeline,
    minute_run,
    serve_loopback,
    wire_time,
)
from trigger_facade.cli import main

from .helpers import CLIENT_VARIABLES, cli

KEY = "tr_dev_abcdefghijklmnopqrstuvwx"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
LINE = re.compile(r"\d\d:\d\d:\d\d  (\S+)  (\S+)  (\S+)")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class VirtualTime:
    """The feed server's clock: a held live request jumps it forward instead of sleeping."""

    def __init__(self) -> None:
        self.t = 0.0

    def now(self) -> float:
        return self.t

    def hold(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in CLIENT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TRIGGER_SECRET_KEY", KEY)
    monkeypatch.setenv("TRIGGER_API_URL", "https://api.test")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("TERM", "xterm-256color")


def quick_run(
    run_id: str, tags: tuple[str, ...], final: str = "COMPLETED_SUCCESSFULLY", task: str = "my-task"
) -> Timeline:
    """Queued, executing, then `final`, 10 ms of feed time apart; a metadata-only change in between."""
    return Timeline(
        run_id,
        [
            (0.0, {"taskIdentifier": task}),
            (0.01, {"status": "EXECUTING", "startedAt": wire_time(0.01), "updatedAt": wire_time(0.01)}),
            (0.015, {"metadata": '{"json":{"progress":0.5}}', "metadataType": "application/super+json"}),
            (0.02, {"status": final, "completedAt": wire_time(0.02), "usageDurationMs": "1500"}),
        ],
        tags=tags,
    )


def feed(*runs: Timeline, streams: dict[tuple[str, str], OutputStream] | None = None) -> RealtimeServer:
    clock = VirtualTime()
    return RealtimeServer(list(runs), now=clock.now, hold=clock.hold, streams=streams)


def on_terminal(*argv: str, transport: httpx.BaseTransport) -> tuple[int, str, str]:
    out, err = Terminal(), io.StringIO()
    code = main(list(argv), out=out, err=err, transport=transport)
    return code, out.getvalue(), err.getvalue()


# --- runs watch --tag -------------------------------------------------------------------------------


def test_watch_tag_in_a_pipe_prints_a_line_per_new_run_and_status_change() -> None:
    app = feed(
        quick_run("run_a", ("user:1",)),
        quick_run("run_b", ("user:1",), "COMPLETED_WITH_ERRORS", "other"),
        minute_run("run_c"),
    )
    started = time.monotonic()
    code, out, err = cli(
        "runs", "watch", "--tag", "user:1", "--created-after", "2h", "--timeout", "0.5",
        transport=httpx.MockTransport(app),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert time.monotonic() - started < 5
    lines = [LINE.fullmatch(line) for line in out.splitlines()]
    assert all(lines), out
    assert [m.groups() for m in lines if m] == [
        ("run_a", "my-task", "QUEUED"),
        ("run_b", "other", "QUEUED"),
        ("run_a", "my-task", "EXECUTING"),
        ("run_b", "other", "EXECUTING"),
        ("run_a", "my-task", "COMPLETED"),  # no line for the metadata change in between
        ("run_b", "other", "FAILED"),
    ]
    first = app.requests[0]
    assert (first.method, first.url.path) == ("GET", "/realtime/v1/runs")
    assert first.url.params["tags"] == "user:1"
    assert first.url.params["createdAt"] == "2h"
    assert first.url.params["offset"] == "-1"
    assert first.headers["authorization"] == f"Bearer {KEY}"
    assert {r.url.path for r in app.requests} == {"/realtime/v1/runs"}


def test_watch_several_tags_and_json_lines() -> None:
    app = feed(quick_run("run_a", ("a",)), quick_run("run_b", ("b",)))
    code, out, _ = cli("runs", "watch", "--tag", "a", "--tag", "b", "--timeout", "0.3", "--json",
                       transport=httpx.MockTransport(app))  # fmt: skip
    assert code == 0
    snapshots = [json.loads(line) for line in out.splitlines()]
    assert app.requests[0].url.params["tags"] == "a,b"
    assert "createdAt" not in app.requests[0].url.params
    # every snapshot, the metadata change included
    assert [(s["id"], s["status"]) for s in snapshots if s["id"] == "run_a"] == [
        ("run_a", "QUEUED"),
        ("run_a", "EXECUTING"),
        ("run_a", "EXECUTING"),
        ("run_a", "COMPLETED"),
    ]
    assert snapshots[-1]["durationMs"] == 1500
    assert {s["id"] for s in snapshots} == {"run_a", "run_b"}


def test_watch_tag_on_a_terminal_is_one_row_per_run_updated_in_place() -> None:
    app = feed(
        quick_run("run_a", ("t",)),
        quick_run("run_b", ("t", "x\x1b]0;title\x07y"), "COMPLETED_WITH_ERRORS"),
        quick_run("run_c", ("t",), "CANCELED"),
    )
    code, out, _ = on_terminal("runs", "watch", "--tag", "t", "--timeout", "0.5", transport=httpx.MockTransport(app))
    assert code == 0
    assert "\x1b[" in out  # drawn by rich
    assert "\x1b]" not in out  # a tag cannot retitle the terminal
    assert "\x07" not in out
    frames = ANSI.sub("", out).split("tag t: ")
    final = frames[-1]
    assert final.startswith("3 runs (1 CANCELED, 1 COMPLETED, 1 FAILED)")
    rows = [line.split() for line in final.splitlines() if line.lstrip().startswith("run_")]
    assert [row[:3] for row in rows] == [
        ["run_a", "my-task", "COMPLETED"],
        ["run_b", "my-task", "FAILED"],
        ["run_c", "my-task", "CANCELED"],
    ]
    assert rows[1][-1] == "t,x\\x1b]0;title\\x07y"
    assert rows[0][-2] == "1.5s"  # the duration column


def test_watch_tag_ends_on_ctrl_c_with_130_keeping_what_it_printed() -> None:
    app = feed(quick_run("run_a", ("t",)))

    def interrupted(request: httpx.Request) -> httpx.Response:
        if len(app.requests) == 4:  # the catch-up answer and three live answers (every change) were served
            raise KeyboardInterrupt
        return app(request)

    code, out, err = cli("runs", "watch", "--tag", "t", transport=httpx.MockTransport(interrupted))
    assert code == 130
    assert err.lstrip("\n") == "trigger-facade: interrupted\n"  # click ends the ^C line first
    assert [m.group(3) for m in map(LINE.fullmatch, out.splitlines()) if m] == ["QUEUED", "EXECUTING", "COMPLETED"]
    code, out, _ = on_terminal("runs", "watch", "--tag", "t", transport=httpx.MockTransport(interrupted))
    assert code == 130


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("run_1", "--tag", "t"), "either RUN_ID or --tag, not both"),
        (("--tag", "t", "--interval", "2"), "--interval is for RUN_ID"),
        (("--tag", "t", "--realtime"), "--realtime is for RUN_ID"),
        (("run_1", "--created-after", "2h"), "--created-after is for --tag"),
        ((), "give RUN_ID, or --tag TAG"),
        (("--tag", "t", "--created-after", "2 hours"), "--created-after '2 hours'"),
    ],
)
def test_watch_usage_errors_send_nothing(argv: tuple[str, ...], words: str) -> None:
    app = feed(quick_run("run_1", ("t",)))
    code, out, err = cli("runs", "watch", *argv, transport=httpx.MockTransport(app))
    assert (code, out, app.requests) == (2, "", [])
    assert words in err


def test_watch_tag_feed_error_is_exit_1() -> None:
    def refused(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"error": "Invalid API key"})

    code, out, err = cli("runs", "watch", "--tag", "t", "--timeout", "5", transport=httpx.MockTransport(refused))
    assert (code, out) == (1, "")
    assert err.startswith("trigger-facade: 401")
    assert KEY not in err


# --- runs stream -------------------------------------------------------------------------------------

VALUES: list[Any] = ["Hel", "lo, ", "wörld", {"delta": 1}, "\n", "after\tjson", [1, "two"], "\x1b[2Jend\u202e"]
PRINTED = 'Hello, wörld\n{"delta":1}\n\nafter\tjson\n[1,"two"]\n\\x1b[2Jend\\u202e'


class Recorder(io.StringIO):
    """Standard output that records what was on it at each flush."""

    def __init__(self) -> None:
        super().__init__()
        self.at_flush: list[str] = []

    def flush(self) -> None:
        self.at_flush.append(self.getvalue())


@pytest.mark.parametrize("version", ["v1", "v2"])
def test_stream_prints_chunks_as_they_arrive(version: str) -> None:
    app = feed(minute_run("run_1"), streams={("run_1", "llm"): OutputStream(list(VALUES), version)})
    out, err = Recorder(), io.StringIO()
    code = main(["runs", "stream", "run_1", "llm"], out=out, err=err, transport=httpx.MockTransport(app))
    assert (code, err.getvalue()) == (0, "")
    assert out.getvalue() == PRINTED
    assert out.at_flush[:3] == ["Hel", "Hello, ", "Hello, wörld"]  # flushed per chunk, not at the end
    assert len(out.at_flush) >= len(VALUES)
    (request,) = app.requests
    assert (request.method, request.url.path) == ("GET", "/realtime/v1/streams/run_1/llm")
    assert request.headers["accept"] == "text/event-stream"
    assert request.headers["timeout-seconds"] == "60"
    assert "last-event-id" not in request.headers


def test_stream_json_lines_keep_exact_values_and_event_ids() -> None:
    stream = OutputStream(list(VALUES), "v1")
    app = feed(minute_run("run_1"), streams={("run_1", "default"): stream})
    code, out, _ = cli("runs", "stream", "run_1", "--json", transport=httpx.MockTransport(app))
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["data"] for line in lines] == VALUES
    assert [line["eventId"] for line in lines] == [stream.event_id(i) for i in range(len(VALUES))]
    assert "\x1b" not in out
    assert app.requests[0].url.path == "/realtime/v1/streams/run_1/default"


def test_stream_resumes_a_dropped_connection_and_takes_the_flags() -> None:
    whole = OutputStream(list(VALUES), "v2")
    for cut in whole.boundaries()[1:-1]:
        stream = OutputStream(list(VALUES), "v2", cuts=[cut + 3])  # dropped inside the next event
        app = feed(minute_run("run_1"), streams={("run_1", "llm"): stream})
        code, out, _ = cli("runs", "stream", "run_1", "llm", transport=httpx.MockTransport(app))
        assert (code, out) == (0, PRINTED), cut
        assert len(app.requests) == 2
    app = feed(minute_run("run_1"), streams={("run_1", "llm"): OutputStream(list(VALUES), "v2")})
    code, out, _ = cli(
        "runs", "stream", "run_1", "llm", "--last-event-id", "2", "--idle-timeout", "300",
        transport=httpx.MockTransport(app),
    )  # fmt: skip
    assert code == 0
    assert out == PRINTED[len("Hello, wörld\n") :]  # a JSON value at the start needs no line break first
    (request,) = app.requests
    assert request.headers["last-event-id"] == "2"
    assert request.headers["timeout-seconds"] == "300"


def test_stream_on_a_terminal_ends_its_last_line() -> None:
    app = feed(minute_run("run_1"), streams={("run_1", "llm"): OutputStream(["no newline"], "v1")})
    code, out, _ = on_terminal("runs", "stream", "run_1", "llm", transport=httpx.MockTransport(app))
    assert (code, out) == (0, "no newline\n")
    app = feed(minute_run("run_1"), streams={("run_1", "llm"): OutputStream(["no newline"], "v1")})
    assert cli("runs", "stream", "run_1", "llm", transport=httpx.MockTransport(app))[:2] == (0, "no newline")


class Slow(httpx.SyncByteStream):
    """An event every 0.1 s, for 5 s."""

    def __iter__(self) -> Iterator[bytes]:
        for i in range(50):
            yield f"id: {1000 + i}-0\ndata: {json.dumps(f'{i} ')}\n\n".encode()
            time.sleep(0.1)


def test_stream_stops_at_the_timeout() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=Slow(), headers={"content-type": "text/event-stream"})

    started = time.monotonic()
    code, out, _ = cli("runs", "stream", "run_1", "llm", "--timeout", "0.35", transport=httpx.MockTransport(slow))
    elapsed = time.monotonic() - started
    assert code == 0
    assert 0.3 <= elapsed < 1.5
    assert out.split() == [str(i) for i in range(len(out.split()))]
    assert 2 <= len(out.split()) <= 6


def test_stream_errors() -> None:
    app = feed(minute_run("run_1"))
    code, out, err = cli("runs", "stream", "run_nope", "llm", transport=httpx.MockTransport(app))
    assert (code, out) == (1, "")
    assert err.startswith("trigger-facade: 404")
    code, out, err = cli("runs", "stream", "run_1", "llm", "--idle-timeout", "0", transport=httpx.MockTransport(app))
    assert (code, out) == (2, "")
    assert "--idle-timeout" in err
    code, out, err = cli("runs", "stream", "run_1", "llm", "--timeout", "soon", transport=httpx.MockTransport(app))
    assert (code, out) == (2, "")
    assert len(app.requests) == 1


def test_watch_one_run_as_json_lines_over_the_feed() -> None:
    app = feed(minute_run("run_1"))
    code, out, _ = cli("runs", "watch", "run_1", "--realtime", "--json", transport=httpx.MockTransport(app))
    assert code == 0
    snapshots = [json.loads(line) for line in out.splitlines()]
    assert [s["status"] for s in snapshots] == ["QUEUED", "EXECUTING", "COMPLETED"]
    assert snapshots[-1]["output"] == {"ok": True, "at": "1970-01-01T00:00:00+00:00"}
    assert {r.url.path for r in app.requests} == {"/realtime/v1/runs/run_1"}


# --- a real process on a real socket: Ctrl-C while a live request is held, a closed pipe ---------------


def loopback(app_streams: dict[tuple[str, str], OutputStream] | None = None) -> tuple[RealtimeServer, Any]:
    """A feed on a real socket where run_a has already finished; a live request is then held 20 s, for real."""
    app = RealtimeServer([quick_run("run_a", ("t",))], now=lambda: 1.0, hold=time.sleep, streams=app_streams)
    return app, serve_loopback(app)


def subprocess_environment(url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in CLIENT_VARIABLES}
    env.update(TRIGGER_SECRET_KEY=KEY, TRIGGER_API_URL=url, PYTHONIOENCODING="utf-8")
    return env


def test_ctrl_c_stops_a_real_tag_watch_with_130() -> None:
    _, served = loopback()
    with served as url:
        process = subprocess.Popen(
            [sys.executable, "-m", "trigger_facade", "runs", "watch", "--tag", "t"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=subprocess_environment(url),
        )
        assert process.stdout is not None
        assert process.stdout.readline().split()[1:] == ["run_a", "my-task", "COMPLETED"]
        time.sleep(0.3)  # now held in a live request that would last 20 s
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=20)
    assert process.returncode == 130
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == "trigger-facade: interrupted"


def test_a_stream_into_a_closed_pipe_is_quiet() -> None:
    many = OutputStream([f"chunk {i} " * 50 for i in range(2000)], "v2", piece=65536)
    _, served = loopback({("run_a", "llm"): many})
    with served as url:
        script = (
            f"{sys.executable} -m trigger_facade runs stream run_a llm | {sys.executable} -c "
            "'import sys; sys.stdin.read(10)'"
        )
        result = subprocess.run(
            ["/bin/sh", "-c", script], capture_output=True, text=True, env=subprocess_environment(url), timeout=60
        )
    assert "Traceback" not in result.stderr
    assert "Exception ignored" not in result.stderr
