"""Waiting for a run and watching it change (client.runs.wait, watch): polling with backoff, or the
realtime feed with polling as the fallback. The methods check their arguments and run the feed
`sansio.run_waiting.watch_run`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from .. import _validate as check
from .._transport import finite_seconds
from ..errors import InvalidInputError, RunWaitTimeoutError
from ..models import Run
from ..sansio.run_waiting import DEFAULT_WAIT_TIMEOUT, WatchPlan, watch_run
from .run_feeds import AsyncRunFeeds


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
        plan = self._watch_plan(run_id, poll_interval, max_poll_interval, timeout, realtime)
        return self._feed(watch_run(self._state, self._http, plan))

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
        plan = self._watch_plan(run_id, poll_interval, max_poll_interval, timeout, realtime)
        last: Run | None = None
        async for run in self._feed(watch_run(self._state, self._http, plan)):
            last = run
        if last is None:  # pragma: no cover - the feed emits or raises
            raise RunWaitTimeoutError(run_id, timeout, None)
        return last
