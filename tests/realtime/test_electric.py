"""The Electric shape protocol: requests, the batching rule, 409 / must-refetch, decoding, retries."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from trigger_facade.errors import InvalidInputError, TriggerError
from trigger_facade.realtime.electric import (
    SDK_BACKOFF,
    ColumnType,
    RealtimeProtocolError,
    ReconnectPolicy,
    ShapeSubscription,
    decode_value,
    parse_pg_array,
    parse_schema,
    realtime_headers,
)

SCHEMA = json.dumps({"id": {"type": "text"}, "n": {"type": "int4"}, "ok": {"type": "bool"}})


def change(key: str, op: str, **value: Any) -> dict[str, Any]:
    return {"key": key, "value": value, "headers": {"operation": op}}


UP = {"headers": {"control": "up-to-date"}}
REFETCH = {"headers": {"control": "must-refetch"}}


def answer(
    sub: ShapeSubscription, messages: list[Any], *, handle: str = "h1", offset: str = "1_1", **extra: str
) -> Any:
    headers = {"electric-handle": handle, "electric-offset": offset, **extra}
    if not sub.live:
        headers.setdefault("electric-schema", SCHEMA)
    else:
        headers.setdefault("electric-cursor", "7")
    sub.next_request()
    return sub.handle_response(200, headers, json.dumps(messages).encode())


def test_requests_follow_the_protocol_and_sort_params_like_the_sdk() -> None:
    sub = ShapeSubscription.for_tags(["user:123", "org:abc"], created_at="2h", skip_columns=["payload"])
    first = sub.next_request()
    assert first.path == "/realtime/v1/runs"
    assert first.query == "createdAt=2h&log=full&offset=-1&skipColumns=payload&tags=user%3A123%2Corg%3Aabc"
    assert first.target == "/realtime/v1/runs?" + first.query
    assert not first.live
    answer(sub, [UP], handle="runs_1", offset="5_2", **{"electric-cursor": "11"})
    live = sub.next_request()
    assert live.live
    assert live.query == (
        "createdAt=2h&cursor=11&handle=runs_1&live=true&log=full&offset=5_2&skipColumns=payload&tags=user%3A123%2Corg%3Aabc"
    )


def test_headers_are_the_reduced_realtime_set() -> None:
    assert realtime_headers() == {"x-trigger-electric-version": "1.0.0-beta.1", "x-trigger-api-version": "2025-07-16"}
    assert realtime_headers(branch="feat-x", trigger_version="4.8.3") == {
        "x-trigger-electric-version": "1.0.0-beta.1",
        "x-trigger-api-version": "2025-07-16",
        "trigger-version": "4.8.3",
        "x-trigger-branch": "feat-x",
    }
    request = ShapeSubscription.for_run("run_1", headers=realtime_headers(branch="b")).next_request()
    assert request.headers["x-trigger-branch"] == "b"
    assert "authorization" not in {k.lower() for k in request.headers}


def test_ids_are_one_path_segment_and_bad_arguments_raise_before_any_request() -> None:
    assert ShapeSubscription.for_run("run/1 x").path == "/realtime/v1/runs/run%2F1%20x"
    assert ShapeSubscription.for_batch("batch_1").path == "/realtime/v1/batches/batch_1"
    bads: list[Callable[[], object]] = [
        lambda: ShapeSubscription.for_run(""),
        lambda: ShapeSubscription.for_run(".."),
        lambda: ShapeSubscription.for_run("run_1", skip_columns=["status"]),
        lambda: ShapeSubscription.for_run("run_1", skip_columns="payload"),
        lambda: ShapeSubscription.for_tags([]),
        lambda: ShapeSubscription.for_tags(["a,b"]),
        lambda: ShapeSubscription.for_tags("a", created_at="two hours"),
    ]
    for bad in bads:
        with pytest.raises(InvalidInputError):
            bad()


def test_rows_come_out_only_on_up_to_date_each_changed_key_once_in_first_change_order() -> None:
    sub = ShapeSubscription("/realtime/v1/runs")
    first = answer(sub, [change("b", "insert", id="b", n="1"), change("a", "insert", id="a", n="2"), UP])
    assert [k for k, _ in first.rows] == ["b", "a"]
    # no up-to-date: held back
    held = answer(sub, [change("a", "update", n="3"), change("b", "update", ok="t")], offset="2_1")
    assert held.rows == []
    assert not held.up_to_date
    # a later batch with up-to-date hands out a, b (first-change order), each once, merged
    later = answer(sub, [change("a", "update", n="4"), change("b", "delete", id="b"), UP], offset="3_1")
    assert later.rows == [("a", {"id": "a", "n": 4}), ("b", {"id": "b", "n": 1, "ok": True})]
    # delete is ignored: the row stays, and a delete alone hands out nothing
    assert answer(sub, [change("b", "delete", id="b"), UP], offset="4_1").rows == []
    assert sub.rows["b"] == {"id": "b", "n": 1, "ok": True}


def test_update_is_a_shallow_merge_and_insert_replaces() -> None:
    sub = ShapeSubscription("/x")
    answer(sub, [change("k", "insert", id="k", n="1", ok="f"), UP])
    result = answer(sub, [change("k", "update", ok="true"), UP], offset="2_1")
    assert result.rows == [("k", {"id": "k", "n": 1, "ok": True})]
    result = answer(sub, [change("k", "insert", id="k"), UP], offset="3_1")
    assert result.rows == [("k", {"id": "k"})]


def test_409_switches_handle_expires_the_old_one_and_refetches_from_the_start() -> None:
    sub = ShapeSubscription("/realtime/v1/batches/b1")
    answer(sub, [change("k", "insert", id="k"), UP], handle="h1", offset="9_9")
    sub.next_request()
    result = sub.handle_response(409, {}, b'[{"headers":{"control":"must-refetch"}}]')
    assert result.refetch
    assert result.retry_in is None  # the first conflict is refetched at once, as the SDK does
    assert sub.handle == "h1-next"  # no electric-handle header: the SDK's default
    assert sub.rows == {}
    request = sub.next_request()
    assert request.query == "expired_handle=h1&handle=h1-next&log=full&offset=-1"
    # the schema is required again, and expired_handle stays on every later request
    with pytest.raises(RealtimeProtocolError, match="electric-schema"):
        sub.handle_response(200, {"electric-handle": "h2", "electric-offset": "1_1"}, b"[]")
    again = answer(sub, [change("k", "insert", id="k"), UP], handle="h2")
    assert again.rows == [("k", {"id": "k"})]
    assert "expired_handle=h1" in sub.next_request().query


def test_repeated_409s_back_off() -> None:
    sub = ShapeSubscription("/x", policy=ReconnectPolicy(jitter=0))
    sub.next_request()
    assert sub.handle_response(409, {"electric-handle": "a"}, b"").retry_in is None
    sub.next_request()
    assert sub.handle_response(409, {"electric-handle": "b"}, b"").retry_in == pytest.approx(0.25)
    sub.next_request()
    assert sub.handle_response(409, {"electric-handle": "c"}, b"[]").retry_in == pytest.approx(0.375)


def test_must_refetch_in_a_200_drops_rows_and_starts_over_on_a_new_shape() -> None:
    sub = ShapeSubscription("/x")
    answer(sub, [change("k", "insert", id="k"), UP], handle="h1")
    result = answer(sub, [change("k", "update", n="1"), REFETCH, change("z", "insert", id="z"), UP], offset="2_2")
    assert result.refetch
    assert result.rows == []
    assert sub.rows == {}
    assert sub.next_request().query == "expired_handle=h1&log=full&offset=-1"


def test_live_answers_need_a_cursor_and_every_200_needs_handle_and_offset() -> None:
    sub = ShapeSubscription("/x")
    sub.next_request()
    with pytest.raises(RealtimeProtocolError, match="electric-handle"):
        sub.handle_response(200, {"electric-offset": "1", "electric-schema": "{}"}, b"[]")
    answer(sub, [UP])
    sub.next_request()
    with pytest.raises(RealtimeProtocolError, match="electric-cursor"):
        sub.handle_response(200, {"electric-handle": "h1", "electric-offset": "2"}, b"[]")


def test_header_names_may_use_any_case_and_an_empty_body_is_an_empty_batch() -> None:
    sub = ShapeSubscription("/x")
    sub.next_request()
    result = sub.handle_response(200, {"Electric-Handle": "h", "ELECTRIC-OFFSET": "0_0", "Electric-Schema": "{}"}, b"")
    assert result.rows == []
    assert (sub.handle, sub.offset) == ("h", "0_0")


@pytest.mark.parametrize("status", [401, 403, 404, 400, 410])
def test_other_statuses_end_the_subscription(status: int) -> None:
    sub = ShapeSubscription("/x")
    sub.next_request()
    result = sub.handle_response(status, {}, b'{"error":"no"}')
    assert (result.status, sub.fatal_status, result.retry_in) == (status, status, None)


def test_retry_advice_grows_is_capped_and_resets_after_success() -> None:
    policy = ReconnectPolicy(initial_delay=0.25, factor=2.0, max_delay=1.0, min_delay=0.1, jitter=0)
    sub = ShapeSubscription("/x", policy=policy)
    delays = []
    for status in (429, 500, 503, 502, 504):
        sub.next_request()
        delays.append(sub.handle_response(status, {}, b"").retry_in)
    assert delays == [0.25, 0.5, 1.0, 1.0, 1.0]
    assert sub.handle_network_error().retry_in == 1.0
    answer(sub, [UP])
    sub.next_request()
    assert sub.handle_response(500, {}, b"").retry_in == 0.25


def test_a_server_requested_wait_wins_over_backoff_but_not_below_the_minimum() -> None:
    sub = ShapeSubscription("/x", policy=ReconnectPolicy(jitter=0))
    sub.next_request()
    assert sub.handle_response(429, {"Retry-After": "3"}, b"").retry_in == 3.0
    assert sub.handle_response(429, {"retry-after-ms": "0"}, b"").retry_in == 0.1
    now = 1_764_500_000.0
    reset_ms = str(int((now + 2.5) * 1000))
    assert sub.handle_response(429, {"x-ratelimit-reset": reset_ms}, b"", now=now).retry_in == pytest.approx(2.5)
    assert sub.handle_response(503, {"Retry-After": "86400"}, b"").retry_in == 60.0  # capped


def test_jitter_only_shortens_and_never_below_the_minimum() -> None:
    policy = ReconnectPolicy(initial_delay=0.2, factor=1.0, max_delay=10, min_delay=0.15, jitter=0.5)
    assert policy.delay(1, lambda: 0.0) == 0.2
    assert policy.delay(1, lambda: 0.99) == 0.15
    assert [SDK_BACKOFF.delay(n) for n in (1, 2, 3)] == pytest.approx([0.1, 0.13, 0.169])
    assert SDK_BACKOFF.delay(100) == 10.0


# --- values --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column_type", "wire", "value"),
    [
        (ColumnType("bool"), "t", True),
        (ColumnType("bool"), "true", True),
        (ColumnType("bool"), "f", False),
        (ColumnType("bool"), "false", False),
        (ColumnType("int2"), "-7", -7),
        (ColumnType("int4"), "2949", 2949),
        (ColumnType("int8"), "12345678901234567890", 12345678901234567890),
        (ColumnType("float8"), "0.0035", 0.0035),
        (ColumnType("float4"), "1e3", 1000.0),
        (ColumnType("float8"), "-Infinity", float("-inf")),
        (ColumnType("jsonb"), '{"type":"STRING_ERROR","raw":"x"}', {"type": "STRING_ERROR", "raw": "x"}),
        (ColumnType("json"), "[1,null]", [1, None]),
        (ColumnType("timestamp"), "2025-01-02 05:00:00.5", "2025-01-02 05:00:00.5"),
        (ColumnType("text"), "NULL", "NULL"),
        (ColumnType("text", dims=1), "{}", []),
        (ColumnType("text", dims=1), "{user:123,org:abc}", ["user:123", "org:abc"]),
        (
            ColumnType("text", dims=1),
            r'{"user:123","quote\"and,comma","back\\slash"}',
            ["user:123", 'quote"and,comma', "back\\slash"],
        ),
        (ColumnType("text", dims=1), '{NULL,"NULL",""}', [None, "NULL", ""]),
        (ColumnType("int4", dims=2), "{{1,2},{3,NULL}}", [[1, 2], [3, None]]),
        (ColumnType("bool", dims=1), "{t,f}", [True, False]),
        (ColumnType("text"), None, None),
    ],
)
def test_values_decode_by_column_type(column_type: ColumnType, wire: str | None, value: Any) -> None:
    assert decode_value(wire, column_type, "c") == value


def test_a_column_missing_from_the_schema_keeps_its_raw_value() -> None:
    assert decode_value("t", None, "c") == "t"


@pytest.mark.parametrize(
    ("column_type", "wire"),
    [
        (ColumnType("bool"), "yes"),
        (ColumnType("int4"), "1.5"),
        (ColumnType("int4"), ""),
        (ColumnType("int8"), "0x10"),
        (ColumnType("float8"), "abc"),
        (ColumnType("jsonb"), "{nope"),
        (ColumnType("jsonb"), "NaN"),
        (ColumnType("text", dims=1), "{a,b"),
        (ColumnType("text", dims=1), "a,b"),
        (ColumnType("text", dims=1), '{"a}'),
        (ColumnType("text", dims=1), "{a}x"),
        (ColumnType("text", dims=1), "{a,,b}"),
        (ColumnType("text", dims=1), "{{a}}"),
        (ColumnType("text", dims=2), "{" * 5000 + "}" * 5000),
        (ColumnType("text", not_null=True), None),
        (ColumnType("text"), 7),
        (ColumnType("bool"), True),
    ],
)
def test_values_that_do_not_fit_raise_our_error(column_type: ColumnType, wire: Any) -> None:
    with pytest.raises(RealtimeProtocolError) as caught:
        decode_value(wire, column_type, "col")
    assert isinstance(caught.value, TriggerError)
    assert "col" in str(caught.value)


def test_pg_array_parser_applies_the_element_decoder() -> None:
    assert parse_pg_array('{"1",2}', int) == [1, 2]


def test_schema_header_is_checked() -> None:
    assert parse_schema('{"a":{"type":"text","dims":1,"not_null":true}}') == {"a": ColumnType("text", 1, True)}
    for bad in ("[]", "{", '{"a":{}}', '{"a":{"type":"int4","dims":-1}}', '{"a":{"type":"int4","not_null":"y"}}'):
        with pytest.raises(RealtimeProtocolError):
            parse_schema(bad)


@pytest.mark.parametrize(
    "body",
    [
        b"{}",
        b"not json",
        b"[1]",
        b'[{"key":"k","value":{},"headers":{"operation":"upsert"}}]',
        b'[{"key":"k","value":[],"headers":{"operation":"insert"}}]',
        b'[{"key":1,"value":{},"headers":{"operation":"insert"}}]',
        b'[{"value":{},"headers":{}}]',
        b'[{"key":"k","value":{}}]',
        b"\xff\xfe",
    ],
)
def test_malformed_bodies_raise_our_error(body: bytes) -> None:
    sub = ShapeSubscription("/x")
    sub.next_request()
    with pytest.raises(RealtimeProtocolError):
        sub.handle_response(200, {"electric-handle": "h", "electric-offset": "1", "electric-schema": "{}"}, body)


def test_unknown_control_messages_are_passed_over() -> None:
    sub = ShapeSubscription("/x")
    result = answer(sub, [{"headers": {"control": "snapshot-end"}}, change("k", "insert", id="k"), UP])
    assert result.rows == [("k", {"id": "k"})]


def test_constructor_refuses_protocol_params() -> None:
    with pytest.raises(ValueError, match="offset"):
        ShapeSubscription("/x", {"offset": "5"})
    with pytest.raises(ValueError, match="path"):
        ShapeSubscription("x")
