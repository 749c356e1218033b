"""The client's own CPU per `runs.retrieve` over raw httpx's, with no network: both are handed the same
canned answer (a completed run, streamed like httpx's own transports stream it) by an in-process
transport. Best of interleaved rounds, sync and async, in µs per call. Not part of `make bench`: it
is the fine-grained view behind bench_overhead (docs/benchmarks.md, the table of changes).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import KEY

from trigger_facade import AsyncTriggerClient, TriggerClient

ROUNDS = 15
CALLS = 1000
URL = "http://127.0.0.1:9"
RUN_ID = "run_45ceeb3909d004cf8969"
PATH = f"/api/v3/runs/{RUN_ID}"
HEADERS = {"authorization": f"Bearer {KEY}", "x-trigger-api-version": "2025-07-16"}
PAYLOAD = {"n": 1, "tags": ["a", "b"], "text": "x" * 200}
RUN = {
    "id": RUN_ID,
    "status": "COMPLETED",
    "taskIdentifier": "bench",
    "version": "20250101.1",
    **dict.fromkeys(("isQueued", "isExecuting", "isWaiting", "isFailed", "isCancelled", "isTest"), False),
    "isCompleted": True,
    "isSuccess": True,
    **dict.fromkeys(("createdAt", "startedAt"), "2026-11-30T15:09:34.466Z"),
    **dict.fromkeys(("updatedAt", "finishedAt"), "2026-11-30T15:09:34.502Z"),
    "ttl": "10m",
    "tags": ["bench"],
    **dict.fromkeys(("costInCents", "baseCostInCents", "durationMs", "depth"), 0),
    "idempotencyKey": "trigger-facade-auto-13ed04cb-f758-44e9-8156-35abbec7e7ae",
    "triggerFunction": "trigger",
    "region": "env_ba95ee14bf5d9e6e97730468",
    "attemptCount": 1,
    "attempts": [],
    "relatedRuns": {"children": []},
    "payload": PAYLOAD,
    "output": PAYLOAD,
}
BODY = json.dumps(RUN, separators=(",", ":")).encode()
ANSWER_HEADERS = [("content-type", "application/json"), ("content-length", str(len(BODY)))]


class Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    def __iter__(self) -> Iterator[bytes]:
        yield BODY

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield BODY


class Canned(httpx.BaseTransport, httpx.AsyncBaseTransport):
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=ANSWER_HEADERS, stream=Body(), extensions={"http_version": b"HTTP/1.1"})

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self.handle_request(request)


def per_call(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    for _ in range(CALLS):
        call()
    return (time.perf_counter() - started) / CALLS * 1e6


async def per_call_async(call: Callable[[], Awaitable[object]]) -> float:
    started = time.perf_counter()
    for _ in range(CALLS):
        await call()
    return (time.perf_counter() - started) / CALLS * 1e6


def sync_figures() -> tuple[float, float]:
    facade = TriggerClient(secret_key=KEY, base_url=URL, environ={}, transport=Canned())
    raw = httpx.Client(base_url=URL, transport=Canned())
    rounds = [
        (per_call(lambda: facade.runs.retrieve(RUN_ID)), per_call(lambda: raw.get(PATH, headers=HEADERS).json()))
        for _ in range(ROUNDS)
    ]
    return min(f for f, _ in rounds), min(r for _, r in rounds)


async def async_figures() -> tuple[float, float]:
    facade = AsyncTriggerClient(secret_key=KEY, base_url=URL, environ={}, transport=Canned())
    raw = httpx.AsyncClient(base_url=URL, transport=Canned())

    async def raw_call() -> object:
        return (await raw.get(PATH, headers=HEADERS)).json()

    rounds = []
    for _ in range(ROUNDS):
        rounds.append((await per_call_async(lambda: facade.runs.retrieve(RUN_ID)), await per_call_async(raw_call)))
    return min(f for f, _ in rounds), min(r for _, r in rounds)


def main() -> None:
    s_facade, s_raw = sync_figures()
    a_facade, a_raw = asyncio.run(async_figures())
    print(
        f"bench_cpu_retrieve: sync facade {s_facade:.1f} µs vs raw httpx {s_raw:.1f} µs (+{s_facade - s_raw:.1f}); "
        f"async {a_facade:.1f} µs vs {a_raw:.1f} µs (+{a_facade - a_raw:.1f})"
    )


if __name__ == "__main__":
    main()
