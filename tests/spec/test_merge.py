"""scripts/merge_spec.py: determinism, the mechanical transforms, overlay actions and the lint."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest

from scripts import generate, merge_spec, upstream

ROOT = Path(__file__).resolve().parents[2]


def _pinned_documents() -> dict[str, bytes]:
    """The pinned upstream bytes from $UPSTREAM or the cache; never downloads (tests stay offline)."""
    folder = os.environ.get("UPSTREAM")
    try:
        return upstream.locate(Path(folder) if folder else None, allow_download=False)
    except upstream.UpstreamUnavailable as exc:
        pytest.skip(f"upstream documents not available ({exc}); `make spec` fetches them")


def test_build_is_deterministic_and_matches_the_committed_spec() -> None:
    sources = _pinned_documents()
    first = merge_spec.build(sources)
    second = merge_spec.build(sources)
    assert first == second
    assert first == (ROOT / "spec" / "openapi.yaml").read_text(encoding="utf-8")


def test_regenerating_twice_gives_identical_bytes(tmp_path: Path) -> None:
    one = generate.run_generator(tmp_path / "one")
    two = generate.run_generator(tmp_path / "two")
    assert generate.differences(one, two) == []
    assert generate.differences(ROOT / "generated" / "trigger_api", one) == []


def _doc_with_param(param: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "paths": {"/x": {"get": {"operationId": "x", "parameters": [param], "responses": {}}}},
        "components": {"schemas": schemas or {}, "parameters": {}},
    }


def test_deep_object_becomes_flat_bracket_params() -> None:
    param = {
        "in": "query",
        "name": "filter",
        "style": "deepObject",
        "schema": {
            "type": "object",
            "properties": {
                "status": {"type": "array", "items": {"type": "string", "enum": ["A", "B"]}},
                "createdAt": {
                    "type": "object",
                    "properties": {"from": {"type": "string", "format": "date-time"}},
                },
                "isTest": {"type": "boolean"},
            },
        },
    }
    doc = _doc_with_param(param)
    merge_spec.flatten_deep_objects(doc)
    params = doc["paths"]["/x"]["get"]["parameters"]
    assert [(p["name"], p["schema"]) for p in params] == [
        ("filter[status]", {"type": "string"}),
        ("filter[createdAt][from]", {"type": "string"}),
        ("filter[isTest]", {"type": "boolean"}),
    ]


def test_nullable_becomes_type_array_or_any_of() -> None:
    node = {
        "a": {"type": "string", "nullable": True},
        "b": {"$ref": "#/x", "nullable": True},
        "c": {"type": "string", "enum": ["x"], "nullable": True},
        "d": {"type": "string", "nullable": False},
    }
    out = merge_spec.nullable_to_type_array(node)
    assert out["a"] == {"type": ["string", "null"]}
    assert out["b"] == {"anyOf": [{"$ref": "#/x"}, {"type": "null"}]}
    assert out["c"] == {"anyOf": [{"type": "string", "enum": ["x"]}, {"type": "null"}]}
    assert out["d"] == {"type": "string"}


def test_prose_is_stripped_but_a_property_named_description_is_kept() -> None:
    node = {
        "description": "prose",
        "properties": {"description": {"type": "string", "description": "prose"}},
        "x-codeSamples": [],
    }
    assert merge_spec.strip_prose(node) == {"properties": {"description": {"type": "string"}}}


def test_overlay_actions() -> None:
    doc: dict[str, Any] = {"a": {"b": [1, {"c": 2}]}, "r": {"$ref": "#/old"}}
    upstream = {"other.yml": {"x": {"y": 3}}}
    merge_spec.apply_action(doc, upstream, {"why": "w", "set": {"path": "/a/n", "value": 1}})
    merge_spec.apply_action(doc, upstream, {"why": "w", "merge": {"path": "/a/b/1", "value": {"d": 4}}})
    merge_spec.apply_action(doc, upstream, {"why": "w", "copy": {"from": "other.yml#/x", "to": "/z"}})
    merge_spec.apply_action(doc, upstream, {"why": "w", "remove": {"path": "/a/b/0"}})
    merge_spec.apply_action(doc, upstream, {"why": "w", "rename_ref": {"from": "#/old", "to": "#/new"}})
    assert doc == {"a": {"b": [{"c": 2, "d": 4}], "n": 1}, "r": {"$ref": "#/new"}, "z": {"y": 3}}


@pytest.mark.parametrize(
    ("action", "message"),
    [
        ({"set": {"path": "/a", "value": 1}}, "needs a `why`"),
        ({"why": "w", "remove": {"path": "/missing"}}, "nothing to remove"),
        ({"why": "w", "copy": {"from": "#/nope/x", "to": "/b"}}, "does not resolve"),
    ],
)
def test_overlay_errors_are_explicit(action: dict[str, Any], message: str) -> None:
    with pytest.raises(merge_spec.SpecError, match=message):
        merge_spec.apply_action({"a": 1}, {}, action)


def _op(op_id: str, **extra: Any) -> dict[str, Any]:
    return {"operationId": op_id, "tags": ["t"], "responses": {}, **extra}


def test_lint_finds_each_kind_of_problem() -> None:
    doc: dict[str, Any] = {
        "paths": {
            "/a": {"get": _op("same"), "post": _op("same")},
            "/b": {"get": {**_op("b"), "tags": ["t", "u"]}},
            "/c": {
                "get": _op(
                    "c",
                    parameters=[{"in": "query", "name": "f", "style": "deepObject", "schema": {}}],
                    responses={"404": {"description": "x"}},
                )
            },
        },
        "components": {"schemas": {"U": {"oneOf": [{"type": "object", "properties": {"a": {}}}]}}},
    }
    problems = "\n".join(merge_spec.lint(copy.deepcopy(doc)))
    assert "operationId same also used" in problems
    assert "exactly one tag" in problems
    assert "deepObject parameter f" in problems
    assert "404 is not typed as ErrorResponse" in problems
    assert "inline object under oneOf" in problems


def test_operations_must_exist_on_the_server(tmp_path: Path) -> None:
    routes = tmp_path / "routes.tsv"
    routes.write_text("method\tpath\nGET\t/api/v1/runs/{runParam}\n", encoding="utf-8")
    doc: dict[str, Any] = {"paths": {"/api/v1/runs/{runId}": {"get": {}}, "/api/v9/nope": {"post": {}}}}
    problems = merge_spec.server_route_problems(doc, routes)
    assert problems == ["POST /api/v9/nope: not a route of the real server"]
