"""client.idempotency_keys.

The parts without I/O, shared by the async resource classes and their sync rewrite.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from .. import idempotency_keys
from ..errors import InvalidInputError

_HASH_LENGTH = 64


def scoped_key(
    key: str | Sequence[str],
    *,
    scope: idempotency_keys.Scope,
    parent_run_id: str | None = None,
    attempt_number: int | None = None,
) -> str:
    """The key the SDK makes for `key` in `scope`: "run" appends the run id and "attempt" the run id and
    attempt number before hashing; "global" appends nothing (as every scope does outside a task)."""
    material = idempotency_keys.key_material(key, argument="key")
    if not material:
        raise InvalidInputError("key must not be empty")
    if scope == "global":
        return hashlib.sha256(material.encode("utf-8")).hexdigest()
    if scope not in ("run", "attempt"):
        raise InvalidInputError(f"scope={scope!r} must be 'run', 'attempt' or 'global'")
    if not isinstance(parent_run_id, str) or not parent_run_id:
        raise InvalidInputError(
            f"scope={scope!r} needs parent_run_id (the run the key was made in); a key made by trigger() "
            "outside a task is reset with scope='global'"
        )
    parts = [material, parent_run_id]
    if scope == "attempt":
        if isinstance(attempt_number, bool) or not isinstance(attempt_number, int) or attempt_number < 1:
            raise InvalidInputError("scope='attempt' needs attempt_number, a whole number >= 1")
        parts.append(str(attempt_number))
    return hashlib.sha256("-".join(parts).encode("utf-8")).hexdigest()


def reset_candidates(
    key: str | Sequence[str],
    *,
    scope: idempotency_keys.Scope = "global",
    parent_run_id: str | None = None,
    attempt_number: int | None = None,
) -> list[str]:
    """The hashes reset tries, in order: a 64-character key as given first (it may be a hash already),
    then the key hashed in its scope, as the official SDK does."""
    hashed = scoped_key(key, scope=scope, parent_run_id=parent_run_id, attempt_number=attempt_number)
    if isinstance(key, str) and len(key) == _HASH_LENGTH and key != hashed:
        return [key, hashed]
    return [hashed]
