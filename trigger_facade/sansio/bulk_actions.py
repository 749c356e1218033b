"""client.bulk_actions.

The parts without I/O, shared by the async resource classes and their sync rewrite.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from trigger_api.models.bulk_action_object import BulkActionObject

from .. import _validate as check
from .._pagination import cursor_page
from ..durations import aware
from ..errors import InvalidInputError
from ..queues_ref import QueueRef

FILTER_NAMES = (
    "status",
    "task_identifier",
    "version",
    "tag",
    "queue",
    "machine",
    "region",
    "batch",
    "schedule",
    "bulk_action",
    "is_test",
    "created_after",
    "created_before",
    "period",
)


def _strings(value: str | Iterable[str], argument: str) -> list[str]:
    return check.comma_list(value, argument).split(",")


def _moment(value: datetime | int, argument: str) -> Any:
    if isinstance(value, datetime):
        return aware(value, argument).isoformat()
    return int(check.epoch_ms(value, argument))


def bulk_filter(value: Mapping[str, Any]) -> dict[str, Any]:
    """The run filter of a bulk action, with the same names as runs.list(); at least one is required."""
    if not isinstance(value, Mapping) or not value:
        raise InvalidInputError(f"filter must be a non-empty dict with names from: {', '.join(FILTER_NAMES)}")
    unknown = set(value) - set(FILTER_NAMES)
    if unknown:
        raise InvalidInputError(f"filter has unknown names {sorted(unknown)}; accepted: {', '.join(FILTER_NAMES)}")
    out: dict[str, Any] = {}
    for name, item in value.items():
        if name == "status":
            out["status"] = check.statuses(item).split(",")
        elif name in ("task_identifier", "version", "tag", "region"):
            out[{"task_identifier": "taskIdentifier"}.get(name, name)] = _strings(item, f"filter[{name!r}]")
        elif name == "machine":
            machines = [item] if isinstance(item, str) else list(item)
            out["machine"] = [check.machine(m, "filter['machine']") for m in machines]
        elif name == "queue":
            queues = [item] if isinstance(item, QueueRef) else list(item)
            if not all(isinstance(q, QueueRef) for q in queues):
                raise InvalidInputError("filter['queue'] must be QueueRef.task(...)/QueueRef.custom(...) values")
            out["queue"] = [{"type": q.type, "name": q.name} for q in queues]
        elif name in ("batch", "schedule", "bulk_action"):
            out[{"bulk_action": "bulkAction"}.get(name, name)] = check.identifier(item, f"filter[{name!r}]")
        elif name == "is_test":
            if not isinstance(item, bool):
                raise InvalidInputError("filter['is_test'] must be True or False")
            out["isTest"] = item
        elif name == "created_after":
            out["from"] = _moment(item, "filter['created_after']")
        elif name == "created_before":
            out["to"] = _moment(item, "filter['created_before']")
        else:
            out["period"] = check.period(item, "filter['period']")
    return out


def checked_run_ids(value: Sequence[str]) -> list[str]:
    if isinstance(value, str) or not isinstance(value, Sequence) or not 1 <= len(value) <= 500:
        raise InvalidInputError("run_ids must be a list of 1 to 500 run ids")
    return [check.identifier(run_id, "run_ids[]") for run_id in value]


bulk_action_page = cursor_page(BulkActionObject.from_dict)
