"""client.schedules: cron schedules for tasks (offset-paged)."""

from __future__ import annotations

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
from trigger_api.models.schedule_object import ScheduleObject
from trigger_api.models.update_schedule_options import UpdateScheduleOptions
from trigger_api.types import UNSET

from .. import _validate as check
from .._pagination import offset_page
from ..sansio.schedules import TimezoneNames, parse_timezones, schedule_body
from ._resource import AsyncResource
from .paginators import AsyncPaginator, paginate


class AsyncSchedules(AsyncResource):
    async def create(
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
        return await self._request(
            create_schedule_v1._get_kwargs, ScheduleObject.from_dict, body=CreateScheduleOptions.from_dict(body)
        )

    def list(self, *, per_page: int | None = None, limit: int | None = None) -> AsyncPaginator[ScheduleObject]:
        """GET /api/v1/schedules, page after page (`per_page` at most 100)."""
        size = UNSET if per_page is None else check.int_in_range(per_page, "per_page", 1, 100)
        return paginate(
            self._request,
            list_schedules_v1._get_kwargs,
            offset_page(ScheduleObject.from_dict),
            cursor="page",
            limit=limit,
            params={"per_page": size},
        )

    async def retrieve(self, schedule_id: str) -> ScheduleObject:
        schedule_id = check.identifier(schedule_id, "schedule_id")
        return await self._request(get_schedule_v1._get_kwargs, ScheduleObject.from_dict, schedule_id=schedule_id)

    async def update(
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
        return await self._request(
            update_schedule_v1._get_kwargs, ScheduleObject.from_dict, schedule_id=schedule_id, body=body
        )

    async def delete(self, schedule_id: str) -> DeleteScheduleResponse:
        """DELETE /api/v1/schedules/{id}; `.id` is the deleted schedule's id."""
        schedule_id = check.identifier(schedule_id, "schedule_id")
        return await self._request(
            delete_schedule_v1._get_kwargs, DeleteScheduleResponse.from_dict, schedule_id=schedule_id
        )

    async def activate(self, schedule_id: str) -> ScheduleObject:
        schedule_id = check.identifier(schedule_id, "schedule_id")
        return await self._request(activate_schedule_v1._get_kwargs, ScheduleObject.from_dict, schedule_id=schedule_id)

    async def deactivate(self, schedule_id: str) -> ScheduleObject:
        schedule_id = check.identifier(schedule_id, "schedule_id")
        return await self._request(
            deactivate_schedule_v1._get_kwargs, ScheduleObject.from_dict, schedule_id=schedule_id
        )

    async def timezones(self, *, exclude_utc: bool = False) -> TimezoneNames:
        """GET /api/v1/timezones (sent without the key, as the server needs none)."""
        flag = True if exclude_utc else UNSET
        return await self._request(get_timezones_v1._get_kwargs, parse_timezones, exclude_utc=flag)
