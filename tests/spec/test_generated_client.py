"""The generated client, used directly: what it puts on the wire and what it can parse."""

from __future__ import annotations

import importlib
import io
import pkgutil
from typing import Any

import httpx
import pytest
import trigger_api
from trigger_api.api.batches import stream_batch_items_v1
from trigger_api.api.runs import list_runs_v1, retrieve_run_v1
from trigger_api.client import AuthenticatedClient
from trigger_api.models import RetrieveRunResponse
from trigger_api.types import File

from ..facade import harness as facade_harness

# the facade tests' run, with the deprecated `attempts` list the server still sends
RUN: dict[str, Any] = {**facade_harness.RUN, "attempts": []}


def client_for(handler: Any) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url="https://api.trigger.dev",
        token=facade_harness.KEY,
        httpx_args={"transport": httpx.MockTransport(handler)},
    )


def test_list_runs_sends_flat_bracket_params() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": [], "pagination": {}})

    response = list_runs_v1.sync_detailed(
        client=client_for(handler),
        pagesize=50,
        filterstatus="COMPLETED,FAILED",
        filtercreated_atfrom="1700000000000",
    )
    assert response.status_code == 200
    (request,) = seen
    assert request.method == "GET"
    assert request.url.path == "/api/v1/runs"
    assert request.url.query == (
        b"page%5Bsize%5D=50&filter%5BcreatedAt%5D%5Bfrom%5D=1700000000000&filter%5Bstatus%5D=COMPLETED%2CFAILED"
    )
    assert dict(request.url.params) == {
        "page[size]": "50",
        "filter[createdAt][from]": "1700000000000",
        "filter[status]": "COMPLETED,FAILED",
    }


def test_list_runs_sends_nothing_it_was_not_given() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": [], "pagination": {}})

    list_runs_v1.sync_detailed(client=client_for(handler))
    assert seen[0].url.query == b""


@pytest.mark.parametrize(
    "status", ["EXPIRED", "TIMED_OUT", "WAITING", "DEQUEUED", "WAITING_FOR_DEPLOY", "FROZEN", "DELAYED"]
)
def test_retrieve_run_parses_every_status(status: str) -> None:
    body = {**RUN, "status": status}
    parsed = retrieve_run_v1.sync(run_id="run_1234", client=client_for(lambda _: httpx.Response(200, json=body)))
    assert isinstance(parsed, RetrieveRunResponse)
    assert parsed.status == status


@pytest.mark.parametrize("payload", ["a string", 42, 1.5, [1, "two"], None, {"k": {"n": [1]}}, True])
def test_payload_and_output_parse_as_any_json(payload: Any) -> None:
    body = {**RUN, "payload": payload, "output": payload}
    parsed = retrieve_run_v1.sync(run_id="r", client=client_for(lambda _: httpx.Response(200, json=body)))
    assert isinstance(parsed, RetrieveRunResponse)
    assert parsed.payload == payload
    assert parsed.output == payload


def test_nullable_timestamps_and_unknown_fields() -> None:
    body = {**RUN, "startedAt": None, "finishedAt": None, "brandNewField": {"x": 1}, "attempts": []}
    parsed = retrieve_run_v1.sync(run_id="r", client=client_for(lambda _: httpx.Response(200, json=body)))
    assert isinstance(parsed, RetrieveRunResponse)
    assert parsed.started_at is None
    assert parsed.additional_properties["brandNewField"] == {"x": 1}
    assert parsed.to_dict()["brandNewField"] == {"x": 1}


def test_attempts_is_optional() -> None:
    body = {k: v for k, v in RUN.items() if k != "attempts"}
    parsed = retrieve_run_v1.sync(run_id="r", client=client_for(lambda _: httpx.Response(200, json=body)))
    assert isinstance(parsed, RetrieveRunResponse)


def test_path_ids_are_quoted_into_one_segment() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=RUN)

    retrieve_run_v1.sync_detailed(run_id="a/../b?c#d", client=client_for(handler))
    assert seen[0].url.raw_path == b"/api/v3/runs/a%2F..%2Fb%3Fc%23d"


def test_ndjson_items_go_out_as_raw_bytes() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": "batch_1", "itemsAccepted": 1, "itemsDeduplicated": 0, "sealed": True})

    line = b'{"index":0,"task":"t","payload":1}\n'
    stream_batch_items_v1.sync_detailed(
        batch_id="batch_1", client=client_for(handler), body=File(payload=io.BytesIO(line))
    )
    assert seen[0].headers["content-type"] == "application/x-ndjson"
    assert seen[0].content == line


def test_every_generated_module_imports() -> None:
    names = [m.name for m in pkgutil.walk_packages(trigger_api.__path__, prefix="trigger_api.")]
    assert len(names) > 250
    for name in names:
        importlib.import_module(name)
