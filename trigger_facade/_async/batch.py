"""client.batch: trigger runs of several tasks at once, and read batches back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import timedelta
from typing import Any

from trigger_api.api.batches import retrieve_batch_v2
from trigger_api.api.runs import retrieve_run_v1
from trigger_api.models.batch_object import BatchObject

from .. import _validate as check
from ..models import Run, RunResult
from ..sansio.batch import wait_for_batch
from ..sansio.batching import trigger_batches
from ..sansio.polling import poll_plan
from ..sansio.run_parsing import parse_run
from ._batching import AsyncBatchHandle
from ._resource import AsyncResource


class AsyncBatch(AsyncResource):
    async def trigger(
        self,
        items: Iterable[Mapping[str, Any]],
        *,
        idempotency_key: str | Sequence[str] | None = None,
        idempotency_key_ttl: str | timedelta | None = None,
    ) -> AsyncBatchHandle:
        """Trigger one run per item: {"task": "...", "payload": ..., "options": {same names as trigger()}}.

        Payloads go as the official SDK sends them (see tasks.trigger); the handle's results() waits
        for every run and answers in item order."""
        parts = await self._run(
            trigger_batches(
                self._state,
                self._http,
                items,
                default_task=None,
                idempotency_key=idempotency_key,
                idempotency_key_ttl=idempotency_key_ttl,
            )
        )
        return AsyncBatchHandle(self._state, self._http, parts)

    async def retrieve(self, batch_id: str) -> BatchObject:
        """GET /api/v2/batches/{batchId}: status, run ids and processing errors."""
        batch_id = check.identifier(batch_id, "batch_id")
        return await self._request(retrieve_batch_v2._get_kwargs, BatchObject.from_dict, batch_id=batch_id)

    async def results(self, batch_id: str) -> list[RunResult]:
        """Each run's result, in the batch's order (`is_finished` False for a run still going).

        Read from the runs themselves (GET /api/v2/batches/{batchId}, then each run): the server's
        /api/v1/batches/{batchId}/results answers `items: []` for v4 runs (server-truth O15).
        """
        batch_id = check.identifier(batch_id, "batch_id")
        batch = await self._request(retrieve_batch_v2._get_kwargs, BatchObject.from_dict, batch_id=batch_id)
        results = []
        for run_id in batch.runs:
            run = await self._request(retrieve_run_v1._get_kwargs, parse_run, run_id=check.identifier(run_id, "run id"))
            results.append(RunResult.from_run(run))
        return results

    async def wait(
        self, batch_id: str, *, timeout: float = 600.0, poll_interval: float = 1.0, max_poll_interval: float = 10.0
    ) -> list[Run]:
        """Poll until every run of the batch is terminal; return them (newest first).

        Raises RunWaitTimeoutError after `timeout` seconds (the runs go on).
        """
        batch_id = check.identifier(batch_id, "batch_id")
        plan = poll_plan(self._state.clock, timeout, poll_interval, max_poll_interval)
        expected = await self._request(retrieve_batch_v2._get_kwargs, BatchObject.from_dict, batch_id=batch_id)
        return await self._run(wait_for_batch(self._state, self._http, batch_id, expected.run_count, plan))
