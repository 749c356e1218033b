"""client.tasks: trigger one run, or many runs of one task; the handle that follows a run."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import timedelta
from typing import Any, Unpack

from trigger_api.api.runs import cancel_run_v1, retrieve_run_v1
from trigger_api.api.tasks import trigger_task_v1
from trigger_api.models.cancel_run_result import CancelRunResult
from trigger_api.models.trigger_task_request_body import TriggerTaskRequestBody

from .. import _validate as check
from .. import idempotency_keys
from .._base import parse_response
from .._options import OPTION_NAMES, TriggerOptions, build_options, in_sdk_order, trace_headers, with_defaults
from ..models import Run, run_outcome
from ..sansio.batching import trigger_batches
from ..sansio.payloads import answer_token, exact_request, prepare_payload
from ..sansio.polling import poll_plan
from ..sansio.run_parsing import parse_run
from ..sansio.run_waiting import read_run, wait_for_run
from ..sansio.tasks import DEFAULT_RESULT_TIMEOUT, run_id_of
from ..superjson import UNDEFINED
from ._batching import AsyncBatchHandle
from ._resource import AsyncResource


class AsyncRunHandle(AsyncResource):
    """What triggering returns: the run's id, what the trigger answer said, and calls that follow the run.

    `result()` waits and returns the run's output, or raises RunFailedError (RunCancelledError,
    RunExpiredError) with the run's error. `is_cached` is True when an idempotency key matched an
    existing run; that run may have finished long ago (even failed or been cancelled), so a cached
    handle carries the run's `status` as read right after the trigger. `public_access_token` reads
    only this run (for a frontend's useRealtimeRun); it is never shown in repr.
    """

    def __init__(
        self,
        state: Any,
        http: Any,
        *,
        id: str,
        task_identifier: str,
        is_cached: bool = False,
        public_access_token: str | None = None,
        status: str | None = None,
    ) -> None:
        super().__init__(state, http)
        self.id = id
        self.task_identifier = task_identifier
        self.is_cached = is_cached
        self.public_access_token = public_access_token
        self.status = status

    def __repr__(self) -> str:
        status = "" if self.status is None else f", status={self.status!r}"
        fields = f"id={self.id!r}, task={self.task_identifier!r}, is_cached={self.is_cached}{status}"
        return f"{type(self).__name__}({fields})"

    async def retrieve(self) -> Run:
        """GET /api/v3/runs/{id}, with a presigned payload or output fetched and decoded."""
        return await self._run(read_run(self._state, self._http, self.id, None, []))

    async def cancel(self) -> CancelRunResult:
        """POST /api/v2/runs/{id}/cancel (child runs are cancelled too; cancelling twice is fine)."""
        return await self._request(cancel_run_v1._get_kwargs, CancelRunResult.from_dict, run_id=self.id)

    async def wait(
        self, *, timeout: float = DEFAULT_RESULT_TIMEOUT, poll_interval: float = 1.0, max_poll_interval: float = 10.0
    ) -> Run:
        """Poll until the run is terminal (EXPIRED and TIMED_OUT too) and return it.

        Raises RunWaitTimeoutError after `timeout` seconds; the run itself goes on. Every attempt and
        retry wait ends by then.
        """
        plan = poll_plan(self._state.clock, timeout, poll_interval, max_poll_interval)
        run = await self._run(wait_for_run(self._state, self._http, self.id, plan))
        self.status = run.status
        return run

    async def result(
        self, *, timeout: float = DEFAULT_RESULT_TIMEOUT, poll_interval: float = 1.0, max_poll_interval: float = 10.0
    ) -> Any:
        """Wait for the run and return its output (a presigned one fetched and decoded).

        Raises RunFailedError carrying the run's `error` and `status` when it failed or crashed,
        RunCancelledError when it was cancelled, RunExpiredError when it expired before starting or
        ran past its maxDuration, and RunWaitTimeoutError when `timeout` seconds pass first.
        """
        run = await self.wait(timeout=timeout, poll_interval=poll_interval, max_poll_interval=max_poll_interval)
        return run_outcome(run)


class AsyncTasks(AsyncResource):
    async def trigger(
        self, task_id: str, payload: Any = UNDEFINED, **options: Unpack[TriggerOptions]
    ) -> AsyncRunHandle:
        """POST /api/v1/tasks/{taskIdentifier}/trigger: start one run of `task_id` with `payload`.

        The payload goes as the official SDK sends it: superjson (a datetime arrives as a Date, an int
        past 2**53 as a BigInt, a set as a Set, bytes as a Buffer), a str as text/plain, and no
        payload at all when none is given (None is sent as null). 128 KiB or more is uploaded first.

        Options (all keywords, see TriggerOptions):
        - delay: a duration ("1h30m"), an aware datetime or a timedelta; checked here, since the server
          silently ignores one it cannot read.
        - ttl: a duration, whole seconds or a timedelta; an unstarted run expires after it (0 = never).
        - idempotency_key: a string or list of strings, hashed as the official SDK does; a 64-character
          string is sent as it is. A repeat returns the same run with `is_cached=True` (and its
          status: the server hands back finished runs too). Without one, the call sends an automatic
          key ("trigger-facade-auto-<uuid>", kept 1 h), so a retry after a lost answer returns the
          run already made instead of making a second one.
        - idempotency_key_ttl: one "<n><s|m|h|d>" (server default: 30 days).
        - tags (at most 10), metadata (a dict), queue (a queue name), concurrency_key, machine
          (micro ... large-2x), max_attempts, max_duration (seconds, >= 5), priority (seconds of head
          start), region, debounce ({"key", "delay", "mode", "max_delay"}), test.
        - version: pin the run to a deployed version (sent as lockToVersion; default: the client's
          `version`, TRIGGER_VERSION); external_deployment_id likewise.
        With OpenTelemetry installed, the current span's `traceparent` goes along so the run links to it.
        """
        task_id = check.identifier(task_id, "task_id")
        unknown = options.keys() - set(OPTION_NAMES)
        if unknown:
            raise TypeError(f"trigger() got unexpected options {sorted(unknown)}; accepted: {', '.join(OPTION_NAMES)}")
        config = self._state.config
        options_json = with_defaults(
            build_options(**options), version=config.version, external_deployment_id=config.external_deployment_id
        )
        if "idempotencyKey" not in options_json:
            options_json.update(idempotency_keys.automatic_options())
        payload_part, payload_options = await self._run(prepare_payload(self._state, self._http, payload))
        body = {**payload_part, "options": in_sdk_order({**options_json, **payload_options})}
        request = exact_request(
            self._state,
            self._http,
            trigger_task_v1._get_kwargs,
            body,
            headers=trace_headers(),
            task_identifier=task_id,
            body=TriggerTaskRequestBody.from_dict(body),  # the spec's shape, checked before sending
        )
        response = await self._send(request)
        data = parse_response(response, lambda answer: (run_id_of(answer), bool(answer.get("isCached", False))))
        run_id, is_cached = data
        status = None
        if is_cached:
            # the server answers a reused key with the run it already has, finished or not (dead runs too)
            status = (await self._request(retrieve_run_v1._get_kwargs, parse_run, run_id=run_id)).status
        return AsyncRunHandle(
            self._state,
            self._http,
            id=run_id,
            task_identifier=task_id,
            is_cached=is_cached,
            public_access_token=answer_token(self._state, response, "run", run_id),
            status=status,
        )

    async def batch_trigger(
        self,
        task_id: str,
        items: Iterable[Mapping[str, Any]],
        *,
        idempotency_key: str | Sequence[str] | None = None,
        idempotency_key_ttl: str | timedelta | None = None,
    ) -> AsyncBatchHandle:
        """Trigger `task_id` once per item: {"payload": ..., "options": {same names as trigger()}}.

        Uses the two-phase streaming batch API; more than 1,000 items become several batches
        (see BatchHandle.ids). With an idempotency_key, an item without its own key gets the one the
        official SDK derives from the batch key and the item's position. An item without "payload"
        sends none (like trigger() without one).
        """
        task_id = check.identifier(task_id, "task_id")
        parts = await self._run(
            trigger_batches(
                self._state,
                self._http,
                items,
                default_task=task_id,
                idempotency_key=idempotency_key,
                idempotency_key_ttl=idempotency_key_ttl,
            )
        )
        return AsyncBatchHandle(self._state, self._http, parts)
