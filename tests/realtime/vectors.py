"""The official SDK's realtime recordings, and how to compare our values with its typed view."""

from __future__ import annotations

import functools
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

_NAME = "sdk-vectors-realtime.json"
_HERE = Path(__file__).resolve().parents[1] / "data" / _NAME
_SHARED = Path("/work/shared/reference") / _NAME


@functools.cache
def load() -> dict[str, Any]:
    path = _HERE if _HERE.exists() else _SHARED
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def runs_vector(name: str) -> dict[str, Any]:
    return next(v for v in load()["realtimeRuns"] if v["name"] == name)


def streams_vector(name: str) -> dict[str, Any]:
    return next(v for v in load()["realtimeStreams"] if v["name"] == name)


def iso_ms(moment: datetime) -> str:
    """What JSON.stringify prints for a JS Date."""
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def mismatch(expected: Any, ours: Any, where: str = "$") -> str | None:
    """Where `ours` differs from the SDK's typed view (`yieldedTyped`), or None when it matches.

    In that view Dates are {"$type": "Date", "iso"}, BigInts {"$type": "bigint", "value"}, Sets
    {"$type": "Set", "values"} and undefined {"$type": "undefined"} (None on our side).
    """
    if isinstance(expected, dict) and "$type" in expected:
        kind = expected["$type"]
        if kind == "undefined":
            return None if ours is None else f"{where}: expected undefined, got {ours!r}"
        if kind == "Date":
            if not isinstance(ours, datetime) or ours.tzinfo is None:
                return f"{where}: expected an aware datetime, got {ours!r}"
            return None if iso_ms(ours) == expected["iso"] else f"{where}: {iso_ms(ours)} != {expected['iso']}"
        if kind == "bigint":
            ok = isinstance(ours, int) and not isinstance(ours, bool) and str(ours) == expected["value"]
            return None if ok else f"{where}: expected bigint {expected['value']}, got {ours!r}"
        if kind == "Set":
            if not isinstance(ours, (set, frozenset)):
                return f"{where}: expected a set, got {ours!r}"
            return None if ours == set(expected["values"]) else f"{where}: {ours!r} != {expected['values']!r}"
        return f"{where}: no comparison for {kind}"
    if isinstance(expected, dict):
        if not isinstance(ours, dict):
            return f"{where}: expected an object, got {ours!r}"
        if set(expected) != set(ours):
            return f"{where}: keys {sorted(ours)} != {sorted(expected)}"
        for key in expected:
            found = mismatch(expected[key], ours[key], f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(expected, list):
        if not isinstance(ours, list) or len(ours) != len(expected):
            return f"{where}: expected {expected!r}, got {ours!r}"
        for i, (e, o) in enumerate(zip(expected, ours, strict=True)):
            found = mismatch(e, o, f"{where}[{i}]")
            if found:
                return found
        return None
    if isinstance(expected, bool) or expected is None or isinstance(expected, str):
        return None if type(ours) is type(expected) and ours == expected else f"{where}: {ours!r} != {expected!r}"
    if isinstance(expected, (int, float)):
        if isinstance(ours, bool) or not isinstance(ours, (int, float)):
            return f"{where}: expected a number, got {ours!r}"
        return None if ours == expected else f"{where}: {ours!r} != {expected!r}"
    return f"{where}: unexpected {expected!r}"
