"""client.tasks: trigger one run, or many runs of one task."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import timedelta
from typing import Any, Unpack

from trigger_api.api.tasks import trigger_task_v1
from trigger_api.models.trigger_task_request_body import TriggerTaskRequestBody

from .. import _validate as check
from .. import idempotency_keys
from .._base import parse_response
from .._options import OPTION_NAMES, TriggerOptions, build_options
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
    def trigger(self, task_id: str, payload: Any = None, **options: Unpack[TriggerOptions]) -> RunHandle:
        """POST /api/v1/tasks/{taskIdentifier}/trigger: start one run of `task_id` with `payload` (any JSON).

        Options (all keywords, see TriggerOptions):
        - delay: a duration ("1h30m"), an aware datetime or a timedelta; checked here, since the server
          silently ignores one it cannot read.
        - ttl: a duration, whole seconds or a timedelta; an unstarted run expires after it (0 = never).
        - idempotency_key: a string or list of strings, hashed as the official SDK does; a 64-character
          string is sent as it is. A repeat returns the same run with `is_cached=True`. Without one,
          the call sends an automatic key ("trigger-facade-auto-<uuid>", kept 1 h), so a retry after
          a lost answer returns the run already made instead of making a second one.
        - idempotency_key_ttl: one "<n><s|m|h|d>" (server default: 30 days).
        - tags (at most 10), metadata (a dict), queue (a queue name), concurrency_key, machine
          (micro ... large-2x), max_attempts, max_duration (seconds, >= 5), priority (seconds of head
          start), region, debounce ({"key", "delay", "mode", "max_delay"}), test.
        - version: pin the run to a deployed version (sent as lockToVersion).
        Payloads of 128 KiB or more are uploaded first and sent by reference.
        """
        task_id = check.identifier(task_id, "task_id")
        unknown = options.keys() - set(OPTION_NAMES)
        if unknown:
            raise TypeError(f"trigger() got unexpected options {sorted(unknown)}; accepted: {', '.join(OPTION_NAMES)}")
        options_json = build_options(**options)
        if "idempotencyKey" not in options_json:
            options_json.update(idempotency_keys.automatic_options())
        body_payload, extra = self._prepare_payload(payload)
        body = TriggerTaskRequestBody.from_dict({"payload": body_payload, "options": {**options_json, **extra}})
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
