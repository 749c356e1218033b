"""`make bench`: every benchmark, one summary line each."""

from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    python = f"{platform.python_implementation()} {platform.python_version()}"
    print(f"machine: {platform.machine()}, {python}, {platform.platform()}")
    failed = 0
    for name in ("bench_import", "bench_overhead", "bench_paginate", "bench_batch", "bench_realtime"):
        result = subprocess.run([sys.executable, str(HERE / f"{name}.py")], check=False)
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
