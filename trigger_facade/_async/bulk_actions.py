"""client.bulk_actions: cancel or replay many runs, by filter or by id."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from trigger_api.api.bulk_actions import (
    abort_bulk_action_v1,
    create_bulk_action_v1,
    list_bulk_actions_v1,
    retrieve_bulk_action_v1,
)
from trigger_api.models.abort_bulk_action_response import AbortBulkActionResponse
from trigger_api.models.bulk_action_object import BulkActionObject
from trigger_api.models.bulk_cancel_by_filter import BulkCancelByFilter
from trigger_api.models.bulk_cancel_by_run_ids import BulkCancelByRunIds
from trigger_api.models.bulk_replay_by_filter import BulkReplayByFilter
from trigger_api.models.bulk_replay_by_run_ids import BulkReplayByRunIds
from trigger_api.models.create_bulk_action_response import CreateBulkActionResponse
from trigger_api.types import UNSET

from .. import _validate as check
from ..errors import InvalidInputError
from ..sansio.bulk_actions import bulk_action_page, bulk_filter, checked_run_ids
from ._resource import AsyncResource
from .paginators import AsyncPaginator, paginate


class AsyncBulkActions(AsyncResource):
    async def cancel(
        self, *, filter: Mapping[str, Any] | None = None, run_ids: Sequence[str] | None = None, name: str | None = None
    ) -> CreateBulkActionResponse:
        """POST /api/v1/bulk-actions: cancel every matching run; `.id` is the bulk action's id."""
        return await self._create("cancel", filter, run_ids, name, None)

    async def replay(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        run_ids: Sequence[str] | None = None,
        name: str | None = None,
        target_region: str | None = None,
    ) -> CreateBulkActionResponse:
        """POST /api/v1/bulk-actions: replay every matching run; `.id` is the bulk action's id."""
        return await self._create("replay", filter, run_ids, name, target_region)

    async def _create(
        self,
        action: str,
        filter: Mapping[str, Any] | None,
        run_ids: Sequence[str] | None,
        name: str | None,
        target_region: str | None,
    ) -> CreateBulkActionResponse:
        if (filter is None) == (run_ids is None):
            raise InvalidInputError("pass exactly one of filter={...} or run_ids=[...]")
        body: dict[str, Any] = {"action": action}
        if filter is not None:
            body["filter"] = bulk_filter(filter)
        else:
            body["runIds"] = checked_run_ids(run_ids or [])
        if name is not None:
            if not isinstance(name, str) or len(name) > 255:
                raise InvalidInputError("name must be a string of at most 255 characters")
            body["name"] = name
        if target_region is not None:
            body["targetRegion"] = check.identifier(target_region, "target_region")
        model: Any = {
            ("cancel", True): BulkCancelByFilter,
            ("cancel", False): BulkCancelByRunIds,
            ("replay", True): BulkReplayByFilter,
            ("replay", False): BulkReplayByRunIds,
        }[(action, filter is not None)]
        return await self._request(
            create_bulk_action_v1._get_kwargs, CreateBulkActionResponse.from_dict, body=model.from_dict(body)
        )

    def list(self, *, page_size: int | None = None, limit: int | None = None) -> AsyncPaginator[BulkActionObject]:
        size = UNSET if page_size is None else check.int_in_range(page_size, "page_size", 1, 100)
        return paginate(
            self._request,
            list_bulk_actions_v1._get_kwargs,
            bulk_action_page,
            cursor="pageafter",
            limit=limit,
            params={"pagesize": size},
        )

    async def retrieve(self, bulk_action_id: str) -> BulkActionObject:
        bulk_action_id = check.identifier(bulk_action_id, "bulk_action_id")
        return await self._request(
            retrieve_bulk_action_v1._get_kwargs, BulkActionObject.from_dict, bulk_action_id=bulk_action_id
        )

    async def abort(self, bulk_action_id: str) -> AbortBulkActionResponse:
        """POST /api/v1/bulk-actions/{id}/abort; `.id` is the bulk action's id."""
        bulk_action_id = check.identifier(bulk_action_id, "bulk_action_id")
        return await self._request(
            abort_bulk_action_v1._get_kwargs, AbortBulkActionResponse.from_dict, bulk_action_id=bulk_action_id
        )
