"""The schema check's fast verdict (`fits`: refs inlined, allOf merged, plain types checked in place)
agrees with the validator that says where a body does not fit (`explain`), on the real server's
answers, on those answers broken at random places, and on random JSON against every schema."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trigger_facade._operations import OPERATIONS
from trigger_facade._schema_check import SchemaMismatch, check, explain, fits, response_schema
from trigger_facade._schema_check import _schemas as schemas

from ..server_truth.recordings import exchanges

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


def explained(value: Any, schema: dict[str, Any]) -> bool:
    """The validator's verdict: True when it finds nothing wrong."""
    try:
        explain(value, schema)
    except SchemaMismatch:
        return False
    return True


def _operation(method: str, path: str) -> str | None:
    for name, facts in OPERATIONS.items():
        pattern = re.sub(r"\{[^}]+\}", "[^/]+", facts.path)
        if facts.method == method and re.fullmatch(pattern, path):
            return name
    return None


def _recorded() -> list[tuple[str, dict[str, Any], Any]]:
    """(exchange name, schema, body) of every recorded 2xx JSON answer of an operation with a schema."""
    found = []
    for exchange in exchanges():
        request, response = exchange["request"], exchange["response"]
        operation = _operation(request["method"], request["path"])
        if operation is None or not 200 <= response["status"] < 300:
            continue
        schema = response_schema(operation, response["status"])
        if schema is not None and isinstance(response.get("body"), dict | list):
            found.append((exchange["name"], schema, response["body"]))
    return found


RECORDED = _recorded()
EVERY_SCHEMA = [
    *schemas()["components"].values(),
    *(schema for by_status in schemas()["operations"].values() for schema in by_status.values()),
]


def test_the_recordings_reach_many_schemas_and_all_fit() -> None:
    assert len(RECORDED) >= 60
    assert len({id(schema) for _, schema, _ in RECORDED}) >= 25
    for name, schema, body in RECORDED:
        assert fits(body, schema), name
        assert explained(body, schema), name


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place inside `value` (as a path of keys and indexes), the whole value first."""
    places = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            places += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            places += _paths(item, (*path, index))
    return places


def _broken(body: Any, path: tuple[Any, ...], replacement: Any, delete: bool) -> Any:
    """A copy of `body` with the value at `path` replaced (or, in an object, deleted)."""
    if not path:
        return replacement
    head, rest = path[0], path[1:]
    if isinstance(body, dict):
        copy = dict(body)
        if not rest and delete:
            del copy[head]
        else:
            copy[head] = _broken(body[head], rest, replacement, delete)
        return copy
    copy_list = list(body)
    copy_list[head] = _broken(body[head], rest, replacement, delete)
    return copy_list


SAMPLES = [None, True, 0, -3, 1.5, "", "x", [], ["x"], [1], {}, {"id": "x"}]


def test_every_place_of_every_recorded_answer_replaced_by_each_kind_of_value_gets_the_same_verdict() -> None:
    checked = refused = 0
    for name, schema, body in RECORDED:
        for path in _paths(body):
            for replacement in SAMPLES:
                for delete in (False, True):
                    broken = _broken(body, path, replacement, delete)
                    verdict = explained(broken, schema)
                    assert fits(broken, schema) == verdict, (name, path, replacement, delete)
                    checked += 1
                    refused += not verdict
    assert refused > checked // 4  # plenty of both verdicts
    assert refused < checked


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_recorded_answer_broken_anywhere_gets_the_same_verdict(data: st.DataObject) -> None:
    name, schema, body = data.draw(st.sampled_from(RECORDED))
    path = data.draw(st.sampled_from(_paths(body)))
    replacement = data.draw(JSON | st.sampled_from([None, True, 0, 1.5, "", [], {}]))
    broken = _broken(body, path, replacement, delete=data.draw(st.booleans()))
    assert fits(broken, schema) == explained(broken, schema), (name, path, replacement)


@settings(max_examples=1500, deadline=None)
@given(schema=st.sampled_from(EVERY_SCHEMA), value=JSON)
def test_random_json_gets_the_same_verdict_from_every_schema(schema: dict[str, Any], value: Any) -> None:
    assert fits(value, schema) == explained(value, schema)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": None}, "id: expected string, got null"),
        ({"tags": ["a", 1]}, "tags[1]: expected string, got integer"),
        ({"ttl": True}, "ttl: fits none of the allowed shapes"),
        ({"relatedRuns": {"children": [{"id": "run_2"}]}}, "relatedRuns.children[0]: missing required property"),
    ],
)
def test_a_refused_run_is_explained_where_it_breaks(change: dict[str, Any], message: str) -> None:
    schema = response_schema("retrieve_run_v1", 200)
    assert schema is not None
    body = next(body for name, s, body in RECORDED if s is schema and isinstance(body, dict))
    assert fits(body, schema)
    broken = {**body, **change}
    assert not fits(broken, schema)
    with pytest.raises(SchemaMismatch, match=re.escape(message)):
        check(broken, schema)
