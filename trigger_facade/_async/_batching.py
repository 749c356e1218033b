"""Two-phase streaming batches: POST /api/v3/batches, then the items as NDJSON; the handle that follows them.

At most 1,000 items go into one server batch; more are split into several, and the handle lists
them all. Items are read from any iterable and only one chunk is held at a time, except for a
list or tuple, which is checked whole before the first request (the checking and encoding of
items is trigger_facade.sansio.batch_items).
"""

from __future__ import annotations

from typing import Any

from ..models import BatchPart, RunResult
from ..sansio.batching import batch_results
from ..sansio.polling import poll_plan
from ._resource import AsyncResource


class AsyncBatchHandle(AsyncResource):
    """What batch triggering returns. More than 1,000 items are split into several server batches
    (`batches`, `ids`); `wait()` and `results()` follow all of them and answer in item order."""

    def __init__(self, state: Any, http: Any, batches: tuple[BatchPart, ...]) -> None:
        super().__init__(state, http)
        self.batches = batches

    def __repr__(self) -> str:
        return f"{type(self).__name__}(ids={self.ids!r}, run_count={self.run_count}, is_cached={self.is_cached})"

    @property
    def ids(self) -> list[str]:
        return [part.id for part in self.batches]

    @property
    def id(self) -> str:
        """The batch id when there is exactly one batch (see `ids` and `is_split` otherwise)."""
        if len(self.batches) != 1:
            raise ValueError(f"this call made {len(self.batches)} batches; use .ids")
        return self.batches[0].id

    @property
    def is_split(self) -> bool:
        return len(self.batches) > 1

    @property
    def run_count(self) -> int:
        return sum(part.run_count for part in self.batches)

    @property
    def is_cached(self) -> bool:
        return bool(self.batches) and all(part.is_cached for part in self.batches)

    @property
    def public_access_token(self) -> str | None:
        """The token that reads the (first) batch's runs; each part has its own (`batches[i]`)."""
        return self.batches[0].public_access_token if self.batches else None

    async def results(
        self, *, timeout: float = 600.0, poll_interval: float = 1.0, max_poll_interval: float = 10.0
    ) -> list[RunResult]:
        """Wait until every item's run has finished; each item's RunResult in item order (across split
        batches). `result.ok` and `result.output`, or `result.error`; `result.unwrap()` returns the
        output or raises RunFailedError. An item the server could not trigger has status
        TRIGGER_FAILED, no id, and the server's processing error. RunWaitTimeoutError after `timeout` s.
        """
        plan = poll_plan(self._state.clock, timeout, poll_interval, max_poll_interval)
        return await self._run(batch_results(self._state, self._http, self.batches, plan))

    async def wait(
        self, *, timeout: float = 600.0, poll_interval: float = 1.0, max_poll_interval: float = 10.0
    ) -> list[RunResult]:
        """Wait until every run has finished, without raising for failed runs (see results())."""
        return await self.results(timeout=timeout, poll_interval=poll_interval, max_poll_interval=max_poll_interval)
