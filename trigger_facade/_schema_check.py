"""The one strict check every 2xx JSON answer goes through: its shape against the spec.

The generated models assign what they find without checking types (`{"id": null}` would become a
run id of None), so before any parsing the body is held against the operation's response schema
from spec/openapi.yaml (trigger_facade/_response_schemas.json, written by scripts/gen_operations.py).
Checked: types, required properties, array items, $ref, allOf/anyOf/oneOf. Not checked on purpose:
enums and formats (the server adds statuses over time; an unknown one is reported, not refused) and
extra properties (kept for forward compatibility).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from typing import Any

_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "boolean": (bool,),
    "null": (type(None),),
}


class SchemaMismatch(Exception):
    """Where (built up on the way out, so a passing check formats no paths) and what did not fit."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.steps: list[str] = []

    def __str__(self) -> str:
        where = "".join(reversed(self.steps)).lstrip(".")
        return f"{where or '(body)'}: {self.problem}"


@cache
def _schemas() -> dict[str, Any]:
    text = files("trigger_facade").joinpath("_response_schemas.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def response_schema(operation: str, status: int) -> dict[str, Any] | None:
    """The schema of `operation`'s answer with `status` (else its first 2xx answer's); None if it has none."""
    by_status = _schemas()["operations"].get(operation)
    if not by_status:
        return None
    schema = by_status.get(str(status))
    if schema is None:
        # a success status the spec does not list: hold the body to the operation's first 2xx shape
        # (an operation's 2xx answers share one shape), never let it through unchecked
        schema = by_status[min(by_status)]
    return schema  # type: ignore[no-any-return]


Validator = Callable[[Any], None]


def check(value: Any, schema: dict[str, Any]) -> None:
    """Raise SchemaMismatch naming the first place where `value` does not fit `schema`."""
    _compiled(id(schema), schema)(value)


_VALIDATORS: dict[int, Validator] = {}


def _compiled(key: int, schema: dict[str, Any]) -> Validator:
    """`schema` turned into nested closures once (answers are checked on every call)."""
    validator = _VALIDATORS.get(key)
    if validator is None:
        validator = _VALIDATORS[key] = _compile(schema)
    return validator


def _compile(schema: dict[str, Any]) -> Validator:
    ref = schema.get("$ref")
    if isinstance(ref, str):
        target = _schemas()["components"][ref.rsplit("/", 1)[-1]]

        def by_ref(value: Any) -> None:  # resolved lazily: schemas may refer to themselves
            _compiled(id(target), target)(value)

        return by_ref
    parts: list[Validator] = [_compile(part) for part in schema.get("allOf", ())]
    for keyword in ("anyOf", "oneOf"):
        if schema.get(keyword):
            parts.append(_any_of([_compile(option) for option in schema[keyword]]))
    expected = schema.get("type")
    if expected is not None:
        parts.append(_type_check(expected if isinstance(expected, list) else [expected]))
    required = tuple(schema.get("required", ()))
    properties = {name: _compile(sub) for name, sub in schema.get("properties", {}).items()}
    if required or properties:
        parts.append(_object_check(required, properties))
    items = schema.get("items")
    if isinstance(items, dict):
        parts.append(_array_check(_compile(items)))
    if len(parts) == 1:
        return parts[0]
    checks = tuple(parts)

    def all_of(value: Any) -> None:
        for part in checks:
            part(value)

    return all_of


def _any_of(options: list[Validator]) -> Validator:
    def any_of(value: Any) -> None:
        problems = []
        for option in options:
            try:
                option(value)
                return
            except SchemaMismatch as exc:
                problems.append(str(exc))
        raise SchemaMismatch(f"fits none of the allowed shapes ({'; '.join(problems[:3])})")

    return any_of


def _type_check(names: list[str]) -> Validator:
    exact: set[type] = set()
    for name in names:
        if name == "integer":
            exact.add(int)
        elif name == "number":
            exact.update((int, float))
        elif name in _JSON_TYPES:
            exact.update(_JSON_TYPES[name])
        else:
            return lambda value: None  # a type this checker does not know: nothing to hold against
    allowed = frozenset(exact)
    wanted = " or ".join(names)

    def type_check(value: Any) -> None:
        # JSON decoding makes exact built-in types, so a set lookup suffices (and keeps bool out of int)
        if type(value) not in allowed:
            raise SchemaMismatch(f"expected {wanted}, got {_json_type(value)}")

    return type_check


def _object_check(required: tuple[str, ...], properties: dict[str, Validator]) -> Validator:
    def object_check(value: Any) -> None:
        if type(value) is not dict:
            return
        for name in required:
            if name not in value:
                raise SchemaMismatch(f"missing required property {name!r}")
        for name, item in value.items():
            sub = properties.get(name)
            if sub is not None:
                try:
                    sub(item)
                except SchemaMismatch as exc:
                    exc.steps.append(f".{name}")
                    raise

    return object_check


def _array_check(item_check: Validator) -> Validator:
    def array_check(value: Any) -> None:
        if type(value) is list:
            for index, item in enumerate(value):
                try:
                    item_check(item)
                except SchemaMismatch as exc:
                    exc.steps.append(f"[{index}]")
                    raise

    return array_check


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"
