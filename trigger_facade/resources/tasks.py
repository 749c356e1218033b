"""client.tasks: trigger one run, or many runs of one task."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from trigger_api.api.tasks import trigger_task_v1
from trigger_api.models.trigger_task_request_body import TriggerTaskRequestBody

from .. import _validate as check
from .._base import parse_response
from .._options import build_options
from ..models import BatchHandle, RunHandle
from ._batching import BatchingResource


def _handle(task_id: str, token: str | None) -> Callable[[Any], RunHandle]:
    def parse(data: Any) -> RunHandle:
        return RunHandle(
            id=str(data["id"]),
            task_identifier=task_id,
            is_cached=bool(data.get("isCached", False)),
            public_access_token=token,
        )

    return parse


class Tasks(BatchingResource):
    def trigger(
        self,
        task_id: str,
        payload: Any = None,
        *,
        delay: str | datetime | timedelta | None = None,
        ttl: str | int | timedelta | None = None,
        idempotency_key: str | Sequence[str] | None = None,
        idempotency_key_ttl: str | timedelta | None = None,
        tags: str | Sequence[str] | None = None,
        metadata: Mapping[str, Any] | None = None,
        queue: str | None = None,
        concurrency_key: str | int | None = None,
        machine: str | None = None,
        max_attempts: int | None = None,
        max_duration: int | None = None,
        priority: int | float | None = None,
        region: str | None = None,
        debounce: Mapping[str, Any] | None = None,
        version: str | None = None,
        test: bool | None = None,
    ) -> RunHandle:
        """POST /api/v1/tasks/{taskIdentifier}/trigger: start one run of `task_id` with `payload` (any JSON).

        - delay: a duration ("1h30m"), an aware datetime or a timedelta; checked here, since the server
          silently ignores one it cannot read.
        - ttl: a duration, whole seconds or a timedelta; an unstarted run expires after it (0 = never).
        - idempotency_key: a string or list of strings, hashed as the official SDK does; a 64-character
          string is sent as it is. A repeat returns the same run with `is_cached=True`.
        - idempotency_key_ttl: one "<n><s|m|h|d>" (server default: 30 days).
        - version: pin the run to a deployed version (sent as lockToVersion).
        Payloads of 128 KiB or more are uploaded first and sent by reference.
        """
        task_id = check.identifier(task_id, "task_id")
        options = build_options(
            delay=delay,
            ttl=ttl,
            idempotency_key=idempotency_key,
            idempotency_key_ttl=idempotency_key_ttl,
            tags=tags,
            metadata=metadata,
            queue=queue,
            concurrency_key=concurrency_key,
            machine=machine,
            max_attempts=max_attempts,
            max_duration=max_duration,
            priority=priority,
            region=region,
            debounce=debounce,
            version=version,
            test=test,
        )
        body_payload, extra = self._prepare_payload(payload)
        body = TriggerTaskRequestBody.from_dict({"payload": body_payload, "options": {**options, **extra}})
        response = self._call(trigger_task_v1._get_kwargs, task_identifier=task_id, body=body)
        return parse_response(response, _handle(task_id, response.headers.get("x-trigger-jwt")))

    def batch_trigger(
        self,
        task_id: str,
        items: Iterable[Mapping[str, Any]],
        *,
        idempotency_key: str | Sequence[str] | None = None,
        idempotency_key_ttl: str | timedelta | None = None,
    ) -> BatchHandle:
        """Trigger `task_id` once per item: {"payload": ..., "options": {same names as trigger()}}.

        Uses the two-phase streaming batch API; more than 1,000 items become several batches
        (see BatchHandle.ids). With an idempotency_key, an item without its own key gets the one the
        official SDK derives from the batch key and the item's position.
        """
        task_id = check.identifier(task_id, "task_id")
        return self._trigger_batches(
            items,
            default_task=task_id,
            idempotency_key=idempotency_key,
            idempotency_key_ttl=idempotency_key_ttl,
        )
