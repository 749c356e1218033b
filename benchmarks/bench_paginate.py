"""Iterate 100,000 runs with runs.list(): items/s and peak RSS growth (flat in the number of pages)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import KEY, fake_server, peak_rss_mb

from trigger_facade import TriggerClient

RUNS = 100_000


def main() -> None:
    with (
        fake_server("--seed-runs", str(RUNS)) as url,
        TriggerClient(secret_key=KEY, base_url=url, environ={}) as client,
    ):
        # a first short pass warms imports and the connection, so growth below is the iteration's
        sum(1 for _ in client.runs.list(page_size=100, limit=1000))
        before = peak_rss_mb()
        started = time.perf_counter()
        count = 0
        growth_at_10k = 0.0
        for _ in client.runs.list(page_size=100):
            count += 1
            if count == 10_000:
                growth_at_10k = peak_rss_mb() - before
        elapsed = time.perf_counter() - started
        growth = peak_rss_mb() - before
    assert count == RUNS, count
    print(
        f"bench_paginate: {count} runs in {elapsed:.1f} s = {count / elapsed:.0f} runs/s ({RUNS // 100} pages); "
        f"peak RSS growth {growth_at_10k:.1f} MB after 10k runs, {growth:.1f} MB after 100k (flat = same)"
    )


if __name__ == "__main__":
    main()
