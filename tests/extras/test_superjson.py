"""superjson against the official SDK's recordings (sdk-vectors-realtime.json `superjson`,
sdk-vectors.json `stringifyIO`): our text equals the SDK's byte for byte, and we read its text back."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from trigger_facade import superjson as sj
from trigger_facade.errors import InvalidInputError, TriggerError
from trigger_facade.superjson import (
    UNDEFINED,
    JsBigInt,
    JsError,
    JsMap,
    JsRegExp,
    JsURL,
    PayloadDecodeError,
)

from .vectors import core, realtime


def at(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def _shared() -> Any:
    o = {"k": 1}
    return {"a": o, "b": o}


# The Python value a Python caller passes where the SDK recording passed the JavaScript value in `js`.
STRINGIFY_INPUTS: dict[str, Any] = {
    "date": {"when": at("2025-01-02T03:04:05.678Z")},
    "dateNoMillis": {"when": at("2025-01-02T03:04:05Z")},
    "bigint": {"n": 2**70},
    # a JavaScript number past 2**53 is a double; the Python equivalent is a float (an int would be a bigint)
    "unsafeIntegerAsNumber": {"n": float(2**53 + 2)},
    "float": {"x": 1.5, "y": 1e21, "z": 0.1},
    "set": {"s": {1, "a"}},
    "setOfDates": {"s": {at("2025-01-01T00:00:00Z")}},
    "map": {"m": JsMap([("k1", 1), ("k2", at("2025-01-01T00:00:00Z"))])},
    "nestedArray": [1, [2, 3], {"a": [4]}],
    "null": {"x": None},
    "undefinedProp": {"a": 1, "u": UNDEFINED},
    "nestedDatePath": {"a": {"b": [at("2025-01-01T00:00:00Z"), 2]}},
    "dotInKey": {"a.b": at("2025-01-01T00:00:00Z")},
    "topLevelDate": at("2025-01-02T03:04:05.678Z"),
    "topLevelBigint": 12345678901234567890,
    "topLevelNumber": 42,
    "topLevelNull": None,
    "topLevelArray": [at("2025-01-01T00:00:00Z"), 1],
    "topLevelString": "hello",
    "topLevelUndefined": UNDEFINED,
    "specialNumbers": {"a": math.nan, "b": math.inf, "c": -math.inf, "d": -0.0},
    "sharedReference": _shared(),
    "regexp": {"r": JsRegExp("ab+c", "gi")},
    "error": {"e": JsError("Error", "boom")},
    "url": {"u": JsURL("https://example.com/a?b=1")},
    "buffer": {"b": bytes([1, 2, 255])},
    "unicode": {"s": "h\u00e9llo \u2713 \u2028"},
    "emptyObject": {},
}

STRINGIFY = realtime("superjson")["stringify"]


def test_every_stringify_vector_has_a_python_input() -> None:
    assert sorted(v["name"] for v in STRINGIFY) == sorted(STRINGIFY_INPUTS)


@pytest.mark.parametrize("vector", STRINGIFY, ids=lambda v: v["name"])
def test_encode_packet_matches_the_sdk_byte_for_byte(vector: dict[str, Any]) -> None:
    data, data_type = sj.encode_packet(STRINGIFY_INPUTS[vector["name"]])
    assert data_type == vector["dataType"]
    assert data == vector["data"]


@pytest.mark.parametrize("vector", [v for v in STRINGIFY if "superjsonStringify" in v], ids=lambda v: v["name"])
def test_stringify_of_values_the_sdk_sends_otherwise(vector: dict[str, Any]) -> None:
    value = STRINGIFY_INPUTS[vector["name"]]
    if vector["superjsonStringify"] is None:  # undefined: no packet at all
        assert sj.encode_packet(value) == (None, "application/json")
    else:
        assert sj.stringify(value) == vector["superjsonStringify"]


STRINGIFY_IO_INPUTS: dict[str, Any] = {
    "object": {"hello": "world"},
    "string": "hello",
    "undefined": UNDEFINED,
    "number": 42,
    "null": None,
    "date": {"when": at("2025-01-01T00:00:00.000Z")},
    "bigint": {"n": JsBigInt(10)},  # 10n: a small BigInt must be asked for; a plain 10 is a number
    "set_map": {"s": {1, 2}, "m": JsMap({"k": "v"})},
    "array": [1, "two", {"three": 3}],
}


@pytest.mark.parametrize("vector", core("stringifyIO"), ids=lambda v: v["name"])
def test_stringify_io_vectors(vector: dict[str, Any]) -> None:
    assert sj.encode_packet(STRINGIFY_IO_INPUTS[vector["name"]]) == (vector["data"], vector["dataType"])


# ---------------------------------------------------------------------------------------------
# parse: the typed view of what the SDK yields, turned into the Python value we promise


def expected(view: Any) -> Any:
    if isinstance(view, list):
        return [expected(v) for v in view]
    if not isinstance(view, dict):
        return view
    kind = view.get("$type")
    if kind is None:
        return {k: expected(v) for k, v in view.items()}
    if kind == "Date":
        return at(view["iso"])
    if kind == "bigint":
        return int(view["value"])
    if kind == "Set":
        return {expected(v) for v in view["values"]}
    if kind == "Map":
        return {expected(k): expected(v) for k, v in view["entries"]}
    if kind == "undefined":
        return None
    if kind == "number":
        return float(view["value"].replace("Infinity", "inf"))
    if kind == "RegExp":
        return JsRegExp(view["source"], view["flags"])
    if kind == "Error":
        return JsError(view["name"], view["message"])
    if kind == "URL":
        return JsURL(view["href"])
    if kind == "Buffer":
        return bytes(view["bytes"])
    if kind == "ref":
        return view  # checked by identity below
    raise AssertionError(f"unknown typed view {kind}")


def same(a: Any, b: Any) -> bool:
    """Equality where NaN equals NaN and -0.0 differs from 0.0 (both matter for the number type)."""
    if isinstance(a, float) and isinstance(b, float):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and bool(a == b)


PARSE = realtime("superjson")["parse"]
# Where we differ from the SDK on purpose (documented in trigger_facade.superjson):
# an unparseable Date has no Python form, and an unknown annotation is our error, not a stack overflow.
PARSE_REFUSED = {"invalidDate", "unknownAnnotation"}


@pytest.mark.parametrize("vector", [v for v in PARSE if v["name"] not in PARSE_REFUSED], ids=lambda v: v["name"])
def test_parse_reads_the_sdk_text(vector: dict[str, Any]) -> None:
    value = sj.parse(vector["input"])
    if vector["name"] == "referentialEquality":
        assert value["a"] == {"k": [1]}
        assert value["b"] is value["a"]
        assert value["c"][0] is value["a"]
        assert vector["identity"] == {"aIsB": True, "aIsC0": True}
        return
    assert same(value, expected(vector["result"])), value


@pytest.mark.parametrize("name", sorted(PARSE_REFUSED))
def test_parse_refuses_what_python_cannot_hold(name: str) -> None:
    vector = next(v for v in PARSE if v["name"] == name)
    with pytest.raises(PayloadDecodeError) as info:
        sj.parse(vector["input"])
    assert " at when" in str(info.value) or " at x" in str(info.value)  # the path is named
    assert isinstance(info.value, TriggerError)
    assert isinstance(info.value, ValueError)


def test_the_sdk_dot_quirk_is_read_as_the_sdk_reads_it() -> None:
    # superjson writes a leaf key with a dot unescaped, so its own reader misses it: the value stays a string
    text = sj.stringify({"a.b": at("2025-01-01T00:00:00Z")})
    assert text == '{"json":{"a.b":"2025-01-01T00:00:00.000Z"},"meta":{"values":{"a.b":["Date"]}}}'
    assert sj.parse(text) == {"a.b": "2025-01-01T00:00:00.000Z"}
    # an inner key with a dot is escaped and read back
    nested = sj.stringify({"f.g": {"h": 2**60}})
    assert nested == '{"json":{"f.g":{"h":"1152921504606846976"}},"meta":{"values":{"f\\\\.g.h":["bigint"]}}}'
    assert sj.parse(nested) == {"f.g": {"h": 2**60}}


@pytest.mark.parametrize("vector", realtime("superjson")["parsePacketOtherTypes"], ids=lambda v: v["dataType"])
def test_decode_packet_other_types(vector: dict[str, Any]) -> None:
    if "error" in vector:
        with pytest.raises(PayloadDecodeError) as info:
            sj.decode_packet(vector["data"], vector["dataType"])
        assert str(info.value) == vector["error"]["message"]
        return
    value = sj.decode_packet(vector["data"], vector["dataType"])
    if vector["data"] == '{"a":1,"big":12345678901234567890}':
        # JavaScript rounds the big integer to a double; Python keeps every digit
        assert vector["result"]["big"] == 12345678901234567000
        assert value == {"a": 1, "big": 12345678901234567890}
        return
    assert value == expected(vector["result"])


# ---------------------------------------------------------------------------------------------
# Behaviour beyond the recordings, cross-checked against superjson 2.2.1 under Node 20


@pytest.mark.parametrize(
    ("value", "text"),
    [
        # equal bigints and NaNs are one value to JavaScript's Map, so superjson lists them as shared
        (
            {"a": 10**20, "b": 10**20},
            '{"json":{"a":"100000000000000000000","b":"100000000000000000000"},'
            '"meta":{"values":{"a":["bigint"],"b":["bigint"]},"referentialEqualities":{"a":["b"]}}}',
        ),
        (
            {"a": math.nan, "b": math.nan},
            '{"json":{"a":"NaN","b":"NaN"},'
            '"meta":{"values":{"a":["number"],"b":["number"]},"referentialEqualities":{"a":["b"]}}}',
        ),
        # array-index keys come first, ascending, as in every JavaScript object
        ({"b": 1, "10": 2, "2": 3, "01": 4, "-1": 5}, '{"json":{"2":3,"10":2,"b":1,"01":4,"-1":5}}'),
        # ...also among the annotation paths
        (
            {"s": {"x"}, "0": [{"d": at("1970-01-01T00:00:00Z")}, at("1970-01-01T00:00:00Z")]},
            '{"json":{"0":[{"d":"1970-01-01T00:00:00.000Z"},"1970-01-01T00:00:00.000Z"],"s":["x"]},'
            '"meta":{"values":{"0.1":["Date"],"0.0.d":["Date"],"s":["set"]}}}',
        ),  # checked with Node
        # the shortest path is the representative one
        (
            (lambda o: {"x": [o], "y": o, "z": {"w": o}})({"k": [1]}),
            '{"json":{"x":[{"k":[1]}],"y":{"k":[1]},"z":{"w":{"k":[1]}}},"meta":{"referentialEqualities":{"y":["x.0","z.w"]}}}',
        ),
        # numbers as JavaScript writes them
        (
            [
                1e16,
                1e21,
                1e-7,
                1.5e-7,
                0.000001,
                123456789.125,
                2.0,
                -1e-7,
                5e-324,
                1.7976931348623157e308,
                float(2**60),
            ],
            '{"json":[10000000000000000,1e+21,1e-7,1.5e-7,0.000001,123456789.125,2,-1e-7,5e-324,1.7976931348623157e+308,'
            "1152921504606847000]}",
        ),
        # a dict with a non-str key is a Map; keys and values are annotated inside it
        (
            {1: at("1970-01-01T00:00:00Z"), "k": 2**60},
            '{"json":[[1,"1970-01-01T00:00:00.000Z"],["k","1152921504606846976"]],'
            '"meta":{"values":["map",{"0.1":["Date"],"1.1":["bigint"]}]}}',
        ),
        # strings escaped as JSON.stringify escapes them (U+007F and U+2028 raw, a lone surrogate escaped)
        ('a\x00\x1f\x7f\u2028\ud800"\\\b\f\n\r\t/', None),
        (
            {"s": 'a\x00\x1f\x7f\u2028\ud800"\\\b\f\n\r\t/'},
            '{"json":{"s":"a\\u0000\\u001f\x7f\u2028\\ud800\\"\\\\\\b\\f\\n\\r\\t/"}}',
        ),
    ],
)
def test_stringify_matches_superjson_beyond_the_recordings(value: Any, text: str | None) -> None:
    if text is None:
        assert sj.encode_packet(value) == (value, "text/plain")
        return
    assert sj.stringify(value) == text
    assert same(sj.parse(text), sj.parse(sj.stringify(sj.parse(text))))


def test_offsets_and_microseconds() -> None:
    # any zone is written in UTC; microseconds are cut to the milliseconds a Date holds
    plus_two = datetime(2025, 1, 2, 5, 4, 5, 678999, tzinfo=timezone(timedelta(hours=2)))
    assert sj.stringify(plus_two) == '{"json":"2025-01-02T03:04:05.678Z","meta":{"values":["Date"]}}'
    back = sj.parse(sj.stringify(plus_two))
    assert back == plus_two - timedelta(microseconds=999)
    assert back.tzinfo is UTC


def test_a_date_is_a_plain_string() -> None:
    assert sj.stringify({"d": date(2025, 1, 2)}) == '{"json":{"d":"2025-01-02"}}'


def test_safe_integer_boundary() -> None:
    assert sj.stringify(2**53 - 1) == '{"json":9007199254740991}'
    assert sj.stringify(-(2**53 - 1)) == '{"json":-9007199254740991}'
    assert sj.stringify(2**53) == '{"json":"9007199254740992","meta":{"values":["bigint"]}}'
    assert sj.stringify(True) == '{"json":true}'


@pytest.mark.parametrize(
    ("value", "path", "words"),
    [
        ({"a": [1, {"when": datetime(2025, 1, 1)}]}, "value['a']['1']['when']", "naive datetime"),
        (datetime(2025, 1, 1), "value", "naive datetime"),
        ({"x": object()}, "value['x']", "object"),
        ({"x": {1.5j}}, "value['x']['0']", "complex"),
    ],
)
def test_refusals_name_the_path(value: Any, path: str, words: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        sj.stringify(value)
    assert path in str(info.value)
    assert words in str(info.value)


def test_a_cycle_is_refused() -> None:
    loop: dict[str, Any] = {"a": 1}
    loop["self"] = {"back": loop}
    with pytest.raises(InvalidInputError, match=r"value\['self'\]\['back'\] contains itself"):
        sj.stringify(loop)


def test_prototype_keys_go_as_plain_json_like_the_sdk() -> None:
    # superjson throws on these keys; the SDK's stringifyIO then sends the value as plain JSON
    with pytest.raises(InvalidInputError, match="constructor"):
        sj.stringify({"team": {"constructor": "Ferrari"}})
    assert sj.encode_packet({"team": {"constructor": "Ferrari"}, "at": at("2025-01-01T00:00:00Z")}) == (
        '{"team":{"constructor":"Ferrari"},"at":"2025-01-01T00:00:00.000Z"}',
        "application/json",
    )
    with pytest.raises(InvalidInputError, match="plain JSON"):
        sj.encode_packet({"constructor": {1, 2}})


def test_map_and_set_fall_back_to_lists_when_python_cannot_key_them() -> None:
    text = (
        '{"json":{"m":[[["a"],1],[["b"],2]],"s":[[1],[2]],"c":[1,true]},'
        '"meta":{"values":{"m":["map"],"s":["set"],"c":["set"]}}}'
    )
    value = sj.parse(text)
    assert value == {"m": [(["a"], 1), (["b"], 2)], "s": [[1], [2]], "c": [1, True]}


def test_the_root_and_nested_tree_forms_of_meta() -> None:
    value = sj.deserialize({"a": {"k": 1}}, {"referentialEqualities": [["a.self"]]})
    assert value["a"]["self"] is value
    assert sj.deserialize(["1"], {"values": {"0": ["bigint"]}, "v": 1}) == [1]
    assert sj.deserialize({"s": ["2025-01-01T00:00:00Z"]}, {"values": {"s": ["set"], "s.0": ["Date"]}}) == {
        "s": {at("2025-01-01T00:00:00Z")}
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not JSON"),
        ("[1]", "expected a JSON object"),
        ('{"json":NaN}', "not JSON"),
        (
            '{"json":{"x":1},"meta":{"values":{"x":[["class","Foo"]]}}}',
            'unknown superjson annotation ["class", "Foo"] at x',
        ),
        ('{"json":{"x":1},"meta":{"values":{"x":["symbol"]}}}', "unknown superjson annotation"),
        ('{"json":{"x":"zz"},"meta":{"values":{"x":["bigint"]}}}', "a bigint needs a decimal string"),
        ('{"json":{"x":[1]},"meta":{"values":{"x":["Date"]}}}', "a Date needs a date string"),
        ('{"json":{"x":[300]},"meta":{"values":{"x":[["custom","buffer"]]}}}', "a Buffer needs a list of bytes"),
        ('{"json":{"x":1},"meta":{"values":{"x":["map"]}}}', "a Map needs an array"),
        ('{"json":{"x":1},"meta":{"referentialEqualities":{"nope":["x"]}}}', "names 'nope'"),
        ('{"json":{"x":1},"meta":"v"}', "meta must be an object"),
    ],
)
def test_bad_superjson_is_a_clear_decode_error(text: str, message: str) -> None:
    with pytest.raises(PayloadDecodeError) as info:
        sj.parse(text)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2025-01-02", "2025-01-02T00:00:00+00:00"),
        ("2025-01-02T03:04", "2025-01-02T03:04:00+00:00"),
        ("2025-01-02 05:00:00.5", "2025-01-02T05:00:00.500000+00:00"),
        ("2025-01-02T05:04:05.678+02:00", "2025-01-02T03:04:05.678000+00:00"),
        ("2025-01-02T05:04:05.678-0230", "2025-01-02T07:34:05.678000+00:00"),
        ("Thu, 01 Jan 1970 00:00:00 GMT", "1970-01-01T00:00:00+00:00"),
    ],
)
def test_parse_js_date(text: str, iso: str) -> None:
    assert sj.parse_js_date(text) == datetime.fromisoformat(iso)
    assert sj.parse_js_date(text).tzinfo is not None


def test_date_from_epoch_milliseconds_as_javascript_does() -> None:
    assert sj.deserialize(1735787045000, {"values": ["Date"]}) == at("2025-01-02T03:04:05Z")


def test_json_stringify_takes_json_values_only() -> None:
    assert sj.json_stringify({"b": [1, 2.5, None, True], "a": "x"}) == '{"b":[1,2.5,null,true],"a":"x"}'
    with pytest.raises(TypeError, match="keys must be strings"):
        sj.json_stringify({1: 2})
    with pytest.raises(TypeError, match="set is not a JSON value"):
        sj.json_stringify({1, 2})
