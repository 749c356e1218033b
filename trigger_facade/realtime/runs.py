"""A realtime feed row (a TaskRun row as the webapp selects it) as a run snapshot, the SDK's way.

`RunDecoder.decode(row)` gives the dict the official SDK's transformRunShape yields, under the same
camelCase names (`friendlyId` -> `id`, `completedAt` -> `finishedAt`, `delayUntil` ->
`delayedUntil`, `usageDurationMs` -> `durationMs`, `runTags` -> `tags`), with the raw database
status mapped to the API vocabulary, dates as aware UTC datetimes and payload / output / metadata
decoded by their type columns. Every key is always present; the SDK's `undefined` is None here.

Unlike the SDK, the dict carries no status booleans (isQueued, isCompleted, ...): the caller
computes them from `status` with trigger_facade.status, as for every other run.

A row the SDK's schema would reject (a bool column sent as text, a missing date, a malformed error)
raises RealtimeProtocolError.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..errors import RealtimeProtocolError

__all__ = [
    "RUN_FIELDS",
    "STORE_TYPE",
    "RunDecoder",
    "StoredPacket",
    "api_status",
    "error_object",
    "parse_row_date",
    "row_to_run",
]

STORE_TYPE = "application/store"

# in the order the SDK builds its object
RUN_FIELDS = (
    "id",
    "createdAt",
    "updatedAt",
    "taskIdentifier",
    "status",
    "payload",
    "output",
    "durationMs",
    "costInCents",
    "baseCostInCents",
    "tags",
    "idempotencyKey",
    "expiredAt",
    "finishedAt",
    "startedAt",
    "delayedUntil",
    "queuedAt",
    "error",
    "isTest",
    "metadata",
    "realtimeStreams",
)

_STATUS = {
    "DELAYED": "DELAYED",
    "WAITING_FOR_DEPLOY": "PENDING_VERSION",
    "PENDING_VERSION": "PENDING_VERSION",
    "PENDING": "QUEUED",
    "PAUSED": "WAITING",
    "WAITING_TO_RESUME": "WAITING",
    "DEQUEUED": "DEQUEUED",
    "RETRYING_AFTER_FAILURE": "EXECUTING",
    "EXECUTING": "EXECUTING",
    "CANCELED": "CANCELED",
    "COMPLETED_SUCCESSFULLY": "COMPLETED",
    "SYSTEM_FAILURE": "SYSTEM_FAILURE",
    "CRASHED": "CRASHED",
    "INTERRUPTED": "FAILED",
    "COMPLETED_WITH_ERRORS": "FAILED",
    "EXPIRED": "EXPIRED",
    "TIMED_OUT": "TIMED_OUT",
}


def api_status(raw: str) -> str:
    """The API status of a raw database status; one the SDK does not know reads QUEUED, as there."""
    return _STATUS.get(raw, "QUEUED")


# The SDK appends "Z" and lets Date parse it, so the server's naive UTC timestamps are accepted with
# a "T" or a space, with or without seconds and fractions.
_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\Z")


def parse_row_date(value: str, column: str) -> datetime:
    match = _DATE_RE.match(value)
    if not match:
        raise RealtimeProtocolError(f"column {column!r} holds {value[:40]!r}, not a timestamp")
    year, month, day, hour, minute, second, fraction = match.groups()
    micros = int((fraction or "0")[:6].ljust(6, "0"))
    try:
        return datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0), micros, tzinfo=UTC)
    except ValueError as exc:
        raise RealtimeProtocolError(f"column {column!r} holds {value!r}, not a valid time") from exc


# --- errors ---------------------------------------------------------------------------------------

_MANUAL_OOM = "MANUAL_OOM_KILL_ERROR"


def _signal_in(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    head = text[:100]
    for signal in ("SIGTERM", "SIGSEGV", "SIGKILL", "SIGABRT"):
        if signal in head:
            return signal
    return None


_SIGNAL_CODES = {
    "SIGTERM": "TASK_PROCESS_SIGTERM",
    "SIGSEGV": "TASK_PROCESS_SIGSEGV",
    "SIGKILL": "TASK_PROCESS_MAYBE_OOM_KILLED",
    "SIGABRT": "TASK_PROCESS_MAYBE_OOM_KILLED",
}


def _internal(code: str) -> dict[str, Any]:
    return {"message": f"trigger.dev internal error ({code})"}


def error_object(error: Any, column: str = "error") -> dict[str, Any]:
    """A TaskRunError (the `error` column) as the SDK shows it, known crash patterns rewritten."""
    if not isinstance(error, dict):
        raise RealtimeProtocolError(f"column {column!r} must be a JSON object, got {type(error).__name__}")
    kind = error.get("type")

    def text(name: str) -> str:
        value = error.get(name)
        if not isinstance(value, str):
            raise RealtimeProtocolError(f"column {column!r}: a {kind} error needs a string {name!r}")
        return value

    if kind == "BUILT_IN_ERROR":
        name, message, stack = text("name"), text("message"), text("stackTrace")
        if name == "UnexpectedExitError" and message.startswith("Unexpected exit with code -1"):
            signal = _signal_in(stack)
            return _internal(_SIGNAL_CODES[signal] if signal else "TASK_PROCESS_EXITED_WITH_NON_ZERO_CODE")
        if (name == "Error" and message == "ffmpeg was killed with signal SIGKILL") or message == _MANUAL_OOM:
            return _internal("TASK_PROCESS_OOM_KILLED")
        if name == "TriggerApiError" and message.startswith("Deadlock detected:"):
            return {"name": "Concurrency Deadlock Error", "message": message, "stackTrace": ""}
        return {"name": name, "message": message, "stackTrace": stack}
    if kind in ("STRING_ERROR", "CUSTOM_ERROR"):
        return {"message": text("raw")}
    if kind == "INTERNAL_ERROR":
        code = text("code")
        if code == "TASK_PROCESS_EXITED_WITH_NON_ZERO_CODE":
            signal = _signal_in(error.get("message"))
            if signal:
                code = _SIGNAL_CODES[signal]
        return _internal(code)
    raise RealtimeProtocolError(f"column {column!r} has an error of unknown type {kind!r}")


# --- packets --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredPacket:
    """A payload or output kept in object storage (`application/store`); `path` is its storage path.

    Fetch it with GET /api/v1/runs/{run_id}/packets/{field} (REST headers) -> {"presignedUrl"}, or,
    on a 404, GET /api/v1/packets/{path, percent-encoded}; then GET the URL without credentials and
    decode it by its content-type (default application/json).
    """

    run_id: str
    field: str
    path: str


def decode_packet(data: str | None, data_type: str, column: str) -> Any:
    """A packet's value by its data type, as the SDK's parsePacket reads it (store types excepted):
    superjson, JSON (integers keep every digit), or the text itself for text/plain and unknown types."""
    superjson = importlib.import_module("trigger_facade.superjson")  # loaded only when a row has a packet
    try:
        return superjson.decode_packet(data, data_type)
    except (ValueError, RecursionError) as exc:
        raise RealtimeProtocolError(f"column {column!r} does not decode as {data_type}: {exc}") from exc


# --- the row --------------------------------------------------------------------------------------


def _require_str(row: Mapping[str, Any], column: str) -> str:
    value = row.get(column)
    if not isinstance(value, str):
        raise RealtimeProtocolError(f"a run row needs a string {column!r}, got {value!r}")
    return value


def _optional_str(row: Mapping[str, Any], column: str) -> str | None:
    value = row.get(column)
    if value is not None and not isinstance(value, str):
        raise RealtimeProtocolError(f"column {column!r} must be a string or null, got {value!r}")
    return value


def _optional_date(row: Mapping[str, Any], column: str) -> datetime | None:
    value = _optional_str(row, column)
    return parse_row_date(value, column) if value else None


def _number(row: Mapping[str, Any], column: str) -> int | float:
    if column not in row:
        return 0  # skipped column: the SDK's default
    value = row[column]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RealtimeProtocolError(f"column {column!r} must be a number, got {value!r}")
    return value


def _string_list(row: Mapping[str, Any], column: str) -> list[str]:
    value = row.get(column)
    if value is None:
        return []  # the native server sends null for an empty list
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RealtimeProtocolError(f"column {column!r} must be a list of strings, got {value!r}")
    return list(value)


class RunDecoder:
    """Turns rows into run snapshots, remembering decoded payloads and outputs per run.

    `resolve_store(packet)` fetches an `application/store` payload or output; without it such a
    field is a StoredPacket for the caller to fetch. A payload or output is decoded again only when
    its data or type changes (as SDK 4.8.3 does), so a large stored output is fetched once.
    """

    def __init__(self, resolve_store: Callable[[StoredPacket], Any] | None = None) -> None:
        self._resolve_store = resolve_store
        self._packets: dict[tuple[str, str], tuple[str | None, str, Any]] = {}

    def decode(self, row: Mapping[str, Any]) -> dict[str, Any]:
        friendly_id = _require_str(row, "friendlyId")
        _require_str(row, "id")
        task = _require_str(row, "taskIdentifier")
        raw_status = _require_str(row, "status")
        created_at = parse_row_date(_require_str(row, "createdAt"), "createdAt")
        updated_at = parse_row_date(_require_str(row, "updatedAt"), "updatedAt")
        if "number" in row:
            _number(row, "number")
        is_test = row.get("isTest", False)
        if not isinstance(is_test, bool):
            raise RealtimeProtocolError(f"column 'isTest' must be a boolean, got {is_test!r}")
        for column in ("ttl", "idempotencyKey"):
            _optional_str(row, column)
        error = row.get("error")
        metadata = self._metadata(row)
        return {
            "id": friendly_id,
            "createdAt": created_at,
            "updatedAt": updated_at,
            "taskIdentifier": task,
            "status": api_status(raw_status),
            "payload": self._io(row, friendly_id, "payload"),
            "output": self._io(row, friendly_id, "output"),
            "durationMs": _number(row, "usageDurationMs"),
            "costInCents": _number(row, "costInCents"),
            "baseCostInCents": _number(row, "baseCostInCents"),
            "tags": _string_list(row, "runTags"),
            "idempotencyKey": row.get("idempotencyKey") or None,
            "expiredAt": _optional_date(row, "expiredAt"),
            "finishedAt": _optional_date(row, "completedAt"),
            "startedAt": _optional_date(row, "startedAt"),
            "delayedUntil": _optional_date(row, "delayUntil"),
            "queuedAt": _optional_date(row, "queuedAt"),
            "error": error_object(error) if error is not None else None,
            "isTest": is_test,
            "metadata": metadata,
            "realtimeStreams": _string_list(row, "realtimeStreams"),
        }

    def _io(self, row: Mapping[str, Any], run_id: str, name: str) -> Any:
        data = _optional_str(row, name)
        data_type = _optional_str(row, f"{name}Type")
        if not data_type:
            return None
        cached = self._packets.get((run_id, name))
        if cached is not None and cached[0] == data and cached[1] == data_type:
            return cached[2]
        if data_type == STORE_TYPE:
            if not data:
                value: Any = None
            else:
                packet = StoredPacket(run_id, name, data)
                value = packet if self._resolve_store is None else self._resolve_store(packet)
        else:
            value = decode_packet(data, data_type, name)
        self._packets[(run_id, name)] = (data, data_type, value)
        return value

    def _metadata(self, row: Mapping[str, Any]) -> Any:
        data = _optional_str(row, "metadata")
        data_type = _optional_str(row, "metadataType")
        if not data or not data_type:
            return None
        if data_type == STORE_TYPE:
            raise RealtimeProtocolError("column 'metadata' is application/store, which the SDK cannot read either")
        return decode_packet(data, data_type, "metadata")


def row_to_run(row: Mapping[str, Any], resolve_store: Callable[[StoredPacket], Any] | None = None) -> dict[str, Any]:
    """One row as a run snapshot, without the per-run packet memory of a RunDecoder."""
    return RunDecoder(resolve_store).decode(row)
