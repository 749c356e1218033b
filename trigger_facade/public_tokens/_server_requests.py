"""Bodies of POST /api/v1/auth/public-tokens, for keys that cannot self-sign (the server mints the token)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, Final

from ..errors import InvalidInputError
from ._expiry import Expiration, epoch_seconds, now_seconds, relative_seconds
from ._scopes import Scopes, flatten_scopes, task_scopes
from ._sdk_tokens import realtime_claim

# what the server's POST /api/v1/auth/public-tokens accepts (services/publicTokens.server.ts)
SERVER_MAX_LIFETIME: Final = timedelta(days=30)


def _server_expiration(expiration: Expiration | None, now: datetime | None) -> str | int | None:
    if expiration is None:
        return None  # the server's default, 15m
    relative = relative_seconds(expiration)
    if relative is None:
        assert isinstance(expiration, datetime)
        relative = epoch_seconds(expiration, "expiration") - now_seconds(now)
        sent: str | int = epoch_seconds(expiration, "expiration")
    else:
        # a relative expiry goes as a duration so the server's clock, not ours, starts it
        sent = expiration if isinstance(expiration, str) else f"{relative}s"
    if relative <= 0:
        raise InvalidInputError(f"expiration {expiration!r} is not in the future (the server answers 400)")
    if relative > SERVER_MAX_LIFETIME.total_seconds():
        raise InvalidInputError(f"expiration {expiration!r} is more than 30 days away (the server answers 400)")
    return sent


def _request_body(
    scopes: list[str],
    expiration: Expiration | None,
    one_time_use: bool | None,
    skip_columns: Sequence[str] | None,
    now: datetime | None,
) -> dict[str, Any]:
    body: dict[str, Any] = {"scopes": scopes}
    sent = _server_expiration(expiration, now)
    if sent is not None:
        body["expirationTime"] = sent
    if one_time_use is not None:
        body["oneTimeUse"] = one_time_use
    realtime = realtime_claim(skip_columns)
    if realtime is not None:
        body["realtime"] = realtime
    return body


def public_token_request(
    *,
    scopes: Scopes,
    expiration: Expiration | None = None,
    skip_columns: Sequence[str] | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The JSON body the SDK posts to /api/v1/auth/public-tokens for createPublicToken with an
    additional key: `{scopes, expirationTime?, realtime?}` (the answer is `{token}`)."""
    flat = flatten_scopes(scopes)
    if not flat:
        raise InvalidInputError(
            "create_public_token() requires at least one scope when using an additional API key, "
            "e.g. scopes={'read': {'runs': ['run_1234']}}"
        )
    return _request_body(flat, expiration, None, skip_columns, now)


def trigger_token_request(
    tasks: str | Sequence[str],
    *,
    batch: bool = False,
    multiple_use: bool = False,
    expiration: Expiration | None = None,
    skip_columns: Sequence[str] | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The body for createTriggerPublicToken (or, with `batch`, createBatchTriggerPublicToken) with an
    additional key: `{scopes, expirationTime?, oneTimeUse, realtime?}`."""
    flat = task_scopes("batchTrigger" if batch else "trigger", tasks)
    return _request_body(flat, expiration, not multiple_use, skip_columns, now)
