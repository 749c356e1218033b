"""100,000 items from a generator through tasks.batch_trigger vs the same NDJSON with raw httpx.

Three interleaved rounds (facade, raw, facade, raw, ...), each against a fresh server process so
neither side inherits the other's 100,000 runs; the summary uses medians.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import KEY, fake_server, median, peak_rss_mb

from trigger_facade import TriggerClient

ITEMS = 100_000
CHUNK = 1000
ROUNDS = 3


def items() -> Iterator[dict[str, object]]:
    for n in range(ITEMS):
        yield {"payload": {"n": n, "user": f"user-{n}"}, "options": {"tags": ["bench"]}}


def raw_httpx(url: str) -> tuple[float, int]:
    headers = {"authorization": f"Bearer {KEY}", "x-trigger-api-version": "2025-07-16"}
    requests = 0
    started = time.perf_counter()
    with httpx.Client(base_url=url, headers=headers) as http:
        source = items()
        while True:
            chunk = [item for _, item in zip(range(CHUNK), source, strict=False)]
            if not chunk:
                break
            created = http.post("/api/v3/batches", json={"runCount": len(chunk), "taskIdentifiers": ["bench"]}).json()
            lines = "".join(
                json.dumps({"index": i, "task": "bench", "payload": item["payload"], "options": item["options"]}) + "\n"
                for i, item in enumerate(chunk)
            )
            http.post(
                f"/api/v3/batches/{created['id']}/items",
                content=lines.encode(),
                headers={"content-type": "application/x-ndjson"},
            ).raise_for_status()
            requests += 2
    return time.perf_counter() - started, requests


def facade(url: str) -> tuple[float, int, float]:
    with TriggerClient(secret_key=KEY, base_url=url, environ={}) as client:
        # warm up like the raw side: first use imports the generated models (a one-time ~0.3 s)
        client.tasks.batch_trigger("warm-up", [{"payload": 0}])
        before = peak_rss_mb()
        started = time.perf_counter()
        handle = client.tasks.batch_trigger("bench", items())
        elapsed = time.perf_counter() - started
    assert handle.run_count == ITEMS
    return elapsed, 2 * len(handle.ids), peak_rss_mb() - before


def main() -> None:
    facade_times, raw_times, ratios = [], [], []
    growth = 0.0
    for round_number in range(ROUNDS):
        with fake_server() as url:
            facade_time, facade_requests, round_growth = facade(url)
        with fake_server() as url:
            raw_time, raw_requests = raw_httpx(url)
        if round_number == 0:
            growth = round_growth  # later rounds reuse memory the first one already took
        facade_times.append(facade_time)
        raw_times.append(raw_time)
        ratios.append(raw_time / facade_time)
    facade_time, raw_time = median(facade_times), median(raw_times)
    print(
        f"bench_batch: {ITEMS} items in {facade_time:.1f} s ({ITEMS / facade_time:.0f} items/s, {facade_requests} "
        f"requests), raw httpx {raw_time:.1f} s ({raw_requests} requests): throughput {median(ratios):.2f}x "
        f"(median of {ROUNDS} interleaved rounds; target >= 0.8x); peak RSS growth {growth:.1f} MB (target <= 64 MB)"
    )


if __name__ == "__main__":
    main()
