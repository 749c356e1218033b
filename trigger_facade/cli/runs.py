"""`trigger-facade runs ...`: list, get, cancel, replay, reschedule, watch and stream runs."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import IO, Any, TypeVar

import click

from ..models import Run
from .flags import DURATION_HELP, Group, output_flags
from .inputs import ISO_TIME, SECONDS
from .output import emit, emit_one, printable, to_json_line
from .run_stream import stream_run
from .session import EXIT_FAILURE, Session, parse_queue, pass_session

__all__ = ["RUN_COLUMNS", "runs"]

RUN_COLUMNS = ["id", "taskIdentifier", "status", "createdAt", "tags"]

F = TypeVar("F", bound=Callable[..., Any])


@click.group(cls=Group)
def runs() -> None:
    """List, inspect, cancel, replay, reschedule, watch and stream runs."""


def _many(flag: str, what: str) -> Callable[[F], F]:
    return click.option(flag, multiple=True, help=f"only runs with this {what} (repeatable)")


@runs.command("list")
@_many("--status", "status (QUEUED, EXECUTING, COMPLETED, FAILED, ...)")
@_many("--task", "task id")
@_many("--tag", "tag")
@_many("--version", "deployed version")
@_many("--queue", 'queue: a queue id, "task:<task id>" or "custom:<name>"')
@_many("--machine", "machine preset")
@_many("--region", "region")
@click.option("--batch", help="only runs of this batch id")
@click.option("--schedule", help="only runs of this schedule id")
@click.option("--test/--no-test", "is_test", default=None, help="only test runs / only real runs")
@click.option("--from", "created_after", type=ISO_TIME, help="created at or after this time (ISO-8601 with a zone)")
@click.option("--to", "created_before", type=ISO_TIME, help="created at or before this time (ISO-8601 with a zone)")
@click.option("--period", help=f"look back this long: {DURATION_HELP}; the server's default window is 7d")
@click.option("--env", multiple=True, help="with a personal access token: dev, staging, prod or preview (repeatable)")
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True, help="at most this many (0: all)")
@output_flags()
@pass_session
def list_runs(
    session: Session,
    status: tuple[str, ...],
    task: tuple[str, ...],
    tag: tuple[str, ...],
    version: tuple[str, ...],
    queue: tuple[str, ...],
    machine: tuple[str, ...],
    region: tuple[str, ...],
    batch: str | None,
    schedule: str | None,
    is_test: bool | None,
    created_after: datetime | None,
    created_before: datetime | None,
    period: str | None,
    env: tuple[str, ...],
    limit: int,
    output: str | None,
) -> None:
    """Runs, newest first."""
    found = session.client.runs.list(
        status=status or None,
        task_identifier=task or None,
        tag=tag or None,
        version=version or None,
        queue=[parse_queue(q) for q in queue] or None,
        machine=machine or None,
        region=region or None,
        batch=batch,
        schedule=schedule,
        is_test=is_test,
        created_after=created_after,
        created_before=created_before,
        period=period,
        limit=limit or None,
        env=env or None,
        project_ref=session.project_ref if env else None,
    )
    emit((run.data for run in found), RUN_COLUMNS, output or "table", session.out)


@runs.command("get")
@click.argument("run_id")
@output_flags(csv=False)
@pass_session
def get_run(session: Session, run_id: str, output: str | None) -> None:
    """One run, with its payload and output."""
    emit_one(session.client.runs.retrieve(run_id).data, output or "table", session.out)


@runs.command("cancel")
@click.argument("run_id")
@pass_session
def cancel_run(session: Session, run_id: str) -> None:
    """Cancel a run that has not finished."""
    session.say(f"cancelled {printable(session.client.runs.cancel(run_id).id)}")


@runs.command("replay")
@click.argument("run_id")
@pass_session
def replay_run(session: Session, run_id: str) -> None:
    """Start a new run with the same task and payload; prints the new run's id."""
    session.say(f"replayed {printable(run_id)} as {printable(session.client.runs.replay(run_id).id)}")


@runs.command("reschedule")
@click.argument("run_id")
@click.option("--delay", required=True, help=f"{DURATION_HELP} from now, or an ISO-8601 time with a zone")
@pass_session
def reschedule_run(session: Session, run_id: str, delay: str) -> None:
    """Move a DELAYED run to another start time."""
    when: str | datetime = delay
    if "T" in delay or (delay[:1].isdigit() and "-" in delay):  # durations have neither
        when = ISO_TIME.convert(delay, None, None)
    run = session.client.runs.reschedule(run_id, delay=when)
    session.say(f"{printable(run.id)} now starts at {printable(run.data.get('delayedUntil'))}")


@runs.command("watch")
@click.argument("run_id", required=False)
@click.option(
    "--tag", "tags", multiple=True, metavar="TAG", help="instead of RUN_ID: follow every run with this tag (repeatable)"
)
@click.option(
    "--created-after",
    metavar="PERIOD",
    help=f"with --tag: only runs created within this period, {DURATION_HELP}; the server's default is 24h",
)
@click.option("--timeout", type=SECONDS, default=None, help=f"give up after this long: seconds, or {DURATION_HELP}")
@click.option("--interval", type=SECONDS, default=1.0, show_default=True, help="first poll interval, seconds")
@click.option("--realtime", is_flag=True, help="follow the realtime feed instead of polling")
@click.option("--json", "output", flag_value="json", help="one line of JSON per snapshot (every field)")
@click.pass_context
def watch_run(
    ctx: click.Context,
    run_id: str | None,
    tags: tuple[str, ...],
    created_after: str | None,
    timeout: float | None,
    interval: float,
    realtime: bool,
    output: str | None,
) -> None:
    """Show each status change of RUN_ID until it ends (exit code 1 unless it succeeded), or follow the
    runs of a tag (--tag) until Ctrl-C or --timeout.

    On a terminal this is a live view (with --tag, a table with one row per run, updated in place);
    otherwise one line per change: `HH:MM:SS  RUN_ID  STATUS` (with --tag: `HH:MM:SS  RUN_ID  TASK  STATUS`).
    --json writes every snapshot as one line of JSON.
    """
    session: Session = ctx.obj
    if tags:
        if run_id is not None:
            raise click.UsageError("give either RUN_ID or --tag, not both")
        for name in ("interval", "realtime"):
            if ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT:
                raise click.UsageError(f"--{name} is for RUN_ID; --tag always follows the realtime feed")
        from .watch_tags import watch_tags

        snapshots = session.client.runs.subscribe_to_tag(list(tags), created_after=created_after, timeout=timeout)
        watch_tags(snapshots, session, list(tags), output)
        return
    if run_id is None:
        raise click.UsageError("give RUN_ID, or --tag TAG to follow the runs of a tag")
    if created_after is not None:
        raise click.UsageError("--created-after is for --tag")
    changes = session.client.runs.watch(run_id, timeout=timeout, poll_interval=interval, realtime=realtime)
    if output == "json":
        last = _json_lines(changes, session.out)
    else:
        last = _live(changes, session.out) if session.out_is_terminal else _lines(changes, session.out)
    if last is None or not last.is_success:
        session.exit_code = EXIT_FAILURE


def _json_lines(changes: Iterable[Run], out: IO[str]) -> Run | None:
    last = None
    for run in changes:
        last = run
        out.write(to_json_line(run.data) + "\n")
        out.flush()
    return last


def _lines(changes: Iterable[Run], out: IO[str]) -> Run | None:
    last = None
    for run in changes:
        last = run
        out.write(f"{datetime.now().strftime('%H:%M:%S')}  {printable(run.id)}  {printable(run.status)}\n")
        out.flush()
    return last


_STYLE = {"COMPLETED": "green", "FAILED": "red", "CRASHED": "red", "SYSTEM_FAILURE": "red", "CANCELED": "yellow"}


def _live(changes: Iterable[Run], out: IO[str]) -> Run | None:
    """A rich live view: the run's task, current status and time so far, above its status history."""
    from rich.console import Console, Group
    from rich.live import Live
    from rich.table import Table
    from rich.text import Text

    started = time.monotonic()
    history: list[tuple[str, str]] = []
    last: Run | None = None

    def render() -> Group:
        head = Text()
        if last is not None:
            head.append(f"{printable(last.id)}  {printable(last.task_identifier)}  ")
            head.append(printable(last.status), style=_STYLE.get(last.status, "cyan"))
        head.append(f"  {time.monotonic() - started:5.1f}s", style="dim")
        table = Table(box=None, show_header=False, pad_edge=False)
        for moment, status in history[-15:]:
            table.add_row(Text(moment, style="dim"), Text(status, style=_STYLE.get(status, "")))
        return Group(head, table)

    console = Console(file=out, highlight=False, markup=False, emoji=False)
    with Live(render(), console=console, refresh_per_second=4, get_renderable=render):
        for run in changes:
            last = run
            history.append((datetime.now().strftime("%H:%M:%S"), printable(run.status)))
    return last


runs.add_command(stream_run)
