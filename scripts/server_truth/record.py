"""Record the real Trigger.dev server: run the scenario and write tests/server_truth/recorded/<step>.json.

    TRIGGER_API_URL=http://127.0.0.1:3030 TRIGGER_SECRET_KEY=tr_dev_... TRIGGER_PROJECT_REF=proj_... \\
        python -m scripts.server_truth.record [STEP ...] [--out DIR]

The environment's worker must run the tasks in scripts/server_truth/tasks (see recorded/SOURCE.md).
Secrets are redacted as each exchange is kept; the files are checked once more before they are written.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from .live import RECORDED, session_from_environment
from .redact import secrets_in
from .scenario import STEPS, run_scenario


def write_recordings(exchanges: list[dict[str, Any]], out: Path, secret_key: str) -> dict[str, int]:
    """One file per step, exchanges in the order sent; returns the count per file."""
    by_step: dict[str, list[dict[str, Any]]] = {}
    for exchange in exchanges:
        by_step.setdefault(exchange["scenario"], []).append(exchange)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for step, items in by_step.items():
        text = json.dumps(items, indent=1, sort_keys=False, ensure_ascii=False) + "\n"
        leaks = secrets_in(text)
        if secret_key in text or leaks:
            raise SystemExit(f"refusing to write {step}.json: it still holds a secret ({len(leaks)} found)")
        (out / f"{step}.json").write_text(text)
        counts[step] = len(items)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("steps", nargs="*", help=f"steps to record (default: all): {', '.join(STEPS)}")
    parser.add_argument("--out", type=Path, default=RECORDED)
    args = parser.parse_args(argv)
    unknown = sorted(set(args.steps) - set(STEPS))
    if unknown:
        parser.error(f"unknown steps {unknown}; the steps are {', '.join(STEPS)}")
    session = session_from_environment()
    started = time.monotonic()
    timings = run_scenario(session, args.steps or None)
    counts = write_recordings(session.exchanges, args.out, session.secret_key)
    for step, seconds in timings.items():
        print(f"{step:12} {counts.get(step, 0):3} exchanges  {seconds:6.1f} s")
    print(f"{'total':12} {sum(counts.values()):3} exchanges  {time.monotonic() - started:6.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
