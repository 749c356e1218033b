"""client.runs: retrieve, list, cancel, replay, reschedule, tags, metadata, wait and watch."""

from __future__ import annotations

import builtins
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any
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
from trigger_api.models.add_run_tags_v1_body import AddRunTagsV1Body
from trigger_api.models.get_run_events_v1_response_200 import GetRunEventsV1Response200
from trigger_api.models.get_run_trace_v1_response_200 import GetRunTraceV1Response200
from trigger_api.models.list_run_item import ListRunItem
from trigger_api.models.reschedule_run_request_body import RescheduleRunRequestBody
from trigger_api.models.retrieve_run_response import RetrieveRunResponse
from trigger_api.models.run_span_response import RunSpanResponse
from trigger_api.models.update_run_metadata_v1_body import UpdateRunMetadataV1Body

from .. import _validate as check
from .._base import build_request, parse_response
from .._config import KeyKind
from .._pagination import SyncPaginator, cursor_page
from .._transport import POLICY_EXTENSION, finite_seconds
from ..durations import to_delay
from ..errors import APIError, APITimeoutError, ConfigurationError, InvalidInputError, RunWaitTimeoutError
from ..models import Run, RunResult
from ..queues_ref import QueueRef, queue_filter_value
from ._payloads import PayloadResource

DEFAULT_WAIT_TIMEOUT = 600.0
log = logging.getLogger("trigger_facade")


def _validated(model_cls: Any, data: Any) -> Any:
    """The generated model of `data`, or None when only the status is one this version does not know."""
    if not isinstance(data, dict):
        raise TypeError(f"expected a JSON object, got {type(data).__name__}")
    status = data.get("status")
    if isinstance(status, str) and status not in check.RUN_STATUSES:
        model_cls.from_dict({**data, "status": "QUEUED"})  # everything else must still fit the spec
        return None
    return model_cls.from_dict(data)


ELECTRIC_VERSION = "1.0.0-beta.1"
# a live long poll is held ~20 s; one answering faster than this without news is paced
REALTIME_MIN_INTERVAL = 0.25
# a wait's last request may end a moment before its deadline (the attempt deadline rounds down)
DEADLINE_SLACK = 0.05
# the server holds a live request for about 20 s (+-15 %) before answering "up-to-date"
REALTIME_READ_TIMEOUT = 30.0


def realtime_messages(data: Any) -> list[dict[str, Any]]:
    if not isinstance(data, list) or not all(isinstance(m, dict) for m in data):
        raise TypeError("expected a JSON array of Electric messages")
    return data


class RealtimeFeed:
    """Where a client is in an Electric shape stream: the offset, handle and cursor to send next."""

    def __init__(self) -> None:
        self.offset = "-1"
        self.handle: str | None = None
        self.cursor: str | None = None

    def params(self) -> dict[str, str]:
        params = {"offset": self.offset}
        if self.handle is not None:
            params.update({"handle": self.handle, "live": "true"})
            if self.cursor is not None:
                params["cursor"] = self.cursor
        return params

    def advance(self, headers: httpx.Headers, messages: list[dict[str, Any]]) -> bool:
        """Take the next position from an answer; True when it reported a change to the row."""
        if any(m.get("headers", {}).get("control") == "must-refetch" for m in messages):
            self.offset, self.handle, self.cursor = "-1", None, None
            return True
        self.offset = headers.get("electric-offset") or headers.get("electric-chunk-last-offset") or self.offset
        self.handle = headers.get("electric-handle") or headers.get("electric-shape-id") or self.handle
        self.cursor = headers.get("electric-cursor") or self.cursor
        return any("key" in m for m in messages)


def parse_run(data: Any) -> Run:
    return Run(data, _validated(RetrieveRunResponse, data))


def _list_item(data: Any) -> Run:
    return Run(data, _validated(ListRunItem, data))


parse_run_page = cursor_page(_list_item)


def _id_of(data: Any) -> str:
    return str(data["id"])


def _ignore(data: Any) -> None:
    return None


def _metadata_of(data: Any) -> dict[str, Any]:
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


class Runs(PayloadResource):
    def retrieve(self, run_id: str, *, resolve_presigned: bool = True) -> Run:
        """GET /api/v3/runs/{runId}: the run with payload, output, error and related runs.

        Large payloads and outputs come as presigned storage URLs; they are fetched (without the
        API key) and decoded into `payload` / `output` unless `resolve_presigned=False`.
        """
        run_id = check.identifier(run_id, "run_id")
        run = self._request(retrieve_run_v1._get_kwargs, parse_run, run_id=run_id)
        if resolve_presigned:
            for field, url in (("payload", run.payload_presigned_url), ("output", run.output_presigned_url)):
                if url and run.data.get(field) is None:
                    run.data[field] = self._download(url)
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

    def cancel(self, run_id: str) -> str:
        """POST /api/v2/runs/{runId}/cancel. Returns the run id. Child runs it triggered are cancelled too."""
        run_id = check.identifier(run_id, "run_id")
        return self._request(cancel_run_v1._get_kwargs, _id_of, run_id=run_id)

    def replay(self, run_id: str) -> str:
        """POST /api/v1/runs/{runId}/replay: a new run with the same payload and options. Returns its id."""
        run_id = check.identifier(run_id, "run_id")
        return self._request(replay_run_v1._get_kwargs, _id_of, run_id=run_id)

    def reschedule(self, run_id: str, *, delay: str | datetime | timedelta) -> Run:
        """POST /api/v1/runs/{runId}/reschedule: move a DELAYED run (422 for any other status)."""
        run_id = check.identifier(run_id, "run_id")
        body = RescheduleRunRequestBody(delay=to_delay(delay))
        return self._request(reschedule_run_v1._get_kwargs, parse_run, run_id=run_id, body=body)

    def add_tags(self, run_id: str, tags: str | Sequence[str]) -> None:
        """POST /api/v1/runs/{runId}/tags (a run holds at most 10 tags; more is a 422)."""
        run_id = check.identifier(run_id, "run_id")
        body = AddRunTagsV1Body(tags=check.tags(tags))
        self._request(add_run_tags_v1._get_kwargs, _ignore, run_id=run_id, body=body)

    def update_metadata(self, run_id: str, metadata: dict[str, Any]) -> dict[str, Any]:
        """PUT /api/v1/runs/{runId}/metadata: replace the run's metadata; returns what the server kept."""
        run_id = check.identifier(run_id, "run_id")
        value = check.json_object(metadata, "metadata", max_bytes=check.MAX_METADATA_BYTES)
        body = UpdateRunMetadataV1Body.from_dict({"metadata": value})
        return self._request(update_run_metadata_v1._get_kwargs, _metadata_of, run_id=run_id, body=body)

    def retrieve_metadata(self, run_id: str) -> dict[str, Any]:
        """GET /api/v1/runs/{runId}/metadata."""
        run_id = check.identifier(run_id, "run_id")
        return self._request(get_run_metadata_v1._get_kwargs, _metadata_of, run_id=run_id)

    def events(self, run_id: str) -> GetRunEventsV1Response200:
        """GET /api/v1/runs/{runId}/events: the events recorded while it ran."""
        run_id = check.identifier(run_id, "run_id")
        return self._request(get_run_events_v1._get_kwargs, GetRunEventsV1Response200.from_dict, run_id=run_id)

    def trace(self, run_id: str) -> GetRunTraceV1Response200:
        """GET /api/v1/runs/{runId}/trace: the run's spans as a tree."""
        run_id = check.identifier(run_id, "run_id")
        return self._request(get_run_trace_v1._get_kwargs, GetRunTraceV1Response200.from_dict, run_id=run_id)

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
        raises RunWaitTimeoutError when the run is still going after that long.

        With `realtime=True` it waits for changes on the realtime long-poll feed
        (/realtime/v1/runs/{runId}, the Electric protocol) instead of sleeping, and reads the run again
        when one arrives; if the feed fails (not offered, too many connections) it polls instead.
        """
        run_id = check.identifier(run_id, "run_id")
        interval = finite_seconds(poll_interval, "poll_interval", allow_zero=True)
        ceiling = max(interval, finite_seconds(max_poll_interval, "max_poll_interval", allow_zero=True))
        clock = self._state.clock
        limit = None if timeout is None else finite_seconds(timeout, "timeout", allow_zero=True)
        deadline = None if limit is None else clock.monotonic() + limit
        feed: RealtimeFeed | None = RealtimeFeed() if realtime else None
        last_seen: tuple[str, Any] | None = None
        payload: builtins.list[Any] = []  # the payload never changes: download a presigned one once
        pace = REALTIME_MIN_INTERVAL
        while True:
            try:
                run = self._read_for_wait(run_id, deadline, payload)
            except RunWaitTimeoutError as exc:
                raise RunWaitTimeoutError(run_id, float(limit or 0.0), last_seen[0] if last_seen else None) from exc
            fingerprint = (run.status, run.data.get("updatedAt"))
            if fingerprint != last_seen:
                last_seen = fingerprint
                yield run
            if run.is_terminal:
                return
            left = None if deadline is None else deadline - clock.monotonic()
            if left is not None and left <= 0:
                raise RunWaitTimeoutError(run_id, float(limit or 0.0), run.status)
            if feed is not None:
                started = clock.monotonic()
                try:
                    changed = self._next_change(run_id, feed, left, deadline)
                except APIError as exc:
                    if deadline is not None and deadline - clock.monotonic() <= 0:
                        continue  # the long poll ran into the deadline; the check above raises
                    log.info("realtime feed for %s unavailable (%s); polling instead", run_id, exc)
                    feed = None
                else:
                    # a feed that answers at once without news would spin: pace it, backing off
                    if not changed and clock.monotonic() - started < REALTIME_MIN_INTERVAL:
                        pace = min(ceiling or REALTIME_MIN_INTERVAL, pace * 2)
                        self._sleep(pace if left is None else max(0.0, min(pace, left)))
                    else:
                        pace = REALTIME_MIN_INTERVAL
                    continue
            self._sleep(interval if left is None else min(interval, left))
            interval = min(ceiling, max(interval * 1.5, 0.1))

    def _read_for_wait(self, run_id: str, deadline: float | None, payload: builtins.list[Any]) -> Run:
        """The run, read within `deadline`; a presigned payload is fetched only the first time."""
        try:
            run = self._request_within(deadline, retrieve_run_v1._get_kwargs, parse_run, run_id=run_id)
            if run.payload_presigned_url and run.data.get("payload") is None:
                if not payload:
                    payload.append(self._download(run.payload_presigned_url, deadline))
                run.data["payload"] = payload[0]
            if run.output_presigned_url and run.data.get("output") is None:
                run.data["output"] = self._download(run.output_presigned_url, deadline)
        except APITimeoutError as exc:
            if deadline is not None and self._state.clock.monotonic() >= deadline - DEADLINE_SLACK:
                raise RunWaitTimeoutError(run_id, 0.0, None) from exc
            raise
        return run

    def _next_change(self, run_id: str, feed: RealtimeFeed, left: float | None, deadline: float | None) -> bool:
        """One long poll of the realtime feed: True when it reported a change to the run.

        A live request is held by the server until the run changes or about 20 s pass.
        """
        read = REALTIME_READ_TIMEOUT if left is None else max(0.05, min(left, REALTIME_READ_TIMEOUT))
        request = build_request(
            self._state,
            self._http,
            {
                "method": "GET",
                "url": f"/realtime/v1/runs/{quote(run_id, safe='')}",
                "params": feed.params(),
                "headers": {"x-trigger-electric-version": ELECTRIC_VERSION},
                "timeout": httpx.Timeout(read, connect=self._state.config.timeout.connect),
                # no retries here: a failed long poll falls back to polling, which has them
                "extensions": {POLICY_EXTENSION: attrs.evolve(self._state.retry_policy, max_retries=0)},
            },
            deadline=deadline,
        )
        response = self._send(request)
        return feed.advance(response.headers, parse_response(response, realtime_messages))

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

        Polls with backoff, or follows the realtime feed with `realtime=True` (see watch()).
        """
        last: Run | None = None
        for run in self.watch(
            run_id,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            timeout=timeout,
            realtime=realtime,
        ):
            last = run
        if last is None:  # pragma: no cover - watch always yields at least once
            raise RunWaitTimeoutError(run_id, timeout, None)
        return last
