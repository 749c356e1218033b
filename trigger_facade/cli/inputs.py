"""Reading what the user gives the CLI: JSON payloads, JSON Lines batches, times, durations, seconds.

Every problem becomes a click.BadParameter or UsageError naming the flag (exit code 2), never a traceback:
missing files, non-UTF-8 bytes, bad JSON, a time without a zone, a NaN timeout.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

import click

from ..durations import parse_duration
from ..errors import InvalidInputError

__all__ = [
    "DURATION",
    "ISO_TIME",
    "JSON_VALUE",
    "SECONDS",
    "BatchLines",
    "read_text",
]

if TYPE_CHECKING:
    ParamTypeBase = click.ParamType[Any, Any]  # generic from click 8.2; plain before
else:
    ParamTypeBase = click.ParamType

DURATION_GRAMMAR = "<integer><unit> groups, units w d h m s: '30s', '1h30m', '2d'"


def read_text(path: str, flag: str) -> str:
    """A UTF-8 text file (a leading BOM is dropped); `-` is standard input."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:
                data = handle.read()
    except OSError as exc:
        raise click.UsageError(f"{flag} {path}: {exc.strerror or exc}") from None
    return decode_utf8(data, f"{flag} {path}")


def decode_utf8(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise click.UsageError(
            f"{where}: not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line}); save the file as UTF-8"
        ) from None


def json_problem(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc)


class JsonValue(ParamTypeBase):
    """JSON text, or @file.json (@- reads standard input)."""

    name = "JSON|@FILE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        flag = _flag(param)
        text = read_text(value[1:], flag) if value.startswith("@") else value
        try:
            return json.loads(text)
        except (ValueError, RecursionError) as exc:
            self.fail(f"not JSON ({json_problem(exc)}); pass JSON text or @file.json", param, ctx)


class IsoTime(ParamTypeBase):
    name = "TIME"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> datetime:
        if isinstance(value, datetime):
            return value
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not an ISO-8601 time such as 2026-01-31T00:00:00Z", param, ctx)
        if moment.tzinfo is None:
            self.fail(f"{value!r} has no time zone; add one, e.g. Z or +00:00", param, ctx)
        return moment


class Duration(ParamTypeBase):
    """The server's duration grammar, checked here so a typo never reaches the wire."""

    name = "DURATION"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            parse_duration(str(value))
        except InvalidInputError:
            self.fail(f"{value!r} is not a duration: expected {DURATION_GRAMMAR}", param, ctx)
        return str(value)


class Seconds(ParamTypeBase):
    """A number of seconds ("90", "2.5") or a duration ("1h30m"); finite and not negative."""

    name = "SECONDS"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            seconds = float(value)
        else:
            text = str(value)
            try:
                seconds = float(text)
            except ValueError:
                try:
                    seconds = parse_duration(text).total_seconds()
                except InvalidInputError:
                    self.fail(f"{text!r} is neither seconds (e.g. 90) nor a duration ({DURATION_GRAMMAR})", param, ctx)
        if not math.isfinite(seconds) or seconds < 0:
            self.fail(f"{value!r} must be a finite number of seconds >= 0", param, ctx)
        return seconds


JSON_VALUE = JsonValue()
ISO_TIME = IsoTime()
DURATION = Duration()
SECONDS = Seconds()


def _flag(param: click.Parameter | None) -> str:
    if isinstance(param, click.Option) and param.opts:
        return max(param.opts, key=len)
    return param.human_readable_name if param is not None else "value"


class BatchLines:
    """Batch items from a JSON Lines file: one {"payload": ..., "options": {...}} (or a bare payload) per line.

    The file is read and checked whole before anything is sent, so a bad line fails the command
    up front instead of half-way through a batch. `line_of(i)` maps an item index back to its line.
    """

    def __init__(self, path: str, start_index: int = 0) -> None:
        self.path = path
        self._items: list[dict[str, Any]] = []
        self._lines: list[int] = []
        text = read_text(path, "--items")
        # split on \n only: str.splitlines() would also split inside JSON strings holding U+2028 or \x1c
        for number, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except (ValueError, RecursionError) as exc:
                raise click.UsageError(f"--items {path}: line {number} is not JSON ({json_problem(exc)})") from None
            if not isinstance(item, dict) or "payload" not in item:
                item = {"payload": item}
            self._items.append(item)
            self._lines.append(number)
        self.total_in_file = len(self._items)
        if start_index > self.total_in_file:
            raise click.UsageError(
                f"--start-index {start_index} is past the end of --items {path} ({self.total_in_file} items)"
            )
        self.start_index = start_index
        if self.total_in_file == start_index:
            raise click.UsageError(
                f"--items {path} has no items" + (f" from index {start_index}" if start_index else "")
            )

    def __len__(self) -> int:
        return self.total_in_file - self.start_index

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self._items[self.start_index :])

    def line_of(self, index: int) -> int | None:
        """The file line of item `index` (counted from --start-index, as the library counts)."""
        absolute = self.start_index + index
        return self._lines[absolute] if 0 <= absolute < len(self._lines) else None
