"""Does a live Trigger.dev server answer like the recorded one? Runs the scenario against it and reports,
per operation, every difference from tests/server_truth/recorded/ (status code, headers that matter,
body keys and value types). Exit status 1 when anything differs.

    TRIGGER_API_URL=https://trigger.example.com TRIGGER_SECRET_KEY=tr_dev_... [TRIGGER_PROJECT_REF=proj_...] \\
        python -m scripts.server_truth.conformance [STEP ...]

The environment's worker must run the tasks in scripts/server_truth/tasks (`npx trigger.dev dev` there).
Without TRIGGER_PROJECT_REF the env-var operations are skipped (reported, not counted as differences).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .live import session_from_environment
from .scenario import STEPS, run_scenario
from .shape import differences, normalise, request_view
from .store import load_exchanges


def compare(recorded: list[dict[str, Any]], observed: list[dict[str, Any]], steps: set[str]) -> dict[str, list[str]]:
    """Differences per exchange name, for the recorded exchanges of the steps that ran."""
    seen = {e["name"]: e for e in observed}
    report: dict[str, list[str]] = {}
    for exchange in recorded:
        if exchange["scenario"] not in steps:
            continue
        name = exchange["name"]
        mine = seen.get(name)
        if mine is None:
            report[name] = ["not sent: an earlier answer in its step was missing or unusable"]
            continue
        found = []
        if request_view(exchange) != request_view(mine):
            found.append(f"request differs from the recorded one: {request_view(mine)}")
        report[name] = found + differences(exchange, mine)
    recorded_names = {e["name"] for e in recorded}
    for name, exchange in seen.items():
        if name not in recorded_names:
            report[name] = [f"not in the recordings (status {exchange['response']['status']})"]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("steps", nargs="*", help=f"steps to run (default: all): {', '.join(STEPS)}")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every request as it is sent")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.steps) - set(STEPS))
    if unknown:
        parser.error(f"unknown steps {unknown}; the steps are {', '.join(STEPS)}")
    session = session_from_environment(quiet=not args.verbose)
    steps = set(args.steps or STEPS)
    if not session.project_ref and "envvars" in steps:
        steps.discard("envvars")
        print("envvars: skipped (set TRIGGER_PROJECT_REF to check the env-var operations)")
    timings = run_scenario(session, sorted(steps, key=list(STEPS).index))
    report = compare(load_exchanges(), session.exchanges, steps)
    recorded = load_exchanges()
    by_step: dict[str, list[str]] = {step: [] for step in [*STEPS, "(unrecorded)"]}
    for exchange in recorded:
        if exchange["name"] in report:
            by_step[exchange["scenario"]].append(exchange["name"])
    by_step["(unrecorded)"] = [n for n in report if n not in {e["name"] for e in recorded}]
    failing = 0
    for step, names in by_step.items():
        if not names:
            continue
        print(f"== {step} ({timings.get(step, 0.0):.1f} s)")
        for name in names:
            found = report[name]
            failing += bool(found)
            print(f"  {'DIFF' if found else 'ok  '} {name}")
            for line in found:
                print(f"       {normalise(line)}")
    print(f"{len(report) - failing} of {len(report)} operations answer as recorded; {failing} differ")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
