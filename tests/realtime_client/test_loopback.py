"""The same scenarios over a real loopback socket and real time (short): held long polls, a
connection cut inside a chunked event-stream body, sync and async."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from trigger_facade import AsyncTriggerClient, TriggerClient

from .helpers import KEY, MODES
from .server import OutputStream, RealtimeServer, Timeline, serve_loopback, wire_time

VALUES: list[Any] = [{"delta": "Hel"}, {"delta": "lo"}, "text", {"delta": "é😀"}]


def quick_run() -> Timeline:
    """Queued at once, executing at 0.15 s, completed at 0.4 s (real seconds)."""
    return Timeline(
        "run_1",
        [
            (0.0, {}),
            (0.15, {"status": "EXECUTING", "updatedAt": wire_time(1)}),
            (0.4, {"status": "COMPLETED_SUCCESSFULLY", "completedAt": wire_time(2), "updatedAt": wire_time(2)}),
        ],
    )


def real_time_app(**kwargs: Any) -> RealtimeServer:
    start = time.monotonic()
    return RealtimeServer([quick_run()], now=lambda: time.monotonic() - start, hold=time.sleep, **kwargs)


def run_client(mode: str, url: str, work: Any) -> Any:
    if mode == "async":

        async def main() -> Any:
            async with AsyncTriggerClient(secret_key=KEY, base_url=url, environ={}) as client:
                return await work(client)

        return asyncio.run(main())
    with TriggerClient(secret_key=KEY, base_url=url, environ={}) as client:
        return work(client)


@MODES
def test_realtime_wait_over_loopback(mode: str) -> None:
    app = real_time_app(hold_seconds=0.3)

    async def awork(client: Any) -> Any:
        return await client.runs.wait("run_1", realtime=True, timeout=10)

    with serve_loopback(app) as url:
        run = run_client(mode, url, awork if mode == "async" else lambda c: c.runs.wait("run_1", realtime=True))
    assert run.status == "COMPLETED"
    assert app.paths() == ["/realtime/v1/runs/run_1"] * 3


@MODES
@pytest.mark.parametrize("version", ["v1", "v2"])
def test_a_stream_cut_at_every_chunk_boundary_over_a_socket(mode: str, version: str) -> None:
    whole = OutputStream(list(VALUES), version)
    for cut in whole.boundaries()[:-1]:
        app = real_time_app(streams={("run_1", "llm"): OutputStream(list(VALUES), version, cuts=[cut])})

        async def awork(client: Any) -> list[Any]:
            return [chunk.data async for chunk in client.runs.stream("run_1", "llm", timeout=10)]

        def work(client: Any) -> list[Any]:
            return [chunk.data for chunk in client.runs.stream("run_1", "llm", timeout=10)]

        with serve_loopback(app) as url:
            data = run_client(mode, url, awork if mode == "async" else work)
        assert data == VALUES, cut
        assert len(app.requests) == 2, cut
