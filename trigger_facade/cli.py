"""trigger-facade: run operations from the shell (list, inspect, cancel, replay, watch, trigger, ...).

The key comes from TRIGGER_SECRET_KEY / TRIGGER_ACCESS_TOKEN, or a hidden prompt; never from a flag,
which would land in shell history. Exit codes: 0 ok, 1 API or run failure, 2 usage error.
"""

from __future__ import annotations

import argparse
import csv
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any, NoReturn

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
RUN_COLUMNS = ["id", "taskIdentifier", "status", "createdAt", "tags"]


class UsageError(Exception):
    """Bad arguments: exit code 2."""


# ---------------------------------------------------------------------------- output


def _plain(value: Any) -> Any:
    """Generated models, runs and datetimes as JSON-ready values."""
    if hasattr(value, "to_dict"):
        return _plain(value.to_dict())
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, separators=(",", ":"))
    return str(value)


def emit(rows: Iterable[Any], columns: Sequence[str] | None, output: str, out: Any) -> int:
    """Write rows as a table, JSON or CSV; returns how many were written."""
    records = [_plain(row) for row in rows]
    if output == "json":
        out.write(json.dumps(records, indent=2) + "\n")
        return len(records)
    names = list(columns or (records[0].keys() if records else []))
    if output == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        for record in records:
            writer.writerow([_cell(record.get(name)) for name in names])
        return len(records)
    table = [names] + [[_cell(record.get(name)) for name in names] for record in records]
    widths = [max(len(row[i]) for row in table) for i in range(len(names))] if names else []
    for number, row in enumerate(table):
        out.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() + "\n")
        if number == 0:
            out.write("  ".join("-" * width for width in widths) + "\n")
    if not records:
        out.write("(nothing)\n")
    return len(records)


def emit_one(value: Any, output: str, out: Any) -> None:
    record = _plain(value)
    if output == "json" or not isinstance(record, dict):
        out.write(json.dumps(record, indent=2) + "\n")
        return
    width = max((len(k) for k in record), default=0)
    for key, item in record.items():
        out.write(f"{key.ljust(width)}  {_cell(item)}\n")


# ---------------------------------------------------------------------------- arguments


def _payload(text: str) -> Any:
    """A JSON payload, or @file.json."""
    if text.startswith("@"):
        try:
            with open(text[1:], encoding="utf-8") as handle:
                text = handle.read()
        except OSError as exc:
            raise UsageError(f"--payload {text}: {exc.strerror}") from None
    try:
        return json.loads(text)
    except ValueError as exc:
        raise UsageError(f"--payload is not JSON ({exc}); pass JSON or @file.json") from None


def _jsonl(path: str) -> Iterator[dict[str, Any]]:
    """Batch items from a JSON Lines file: {"payload": ..., "options": {...}} per line."""
    try:
        handle = open(path, encoding="utf-8")  # noqa: SIM115 - closed when the generator ends
    except OSError as exc:
        raise UsageError(f"--items {path}: {exc.strerror}") from None
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError:
                raise UsageError(f"--items {path}: line {number} is not JSON") from None
            if not isinstance(item, dict) or "payload" not in item:
                item = {"payload": item}
            yield item


def _dotenv(path: str) -> dict[str, str]:
    values: dict[str, str] = {}
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError as exc:
        raise UsageError(f"{path}: {exc.strerror}") from None
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = line.removeprefix("export ")
        name, sep, value = line.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"{path}:{number}: expected NAME=value")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[name.strip()] = value
    return values


def _time(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{text!r} is not an ISO-8601 time such as 2026-01-31T00:00:00+00:00") from None
    if moment.tzinfo is None:
        raise UsageError(f"{text!r} has no time zone; add one, e.g. +00:00 or Z")
    return moment


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="trigger-facade", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--base-url", help="API URL (default: TRIGGER_API_URL or https://api.trigger.dev)")
    parser.add_argument("--branch", help="preview branch (default: TRIGGER_PREVIEW_BRANCH)")
    parser.add_argument(
        "--project-ref", help="project ref for env vars and project runs (default: TRIGGER_PROJECT_REF)"
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def output_flags(p: argparse.ArgumentParser) -> None:
        group = p.add_mutually_exclusive_group()
        group.add_argument("--json", dest="output", action="store_const", const="json", help="JSON output")
        group.add_argument("--csv", dest="output", action="store_const", const="csv", help="CSV output")
        p.set_defaults(output="table")

    runs = sub.add_parser("runs", help="list, inspect, cancel, replay, reschedule and watch runs")
    runs_sub = runs.add_subparsers(dest="action", required=True, parser_class=_Parser)
    listing = runs_sub.add_parser("list", help="runs, newest first")
    for flag in ("status", "task", "tag", "version", "queue", "machine", "region"):
        listing.add_argument(f"--{flag}", action="append", help=f"filter by {flag} (repeatable)")
    listing.add_argument("--batch")
    listing.add_argument("--schedule")
    listing.add_argument("--test", dest="is_test", action=argparse.BooleanOptionalAction, default=None)
    listing.add_argument("--from", dest="created_after", type=_time_arg, help="created at or after (ISO-8601)")
    listing.add_argument("--to", dest="created_before", type=_time_arg, help="created at or before (ISO-8601)")
    listing.add_argument("--period", help="look back this long, e.g. 7d (the server's default window is 7 days)")
    listing.add_argument("--env", action="append", help="with a personal token: dev, staging, prod, preview")
    listing.add_argument("--limit", type=int, default=50, help="at most this many runs (default 50; 0 = all)")
    output_flags(listing)
    get = runs_sub.add_parser("get", help="one run")
    get.add_argument("run_id")
    get.add_argument("--json", dest="output", action="store_const", const="json", default="table")
    for name, text in (("cancel", "cancel a run"), ("replay", "start a new run with the same payload")):
        p = runs_sub.add_parser(name, help=text)
        p.add_argument("run_id")
    reschedule = runs_sub.add_parser("reschedule", help="move a delayed run")
    reschedule.add_argument("run_id")
    reschedule.add_argument("--delay", required=True, help="a duration such as 1h30m, or an ISO-8601 time")
    watch = runs_sub.add_parser(
        "watch", help="print each status change until the run ends (exit 1 unless it succeeded)"
    )
    watch.add_argument("run_id")
    watch.add_argument("--timeout", type=float, default=None, help="give up after this many seconds")
    watch.add_argument("--interval", type=float, default=1.0, help="first poll interval in seconds")
    watch.add_argument("--realtime", action="store_true", help="follow the realtime feed instead of polling")

    trigger = sub.add_parser("trigger", help="trigger one run of a task")
    trigger.add_argument("task")
    trigger.add_argument("--payload", type=_payload_arg, default=None, help="JSON, or @file.json")
    trigger.add_argument("--delay")
    trigger.add_argument("--ttl")
    trigger.add_argument("--idempotency-key")
    trigger.add_argument("--tag", action="append")
    trigger.add_argument("--machine")
    trigger.add_argument("--queue")
    trigger.add_argument(
        "--wait", action="store_true", help="wait for the run and print it (exit 1 unless it succeeded)"
    )
    trigger.add_argument("--timeout", type=float, default=600.0, help="with --wait: seconds")
    trigger.add_argument("--realtime", action="store_true", help="with --wait: follow the realtime feed")
    trigger.add_argument("--json", dest="output", action="store_const", const="json", default="table")

    batch = sub.add_parser("batch", help="trigger a task once per line of a JSON Lines file")
    batch.add_argument("task")
    batch.add_argument("--items", required=True, help='file.jsonl: one {"payload": ..., "options": {...}} per line')
    batch.add_argument("--idempotency-key")

    schedules = sub.add_parser("schedules", help="cron schedules")
    sched_sub = schedules.add_subparsers(dest="action", required=True, parser_class=_Parser)
    output_flags(sched_sub.add_parser("list"))
    create = sched_sub.add_parser("create")
    create.add_argument("--task", required=True)
    create.add_argument("--cron", required=True)
    create.add_argument("--dedup-key", required=True, help="deduplication key (makes create idempotent)")
    create.add_argument("--timezone")
    create.add_argument("--external-id")
    for name in ("delete", "activate", "deactivate"):
        sched_sub.add_parser(name).add_argument("schedule_id")

    envvars = sub.add_parser("envvars", help="environment variables")
    env_sub = envvars.add_subparsers(dest="action", required=True, parser_class=_Parser)
    for name in ("list", "get", "set", "delete", "import", "export"):
        p = env_sub.add_parser(name)
        p.add_argument("--env", required=True, help="dev, staging, prod or preview")
        if name in ("get", "set", "delete"):
            p.add_argument("name")
        if name == "set":
            p.add_argument("value")
            p.add_argument("--secret", action="store_true")
        if name == "import":
            p.add_argument("file", help="a .env file")
            p.add_argument("--override", action="store_true")
        if name == "list":
            output_flags(p)

    queues = sub.add_parser("queues", help="queues")
    queue_sub = queues.add_subparsers(dest="action", required=True, parser_class=_Parser)
    output_flags(queue_sub.add_parser("list"))
    for name in ("pause", "resume", "limit"):
        p = queue_sub.add_parser(name)
        p.add_argument("queue", help='a queue id ("queue_..."), task:<task id> or custom:<name>')
        if name == "limit":
            p.add_argument("limit", nargs="?", help="a number of runs, 'reset', or use --percent")
            p.add_argument("--percent", type=float)

    waitpoints = sub.add_parser("waitpoints", help="waitpoint tokens")
    wait_sub = waitpoints.add_subparsers(dest="action", required=True, parser_class=_Parser)
    wcreate = wait_sub.add_parser("create")
    wcreate.add_argument("--timeout")
    wcreate.add_argument("--idempotency-key")
    wcreate.add_argument("--tag", action="append")
    wcomplete = wait_sub.add_parser("complete")
    wcomplete.add_argument("token_id")
    wcomplete.add_argument("--data", type=_payload_arg, default=None, help="JSON, or @file.json")

    query = sub.add_parser("query", help="run a TRQL query")
    query.add_argument("trql")
    query.add_argument("--format", choices=["table", "csv", "json"], default="table")
    query.add_argument("--period")
    query.add_argument("--scope", choices=["environment", "project", "organization"], default="environment")

    deployments = sub.add_parser("deployments", help="deployments")
    dep_sub = deployments.add_subparsers(dest="action", required=True, parser_class=_Parser)
    output_flags(dep_sub.add_parser("list"))
    dep_sub.add_parser("current")
    dep_sub.add_parser("promote").add_argument("version")
    return parser


def _time_arg(text: str) -> datetime:
    try:
        return _time(text)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _payload_arg(text: str) -> Any:
    try:
        return _payload(text)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


# ---------------------------------------------------------------------------- commands


def _queue(text: str) -> Any:
    from . import QueueRef

    kind, sep, name = text.partition(":")
    if sep and kind == "task":
        return QueueRef.task(name)
    if sep and kind == "custom":
        return QueueRef.custom(name)
    return text


def _watch(client: Any, args: argparse.Namespace, out: Any) -> int:
    last = None
    for run in client.runs.watch(
        args.run_id, timeout=args.timeout, poll_interval=args.interval, realtime=args.realtime
    ):
        last = run
        out.write(f"{datetime.now().strftime('%H:%M:%S')}  {run.id}  {run.status}\n")
        out.flush()
    return EXIT_OK if last is not None and last.is_success else EXIT_FAILURE


def _progress(label: str, total: int, err: Any) -> Callable[[int], None]:
    """A one-line progress bar on stderr: `label [#####.....] 1200/2500 items`."""

    def show(count: int) -> None:
        filled = 30 * count // total if total else 30
        err.write(f"\r{label} [{'#' * filled}{'.' * (30 - filled)}] {count}/{total} items")
        err.flush()

    return show


def _count_items(path: str) -> int:
    try:
        with open(path, encoding="utf-8") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError as exc:
        raise UsageError(f"--items {path}: {exc.strerror}") from None


def run_command(args: argparse.Namespace, client: Any, out: Any, err: Any) -> int:
    command, action = args.command, getattr(args, "action", None)
    if command == "runs":
        if action == "list":
            filters = {
                "status": args.status,
                "task_identifier": args.task,
                "tag": args.tag,
                "version": args.version,
                "queue": [_queue(q) for q in args.queue] if args.queue else None,
                "machine": args.machine,
                "region": args.region,
                "batch": args.batch,
                "schedule": args.schedule,
                "is_test": args.is_test,
                "created_after": args.created_after,
                "created_before": args.created_before,
                "period": args.period,
            }
            if args.env:
                filters["env"] = args.env
                filters["project_ref"] = args.project_ref
            runs = client.runs.list(limit=args.limit or None, **{k: v for k, v in filters.items() if v is not None})
            emit((run.data for run in runs), None if args.output == "json" else RUN_COLUMNS, args.output, out)
        elif action == "get":
            emit_one(client.runs.retrieve(args.run_id).data, args.output, out)
        elif action == "cancel":
            out.write(f"cancelled {client.runs.cancel(args.run_id)}\n")
        elif action == "replay":
            out.write(f"replayed {args.run_id} as {client.runs.replay(args.run_id)}\n")
        elif action == "reschedule":
            delay: Any = args.delay
            if "T" in delay or (delay[:1].isdigit() and "-" in delay):  # durations have neither
                delay = _time(delay)
            run = client.runs.reschedule(args.run_id, delay=delay)
            out.write(f"{run.id} now starts at {run.data.get('delayedUntil')}\n")
        else:
            return _watch(client, args, out)
        return EXIT_OK
    if command == "trigger":
        options = {
            "delay": args.delay,
            "ttl": args.ttl,
            "idempotency_key": args.idempotency_key,
            "tags": args.tag,
            "machine": args.machine,
            "queue": args.queue,
        }
        handle = client.tasks.trigger(args.task, args.payload, **{k: v for k, v in options.items() if v is not None})
        if not args.wait:
            cached = " (cached: an earlier run with this idempotency key)" if handle.is_cached else ""
            out.write(f"{handle.id}{cached}\n")
            return EXIT_OK
        run = client.runs.wait(handle.id, timeout=args.timeout, realtime=args.realtime)
        emit_one(run.data, args.output, out)
        return EXIT_OK if run.is_success else EXIT_FAILURE
    if command == "batch":
        counter = {"n": 0}
        show = _progress(f"batching {args.task}", _count_items(args.items), err)

        def counted() -> Iterator[dict[str, Any]]:
            for item in _jsonl(args.items):
                counter["n"] += 1
                if counter["n"] % 500 == 0:
                    show(counter["n"])
                yield item

        handle = client.tasks.batch_trigger(args.task, counted(), idempotency_key=args.idempotency_key)
        show(counter["n"])
        err.write("\n")
        for part in handle.batches:
            out.write(f"{part.id}  {part.run_count} runs{'  (cached)' if part.is_cached else ''}\n")
        return EXIT_OK
    if command == "schedules":
        if action == "list":
            columns = ["id", "task", "active", "generator", "timezone", "nextRun"]
            emit(client.schedules.list(), None if args.output == "json" else columns, args.output, out)
        elif action == "create":
            schedule = client.schedules.create(
                task=args.task,
                cron=args.cron,
                deduplication_key=args.dedup_key,
                timezone=args.timezone,
                external_id=args.external_id,
            )
            out.write(f"{schedule.id}\n")
        elif action == "delete":
            out.write(f"deleted {client.schedules.delete(args.schedule_id)}\n")
        else:
            schedule = getattr(client.schedules, str(action))(args.schedule_id)
            out.write(f"{schedule.id} active={schedule.active}\n")
        return EXIT_OK
    if command == "envvars":
        env = {"env": args.env, "project_ref": args.project_ref}
        if action == "list":
            emit(client.envvars.list(**env), ["name", "value", "isSecret"], args.output, out)
        elif action == "get":
            out.write(f"{client.envvars.retrieve(args.name, **env).value}\n")
        elif action == "set":
            client.envvars.create(args.name, args.value, is_secret=args.secret, **env)
            out.write(f"set {args.name}\n")
        elif action == "delete":
            client.envvars.delete(args.name, **env)
            out.write(f"deleted {args.name}\n")
        elif action == "import":
            values = _dotenv(args.file)
            client.envvars.upload(values, override=args.override, **env)
            out.write(f"imported {len(values)} variables\n")
        else:
            for var in client.envvars.list(**env):
                value = var.value.replace("\\", "\\\\").replace('"', '\\"')
                out.write(f'{var.name}="{value}"\n')
        return EXIT_OK
    if command == "queues":
        if action == "list":
            columns = ["id", "name", "type", "running", "queued", "paused", "concurrencyLimit"]
            emit(client.queues.list(), None if args.output == "json" else columns, args.output, out)
            return EXIT_OK
        queue = _queue(args.queue)
        if action in ("pause", "resume"):
            result = getattr(client.queues, action)(queue)
        elif args.limit == "reset":
            result = client.queues.reset_concurrency_limit(queue)
        else:
            if args.limit is not None and not args.limit.isdigit():
                raise UsageError(f"limit {args.limit!r} must be a whole number or 'reset'")
            limit = int(args.limit) if args.limit is not None else None
            result = client.queues.override_concurrency_limit(queue, limit, percent=args.percent)
        out.write(f"{result.name} paused={result.paused} limit={result.concurrency_limit}\n")
        return EXIT_OK
    if command == "waitpoints":
        if action == "create":
            token = client.waitpoints.create_token(
                timeout=args.timeout, idempotency_key=args.idempotency_key, tags=args.tag
            )
            out.write(f"{token.id}\ncallback: {token.url}\n")
        else:
            client.waitpoints.complete_token(args.token_id, args.data)
            out.write(f"completed {args.token_id}\n")
        return EXIT_OK
    if command == "query":
        wire = "csv" if args.format == "csv" else "json"
        result = client.query.execute(args.trql, scope=args.scope, period=args.period, format=wire)
        if args.format == "csv":
            out.write(result)
        else:
            emit(result, None, args.format, out)
        return EXIT_OK
    if action == "list":
        columns = ["id", "version", "status", "shortCode", "deployedAt"]
        emit(client.deployments.list(), None if args.output == "json" else columns, args.output, out)
    elif action == "current":
        emit_one(client.deployments.current(), "table", out)
    else:
        promoted = client.deployments.promote(args.version)
        out.write(f"promoted {promoted.version} ({promoted.id})\n")
    return EXIT_OK


def _client(args: argparse.Namespace, environ: dict[str, str]) -> Any:
    from . import TriggerClient

    key = environ.get("TRIGGER_SECRET_KEY") or environ.get("TRIGGER_ACCESS_TOKEN")
    if not key:
        if not sys.stdin.isatty():
            raise UsageError("no key: set TRIGGER_SECRET_KEY (or TRIGGER_ACCESS_TOKEN for a personal token)")
        key = getpass.getpass("Trigger.dev secret key: ")
    return TriggerClient(
        secret_key=key,
        base_url=args.base_url,
        preview_branch=args.branch,
        project_ref=args.project_ref,
        environ=environ,
    )


def main(argv: Sequence[str] | None = None, *, out: Any = None, err: Any = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    from .errors import APIError, InvalidInputError, RunWaitTimeoutError

    try:
        with _client(args, dict(os.environ)) as client:
            return run_command(args, client, out, err)
    except (UsageError, InvalidInputError) as exc:
        err.write(f"trigger-facade: {exc}\n")
        return EXIT_USAGE
    except (APIError, RunWaitTimeoutError) as exc:
        status = getattr(exc, "status_code", None)
        err.write(f"trigger-facade: {'' if status is None else f'{status}: '}{exc}\n")
        return EXIT_FAILURE
    except KeyboardInterrupt:
        err.write("interrupted\n")
        return EXIT_FAILURE
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
