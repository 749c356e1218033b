"""The client keeps no cookies: an answer's Set-Cookie never comes back on a later request."""

from __future__ import annotations

import asyncio

import httpx

from trigger_facade import AsyncTriggerClient, TriggerClient
from trigger_facade.testing import FakeClock

from .servers import RUN_JSON

KEY = "tr_dev_abcdefghijklmnopqrstuvwx"


def test_set_cookie_is_never_sent_back(mode: str) -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        cookies = [("set-cookie", "session=planted; Path=/"), ("set-cookie", "__cf_bm=x; Domain=api.trigger.dev")]
        return httpx.Response(200, content=RUN_JSON, headers=[("content-type", "application/json"), *cookies])

    transport = httpx.MockTransport(answer)
    if mode == "sync":
        with TriggerClient(secret_key=KEY, environ={}, clock=FakeClock(), transport=transport) as client:
            http = client.raw.get_httpx_client()  # the client's own, with its whole stack
            http.get("/api/v3/runs/run_1")
            http.get("/api/v3/runs/run_1")
            kept = len(http.cookies.jar)
    else:

        async def twice() -> int:
            async with AsyncTriggerClient(secret_key=KEY, environ={}, clock=FakeClock(), transport=transport) as client:
                http = client.raw.get_async_httpx_client()
                await http.get("/api/v3/runs/run_1")
                await http.get("/api/v3/runs/run_1")
                return len(http.cookies.jar)

        kept = asyncio.run(twice())
    assert [r.url.path for r in sent] == ["/api/v3/runs/run_1", "/api/v3/runs/run_1"]
    assert all("cookie" not in r.headers for r in sent)
    assert kept == 0
