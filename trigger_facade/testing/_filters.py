"""The runs list filters as the server reads them (server-truth F4), shared with bulk actions.

A bad `period` silently drops the time filter; with `period`, `to` is ignored; statuses match
exactly (EXECUTING does not match DEQUEUED, WAITING_FOR_DEPLOY is not PENDING_VERSION); an
unknown status is a 400; without any time filter the list looks back 7 days.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from ..durations import parse_duration
from ..errors import InvalidInputError
from ._state import FakeRun
from ._wire import ApiError, moment

RUN_STATUSES = {
    "PENDING_VERSION",
    "WAITING_FOR_DEPLOY",
    "DELAYED",
    "QUEUED",
    "DEQUEUED",
    "EXECUTING",
    "WAITING",
    "REATTEMPTING",
    "FROZEN",
    "COMPLETED",
    "CANCELED",
    "FAILED",
    "CRASHED",
    "INTERRUPTED",
    "SYSTEM_FAILURE",
    "EXPIRED",
    "TIMED_OUT",
}
LOOK_BACK = 7 * 86_400
LIST_FILTERS = ("taskIdentifier", "tag", "version", "queue", "machine", "region")


def time_window(params: httpx.QueryParams, prefix: str, now: float) -> tuple[float | None, float | None]:
    """(after, before) from `<prefix>[period|from|to]`: period wins, `to` is then ignored."""
    period = params.get(f"{prefix}[period]")
    if period:
        try:
            return now - parse_duration(period).total_seconds(), None
        except InvalidInputError:
            return None, None  # an unreadable period drops the time filter
    after = _date(params, f"{prefix}[from]")
    before = _date(params, f"{prefix}[to]")
    return after, before


def _date(params: httpx.QueryParams, name: str) -> float | None:
    raw = params.get(name)
    if raw is None:
        return None
    value = moment(raw)
    if value is None:
        raise ApiError(
            400, "Query Error", details=[{"code": "invalid_date", "message": "Invalid date", "path": [name]}]
        )
    return value


def run_filter(params: httpx.QueryParams, now: float) -> Callable[[FakeRun], bool]:
    statuses: set[str] | None = None
    if "filter[status]" in params:
        statuses = set(params["filter[status]"].split(","))
        unknown = sorted(statuses - RUN_STATUSES)
        if unknown:
            detail = {"code": "invalid_enum_value", "message": f"Invalid status {unknown[0]}", "path": ["status"]}
            raise ApiError(400, "Query Error", details=[detail])
    lists = {key: set(params[f"filter[{key}]"].split(",")) for key in LIST_FILTERS if f"filter[{key}]" in params}
    after, before = time_window(params, "filter[createdAt]", now)
    if not any(f"filter[createdAt][{k}]" in params for k in ("period", "from", "to")):
        after = now - LOOK_BACK
    batch = params.get("filter[batch]")
    is_test = params.get("filter[isTest]")
    fields: dict[str, Callable[[FakeRun], Any]] = {
        "taskIdentifier": lambda r: r.task,
        "version": lambda r: r.version,
        "queue": lambda r: r.queue,
        "machine": lambda r: r.machine,
        "region": lambda r: r.region,
    }

    def match(run: FakeRun) -> bool:
        if statuses is not None and run.status not in statuses:
            return False
        for key, wanted in lists.items():
            if key == "tag":
                if not wanted & set(run.tags):
                    return False
            elif fields[key](run) not in wanted:
                return False
        if batch is not None and run.batch_id != batch:
            return False
        if is_test is not None and run.is_test != (is_test == "true"):
            return False
        if after is not None and run.created_at < after:
            return False
        return not (before is not None and run.created_at > before)

    return match


def bulk_filter(spec: dict[str, Any], now: float) -> Callable[[FakeRun], bool]:
    """A bulk action's `filter` object, read through the same rules as the list's query."""

    def as_list(value: Any) -> list[Any]:
        return value if isinstance(value, list) else [value]

    params: dict[str, str] = {}
    for key in ("status", "taskIdentifier", "tag", "version", "queue", "machine", "region"):
        if key in spec:
            params[f"filter[{key}]"] = ",".join(str(v) for v in as_list(spec[key]))
    if "batch" in spec:
        params["filter[batch]"] = str(spec["batch"])
    if "isTest" in spec:
        params["filter[isTest]"] = "true" if spec["isTest"] else "false"
    for key in ("period", "from", "to"):
        if key in spec:
            params[f"filter[createdAt][{key}]"] = str(spec[key])
    return run_filter(httpx.QueryParams(params), now)
