"""client.idempotency_keys: forget a key so the next trigger with it starts a new run."""

from __future__ import annotations

from collections.abc import Sequence

from trigger_api.api.tasks import reset_idempotency_key_v1
from trigger_api.models.reset_idempotency_key_request import ResetIdempotencyKeyRequest

from .. import _validate as check
from .. import idempotency_keys
from ..errors import NotFoundError
from ..sansio.idempotency import reset_candidates
from ._resource import AsyncResource


class AsyncIdempotencyKeys(AsyncResource):
    async def reset(
        self,
        task_id: str,
        key: str | Sequence[str],
        *,
        scope: idempotency_keys.Scope = "global",
        parent_run_id: str | None = None,
        attempt_number: int | None = None,
    ) -> bool:
        """POST /api/v1/idempotencyKeys/{key}/reset. False when no run of `task_id` holds the key.

        `key` is the raw key, hashed as it was when the run was triggered, or the 64-character hash
        itself. `scope` says how it was hashed: "global" (the default, and what trigger() from a
        backend does; the SDK's default "run" needs a run), "run" with `parent_run_id` (a key made
        inside that run), or "attempt" with `parent_run_id` and `attempt_number`. A 64-character key
        is tried as given first and, like the SDK, hashed in its scope when the server does not know it.
        """
        task_id = check.identifier(task_id, "task_id")
        candidates = reset_candidates(key, scope=scope, parent_run_id=parent_run_id, attempt_number=attempt_number)
        body = ResetIdempotencyKeyRequest(task_identifier=task_id)
        for hashed in candidates:
            try:
                await self._call(reset_idempotency_key_v1._get_kwargs, key=hashed, body=body)
            except NotFoundError:
                continue
            return True
        return False
