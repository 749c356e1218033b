"""client.runs: run operations, wait and watch, realtime subscriptions, output and input streams.

Retrieve, list, cancel, replay, reschedule, tags, metadata, wait and watch over REST; run/tag/batch
subscriptions over the realtime feed; a task's output streams read, its input streams written.

The realtime loops stand on the resource's own I/O primitives (`_send`, `_sleep`) so that the async
twin is derived like everything else; only reading an event stream needs the body unread, which the
drivers in trigger_facade.realtime.drive do for each kind of client (`read_stream`).
"""

from __future__ import annotations

import builtins
import json
import logging
from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, overload
from urllib.parse import quote

import attrs
import httpx
from trigger_api.api.runs import (
    add_run_tags_v1,
    cancel_run_v1,
    get_run_events_v1,
    get_run_metadata_v1,
    get_run_trace_v1,
    list_project_runs_v1,
    list_runs_v1,
    replay_run_v1,
    reschedule_run_v1,
    retrieve_run_span_v1,
    retrieve_run_v1,
    update_run_metadata_v1,
)
from trigger_api.models.add_run_tags_result import AddRunTagsResult
from trigger_api.models.add_run_tags_v1_body import AddRunTagsV1Body
from trigger_api.models.cancel_run_result import CancelRunResult
from trigger_api.models.replay_run_result import ReplayRunResult
from trigger_api.models.reschedule_run_request_body import RescheduleRunRequestBody
from trigger_api.models.run_events import RunEvents
from trigger_api.models.run_span_response import RunSpanResponse
from trigger_api.models.run_trace import RunTrace
from trigger_api.models.update_run_metadata_v1_body import UpdateRunMetadataV1Body

from .. import _validate as check
from .._base import build_request, parse_response
from .._config import KeyKind
from .._pagination import SyncPaginator, cursor_page
from .._retry import Clock
from .._transport import (
    ATTEMPT_TIMEOUT_EXTENSION,
    MAX_BODY_EXTENSION,
    POLICY_EXTENSION,
    REPEAT_EXTENSION,
    STREAM_EXTENSION,
    OriginBearerAuth,
    check_presigned_url,
    finite_seconds,
)
from ..durations import to_delay
from ..errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    ConfigurationError,
    DeadlineExceededError,
    InvalidInputError,
    NotFoundError,
    RealtimeProtocolError,
    RunWaitTimeoutError,
)
from ..models import Run, RunResult
from ..queues_ref import QueueRef, queue_filter_value
from ..realtime.drive import SHAPE_READ_TIMEOUT, afollow_stream, follow_stream
from ..realtime.electric import ShapeResult, ShapeSubscription
from ..realtime.runs import RunDecoder, StoredPacket, decode_packet
from ..realtime.streams import StreamChunk, StreamReader, input_send_request, parse_input_send_response
from ..realtime.streams import stream_keys as stream_keys_of
from ._payloads import PayloadResource

DEFAULT_WAIT_TIMEOUT = 600.0
log = logging.getLogger("trigger_facade")


# a wait's last request may end a moment before its deadline (the attempt deadline rounds down)
DEADLINE_SLACK = 0.05


def parse_run(data: Any) -> Run:
    """A retrieve or list answer (already held against the spec's schema) as a Run."""
    return Run.parse(data)


parse_run_page = cursor_page(parse_run)


def metadata_of(data: Any) -> dict[str, Any]:
    """The metadata of a GET (a JSON string, W1) or a PUT answer (an object)."""
    metadata = data["metadata"]
    if metadata is None:
        return {}
    if isinstance(metadata, str):
        metadata = json.loads(metadata) if metadata else {}
    if not isinstance(metadata, dict):
        raise TypeError(f"metadata must be a JSON object, got {type(metadata).__name__}")
    return metadata


def list_filters(
    *,
    status: str | Iterable[str] | None,
    task_identifier: str | Iterable[str] | None,
    tag: str | Iterable[str] | None,
    version: str | Iterable[str] | None,
    queue: str | QueueRef | Iterable[str | QueueRef] | None,
    machine: str | Iterable[str] | None,
    region: str | Iterable[str] | None,
    batch: str | None,
    schedule: str | None,
    bulk_action: str | None,
    is_test: bool | None,
    created_after: datetime | int | None,
    created_before: datetime | int | None,
    period: str | None,
    page_size: int | None,
) -> dict[str, Any]:
    """Keyword arguments of the generated list operations (flat `filter[...]` / `page[...]` params)."""
    params: dict[str, Any] = {}
    if status is not None:
        params["filterstatus"] = check.statuses(status)
    if task_identifier is not None:
        params["filtertask_identifier"] = check.comma_list(task_identifier, "task_identifier")
    if tag is not None:
        params["filtertag"] = check.comma_list(tag, "tag")
    if version is not None:
        params["filterversion"] = check.comma_list(version, "version")
    if queue is not None:
        queues = [queue] if isinstance(queue, (str, QueueRef)) else list(queue)
        params["filterqueue"] = check.comma_list([queue_filter_value(q) for q in queues], "queue")
    if machine is not None:
        machines = [machine] if isinstance(machine, str) else list(machine)
        params["filtermachine"] = ",".join(check.machine(m) for m in machines)
    if region is not None:
        params["filterregion"] = check.comma_list(region, "region")
    if batch is not None:
        params["filterbatch"] = check.identifier(batch, "batch")
    if schedule is not None:
        params["filterschedule"] = check.identifier(schedule, "schedule")
    if bulk_action is not None:
        params["filterbulk_action"] = check.identifier(bulk_action, "bulk_action")
    if is_test is not None:
        if not isinstance(is_test, bool):
            raise InvalidInputError(f"is_test must be True or False, got {is_test!r}")
        params["filteris_test"] = is_test
    if created_after is not None:
        params["filtercreated_atfrom"] = check.epoch_ms(created_after, "created_after")
    if created_before is not None:
        params["filtercreated_atto"] = check.epoch_ms(created_before, "created_before")
    if period is not None:
        if created_after is not None or created_before is not None:
            raise InvalidInputError("period cannot be combined with created_after/created_before")
        params["filtercreated_atperiod"] = check.period(period)
    if page_size is not None:
        params["pagesize"] = check.int_in_range(page_size, "page_size", 1, 100)
    return params


# a live request is held until the run changes (about 20 s): one answering faster without news is paced
REALTIME_MIN_INTERVAL = 0.25
REALTIME_MAX_PACE = 5.0
# watch/wait poll instead once the feed has failed this many times in a row (429: the realtime
# connection cap of the environment; 5xx; dropped connections)
WATCH_FEED_FAILURES = 3
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


@dataclass(frozen=True)
class WatchPlan:
    run_id: str
    interval: float
    ceiling: float
    limit: float | None
    deadline: float | None
    realtime: bool


@overload
def read_stream(
    http: httpx.Client, reader: StreamReader, deadline: float | None, clock: Clock
) -> Iterator[StreamChunk]: ...
@overload
def read_stream(
    http: httpx.AsyncClient, reader: StreamReader, deadline: float | None, clock: Clock
) -> AsyncIterator[StreamChunk]: ...
def read_stream(
    http: httpx.Client | httpx.AsyncClient, reader: StreamReader, deadline: float | None, clock: Clock
) -> Iterator[StreamChunk] | AsyncIterator[StreamChunk]:
    """The stream driver for this client's kind, its body handed back unread by the retrying transport."""
    extensions = {STREAM_EXTENSION: True}
    if isinstance(http, httpx.AsyncClient):
        return afollow_stream(http, reader, deadline=deadline, clock=clock, extensions=extensions)
    return follow_stream(http, reader, deadline=deadline, clock=clock, extensions=extensions)


class Runs(PayloadResource):
    def retrieve(self, run_id: str, *, resolve_presigned: bool = True) -> Run:
        """GET /api/v3/runs/{runId}: the run with payload, output, error and related runs.

        Large payloads and outputs come as presigned storage URLs; they are fetched (without the
        API key) and decoded into `payload` / `output` unless `resolve_presigned=False`.
        """
        run_id = check.identifier(run_id, "run_id")
        run = self._request(retrieve_run_v1._get_kwargs, parse_run, run_id=run_id)
        if resolve_presigned:
            fetched = {}
            for field, url in (("payload", run.payload_presigned_url), ("output", run.output_presigned_url)):
                if url and run.data.get(field) is None:
                    fetched[field] = self._download(url)
            if fetched:
                run = run.evolve(**fetched)
        return run

    def list(
        self,
        *,
        status: str | Iterable[str] | None = None,
        task_identifier: str | Iterable[str] | None = None,
        tag: str | Iterable[str] | None = None,
        version: str | Iterable[str] | None = None,
        queue: str | QueueRef | Iterable[str | QueueRef] | None = None,
        machine: str | Iterable[str] | None = None,
        region: str | Iterable[str] | None = None,
        batch: str | None = None,
        schedule: str | None = None,
        bulk_action: str | None = None,
        is_test: bool | None = None,
        created_after: datetime | int | None = None,
        created_before: datetime | int | None = None,
        period: str | None = None,
        page_size: int | None = None,
        limit: int | None = None,
        project_ref: str | None = None,
        env: str | Iterable[str] | None = None,
    ) -> SyncPaginator[Run]:
        """GET /api/v1/runs (or /api/v1/projects/{projectRef}/runs with `project_ref`/`env`), newest first.

        Iterating yields every matching run, page after page; `limit` stops after that many runs.
        The server only looks back 7 days unless `period` or `created_after` says otherwise.
        Listing a project's runs (`project_ref`, `env`) takes a personal or organisation token.
        """
        params = list_filters(
            status=status,
            task_identifier=task_identifier,
            tag=tag,
            version=version,
            queue=queue,
            machine=machine,
            region=region,
            batch=batch,
            schedule=schedule,
            bulk_action=bulk_action,
            is_test=is_test,
            created_after=created_after,
            created_before=created_before,
            period=period,
            page_size=page_size,
        )
        if project_ref is None and env is None:
            return self._paginate(
                list_runs_v1._get_kwargs, parse_run_page, cursor="pageafter", limit=limit, params=params
            )

        ref = self._state.require_project_ref(project_ref, "runs.list")
        if self._state.config.credentials.kind not in (
            KeyKind.PERSONAL,
            KeyKind.ORGANIZATION,
            KeyKind.UNKNOWN,
        ):
            raise ConfigurationError(
                "listing a project's runs (project_ref/env) needs a personal access token (tr_pat_...) "
                "or an organization token; with an environment key call runs.list() without them"
            )
        if env is None:
            # the server answers 500 without filter[env] (server-truth W2)
            raise InvalidInputError("runs.list(project_ref=...) needs env='dev' (or a list of environments)")
        slugs = [env] if isinstance(env, str) else list(env)
        if not slugs:
            raise InvalidInputError("env must name at least one environment")
        params["project_ref"] = ref
        # the server lists only the first of several environments (W2): ask for each in turn
        per_env = [{**params, "filterenv": check.env_slug(slug)} for slug in slugs]
        return self._paginate_each(
            list_project_runs_v1._get_kwargs, parse_run_page, cursor="pageafter", limit=limit, param_sets=per_env
        )

    def cancel(self, run_id: str) -> CancelRunResult:
        """POST /api/v2/runs/{runId}/cancel; `.id` is the run's id. Child runs it triggered are cancelled
        too, and cancelling a finished or cancelled run answers the same (O7)."""
        run_id = check.identifier(run_id, "run_id")
        return self._request(cancel_run_v1._get_kwargs, CancelRunResult.from_dict, run_id=run_id)

    def replay(self, run_id: str) -> ReplayRunResult:
        """POST /api/v1/runs/{runId}/replay: a new run with the same payload and options; `.id` is its id."""
        run_id = check.identifier(run_id, "run_id")
        return self._request(replay_run_v1._get_kwargs, ReplayRunResult.from_dict, run_id=run_id)

    def reschedule(self, run_id: str, *, delay: str | datetime | timedelta) -> Run:
        """POST /api/v1/runs/{runId}/reschedule: move a DELAYED run (422 for any other status)."""
        run_id = check.identifier(run_id, "run_id")
        body = RescheduleRunRequestBody(delay=to_delay(delay))
        return self._request(reschedule_run_v1._get_kwargs, parse_run, run_id=run_id, body=body)

    def add_tags(self, run_id: str, tags: str | Sequence[str]) -> AddRunTagsResult:
        """POST /api/v1/runs/{runId}/tags (a run holds at most 10 tags; more is a 422); `.message` says
        how many were new."""
        run_id = check.identifier(run_id, "run_id")
        body = AddRunTagsV1Body(tags=check.tags(tags))
        return self._request(add_run_tags_v1._get_kwargs, AddRunTagsResult.from_dict, run_id=run_id, body=body)

    def update_metadata(self, run_id: str, metadata: dict[str, Any]) -> dict[str, Any]:
        """PUT /api/v1/runs/{runId}/metadata: replace the run's metadata; returns what the server kept."""
        run_id = check.identifier(run_id, "run_id")
        value = check.json_object(metadata, "metadata", max_bytes=check.MAX_METADATA_BYTES)
        body = UpdateRunMetadataV1Body.from_dict({"metadata": value})
        return self._request(update_run_metadata_v1._get_kwargs, metadata_of, run_id=run_id, body=body)

    def retrieve_metadata(self, run_id: str) -> dict[str, Any]:
        """GET /api/v1/runs/{runId}/metadata."""
        run_id = check.identifier(run_id, "run_id")
        return self._request(get_run_metadata_v1._get_kwargs, metadata_of, run_id=run_id)

    def events(self, run_id: str) -> RunEvents:
        """GET /api/v1/runs/{runId}/events: the events recorded while it ran."""
        run_id = check.identifier(run_id, "run_id")
        return self._request(get_run_events_v1._get_kwargs, RunEvents.from_dict, run_id=run_id)

    def trace(self, run_id: str) -> RunTrace:
        """GET /api/v1/runs/{runId}/trace: the run's spans as a tree."""
        run_id = check.identifier(run_id, "run_id")
        return self._request(get_run_trace_v1._get_kwargs, RunTrace.from_dict, run_id=run_id)

    def span(self, run_id: str, span_id: str) -> RunSpanResponse:
        """GET /api/v1/runs/{runId}/spans/{spanId}."""
        run_id = check.identifier(run_id, "run_id")
        span_id = check.identifier(span_id, "span_id")
        return self._request(
            retrieve_run_span_v1._get_kwargs, RunSpanResponse.from_dict, run_id=run_id, span_id=span_id
        )

    def result(self, run_id: str) -> RunResult | None:
        """The run's output or error once it has finished, else None.

        Read from GET /api/v3/runs/{runId}: the server's /api/v1/runs/{runId}/result answers 404 for
        every finished v4 run (server-truth O15).
        """
        run = self.retrieve(run_id)
        return RunResult.from_run(run) if run.is_terminal else None

    def watch(
        self,
        run_id: str,
        *,
        poll_interval: float = 1.0,
        max_poll_interval: float = 10.0,
        timeout: float | None = None,
        realtime: bool = False,
    ) -> Iterator[Run]:
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

    def _watching(self, plan: WatchPlan) -> Iterator[Run]:
        clock = self._state.clock
        last_seen: tuple[str, Any] | None = None
        if plan.realtime:
            failure: Exception | None = None
            try:
                sub = ShapeSubscription.for_run(plan.run_id, rand=self._state.clock.random)
                for run in self._feed_runs(sub, plan.deadline, WATCH_FEED_FAILURES):
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
        payload: builtins.list[Any] = []  # the payload never changes: download a presigned one once
        while True:
            try:
                run = self._read_for_wait(plan.run_id, plan.deadline, payload)
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
            self._sleep(interval if left is None else min(interval, left))
            interval = min(plan.ceiling, max(interval * 1.5, 0.1))

    def _read_for_wait(self, run_id: str, deadline: float | None, payload: builtins.list[Any]) -> Run:
        """The run, read within `deadline`; a presigned payload is fetched only the first time."""
        try:
            run = self._request_within(deadline, retrieve_run_v1._get_kwargs, parse_run, run_id=run_id)
            fetched = {}
            if run.payload_presigned_url and run.data.get("payload") is None:
                if not payload:
                    payload.append(self._download(run.payload_presigned_url, deadline))
                fetched["payload"] = payload[0]
            if run.output_presigned_url and run.data.get("output") is None:
                fetched["output"] = self._download(run.output_presigned_url, deadline)
            if fetched:
                run = run.evolve(**fetched)
        except DeadlineExceededError as exc:
            raise RunWaitTimeoutError(run_id, 0.0, None) from exc
        return run

    def wait(
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
        for run in self._watching(self._watch_plan(run_id, poll_interval, max_poll_interval, timeout, realtime)):
            last = run
        if last is None:  # pragma: no cover - _watching yields or raises
            raise RunWaitTimeoutError(run_id, timeout, None)
        return last

    # --- realtime: run feeds ----------------------------------------------------------------------

    def subscribe(
        self,
        run_id: str,
        *,
        stop_on_completion: bool = True,
        timeout: float | None = None,
        skip_columns: Sequence[str] = (),
    ) -> Iterator[Run]:
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
    ) -> Iterator[Run]:
        """Follow every run that has any of `tags` (GET /realtime/v1/runs?tags=...), yielding a Run per change.

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

    def subscribe_to_batch(self, batch_id: str, *, timeout: float | None = None) -> Iterator[Run]:
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

    def _subscription(self, sub: ShapeSubscription, deadline: float | None, stop_on_completion: bool) -> Iterator[Run]:
        for run in self._feed_runs(sub, deadline):
            yield run
            if stop_on_completion and (run.is_terminal or run.data.get("finishedAt") is not None):
                return

    def _feed_runs(
        self, sub: ShapeSubscription, deadline: float | None, give_up_after: int | None = None
    ) -> Iterator[Run]:
        """The feed's rows as runs; a payload or output kept in storage is fetched once per version."""
        decoder = RunDecoder()
        stored: dict[tuple[str, str], tuple[str, Any]] = {}
        for _key, row in self._shape_rows(sub, deadline, give_up_after):
            snapshot = decoder.decode(row)
            for field in ("payload", "output"):
                packet = snapshot[field]
                if isinstance(packet, StoredPacket):
                    known = stored.get((packet.run_id, field))
                    if known is None or known[0] != packet.path:
                        known = (packet.path, self._stored_packet(packet, deadline))
                        stored[(packet.run_id, field)] = known
                    snapshot[field] = known[1]
            yield feed_run(snapshot)

    def _shape_rows(
        self, sub: ShapeSubscription, deadline: float | None, give_up_after: int | None = None
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """`(key, row)` for each row the subscription hands out, until `deadline` (then it just ends).

        Retryable failures are retried with the subscription's backoff; with `give_up_after` that
        many in a row raise the last one instead."""
        clock = self._state.clock
        pace = 0.0
        failures = 0
        while True:
            started = clock.monotonic()
            answer = self._shape_answer(sub, deadline)
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
                self._sleep(delay)

    def _shape_answer(
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
            response = self._send(request)
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

    def _stored_packet(self, packet: StoredPacket, deadline: float | None) -> Any:
        """A payload or output kept in object storage, as the SDK fetches it: a presigned URL from
        GET /api/v1/runs/{runId}/packets/{field} (GET /api/v1/packets/{path} on servers without that
        route), then the object from storage without the key, decoded by its content type."""
        by_run = f"/api/v1/runs/{quote(packet.run_id, safe='')}/packets/{packet.field}"
        try:
            url: str | None = self._presigned_read_url(by_run, deadline)
        except NotFoundError:
            url = None
        if url is None:
            url = self._presigned_read_url(f"/api/v1/packets/{quote(packet.path, safe='')}", deadline)
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
        response = self._send(request)
        content_type = response.headers.get("content-type", "").split(";")[0].strip() or "application/json"
        return decode_packet(response.text, content_type, packet.field)

    def _presigned_read_url(self, path: str, deadline: float | None) -> str:
        request = build_request(self._state, self._http, {"method": "GET", "url": path}, deadline=deadline)
        return parse_response(self._send(request), presigned_url_of)

    # --- realtime: streams ------------------------------------------------------------------------

    def stream(
        self,
        run_id: str,
        key: str = "default",
        *,
        timeout: float | None = None,
        idle_timeout: int | None = 60,
        last_event_id: str | None = None,
        start_index: int | None = None,
        from_latest: bool = False,
    ) -> Iterator[StreamChunk]:
        """Read what a task writes to its output stream `key` (GET /realtime/v1/streams/{runId}/{key}).

        Yields StreamChunk objects as they arrive (`chunk.data` is the value the task wrote), in
        either server format (v1 or v2). A dropped connection is resumed from the last event
        without losing or repeating a chunk. The iteration ends when the server ends the stream
        (after `idle_timeout` seconds, 1-600, with nothing new; None leaves it to the server) or
        when `timeout` (seconds, a hard end on our side) runs out.

        `last_event_id` continues an earlier read after that chunk's `event_id`; `start_index` N
        starts at chunk N (v2); `from_latest` skips what was written before (newer servers).
        """
        self._check_realtime_key("runs.stream")
        reader = StreamReader(
            run_id,
            key,
            timeout_seconds=idle_timeout,
            start_index=start_index,
            from_latest=from_latest,
            last_event_id=last_event_id,
            rand=self._state.clock.random,
        )
        return read_stream(self._http, reader, self._realtime_deadline(timeout), self._state.clock)

    def stream_keys(self, run_id: str, *, timeout: float = 60.0) -> builtins.list[str]:
        """The output streams a run has written to (read from its realtime row: the server has no listing)."""
        self._check_realtime_key("runs.stream_keys")
        sub = ShapeSubscription.for_run(run_id, skip_columns=("payload", "output"), rand=self._state.clock.random)
        deadline = self._realtime_deadline(timeout)
        while True:
            answer = self._shape_answer(sub, deadline)
            if answer is None:
                raise APITimeoutError(
                    f"GET {sub.path} gave no answer within {timeout} s",
                    method="GET",
                    url=str(self._state.config.base_url.join(sub.path)),
                    may_have_succeeded=False,
                )
            result = answer[0]
            if result.up_to_date:
                decoder = RunDecoder()
                return [key for _key, row in result.rows for key in stream_keys_of(decoder.decode(row))]
            if result.retry_in is not None:
                self._sleep(result.retry_in)

    def send_input(self, run_id: str, stream_id: str, data: Any) -> bool:
        """POST /realtime/v1/streams/{runId}/input/{streamId}: send `data` (plain JSON, at most 1 MiB)
        to a running task's input stream. Returns the server's `ok`; a finished run answers 400."""
        self._check_realtime_key("runs.send_input")
        spec = input_send_request(run_id, stream_id, data)
        # a repeat would deliver the input twice: sent again only when it certainly never arrived
        spec = {**spec, "extensions": {**spec.get("extensions", {}), REPEAT_EXTENSION: "not-deduped"}}
        request = build_request(self._state, self._http, spec)
        return parse_response(self._send(request), parse_input_send_response)
