"""Run the same wire scenario through TriggerClient and AsyncTriggerClient."""

from __future__ import annotations

import asyncio
import inspect
import json
from collections.abc import Callable
from typing import Any

import httpx

from trigger_facade import AsyncTriggerClient, TriggerClient
from trigger_facade.testing import FakeClock

KEY = "tr_dev_abcdefghijklmnopqrstuvwx"
# the members every answer carries (the spec's `required`, from the recordings: server_truth/recorded/runs.json)
_COMMON: dict[str, Any] = {
    "id": "run_1",
    "status": "COMPLETED",
    "taskIdentifier": "my-task",
    "createdAt": "2026-01-01T00:00:00.000Z",
    "updatedAt": "2026-01-01T00:00:01.000Z",
    "isTest": False,
    "tags": [],
    "costInCents": 0,
    "baseCostInCents": 0,
    "durationMs": 0,
    "depth": 0,
    "isQueued": False,
    "isExecuting": False,
    "isWaiting": False,
    "isCompleted": True,
    "isSuccess": True,
    "isFailed": False,
    "isCancelled": False,
}
RUN: dict[str, Any] = {
    **_COMMON,
    "triggerFunction": "trigger",
    "attemptCount": 1,
    "attempts": [],
    "relatedRuns": {"children": []},
}
LIST_ITEM: dict[str, Any] = {**_COMMON, "env": {"id": "env_1", "name": "dev"}}

Responder = httpx.Response | Callable[[httpx.Request], httpx.Response] | list[httpx.Response]


class Recorder:
    """A MockTransport handler: answers by (method, path) and records every request it saw."""

    def __init__(self, routes: dict[tuple[str, str], Responder] | None = None) -> None:
        self.routes: dict[tuple[str, str], Responder] = dict(routes or {})
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.routes.get((request.method, request.url.path))
        if answer is None:
            return httpx.Response(404, json={"error": f"no route {request.method} {request.url.path}"})
        if isinstance(answer, list):
            return answer.pop(0) if len(answer) > 1 else answer[0]
        if callable(answer):
            return answer(request)
        return answer

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def json(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)


def make_client(mode: str, recorder: Recorder, **kwargs: Any) -> TriggerClient | AsyncTriggerClient:
    kwargs.setdefault("secret_key", KEY)
    kwargs.setdefault("clock", FakeClock())
    kwargs.setdefault("environ", {})
    cls = AsyncTriggerClient if mode == "async" else TriggerClient
    return cls(transport=httpx.MockTransport(recorder), **kwargs)


def _resolve(client: Any, dotted: str) -> Any:
    target = client
    for part in dotted.split("."):
        target = getattr(target, part)
    return target


def call(client: Any, dotted: str, *args: Any, **kwargs: Any) -> Any:
    """client.<dotted>(*args, **kwargs), awaited when the client is async."""
    result = _resolve(client, dotted)(*args, **kwargs)
    if inspect.isawaitable(result):
        return asyncio.run(_await(result))
    return result


async def _await(awaitable: Any) -> Any:
    return await awaitable


def collect(client: Any, dotted: str, *args: Any, **kwargs: Any) -> list[Any]:
    """Every item of an iterator or async iterator that client.<dotted>(...) returns."""
    result = _resolve(client, dotted)(*args, **kwargs)
    if hasattr(result, "__aiter__"):

        async def gather() -> list[Any]:
            return [item async for item in result]

        return asyncio.run(gather())
    return list(result)


def ok(body: Any = None, status: int = 200, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body if body is not None else {}, headers=headers)


def without_automatic_key(options: dict[str, Any]) -> dict[str, Any]:
    """`options` less the automatic idempotency key a trigger without a key of its own carries,
    after checking that key's shape (sha256 of "trigger-facade-auto-<uuid4>", kept 1 h)."""
    import hashlib
    import re

    rest = dict(options)
    key = rest.pop("idempotencyKey")
    assert rest.pop("idempotencyKeyTTL") == "1h"
    material = rest.pop("idempotencyKeyOptions")
    assert material["scope"] == "global"
    assert re.fullmatch(
        r"trigger-facade-auto-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", material["key"]
    )
    assert key == hashlib.sha256(material["key"].encode()).hexdigest()
    return rest
