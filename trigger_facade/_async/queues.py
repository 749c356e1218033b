"""client.queues: list, inspect, pause and resume queues, and override their concurrency."""

from __future__ import annotations

from typing import Any

from trigger_api.api.queues import (
    get_queue_metrics_v1,
    list_queues_v1,
    override_queue_concurrency_v1,
    pause_queue_v1,
    reset_queue_concurrency_v1,
    retrieve_queue_v1,
)
from trigger_api.models.override_queue_concurrency_request_body import OverrideQueueConcurrencyRequestBody
from trigger_api.models.pause_queue_request_body import PauseQueueRequestBody
from trigger_api.models.queue_identifier_type import QueueIdentifierType
from trigger_api.models.queue_metrics_response import QueueMetricsResponse
from trigger_api.models.queue_object import QueueObject
from trigger_api.models.reset_queue_concurrency_v1_body import ResetQueueConcurrencyV1Body
from trigger_api.types import UNSET

from .. import _validate as check
from .._pagination import offset_page
from ..errors import InvalidInputError
from ..queues_ref import queue_identity
from ..sansio.queues import QueueArg
from ._resource import AsyncResource
from .paginators import AsyncPaginator, paginate


class AsyncQueues(AsyncResource):
    def list(self, *, per_page: int | None = None, limit: int | None = None) -> AsyncPaginator[QueueObject]:
        """GET /api/v1/queues, page after page (`per_page` at most 100)."""
        size = UNSET if per_page is None else check.int_in_range(per_page, "per_page", 1, 100)
        return paginate(
            self._request,
            list_queues_v1._get_kwargs,
            offset_page(QueueObject.from_dict),
            cursor="page",
            limit=limit,
            params={"per_page": size},
        )

    async def retrieve(self, queue: QueueArg) -> QueueObject:
        """GET /api/v1/queues/{queue}?type=...: `queue` is "queue_..." or QueueRef.task/custom(name)."""
        value, kind = queue_identity(queue)
        return await self._request(
            retrieve_queue_v1._get_kwargs, QueueObject.from_dict, queue_param=value, type_=QueueIdentifierType(kind)
        )

    async def pause(self, queue: QueueArg) -> QueueObject:
        return await self._pause(queue, "pause")

    async def resume(self, queue: QueueArg) -> QueueObject:
        """The pause route with action "resume" (there is no resume route)."""
        return await self._pause(queue, "resume")

    async def _pause(self, queue: QueueArg, action: str) -> QueueObject:
        value, kind = queue_identity(queue)
        body = PauseQueueRequestBody.from_dict({"type": kind, "action": action})
        return await self._request(pause_queue_v1._get_kwargs, QueueObject.from_dict, queue_param=value, body=body)

    async def override_concurrency_limit(
        self, queue: QueueArg, limit: int | None = None, *, percent: float | None = None
    ) -> QueueObject:
        """Set the queue's limit to `limit` runs, or to `percent` of the environment's limit (one of them)."""
        value, kind = queue_identity(queue)
        if (limit is None) == (percent is None):
            raise InvalidInputError("pass exactly one of limit (runs, 0..100000) or percent (0 < percent <= 100)")
        body: dict[str, Any] = {"type": kind}
        if limit is not None:
            body["concurrencyLimit"] = check.int_in_range(limit, "limit", 0, 100_000)
        else:
            if isinstance(percent, bool) or not isinstance(percent, (int, float)) or not 0 < percent <= 100:
                raise InvalidInputError(f"percent={percent!r} must be a number with 0 < percent <= 100")
            body["percent"] = percent
        return await self._request(
            override_queue_concurrency_v1._get_kwargs,
            QueueObject.from_dict,
            queue_param=value,
            body=OverrideQueueConcurrencyRequestBody.from_dict(body),
        )

    async def reset_concurrency_limit(self, queue: QueueArg) -> QueueObject:
        value, kind = queue_identity(queue)
        body = ResetQueueConcurrencyV1Body.from_dict({"type": kind})
        return await self._request(
            reset_queue_concurrency_v1._get_kwargs, QueueObject.from_dict, queue_param=value, body=body
        )

    async def metrics(self, queue: QueueArg) -> QueueMetricsResponse:
        value, kind = queue_identity(queue)
        return await self._request(
            get_queue_metrics_v1._get_kwargs,
            QueueMetricsResponse.from_dict,
            queue_param=value,
            type_=QueueIdentifierType(kind),
        )
