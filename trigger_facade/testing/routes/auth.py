"""Public access tokens: the claims a root key signs with, and tokens minted for keys that cannot sign.

`POST /api/v1/auth/jwt/claims` (api.v1.auth.jwt.claims.ts) and `POST /api/v1/auth/public-tokens`
(services/publicTokens.server.ts): an API key only, never a public JWT; the same refusals, in the
same order (key, body, scopes, expiry).
"""

from __future__ import annotations

import json
import re
from typing import Any

from .._auth import Access, Principal, bearer, key_principal, parse_scope, scopes_grant, sign_jwt
from .._router import Call, Route
from .._wire import ApiError, Reply, js_type

MAX_LIFETIME = 30 * 86_400
DEFAULT_EXPIRATION = "15m"
RELATIVE_TIME = re.compile(
    r"^(\+|-)? ?(\d+|\d+\.\d+) ?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)"
    r"(?: (ago|from now))?$",
    re.IGNORECASE,
)
UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800, "y": 31_557_600}


def claims(call: Call) -> Reply:
    """The route authenticates by itself and has its own refusal for every bad key."""
    principal = key_principal(bearer(call.request), call.state.config)
    if principal is None or principal.kind != "environment":
        raise ApiError(401, "Invalid or Missing API key")
    return Reply(200, {"sub": call.state.config.environment_id, "pub": True})


def issue(code: str, path: list[str | int], message: str, **extra: Any) -> dict[str, Any]:
    return {"code": code, **extra, "path": path, "message": message}


def body_issues(body: Any) -> list[dict[str, Any]]:
    """What zod reports for RequestBodySchema, in its order of fields."""
    if not isinstance(body, dict):
        return [issue("invalid_type", [], f"Expected object, received {js_type(body)}", expected="object",
                      received=js_type(body))]  # fmt: skip
    found: list[dict[str, Any]] = []
    scopes = body.get("scopes")
    if "scopes" not in body:
        found.append(issue("invalid_type", ["scopes"], "Required", expected="array", received="undefined"))
    elif not isinstance(scopes, list):
        found.append(issue("invalid_type", ["scopes"], f"Expected array, received {js_type(scopes)}",
                           expected="array", received=js_type(scopes)))  # fmt: skip
    else:
        for index, scope in enumerate(scopes):
            if not isinstance(scope, str):
                found.append(issue("invalid_type", ["scopes", index], f"Expected string, received {js_type(scope)}",
                                   expected="string", received=js_type(scope)))  # fmt: skip
        if not scopes:
            found.append(issue("too_small", ["scopes"], "Array must contain at least 1 element(s)", minimum=1,
                               type="array", inclusive=True, exact=False))  # fmt: skip
    expiration = body.get("expirationTime")
    if expiration is not None and (isinstance(expiration, bool) or not isinstance(expiration, (str, int, float))):
        found.append(issue("invalid_union", ["expirationTime"], "Invalid input", unionErrors=[]))
    if "oneTimeUse" in body and not isinstance(body["oneTimeUse"], bool):
        found.append(issue("invalid_type", ["oneTimeUse"], f"Expected boolean, received {js_type(body['oneTimeUse'])}",
                           expected="boolean", received=js_type(body["oneTimeUse"])))  # fmt: skip
    realtime = body.get("realtime")
    if realtime is not None and not (
        isinstance(realtime, dict)
        and all(isinstance(c, str) for c in realtime.get("skipColumns") or [])
        and isinstance(realtime.get("skipColumns", []), list)
    ):
        received = js_type(realtime)
        found.append(issue("invalid_type", ["realtime"], "Invalid input", expected="object", received=received))
    return found


def denied_scopes(scopes: list[str], principal: Principal) -> list[str]:
    """scopesWithinAbility: a scope with no type (other than bare admin) is refused; the rest must be
    within the key's own access (a restricted key's scopes; a full key has all)."""
    return [scope for scope in scopes if not within(scope, principal.scopes)]


def within(scope: str, access: list[str] | None) -> bool:
    parsed = parse_scope(scope)
    if parsed is None or (parsed[1] is None and parsed[0] != "admin"):
        return False
    return access is None or scopes_grant(access, parsed[0], [(parsed[1] or "all", parsed[2])])


def expires_at(expiration: str | int | float, now: int) -> float | None:
    if not isinstance(expiration, str):
        return expiration
    match = RELATIVE_TIME.match(expiration)
    if not match or (match.group(4) and match.group(1)):
        return None
    seconds = round(float(match.group(2)) * UNIT_SECONDS[match.group(3)[0].lower()])
    past = match.group(1) == "-" or (match.group(4) or "").lower() == "ago"
    return now - seconds if past else now + seconds


def public_tokens(call: Call) -> Reply:
    try:
        body = json.loads(call.request.content or b"")
    except ValueError:
        raise ApiError(400, "Invalid request body") from None
    issues = body_issues(body)
    if issues:
        raise ApiError(400, "Invalid request body", issues=issues)
    assert call.principal is not None
    denied = denied_scopes(body["scopes"], call.principal)
    if denied:
        raise ApiError(
            403,
            "Requested scopes exceed the API key's access",
            code="scopes_exceed_key_access",
            deniedScopes=denied,
        )
    now = int(call.now())
    moment = expires_at(body.get("expirationTime", DEFAULT_EXPIRATION), now)
    if moment is None:
        raise ApiError(400, "Invalid expiration time")
    if moment <= now:
        raise ApiError(400, "Expiration time must be in the future")
    if moment - now > MAX_LIFETIME:
        raise ApiError(400, "Expiration time cannot exceed 30 days")
    config = call.state.config
    payload: dict[str, Any] = {"sub": config.environment_id, "pub": True, "scopes": body["scopes"]}
    if body.get("oneTimeUse"):
        payload["otu"] = True
    if body.get("realtime") is not None:
        payload["realtime"] = body["realtime"]
    token = sign_jwt(config.secret_key, payload, now=now, lifetime=int(moment) - now)
    return Reply(200, {"token": token})


ROUTES = (
    Route("POST", "/api/v1/auth/jwt/claims", claims, Access.NONE),
    Route("POST", "/api/v1/auth/public-tokens", public_tokens, Access.ENV),
)
