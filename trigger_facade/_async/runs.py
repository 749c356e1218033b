"""client.runs: run operations, wait and watch, realtime subscriptions, output and input streams.

Retrieve, list, cancel, replay, reschedule, tags and metadata here; the Runs resource is composed
of the waiting and watching (run_waiting), the realtime run feeds (run_feeds) and the output and
input streams (run_streams); how answers are read is run_parsing, the list filters run_filters.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

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
from .._config import KeyKind
from ..durations import to_delay
from ..errors import ConfigurationError, InvalidInputError
from ..models import Run, RunResult
from ..queues_ref import QueueRef
from ..sansio.run_filters import list_filters
from ..sansio.run_parsing import metadata_of, parse_run, parse_run_page
from ..sansio.run_waiting import read_run
from .paginators import AsyncPaginator, paginate, paginate_each
from .run_streams import AsyncRunStreams
from .run_waiting import AsyncRunWaiting


class AsyncRuns(AsyncRunWaiting, AsyncRunStreams):
    async def retrieve(self, run_id: str, *, resolve_presigned: bool = True) -> Run:
        """GET /api/v3/runs/{runId}: the run with payload, output, error and related runs.

        Large payloads and outputs come as presigned storage URLs; they are fetched (without the
        API key) and decoded into `payload` / `output` unless `resolve_presigned=False`.
        """
        run_id = check.identifier(run_id, "run_id")
        if resolve_presigned:
            return await self._run(read_run(self._state, self._http, run_id, None, []))
        return await self._request(retrieve_run_v1._get_kwargs, parse_run, run_id=run_id)

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
    ) -> AsyncPaginator[Run]:
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
            return paginate(
                self._request, list_runs_v1._get_kwargs, parse_run_page, cursor="pageafter", limit=limit, params=params
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
        return paginate_each(
            self._request,
            list_project_runs_v1._get_kwargs,
            parse_run_page,
            cursor="pageafter",
            limit=limit,
            param_sets=per_env,
        )

    async def cancel(self, run_id: str) -> CancelRunResult:
        """POST /api/v2/runs/{runId}/cancel; `.id` is the run's id. Child runs it triggered are cancelled
        too, and cancelling a finished or cancelled run answers the same (O7)."""
        run_id = check.identifier(run_id, "run_id")
        return await self._request(cancel_run_v1._get_kwargs, CancelRunResult.from_dict, run_id=run_id)

    async def replay(self, run_id: str) -> ReplayRunResult:
        """POST /api/v1/runs/{runId}/replay: a new run with the same payload and options; `.id` is its id."""
        run_id = check.identifier(run_id, "run_id")
        return await self._request(replay_run_v1._get_kwargs, ReplayRunResult.from_dict, run_id=run_id)

    async def reschedule(self, run_id: str, *, delay: str | datetime | timedelta) -> Run:
        """POST /api/v1/runs/{runId}/reschedule: move a DELAYED run (422 for any other status)."""
        run_id = check.identifier(run_id, "run_id")
        body = RescheduleRunRequestBody(delay=to_delay(delay))
        return await self._request(reschedule_run_v1._get_kwargs, parse_run, run_id=run_id, body=body)

    async def add_tags(self, run_id: str, tags: str | Sequence[str]) -> AddRunTagsResult:
        """POST /api/v1/runs/{runId}/tags (a run holds at most 10 tags; more is a 422); `.message` says
        how many were new."""
        run_id = check.identifier(run_id, "run_id")
        body = AddRunTagsV1Body(tags=check.tags(tags))
        return await self._request(add_run_tags_v1._get_kwargs, AddRunTagsResult.from_dict, run_id=run_id, body=body)

    async def update_metadata(self, run_id: str, metadata: dict[str, Any]) -> dict[str, Any]:
        """PUT /api/v1/runs/{runId}/metadata: replace the run's metadata; returns what the server kept."""
        run_id = check.identifier(run_id, "run_id")
        value = check.json_object(metadata, "metadata", max_bytes=check.MAX_METADATA_BYTES)
        body = UpdateRunMetadataV1Body.from_dict({"metadata": value})
        return await self._request(update_run_metadata_v1._get_kwargs, metadata_of, run_id=run_id, body=body)

    async def retrieve_metadata(self, run_id: str) -> dict[str, Any]:
        """GET /api/v1/runs/{runId}/metadata."""
        run_id = check.identifier(run_id, "run_id")
        return await self._request(get_run_metadata_v1._get_kwargs, metadata_of, run_id=run_id)

    async def events(self, run_id: str) -> RunEvents:
        """GET /api/v1/runs/{runId}/events: the events recorded while it ran."""
        run_id = check.identifier(run_id, "run_id")
        return await self._request(get_run_events_v1._get_kwargs, RunEvents.from_dict, run_id=run_id)

    async def trace(self, run_id: str) -> RunTrace:
        """GET /api/v1/runs/{runId}/trace: the run's spans as a tree."""
        run_id = check.identifier(run_id, "run_id")
        return await self._request(get_run_trace_v1._get_kwargs, RunTrace.from_dict, run_id=run_id)

    async def span(self, run_id: str, span_id: str) -> RunSpanResponse:
        """GET /api/v1/runs/{runId}/spans/{spanId}."""
        run_id = check.identifier(run_id, "run_id")
        span_id = check.identifier(span_id, "span_id")
        return await self._request(
            retrieve_run_span_v1._get_kwargs, RunSpanResponse.from_dict, run_id=run_id, span_id=span_id
        )

    async def result(self, run_id: str) -> RunResult | None:
        """The run's output or error once it has finished, else None.

        Read from GET /api/v3/runs/{runId}: the server's /api/v1/runs/{runId}/result answers 404 for
        every finished v4 run (server-truth O15).
        """
        run = await self.retrieve(run_id)
        return RunResult.from_run(run) if run.is_terminal else None
