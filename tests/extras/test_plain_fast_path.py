"""The fast path for plain JSON values writes exactly what the general JSON.stringify writer writes."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trigger_facade.errors import InvalidInputError
from trigger_facade.superjson import stringify
from trigger_facade.superjson._json_text import _write, plain_json_text

keys = st.text(max_size=6) | st.sampled_from(["0", "1", "10", "01", "4294967295", "a.b", "__proto__", "\u2028"])
plain_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53) - 2, max_value=2**53 + 2)
    | st.text(max_size=8)
    | st.sampled_from(["\ud800", "a\udfffb", "\x00\x1f\x7f", "\u2028\u2029", '"\\/']),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=20,
)


def general(value: Any) -> str:
    out: list[str] = []
    _write(value, out)
    return "".join(out)


@settings(max_examples=400, deadline=None)
@given(plain_values)
def test_the_fast_path_writes_what_the_general_writer_writes(value: Any) -> None:
    fast = plain_json_text(value)
    if fast is not None:
        assert fast == general(value)


@settings(max_examples=200, deadline=None)
@given(plain_values)
def test_superjson_text_is_the_same_with_or_without_the_fast_path(value: Any) -> None:
    from trigger_facade.superjson._encode import serialize
    from trigger_facade.superjson._json_text import json_stringify

    try:
        plain, meta = serialize(value)
    except InvalidInputError:  # keys superjson refuses: refused either way
        with pytest.raises(InvalidInputError):
            stringify(value)
        return
    document: dict[str, Any] = {"json": plain}
    if meta is not None:
        document["meta"] = meta
    assert stringify(value) == json_stringify(document)


def test_what_the_fast_path_leaves_to_the_general_one() -> None:
    shared: list[int] = [1]
    for value in (1.5, 2**53, {"1": 0}, {"__proto__": 1}, "\ud800", [shared, shared], {1: 2}, (1,)):
        assert plain_json_text(value) is None, value
    assert plain_json_text({"b": [1, "x", None, True], "a": {}}) == '{"b":[1,"x",null,true],"a":{}}'
