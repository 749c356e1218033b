"""The one strict check every 2xx JSON answer goes through: its shape against the spec.

The generated models assign what they find without checking types (`{"id": null}` would become a
run id of None), so before any parsing the body is held against the operation's response schema
from spec/openapi.yaml (trigger_facade/_response_schemas.json, written by scripts/gen_operations.py).
Checked: types, required properties, array items, $ref, allOf/anyOf/oneOf. Not checked on purpose:
enums and formats (the server adds statuses over time; an unknown one is reported, not refused) and
extra properties (kept for forward compatibility).

Each schema is compiled twice, once: a predicate that only says whether a body fits (every answer
takes it: `$ref`s inlined, an allOf of objects merged into one pass, plain types checked in place),
and the validator that says where it does not (run only on a refused body: the same message as ever).
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
    try:
        return _BY_ANSWER[operation, status]
    except KeyError:
        schema = _BY_ANSWER[operation, status] = _response_schema(operation, status)
        return schema


_BY_ANSWER: dict[tuple[str, int], dict[str, Any] | None] = {}  # as many as the spec has operations and statuses


def _response_schema(operation: str, status: int) -> dict[str, Any] | None:
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
    if not fits(value, schema):
        explain(value, schema)


def fits(value: Any, schema: dict[str, Any]) -> bool:
    """Whether `value` fits `schema` (the same verdict as `explain`, without saying where)."""
    predicate = _PREDICATES.get(id(schema))
    if predicate is None:
        predicate = _PREDICATES[id(schema)] = _as_predicate(_predicate(schema, frozenset()))
    return predicate(value)


def explain(value: Any, schema: dict[str, Any]) -> None:
    """Raise SchemaMismatch naming the first place where `value` does not fit `schema`; slower than `fits`."""
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
    allowed = _python_types(names)
    if allowed is None:
        return lambda value: None  # a type this checker does not know: nothing to hold against
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


# The fast answer. A compiled part is None (anything fits), a frozenset of the exact Python types
# that fit (checked in place by its parent), or a predicate.
Predicate = Callable[[Any], bool]
Part = Predicate | frozenset[type] | None
Within = tuple[dict[str, Any], frozenset[str]]
_PREDICATES: dict[int, Predicate] = {}
_BY_COMPONENT: dict[str, Predicate] = {}


class _Shape:
    """What a schema and everything it pulls in ($ref, allOf) ask of one value, gathered flat."""

    def __init__(self) -> None:
        self.types: frozenset[type] | None = None
        self.required: dict[str, None] = {}
        # each sub-schema with the components it lies within (a $ref back to one of them is not inlined)
        self.properties: dict[str, list[Within]] = {}
        self.items: list[Within] = []
        self.others: list[Predicate] = []

    def narrow(self, allowed: frozenset[type]) -> None:
        self.types = allowed if self.types is None else self.types & allowed

    def absorb(self, schema: dict[str, Any], within: frozenset[str]) -> None:
        ref = schema.get("$ref")
        if isinstance(ref, str):  # the validator ignores a $ref's siblings: so does this
            name = ref.rsplit("/", 1)[-1]
            if name in within:  # a schema inside itself: resolved when used
                self.others.append(lambda value: _component_predicate(name)(value))
            else:
                self.absorb(_schemas()["components"][name], within | {name})
            return
        for part in schema.get("allOf", ()):
            self.absorb(part, within)
        for keyword in ("anyOf", "oneOf"):
            if schema.get(keyword):
                options = [_predicate(option, within) for option in schema[keyword]]
                if any(option is None for option in options):
                    continue  # an option anything fits
                if all(isinstance(option, frozenset) for option in options):
                    self.narrow(frozenset().union(*options))  # type: ignore[arg-type]
                else:
                    self.others.append(_any_predicate(tuple(_as_predicate(option) for option in options)))
        expected = schema.get("type")
        if expected is not None:
            allowed = _python_types(expected if isinstance(expected, list) else [expected])
            if allowed is not None:
                self.narrow(allowed)
        self.required.update(dict.fromkeys(schema.get("required", ())))
        for name, sub in schema.get("properties", {}).items():
            self.properties.setdefault(name, []).append((sub, within))
        items = schema.get("items")
        if isinstance(items, dict):
            self.items.append((items, within))


def _component_predicate(name: str) -> Predicate:
    fits = _BY_COMPONENT.get(name)
    if fits is None:
        fits = _BY_COMPONENT[name] = _as_predicate(_predicate(_schemas()["components"][name], frozenset({name})))
    return fits


def _python_types(names: list[str]) -> frozenset[type] | None:
    """The exact types of decoded JSON that have one of the type `names`; None if one is unknown."""
    exact: set[type] = set()
    for name in names:
        if name == "integer":
            exact.add(int)
        elif name == "number":
            exact.update((int, float))
        elif name in _JSON_TYPES:
            exact.update(_JSON_TYPES[name])
        else:
            return None
    return frozenset(exact)


def _all_of(schemas: list[Within]) -> Part:
    if len(schemas) == 1:
        return _predicate(*schemas[0])
    return _predicate(
        {"allOf": [schema for schema, _ in schemas]}, frozenset().union(*(within for _, within in schemas))
    )


def _predicate(schema: dict[str, Any], within: frozenset[str]) -> Part:
    shape = _Shape()
    shape.absorb(schema, within)
    properties = {name: _all_of(subs) for name, subs in shape.properties.items()}
    plain = {name: part for name, part in properties.items() if isinstance(part, frozenset)}
    nested = {name: part for name, part in properties.items() if callable(part)}
    items = _all_of(shape.items) if shape.items else None
    if not (shape.required or plain or nested or items is not None or shape.others):
        return shape.types
    # the object and array checks hold the type check too, so a run is one pass over its members
    structural = [
        part
        for part in (
            _object_predicate(shape.types, tuple(shape.required), plain, nested),
            _array_predicate(shape.types, items),
        )
        if part is not None
    ]
    parts = (structural or [_as_predicate(shape.types)]) + shape.others
    if len(parts) == 1:
        return parts[0]
    checks = tuple(parts)
    return lambda value: all(check(value) for check in checks)


def _as_predicate(part: Part) -> Predicate:
    if part is None:
        return lambda value: True
    if isinstance(part, frozenset):
        allowed = part
        return lambda value: type(value) in allowed
    return part


def _object_predicate(
    types: frozenset[type] | None,
    required: tuple[str, ...],
    plain: dict[str, frozenset[type]],
    nested: dict[str, Predicate],
) -> Predicate | None:
    if not (required or plain or nested):
        return None
    objects_fit = types is None or dict in types

    def object_fits(value: Any) -> bool:
        if type(value) is not dict:
            return types is None or type(value) in types
        if not objects_fit:
            return False
        for name in required:
            if name not in value:
                return False
        for name, item in value.items():
            allowed = plain.get(name)
            if allowed is not None:
                if type(item) not in allowed:
                    return False
            else:
                fits = nested.get(name)
                if fits is not None and not fits(item):
                    return False
        return True

    return object_fits


def _array_predicate(types: frozenset[type] | None, items: Part) -> Predicate | None:
    if items is None:
        return None
    lists_fit = types is None or list in types
    if isinstance(items, frozenset):
        allowed = items

        def array_of_plain_fits(value: Any) -> bool:
            if type(value) is not list:
                return types is None or type(value) in types
            if not lists_fit:
                return False
            for item in value:  # noqa: SIM110 (a loop: all() over a generator costs twice as much)
                if type(item) not in allowed:
                    return False
            return True

        return array_of_plain_fits
    fits = items

    def array_fits(value: Any) -> bool:
        if type(value) is not list:
            return types is None or type(value) in types
        return lists_fit and all(fits(item) for item in value)

    return array_fits


def _any_predicate(checks: tuple[Predicate, ...]) -> Predicate:
    return lambda value: any(check(value) for check in checks)


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
