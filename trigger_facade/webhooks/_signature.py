"""The signature of a delivery: lowercase hex HMAC-SHA256 of the raw body, keyed by the webhook secret."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping
from typing import Any, Final, TypeAlias

from ..errors import (
    InvalidInputError,
    WebhookSignatureError,
)

SIGNATURE_HEADER: Final = "x-trigger-signature-hmacsha256"

# any mapping (Starlette, Django, a dict, WSGI environ) or (name, value) pairs such as ASGI's raw headers
Headers: TypeAlias = Mapping[str, Any] | Iterable[tuple[str | bytes, Any]]


def body_bytes(raw_body: bytes | bytearray | memoryview | str) -> bytes:
    if isinstance(raw_body, str):
        return raw_body.encode("utf-8")
    if isinstance(raw_body, (bytes, bytearray, memoryview)):
        return bytes(raw_body)
    raise InvalidInputError(f"raw_body must be the request body as bytes (or str), got {type(raw_body).__name__}")


def _secret_bytes(secret: str) -> bytes:
    if not isinstance(secret, str) or not secret:
        raise InvalidInputError("secret must be the webhook's secret from the dashboard (a non-empty string)")
    return secret.encode("utf-8")


def sign_webhook(raw_body: bytes | str, secret: str) -> str:
    """The signature the server sends for `raw_body` (lowercase hex HMAC-SHA256), e.g. to sign test deliveries."""
    return hmac.new(_secret_bytes(secret), body_bytes(raw_body), hashlib.sha256).hexdigest()


def _header_name(name: str) -> str:
    # "X-Trigger-Signature-HmacSha256", and WSGI's "HTTP_X_TRIGGER_SIGNATURE_HMACSHA256", are the same header
    normal = name.lower().replace("_", "-")
    return normal.removeprefix("http-")


def _signature_header(headers: Headers) -> str:
    items = headers.items() if isinstance(headers, Mapping) else headers
    found: list[Any] = []
    for name, value in items:
        if isinstance(name, bytes):
            name = name.decode("latin-1")
        if isinstance(name, str) and _header_name(name) == SIGNATURE_HEADER:
            found.extend(value if isinstance(value, (list, tuple)) else [value])
    if not found:
        raise WebhookSignatureError(f"No signature header found ({SIGNATURE_HEADER})")
    if len(found) > 1:
        raise WebhookSignatureError(f"Signature header cannot be repeated ({SIGNATURE_HEADER} came {len(found)} times)")
    value = found[0]
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if not isinstance(value, str):
        raise WebhookSignatureError(f"{SIGNATURE_HEADER} must be a string, got {type(value).__name__}")
    return value


def verify_webhook(raw_body: bytes | str, headers: Headers, secret: str) -> None:
    """Raise WebhookSignatureError unless the delivery's signature header matches `raw_body` and `secret`.

    `headers` may be any mapping (case is ignored, WSGI `HTTP_...` names work) or a list of (name, value)
    pairs, e.g. ASGI's raw headers.
    """
    body = body_bytes(raw_body)
    key = _secret_bytes(secret)
    received = _signature_header(headers).encode("utf-8")
    expected = hmac.new(key, body, hashlib.sha256).hexdigest().encode("ascii")
    if not hmac.compare_digest(received, expected):
        raise WebhookSignatureError("Invalid signature")
