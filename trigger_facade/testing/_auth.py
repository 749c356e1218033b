"""Who is calling: environment secret keys (root and additional), personal access tokens, and
public JWTs (HS256), and what they may do.

The server signs public access tokens with the environment's root secret key as the HMAC secret,
issuer `https://id.trigger.dev`, audience `https://api.trigger.dev` (server-truth W7/O3); the fake
signs and verifies the same tokens (`public_tokens.decode_and_verify`). Scopes follow the server's
`action:type[:id]` grammar (packages/plugins/src/rbac.ts buildJwtAbility), refusals its route
builder's: 401 for a bad or expired token, 403 `Unauthorized` for one outside the route's resources.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from typing import Any

import httpx

from ..errors import PublicTokenError
from ..public_tokens import decode_and_verify, decode_unverified
from ._state import Config, FakeRun
from ._wire import ApiError

ISSUER = "https://id.trigger.dev"
AUDIENCE = "https://api.trigger.dev"
HOUR = 3600
DAY = 86_400


class Access(Enum):
    NONE = "none"  # no credentials (timezones, waitpoint callbacks), or the route checks them itself
    ENV = "env"  # an environment secret key (root or additional)
    ENV_OR_JWT = "env_or_jwt"  # a secret key, or a public JWT (the server's `allowJWT: true`)
    PAT = "pat"  # a personal access token only
    ANY = "any"  # a secret key or a personal access token (project-scoped routes)


Resource = tuple[str, str | None]  # (type, id): ("runs", "run_1"); id None is the collection


def parse_scope(scope: str) -> tuple[str, str | None, str | None] | None:
    """`action:type[:id]`, the server's grammar: only the first two colons split, so an id
    (a tag such as `env:staging`) keeps its own."""
    parts = scope.split(":")
    if not parts[0]:
        return None
    kind = parts[1] if len(parts) > 1 and parts[1] else None
    ident = (":".join(parts[2:]) or None) if len(parts) > 2 else None
    return parts[0], kind, ident


def scopes_grant(scopes: list[str], action: str, resources: list[Resource]) -> bool:
    """The server's JWT ability (buildJwtAbility): bare `admin` grants everything, `*` is any
    action, type `all` any type, a scope without an id the whole type; any resource listed suffices."""
    for scope in scopes:
        parsed = parse_scope(scope)
        if parsed is None:
            continue
        granted_action, kind, ident = parsed
        if granted_action == "admin" and kind is None:
            return True
        if granted_action not in (action, "*"):
            continue
        if kind == "all":
            return True
        for resource_kind, resource_id in resources:
            if kind == resource_kind and (ident is None or ident == resource_id):
                return True
    return False


@dataclass
class Principal:
    kind: str  # "environment" | "personal" | "public"
    scopes: list[str] | None = None  # a public token's (or a restricted key's) scopes; None: everything
    skip_columns: list[str] = field(default_factory=list)  # a public token's realtime.skipColumns

    def can(self, action: str, resources: list[Resource]) -> bool:
        if self.scopes is None:
            return True
        return bool(resources) and scopes_grant(self.scopes, action, resources)

    def allows(self, scope: str) -> bool:
        """One `action:type:id` scope, checked as the route that names exactly that resource checks it."""
        parsed = parse_scope(scope)
        if parsed is None or parsed[1] is None:
            return False
        return self.can(parsed[0], [(parsed[1], parsed[2])])


UNAUTHORIZED: dict[str, Any] = {"code": "unauthorized", "param": "access_token", "type": "authorization"}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def sign_jwt(secret_key: str, claims: dict[str, Any], *, now: float, lifetime: int) -> str:
    """An HS256 JWT as the server's jose makes them: header `{"alg":"HS256"}`, the claims, then
    iss, aud, exp and iat in the order SignJWT sets them."""
    issued = int(now)
    payload = {**claims, "iss": ISSUER, "aud": AUDIENCE, "exp": issued + lifetime, "iat": issued}
    signing_input = (
        _b64(json.dumps({"alg": "HS256"}, separators=(",", ":")).encode())
        + "."
        + _b64(json.dumps(payload, separators=(",", ":")).encode())
    )
    signature = hmac.new(secret_key.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + _b64(signature)


def public_jwt_claims(token: str) -> dict[str, Any] | None:
    """The unverified claims when `token` reads as a public JWT (`pub: true`), as the server's isPublicJWT."""
    try:
        claims = decode_unverified(token)
    except (PublicTokenError, ValueError):
        return None
    return claims if claims.get("pub") is True else None


def verify_jwt(secret_key: str, token: str, *, now: float) -> dict[str, Any] | None:
    """The claims of a token this environment signed that has not expired, else None."""
    try:
        return decode_and_verify(token, secret_key, now=datetime.fromtimestamp(now, UTC))
    except PublicTokenError:
        return None


def public_token_headers(
    config: Config, scopes: list[str], *, now: float, lifetime: int, claims_carry_scopes: bool
) -> dict[str, str]:
    """`x-trigger-jwt` and `x-trigger-jwt-claims` as trigger (claims with scopes), create-batch and
    waitpoint-token create (claims without) send them."""
    claims: dict[str, Any] = {"sub": config.environment_id, "pub": True, "scopes": scopes}
    shown = claims if claims_carry_scopes else {"sub": config.environment_id, "pub": True}
    return {
        "x-trigger-jwt": sign_jwt(config.secret_key, claims, now=now, lifetime=lifetime),
        "x-trigger-jwt-claims": json.dumps(shown, separators=(",", ":")),
    }


def bearer(request: httpx.Request) -> str:
    header = request.headers.get("authorization", "")
    return header[len("Bearer ") :].strip() if header.startswith("Bearer ") else ""


def authenticate(request: httpx.Request, access: Access, config: Config, *, now: float) -> Principal | None:
    """The caller, or the server's refusal: 401 `Invalid API key` for an unknown key (O10), 401
    `Public Access Token is invalid` for a bad or expired public JWT on a route that takes them."""
    if access is Access.NONE:
        return None
    key = bearer(request)
    if not key and access in (Access.ENV, Access.ENV_OR_JWT):
        raise ApiError(401, "Invalid or Missing API key")
    if access is Access.ENV_OR_JWT and (claims := public_jwt_claims(key)) is not None:
        return public_principal(key, claims, config, now)
    principal = key_principal(key, config)
    if principal is None or principal.kind == "public":
        raise ApiError(401, "Invalid API key")
    if principal.kind == "personal" and access in (Access.ENV, Access.ENV_OR_JWT):
        raise ApiError(401, "Invalid API key")
    if principal.kind == "environment" and access is Access.PAT:
        raise ApiError(401, "Invalid or Missing Access Token")
    if (
        principal.kind == "environment"
        and config.environment == "preview"
        and not request.headers.get("x-trigger-branch")
    ):
        raise ApiError(401, "x-trigger-branch header required")
    return principal


def key_principal(key: str, config: Config) -> Principal | None:
    """A root or additional secret key (the environment), or the personal access token."""
    if not key:
        return None
    if hmac.compare_digest(key.encode(), config.secret_key.encode()):
        return Principal("environment")
    for additional, scopes in config.additional_keys.items():
        if hmac.compare_digest(key.encode(), additional.encode()):
            return Principal("environment", None if scopes is None else list(scopes))
    if hmac.compare_digest(key.encode(), config.personal_token.encode()):
        return Principal("personal")
    return None


def public_principal(token: str, claims: dict[str, Any], config: Config, now: float) -> Principal:
    """bearerCredentials.ts: an unknown `sub` is `Invalid Public Access Token`; a bad signature,
    issuer, audience or an expired token is `Public Access Token is invalid`."""
    if claims.get("sub") != config.environment_id:
        raise ApiError(401, "Invalid Public Access Token")
    verified = verify_jwt(config.secret_key, token, now=now)
    if verified is None:
        raise ApiError(401, "Public Access Token is invalid")
    scopes = verified.get("scopes")
    realtime = verified.get("realtime")
    skip = realtime.get("skipColumns") if isinstance(realtime, dict) else None
    return Principal(
        "public",
        [s for s in scopes if isinstance(s, str)] if isinstance(scopes, list) else [],
        [c for c in skip if isinstance(c, str)] if isinstance(skip, list) else [],
    )


def require(principal: Principal | None, action: str, *resources: Resource) -> None:
    """The route's authorization (apiBuilder's checkAuth with anyResource): any listed resource the
    caller may act on suffices; otherwise the server's 403."""
    if principal is not None and not principal.can(action, list(resources)):
        raise ApiError(403, "Unauthorized", **UNAUTHORIZED)


def run_resources(run: FakeRun) -> tuple[Resource, ...]:
    """What a run is addressable by (retrieve, realtime feed, streams): its id, task, tags and batch."""
    found: list[Resource] = [("runs", run.id), ("tasks", run.task), *(("tags", tag) for tag in run.tags)]
    if run.batch_id:
        found.append(("batch", run.batch_id))
    return tuple(found)


def require_scope(principal: Principal | None, scope: str) -> None:
    """A public token must hold the route's one `action:type:id` scope; keys pass."""
    parsed = parse_scope(scope)
    if parsed is None or parsed[1] is None:
        raise ValueError(f"a route scope is action:type[:id], not {scope!r}")
    require(principal, parsed[0], (parsed[1], parsed[2]))
