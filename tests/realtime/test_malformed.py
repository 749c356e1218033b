"""Whatever the server sends, the realtime core raises only RealtimeProtocolError (or copes)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trigger_facade.realtime.electric import RealtimeProtocolError, ShapeSubscription
from trigger_facade.realtime.runs import RunDecoder
from trigger_facade.realtime.streams import StreamReader

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
COLUMN_TYPES = ["text", "bool", "int4", "int8", "float8", "jsonb", "timestamp"]
schemas = st.dictionaries(
    st.sampled_from(["id", "n", "ok", "tags", "error", "createdAt"]),
    st.fixed_dictionaries(
        {"type": st.sampled_from(COLUMN_TYPES)}, optional={"dims": st.integers(0, 2), "not_null": st.booleans()}
    ),
    max_size=4,
)
messages = st.lists(
    st.one_of(
        st.fixed_dictionaries(
            {
                "key": st.one_of(st.text(max_size=3), st.integers()),
                "value": st.one_of(
                    st.dictionaries(st.sampled_from(["id", "n", "ok", "tags"]), json_values), json_values
                ),
                "headers": st.fixed_dictionaries({"operation": st.sampled_from(["insert", "update", "delete", "x"])}),
            }
        ),
        st.fixed_dictionaries(
            {"headers": st.fixed_dictionaries({"control": st.sampled_from(["up-to-date", "must-refetch", "other"])})}
        ),
        json_values,
    ),
    max_size=5,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    status=st.sampled_from([200, 200, 200, 204, 409, 429, 500, 401]),
    headers=st.dictionaries(
        st.sampled_from(["electric-handle", "electric-offset", "electric-schema", "electric-cursor", "retry-after"]),
        st.text(max_size=20),
    ),
    schema=schemas,
    body=st.one_of(messages.map(lambda m: json.dumps(m).encode()), st.binary(max_size=40)),
    live=st.booleans(),
)
def test_shape_answers_raise_only_our_error(
    status: int, headers: dict[str, str], schema: dict[str, Any], body: bytes, live: bool
) -> None:
    sub = ShapeSubscription("/realtime/v1/runs/run_1")
    if live:
        sub.next_request()
        sub.handle_response(
            200,
            {"electric-handle": "h", "electric-offset": "1", "electric-schema": json.dumps(schema)},
            b'[{"headers":{"control":"up-to-date"}}]',
        )
    elif "electric-schema" not in headers:
        headers["electric-schema"] = json.dumps(schema)
    try:
        sub.next_request()
        result = sub.handle_response(status, headers, body)
    except RealtimeProtocolError:
        return
    for _key, row in result.rows:
        assert isinstance(row, dict)
    if result.retry_in is not None:
        assert 0 <= result.retry_in <= 60


rows = st.dictionaries(
    st.sampled_from(
        [
            "id",
            "friendlyId",
            "taskIdentifier",
            "status",
            "createdAt",
            "updatedAt",
            "completedAt",
            "isTest",
            "usageDurationMs",
            "runTags",
            "error",
            "payload",
            "payloadType",
            "metadata",
            "metadataType",
            "output",
            "outputType",
            "realtimeStreams",
            "number",
            "ttl",
        ]
    ),
    st.one_of(json_values, st.sampled_from(["2025-01-02T03:04:05.678", "application/json", "text/plain", "PENDING"])),
)


@settings(max_examples=300, deadline=None)
@given(row=rows)
def test_rows_raise_only_our_error(row: dict[str, Any]) -> None:
    try:
        run = RunDecoder().decode(row)
    except RealtimeProtocolError:
        return
    assert run["id"] == row["friendlyId"]


GOOD_ROW = {
    "id": "c1",
    "friendlyId": "run_1",
    "taskIdentifier": "t",
    "status": "EXECUTING",
    "createdAt": "2025-01-02T03:04:05.678",
    "updatedAt": "2025-01-02 03:04:06",
}


@pytest.mark.parametrize(
    "change",
    [
        {"createdAt": "2025-01-02"},
        {"createdAt": "2025-13-02T03:04:05"},
        {"updatedAt": None},
        {"completedAt": "yesterday"},
        {"usageDurationMs": None},
        {"usageDurationMs": True},
        {"runTags": "{a}"},
        {"runTags": [1]},
        {"error": {"type": "BUILT_IN_ERROR", "name": "E"}},
        {"error": {"type": "NOPE"}},
        {"error": "boom"},
        {"payload": "{", "payloadType": "application/json"},
        {"metadata": "x", "metadataType": "application/store"},
        {"isTest": "t"},
        {"friendlyId": None},
    ],
)
def test_rows_the_sdk_schema_refuses_raise_our_error(change: dict[str, Any]) -> None:
    with pytest.raises(RealtimeProtocolError):
        RunDecoder().decode({**GOOD_ROW, **change})


@settings(max_examples=200, deadline=None)
@given(
    version=st.sampled_from(["v1", "v2"]),
    pieces=st.lists(
        st.one_of(
            st.binary(max_size=30),
            st.sampled_from([b"event: batch\n", b"data: ", b"\n\n", b"\r\n", b"id: 1-0\n", b"event: error\n"]),
            json_values.map(lambda v: b"data: " + json.dumps({"records": v}).encode() + b"\n\n"),
            json_values.map(lambda v: b"data: " + json.dumps({"records": [v]}).encode() + b"\n\n"),
        ),
        max_size=8,
    ),
)
def test_stream_bytes_raise_only_our_error(version: str, pieces: list[bytes]) -> None:
    reader = StreamReader("run_1", "s")
    reader.next_request()
    reader.handle_status(200, {"x-stream-version": version})
    try:
        for piece in pieces:
            for chunk in reader.feed(piece):
                assert chunk.event_id is None or isinstance(chunk.event_id, str)
        reader.end_of_body()
    except RealtimeProtocolError:
        return


@pytest.mark.parametrize(
    "headers",
    [{"content-type": "application/json"}, {"x-stream-version": "v3"}, {"content-type": "text/html"}],
)
def test_stream_answers_with_the_wrong_headers_raise_our_error(headers: dict[str, str]) -> None:
    reader = StreamReader("run_1", "s")
    reader.next_request()
    with pytest.raises(RealtimeProtocolError):
        reader.handle_status(200, headers)


def test_deep_nesting_is_our_error_or_text() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    sub = ShapeSubscription("/x")
    sub.next_request()
    with pytest.raises(RealtimeProtocolError):
        sub.handle_response(
            200, {"electric-handle": "h", "electric-offset": "1", "electric-schema": "{}"}, deep.encode()
        )
    reader = StreamReader("run_1", "s")
    reader.handle_status(200, {})
    assert [c.data for c in reader.feed(f"id: 1-0\ndata: {deep}\n\n".encode())] == [deep]
    reader = StreamReader("run_1", "s")
    reader.handle_status(200, {"x-stream-version": "v2"})
    with pytest.raises(RealtimeProtocolError):
        reader.feed(f"event: batch\ndata: {deep}\n\n".encode())
