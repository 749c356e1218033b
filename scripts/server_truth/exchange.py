"""One HTTP exchange, sent with plain httpx and kept in the recordings' format (secrets redacted).

The format of one exchange:
    {"name", "scenario", "compare", "request": {"method", "path", "query", "headers", "body"},
     "response": {"status", "headers", "body"}}
Only the headers that change what a client does are kept (REQUEST_HEADERS, RESPONSE_HEADERS); bodies
are parsed JSON when they are JSON, else text. `compare` says how strictly a later answer must match:
"shape" (status, headers, body keys and value types) or "status" (status and headers only) for answers
whose body depends on timing, such as a held realtime request.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from .redact import redact, redact_text

API_VERSION = "2025-07-16"  # what the v4 SDK and our client send; it selects the run status vocabulary

REQUEST_HEADERS = (
    "authorization",
    "content-type",
    "accept",
    "idempotency-key",
    "idempotency-key-ttl",
    "x-trigger-request-idempotency-key",
    "x-trigger-api-version",
    "x-trigger-electric-version",
    "timeout-seconds",
    "last-event-id",
)
RESPONSE_HEADERS = (
    "content-type",
    "x-trigger-jwt",
    "x-trigger-jwt-claims",
    "x-should-retry",
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
    "retry-after",
    "electric-handle",
    "electric-offset",
    "electric-schema",
    "electric-cursor",
    "electric-up-to-date",
    "electric-shape-id",
    "electric-chunk-last-offset",
)


def parse_body(text: str, content_type: str) -> Any:
    """JSON when it parses as JSON (whatever the content type says), else the text itself."""
    if not text:
        return None if "json" in content_type else ""
    try:
        return json.loads(text)
    except ValueError:
        return text


@dataclass
class Pace:
    """How long to wait for things that take time on a real server (a fake answers at once)."""

    poll_timeout: float = 90.0
    poll_interval: float = 0.5
    live_timeout: float = 40.0  # a held realtime request answers within about 20 s
    stream_seconds: int = 2  # Timeout-Seconds for stream reads: the server holds the stream that long


@dataclass
class Session:
    """Sends requests to one server and keeps each recorded exchange."""

    http: httpx.Client
    secret_key: str
    project_ref: str | None = None
    env_slug: str = "dev"
    pace: Pace = field(default_factory=Pace)
    scenario: str = "misc"
    exchanges: list[dict[str, Any]] = field(default_factory=list)
    log: Any = None  # a callable(str) for progress lines, or None

    def send(
        self,
        name: str | None,
        method: str,
        path: str,
        *,
        query: Mapping[str, str] | None = None,
        json_body: Any = None,
        content: str | None = None,
        headers: Mapping[str, str] | None = None,
        auth: str | None = "key",
        compare: str = "shape",
        timeout: float = 60.0,
    ) -> httpx.Response:
        """Send one request; record it under `name` (None: send without recording, e.g. polls).

        auth: "key" for the session's secret key, None for no Authorization header, any other
        string for that bearer token."""
        sent_headers: dict[str, str] = {"x-trigger-api-version": API_VERSION}
        if auth == "key":
            sent_headers["authorization"] = f"Bearer {self.secret_key}"
        elif auth is not None:
            sent_headers["authorization"] = f"Bearer {auth}"
        body_text: str | None = None
        if json_body is not None:
            body_text = json.dumps(json_body)
            sent_headers["content-type"] = "application/json"
        elif content is not None:
            body_text = content
        sent_headers.update({k.lower(): v for k, v in (headers or {}).items()})
        response = self.http.request(
            method,
            path,
            params=dict(query or {}),
            content=body_text.encode() if body_text is not None else None,
            headers=sent_headers,
            timeout=timeout,
        )
        if name is not None:
            self._keep(name, method, path, query, sent_headers, body_text, response, compare)
        return response

    def _keep(
        self,
        name: str,
        method: str,
        path: str,
        query: Mapping[str, str] | None,
        sent_headers: Mapping[str, str],
        body_text: str | None,
        response: httpx.Response,
        compare: str,
    ) -> None:
        content_type = response.headers.get("content-type", "")
        exchange = {
            "name": name,
            "scenario": self.scenario,
            "compare": compare,
            "request": {
                "method": method,
                "path": redact_text(path),
                "query": redact(dict(query or {})),
                "headers": redact({k: v for k, v in sent_headers.items() if k in REQUEST_HEADERS}),
                "body": redact(parse_body(body_text, sent_headers.get("content-type", "")))
                if body_text is not None
                else None,
            },
            "response": {
                "status": response.status_code,
                "headers": redact({k: response.headers[k] for k in RESPONSE_HEADERS if k in response.headers}),
                "body": redact(parse_body(response.text, content_type)),
            },
        }
        if any(e["name"] == name for e in self.exchanges):
            raise RuntimeError(f"exchange name {name!r} is used twice in the scenario")
        self.exchanges.append(exchange)
        if self.log is not None:
            self.log(f"{self.scenario}/{name}: {method} {redact_text(path)} -> {response.status_code}")
