"""The realtime run feeds of client.runs, written once as feeds (trigger_facade.flows).

`run_rows` is the realtime long poll of one ShapeSubscription: it emits the feed's rows, retries
what the subscription says to retry and paces a feed that answers at once with nothing. On it,
`run_snapshots` emits the rows as runs, a payload or output kept in object storage fetched
(`stored_packet`) once per version. The resources run them with `self._feed(...)`, so every request
goes through `_send` (auth, deadlines, error mapping) and every wait sleeps on the client's clock.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

import attrs
import httpx

from .. import _validate as check
from .._base import build_request, parse_response
from .._transport import (
    ATTEMPT_TIMEOUT_EXTENSION,
    MAX_BODY_EXTENSION,
    POLICY_EXTENSION,
    OriginBearerAuth,
    check_presigned_url,
)
from ..errors import APIConnectionError, APIError, APIStatusError, InvalidInputError, NotFoundError
from ..flows import Feed, Flow, emit, exchange, next_item, pause
from ..models import Run
from ..realtime.drive import SHAPE_READ_TIMEOUT, ShapeRow
from ..realtime.electric import ShapeResult, ShapeSubscription
from ..realtime.runs import RunDecoder, StoredPacket, decode_packet

if TYPE_CHECKING:
    from ..client_state import ClientState

T = TypeVar("T")

# a wait's last request may end a moment before its deadline (the attempt deadline rounds down)
DEADLINE_SLACK = 0.05


# a live request is held until the run changes (about 20 s): one answering faster without news is paced
REALTIME_MIN_INTERVAL = 0.25


REALTIME_MAX_PACE = 5.0


_FEED_DATES = ("createdAt", "updatedAt", "expiredAt", "finishedAt", "startedAt", "delayedUntil", "queuedAt")


def feed_run(snapshot: dict[str, Any]) -> Run:
    """A decoded feed row (realtime.runs.RunDecoder) as a Run; its dates written as the REST API writes them."""
    data = dict(snapshot)
    for name in _FEED_DATES:
        value = data.get(name)
        if isinstance(value, datetime):
            data[name] = value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return Run(data)


def look_back_period(value: str | timedelta) -> str:
    """A tag feed's `createdAt`: a period string as the server reads it, or a timedelta of whole seconds."""
    if isinstance(value, timedelta):
        seconds = value.total_seconds()
        if seconds < 1 or seconds != int(seconds):
            raise InvalidInputError(f"created_after must be a whole number of seconds, at least 1, got {value!r}")
        whole = int(seconds)
        for unit, size in (("d", 86_400), ("h", 3_600), ("m", 60)):
            if whole % size == 0:
                return f"{whole // size}{unit}"
        return f"{whole}s"
    if not isinstance(value, str):
        raise InvalidInputError(f"created_after must be a period such as '2h' or a timedelta, got {value!r}")
    return check.period(value, "created_after")


def presigned_url_of(data: Any) -> str:
    url = data["presignedUrl"]
    if not isinstance(url, str):
        raise TypeError("presignedUrl must be a string")
    return url


# --- the long poll ------------------------------------------------------------------------------


def run_rows(
    state: ClientState,
    http: httpx.Client | httpx.AsyncClient,
    sub: ShapeSubscription,
    deadline: float | None,
    give_up_after: int | None = None,
) -> Feed[ShapeRow]:
    """Emit `(key, row)` for each row the subscription hands out, until `deadline` (then it just ends).

    Retryable failures are retried with the subscription's backoff; with `give_up_after` that
    many in a row raise the last one instead."""
    clock = state.clock
    pace = 0.0
    failures = 0
    while True:
        started = clock.monotonic()
        answer = yield from shape_answer(state, http, sub, deadline)
        if answer is None:
            return
        result, error = answer
        failures = failures + 1 if error is not None else 0
        if error is not None and give_up_after is not None and failures >= give_up_after:
            raise error
        for row in result.rows:
            yield from emit(row)
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
            yield from pause(delay)


def shape_answer(
    state: ClientState, http: httpx.Client | httpx.AsyncClient, sub: ShapeSubscription, deadline: float | None
) -> Flow[tuple[ShapeResult, APIError | None] | None]:
    """One long poll: send the subscription's next request and digest the answer, with the error of
    a failed request that the subscription will retry; None once `deadline` has passed."""
    clock = state.clock
    left = None if deadline is None else deadline - clock.monotonic()
    if left is not None and left <= DEADLINE_SLACK:
        return None
    spec = sub.next_request()
    read = SHAPE_READ_TIMEOUT if left is None else max(0.05, min(left, SHAPE_READ_TIMEOUT))
    connect = min(read, state.config.timeout.connect or read)
    request = build_request(
        state,
        http,
        {
            "method": spec.method,
            "url": spec.target,
            "headers": dict(spec.headers),
            "timeout": httpx.Timeout(read, connect=connect),
            # the subscription retries (with the protocol's rules), not the transport
            "extensions": {
                POLICY_EXTENSION: attrs.evolve(state.retry_policy, max_retries=0),
                ATTEMPT_TIMEOUT_EXTENSION: read + connect,
            },
        },
        deadline=deadline,
    )
    failed: APIStatusError | None = None
    try:
        response = yield from exchange(request)
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


# --- rows as runs -------------------------------------------------------------------------------


def run_snapshots(
    state: ClientState,
    http: httpx.Client | httpx.AsyncClient,
    sub: ShapeSubscription,
    deadline: float | None,
    *,
    give_up_after: int | None = None,
    stop_on_completion: bool = False,
) -> Feed[Run]:
    """Emit the feed's rows as runs (see `run_rows`); a payload or output kept in storage is
    fetched once per version. With `stop_on_completion` the feed ends after a finished run."""
    decoder = RunDecoder()
    stored: dict[tuple[str, str], tuple[str, Any]] = {}
    rows = run_rows(state, http, sub, deadline, give_up_after)
    try:
        while (item := (yield from next_item(rows))) is not None:
            snapshot = decoder.decode(item[1])
            for field in ("payload", "output"):
                packet = snapshot[field]
                if isinstance(packet, StoredPacket):
                    known = stored.get((packet.run_id, field))
                    if known is None or known[0] != packet.path:
                        known = (packet.path, (yield from stored_packet(state, http, packet, deadline)))
                        stored[(packet.run_id, field)] = known
                    snapshot[field] = known[1]
            run = feed_run(snapshot)
            yield from emit(run)
            if stop_on_completion and (run.is_terminal or run.data.get("finishedAt") is not None):
                return
    finally:
        rows.close()


def stored_packet(
    state: ClientState, http: httpx.Client | httpx.AsyncClient, packet: StoredPacket, deadline: float | None
) -> Flow[Any]:
    """A payload or output kept in object storage, as the SDK fetches it: a presigned URL from
    GET /api/v1/runs/{runId}/packets/{field} (GET /api/v1/packets/{path} on servers without that
    route), then the object from storage without the key, decoded by its content type."""
    by_run = f"/api/v1/runs/{quote(packet.run_id, safe='')}/packets/{packet.field}"
    try:
        url: str | None = yield from _presigned_read_url(state, http, by_run, deadline)
    except NotFoundError:
        url = None
    if url is None:
        by_path = f"/api/v1/packets/{quote(packet.path, safe='')}"
        url = yield from _presigned_read_url(state, http, by_path, deadline)
    request = build_request(
        state,
        http,
        {
            "method": "GET",
            "url": check_presigned_url(url, state.config.base_url),
            "extensions": {OriginBearerAuth.ANONYMOUS: True, MAX_BODY_EXTENSION: state.max_download_bytes},
        },
        deadline=deadline,
    )
    response = yield from exchange(request)
    content_type = response.headers.get("content-type", "").split(";")[0].strip() or "application/json"
    return decode_packet(response.text, content_type, packet.field)


def _presigned_read_url(
    state: ClientState, http: httpx.Client | httpx.AsyncClient, path: str, deadline: float | None
) -> Flow[str]:
    request = build_request(state, http, {"method": "GET", "url": path}, deadline=deadline)
    return parse_response((yield from exchange(request)), presigned_url_of)
