"""client.schedules: cron schedules for tasks (offset-paged)."""

from __future__ import annotations

import re
from typing import Any

from trigger_api.api.schedules import (
    activate_schedule_v1,
    create_schedule_v1,
    deactivate_schedule_v1,
    delete_schedule_v1,
    get_schedule_v1,
    get_timezones_v1,
    list_schedules_v1,
    update_schedule_v1,
)
from trigger_api.models.create_schedule_options import CreateScheduleOptions
from trigger_api.models.delete_schedule_response import DeleteScheduleResponse
from trigger_api.models.get_timezones_result import GetTimezonesResult
from trigger_api.models.schedule_object import ScheduleObject
from trigger_api.models.update_schedule_options import UpdateScheduleOptions
from trigger_api.types import UNSET

from .. import _validate as check
from .._pagination import SyncPaginator, offset_page
from ..errors import InvalidInputError
from ._listing import ListingResource

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


class Schedules(ListingResource):
    def create(
        self,
        *,
        task: str,
        cron: str,
        deduplication_key: str,
        timezone: str | None = None,
        external_id: str | None = None,
        window: str | None = None,
    ) -> ScheduleObject:
        """POST /api/v1/schedules. `deduplication_key` makes creation idempotent (keys are per project)."""
        body = schedule_body(task, cron, timezone, external_id, window)
        body["deduplicationKey"] = check.identifier(deduplication_key, "deduplication_key")
        return self._request(
            create_schedule_v1._get_kwargs, ScheduleObject.from_dict, body=CreateScheduleOptions.from_dict(body)
        )

    def list(self, *, per_page: int | None = None, limit: int | None = None) -> SyncPaginator[ScheduleObject]:
        """GET /api/v1/schedules, page after page (`per_page` at most 100)."""
        size = UNSET if per_page is None else check.int_in_range(per_page, "per_page", 1, 100)
        return self._paginate(
            list_schedules_v1._get_kwargs,
            offset_page(ScheduleObject.from_dict),
            cursor="page",
            limit=limit,
            params={"per_page": size},
        )

    def retrieve(self, schedule_id: str) -> ScheduleObject:
        schedule_id = check.identifier(schedule_id, "schedule_id")
        return self._request(get_schedule_v1._get_kwargs, ScheduleObject.from_dict, schedule_id=schedule_id)

    def update(
        self,
        schedule_id: str,
        *,
        task: str,
        cron: str,
        timezone: str | None = None,
        external_id: str | None = None,
        window: str | None = None,
    ) -> ScheduleObject:
        """PUT /api/v1/schedules/{id}: the server replaces the schedule, so task and cron are required."""
        schedule_id = check.identifier(schedule_id, "schedule_id")
        body = UpdateScheduleOptions.from_dict(schedule_body(task, cron, timezone, external_id, window))
        return self._request(
            update_schedule_v1._get_kwargs, ScheduleObject.from_dict, schedule_id=schedule_id, body=body
        )

    def delete(self, schedule_id: str) -> DeleteScheduleResponse:
        """DELETE /api/v1/schedules/{id}; `.id` is the deleted schedule's id."""
        schedule_id = check.identifier(schedule_id, "schedule_id")
        return self._request(delete_schedule_v1._get_kwargs, DeleteScheduleResponse.from_dict, schedule_id=schedule_id)

    def activate(self, schedule_id: str) -> ScheduleObject:
        schedule_id = check.identifier(schedule_id, "schedule_id")
        return self._request(activate_schedule_v1._get_kwargs, ScheduleObject.from_dict, schedule_id=schedule_id)

    def deactivate(self, schedule_id: str) -> ScheduleObject:
        schedule_id = check.identifier(schedule_id, "schedule_id")
        return self._request(deactivate_schedule_v1._get_kwargs, ScheduleObject.from_dict, schedule_id=schedule_id)

    def timezones(self, *, exclude_utc: bool = False) -> TimezoneNames:
        """GET /api/v1/timezones (sent without the key, as the server needs none)."""
        flag = True if exclude_utc else UNSET
        return self._request(get_timezones_v1._get_kwargs, parse_timezones, exclude_utc=flag)
