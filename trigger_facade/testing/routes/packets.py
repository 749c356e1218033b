"""Large payloads: a presigned upload URL (not rate-limited, W12) and the storage behind it.

The storage answers at `/__storage/<path>` on the fake's own host, without Authorization, as an
object store would; a request that carries the API key is refused so a leak shows up in tests.
"""

from __future__ import annotations

import httpx

from .._router import Call, Route
from .._state import State
from .._wire import Reply, base_url, json_response

STORAGE_PREFIX = "/__storage/"


def presign(call: Call, name: str) -> Reply:
    return Reply(200, {"presignedUrl": f"{base_url(call.request)}{STORAGE_PREFIX}{name}?sig=fake", "storagePath": name})


def storage(state: State, request: httpx.Request, path: str) -> httpx.Response:
    if request.headers.get("authorization"):
        return json_response(400, {"error": "presigned URLs must not carry an Authorization header"})
    with state.lock:
        if request.method == "PUT":
            state.storage[path] = (request.content, request.headers.get("content-type", "application/octet-stream"))
            return httpx.Response(200)
        if request.method == "GET" and path in state.storage:
            content, content_type = state.storage[path]
            return httpx.Response(200, content=content, headers={"content-type": content_type})
    return httpx.Response(404)


ROUTES = (Route("PUT", "/api/v2/packets/{name}", presign),)
