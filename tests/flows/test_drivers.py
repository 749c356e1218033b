"""The flow drivers: a flow's requests go through the resource's `_send` (auth, retries, typed
errors) and its sleeps through the client's clock, the same for sync and async."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

from trigger_facade import AsyncTriggerClient, NotFoundError, TriggerClient
from trigger_facade._base import build_request
from trigger_facade.client_state import ClientState
from trigger_facade.flows import Flow, Sleep, arun_flow, exchange, pause, run_flow
from trigger_facade.sansio.payloads import upload_packet
from trigger_facade.testing import FakeClock

KEY = "tr_dev_abcdefghijklmnopqrstuvwx"


class Server:
    """A MockTransport handler answering by (method, path) and recording every request."""

    def __init__(self, answers: dict[tuple[str, str], list[httpx.Response]]) -> None:
        self.answers = answers
        self.seen: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        return self.answers[(request.method, request.url.path)].pop(0)


def clients(server: Server, clock: FakeClock) -> tuple[TriggerClient, AsyncTriggerClient]:
    kwargs: dict[str, Any] = {"secret_key": KEY, "clock": clock, "environ": {}}
    return (
        TriggerClient(transport=httpx.MockTransport(server), **kwargs),
        AsyncTriggerClient(transport=httpx.MockTransport(server), **kwargs),
    )


def drive(mode: str, server: Server, clock: FakeClock, make_flow: Any) -> Any:
    """Build the flow against the client's state and run it with the resource's driver."""
    sync, asynchronous = clients(server, clock)
    if mode == "sync":
        resource: Any = sync.runs
        return resource._run(make_flow(resource._state, resource._http))
    resource = asynchronous.runs
    return asyncio.run(resource._run(make_flow(resource._state, resource._http)))


def two_step(state: ClientState, http: httpx.Client | httpx.AsyncClient) -> Flow[str]:
    """Read a run, wait, then read the run its answer names: each step uses the answer before it."""
    first = yield from exchange(build_request(state, http, {"method": "GET", "url": "/api/v3/runs/run_a"}))
    yield from pause(2.5)
    following = first.json()["next"]
    second = yield from exchange(build_request(state, http, {"method": "GET", "url": f"/api/v3/runs/{following}"}))
    return str(second.json()["status"])


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_flow_runs_request_by_request_and_sleeps_on_the_clients_clock(mode: str) -> None:
    server = Server(
        {
            ("GET", "/api/v3/runs/run_a"): [httpx.Response(200, json={"next": "run_b"})],
            ("GET", "/api/v3/runs/run_b"): [httpx.Response(200, json={"status": "COMPLETED"})],
        }
    )
    clock = FakeClock()
    assert drive(mode, server, clock, two_step) == "COMPLETED"
    assert [(r.method, r.url.path) for r in server.seen] == [
        ("GET", "/api/v3/runs/run_a"),
        ("GET", "/api/v3/runs/run_b"),
    ]
    # sent through the resource: the auth put the key on both
    assert all(r.headers["authorization"] == f"Bearer {KEY}" for r in server.seen)
    assert clock.sleeps == [2.5]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_the_resources_retries_stay_in_force_for_a_flows_request(mode: str) -> None:
    server = Server(
        {
            ("GET", "/api/v3/runs/run_a"): [
                httpx.Response(503, json={"error": "busy"}),
                httpx.Response(200, json={"next": "run_b"}),
            ],
            ("GET", "/api/v3/runs/run_b"): [httpx.Response(200, json={"status": "QUEUED"})],
        }
    )
    clock = FakeClock()
    assert drive(mode, server, clock, two_step) == "QUEUED"
    assert len(server.seen) == 3  # the 503 was retried by the transport; the flow saw only the 200
    assert clock.sleeps[-1] == 2.5
    assert len(clock.sleeps) == 2


def tolerant(state: ClientState, http: httpx.Client | httpx.AsyncClient) -> Flow[str]:
    """Catch the typed error thrown in at the yield and carry on."""
    try:
        yield from exchange(build_request(state, http, {"method": "GET", "url": "/api/v3/runs/run_gone"}))
    except NotFoundError as exc:
        return f"missing ({exc.status_code})"
    return "found"


def strict(state: ClientState, http: httpx.Client | httpx.AsyncClient) -> Flow[str]:
    yield from exchange(build_request(state, http, {"method": "GET", "url": "/api/v3/runs/run_gone"}))
    return "found"


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_typed_error_is_thrown_into_the_flow(mode: str) -> None:
    server = Server({("GET", "/api/v3/runs/run_gone"): [httpx.Response(404, json={"error": "Run not found"})]})
    assert drive(mode, server, FakeClock(), tolerant) == "missing (404)"


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_an_error_the_flow_does_not_catch_reaches_the_caller_without_context(mode: str) -> None:
    server = Server({("GET", "/api/v3/runs/run_gone"): [httpx.Response(404, json={"error": "Run not found"})]})
    with pytest.raises(NotFoundError) as caught:
        drive(mode, server, FakeClock(), strict)
    assert caught.value.__context__ is None
    assert len(server.seen) == 1


def counting() -> Flow[list[str]]:
    """A flow needing no client at all: the drivers only see Requests and Sleeps."""
    got: list[str] = []
    for name in ("a", "b"):
        response = yield from exchange(httpx.Request("GET", f"https://example.test/{name}"))
        got.append(response.text)
        yield Sleep(1.0)
    return got


def test_the_drivers_need_only_a_send_and_a_sleep() -> None:
    slept: list[float] = []

    def send(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text=request.url.path, request=request)

    assert run_flow(counting(), send, slept.append) == ["/a", "/b"]
    assert slept == [1.0, 1.0]

    async def asend(request: httpx.Request) -> httpx.Response:
        return send(request)

    async def asleep(seconds: float) -> None:
        slept.append(-seconds)

    assert asyncio.run(arun_flow(counting(), asend, asleep)) == ["/a", "/b"]
    assert slept == [1.0, 1.0, -1.0, -1.0]


def test_a_failure_outside_our_errors_closes_the_flow() -> None:
    closed: list[bool] = []

    def flow() -> Flow[None]:
        try:
            yield from exchange(httpx.Request("GET", "https://example.test/"))
        finally:
            closed.append(True)

    def send(request: httpx.Request) -> httpx.Response:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_flow(flow(), send, lambda seconds: None)
    assert closed == [True]


def test_a_flow_answered_with_something_else_than_a_response_says_so() -> None:
    flow = exchange(httpx.Request("GET", "https://example.test/"))
    next(flow)
    with pytest.raises(TypeError, match="not a response"):
        flow.send(None)


def test_packet_upload_is_a_flow_without_io() -> None:
    """Stepped by hand: presign with the key, then PUT the bytes to the presigned URL without it."""
    client = TriggerClient(secret_key=KEY, clock=FakeClock(), environ={}, transport=httpx.MockTransport(Server({})))
    resource: Any = client.runs
    flow = upload_packet(resource._state, resource._http, b'{"big":1}', "application/json")
    presign = next(flow)
    assert isinstance(presign, httpx.Request)
    assert presign.method == "PUT"
    assert presign.url.path.startswith("/api/v2/packets/")
    presigned = f"{client.runs._state.config.base_url}/packets/upload?sig=1"
    answer = httpx.Response(200, json={"presignedUrl": presigned, "storagePath": "p/x.json"}, request=presign)
    upload = flow.send(answer)
    assert isinstance(upload, httpx.Request)
    assert (upload.method, str(upload.url), upload.content) == ("PUT", presigned, b'{"big":1}')
    assert upload.headers["content-type"] == "application/json"
    with pytest.raises(StopIteration) as done:
        flow.send(httpx.Response(200, request=upload))
    assert done.value.value == "p/x.json"
    assert json.loads(upload.content) == {"big": 1}
