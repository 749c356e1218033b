"""`trigger-facade trigger` (one run) and `trigger-facade batch` (one run per line of a JSON Lines file)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any

import click

from .. import idempotency_keys
from ..errors import BatchPartiallySentError, InvalidInputError
from ..models import BatchPart
from ..superjson import UNDEFINED
from .flags import DURATION_HELP, Command, FlagInputError, output_flags
from .inputs import JSON_VALUE, SECONDS, BatchLines
from .output import emit_one, printable, to_json
from .session import EXIT_FAILURE, EXIT_USAGE, Session, pass_session

__all__ = ["batch", "trigger"]


@click.command(cls=Command)
@click.argument("task")
@click.option(
    "--payload",
    type=JSON_VALUE,
    default=None,
    help="the payload: JSON text, or @file.json (@- for stdin); without it the run gets no payload",
)
@click.option("--delay", help=f"start later: {DURATION_HELP}, or an ISO-8601 time with a zone")
@click.option("--ttl", help=f"expire if not started within {DURATION_HELP}")
@click.option("--idempotency-key", help="a repeat with the same key returns the first run instead of a new one")
@click.option("--tag", multiple=True, help="a tag (repeatable, at most 10)")
@click.option("--machine", help="machine preset, e.g. small-1x, medium-1x, large-2x")
@click.option("--queue", help="queue name")
@click.option("--wait", is_flag=True, help="wait for the run and print it (exit code 1 unless it succeeded)")
@click.option(
    "--timeout", type=SECONDS, default=600.0, show_default=True, help=f"with --wait: seconds, or {DURATION_HELP}"
)
@click.option("--realtime", is_flag=True, help="with --wait: follow the realtime feed instead of polling")
@output_flags(csv=False)
@pass_session
def trigger(
    session: Session,
    task: str,
    payload: Any,
    delay: str | None,
    ttl: str | None,
    idempotency_key: str | None,
    tag: tuple[str, ...],
    machine: str | None,
    queue: str | None,
    wait: bool,
    timeout: float,
    realtime: bool,
    output: str | None,
) -> None:
    """Trigger one run of TASK; prints the run id (or, with --wait, the finished run)."""
    options: dict[str, Any] = {
        "delay": delay,
        "ttl": ttl,
        "idempotency_key": idempotency_key,
        "tags": list(tag) or None,
        "machine": machine,
        "queue": queue,
    }
    if click.get_current_context().get_parameter_source("payload") is click.core.ParameterSource.DEFAULT:
        payload = UNDEFINED  # no --payload: no payload at all, as the official SDK sends it (`--payload null` is null)
    handle = session.client.tasks.trigger(task, payload, **{k: v for k, v in options.items() if v is not None})
    cached = " (cached: an earlier run with this idempotency key)" if handle.is_cached else ""
    if not wait:
        session.say(f"{printable(handle.id)}{cached}")
        return
    # the id first: if the wait is interrupted or times out, the user still knows which run it was
    session.note(f"triggered {handle.id}{cached}; waiting up to {timeout:g}s for it to finish")
    run = session.client.runs.wait(handle.id, timeout=timeout, realtime=realtime)
    emit_one(run.data, output or "table", session.out)
    if not run.is_success:
        session.exit_code = EXIT_FAILURE


@click.command(cls=Command)
@click.argument("task")
@click.option(
    "--items",
    required=True,
    metavar="FILE.jsonl",
    help='one {"payload": ..., "options": {...}} (or a bare JSON payload) per line; - for stdin',
)
@click.option(
    "--idempotency-key",
    help="each item derives its own key from it, so no item runs twice (the server refuses the same batch key twice)",
)
@click.option(
    "--start-index",
    type=click.IntRange(min=0),
    default=None,
    help="resume a batch that stopped part-way: skip the first N items (the index it printed)",
)
@output_flags(csv=False)
@pass_session
def batch(
    session: Session, task: str, items: str, idempotency_key: str | None, start_index: int | None, output: str | None
) -> None:
    """Trigger TASK once per line of a JSON Lines file (1,000 items per server batch).

    Prints one line per server batch: `BATCH_ID  N runs`. If the call stops part-way, it prints the
    batches already created and the --start-index to resume from; nothing before that index is sent again.
    Resume with the same --idempotency-key: each item then carries the key the first call derived for its
    position in the file, so a run that already exists is returned instead of started again, and repeating
    the resume is safe too. (A resume sends no batch key: the server refuses a second batch with the same
    key without saying which batch holds it.)
    """
    lines = BatchLines(items, start_index or 0)
    key: str | None = idempotency_key
    to_send: Iterable[dict[str, Any]] = lines
    if start_index is not None:
        key = None
        if idempotency_key is not None:
            to_send = _keyed(lines, idempotency_key, start_index)
    progress = _Progress(session, f"batching {task}", len(lines))
    try:
        with progress:
            handle = session.client.tasks.batch_trigger(task, progress.count(to_send), idempotency_key=key)
    except BatchPartiallySentError as exc:
        _report_partial(session, exc, lines, task, idempotency_key, output)
        return
    except InvalidInputError as exc:
        raise FlagInputError(_item_lines(str(exc), lines)) from exc
    _print_parts(session, handle.batches, output)


def _keyed(items: Iterable[dict[str, Any]], batch_key: str, start_index: int) -> Iterator[dict[str, Any]]:
    """Items with the key batch_trigger(idempotency_key=batch_key) derives for them at their file position."""
    hashed, material = idempotency_keys.normalize(batch_key, argument="idempotency_key")
    base = material if material is not None else hashed
    for offset, item in enumerate(items):
        options = item.get("options")
        if options is None or (isinstance(options, dict) and "idempotency_key" not in options):
            key = idempotency_keys.for_batch_item(base, start_index + offset)
            item = {**item, "options": {**(options or {}), "idempotency_key": key}}
        yield item


def _print_parts(session: Session, parts: Sequence[BatchPart], output: str | None) -> None:
    if output == "json":
        rows = [
            {"id": p.id, "runCount": p.run_count, "isCached": p.is_cached, "firstIndex": p.first_index} for p in parts
        ]
        session.say(to_json(rows))
        return
    for part in parts:
        session.say(f"{printable(part.id)}  {part.run_count} runs{'  (cached)' if part.is_cached else ''}")


def _item_lines(message: str, lines: BatchLines) -> str:
    """`items[3] ...` -> `--items FILE line 7 ...` (indexes count from --start-index, lines do not)."""

    def line(match: re.Match[str]) -> str:
        number = lines.line_of(int(match.group(1)))
        return f"--items {lines.path} line {number}" if number is not None else match.group(0)

    return re.sub(r"\bitems\[(\d+)\]\.?", lambda m: line(m) + " ", message).replace("  ", " ")


def _report_partial(
    session: Session,
    exc: BatchPartiallySentError,
    lines: BatchLines,
    task: str,
    idempotency_key: str | None,
    output: str | None,
) -> None:
    resume_at = lines.start_index + exc.next_index
    cause = exc.__cause__ if exc.__cause__ is not None else exc
    reason = _item_lines(str(cause), lines) if isinstance(cause, InvalidInputError) else str(cause)
    if output == "json":
        created = [{"id": p.id, "runCount": p.run_count, "isCached": p.is_cached} for p in exc.created]
        session.say(to_json({"created": created, "nextIndex": resume_at, "error": reason}))
    else:
        _print_parts(session, exc.created, output)
    command = f"trigger-facade batch {task} --items {lines.path} --start-index {resume_at}"
    if idempotency_key is not None:
        command += " --idempotency-key <the same key>"
    session.note(f"trigger-facade: the batch stopped part-way: {reason}")
    session.note(f"created batches: {', '.join(exc.batch_ids) or '(none)'}")
    session.note(f"first item not sent: index {resume_at}; resume with: {command}")
    if idempotency_key is None:
        session.note("without --idempotency-key, items the last batch accepted before the failure may run twice")
    session.exit_code = EXIT_USAGE if isinstance(cause, InvalidInputError) else EXIT_FAILURE


class _Progress:
    """A rich progress bar on stderr (`batching task ━━━━━ 1200/2500 items`), counted as items are read."""

    def __init__(self, session: Session, label: str, total: int) -> None:
        self.session = session
        self.label = label
        self.total = total
        self.done = 0
        self._bar: Any = None
        self._task: Any = None
        self._live: AbstractContextManager[Any] = nullcontext()

    def __enter__(self) -> _Progress:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(file=self.session.err, highlight=False, markup=False, emoji=False)
        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("items"),
            TimeElapsedColumn(),
            console=console,
            disable=not console.is_terminal,
        )
        self._task = self._bar.add_task(printable(self.label), total=self.total)
        self._live = self._bar
        self._live.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        self._bar.update(self._task, completed=self.done)
        self._live.__exit__(None, None, None)
        if kind is None and not self._bar.console.is_terminal:
            # no live bar off a terminal: one summary line instead
            self.session.note(f"{self.label}: {self.done}/{self.total} items")

    def count(self, items: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for item in items:
            self.done += 1
            if self.done % 100 == 0:
                self._bar.update(self._task, completed=self.done)
            yield item
