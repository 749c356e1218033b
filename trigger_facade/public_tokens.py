"""Public access tokens: the short-lived JWTs a backend hands to a browser (`@trigger.dev/react-hooks`).

The official SDK signs them itself with the environment's root secret key, after one call that
returns the claims `{sub, pub}`; additional keys (`tr_<env>_sk_...`) ask the server to mint them.
This module holds the pure part: the scope vocabulary (checked before anything is signed), the
expiry grammar, the claims in the SDK's order and the HS256 signature, so a token made here is
byte for byte the one the SDK makes for the same input and clock. The HTTP calls belong to the client.

Scopes, as the SDK writes them (`action:resource[:id]`):

    {"read": {"runs": ["run_1", "run_2"]}}   -> read:runs:run_1, read:runs:run_2
    {"read": {"runs": True}}                  -> read:runs              (every run)
    {"read": {"all": True}}                   -> read:all               (every resource)
    {"read": {"tags": "user:1", "batch": "batch_1"}, "write": {"waitpoints": ["wp_1"]}}
    {"trigger": {"tasks": ["a", "b"]}, "batchTrigger": {"tasks": "a"}}
    ["read:runs:run_1", "write:inputStreams:run_1"]   (already flat)

Actions: read and write on runs, tasks, tags, batch, waitpoints, inputStreams, sessions (and all);
trigger and batchTrigger on tasks. False, None or an empty list grant nothing, as in the SDK. What
this refuses and the SDK lets through: an unknown action or resource, a bare action (`{"read":
True}` signs "read", which the server grants nothing for), ids that are not strings, and empty ids
(the SDK refuses those too; a flat "read:runs:" would even grant every run).

Expiry: a duration string in the SDK's grammar ("15m", "1h", "2 hours", "1.5h", "1y"; default
"15m"), seconds from now (int), a timedelta, or an aware datetime (absolute). A bare number means
seconds from now here, unlike the SDK (where it is a Unix time), so a number that looks like a Unix
time is refused: pass `datetime.fromtimestamp(t, UTC)` for that.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import math
import re
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, Final, TypeAlias

from .errors import InvalidInputError, PublicTokenError
from .superjson import json_stringify

__all__ = [
    "DEFAULT_EXPIRATION",
    "JWT_AUDIENCE",
    "JWT_ISSUER",
    "Expiration",
    "PublicTokenError",
    "Scopes",
    "can_self_sign",
    "create_batch_trigger_token",
    "create_public_token",
    "create_trigger_token",
    "decode_and_verify",
    "decode_unverified",
    "fallback_batch_token",
    "fallback_run_token",
    "fallback_token",
    "fallback_waitpoint_token",
    "flatten_scopes",
    "is_additional_api_key",
    "parse_claims_header",
    "parse_time_span",
    "public_token_request",
    "resolve_expiration",
    "sign_claims",
    "trigger_token_request",
]

JWT_ISSUER: Final = "https://id.trigger.dev"
JWT_AUDIENCE: Final = "https://api.trigger.dev"
DEFAULT_EXPIRATION: Final = "15m"
# what the server's POST /api/v1/auth/public-tokens accepts (services/publicTokens.server.ts)
SERVER_MAX_LIFETIME: Final = timedelta(days=30)
_HEADER: Final = '{"alg":"HS256"}'

Scopes: TypeAlias = Mapping[str, Any] | Sequence[str] | str
Expiration: TypeAlias = str | int | float | timedelta | datetime

ACTIONS: Final = ("read", "write", "trigger", "batchTrigger")
READ_WRITE_RESOURCES: Final = ("runs", "tasks", "tags", "batch", "waitpoints", "inputStreams", "sessions")
_RESOURCES: Final[dict[str, tuple[str, ...]]] = {
    "read": (*READ_WRITE_RESOURCES, "all"),
    "write": (*READ_WRITE_RESOURCES, "all"),
    "trigger": ("tasks",),
    "batchTrigger": ("tasks",),
}
_ACCEPTED = (
    "accepted: {'read'|'write': {'runs'|'tasks'|'tags'|'batch'|'waitpoints'|'inputStreams'|'sessions': "
    "id | [ids] | True, 'all': True}, 'trigger'|'batchTrigger': {'tasks': id | [ids] | True}}, "
    "or flat strings such as 'read:runs:run_123'"
)
_ADDITIONAL_KEY = re.compile(r"tr_(dev|stg|prod|preview)_sk_[0-9a-zA-Z]{24}")
_UNIX_TIME_LIKE: Final = 1_000_000_000


def is_additional_api_key(key: str) -> bool:
    """True for an additional secret key (`tr_<env>_sk_` + 24 letters or digits), which cannot self-sign."""
    return bool(_ADDITIONAL_KEY.fullmatch(key))


# ---------------------------------------------------------------------------------------------
# Scopes


def _scope_id(action: str, resource: str, item: Any) -> str:
    if not isinstance(item, str):
        raise InvalidInputError(
            f"scopes[{action!r}][{resource!r}] must hold id strings, got {type(item).__name__} {item!r}"
        )
    if not item.strip():
        raise InvalidInputError(
            f"scopes[{action!r}][{resource!r}]: Public token scope resource IDs must not be empty (got {item!r})"
        )
    return f"{action}:{resource}:{item}"


def _check_action(action: Any) -> str:
    if not isinstance(action, str) or action not in _RESOURCES:
        raise InvalidInputError(f"unknown scope action {action!r}; {_ACCEPTED}")
    return action


def _check_resource(action: str, resource: Any) -> str:
    if not isinstance(resource, str) or resource not in _RESOURCES[action]:
        allowed = ", ".join(_RESOURCES[action])
        raise InvalidInputError(
            f"unknown scope resource {resource!r} for {action!r} (accepted: {allowed}); {_ACCEPTED}"
        )
    return resource


def _flatten_mapping(scopes: Mapping[str, Any]) -> list[str]:
    flat: list[str] = []
    for action, properties in scopes.items():
        _check_action(action)
        if properties is None or properties is False:
            continue
        if properties is True:
            raise InvalidInputError(
                f"scopes[{action!r}]=True names no resource, so the server grants nothing for it; "
                f"use {{{action!r}: {{'all': True}}}} for every resource or e.g. {{{action!r}: {{'runs': True}}}}"
            )
        if not isinstance(properties, Mapping):
            raise InvalidInputError(f"scopes[{action!r}] must be a dict of resources, got {properties!r}; {_ACCEPTED}")
        for resource, value in properties.items():
            _check_resource(action, resource)
            if value is None or value is False:
                continue
            if value is True:
                flat.append(f"{action}:{resource}")
            elif resource == "all":
                raise InvalidInputError(f"scopes[{action!r}]['all'] takes True (every resource), not {value!r}")
            elif isinstance(value, str):
                flat.append(_scope_id(action, resource, value))
            elif isinstance(value, (list, tuple)):
                flat.extend(_scope_id(action, resource, item) for item in value)
            else:
                raise InvalidInputError(
                    f"scopes[{action!r}][{resource!r}] must be an id, a list of ids or True, got {value!r}"
                )
    return flat


def _check_flat(scope: Any) -> str:
    if not isinstance(scope, str):
        raise InvalidInputError(f"a scope must be a string such as 'read:runs:run_123', got {scope!r}")
    action, _, rest = scope.partition(":")
    _check_action(action)
    resource, has_id, item = rest.partition(":")
    if not resource:
        raise InvalidInputError(f"scope {scope!r} names no resource, so the server grants nothing for it; {_ACCEPTED}")
    _check_resource(action, resource)
    if has_id:
        if resource == "all":
            raise InvalidInputError(f"scope {scope!r}: '{action}:all' takes no id")
        # the server reads "read:runs:" as every run; never let an empty id widen a token
        _scope_id(action, resource, item)
    return scope


def flatten_scopes(scopes: Scopes) -> list[str]:
    """The scope strings the SDK signs for `scopes`, checked (see the module doc for the forms)."""
    if isinstance(scopes, str):
        return [_check_flat(scopes)]
    if isinstance(scopes, Mapping):
        return _flatten_mapping(scopes)
    if isinstance(scopes, (list, tuple)):
        return [_check_flat(s) for s in scopes]
    raise InvalidInputError(
        f"scopes must be a dict or a list of scope strings, got {type(scopes).__name__}; {_ACCEPTED}"
    )


def _task_scopes(action: str, tasks: str | Sequence[str]) -> list[str]:
    if isinstance(tasks, str):
        items: Sequence[Any] = [tasks]
    elif isinstance(tasks, (list, tuple)):
        items = tasks
    else:
        raise InvalidInputError(f"tasks must be a task id or a list of task ids, got {tasks!r}")
    if not items:
        raise InvalidInputError("tasks is empty; a trigger token needs at least one task id")
    return [_scope_id(action, "tasks", t) for t in items]


# ---------------------------------------------------------------------------------------------
# Expiry

_TIME_SPAN = re.compile(
    r"([+-])? ?([0-9]+|[0-9]+\.[0-9]+) ?"
    r"(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)(?: (ago|from now))?",
    re.IGNORECASE,
)
_UNIT_SECONDS: Final = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, "y": 31557600}


def parse_time_span(text: str) -> int:
    """Seconds for a duration string in the SDK's grammar (jose's): "15m", "2 hours", "1.5h", "1y"
    (365.25 days), "-1h" or "1 hour ago" (negative). Rounded like JavaScript's Math.round."""
    match = _TIME_SPAN.fullmatch(text) if isinstance(text, str) else None
    if match is None or (match.group(4) and match.group(1)):
        raise InvalidInputError(
            f"expiration {text!r} is not a duration such as '15m', '1h', '2 hours', '1.5h', '7d' or '1y' "
            "(one number and one unit; combinations like '1h30m' are not read)"
        )
    sign, number, unit, direction = match.groups()
    unit = unit.lower()
    # "mins" and "months" would both start with m; the grammar has no months, so the first letter decides
    seconds = math.floor(float(number) * _UNIT_SECONDS[unit[0]] + 0.5)
    # jose compares the suffix case-sensitively: "1 hour AGO" is in the future, as in the SDK
    return -seconds if sign == "-" or direction == "ago" else seconds


def _epoch_seconds(moment: datetime, argument: str) -> int:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInputError(f"{argument} must be an aware datetime (e.g. datetime.now(UTC)), got a naive one")
    return (moment - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(seconds=1)


def _now_seconds(now: datetime | None) -> int:
    return _epoch_seconds(now, "now") if now is not None else math.floor(time.time())


def _relative_seconds(expiration: Expiration) -> int | None:
    """Seconds from now for a relative expiry, None for an absolute one (a datetime)."""
    if isinstance(expiration, bool):
        raise InvalidInputError("expiration must be a duration string, seconds, a timedelta or a datetime, got a bool")
    if isinstance(expiration, str):
        return parse_time_span(expiration)
    if isinstance(expiration, timedelta):
        return math.floor(expiration.total_seconds() + 0.5)
    if isinstance(expiration, (int, float)):
        if not math.isfinite(expiration):
            raise InvalidInputError(f"expiration must be a finite number of seconds, got {expiration!r}")
        if abs(expiration) >= _UNIX_TIME_LIKE:
            raise InvalidInputError(
                f"expiration={expiration!r} is read as seconds from now (about {expiration / 31557600:.0f} years); "
                "for a Unix time pass datetime.fromtimestamp(t, UTC)"
            )
        return math.floor(expiration + 0.5)
    if isinstance(expiration, datetime):
        return None
    raise InvalidInputError(
        f"expiration must be a duration string ('15m', '1h'), seconds, a timedelta or an aware datetime, "
        f"got {type(expiration).__name__}"
    )


def resolve_expiration(expiration: Expiration | None, *, now: datetime | None = None) -> int:
    """The `exp` claim (Unix seconds) the SDK writes for `expiration` at `now` (default "15m")."""
    issued_at = _now_seconds(now)
    chosen = DEFAULT_EXPIRATION if expiration is None else expiration
    relative = _relative_seconds(chosen)
    if relative is None:
        assert isinstance(chosen, datetime)
        return _epoch_seconds(chosen, "expiration")
    return issued_at + relative


# ---------------------------------------------------------------------------------------------
# Signing and verifying


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(part: str, what: str) -> bytes:
    if not re.fullmatch(r"[A-Za-z0-9_-]*", part):
        raise PublicTokenError(f"the token's {what} is not base64url")
    try:
        return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    except (binascii.Error, ValueError):
        raise PublicTokenError(f"the token's {what} is not base64url") from None


def _check_signing_key(signing_key: Any) -> str:
    if not isinstance(signing_key, str) or not signing_key:
        raise InvalidInputError("signing_key must be the environment's secret key (a non-empty string)")
    if is_additional_api_key(signing_key):
        raise InvalidInputError(
            "an additional secret key (tr_<env>_sk_...) cannot sign public tokens: the server checks them "
            "with the environment's root key. Ask the server instead (POST /api/v1/auth/public-tokens)"
        )
    if signing_key.startswith("pk_") or signing_key.count(".") == 2:
        raise InvalidInputError("signing_key must be a secret key (tr_...), not a public key or a token")
    return signing_key


def _signature(signing_input: str, signing_key: str) -> bytes:
    return hmac.new(signing_key.encode("utf-8"), signing_input.encode("ascii"), hashlib.sha256).digest()


def sign_claims(claims: Mapping[str, Any], signing_key: str) -> str:
    """A compact HS256 JWS of `claims`, written as the SDK (jose) writes it: header {"alg":"HS256"},
    the claims as JSON.stringify writes them in their order, base64url without padding."""
    key = _check_signing_key(signing_key)
    signing_input = _b64(_HEADER.encode()) + "." + _b64(json_stringify(dict(claims)).encode("utf-8"))
    return signing_input + "." + _b64(_signature(signing_input, key))


def decode_unverified(token: str) -> dict[str, Any]:
    """The claims of a token, without checking anything (to read `exp` or `scopes`, never to trust)."""
    if not isinstance(token, str) or token.count(".") != 2:
        raise PublicTokenError("a token is three base64url parts joined by dots")
    claims = _json_part(token.split(".")[1], "claims")
    if not isinstance(claims, dict):
        raise PublicTokenError("the token's claims are not a JSON object")
    return claims


def _json_part(part: str, what: str) -> Any:
    try:
        return json.loads(_unb64(part, what))
    except (ValueError, UnicodeDecodeError):
        raise PublicTokenError(f"the token's {what} is not JSON") from None


def decode_and_verify(
    token: str, key: str, *, now: datetime | None = None, leeway: timedelta = timedelta(0)
) -> dict[str, Any]:
    """The claims of `token` once it verifies as the server verifies it (jose's jwtVerify): HS256 signed
    with `key`, issuer https://id.trigger.dev, audience https://api.trigger.dev, not expired (exp is
    exclusive), not before `nbf`. Raises PublicTokenError saying which check failed."""
    if not isinstance(key, str) or not key:
        raise InvalidInputError("key must be the environment's secret key (a non-empty string)")
    if not isinstance(token, str) or token.count(".") != 2:
        raise PublicTokenError("a token is three base64url parts joined by dots")
    header_part, claims_part, signature_part = token.split(".")
    header = _json_part(header_part, "header")
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        alg = header.get("alg") if isinstance(header, dict) else None
        raise PublicTokenError(f"the token is signed with {alg!r}; only HS256 is accepted")
    if "crit" in header:
        raise PublicTokenError("the token's header has 'crit' extensions this reader does not know")
    expected = _signature(f"{header_part}.{claims_part}", key)
    if not hmac.compare_digest(expected, _unb64(signature_part, "signature")):
        raise PublicTokenError("the token's signature does not match this key")
    claims = decode_unverified(token)
    if claims.get("iss") != JWT_ISSUER:
        raise PublicTokenError(f"the token's issuer is {claims.get('iss')!r}, not {JWT_ISSUER!r}")
    audience = claims.get("aud")
    if audience != JWT_AUDIENCE and not (isinstance(audience, list) and JWT_AUDIENCE in audience):
        raise PublicTokenError(f"the token's audience is {audience!r}, not {JWT_AUDIENCE!r}")
    current = _now_seconds(now)
    tolerance = leeway.total_seconds()
    for name in ("exp", "nbf", "iat"):
        if name in claims and (isinstance(claims[name], bool) or not isinstance(claims[name], (int, float))):
            raise PublicTokenError(f"the token's {name!r} claim must be a number")
    if "exp" in claims and claims["exp"] <= current - tolerance:
        raise PublicTokenError(f"the token expired at {claims['exp']} (now {current})")
    if "nbf" in claims and claims["nbf"] > current + tolerance:
        raise PublicTokenError(f"the token is not valid before {claims['nbf']} (now {current})")
    return claims


# ---------------------------------------------------------------------------------------------
# Tokens as the SDK makes them


def _base_claims(claims: Mapping[str, Any] | None, sub: str | None) -> dict[str, Any]:
    if (claims is None) == (sub is None):
        raise InvalidInputError(
            "pass exactly one of claims (the answer of POST /api/v1/auth/jwt/claims) or sub (the environment id)"
        )
    base = dict(claims) if claims is not None else {"sub": sub, "pub": True}
    if not isinstance(base.get("sub"), str) or not base["sub"]:
        raise InvalidInputError(f"the claims need 'sub', the environment id, as a non-empty string; got {base!r}")
    return base


def _realtime(skip_columns: Sequence[str] | None) -> dict[str, Any] | None:
    if skip_columns is None:
        return None
    if isinstance(skip_columns, str) or not all(isinstance(c, str) and c for c in skip_columns):
        raise InvalidInputError(f"skip_columns must be a list of column names, got {skip_columns!r}")
    return {"skipColumns": list(skip_columns)}


def _sign(payload: dict[str, Any], signing_key: str, expiration: Expiration | None, now: datetime | None) -> str:
    issued_at = _now_seconds(now)
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
    realtime = _realtime(skip_columns)
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
    flat = _task_scopes(action, tasks)
    if not isinstance(multiple_use, bool):
        raise InvalidInputError(f"multiple_use must be True or False, got {multiple_use!r}")
    realtime = _realtime(skip_columns)
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


# ---------------------------------------------------------------------------------------------
# Bodies for keys that cannot self-sign (POST /api/v1/auth/public-tokens)


def _server_expiration(expiration: Expiration | None, now: datetime | None) -> str | int | None:
    if expiration is None:
        return None  # the server's default, 15m
    relative = _relative_seconds(expiration)
    if relative is None:
        assert isinstance(expiration, datetime)
        relative = _epoch_seconds(expiration, "expiration") - _now_seconds(now)
        sent: str | int = _epoch_seconds(expiration, "expiration")
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
    realtime = _realtime(skip_columns)
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
    flat = _task_scopes("batchTrigger" if batch else "trigger", tasks)
    return _request_body(flat, expiration, not multiple_use, skip_columns, now)


# ---------------------------------------------------------------------------------------------
# The SDK's fallback when a trigger answer has claims (x-trigger-jwt-claims) but no token (x-trigger-jwt)


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
    return _fallback(claims, _scope_id("read", "runs", run_id), signing_key, expiration, now)


def fallback_batch_token(
    claims: str | Mapping[str, Any] | None,
    batch_id: str,
    *,
    signing_key: str,
    expiration: Expiration | None = "1h",
    now: datetime | None = None,
) -> str:
    """As fallback_run_token, for a batch (v2 batch and create-batch answers): `read:batch:<id>`."""
    return _fallback(claims, _scope_id("read", "batch", batch_id), signing_key, expiration, now)


def fallback_waitpoint_token(
    claims: str | Mapping[str, Any] | None,
    waitpoint_id: str,
    *,
    signing_key: str,
    now: datetime | None = None,
) -> str:
    """As fallback_run_token, for a created waitpoint token: `write:waitpoints:<id>`, 24 hours."""
    return _fallback(claims, _scope_id("write", "waitpoints", waitpoint_id), signing_key, "24h", now)


def can_self_sign(key: str) -> bool:
    """Whether `key` signs public tokens itself: an environment's root secret key (tr_dev_, tr_prod_...),
    not an additional key (tr_<env>_sk_...), a personal or organization token, or a public JWT."""
    return bool(re.match(r"tr_(dev|stg|prod|preview)_", key)) and not is_additional_api_key(key)


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
