"""Compact HS256 tokens: signed as the SDK (jose) writes them, verified as the server checks them."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, Final

from ..errors import InvalidInputError, PublicTokenError
from ..superjson import json_stringify
from ._expiry import now_seconds
from ._signing_keys import check_signing_key

JWT_ISSUER: Final = "https://id.trigger.dev"
JWT_AUDIENCE: Final = "https://api.trigger.dev"


_HEADER: Final = '{"alg":"HS256"}'


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(part: str, what: str) -> bytes:
    if not re.fullmatch(r"[A-Za-z0-9_-]*", part):
        raise PublicTokenError(f"the token's {what} is not base64url")
    try:
        return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    except (binascii.Error, ValueError):
        raise PublicTokenError(f"the token's {what} is not base64url") from None


def _signature(signing_input: str, signing_key: str) -> bytes:
    return hmac.new(signing_key.encode("utf-8"), signing_input.encode("ascii"), hashlib.sha256).digest()


def sign_claims(claims: Mapping[str, Any], signing_key: str) -> str:
    """A compact HS256 JWS of `claims`, written as the SDK (jose) writes it: header {"alg":"HS256"},
    the claims as JSON.stringify writes them in their order, base64url without padding."""
    key = check_signing_key(signing_key)
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
    current = now_seconds(now)
    tolerance = leeway.total_seconds()
    for name in ("exp", "nbf", "iat"):
        if name in claims and (isinstance(claims[name], bool) or not isinstance(claims[name], (int, float))):
            raise PublicTokenError(f"the token's {name!r} claim must be a number")
    if "exp" in claims and claims["exp"] <= current - tolerance:
        raise PublicTokenError(f"the token expired at {claims['exp']} (now {current})")
    if "nbf" in claims and claims["nbf"] > current + tolerance:
        raise PublicTokenError(f"the token is not valid before {claims['nbf']} (now {current})")
    return claims
