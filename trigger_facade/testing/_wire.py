"""The fake's HTTP vocabulary: answers, refusals, request bodies, query parameters and cursors."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx

NOT_FOUND_PAGE = (
    "<!DOCTYPE html><html><head><title>404 | Trigger.dev</title></head>"
    "<body><h1>404</h1><p>Page not found</p></body></html>"
)


class ApiError(Exception):
    """A refusal: the status, `{"error": message, **extra}`, and any headers the server adds."""

    def __init__(
        self, status: int, message: str, *, headers: dict[str, str] | None = None, bare: bool = False, **extra: Any
    ) -> None:
        super().__init__(message)
        self.status = status
        self.body: dict[str, Any] = {"error": message, **extra}
        self.headers = headers or {}
        self.bare = bare  # answered without the rate limiter's headers


@dataclass
class Reply:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)
    bare: bool = False  # answered without the rate limiter's headers (a streamed request's answer)
    content_type: str = "application/json"
    text: str | None = None  # a body that is not JSON (server-sent events)
    stream: Iterable[bytes] | None = None  # a body that goes out piece by piece while the request is held


class HeldBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body produced while the answer is already under way (a held stream). The async side runs
    the same producer: on a FakeClock it never waits; on real time, serve() it to an async client."""

    def __init__(self, pieces: Iterable[bytes]) -> None:
        self._pieces = pieces

    def __iter__(self) -> Iterator[bytes]:
        yield from self._pieces

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self._pieces:
            yield piece


def is_held(response: httpx.Response) -> bool:
    """Whether the body is still being produced (so it must be passed on as a stream, not read)."""
    return bool(response.extensions.get("fake_held_body"))


def json_response(
    status: int, body: Any, headers: dict[str, str] | None = None, *, content_type: str = "application/json"
) -> httpx.Response:
    content = json.dumps(body, separators=(",", ":")).encode()
    return httpx.Response(status, content=content, headers={"content-type": content_type, **(headers or {})})


def reply_response(reply: Reply) -> httpx.Response:
    if reply.stream is not None:
        headers = {"content-type": reply.content_type, **reply.headers}
        return httpx.Response(
            reply.status, headers=headers, stream=HeldBody(reply.stream), extensions={"fake_held_body": True}
        )
    if reply.text is not None:
        headers = {"content-type": reply.content_type, **reply.headers}
        return httpx.Response(reply.status, content=reply.text.encode(), headers=headers)
    return json_response(reply.status, reply.body, reply.headers, content_type=reply.content_type)


def html_not_found() -> httpx.Response:
    """What the web app answers for a path it has no route for (e.g. `/api/v1/runs/{id}/cancel`)."""
    return httpx.Response(404, content=NOT_FOUND_PAGE.encode(), headers={"content-type": "text/html; charset=utf-8"})


def js_number(value: float) -> int | float:
    """A number as JavaScript prints it: 2.0 is 2."""
    return int(value) if float(value).is_integer() else value


def read_body(request: httpx.Request) -> dict[str, Any]:
    """The JSON object body, or the server's refusals (O10: `{"error":"Invalid JSON"}`)."""
    try:
        body = json.loads(request.content or b"{}")
    except ValueError:
        raise ApiError(400, "Invalid JSON") from None
    if not isinstance(body, dict):
        raise ApiError(400, f"Validation error: Expected object, received {js_type(body)}")
    return body


def js_type(value: Any) -> str:
    """The type name zod reports for a JSON value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, list):
        return "array"
    return "string" if isinstance(value, str) else "object"


def page_size(params: httpx.QueryParams, name: str, default: int, high: int) -> int:
    """A size the server validates (runs, waitpoints: above `high` is a 400)."""
    raw = params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if not 1 <= value <= high:
        detail = {
            "code": "too_big" if value > high else "too_small",
            "message": f"{name} must be between 1 and {high}",
            "path": [name],
        }
        raise ApiError(400, "Query Error", details=[detail])
    return value


def clamped(params: httpx.QueryParams, name: str, default: int, low: int, high: int) -> int:
    """A size the server clamps instead of refusing (deployments, queues, schedules)."""
    raw = params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        return default
    return min(high, max(low, value))


def encode_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"pos:{position}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, default: int) -> int:
    if not cursor:
        return default
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        return int(text.removeprefix("pos:"))
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "Invalid cursor") from None


def moment(value: str) -> float | None:
    """A date filter value (epoch milliseconds or ISO 8601), or None when unreadable."""
    try:
        return int(value) / 1000.0
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def base_url(request: httpx.Request) -> str:
    return f"{request.url.scheme}://{request.url.netloc.decode()}"
