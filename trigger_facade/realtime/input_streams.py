"""Sending to a task's input stream: the request, checked before it is sent, and its answer."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from ..errors import InvalidInputError, RealtimeProtocolError


def input_send_request(run_id: str, stream_id: str, data: Any) -> dict[str, Any]:
    """`POST /realtime/v1/streams/{run_id}/input/{stream_id}` with `{"data": data}` as plain JSON
    (datetimes as ISO strings, no superjson), as an httpx request spec for the REST path (its
    headers and request-idempotency key apply). The server answers `{"ok": true}`; 400 when the run
    has completed or the body is invalid, 404 for an unknown run, 413 for an oversized record."""
    from .. import _validate as check
    from .._payload import encode

    run_id = check.identifier(run_id, "run_id")
    stream_id = check.identifier(stream_id, "stream_id")
    body = encode({"data": data}, argument="data")
    if len(body.encode()) > 1024 * 1024:
        raise InvalidInputError("data must encode to at most 1 MiB of JSON (the server's limit)")
    return {
        "method": "POST",
        "url": f"/realtime/v1/streams/{quote(run_id, safe='')}/input/{quote(stream_id, safe='')}",
        "content": body.encode(),
        "headers": {"content-type": "application/json"},
    }


def parse_input_send_response(data: Any) -> bool:
    """The `ok` of a 2xx answer to input_send_request."""
    if not isinstance(data, dict) or not isinstance(data.get("ok"), bool):
        raise RealtimeProtocolError(f"an input stream answer must be {{'ok': bool}}, got {data!r}")
    return bool(data["ok"])
