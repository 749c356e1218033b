"""The realtime run feeds of client.runs: one run, the runs of tags, the runs of a batch.

The methods check their arguments and run the feed `sansio.run_feeds.run_snapshots` (the long poll,
its rows as runs, a payload or output kept in object storage fetched once per version).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import timedelta

from .._config import KeyKind
from .._transport import finite_seconds
from ..errors import ConfigurationError, InvalidInputError
from ..models import Run
from ..realtime.electric import ShapeSubscription
from ..sansio.run_feeds import look_back_period, run_snapshots
from ._resource import AsyncResource


class AsyncRunFeeds(AsyncResource):
    """Subscriptions to the realtime feed; watch(realtime=True) follows the same feed (sansio.run_waiting)."""

    def subscribe(
        self,
        run_id: str,
        *,
        stop_on_completion: bool = True,
        timeout: float | None = None,
        skip_columns: Sequence[str] = (),
    ) -> AsyncIterator[Run]:
        """Follow one run on the realtime feed (GET /realtime/v1/runs/{runId}), yielding a Run at each change.

        The first snapshot comes at once; later ones when the run changes (the server holds each
        request up to about 20 s). With `stop_on_completion` the iteration ends after a finished
        run. `timeout` (seconds) ends the iteration quietly when it runs out: check `is_terminal` on
        the last run. `skip_columns` leaves out row columns (e.g. ["payload", "output"]);
        id, taskIdentifier, friendlyId, status and createdAt are always sent.

        Works with an environment secret key and with a public access token that may read the run.
        A status error (401, 403, 404...) raises; 429s, 5xx and dropped connections are retried
        with backoff until `timeout`.
        """
        if not isinstance(stop_on_completion, bool):
            raise InvalidInputError(f"stop_on_completion must be True or False, got {stop_on_completion!r}")
        self._check_realtime_key("runs.subscribe")
        sub = ShapeSubscription.for_run(run_id, skip_columns=skip_columns, rand=self._state.clock.random)
        deadline = self._realtime_deadline(timeout)
        return self._feed(run_snapshots(self._state, self._http, sub, deadline, stop_on_completion=stop_on_completion))

    def subscribe_to_tag(
        self,
        tags: str | Sequence[str],
        *,
        created_after: str | timedelta | None = None,
        timeout: float | None = None,
        skip_columns: Sequence[str] = (),
    ) -> AsyncIterator[Run]:
        """Follow every run that has all of `tags` (GET /realtime/v1/runs?tags=...), yielding a Run per change.

        `created_after` is a look-back period ("2h", "1d", or a timedelta of whole seconds): runs
        created that long ago or later; the server's default is 24 hours. The iteration never ends
        by itself: stop it, or give `timeout` (seconds).
        """
        self._check_realtime_key("runs.subscribe_to_tag")
        period = None if created_after is None else look_back_period(created_after)
        sub = ShapeSubscription.for_tags(
            tags, created_at=period, skip_columns=skip_columns, rand=self._state.clock.random
        )
        return self._feed(run_snapshots(self._state, self._http, sub, self._realtime_deadline(timeout)))

    def subscribe_to_batch(self, batch_id: str, *, timeout: float | None = None) -> AsyncIterator[Run]:
        """Follow the runs of a batch (GET /realtime/v1/batches/{batchId}), yielding a Run per change.

        The iteration never ends by itself: stop it, or give `timeout` (seconds)."""
        self._check_realtime_key("runs.subscribe_to_batch")
        sub = ShapeSubscription.for_batch(batch_id, rand=self._state.clock.random)
        return self._feed(run_snapshots(self._state, self._http, sub, self._realtime_deadline(timeout)))

    def _check_realtime_key(self, what: str) -> None:
        """The realtime routes take an environment key or a public token, never a personal or org token."""
        kind = self._state.config.credentials.kind
        if kind in (KeyKind.PERSONAL, KeyKind.ORGANIZATION):
            raise ConfigurationError(
                f"{what} needs an environment secret key (tr_dev_..., tr_prod_...) or a public access token; "
                f"this client holds a {kind.value}"
            )

    def _realtime_deadline(self, timeout: float | None) -> float | None:
        if timeout is None:
            return None
        return self._state.clock.monotonic() + finite_seconds(timeout, "timeout", allow_zero=True)
