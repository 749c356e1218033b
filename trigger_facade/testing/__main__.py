"""python -m trigger_facade.testing serve [--port 0] [--host 127.0.0.1] [--seed-runs N]
[--scheduled-task TASK ...] [faults...]"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading

from ._fake import FakeTrigger
from ._faults import Faults


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m trigger_facade.testing", description="a local Trigger.dev API")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the fake over HTTP on loopback until interrupted")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=0, help="0 picks a free port")
    serve.add_argument("--seed-runs", type=int, default=0, help="create this many finished runs first")
    serve.add_argument(
        "--scheduled-task", action="append", default=[], metavar="TASK", help="a task that accepts schedules"
    )
    serve.add_argument("--drop-after-work", type=float, default=0.0)
    serve.add_argument("--error-5xx", type=float, default=0.0)
    serve.add_argument("--rate-limit", type=float, default=0.0)
    serve.add_argument("--latency", type=float, default=0.0)
    args = parser.parse_args(argv)
    faults = Faults(
        drop_after_work=args.drop_after_work, error_5xx=args.error_5xx, rate_limit=args.rate_limit, latency=args.latency
    )
    fake = FakeTrigger(faults=faults, scheduled_tasks=args.scheduled_task)
    fake.seed_runs(args.seed_runs)
    server = fake.serve(port=args.port, host=args.host)
    url = server.start()
    print(url, flush=True)
    print(f"secret key: {fake.secret_key}", file=sys.stderr, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with contextlib.suppress(KeyboardInterrupt):
        stop.wait()
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
