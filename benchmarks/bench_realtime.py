"""Realtime: requests per completed runs.wait of a one-minute run (realtime feed vs polling), and
stream chunks per second through client.runs.stream vs raw httpx reading the same event stream.

The server is the realtime test server (tests/realtime_client/server.py): in process on a fake
clock for the one-minute run (a held long poll moves that clock, exactly as the webapp holds one
for up to 20 s), and on a loopback socket for the scaled real-time run and the stream figures.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from _common import server_process  # noqa: E402 - the benchmarks folder is put on the path first

from tests.realtime_client.server import (  # noqa: E402 - the repository root is put on the path first
    FakeClock,
    OutputStream,
    RealtimeServer,
    Timeline,
    minute_run,
    serve_loopback,
    wire_time,
)
from trigger_facade import TriggerClient  # noqa: E402

KEY = "tr_dev_abcdefghijklmnopqrstuvwx"
CHUNKS = 20_000
SCALE = 0.02  # the scaled real-time run: 60 s -> 1.2 s, a 20 s hold -> 0.4 s, a 1 s poll -> 0.02 s


def fake_clock_wait(**wait_kwargs: Any) -> tuple[int, float]:
    """(requests, fake seconds) for one runs.wait of the one-minute run."""
    clock = FakeClock()
    app = RealtimeServer([minute_run()], now=clock.monotonic, hold=clock.advance)
    with TriggerClient(
        secret_key=KEY, base_url="https://api.test", transport=httpx.MockTransport(app), clock=clock, environ={}
    ) as client:
        run = client.runs.wait("run_1", **wait_kwargs)
    assert run.status == "COMPLETED", run
    return len(app.requests), clock.t


def scaled_run() -> Timeline:
    return Timeline(
        "run_1",
        [
            (0.0, {}),
            (5 * SCALE, {"status": "EXECUTING", "updatedAt": wire_time(5)}),
            (
                60 * SCALE,
                {"status": "COMPLETED_SUCCESSFULLY", "completedAt": wire_time(60), "updatedAt": wire_time(60)},
            ),
        ],
    )


def loopback_wait(**wait_kwargs: Any) -> tuple[int, float]:
    """(requests, wall seconds) for one runs.wait of the scaled run over a real socket."""
    start = time.monotonic()
    app = RealtimeServer([scaled_run()], now=lambda: time.monotonic() - start, hold=time.sleep, hold_seconds=20 * SCALE)
    with serve_loopback(app) as url, TriggerClient(secret_key=KEY, base_url=url, environ={}) as client:
        began = time.perf_counter()
        run = client.runs.wait("run_1", timeout=30, **wait_kwargs)
        elapsed = time.perf_counter() - began
    assert run.status == "COMPLETED", run
    return len(app.requests), elapsed


def stream_app(version: str) -> RealtimeServer:
    values = [{"delta": f"token {i} ", "i": i} for i in range(CHUNKS)]
    streams = {("run_1", "llm"): OutputStream(values, version, piece=16 * 1024)}
    return RealtimeServer([minute_run()], now=lambda: 0.0, hold=time.sleep, streams=streams)


@contextmanager
def stream_server(version: str) -> Iterator[str]:
    """The stream server in its own process, so that it does not share our interpreter lock."""
    with server_process([sys.executable, __file__, "--serve-stream", version]) as url:
        yield url


def serve_stream(version: str) -> None:
    with serve_loopback(stream_app(version)) as url:
        print(url, flush=True)
        while True:
            time.sleep(3600)


def client_chunks_per_second(url: str) -> float:
    with TriggerClient(secret_key=KEY, base_url=url, environ={}) as client:
        began = time.perf_counter()
        count = sum(1 for _ in client.runs.stream("run_1", "llm"))
        elapsed = time.perf_counter() - began
    assert count == CHUNKS, count
    return count / elapsed


def raw_chunks_per_second(url: str, version: str) -> float:
    """The floor: httpx lines, the data field JSON-parsed (v2: each record's body too), no resume state."""
    with httpx.Client(base_url=url) as http:
        began = time.perf_counter()
        count = 0
        with http.stream("GET", "/realtime/v1/streams/run_1/llm", headers={"accept": "text/event-stream"}) as r:
            for line in r.iter_lines():
                if not line.startswith("data: "):
                    continue
                data = json.loads(line[6:])
                if version == "v2":
                    count += sum(1 for record in data["records"] if json.loads(record["body"]) is not None)
                else:
                    count += 1
        elapsed = time.perf_counter() - began
    assert count == CHUNKS, count
    return count / elapsed


def main() -> None:
    realtime, _ = fake_clock_wait(realtime=True)
    polling, _ = fake_clock_wait()
    polling_1s, _ = fake_clock_wait(max_poll_interval=1.0)
    print(
        "bench_realtime: requests per runs.wait of a one-minute run (fake clock): "
        f"realtime {realtime}, polling {polling} (1 s backing off to 10 s), polling {polling_1s} (every 1 s)"
    )
    rt_requests, rt_seconds = loopback_wait(realtime=True)
    poll_requests, poll_seconds = loopback_wait(poll_interval=SCALE, max_poll_interval=SCALE)
    print(
        f"bench_realtime: scaled x{SCALE} over loopback (1.2 s run, 0.4 s holds): realtime {rt_requests} requests "
        f"in {rt_seconds:.2f} s, polling every {SCALE} s {poll_requests} requests in {poll_seconds:.2f} s"
    )
    for version in ("v1", "v2"):
        with stream_server(version) as url:
            ours = median([client_chunks_per_second(url) for _ in range(5)])
            raw = median([raw_chunks_per_second(url, version) for _ in range(5)])
        print(
            f"bench_realtime: stream {version}, {CHUNKS} chunks over loopback (median of 5): client.runs.stream "
            f"{ours:,.0f} chunks/s, raw httpx lines + json {raw:,.0f} chunks/s (ours at {ours / raw:.0%})"
        )


def median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve-stream"]:
        serve_stream(sys.argv[2])
    else:
        main()
