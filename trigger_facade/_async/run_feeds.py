"""The realtime run feeds of client.runs: one run, the runs of tags, the runs of a batch.

The loops stand on the resource's own I/O primitives (`_send`, `_sleep`) so that the async twin is
derived like everything else. A payload or output kept in object storage is fetched through a
presigned URL, once per version.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import timedelta
from typing import Any
from urllib.parse import quote

import attrs
import httpx

from .._base import build_request, parse_response
from .._config import KeyKind
from .._transport import (
    ATTEMPT_TIMEOUT_EXTENSION,
    MAX_BODY_EXTENSION,
    POLICY_EXTENSION,
    OriginBearerAuth,
    check_presigned_url,
    finite_seconds,
)
from ..errors import APIConnectionError, APIError, APIStatusError, ConfigurationError, InvalidInputError, NotFoundError
from ..models import Run
from ..realtime.drive import SHAPE_READ_TIMEOUT
from ..realtime.electric import ShapeResult, ShapeSubscription
from ..realtime.runs import RunDecoder, StoredPacket, decode_packet
from ..sansio.run_feeds import (
    DEADLINE_SLACK,
    REALTIME_MAX_PACE,
    REALTIME_MIN_INTERVAL,
    feed_run,
    look_back_period,
    presigned_url_of,
)
from ._payloads import AsyncPayloadResource


class AsyncRunFeeds(AsyncPayloadResource):
    """Subscriptions to the realtime feed, and the feed loop that watch(realtime=True) follows too."""

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
        return self._subscription(sub, self._realtime_deadline(timeout), stop_on_completion)

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
        return self._subscription(sub, self._realtime_deadline(timeout), False)

    def subscribe_to_batch(self, batch_id: str, *, timeout: float | None = None) -> AsyncIterator[Run]:
        """Follow the runs of a batch (GET /realtime/v1/batches/{batchId}), yielding a Run per change.

        The iteration never ends by itself: stop it, or give `timeout` (seconds)."""
        self._check_realtime_key("runs.subscribe_to_batch")
        sub = ShapeSubscription.for_batch(batch_id, rand=self._state.clock.random)
        return self._subscription(sub, self._realtime_deadline(timeout), False)

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

    async def _subscription(
        self, sub: ShapeSubscription, deadline: float | None, stop_on_completion: bool
    ) -> AsyncIterator[Run]:
        async for run in self._feed_runs(sub, deadline):
            yield run
            if stop_on_completion and (run.is_terminal or run.data.get("finishedAt") is not None):
                return

    async def _feed_runs(
        self, sub: ShapeSubscription, deadline: float | None, give_up_after: int | None = None
    ) -> AsyncIterator[Run]:
        """The feed's rows as runs; a payload or output kept in storage is fetched once per version."""
        decoder = RunDecoder()
        stored: dict[tuple[str, str], tuple[str, Any]] = {}
        async for _key, row in self._shape_rows(sub, deadline, give_up_after):
            snapshot = decoder.decode(row)
            for field in ("payload", "output"):
                packet = snapshot[field]
                if isinstance(packet, StoredPacket):
                    known = stored.get((packet.run_id, field))
                    if known is None or known[0] != packet.path:
                        known = (packet.path, await self._stored_packet(packet, deadline))
                        stored[(packet.run_id, field)] = known
                    snapshot[field] = known[1]
            yield feed_run(snapshot)

    async def _shape_rows(
        self, sub: ShapeSubscription, deadline: float | None, give_up_after: int | None = None
    ) -> AsyncIterator[tuple[str, dict[str, Any]]]:
        """`(key, row)` for each row the subscription hands out, until `deadline` (then it just ends).

        Retryable failures are retried with the subscription's backoff; with `give_up_after` that
        many in a row raise the last one instead."""
        clock = self._state.clock
        pace = 0.0
        failures = 0
        while True:
            started = clock.monotonic()
            answer = await self._shape_answer(sub, deadline)
            if answer is None:
                return
            result, error = answer
            failures = failures + 1 if error is not None else 0
            if error is not None and give_up_after is not None and failures >= give_up_after:
                raise error
            for row in result.rows:  # noqa: UP028 - the async twin cannot `yield from`
                yield row
            delay = result.retry_in
            if result.rows:
                pace = 0.0
            elif delay is None and clock.monotonic() - started < REALTIME_MIN_INTERVAL:
                # a live request is held until something changes, and a catch-up request brings rows:
                # an answer that comes at once with neither would spin (a broken or hostile feed)
                pace = min(REALTIME_MAX_PACE, max(REALTIME_MIN_INTERVAL, pace * 2))
                delay = pace
            if delay is not None:
                left = None if deadline is None else deadline - clock.monotonic()
                if left is not None and delay >= left:
                    return
                await self._sleep(delay)

    async def _shape_answer(
        self, sub: ShapeSubscription, deadline: float | None
    ) -> tuple[ShapeResult, APIError | None] | None:
        """Send the subscription's next request and digest the answer, with the error of a failed
        request that the subscription will retry; None once `deadline` has passed."""
        clock = self._state.clock
        left = None if deadline is None else deadline - clock.monotonic()
        if left is not None and left <= DEADLINE_SLACK:
            return None
        spec = sub.next_request()
        read = SHAPE_READ_TIMEOUT if left is None else max(0.05, min(left, SHAPE_READ_TIMEOUT))
        connect = min(read, self._state.config.timeout.connect or read)
        request = build_request(
            self._state,
            self._http,
            {
                "method": spec.method,
                "url": spec.target,
                "headers": dict(spec.headers),
                "timeout": httpx.Timeout(read, connect=connect),
                # the subscription retries (with the protocol's rules), not the transport
                "extensions": {
                    POLICY_EXTENSION: attrs.evolve(self._state.retry_policy, max_retries=0),
                    ATTEMPT_TIMEOUT_EXTENSION: read + connect,
                },
            },
            deadline=deadline,
        )
        failed: APIStatusError | None = None
        try:
            response = await self._send(request)
        except APIStatusError as exc:
            failed, response = exc, exc.response
        except APIConnectionError as exc:
            if deadline is not None and clock.monotonic() >= deadline - DEADLINE_SLACK:
                return None
            return sub.handle_network_error(), exc
        result = sub.handle_response(response.status_code, response.headers, response.content, now=clock.now())
        if sub.fatal_status is not None and failed is not None:
            raise failed
        return result, failed if result.retry_in is not None and result.status != 409 else None

    async def _stored_packet(self, packet: StoredPacket, deadline: float | None) -> Any:
        """A payload or output kept in object storage, as the SDK fetches it: a presigned URL from
        GET /api/v1/runs/{runId}/packets/{field} (GET /api/v1/packets/{path} on servers without that
        route), then the object from storage without the key, decoded by its content type."""
        by_run = f"/api/v1/runs/{quote(packet.run_id, safe='')}/packets/{packet.field}"
        try:
            url: str | None = await self._presigned_read_url(by_run, deadline)
        except NotFoundError:
            url = None
        if url is None:
            url = await self._presigned_read_url(f"/api/v1/packets/{quote(packet.path, safe='')}", deadline)
        request = build_request(
            self._state,
            self._http,
            {
                "method": "GET",
                "url": check_presigned_url(url, self._state.config.base_url),
                "extensions": {OriginBearerAuth.ANONYMOUS: True, MAX_BODY_EXTENSION: self._state.max_download_bytes},
            },
            deadline=deadline,
        )
        response = await self._send(request)
        content_type = response.headers.get("content-type", "").split(";")[0].strip() or "application/json"
        return decode_packet(response.text, content_type, packet.field)

    async def _presigned_read_url(self, path: str, deadline: float | None) -> str:
        request = build_request(self._state, self._http, {"method": "GET", "url": path}, deadline=deadline)
        return parse_response(await self._send(request), presigned_url_of)
