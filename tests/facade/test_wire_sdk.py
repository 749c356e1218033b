"""Trigger bodies byte for byte as the official SDK sends them, for the payloads it was recorded with
(sdk-vectors-realtime.json `superjson.stringify`, sdk-vectors.json `stringifyIO`): dates, bigints, sets,
maps, strings, nested values, no payload. The expected bytes are assembled from the recorded data text
and the SDK's body rules (wire-observed §2: `{payload, options}`, payloadType then payloadSize first in
options, then idempotencyKey), never from our own encoder."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ..extras.test_superjson import STRINGIFY_INPUTS, STRINGIFY_IO_INPUTS
from ..extras.vectors import core, realtime
from .harness import Recorder, call, make_client, ok

KEY64 = "f" * 64  # a 64-character key goes as it is, with no idempotencyKeyOptions (and no automatic key)
TRIGGER = ("POST", "/api/v1/tasks/my-task/trigger")

VECTORS = [(f"superjson.{v['name']}", STRINGIFY_INPUTS[v["name"]], v) for v in realtime("superjson")["stringify"]]
VECTORS += [(f"stringifyIO.{v['name']}", STRINGIFY_IO_INPUTS[v["name"]], v) for v in core("stringifyIO")]


def _js_string(text: str) -> str:
    # JSON.stringify of a string; json.dumps writes the same for text without lone surrogates
    return json.dumps(text, ensure_ascii=False)


def sdk_trigger_body(data: str | None, data_type: str) -> bytes:
    size = 0 if data is None else len(data.encode())
    payload = "" if data is None else f'"payload":{_js_string(data)},'
    options = f'"payloadType":"{data_type}","payloadSize":{size},"idempotencyKey":"{KEY64}"'
    return ("{" + payload + '"options":{' + options + "}}").encode()


@pytest.mark.parametrize(("name", "value", "vector"), VECTORS, ids=[v[0] for v in VECTORS])
def test_trigger_body_equals_the_sdk_bytes(mode: str, name: str, value: Any, vector: dict[str, Any]) -> None:
    rec = Recorder({TRIGGER: ok({"id": "run_1"})})
    call(make_client(mode, rec), "tasks.trigger", "my-task", value, idempotency_key=KEY64)
    assert rec.last.content == sdk_trigger_body(vector["data"], vector["dataType"])
    assert rec.last.headers["content-type"] == "application/json"


def test_the_vectors_cover_what_the_issue_names() -> None:
    names = {name for name, _, _ in VECTORS}
    for wanted in ("date", "bigint", "set", "map", "topLevelString", "nestedDatePath", "undefined"):
        assert any(name.endswith("." + wanted) for name in names), wanted


@pytest.mark.parametrize(("name", "value", "vector"), VECTORS[:12], ids=[v[0] for v in VECTORS[:12]])
def test_batch_lines_carry_the_same_payload_text(mode: str, name: str, value: Any, vector: dict[str, Any]) -> None:
    def create(request: Any) -> Any:
        return ok({"id": "batch_1", "runCount": 1, "isCached": False})

    rec = Recorder(
        {
            ("POST", "/api/v3/batches"): create,
            ("POST", "/api/v3/batches/batch_1/items"): ok(
                {"id": "batch_1", "itemsAccepted": 1, "itemsDeduplicated": 0, "sealed": True}
            ),
        }
    )
    call(make_client(mode, rec), "tasks.batch_trigger", "my-task", [{"payload": value}])
    line = rec.last.content.decode().splitlines()[0]
    data = vector["data"]
    size = 0 if data is None else len(data.encode())
    payload = "" if data is None else f'"payload":{_js_string(data)},'
    assert line == (
        '{"index":0,"task":"my-task",' + payload + f'"options":{{"payloadType":"{vector["dataType"]}",'
        f'"payloadSize":{size}}}}}'
    )
