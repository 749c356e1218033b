"""Tokens as the SDK makes them: public, trigger and batch-trigger tokens, and its fallbacks when
a trigger answer carries claims (x-trigger-jwt-claims) but no token (x-trigger-jwt)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from ..errors import InvalidInputError, PublicTokenError
from ._expiry import Expiration, now_seconds, resolve_expiration
from ._jwt import JWT_AUDIENCE, JWT_ISSUER, sign_claims
from ._scopes import Scopes, flatten_scopes, scope_id, task_scopes


def _base_claims(claims: Mapping[str, Any] | None, sub: str | None) -> dict[str, Any]:
    if (claims is None) == (sub is None):
        raise InvalidInputError(
            "pass exactly one of claims (the answer of POST /api/v1/auth/jwt/claims) or sub (the environment id)"
        )
    base = dict(claims) if claims is not None else {"sub": sub, "pub": True}
    if not isinstance(base.get("sub"), str) or not base["sub"]:
        raise InvalidInputError(f"the claims need 'sub', the environment id, as a non-empty string; got {base!r}")
    return base


def realtime_claim(skip_columns: Sequence[str] | None) -> dict[str, Any] | None:
    if skip_columns is None:
        return None
    if isinstance(skip_columns, str) or not all(isinstance(c, str) and c for c in skip_columns):
        raise InvalidInputError(f"skip_columns must be a list of column names, got {skip_columns!r}")
    return {"skipColumns": list(skip_columns)}


def _sign(payload: dict[str, Any], signing_key: str, expiration: Expiration | None, now: datetime | None) -> str:
    issued_at = now_seconds(now)
    exp = resolve_expiration(expiration, now=now)
    if exp <= issued_at:
        raise InvalidInputError(f"expiration {expiration!r} is not in the future; the token would never be valid")
    # jose sets iss, aud, exp, iat in this order; a claim already present keeps its place (as with JS spread)
    payload.update({"iss": JWT_ISSUER, "aud": JWT_AUDIENCE, "exp": exp, "iat": issued_at})
    return sign_claims(payload, signing_key)


def create_public_token(
    *,
    signing_key: str,
    claims: Mapping[str, Any] | None = None,
    sub: str | None = None,
    scopes: Scopes | None = None,
    expiration: Expiration | None = None,
    skip_columns: Sequence[str] | None = None,
    now: datetime | None = None,
) -> str:
    """auth.createPublicToken signed locally: `{...claims, scopes?, realtime?}` plus iss, aud, exp, iat.

    `claims` is the answer of POST /api/v1/auth/jwt/claims (or give `sub`, the environment id); the
    key is the environment's root secret key. Without `scopes` the claim is left out, as in the SDK.
    """
    flat = flatten_scopes(scopes) if scopes is not None else None
    realtime = realtime_claim(skip_columns)
    payload = _base_claims(claims, sub)
    if flat is not None:
        payload["scopes"] = flat
    if realtime is not None:
        payload["realtime"] = realtime
    return _sign(payload, signing_key, expiration, now)


def _trigger_token(
    action: str,
    tasks: str | Sequence[str],
    *,
    signing_key: str,
    claims: Mapping[str, Any] | None,
    sub: str | None,
    multiple_use: bool,
    expiration: Expiration | None,
    skip_columns: Sequence[str] | None,
    now: datetime | None,
) -> str:
    flat = task_scopes(action, tasks)
    if not isinstance(multiple_use, bool):
        raise InvalidInputError(f"multiple_use must be True or False, got {multiple_use!r}")
    realtime = realtime_claim(skip_columns)
    payload = _base_claims(claims, sub)
    payload["otu"] = not multiple_use
    if realtime is not None:
        payload["realtime"] = realtime
    payload["scopes"] = flat
    return _sign(payload, signing_key, expiration, now)


def create_trigger_token(
    tasks: str | Sequence[str],
    *,
    signing_key: str,
    claims: Mapping[str, Any] | None = None,
    sub: str | None = None,
    multiple_use: bool = False,
    expiration: Expiration | None = None,
    skip_columns: Sequence[str] | None = None,
    now: datetime | None = None,
) -> str:
    """auth.createTriggerPublicToken signed locally: a token that may trigger `tasks` from a browser,
    once (`otu`: one-time use) unless `multiple_use`. Claims `{...claims, otu, realtime?, scopes}`."""
    return _trigger_token(
        "trigger", tasks, signing_key=signing_key, claims=claims, sub=sub, multiple_use=multiple_use,
        expiration=expiration, skip_columns=skip_columns, now=now,
    )  # fmt: skip


def create_batch_trigger_token(
    tasks: str | Sequence[str],
    *,
    signing_key: str,
    claims: Mapping[str, Any] | None = None,
    sub: str | None = None,
    multiple_use: bool = False,
    expiration: Expiration | None = None,
    skip_columns: Sequence[str] | None = None,
    now: datetime | None = None,
) -> str:
    """auth.createBatchTriggerPublicToken signed locally: like create_trigger_token, for batchTrigger."""
    return _trigger_token(
        "batchTrigger", tasks, signing_key=signing_key, claims=claims, sub=sub, multiple_use=multiple_use,
        expiration=expiration, skip_columns=skip_columns, now=now,
    )  # fmt: skip


def parse_claims_header(value: str | None) -> dict[str, Any]:
    """The claims in an `x-trigger-jwt-claims` header (or a claims answer), checked to name a subject."""
    if value is None:
        raise PublicTokenError("the answer carries neither x-trigger-jwt nor x-trigger-jwt-claims")
    try:
        claims = json.loads(value)
    except ValueError:
        raise PublicTokenError("x-trigger-jwt-claims is not JSON") from None
    if not isinstance(claims, dict) or not isinstance(claims.get("sub"), str) or not claims["sub"]:
        raise PublicTokenError("x-trigger-jwt-claims is not an object with a 'sub' (the environment id)")
    return claims


def _fallback(
    claims: str | Mapping[str, Any] | None,
    scope: str,
    signing_key: str,
    expiration: Expiration | None,
    now: datetime | None,
) -> str:
    payload = parse_claims_header(claims) if not isinstance(claims, Mapping) else dict(claims)
    payload["scopes"] = [scope]  # replaces the server's scopes, keeping their place (JS spread)
    return _sign(payload, signing_key, expiration, now)


def fallback_run_token(
    claims: str | Mapping[str, Any] | None,
    run_id: str,
    *,
    signing_key: str,
    expiration: Expiration | None = "1h",
    now: datetime | None = None,
) -> str:
    """The token the SDK signs for a triggered run when the answer lacks x-trigger-jwt:
    `{...claims, scopes: ["read:runs:<id>"]}`, one hour unless `expiration` says otherwise."""
    return _fallback(claims, scope_id("read", "runs", run_id), signing_key, expiration, now)


def fallback_batch_token(
    claims: str | Mapping[str, Any] | None,
    batch_id: str,
    *,
    signing_key: str,
    expiration: Expiration | None = "1h",
    now: datetime | None = None,
) -> str:
    """As fallback_run_token, for a batch (v2 batch and create-batch answers): `read:batch:<id>`."""
    return _fallback(claims, scope_id("read", "batch", batch_id), signing_key, expiration, now)


def fallback_waitpoint_token(
    claims: str | Mapping[str, Any] | None,
    waitpoint_id: str,
    *,
    signing_key: str,
    now: datetime | None = None,
) -> str:
    """As fallback_run_token, for a created waitpoint token: `write:waitpoints:<id>`, 24 hours."""
    return _fallback(claims, scope_id("write", "waitpoints", waitpoint_id), signing_key, "24h", now)


def fallback_token(
    kind: str,
    claims: str | Mapping[str, Any] | None,
    object_id: str,
    *,
    signing_key: str,
    now: float | datetime | None = None,
) -> str:
    """fallback_run_token / fallback_batch_token / fallback_waitpoint_token by `kind` ("run", "batch",
    "waitpoint"); `now` may be epoch seconds (a client's clock)."""
    moment = datetime.fromtimestamp(now, UTC) if isinstance(now, (int, float)) else now
    if kind == "run":
        return fallback_run_token(claims, object_id, signing_key=signing_key, now=moment)
    if kind == "batch":
        return fallback_batch_token(claims, object_id, signing_key=signing_key, now=moment)
    if kind == "waitpoint":
        return fallback_waitpoint_token(claims, object_id, signing_key=signing_key, now=moment)
    raise InvalidInputError(f"kind={kind!r} must be 'run', 'batch' or 'waitpoint'")
