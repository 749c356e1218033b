"""Idempotency keys, hashed exactly as the official SDK hashes them outside a task.

create("order-1") and create(["user-1", "order-2"]) give the SHA-256 of the parts joined with "-".
Outside a running task every scope (run, attempt, global) gives the same key, so a backend can
compute the key a TypeScript service would send for the same input.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Literal

from .errors import InvalidInputError

__all__ = ["Scope", "create", "key_material", "normalize"]

Scope = Literal["run", "attempt", "global"]
_HASH_LENGTH = 64
MAX_KEY_LENGTH = 2048


def key_material(key: str | Sequence[str], *, argument: str = "idempotency_key") -> str:
    """The string that gets hashed: the parts joined with "-" (so ["a", "b"] and "a-b" collide)."""
    if isinstance(key, str):
        return key
    if isinstance(key, Sequence) and all(isinstance(part, str) for part in key) and len(key) > 0:
        return "-".join(key)
    raise InvalidInputError(f"{argument} must be a string or a non-empty list of strings, got {key!r}")


def create(key: str | Sequence[str], *, scope: Scope = "run") -> str:
    """The 64-character hex key the SDK would make for `key` outside a task (any scope)."""
    if scope not in ("run", "attempt", "global"):
        raise InvalidInputError(f"scope={scope!r} must be 'run', 'attempt' or 'global'")
    return hashlib.sha256(key_material(key, argument="key").encode("utf-8")).hexdigest()


def normalize(key: str | Sequence[str], *, argument: str = "idempotency_key") -> tuple[str, str | None]:
    """(the key to send, the original material or None).

    A string of exactly 64 characters is taken as an already-hashed key and sent unchanged, as the
    SDK does; anything else is hashed and its material is returned for `idempotencyKeyOptions`.
    """
    if isinstance(key, str) and len(key) == _HASH_LENGTH:
        return key, None
    material = key_material(key, argument=argument)
    if not material:
        raise InvalidInputError(f"{argument} must not be empty")
    return hashlib.sha256(material.encode("utf-8")).hexdigest(), material


def for_batch_item(batch_material: str, index: int) -> str:
    """The key an item without its own key inherits from the batch key: sha256("<material>-<index>")."""
    return hashlib.sha256(f"{batch_material}-{index}".encode()).hexdigest()


# The server dedupes a repeated trigger only by the user-level idempotency key (server-truth O4, O6):
# a trigger sent without one gets this, so a retry after a lost answer finds the run it already made.
AUTOMATIC_PREFIX = "trigger-facade-auto-"
AUTOMATIC_TTL = "1h"  # outlives every retry of one call; the key is never reused after it


def automatic() -> tuple[str, str]:
    """(hashed key, material) of a fresh automatic key; the material shows as the run's idempotency key."""
    import uuid  # only calls without a key of their own need it

    material = f"{AUTOMATIC_PREFIX}{uuid.uuid4()}"
    return hashlib.sha256(material.encode("utf-8")).hexdigest(), material


def automatic_options() -> dict[str, object]:
    """The trigger options carrying a fresh automatic key (the official SDK's option names)."""
    key, material = automatic()
    return {
        "idempotencyKey": key,
        "idempotencyKeyTTL": AUTOMATIC_TTL,
        "idempotencyKeyOptions": {"key": material, "scope": "global"},
    }
