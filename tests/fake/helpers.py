"""Raw requests to a fake, for the tests that look at the wire (status, body, headers) directly."""

from __future__ import annotations

import json
from typing import Any

import httpx

from trigger_facade.testing import FakeTrigger


def raw(fake: FakeTrigger, method: str, path: str, *, key: str | None = None, **kwargs: Any) -> httpx.Response:
    """A request with nothing but the key (and the API version); `key=""` sends no Authorization."""
    headers = {"x-trigger-api-version": "2025-07-16"}
    chosen = fake.secret_key if key is None else key
    if chosen:
        headers["authorization"] = f"Bearer {chosen}"
    headers.update(kwargs.pop("headers", {}))
    with httpx.Client(transport=httpx.MockTransport(fake.handle), base_url="https://fake.local") as http:
        return http.request(method, path, headers=headers, **kwargs)


UNAUTHORIZED = {"error": "Unauthorized", "code": "unauthorized", "param": "access_token", "type": "authorization"}


def make_batch(fake: FakeTrigger, items: list[tuple[str, Any]], *, key: str | None = None) -> str:
    """A batch made over the wire (create, then stream its items), and its runs made: its id."""
    created = raw(fake, "POST", "/api/v3/batches", key=key, json={"runCount": len(items)}).json()
    lines = [
        json.dumps({"index": n, "task": task, "payload": payload, "options": {}}).encode()
        for n, (task, payload) in enumerate(items)
    ]
    headers = {"content-type": "application/x-ndjson"}
    raw(fake, "POST", f"/api/v3/batches/{created['id']}/items", key=key, content=b"\n".join(lines), headers=headers)
    fake.advance(0)
    return str(created["id"])
