"""What the client-construction tests share."""

from __future__ import annotations

import asyncio

import httpx

from trigger_facade import AsyncTriggerClient, TriggerClient


def get_through(client: TriggerClient | AsyncTriggerClient, url: str) -> httpx.Response:
    """GET `url` through the client's own httpx client (its whole stack), then close the client."""
    if isinstance(client, TriggerClient):
        with client:
            return client.raw.get_httpx_client().get(url)

    async def go() -> httpx.Response:
        async with client:
            return await client.raw.get_async_httpx_client().get(url)

    assert isinstance(client, AsyncTriggerClient)
    return asyncio.run(go())
