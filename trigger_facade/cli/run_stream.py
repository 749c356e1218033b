"""`trigger-facade runs stream RUN KEY`: what a task writes to an output stream, printed as it arrives."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import IO, Any

import click

from .flags import DURATION_HELP, Command
from .inputs import SECONDS
from .output import UNSAFE, printable_stream, to_json_line
from .session import Session, pass_session

__all__ = ["stream_run", "write_chunks"]


@click.command("stream", cls=Command)
@click.argument("run_id")
@click.argument("key", default="default")
@click.option(
    "--timeout",
    type=SECONDS,
    default=None,
    help=f"stop after this long whatever happens: seconds, or {DURATION_HELP} (default: no limit)",
)
@click.option(
    "--idle-timeout",
    type=click.IntRange(1, 600),
    default=60,
    show_default=True,
    help="the server ends the stream after this many seconds with nothing new",
)
@click.option("--last-event-id", metavar="ID", help="continue an earlier read after this event id (see --json)")
@click.option("--json", "output", flag_value="json", help='one line per chunk: {"data": ..., "eventId": ...}')
@pass_session
def stream_run(
    session: Session,
    run_id: str,
    key: str,
    timeout: float | None,
    idle_timeout: int,
    last_event_id: str | None,
    output: str | None,
) -> None:
    """Print what run RUN_ID writes to its output stream KEY (default: "default") as it arrives.

    Text chunks are printed as they are (an LLM's tokens join up into its answer); any other JSON
    value goes on a line of its own. A dropped connection is resumed without losing or repeating a
    chunk. Ends when the stream ends, after --timeout, or on Ctrl-C. --json prints one line per
    chunk: {"data": ..., "eventId": ...}.
    """
    chunks = session.client.runs.stream(
        run_id, key, timeout=timeout, idle_timeout=idle_timeout, last_event_id=last_event_id
    )
    if output == "json":
        for chunk in chunks:
            session.out.write(to_json_line({"data": chunk.data, "eventId": chunk.event_id}) + "\n")
            session.out.flush()
        return
    write_chunks((chunk.data for chunk in chunks), session.out, end_line=session.out_is_terminal)


def readable_json(value: Any) -> str:
    """Compact JSON that keeps letters as they are (\u00f6 would be unreadable) but writes control
    characters as JSON escapes: still the exact value, and nothing a terminal acts on."""
    return UNSAFE.sub(_json_escape, json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str))


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"


def write_chunks(values: Iterable[Any], out: IO[str], *, end_line: bool) -> None:
    """Strings as they are (control characters other than newline and tab escaped), other values as
    one line of JSON each, starting on a fresh line; flushed per chunk so a reader sees each at once.

    `end_line` finishes with a newline if the text did not (a terminal's prompt then starts on its own line)."""
    at_line_start = True
    try:
        for value in values:
            if isinstance(value, str):
                text = printable_stream(value)
            else:
                text = ("" if at_line_start else "\n") + readable_json(value) + "\n"
            if text:
                out.write(text)
                out.flush()
                at_line_start = text.endswith("\n")
    finally:
        if end_line and not at_line_start:
            out.write("\n")
            out.flush()
