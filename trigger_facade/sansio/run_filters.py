"""The filters of runs.list, checked and written as the generated list operations take them (flat
`filter[...]` / `page[...]` parameters)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from .. import _validate as check
from ..errors import InvalidInputError
from ..queues_ref import QueueRef, queue_filter_value


def list_filters(
    *,
    status: str | Iterable[str] | None,
    task_identifier: str | Iterable[str] | None,
    tag: str | Iterable[str] | None,
    version: str | Iterable[str] | None,
    queue: str | QueueRef | Iterable[str | QueueRef] | None,
    machine: str | Iterable[str] | None,
    region: str | Iterable[str] | None,
    batch: str | None,
    schedule: str | None,
    bulk_action: str | None,
    is_test: bool | None,
    created_after: datetime | int | None,
    created_before: datetime | int | None,
    period: str | None,
    page_size: int | None,
) -> dict[str, Any]:
    """Keyword arguments of the generated list operations (flat `filter[...]` / `page[...]` params)."""
    params: dict[str, Any] = {}
    if status is not None:
        params["filterstatus"] = check.statuses(status)
    if task_identifier is not None:
        params["filtertask_identifier"] = check.comma_list(task_identifier, "task_identifier")
    if tag is not None:
        params["filtertag"] = check.comma_list(tag, "tag")
    if version is not None:
        params["filterversion"] = check.comma_list(version, "version")
    if queue is not None:
        queues = [queue] if isinstance(queue, (str, QueueRef)) else list(queue)
        params["filterqueue"] = check.comma_list([queue_filter_value(q) for q in queues], "queue")
    if machine is not None:
        machines = [machine] if isinstance(machine, str) else list(machine)
        params["filtermachine"] = ",".join(check.machine(m) for m in machines)
    if region is not None:
        params["filterregion"] = check.comma_list(region, "region")
    if batch is not None:
        params["filterbatch"] = check.identifier(batch, "batch")
    if schedule is not None:
        params["filterschedule"] = check.identifier(schedule, "schedule")
    if bulk_action is not None:
        params["filterbulk_action"] = check.identifier(bulk_action, "bulk_action")
    if is_test is not None:
        if not isinstance(is_test, bool):
            raise InvalidInputError(f"is_test must be True or False, got {is_test!r}")
        params["filteris_test"] = is_test
    if created_after is not None:
        params["filtercreated_atfrom"] = check.epoch_ms(created_after, "created_after")
    if created_before is not None:
        params["filtercreated_atto"] = check.epoch_ms(created_before, "created_before")
    if period is not None:
        if created_after is not None or created_before is not None:
            raise InvalidInputError("period cannot be combined with created_after/created_before")
        params["filtercreated_atperiod"] = check.period(period)
    if page_size is not None:
        params["pagesize"] = check.int_in_range(page_size, "page_size", 1, 100)
    return params
