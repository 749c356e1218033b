"""The server's rate limits (server-truth W12) and the answers it gives when one is hit.

The general limiter covers `/api/*` except `/api/v1/timezones` and `/api/v2/packets/*`: a token
bucket per Authorization value, `x-ratelimit-*` headers on every answer (reset in epoch
milliseconds), and a 429 problem document without `Retry-After`. Create-batch has a second limiter
counted in items, whose 429 carries `X-RateLimit-Reset` in epoch **seconds** and `Retry-After`.
"""

from __future__ import annotations

import json
import math
import re
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx

from ._wire import Reply, js_number

UNLIMITED_PATHS = ("/api/v1/timezones",)
UNLIMITED_PREFIXES = ("/api/v2/packets/",)
UNLIMITED_PATTERNS = (
    # the callback URL is handed to third parties, who call it without a key
    re.compile(r"/api/v1/waitpoints/tokens/[^/]+/callback/[^/]+"),
)


@dataclass
class TokenBucket:
    """A limiter: `burst` tokens, refilled at `refill_per_second`, one bucket per key."""

    burst: int = 750
    refill_per_second: float = 25.0
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def take(self, key: str, now: float, cost: int = 1) -> tuple[bool, int, float]:
        """(allowed, remaining, reset epoch seconds) for `cost` tokens of `key` at `now`."""
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.refill_per_second)
            allowed = tokens >= cost
            if allowed:
                tokens -= cost
            self._buckets[key] = (tokens, now)
            missing = 0.0 if allowed else cost - tokens
            return allowed, int(tokens), now + missing / self.refill_per_second


def is_limited(path: str) -> bool:
    return (
        path.startswith("/api/")
        and path not in UNLIMITED_PATHS
        and not path.startswith(UNLIMITED_PREFIXES)
        and not any(p.fullmatch(path) for p in UNLIMITED_PATTERNS)
    )


def limit_headers(limit: int, remaining: int, reset: float) -> dict[str, str]:
    return {
        "x-ratelimit-limit": str(limit),
        "x-ratelimit-remaining": str(max(0, remaining)),
        "x-ratelimit-reset": str(int(reset * 1000)),
    }


def general_429(limit: int, remaining: int, reset: float, now: float) -> httpx.Response:
    """The middleware's refusal: problem+json, pretty-printed, reset in ms, no Retry-After."""
    seconds = js_number(round(max(0.0, reset - now), 3))
    text = f"Rate limit exceeded {max(0, remaining)}/{limit} requests remaining. Retry in {seconds} seconds."
    body = {
        "title": "Rate Limit Exceeded",
        "status": 429,
        "type": "https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/429",
        "detail": text,
        "reset": int(reset * 1000),
        "limit": limit,
        "remaining": remaining,
        "secondsUntilReset": seconds,
        "error": text,
    }
    headers = {**limit_headers(limit, remaining, reset), "content-type": "application/problem+json"}
    return httpx.Response(429, content=json.dumps(body, indent=2).encode(), headers=headers)


def missing_authorization() -> httpx.Response:
    """The middleware's answer to a limited path called without an Authorization header."""
    body = {
        "title": "Unauthorized",
        "status": 401,
        "type": "https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/401",
        "detail": "No authorization header provided",
        "error": "No authorization header provided",
    }
    return httpx.Response(
        401, content=json.dumps(body, indent=2).encode(), headers={"content-type": "application/problem+json"}
    )


def batch_429(limit: int, remaining: int, reset: float, now: float, items: int) -> Reply:
    """Create-batch's own refusal: JSON `{"error"}`, reset in epoch seconds, and Retry-After."""
    stamp = datetime.fromtimestamp(reset, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    message = (
        f"Batch rate limit exceeded. Attempted to submit {items} items but only {max(0, remaining)} remaining. "
        f"Limit resets at {stamp}"
    )
    headers = {
        "X-RateLimit-Limit": str(limit),
        "X-RateLimit-Remaining": str(max(0, remaining)),
        "X-RateLimit-Reset": str(math.floor(reset)),
        "Retry-After": str(max(1, math.ceil(reset - now))),
    }
    return Reply(429, {"error": message}, headers)
