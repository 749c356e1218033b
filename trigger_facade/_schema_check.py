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
    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where or '(body)'}: {problem}")


@cache
def _schemas() -> dict[str, Any]:
    text = files("trigger_facade").joinpath("_response_schemas.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def response_schema(operation: str, status: int) -> dict[str, Any] | None:
    """The schema of `operation`'s answer with `status`, or of its only 2xx answer; None if it has none."""
    by_status = _schemas()["operations"].get(operation)
    if not by_status:
        return None
    schema = by_status.get(str(status))
    if schema is None and len(by_status) == 1:
        schema = next(iter(by_status.values()))
    return schema  # type: ignore[no-any-return]


def _is_type(value: Any, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    kinds = _JSON_TYPES.get(name)
    return kinds is None or isinstance(value, kinds)


def check(value: Any, schema: dict[str, Any], where: str = "") -> None:
    """Raise SchemaMismatch naming the first place where `value` does not fit `schema`."""
    ref = schema.get("$ref")
    if isinstance(ref, str):
        check(value, _schemas()["components"][ref.rsplit("/", 1)[-1]], where)
        return
    for part in schema.get("allOf", ()):
        check(value, part, where)
    for keyword in ("anyOf", "oneOf"):
        options = schema.get(keyword)
        if options:
            problems = []
            for option in options:
                try:
                    check(value, option, where)
                    break
                except SchemaMismatch as exc:
                    problems.append(str(exc))
            else:
                raise SchemaMismatch(where, f"fits none of the allowed shapes ({'; '.join(problems[:3])})")
    expected = schema.get("type")
    if expected is not None:
        names = expected if isinstance(expected, list) else [expected]
        if not any(_is_type(value, name) for name in names):
            raise SchemaMismatch(where, f"expected {' or '.join(names)}, got {_json_type(value)}")
    if isinstance(value, dict):
        for name in schema.get("required", ()):
            if name not in value:
                raise SchemaMismatch(where, f"missing required property {name!r}")
        properties = schema.get("properties", {})
        for name, item in value.items():
            sub = properties.get(name)
            if sub is not None:
                check(item, sub, f"{where}.{name}" if where else name)
    elif isinstance(value, list):
        items = schema.get("items")
        if isinstance(items, dict):
            for index, item in enumerate(value):
                check(item, items, f"{where}[{index}]")


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
