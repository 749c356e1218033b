"""`trigger-facade runs watch --tag TAG`: the runs of a tag, followed over the realtime feed.

On a terminal a rich table with one row per run, redrawn in place as the runs change; elsewhere one
line per change (a run seen for the first time, or a new status), and with --json one line per snapshot.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import IO, Any

from ..models import Run
from .output import cell, printable, to_json_line
from .session import Session

__all__ = ["RunBoard", "watch_tags"]

STATUS_STYLE = {
    "COMPLETED": "green",
    "FAILED": "red",
    "CRASHED": "red",
    "SYSTEM_FAILURE": "red",
    "TIMED_OUT": "red",
    "CANCELED": "yellow",
    "EXPIRED": "yellow",
    "EXECUTING": "cyan",
}
COLUMNS = ("id", "task", "status", "created", "duration", "tags")


class RunBoard:
    """The latest snapshot of every run seen, in the order they first appeared."""

    def __init__(self) -> None:
        self.runs: dict[str, Run] = {}
        self.touched: dict[str, float] = {}  # run id -> when its last change arrived (monotonic)

    def update(self, run: Run) -> str | None:
        """Record `run`; its previous status, or None when it is new."""
        before = self.runs.get(run.id)
        self.runs[run.id] = run
        self.touched[run.id] = time.monotonic()
        return None if before is None else before.status

    def rows(self, limit: int | None = None) -> list[Run]:
        """Every run (first seen first); beyond `limit`, only the most recently changed ones."""
        ids = list(self.runs)
        if limit is not None and len(ids) > limit:
            keep = set(sorted(ids, key=self.touched.__getitem__)[-limit:])
            ids = [run_id for run_id in ids if run_id in keep]
        return [self.runs[run_id] for run_id in ids]

    def summary(self) -> str:
        counts: dict[str, int] = {}
        for run in self.runs.values():
            counts[run.status] = counts.get(run.status, 0) + 1
        return ", ".join(f"{n} {printable(status)}" for status, n in sorted(counts.items()))


def cells(run: Run) -> list[str]:
    data = run.data
    duration = data.get("durationMs")
    return [
        printable(run.id),
        printable(run.task_identifier),
        printable(run.status),
        cell(data.get("createdAt")),
        f"{duration / 1000:.1f}s" if isinstance(duration, (int, float)) and duration else "",
        cell(data.get("tags")),
    ]


def watch_tags(snapshots: Iterable[Run], session: Session, tags: Sequence[str], output: str | None) -> None:
    if output == "json":
        for run in snapshots:
            session.out.write(to_json_line(run.data) + "\n")
            session.out.flush()
    elif session.out_is_terminal:
        _live_table(snapshots, session.out, tags)
    else:
        _change_lines(snapshots, session.out)


def _change_lines(snapshots: Iterable[Run], out: IO[str]) -> None:
    board = RunBoard()
    for run in snapshots:
        if board.update(run) == run.status:
            continue  # metadata, cost or output moved, not the status: nothing this line shows changed
        moment = datetime.now().strftime("%H:%M:%S")
        out.write(f"{moment}  {printable(run.id)}  {printable(run.task_identifier)}  {printable(run.status)}\n")
        out.flush()


def _live_table(snapshots: Iterable[Run], out: IO[str], tags: Sequence[str]) -> None:
    from rich import box
    from rich.console import Console, Group
    from rich.live import Live
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, highlight=False, markup=False, emoji=False)
    board = RunBoard()
    started = time.monotonic()
    label = ", ".join(printable(tag) for tag in tags)

    def render() -> Any:
        limit = max(3, console.height - 6)  # the table stays on screen, so it can be redrawn in place
        shown = board.rows(limit)
        head = Text(f"tag {label}: {len(board.runs)} runs")
        if board.runs:
            head.append(f" ({board.summary()})")
        if len(shown) < len(board.runs):
            head.append(f"; the {len(shown)} changed last shown", style="dim")
        head.append(f"  {time.monotonic() - started:5.1f}s  Ctrl-C to stop", style="dim")
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
        for name in COLUMNS:
            table.add_column(name, overflow="fold")
        for run in shown:
            row = cells(run)
            table.add_row(
                *(Text(value) for value in row[:2]),
                Text(row[2], style=STATUS_STYLE.get(run.status, "")),
                *(Text(value) for value in row[3:]),
            )
        return Group(head, table)

    with Live(render(), console=console, refresh_per_second=4, get_renderable=render):
        for run in snapshots:
            board.update(run)
