"""client.runs.retrieve vs a raw httpx GET + .json() of the same URL, same loopback server.

Interleaved rounds (facade, raw, facade, raw, ...) so drift hits both alike; medians of per-round
throughput; sync and async. Prints one summary line.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import KEY, fake_server, median

from trigger_facade import AsyncTriggerClient, TriggerClient

ROUNDS = 15
CALLS = 200
HEADERS = {"authorization": f"Bearer {KEY}", "x-trigger-api-version": "2025-07-16"}


def sync_ratio(url: str, run_id: str) -> tuple[float, float, float]:
    facade = TriggerClient(secret_key=KEY, base_url=url, environ={})
    raw = httpx.Client(base_url=url)
    path = f"/api/v3/runs/{run_id}"
    facade_rates, raw_rates = [], []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for _ in range(CALLS):
            facade.runs.retrieve(run_id)
        facade_rates.append(CALLS / (time.perf_counter() - started))
        started = time.perf_counter()
        for _ in range(CALLS):
            raw.get(path, headers=HEADERS).json()
        raw_rates.append(CALLS / (time.perf_counter() - started))
    facade.close()
    raw.close()
    return median(facade_rates), median(raw_rates), median(facade_rates) / median(raw_rates)


async def async_ratio(url: str, run_id: str) -> tuple[float, float, float]:
    facade = AsyncTriggerClient(secret_key=KEY, base_url=url, environ={})
    raw = httpx.AsyncClient(base_url=url)
    path = f"/api/v3/runs/{run_id}"
    facade_rates, raw_rates = [], []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for _ in range(CALLS):
            await facade.runs.retrieve(run_id)
        facade_rates.append(CALLS / (time.perf_counter() - started))
        started = time.perf_counter()
        for _ in range(CALLS):
            (await raw.get(path, headers=HEADERS)).json()
        raw_rates.append(CALLS / (time.perf_counter() - started))
    await facade.close()
    await raw.aclose()
    return median(facade_rates), median(raw_rates), median(facade_rates) / median(raw_rates)


def main() -> None:
    with fake_server() as url:
        with TriggerClient(secret_key=KEY, base_url=url, environ={}) as client:
            run_id = client.tasks.trigger("bench", {"n": 1, "tags": ["a", "b"], "text": "x" * 200}, tags=["bench"]).id
            client.runs.wait(run_id, timeout=10, poll_interval=0.01)
        s_facade, s_raw, s_ratio = sync_ratio(url, run_id)
        a_facade, a_raw, a_ratio = asyncio.run(async_ratio(url, run_id))
    # three decimals: the targets sit at the second one, and 0.945 must not print as 0.95
    print(
        f"bench_overhead: sync facade {s_facade:.0f}/s vs raw httpx {s_raw:.0f}/s = {s_ratio:.3f}x "
        f"(target >= 0.90x); async facade {a_facade:.0f}/s vs raw {a_raw:.0f}/s = {a_ratio:.3f}x (target >= 0.95x)"
    )


if __name__ == "__main__":
    main()
