"""Run one scenario through TriggerClient or AsyncTriggerClient against a hostile loopback server.

The async client is made inside the event loop that uses it (its connections belong to that loop).
"""

from __future__ import annotations

import asyncio
import gc
import inspect
import json
import pickle
import types
from collections.abc import Callable, Iterator
from typing import Any

import httpx

from trigger_facade import AsyncTriggerClient, TriggerClient

from ..facade.harness import RUN as FACADE_RUN

KEY = "tr_dev_HOSTILEsecretKEYmaterial0123"
# a run answer that fits the spec; tests vary its status and fields
# the facade tests' run answer (shaped like the real server's), still queued, with its payload inline
RUN: dict[str, Any] = {
    **FACADE_RUN,
    "status": "QUEUED",
    "isQueued": True,
    "isCompleted": False,
    "isSuccess": False,
    "payload": {},
}


def run_json(**fields: Any) -> str:
    return json.dumps({**RUN, **fields})


def exercise(mode: str, action: Callable[[Any], Any], **options: Any) -> Any:
    """action(client) with a fresh client of `mode`; awaits and drains what it returns."""
    options.setdefault("secret_key", KEY)
    options.setdefault("environ", {})
    if mode == "sync":
        with TriggerClient(**options) as client:
            result = action(client)
            drain = hasattr(result, "__iter__") and not isinstance(result, str | bytes | dict | list | tuple)
            return list(result) if drain else result

    async def run() -> Any:
        async with AsyncTriggerClient(**options) as client:
            result = action(client)
            if inspect.isawaitable(result):
                return await result
            if hasattr(result, "__aiter__"):
                return [item async for item in result]
            return result

    return asyncio.run(run())


def raised(mode: str, action: Callable[[Any], Any], **options: Any) -> BaseException:
    """The exception action(client) raises (the test fails if it returns)."""
    try:
        exercise(mode, action, **options)
    except BaseException as exc:
        return exc
    raise AssertionError("the call did not raise")


_SKIP = (types.FrameType, types.TracebackType, types.ModuleType, type, types.FunctionType, types.CodeType)


def reachable(root: object, limit: int = 20000) -> Iterator[object]:
    """Every object reachable from `root` through references, except code, modules, classes and
    stack frames (a frame's locals are the program's, not something the error carries)."""
    seen: set[int] = set()
    todo = [root]
    while todo and len(seen) < limit:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, _SKIP):
            continue
        seen.add(id(obj))
        yield obj
        todo.extend(gc.get_referents(obj))
        if isinstance(obj, BaseException):
            todo.extend(x for x in (obj.__cause__, obj.__context__) if x is not None)


def assert_no_secret(root: object, secret: str) -> None:
    """No request, response, string or bytes reachable from `root` holds `secret`, and its pickle neither."""
    needle = secret.encode()
    for obj in reachable(root):
        if isinstance(obj, str):
            assert secret not in obj, f"the secret is in a string: {obj[:80]!r}"
        elif isinstance(obj, bytes | bytearray):
            assert needle not in obj, "the secret is in bytes"
        elif isinstance(obj, httpx.Request):
            assert secret not in str(obj.headers.raw)
            assert secret not in str(obj.url)
        elif isinstance(obj, httpx.Response):
            assert secret not in str(obj.request.headers.raw)
    assert needle not in pickle.dumps(root)
