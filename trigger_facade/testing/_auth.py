"""Who is calling: environment secret keys, personal access tokens, and public JWTs (HS256).

The server signs public access tokens with the environment's secret key as the HMAC secret,
issuer `https://id.trigger.dev`, audience `https://api.trigger.dev` (server-truth W7/O3). The fake
signs the same tokens, so code that passes them on (to a browser, to realtime) can be tested.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import httpx

from ._state import Config
from ._wire import ApiError

ISSUER = "https://id.trigger.dev"
AUDIENCE = "https://api.trigger.dev"
HOUR = 3600
DAY = 86_400


class Access(Enum):
    NONE = "none"  # no credentials (timezones, waitpoint callbacks)
    ENV = "env"  # an environment secret key
    ENV_OR_JWT = "env_or_jwt"  # a secret key, or a public JWT holding the route's scope
    PAT = "pat"  # a personal access token only
    ANY = "any"  # a secret key or a personal access token (project-scoped routes)


@dataclass
class Principal:
    kind: str  # "environment" | "personal" | "public"
    scopes: list[str] = field(default_factory=list)

    def allows(self, scope: str) -> bool:
        """A public token's scope check: exact `action:type:id`, type-level `action:type`, or `action:all`."""
        action, kind = scope.split(":", 2)[:2]
        return bool({scope, f"{action}:{kind}", f"{action}:all", "admin"} & set(self.scopes))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign_jwt(secret_key: str, claims: dict[str, Any], *, now: float, lifetime: int) -> str:
    """An HS256 JWT as the server makes them: the claims plus iss, aud, iat and exp."""
    header = {"alg": "HS256", "typ": "JWT"}
    issued = int(now)
    payload = {**claims, "iss": ISSUER, "aud": AUDIENCE, "iat": issued, "exp": issued + lifetime}
    signing_input = (
        _b64(json.dumps(header, separators=(",", ":")).encode())
        + "."
        + _b64(json.dumps(payload, separators=(",", ":")).encode())
    )
    signature = hmac.new(secret_key.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + _b64(signature)


def verify_jwt(secret_key: str, token: str, *, now: float) -> dict[str, Any] | None:
    """The claims of a token this environment signed that has not expired, else None."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        header = json.loads(_unb64(parts[0]))
        claims = json.loads(_unb64(parts[1]))
        signature = _unb64(parts[2])
    except (ValueError, binascii.Error):
        return None
    if not isinstance(header, dict) or header.get("alg") != "HS256" or not isinstance(claims, dict):
        return None
    expected = hmac.new(secret_key.encode(), f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256).digest()
    if not hmac.compare_digest(expected, signature):
        return None
    expires = claims.get("exp")
    if isinstance(expires, (int, float)) and now >= expires:
        return None
    return claims


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
    """The caller, or the server's refusal (O10: 401 `{"error":"Invalid API key"}`)."""
    if access is Access.NONE:
        return None
    key = bearer(request)
    principal: Principal
    if key and hmac.compare_digest(key.encode(), config.secret_key.encode()):
        principal = Principal("environment")
    elif key and hmac.compare_digest(key.encode(), config.personal_token.encode()):
        principal = Principal("personal")
    elif key.startswith("eyJ") and (claims := verify_jwt(config.secret_key, key, now=now)) and claims.get("pub"):
        scopes = claims.get("scopes")
        principal = Principal("public", [s for s in scopes if isinstance(s, str)] if isinstance(scopes, list) else [])
    else:
        raise ApiError(401, "Invalid API key")
    if principal.kind == "public" and access is not Access.ENV_OR_JWT:
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


def require_scope(principal: Principal | None, scope: str) -> None:
    """A public token must hold the route's scope; keys pass."""
    if principal is not None and principal.kind == "public" and not principal.allows(scope):
        raise ApiError(403, "Unauthorized")
