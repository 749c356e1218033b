"""Median wall time of `import trigger_facade` vs `import httpx`, each in fresh processes."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import median

RUNS = 21


def timed(statement: str) -> float:
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True)
        samples.append(time.perf_counter() - started)
    return median(samples)


def main() -> None:
    timed("import httpx")  # warm the file cache for both
    baseline = timed("pass")
    httpx_time = timed("import httpx")
    facade_time = timed("import trigger_facade")
    client_time = timed("import trigger_facade; trigger_facade.TriggerClient(secret_key='tr_dev_x', environ={}).runs")
    print(
        f"bench_import: import trigger_facade {facade_time * 1000:.0f} ms vs import httpx {httpx_time * 1000:.0f} ms "
        f"= {facade_time / httpx_time:.2f}x (target <= 1.5x); interpreter alone {baseline * 1000:.0f} ms; "
        f"first use of client.runs {client_time * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
