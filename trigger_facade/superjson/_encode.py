"""Encoding: a Python value as superjson's (json, meta), as superjson 2.2.1's walker writes it."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any, Final

from ..errors import InvalidInputError
from ._js_values import MAX_SAFE_INTEGER, SUPERJSON_CONTENT_TYPE, UNDEFINED, JsBigInt, JsError, JsMap, JsRegExp, JsURL
from ._json_text import js_ordered_keys, json_stringify, plain_json_text
from ._paths import escape_key, stringify_path

_FORBIDDEN_KEYS: Final = frozenset({"__proto__", "constructor", "prototype"})


class _PrototypeKeyError(InvalidInputError):
    """superjson refuses the keys __proto__, constructor and prototype; the SDK then sends plain JSON."""


def _map_key(key: Any) -> Any:
    # a JavaScript Map stores the key -0 as 0
    return 0.0 if isinstance(key, float) and key == 0 else key


def _show_path(path: list[str]) -> str:
    return "value" if not path else "value" + "".join(f"[{p!r}]" for p in path)


def _iso_millis(value: datetime, path: list[str]) -> str:
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInputError(
            f"{_show_path(path)} is a naive datetime ({value.isoformat()}); a Date needs a time zone: "
            "pass an aware datetime such as datetime.now(UTC) or value.replace(tzinfo=UTC)"
        )
    try:
        utc = value.astimezone(UTC)
    except OverflowError:
        raise InvalidInputError(
            f"{_show_path(path)} ({value.isoformat()}) is outside the years 1-9999 in UTC"
        ) from None
    return (
        f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}"
        f".{utc.microsecond // 1000:03d}Z"
    )


def _set_items(value: set[Any] | frozenset[Any]) -> list[Any]:
    # a Python set has no order; sort when possible so the same set always gives the same text
    try:
        return sorted(value)
    except TypeError:  # mixed types: order by type name first, still the same every time
        return sorted(value, key=lambda item: (type(item).__name__, repr(item)))


_Annotation = Any  # a JS array [type] / [type, {path: tree}] or a JS object {path: tree}
_Result = tuple[Any, _Annotation]


class _Walker:
    """superjson 2.2.1's walker (plainer.ts), over Python values."""

    def __init__(self) -> None:
        self.identities: dict[Any, list[list[str]]] = {}
        self.seen: dict[Any, _Result] = {}
        self.on_path: set[int] = set()
        # the [key, value] lists made for Maps must outlive the walk, or their ids could be reused
        self.made: list[Any] = []

    def walk(self, value: Any, path: list[str]) -> _Result:
        identity = _identity(value)
        if identity is not None:
            self.identities.setdefault(identity, []).append(path)
            if identity in self.seen:
                return self.seen[identity]
        result = self._transform(value, path, identity)
        if identity is not None:
            self.seen[identity] = result
        return result

    def _transform(self, value: Any, path: list[str], identity: Any) -> _Result:
        if value is None or isinstance(value, bool):
            return value, None
        if value is UNDEFINED:
            return None, ["undefined"]
        if isinstance(value, JsBigInt):
            return str(value.value), ["bigint"]
        if isinstance(value, JsMap):
            pairs = [[_map_key(k), v] for k, v in value.entries]
            self.made.append(pairs)
            return self._deep(pairs, path, "map", is_object=False, container=value)
        if isinstance(value, str):
            return str.__str__(value), None
        if isinstance(value, int):
            plain = int(value)
            if -MAX_SAFE_INTEGER <= plain <= MAX_SAFE_INTEGER:
                return plain, None
            return str(plain), ["bigint"]
        if isinstance(value, float):
            number = float(value)
            if math.isnan(number):
                return "NaN", ["number"]
            if math.isinf(number):
                return ("Infinity" if number > 0 else "-Infinity"), ["number"]
            if number == 0 and math.copysign(1.0, number) < 0:
                return "-0", ["number"]
            return number, None
        if isinstance(value, datetime):
            return _iso_millis(value, path), ["Date"]
        if isinstance(value, date):
            return value.isoformat(), None
        if isinstance(value, (bytes, bytearray)):
            return list(value), [["custom", "buffer"]]
        if isinstance(value, JsRegExp):
            return str(value), ["regexp"]
        if isinstance(value, JsError):
            return {"name": value.name, "message": value.message}, ["Error"]
        if isinstance(value, JsURL):
            return value.href, ["URL"]
        if isinstance(value, Mapping):
            if all(isinstance(k, str) for k in value):
                return self._deep(value, path, None, is_object=True)
            pairs = [[_map_key(k), v] for k, v in value.items()]
            self.made.append(pairs)
            return self._deep(pairs, path, "map", is_object=False, container=value)
        if isinstance(value, (list, tuple)):
            return self._deep(value, path, None, is_object=False)
        if isinstance(value, (set, frozenset)):
            return self._deep(_set_items(value), path, "set", is_object=False, container=value)
        raise InvalidInputError(
            f"{_show_path(path)} is a {type(value).__name__}, which a payload cannot carry; accepted: dict, list, "
            "tuple, set, str, int, float, bool, None, aware datetime, date, bytes (or convert it first)"
        )

    def _deep(
        self, items: Any, path: list[str], kind: str | None, *, is_object: bool, container: Any = None
    ) -> _Result:
        marker = id(items if container is None else container)
        if marker in self.on_path:
            raise InvalidInputError(f"{_show_path(path)} contains itself; a payload cannot be circular")
        self.on_path.add(marker)
        try:
            inner: dict[str, Any] = {}
            if is_object:
                out_obj: dict[str, Any] = {}
                for key in js_ordered_keys(items):
                    if key in _FORBIDDEN_KEYS:
                        raise _PrototypeKeyError(
                            f"{_show_path([*path, key])}: superjson refuses the key {key!r} (a prototype pollution "
                            "risk in JavaScript), as the official SDK does"
                        )
                    out_obj[key], annotation = self.walk(items[key], [*path, key])
                    _collect(inner, key, annotation)
                plain: Any = out_obj
            else:
                out_list: list[Any] = []
                for index, item in enumerate(items):
                    json_item, annotation = self.walk(item, [*path, str(index)])
                    out_list.append(json_item)
                    _collect(inner, str(index), annotation)
                plain = out_list
        finally:
            self.on_path.discard(marker)
        if not inner:
            return plain, ([kind] if kind else None)
        return plain, ([kind, inner] if kind else inner)


def _identity(value: Any) -> Any:
    # what a JavaScript Map would key this value by, for values superjson tracks (non-primitives)
    if isinstance(value, (dict, list, set, bytearray)):
        return ("object", id(value))
    if isinstance(value, Mapping) and not isinstance(value, dict):
        return ("object", id(value))
    if isinstance(value, int) and not isinstance(value, bool) and not -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
        return ("bigint", int(value))
    if isinstance(value, JsBigInt):
        return ("bigint", value.value)
    if isinstance(value, float) and math.isnan(value):
        return ("nan",)
    return None


def _collect(inner: dict[str, Any], key: str, annotation: _Annotation) -> None:
    if isinstance(annotation, list):
        inner[key] = annotation  # written unescaped, as superjson does (a decoder then misses it)
    elif isinstance(annotation, dict):
        for sub_path in js_ordered_keys(annotation):  # a JavaScript object: index keys come first
            inner[escape_key(key) + "." + sub_path] = annotation[sub_path]


def _referential_equalities(identities: dict[Any, list[list[str]]]) -> Any:
    result: dict[str, list[str]] = {}
    root: list[str] | None = None
    for paths in identities.values():
        if len(paths) <= 1:
            continue
        first, *others = sorted(paths, key=len)  # stable, like Array.prototype.sort
        if not first:
            root = [stringify_path(p) for p in others]
        else:
            result[stringify_path(first)] = [stringify_path(p) for p in others]
    if root is not None:
        return [root] if not result else [root, result]
    return result or None


def serialize(value: Any) -> tuple[Any, dict[str, Any] | None]:
    """`value` as superjson's (json, meta): the JSON value and the annotations (None when none)."""
    walker = _Walker()
    plain, annotations = walker.walk(value, [])
    meta: dict[str, Any] = {}
    if annotations:
        meta["values"] = annotations
    equalities = _referential_equalities(walker.identities)
    if equalities:
        meta["referentialEqualities"] = equalities
    return plain, (meta or None)


def stringify(value: Any) -> str:
    """The superjson text of `value`, exactly as the official SDK writes it for the same value."""
    text = plain_json_text(value)
    if text is not None:
        return '{"json":' + text + "}"
    plain, meta = serialize(value)
    document: dict[str, Any] = {"json": plain}
    if meta is not None:
        document["meta"] = meta
    return json_stringify(document)


def encode_packet(value: Any) -> tuple[str | None, str]:
    """(data, dataType) as the SDK's stringifyIO sends a payload: UNDEFINED (no payload) as no data
    with application/json, a str as text/plain, anything else as superjson. A dict key __proto__,
    constructor or prototype makes superjson refuse; the SDK then sends the value as plain JSON, and
    so does this (refusing what plain JSON cannot carry rather than mangling it)."""
    if value is UNDEFINED:
        return None, "application/json"
    if isinstance(value, str):
        return str.__str__(value), "text/plain"
    try:
        return stringify(value), SUPERJSON_CONTENT_TYPE
    except _PrototypeKeyError:
        return json_stringify(_plain_json(value, [])), "application/json"


def _plain_json(value: Any, path: list[str]) -> Any:
    # what JSON.stringify gives for the values it keeps faithfully; the rest is refused, not mangled
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int) and -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
        return int(value)
    if isinstance(value, float) and math.isfinite(value):
        return float(value)
    if isinstance(value, datetime):
        return _iso_millis(value, path)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping) and all(isinstance(k, str) for k in value):
        # JSON.stringify drops undefined members and writes null for undefined array items
        return {k: _plain_json(v, [*path, k]) for k, v in value.items() if v is not UNDEFINED}
    if isinstance(value, (list, tuple)):
        return [None if v is UNDEFINED else _plain_json(v, [*path, str(i)]) for i, v in enumerate(value)]
    raise InvalidInputError(
        f"{_show_path(path)}: a payload with a key __proto__, constructor or prototype goes as plain JSON "
        f"(as the official SDK sends it), which cannot carry a {type(value).__name__} value"
    )
