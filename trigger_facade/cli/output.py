"""Everything the CLI prints: tables (rich), JSON, CSV, key/value blocks, and the escaping of server text.

Strings that come from the server are escaped before they reach a terminal, so a run tag or an error
message holding an ANSI escape cannot recolour, retitle or clear the user's terminal. JSON output is
escaped by JSON itself (control characters become \\u00XX). rich is imported only when a table is drawn
on a terminal, which keeps `--help` fast; elsewhere tables are plain aligned columns (rich takes about
0.5 ms a row to lay one out).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import IO, Any

__all__ = ["UNSAFE", "cell", "emit", "emit_one", "printable", "printable_stream", "to_json", "to_json_line", "to_plain"]

# C0 and C1 control characters, DEL, and the invisible bidirectional controls that can make text
# render in a different order than it is stored ("Trojan Source").
UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_KEEP_NEWLINES = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# streamed text (an LLM's answer, code) keeps its line breaks and tabs, which move the cursor only forward
_UNSAFE_KEEP_LAYOUT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object, *, keep_newlines: bool = False) -> str:
    """`text` as a string with control characters shown as \\xNN / \\uNNNN escapes."""
    pattern = _UNSAFE_KEEP_NEWLINES if keep_newlines else UNSAFE
    return pattern.sub(_escape, str(text))


def printable_stream(text: str) -> str:
    """Streamed text as printable() escapes it, except line breaks and tabs."""
    return _UNSAFE_KEEP_LAYOUT.sub(_escape, text)


def to_plain(value: Any) -> Any:
    """Runs, generated models, attrs classes and datetimes as JSON-ready values."""
    if hasattr(value, "to_dict"):
        return to_plain(value.to_dict())
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "__attrs_attrs__"):
        import attrs

        fields = attrs.asdict(value, recurse=False, filter=lambda field, _: field.repr is not False)
        return to_plain({k: v for k, v in fields.items() if k != "model"})
    return value


def to_json(value: Any) -> str:
    # ensure_ascii keeps every control character (C1 included) escaped; the output is for programs
    return json.dumps(to_plain(value), indent=2, default=str)


def to_json_line(value: Any) -> str:
    """One value as compact JSON on one line (JSON Lines): control characters and newlines escaped."""
    return json.dumps(to_plain(value), separators=(",", ":"), default=str)


def cell(value: Any) -> str:
    """One table or CSV cell: lists joined with commas, objects as compact JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, separators=(",", ":"), default=str)
    return printable(value)


def _records(rows: Iterable[Any]) -> list[dict[str, Any]]:
    records = []
    for row in rows:
        record = to_plain(row)
        records.append(record if isinstance(record, dict) else {"value": record})
    return records


def emit(rows: Iterable[Any], columns: Sequence[str] | None, output: str, out: IO[str]) -> int:
    """Write rows as a table, JSON or CSV; returns how many were written.

    `columns` picks and orders the table and CSV columns; JSON always carries every field.
    """
    records = _records(rows)
    if output == "json":
        out.write(to_json(records) + "\n")
        return len(records)
    names = list(columns or (records[0].keys() if records else []))
    if output == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        for record in records:
            writer.writerow([cell(record.get(name)) for name in names])
        return len(records)
    _table(names, [[cell(record.get(name)) for name in names] for record in records], out)
    if not records:
        out.write("(nothing)\n")
    return len(records)


def _console(out: IO[str]) -> Any:
    from rich.console import Console

    return Console(file=out, highlight=False, markup=False, emoji=False)


RICH_TABLE_ROWS = 1000  # rich measures every cell (about 0.5 ms a row): beyond this, plain columns


def _table(names: Sequence[str], rows: Sequence[Sequence[str]], out: IO[str]) -> None:
    """A rich table on a terminal; plain aligned columns for pipes, files and long lists."""
    terminal = bool(getattr(out, "isatty", lambda: False)())
    if not terminal or len(rows) > RICH_TABLE_ROWS:
        _plain_table([printable(name) for name in names], rows, out)
        return
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for name in names:
        table.add_column(printable(name), overflow="fold")
    for row in rows:
        table.add_row(*(Text(value) for value in row))
    _console(out).print(table)


def _plain_table(names: Sequence[str], rows: Sequence[Sequence[str]], out: IO[str]) -> None:
    # one line per row, columns two spaces apart, no trailing spaces: what `grep`, `cut` and `awk` expect
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(names)]
    for row in (names, *rows):
        out.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() + "\n")


def emit_one(value: Any, output: str, out: IO[str]) -> None:
    """One object: JSON, or `key  value` lines."""
    record = to_plain(value)
    if output == "json" or not isinstance(record, dict):
        out.write(to_json(record) + "\n")
        return
    width = max((len(k) for k in record), default=0)
    for key, item in record.items():
        out.write(f"{printable(key).ljust(width)}  {cell(item)}\n")
