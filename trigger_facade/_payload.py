"""JSON for payloads and bodies: strict, compact, and checked before anything is sent."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from .errors import InvalidInputError


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
            return value.isoformat(timespec="milliseconds").replace("+00:00", "Z")
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def to_json_value(value: Any, *, argument: str) -> Any:
    """`value` as plain JSON types (datetimes become ISO strings); raises for anything else."""
    try:
        return json.loads(dumps(value))
    except (TypeError, ValueError) as exc:
        raise InvalidInputError(
            f"{argument} must be JSON-serializable (dict, list, str, int, float, bool, None, datetime, date): {exc}"
        ) from None


# one encoder for every call: json.dumps with non-default options builds a new one each time
_ENCODER = json.JSONEncoder(default=_default, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def dumps(value: Any) -> str:
    """Compact JSON; NaN and Infinity are refused (they are not JSON)."""
    return _ENCODER.encode(value)


def utf8_length_at_least(text: str, limit: int) -> int | None:
    """The UTF-8 size of `text` if it may reach `limit` bytes, else None (without encoding short text)."""
    if len(text) * 4 < limit:  # no character takes more than 4 bytes
        return None
    size = len(text.encode())
    return size if size >= limit else None


def encode(value: Any, *, argument: str) -> str:
    try:
        return dumps(value)
    except (TypeError, ValueError) as exc:
        raise InvalidInputError(
            f"{argument} must be JSON-serializable (dict, list, str, int, float, bool, None, datetime, date): {exc}"
        ) from None
