"""client.batch: trigger runs of several tasks at once, and read batches back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import timedelta
from typing import Any

from trigger_api.api.batches import get_batch_results_v1, retrieve_batch_v2
from trigger_api.models.get_batch_results_v1_response_200 import GetBatchResultsV1Response200
from trigger_api.models.retrieve_batch_v2_response import RetrieveBatchV2Response

from .. import _validate as check
from ..models import BatchHandle
from ._batching import BatchingResource


class Batch(BatchingResource):
    def trigger(
        self,
        items: Iterable[Mapping[str, Any]],
        *,
        idempotency_key: str | Sequence[str] | None = None,
        idempotency_key_ttl: str | timedelta | None = None,
    ) -> BatchHandle:
        """Trigger one run per item: {"task": "...", "payload": ..., "options": {same names as trigger()}}."""
        return self._trigger_batches(
            items, default_task=None, idempotency_key=idempotency_key, idempotency_key_ttl=idempotency_key_ttl
        )

    def retrieve(self, batch_id: str) -> RetrieveBatchV2Response:
        """GET /api/v2/batches/{batchId}: status, run ids and processing errors."""
        batch_id = check.identifier(batch_id, "batch_id")
        return self._request(retrieve_batch_v2._get_kwargs, RetrieveBatchV2Response.from_dict, batch_id=batch_id)

    def results(self, batch_id: str) -> GetBatchResultsV1Response200:
        """GET /api/v1/batches/{batchId}/results: the execution result of each run."""
        batch_id = check.identifier(batch_id, "batch_id")
        return self._request(
            get_batch_results_v1._get_kwargs, GetBatchResultsV1Response200.from_dict, batch_id=batch_id
        )
