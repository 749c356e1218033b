"""Decoding: superjson's (json, meta) back into the value, annotations and shared references applied."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..errors import PayloadDecodeError
from ._annotations import MISSING, MapBox, SetBox, apply_annotation
from ._js_values import MAX_SAFE_INTEGER, SUPERJSON_CONTENT_TYPE
from ._json_text import js_ordered_keys
from ._paths import parse_path, stringify_path


def _index(key: str) -> int | None:
    stripped = key.strip()
    if stripped == "":
        return 0  # JavaScript: +"" is 0
    return int(stripped) if stripped.isascii() and stripped.isdigit() else None


def _child(parent: Any, key: str) -> Any:
    if isinstance(parent, list):
        i = _index(key)
        return parent[i] if i is not None and i < len(parent) else MISSING
    if isinstance(parent, dict):
        return parent.get(key, MISSING)
    if isinstance(parent, SetBox):
        i = _index(key)
        return parent.items[i] if i is not None and i < len(parent.items) else MISSING
    return MISSING


def _map_entry(parent: MapBox, row: str) -> list[Any] | None:
    i = _index(row)
    return parent.entries[i] if i is not None and i < len(parent.entries) else None


def _set_deep(root: Any, path: list[str], mapper: Callable[[Any], Any]) -> Any:
    """superjson's setDeep: a path that leads nowhere changes nothing (the SDK ignores it too)."""
    if not path:
        return mapper(root)
    parent = root
    i = 0
    while i < len(path) - 1:
        key = path[i]
        if isinstance(parent, MapBox):
            if i == len(path) - 2:
                break
            entry = _map_entry(parent, key)
            i += 1
            if entry is None:
                return root
            parent = entry[0] if _index(path[i]) == 0 else entry[1]
        else:
            parent = _child(parent, key)
            if parent is MISSING:
                return root
        i += 1
    last = path[-1]
    if isinstance(parent, list):
        index = _index(last)
        if index is not None and index < len(parent):
            parent[index] = mapper(parent[index])
    elif isinstance(parent, dict):
        if last in parent:
            parent[last] = mapper(parent[last])
        else:
            # only "undefined" names a key that is absent from the JSON; for any other annotation the path
            # is one superjson 2.2.1 itself misses (a key with a dot or a backslash): leave the value alone
            mapped = mapper(MISSING)
            if mapped is not MISSING:
                parent[last] = mapped
    elif isinstance(parent, SetBox):
        index = _index(last)
        if index is not None and index < len(parent.items):
            parent.items[index] = mapper(parent.items[index])
    elif isinstance(parent, MapBox) and len(path) >= 2:
        entry = _map_entry(parent, path[-2])
        if entry is not None:
            side = 0 if _index(last) == 0 else 1
            entry[side] = mapper(entry[side])
    return root


def _get_deep(root: Any, path: list[str], shown: str) -> Any:
    value = root
    i = 0
    while i < len(path):
        key = path[i]
        if isinstance(value, MapBox):
            entry = _map_entry(value, key)
            i += 1
            if entry is None or i >= len(path):
                raise PayloadDecodeError(f"referentialEqualities names {shown!r}, which is not in the value")
            value = entry[0] if _index(path[i]) == 0 else entry[1]
        else:
            value = _child(value, key)
            if value is MISSING:
                raise PayloadDecodeError(f"referentialEqualities names {shown!r}, which is not in the value")
        i += 1
    return value


def _js_entries(tree: Any, what: str, origin: list[str] | None = None) -> list[tuple[str, Any]]:
    if not isinstance(tree, dict):
        where = f" at {stringify_path(origin) or 'the top'}" if origin is not None else ""
        raise PayloadDecodeError(f"superjson meta: {what}{where} must be an object, got {json.dumps(tree)[:80]}")
    return [(k, tree[k]) for k in js_ordered_keys(tree)]


def _traverse(tree: Any, origin: list[str], visit: Callable[[Any, list[str]], None]) -> None:
    if tree is None or tree is False or tree == 0 or tree == "":  # JavaScript falsy: nothing to do
        return
    if not isinstance(tree, list):
        for key, subtree in _js_entries(tree, "an annotation tree", origin):
            _traverse(subtree, [*origin, *parse_path(key)], visit)
        return
    if not tree:
        raise PayloadDecodeError(f"superjson meta: empty annotation at {stringify_path(origin) or 'the top'}")
    node = tree[0]
    children = tree[1] if len(tree) > 1 else None
    if children:
        for key, child in _js_entries(children, f"the children of {json.dumps(node)[:40]}", origin):
            _traverse(child, [*origin, *parse_path(key)], visit)
    visit(node, origin)


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _finalize(value: Any, done: dict[int, Any]) -> Any:
    # Sets and Maps become Python ones; shared objects stay shared (and cycles stay cycles)
    if isinstance(value, dict):
        if id(value) in done:
            return done[id(value)]
        done[id(value)] = value
        for key in value:
            value[key] = _finalize(value[key], done)
        return value
    if isinstance(value, list):
        if id(value) in done:
            return done[id(value)]
        done[id(value)] = value
        for i, item in enumerate(value):
            value[i] = _finalize(item, done)
        return value
    if isinstance(value, SetBox):
        if id(value) in done:
            return done[id(value)]
        items: list[Any] = []
        done[id(value)] = items
        items.extend(_finalize(item, done) for item in value.items)
        try:
            as_set = set(items)
        except TypeError:
            return items
        result_set: Any = as_set if len(as_set) == len(items) else items
        done[id(value)] = result_set
        return result_set
    if isinstance(value, MapBox):
        if id(value) in done:
            return done[id(value)]
        pairs: list[tuple[Any, Any]] = []
        done[id(value)] = pairs
        pairs.extend((_finalize(k, done), _finalize(v, done)) for k, v in value.entries)
        try:
            as_dict = dict(pairs)
        except TypeError:
            return pairs
        result_map: Any = as_dict if len(as_dict) == len(pairs) else pairs
        done[id(value)] = result_map
        return result_map
    return value


def deserialize(json_value: Any, meta: Any = None) -> Any:
    """The value superjson's (json, meta) stands for, with `meta` applied (see trigger_facade.superjson)."""
    if meta is not None and not isinstance(meta, dict):
        raise PayloadDecodeError(f"superjson meta must be an object, got {type(meta).__name__}")
    plain = _copy(json_value)
    meta = meta or {}
    values = meta.get("values")
    if values:

        def visit(annotation: Any, path: list[str]) -> None:
            nonlocal plain
            plain = _set_deep(plain, path, lambda v: apply_annotation(v, annotation, path))

        _traverse(values, [], visit)
    equalities = meta.get("referentialEqualities")
    if equalities:
        plain = _apply_equalities(plain, equalities)
    return _finalize(plain, {})


def _apply_equalities(plain: Any, equalities: Any) -> Any:
    def apply(identical: Any, source: str) -> None:
        nonlocal plain
        target = _get_deep(plain, parse_path(source), source)
        if not isinstance(identical, list) or not all(isinstance(p, str) for p in identical):
            raise PayloadDecodeError("superjson referentialEqualities must map a path to a list of paths")
        for other in identical:
            plain = _set_deep(plain, parse_path(other), lambda _: target)

    if isinstance(equalities, list):
        if not equalities or not isinstance(equalities[0], list):
            raise PayloadDecodeError("superjson referentialEqualities: the root form is [[paths], {path: paths}?]")
        root = plain
        for other in equalities[0]:
            plain = _set_deep(plain, parse_path(str(other)), lambda _: root)
        if len(equalities) > 1 and equalities[1]:
            for source, identical in _js_entries(equalities[1], "referentialEqualities"):
                apply(identical, source)
        return plain
    for source, identical in _js_entries(equalities, "referentialEqualities"):
        apply(identical, source)
    return plain


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _js_integer(digits: str) -> int | float:
    # a JSON number is a double in JavaScript: digits past 2**53 are not really there, and keeping them
    # as an int would make us send a BigInt back where the task sent a number
    number = int(digits)
    return number if -MAX_SAFE_INTEGER <= number <= MAX_SAFE_INTEGER else float(number)


def parse(text: str | bytes) -> Any:
    """The value a superjson text stands for. A JSON object without a "json" key gives None, as in the
    SDK; text that is not a JSON object raises PayloadDecodeError. Plain JSON numbers are JavaScript
    numbers: an integer past 2**53 - 1 that is not a bigint reads as a float, as JavaScript reads it."""
    try:
        document = json.loads(text, parse_constant=_refuse_constant, parse_int=_js_integer)
    except (ValueError, UnicodeDecodeError) as exc:
        raise PayloadDecodeError(f"not superjson: the text is not JSON ({exc})") from None
    if not isinstance(document, dict):
        raise PayloadDecodeError(f"not superjson: expected a JSON object, got {type(document).__name__}")
    if "json" not in document:
        return None
    return deserialize(document["json"], document.get("meta"))


def decode_packet(data: str | None, data_type: str | None) -> Any:
    """A payload or output as the SDK's parsePacket reads it from (data, dataType).

    Empty data gives None; application/json is JSON (integers keep every digit, unlike JavaScript);
    application/super+json is superjson; text/plain and unknown types give the string itself; an
    application/store packet must be downloaded first (PayloadDecodeError).
    """
    if not data:
        return None
    if data_type == "application/json":
        try:
            return json.loads(data, parse_constant=_refuse_constant)
        except ValueError as exc:
            raise PayloadDecodeError(f"application/json packet is not JSON ({exc})") from None
    if data_type == SUPERJSON_CONTENT_TYPE:
        return parse(data)
    if data_type == "application/store":
        raise PayloadDecodeError(f"Cannot parse an application/store packet ({data}). Needs to be imported first.")
    return data
