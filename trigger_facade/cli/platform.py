"""`schedules`, `queues`, `waitpoints`, `query` and `deployments` commands."""

from __future__ import annotations

from typing import Any, Literal, cast

import click

from .flags import DURATION_HELP, Command, Group, output_flags
from .inputs import JSON_VALUE
from .output import emit, emit_one, printable
from .session import Session, parse_queue, pass_session

__all__ = ["deployments", "query", "queues", "schedules", "waitpoints"]


# ---------------------------------------------------------------------------- schedules


@click.group(cls=Group)
def schedules() -> None:
    """Cron schedules."""


@schedules.command("list")
@output_flags()
@pass_session
def list_schedules(session: Session, output: str | None) -> None:
    """Every schedule."""
    columns = ["id", "task", "active", "generator", "timezone", "nextRun"]
    emit(session.client.schedules.list(), columns, output or "table", session.out)


@schedules.command("create")
@click.option("--task", required=True, help="the task to run")
@click.option("--cron", required=True, help="a cron expression, e.g. '0 9 * * 1-5'")
@click.option("--dedup-key", required=True, help="deduplication key: creating twice with it updates one schedule")
@click.option("--timezone", help="an IANA time zone, e.g. Europe/Paris (default UTC)")
@click.option("--external-id", help="your own id for the schedule (e.g. a user id)")
@pass_session
def create_schedule(
    session: Session, task: str, cron: str, dedup_key: str, timezone: str | None, external_id: str | None
) -> None:
    """Create a schedule (idempotent through --dedup-key); prints its id."""
    schedule = session.client.schedules.create(
        task=task, cron=cron, deduplication_key=dedup_key, timezone=timezone, external_id=external_id
    )
    session.say(printable(schedule.id))


@schedules.command("delete")
@click.argument("schedule_id")
@pass_session
def delete_schedule(session: Session, schedule_id: str) -> None:
    """Delete a schedule."""
    session.say(f"deleted {printable(session.client.schedules.delete(schedule_id).id)}")


@schedules.command("activate")
@click.argument("schedule_id")
@pass_session
def activate_schedule(session: Session, schedule_id: str) -> None:
    """Turn a schedule on."""
    schedule = session.client.schedules.activate(schedule_id)
    session.say(f"{printable(schedule.id)} active={schedule.active}")


@schedules.command("deactivate")
@click.argument("schedule_id")
@pass_session
def deactivate_schedule(session: Session, schedule_id: str) -> None:
    """Turn a schedule off."""
    schedule = session.client.schedules.deactivate(schedule_id)
    session.say(f"{printable(schedule.id)} active={schedule.active}")


# ---------------------------------------------------------------------------- queues

_QUEUE_HELP = 'QUEUE is a queue id ("queue_..."), task:<task id> or custom:<name>.'


@click.group(cls=Group)
def queues() -> None:
    """Queues: list, pause, resume and set concurrency limits."""


def _show_queue(session: Session, queue: Any) -> None:
    session.say(f"{printable(queue.name)} paused={queue.paused} limit={queue.concurrency_limit}")


@queues.command("list")
@output_flags()
@pass_session
def list_queues(session: Session, output: str | None) -> None:
    """Every queue with its load."""
    columns = ["id", "name", "type", "running", "queued", "paused", "concurrencyLimit"]
    emit(session.client.queues.list(), columns, output or "table", session.out)


@queues.command("pause", epilog=_QUEUE_HELP)
@click.argument("queue")
@pass_session
def pause_queue(session: Session, queue: str) -> None:
    """Stop starting runs from QUEUE."""
    _show_queue(session, session.client.queues.pause(parse_queue(queue)))


@queues.command("resume", epilog=_QUEUE_HELP)
@click.argument("queue")
@pass_session
def resume_queue(session: Session, queue: str) -> None:
    """Start runs from QUEUE again."""
    _show_queue(session, session.client.queues.resume(parse_queue(queue)))


@queues.command("limit", epilog=_QUEUE_HELP)
@click.argument("queue")
@click.argument("limit", required=False)
@click.option("--percent", type=float, help="a share of the environment's limit instead (0 < P <= 100)")
@pass_session
def limit_queue(session: Session, queue: str, limit: str | None, percent: float | None) -> None:
    """Override QUEUE's concurrency limit: LIMIT runs, --percent P, or `reset`."""
    target = parse_queue(queue)
    if limit == "reset":
        _show_queue(session, session.client.queues.reset_concurrency_limit(target))
        return
    if limit is not None and not limit.isdigit():
        raise click.BadParameter(f"{limit!r} must be a whole number or 'reset'", param_hint="LIMIT")
    count = int(limit) if limit is not None else None
    _show_queue(session, session.client.queues.override_concurrency_limit(target, count, percent=percent))


# ---------------------------------------------------------------------------- waitpoints


@click.group(cls=Group)
def waitpoints() -> None:
    """Waitpoint tokens: pause runs until something outside completes them."""


@waitpoints.command("create")
@click.option("--timeout", help=f"time the token out after {DURATION_HELP}, or at an ISO-8601 time")
@click.option("--idempotency-key", help="a repeat with the same key returns the same token")
@click.option("--tag", multiple=True, help="a tag (repeatable)")
@pass_session
def create_token(session: Session, timeout: str | None, idempotency_key: str | None, tag: tuple[str, ...]) -> None:
    """Create a token; prints its id and the callback URL that completes it."""
    token = session.client.waitpoints.create_token(
        timeout=timeout, idempotency_key=idempotency_key, tags=list(tag) or None
    )
    session.say(f"{printable(token.id)}\ncallback: {printable(token.url)}")


@waitpoints.command("complete")
@click.argument("token_id")
@click.option("--data", type=JSON_VALUE, default=None, help="the result: JSON text, or @file.json (@- for stdin)")
@pass_session
def complete_token(session: Session, token_id: str, data: Any) -> None:
    """Complete a token, resuming the runs waiting on it."""
    session.client.waitpoints.complete_token(token_id, data)
    session.say(f"completed {printable(token_id)}")


# ---------------------------------------------------------------------------- query

Scope = Literal["environment", "project", "organization"]


@click.command(cls=Command, short_help="Run a TRQL query.")
@click.argument("trql")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True, help="output"
)
@click.option("--period", help=f"look back this long: {DURATION_HELP}")
@click.option(
    "--scope", type=click.Choice(["environment", "project", "organization"]), default="environment", show_default=True
)
@pass_session
def query(session: Session, trql: str, fmt: str, period: str | None, scope: str) -> None:
    """Run a TRQL query, e.g. "SELECT run_id, status FROM runs LIMIT 10"."""
    wire: Literal["json", "csv"] = "csv" if fmt == "csv" else "json"
    checked = cast(Scope, scope)  # click.Choice has checked it
    result = session.client.query.execute(trql, scope=checked, period=period, format=wire)
    if fmt == "csv":
        session.out.write(printable(result, keep_newlines=True))
    else:
        emit(result if isinstance(result, list) else [result], None, fmt, session.out)


# ---------------------------------------------------------------------------- deployments


@click.group(cls=Group)
def deployments() -> None:
    """Deployments: list, show the current one, promote a version."""


@deployments.command("list")
@output_flags()
@pass_session
def list_deployments(session: Session, output: str | None) -> None:
    """Deployments, newest first."""
    columns = ["id", "version", "status", "shortCode", "deployedAt"]
    emit(session.client.deployments.list(), columns, output or "table", session.out)


@deployments.command("current")
@output_flags(csv=False)
@pass_session
def current_deployment(session: Session, output: str | None) -> None:
    """The deployment that new runs use."""
    emit_one(session.client.deployments.current(), output or "table", session.out)


@deployments.command("promote")
@click.argument("version")
@pass_session
def promote_deployment(session: Session, version: str) -> None:
    """Make VERSION the current deployment."""
    promoted = session.client.deployments.promote(version)
    session.say(f"promoted {printable(promoted.version)} ({printable(promoted.id)})")
