"""The auth as httpx's clients call it (sync_auth_flow / async_auth_flow, one generator, no I/O) does
what auth_flow does, and the request key made without uuid.UUID is a canonical version-4 UUID."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest

from trigger_facade._transport import OPERATION_EXTENSION, OriginBearerAuth
from trigger_facade.connections import REQUEST_KEY_HEADER, RequestAuth, request_key

BASE = httpx.URL("https://api.trigger.dev")
KEY = "tr_dev_GUARDsecret0123456789"


def test_request_keys_are_canonical_random_version_4_uuids() -> None:
    keys = [request_key() for _ in range(2000)]
    assert len(set(keys)) == len(keys)
    for key in keys:
        parsed = uuid.UUID(key)
        assert str(parsed) == key
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122
    # every hex digit that is not fixed by the version and variant does vary
    for position in (i for i in range(36) if i not in (8, 13, 14, 18, 19, 23)):
        assert len({key[position] for key in keys}) > 1, position
    assert {key[19] for key in keys} == set("89ab")


def flows(auth: httpx.Auth, request: httpx.Request) -> list[httpx.Headers]:
    """The request each flow hands to the transport, from three copies of `request`."""

    def copy() -> httpx.Request:
        return httpx.Request(request.method, request.url, headers=request.headers, extensions=request.extensions)

    async def first(request: httpx.Request) -> httpx.Request:
        return await auth.async_auth_flow(request).__anext__()

    return [
        next(auth.auth_flow(copy())).headers,
        next(auth.sync_auth_flow(copy())).headers,
        asyncio.run(first(copy())).headers,
    ]


@pytest.mark.parametrize(
    ("url", "extensions", "keyed"),
    [
        ("https://api.trigger.dev/api/v3/runs/run_1", {OPERATION_EXTENSION: "retrieve_run_v1"}, True),
        ("https://api.trigger.dev:443/api/v1/runs", {}, True),
        ("http://api.trigger.dev/api/v1/runs", {}, False),  # another scheme is another origin
        ("https://api.trigger.dev:8443/api/v1/runs", {}, False),
        ("https://storage.example/packet", {}, False),
        ("https://api.trigger.dev/api/v1/timezones", {OPERATION_EXTENSION: "get_timezones_v1"}, False),
        ("https://api.trigger.dev/packet", {OriginBearerAuth.ANONYMOUS: True}, False),
    ],
)
def test_every_flow_keys_the_origin_only(url: str, extensions: dict[str, object], keyed: bool) -> None:
    request = httpx.Request("GET", url, headers={"Authorization": "Bearer stale"}, extensions=extensions)
    for headers in flows(RequestAuth(KEY, BASE), request):
        assert headers.get("authorization") == (f"Bearer {KEY}" if keyed else None)
        assert uuid.UUID(headers[REQUEST_KEY_HEADER]).version == 4


def test_a_request_key_already_set_is_kept_by_every_flow() -> None:
    request = httpx.Request("GET", "https://api.trigger.dev/x", headers={REQUEST_KEY_HEADER: "kept"})
    assert [headers[REQUEST_KEY_HEADER] for headers in flows(RequestAuth(KEY, BASE), request)] == ["kept"] * 3


def test_the_flows_end_after_one_request() -> None:
    auth = RequestAuth(KEY, BASE)
    flow = auth.sync_auth_flow(httpx.Request("GET", "https://api.trigger.dev/x"))
    request = next(flow)
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(200, request=request))

    async def run() -> None:
        aflow = auth.async_auth_flow(httpx.Request("GET", "https://api.trigger.dev/x"))
        arequest = await aflow.__anext__()
        with pytest.raises(StopAsyncIteration):
            await aflow.asend(httpx.Response(200, request=arequest))

    asyncio.run(run())
