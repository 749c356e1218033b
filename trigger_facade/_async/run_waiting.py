"""Waiting for a run and watching it change (client.runs.wait, watch): polling with backoff, or the
realtime feed with polling as the fallback.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

from .. import _validate as check
from .._transport import finite_seconds
from ..errors import APIError, DeadlineExceededError, InvalidInputError, RealtimeProtocolError, RunWaitTimeoutError
from ..models import Run
from ..realtime.electric import ShapeSubscription
from ..sansio.run_feeds import DEADLINE_SLACK
from ..sansio.run_waiting import DEFAULT_WAIT_TIMEOUT, WATCH_FEED_FAILURES, WatchPlan, read_for_wait
from .run_feeds import AsyncRunFeeds

log = logging.getLogger("trigger_facade")


class AsyncRunWaiting(AsyncRunFeeds):
    def watch(
        self,
        run_id: str,
        *,
        poll_interval: float = 1.0,
        max_poll_interval: float = 10.0,
        timeout: float | None = None,
        realtime: bool = False,
    ) -> AsyncIterator[Run]:
        """Yield the run each time it changes, ending after a terminal status (EXPIRED and TIMED_OUT too).

        Polls GET /api/v3/runs/{runId}, starting every `poll_interval` seconds and backing off to
        `max_poll_interval`; rate limits are honoured by the transport. With `timeout` (seconds) it
        raises RunWaitTimeoutError when the run is still going after that long; no request or retry
        wait runs past it.

        With `realtime=True` it follows the realtime feed (/realtime/v1/runs/{runId}) instead and
        yields the runs decoded from its rows, as subscribe() does, with no REST reads; if the feed
        fails (not offered, refused, too many connections) it polls instead.
        """
        return self._watching(self._watch_plan(run_id, poll_interval, max_poll_interval, timeout, realtime))

    def _watch_plan(
        self, run_id: str, poll_interval: float, max_poll_interval: float, timeout: float | None, realtime: bool
    ) -> WatchPlan:
        """The checked arguments of watch()/wait(), refused before any request."""
        run_id = check.identifier(run_id, "run_id")
        interval = finite_seconds(poll_interval, "poll_interval", allow_zero=True)
        ceiling = max(interval, finite_seconds(max_poll_interval, "max_poll_interval", allow_zero=True))
        limit = None if timeout is None else finite_seconds(timeout, "timeout", allow_zero=True)
        if not isinstance(realtime, bool):
            raise InvalidInputError(f"realtime must be True or False, got {realtime!r}")
        if realtime:
            self._check_realtime_key("runs.watch(realtime=True)")
        deadline = None if limit is None else self._state.clock.monotonic() + limit
        return WatchPlan(run_id, interval, ceiling, limit, deadline, realtime)

    async def _watching(self, plan: WatchPlan) -> AsyncIterator[Run]:
        clock = self._state.clock
        last_seen: tuple[str, Any] | None = None
        if plan.realtime:
            failure: Exception | None = None
            try:
                sub = ShapeSubscription.for_run(plan.run_id, rand=self._state.clock.random)
                async for run in self._feed_runs(sub, plan.deadline, WATCH_FEED_FAILURES):
                    last_seen = (run.status, run.data.get("updatedAt"))
                    yield run
                    if run.is_terminal:
                        return
            except (APIError, RealtimeProtocolError) as exc:
                failure = exc
            out_of_time = plan.deadline is not None and clock.monotonic() >= plan.deadline - DEADLINE_SLACK
            if failure is None or out_of_time:
                raise RunWaitTimeoutError(plan.run_id, plan.limit or 0.0, last_seen[0] if last_seen else None)
            log.info("realtime feed for %s unavailable (%s); polling instead", plan.run_id, failure)
        interval = plan.interval
        payload: list[Any] = []  # the payload never changes: download a presigned one once
        while True:
            try:
                run = await self._read_for_wait(plan.run_id, plan.deadline, payload)
            except RunWaitTimeoutError as exc:
                last = last_seen[0] if last_seen else None
                raise RunWaitTimeoutError(plan.run_id, plan.limit or 0.0, last) from exc
            fingerprint = (run.status, run.data.get("updatedAt"))
            if fingerprint != last_seen:
                last_seen = fingerprint
                yield run
            if run.is_terminal:
                return
            left = None if plan.deadline is None else plan.deadline - clock.monotonic()
            if left is not None and left <= 0:
                raise RunWaitTimeoutError(plan.run_id, plan.limit or 0.0, run.status)
            await self._sleep(interval if left is None else min(interval, left))
            interval = min(plan.ceiling, max(interval * 1.5, 0.1))

    async def _read_for_wait(self, run_id: str, deadline: float | None, payload: list[Any]) -> Run:
        try:
            return await self._run(read_for_wait(self._state, self._http, run_id, deadline, payload))
        except DeadlineExceededError as exc:
            raise RunWaitTimeoutError(run_id, 0.0, None) from exc

    async def wait(
        self,
        run_id: str,
        *,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = 1.0,
        max_poll_interval: float = 10.0,
        realtime: bool = False,
    ) -> Run:
        """Wait until the run reaches a terminal status and return it; RunWaitTimeoutError after `timeout` s.

        Polls with backoff, or follows the realtime feed with `realtime=True` (see watch()). A run
        from the feed is built from its row: fields the row lacks (attempt_count, version, batch_id,
        depth...) are None, and its payload and output are decoded with superjson
        as the official SDK decodes them (dates as datetime objects).
        """
        last: Run | None = None
        async for run in self._watching(self._watch_plan(run_id, poll_interval, max_poll_interval, timeout, realtime)):
            last = run
        if last is None:  # pragma: no cover - _watching yields or raises
            raise RunWaitTimeoutError(run_id, timeout, None)
        return last
