"""client.idempotency_keys: forget a key so the next trigger with it starts a new run."""

from __future__ import annotations

from collections.abc import Sequence

from trigger_api.api.tasks import reset_idempotency_key_v1
from trigger_api.models.reset_idempotency_key_request import ResetIdempotencyKeyRequest

from .. import _validate as check
from .. import idempotency_keys
from .._base import SyncResource
from ..errors import NotFoundError


class IdempotencyKeys(SyncResource):
    def reset(self, task_id: str, key: str | Sequence[str]) -> bool:
        """POST /api/v1/idempotencyKeys/{key}/reset. `key` is the raw key (hashed as trigger() hashed it)
        or the 64-character hash itself. False when no run of `task_id` holds the key."""
        task_id = check.identifier(task_id, "task_id")
        hashed, _ = idempotency_keys.normalize(key, argument="key")
        body = ResetIdempotencyKeyRequest(task_identifier=task_id)
        try:
            self._call(reset_idempotency_key_v1._get_kwargs, key=hashed, body=body)
        except NotFoundError:
            return False
        return True
