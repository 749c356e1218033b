"""client.schedules.

The parts without I/O, shared by the async resource classes and their sync rewrite.
"""

from __future__ import annotations

import re
from typing import Any

from trigger_api.models.get_timezones_result import GetTimezonesResult

from .. import _validate as check
from ..errors import InvalidInputError

TimezoneNames = list[str]  # a name: inside the class, `list` is the method


_WINDOW = re.compile(r"(?:[1-9]\d*|0)(m|h|%)")


def cron(value: Any) -> str:
    """Five space-separated fields (minute hour day-of-month month day-of-week)."""
    if not isinstance(value, str) or len(value.split()) != 5:
        raise InvalidInputError(
            f"cron={value!r} must have 5 fields, e.g. '0 9 * * 1-5' (minute hour day month weekday)"
        )
    return value


def window(value: Any) -> str:
    """A run window: <n>m or <n>h (at most 24 h in all), or <n>% (at most 100)."""
    match = _WINDOW.fullmatch(value) if isinstance(value, str) else None
    amount = int(value[:-1]) if match else -1
    limit = {"m": 24 * 60, "h": 24, "%": 100}.get(match.group(1) if match else "", 0)
    if not match or amount > limit or amount == 0:
        raise InvalidInputError(f"window={value!r} must be like '30m', '2h' (at most 24 h) or '10%' (at most 100)")
    return str(value)


def schedule_body(
    task: str, cron_expression: str, timezone: str | None, external_id: str | None, win: str | None
) -> dict[str, Any]:
    body: dict[str, Any] = {"task": check.identifier(task, "task"), "cron": cron(cron_expression)}
    if timezone is not None:
        body["timezone"] = check.identifier(timezone, "timezone")
    if external_id is not None:
        body["externalId"] = check.identifier(external_id, "external_id")
    if win is not None:
        body["window"] = window(win)
    return body


def parse_timezones(data: Any) -> TimezoneNames:
    return list(GetTimezonesResult.from_dict(data).timezones)
