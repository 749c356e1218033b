"""Running one scenario through TriggerClient and AsyncTriggerClient alike."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from trigger_facade import AsyncTriggerClient, TriggerClient

from .server import FakeClock, RealtimeServer, Timeline

KEY = "tr_dev_abcdefghijklmnopqrstuvwx"
# a public access token as the server hands them out (x-trigger-jwt): three base64url parts
PUBLIC_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzY29wZXMiOlsicmVhZDpydW5zOnJ1bl8xIl19.c2lnbmF0dXJl"
PERSONAL = "tr_pat_abcdefghijklmnopqrstuvwxyz0123456789"
BASE = "https://api.test"

MODES = pytest.mark.parametrize("mode", ["sync", "async"])


def make_client(mode: str, handler: Callable[[httpx.Request], httpx.Response], clock: Any, **kwargs: Any) -> Any:
    kwargs.setdefault("secret_key", KEY)
    kwargs.setdefault("base_url", BASE)
    cls = AsyncTriggerClient if mode == "async" else TriggerClient
    return cls(transport=httpx.MockTransport(handler), clock=clock, environ={}, **kwargs)


def setup(mode: str, runs: list[Timeline], **kwargs: Any) -> tuple[Any, RealtimeServer, FakeClock]:
    """A client on a fake clock talking to a RealtimeServer whose held requests move that clock."""
    clock = FakeClock()
    client_kwargs = {k: kwargs.pop(k) for k in ("secret_key",) if k in kwargs}
    app = RealtimeServer(runs, now=clock.monotonic, hold=clock.advance, **kwargs)
    return make_client(mode, app, clock, **client_kwargs), app, clock


def drain(source: Any, limit: int = 10_000) -> list[Any]:
    """Every item of an iterator or async iterator (at most `limit`)."""
    if hasattr(source, "__aiter__"):

        async def gather() -> list[Any]:
            out: list[Any] = []
            async for item in source:
                out.append(item)
                if len(out) >= limit:
                    break
            return out

        return asyncio.run(gather())
    out = []
    for item in source:
        out.append(item)
        if len(out) >= limit:
            break
    return out


def call(result: Any) -> Any:
    """The value of a client call, awaited when the client is async."""
    if inspect.isawaitable(result):

        async def wait() -> Any:
            return await result

        return asyncio.run(wait())
    return result
