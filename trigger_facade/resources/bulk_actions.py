"""client.bulk_actions: cancel or replay many runs, by filter or by id."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
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
from .._pagination import SyncPaginator, cursor_page
from ..errors import InvalidInputError
from ..queues_ref import QueueRef
from ._listing import ListingResource

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
        if value.tzinfo is None:
            raise InvalidInputError(f"{argument} is a naive datetime; pass an aware one (with tzinfo)")
        return value.isoformat()
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


class BulkActions(ListingResource):
    def cancel(
        self, *, filter: Mapping[str, Any] | None = None, run_ids: Sequence[str] | None = None, name: str | None = None
    ) -> CreateBulkActionResponse:
        """POST /api/v1/bulk-actions: cancel every matching run; `.id` is the bulk action's id."""
        return self._create("cancel", filter, run_ids, name, None)

    def replay(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        run_ids: Sequence[str] | None = None,
        name: str | None = None,
        target_region: str | None = None,
    ) -> CreateBulkActionResponse:
        """POST /api/v1/bulk-actions: replay every matching run; `.id` is the bulk action's id."""
        return self._create("replay", filter, run_ids, name, target_region)

    def _create(
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
        return self._request(
            create_bulk_action_v1._get_kwargs, CreateBulkActionResponse.from_dict, body=model.from_dict(body)
        )

    def list(self, *, page_size: int | None = None, limit: int | None = None) -> SyncPaginator[BulkActionObject]:
        size = UNSET if page_size is None else check.int_in_range(page_size, "page_size", 1, 100)
        return self._paginate(
            list_bulk_actions_v1._get_kwargs,
            bulk_action_page,
            cursor="pageafter",
            limit=limit,
            params={"pagesize": size},
        )

    def retrieve(self, bulk_action_id: str) -> BulkActionObject:
        bulk_action_id = check.identifier(bulk_action_id, "bulk_action_id")
        return self._request(
            retrieve_bulk_action_v1._get_kwargs, BulkActionObject.from_dict, bulk_action_id=bulk_action_id
        )

    def abort(self, bulk_action_id: str) -> AbortBulkActionResponse:
        """POST /api/v1/bulk-actions/{id}/abort; `.id` is the bulk action's id."""
        bulk_action_id = check.identifier(bulk_action_id, "bulk_action_id")
        return self._request(
            abort_bulk_action_v1._get_kwargs, AbortBulkActionResponse.from_dict, bulk_action_id=bulk_action_id
        )
