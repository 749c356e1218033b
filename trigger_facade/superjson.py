"""superjson, the payload format of the official SDK, byte for byte.

The TypeScript SDK sends every non-string payload as `application/super+json`: the text
`{"json": <value>, "meta": {"values": ..., "referentialEqualities": ...}}` written by superjson 2.2.1
(plus the SDK's custom `buffer` type). A task declared with `z.date()` then receives a `Date`; with
plain JSON it would receive a string. This module writes what the SDK writes for the same value and
reads it back, applying `meta`.

Python -> JavaScript, when encoding:

    None -> null            bool -> boolean           str -> string
    int within +-(2**53-1) -> number; any other int -> BigInt (no int ever loses a digit)
    float -> number; nan, inf, -inf, -0.0 -> the "number" annotation
    aware datetime -> Date (milliseconds; microseconds are cut, as a Date holds ms)
    naive datetime -> refused (InvalidInputError naming the value's path)
    date -> "YYYY-MM-DD" string (JavaScript has no date-only type; as with plain JSON)
    list, tuple -> array      set, frozenset -> Set (sorted when the elements sort)
    dict with only str keys -> object; a dict with any other key -> Map
    bytes, bytearray -> Buffer (the SDK's custom "buffer")
    JsRegExp, JsError, JsURL -> RegExp, Error, URL
    JsMap(...) -> Map with any keys; JsBigInt(n) -> BigInt; UNDEFINED -> undefined

Object keys follow JavaScript's order (array-index keys such as "2" first, ascending), numbers are
written as JavaScript writes them (`1e+21`, `1e-7`, `2` for 2.0) and strings as JSON.stringify
escapes them, so the text equals the SDK's. The same dict, list or set reached twice is written
twice and listed in `referentialEqualities`, as superjson does; equal bigints and NaNs count as the
same value there too (JavaScript keys them by value). Immutable values (tuples, datetimes, bytes)
carry no identity in Python and are never listed. A value that contains itself is refused.

JavaScript -> Python, when decoding:

    Date -> aware datetime in UTC       bigint -> int          Set -> set (a list when the
    Map -> dict (a list of (key, value) tuples when a key is unhashable or two keys collide)
    undefined -> None                   "number" -> float nan/inf/-0.0
    RegExp -> JsRegExp(source, flags)   Error -> JsError(name, message)   URL -> JsURL(href)
    Buffer -> bytes                     typed arrays -> list of numbers
    (Set elements are unhashable or collide, like Map keys)

`referentialEqualities` are applied: the paths it names hold the very same Python object.

Two superjson 2.2.1 quirks are kept, since the TypeScript side has them too: a dict key that contains
a dot is written unescaped when its value is annotated, so superjson (and this module) reads that
value back unconverted (a Date stays a string); a key ending in a backslash confuses the path the
same way. Such annotations are ignored on reading rather than raising. An
annotation this module does not know (a registered class, a symbol, another custom type) raises
PayloadDecodeError; so does a Date string no parser reads ("Invalid Date" has no Python form).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from email.utils import parsedate_to_datetime
from json.encoder import encode_basestring as _quote
from typing import Any, Final

import attrs

from .errors import InvalidInputError, PayloadDecodeError

__all__ = [
    "SUPERJSON_CONTENT_TYPE",
    "UNDEFINED",
    "JsBigInt",
    "JsError",
    "JsMap",
    "JsRegExp",
    "JsURL",
    "PayloadDecodeError",
    "decode_packet",
    "deserialize",
    "encode_packet",
    "json_stringify",
    "parse",
    "parse_js_date",
    "serialize",
    "stringify",
]

SUPERJSON_CONTENT_TYPE: Final = "application/super+json"
MAX_SAFE_INTEGER: Final = 2**53 - 1
_FORBIDDEN_KEYS: Final = frozenset({"__proto__", "constructor", "prototype"})
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)


class _PrototypeKeyError(InvalidInputError):
    """superjson refuses the keys __proto__, constructor and prototype; the SDK then sends plain JSON."""


@attrs.frozen
class JsRegExp:
    """A JavaScript RegExp as superjson carries it. `flags` are JavaScript's (g, i, m, s, u, y, d, v)."""

    source: str
    flags: str = ""

    def __str__(self) -> str:
        return f"/{_escape_pattern(self.source)}/{self.flags}"


def _escape_pattern(source: str) -> str:
    # RegExp.prototype.source as V8 writes it: "/" escaped outside classes, line breaks escaped
    if not source:
        return "(?:)"
    out: list[str] = []
    in_class = escaped = False
    for char in source:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "/" and not in_class:
            char = "\\/"
        out.append({"\n": "\\n", "\r": "\\r", "\u2028": "\\u2028", "\u2029": "\\u2029"}.get(char, char))
    return "".join(out)


@attrs.frozen
class JsError:
    """A JavaScript Error as superjson carries it: only its name and message travel."""

    name: str
    message: str


@attrs.frozen
class JsURL:
    """A JavaScript URL as superjson carries it (its href)."""

    href: str

    def __str__(self) -> str:
        return self.href


def _entries(value: Mapping[Any, Any] | Iterable[tuple[Any, Any]]) -> tuple[tuple[Any, Any], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    return tuple((k, v) for k, v in pairs)


def _map_key(key: Any) -> Any:
    # a JavaScript Map stores the key -0 as 0
    return 0.0 if isinstance(key, float) and key == 0 else key


@attrs.frozen
class JsMap:
    """Sends a JavaScript Map even when every key is a str (a plain dict with str keys is an object).

    Decoding gives a dict, as for any Map; a dict with a non-str key already encodes as a Map.
    """

    entries: tuple[tuple[Any, Any], ...] = attrs.field(converter=_entries)


@attrs.frozen
class JsBigInt:
    """Sends an int as a JavaScript BigInt even when it fits a number (ints past 2**53-1 always do)."""

    value: int = attrs.field(validator=attrs.validators.instance_of(int))


class _Undefined:
    _instance: _Undefined | None = None

    def __new__(cls) -> _Undefined:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNDEFINED"

    def __bool__(self) -> bool:
        return False


UNDEFINED: Final = _Undefined()
"""JavaScript's undefined: a key that is present without a value, or "no payload" for encode_packet.
Decoding gives None."""


# ---------------------------------------------------------------------------------------------
# JSON text exactly as JavaScript's JSON.stringify writes it


def _is_array_index(key: str) -> bool:
    # JavaScript orders "array index" keys (canonical integers below 2**32 - 1) first, ascending
    if not key or not key.isascii() or not key.isdigit():
        return False
    if len(key) > 1 and key[0] == "0":
        return False
    return int(key) < 2**32 - 1


def _js_ordered_keys(obj: Mapping[str, Any]) -> list[str]:
    keys = list(obj)
    indexes = [k for k in keys if _is_array_index(k)]
    if not indexes:
        return keys
    indexes.sort(key=int)
    return indexes + [k for k in keys if not _is_array_index(k)]


def js_number(value: float) -> str:
    """`value` as JavaScript's Number.prototype.toString writes it (finite values only)."""
    if value == 0:
        return "0"  # -0 too: JSON.stringify(-0) is "0"
    sign = "-" if value < 0 else ""
    # repr gives the shortest digits that read back to the same double, as JavaScript picks them
    _, digit_tuple, exponent = Decimal(repr(abs(value))).normalize().as_tuple()
    digits = "".join(map(str, digit_tuple))
    k = len(digits)
    n = k + int(exponent)
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        text = "0." + "0" * -n + digits
    else:
        e = n - 1
        mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
        text = f"{mantissa}e{'+' if e >= 0 else '-'}{abs(e)}"
    return sign + text


_SURROGATE = re.compile("[\ud800-\udfff]")


def _write(value: Any, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(_quote(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(js_number(value) if math.isfinite(value) else "null")
    elif isinstance(value, Mapping):
        if not all(isinstance(k, str) for k in value):
            raise TypeError("JSON object keys must be strings")
        out.append("{")
        first = True
        for key in _js_ordered_keys(value):
            if not first:
                out.append(",")
            first = False
            out.append(_quote(key))
            out.append(":")
            _write(value[key], out)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            _write(item, out)
        out.append("]")
    else:
        raise TypeError(f"{type(value).__name__} is not a JSON value")


def json_stringify(value: Any) -> str:
    """JSON text as JavaScript's JSON.stringify writes it: no spaces, JavaScript key order and
    number format, non-ASCII kept, lone surrogates escaped. `value` holds JSON types only."""
    out: list[str] = []
    _write(value, out)
    text = "".join(out)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


# ---------------------------------------------------------------------------------------------
# Encoding


def _escape_key(key: str) -> str:
    return key.replace(".", "\\.")


def _stringify_path(path: Iterable[str]) -> str:
    return ".".join(_escape_key(p) for p in path)


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
                for key in _js_ordered_keys(items):
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
        for sub_path in _js_ordered_keys(annotation):  # a JavaScript object: index keys come first
            inner[_escape_key(key) + "." + sub_path] = annotation[sub_path]


def _referential_equalities(identities: dict[Any, list[list[str]]]) -> Any:
    result: dict[str, list[str]] = {}
    root: list[str] | None = None
    for paths in identities.values():
        if len(paths) <= 1:
            continue
        first, *others = sorted(paths, key=len)  # stable, like Array.prototype.sort
        if not first:
            root = [_stringify_path(p) for p in others]
        else:
            result[_stringify_path(first)] = [_stringify_path(p) for p in others]
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


# ---------------------------------------------------------------------------------------------
# Decoding

_MISSING: Final = object()


class _SetBox:
    """A Set while annotations are still being applied (its elements may not be hashable yet)."""

    def __init__(self, items: list[Any]) -> None:
        self.items = items


class _MapBox:
    """A Map while annotations are still being applied: entries as [key, value] lists."""

    def __init__(self, entries: list[list[Any]]) -> None:
        self.entries = entries


def _parse_path(text: str) -> list[str]:
    segments: list[str] = []
    segment = ""
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and text[i + 1 : i + 2] == ".":
            segment += "."
            i += 2
            continue
        if char == ".":
            segments.append(segment)
            segment = ""
        else:
            segment += char
        i += 1
    segments.append(segment)
    return segments


def _index(key: str) -> int | None:
    stripped = key.strip()
    if stripped == "":
        return 0  # JavaScript: +"" is 0
    return int(stripped) if stripped.isascii() and stripped.isdigit() else None


def _child(parent: Any, key: str) -> Any:
    if isinstance(parent, list):
        i = _index(key)
        return parent[i] if i is not None and i < len(parent) else _MISSING
    if isinstance(parent, dict):
        return parent.get(key, _MISSING)
    if isinstance(parent, _SetBox):
        i = _index(key)
        return parent.items[i] if i is not None and i < len(parent.items) else _MISSING
    return _MISSING


def _map_entry(parent: _MapBox, row: str) -> list[Any] | None:
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
        if isinstance(parent, _MapBox):
            if i == len(path) - 2:
                break
            entry = _map_entry(parent, key)
            i += 1
            if entry is None:
                return root
            parent = entry[0] if _index(path[i]) == 0 else entry[1]
        else:
            parent = _child(parent, key)
            if parent is _MISSING:
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
            mapped = mapper(_MISSING)
            if mapped is not _MISSING:
                parent[last] = mapped
    elif isinstance(parent, _SetBox):
        index = _index(last)
        if index is not None and index < len(parent.items):
            parent.items[index] = mapper(parent.items[index])
    elif isinstance(parent, _MapBox) and len(path) >= 2:
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
        if isinstance(value, _MapBox):
            entry = _map_entry(value, key)
            i += 1
            if entry is None or i >= len(path):
                raise PayloadDecodeError(f"referentialEqualities names {shown!r}, which is not in the value")
            value = entry[0] if _index(path[i]) == 0 else entry[1]
        else:
            value = _child(value, key)
            if value is _MISSING:
                raise PayloadDecodeError(f"referentialEqualities names {shown!r}, which is not in the value")
        i += 1
    return value


def _js_entries(tree: Any, what: str, origin: list[str] | None = None) -> list[tuple[str, Any]]:
    if not isinstance(tree, dict):
        where = f" at {_stringify_path(origin) or 'the top'}" if origin is not None else ""
        raise PayloadDecodeError(f"superjson meta: {what}{where} must be an object, got {json.dumps(tree)[:80]}")
    return [(k, tree[k]) for k in _js_ordered_keys(tree)]


def _traverse(tree: Any, origin: list[str], visit: Callable[[Any, list[str]], None]) -> None:
    if tree is None or tree is False or tree == 0 or tree == "":  # JavaScript falsy: nothing to do
        return
    if not isinstance(tree, list):
        for key, subtree in _js_entries(tree, "an annotation tree", origin):
            _traverse(subtree, [*origin, *_parse_path(key)], visit)
        return
    if not tree:
        raise PayloadDecodeError(f"superjson meta: empty annotation at {_stringify_path(origin) or 'the top'}")
    node = tree[0]
    children = tree[1] if len(tree) > 1 else None
    if children:
        for key, child in _js_entries(children, f"the children of {json.dumps(node)[:40]}", origin):
            _traverse(child, [*origin, *_parse_path(key)], visit)
    visit(node, origin)


def parse_js_date(text: str) -> datetime:
    """A date string as JavaScript's Date parses the ones superjson and the API write, as an aware
    datetime in UTC. ISO 8601 forms (date only, with or without seconds, fraction, Z or offset;
    a space for the T) and RFC 2822 ("Thu, 01 Jan 1970 00:00:00 GMT"). A date-time without an offset
    is read as UTC (JavaScript would use the machine's zone; servers run in UTC)."""
    match = _ISO_DATE.fullmatch(text.strip())
    if match is None:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            raise PayloadDecodeError(f"{text[:60]!r} is not a date JavaScript reads") from None
        return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    try:
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        value = datetime(
            int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0), int(second or 0), micro
        )
        offset = timedelta(0)
        if zone and zone not in "Zz":
            sign = 1 if zone[0] == "+" else -1
            digits = zone[1:].replace(":", "")
            offset = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
        return (value - offset).replace(tzinfo=UTC)
    except (ValueError, OverflowError):
        raise PayloadDecodeError(f"{text[:60]!r} is not a date Python can hold (years 1-9999)") from None


_ISO_DATE = re.compile(
    r"([+-]\d{6}|\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?"
)


def _decode_date(value: Any, where: str) -> datetime:
    if isinstance(value, str):
        try:
            return parse_js_date(value)
        except PayloadDecodeError as exc:
            raise PayloadDecodeError(f"Date {where}: {exc}") from None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        try:
            return _EPOCH + timedelta(milliseconds=value)
        except OverflowError:
            pass
    raise PayloadDecodeError(f"Date {where}: a Date needs a date string, got {json.dumps(value)[:60]}")


def _decode_bigint(value: Any, where: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    raise PayloadDecodeError(f"bigint {where}: a bigint needs a decimal string, got {json.dumps(value)[:60]}")


_SPECIAL_NUMBERS: Final = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf, "-0": -0.0}


def _decode_number(value: Any, where: str) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        if value in _SPECIAL_NUMBERS:
            return _SPECIAL_NUMBERS[value]
        if re.fullmatch(r"\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*", value):
            return float(value)
    raise PayloadDecodeError(f"number {where}: a number annotation needs NaN, Infinity, -Infinity or -0, got {value!r}")


def _decode_buffer(value: Any, where: str) -> bytes:
    if isinstance(value, list) and all(isinstance(b, int) and not isinstance(b, bool) and 0 <= b < 256 for b in value):
        return bytes(value)
    raise PayloadDecodeError(f"Buffer {where}: a Buffer needs a list of bytes (0-255)")


def _untransform(value: Any, annotation: Any, path: list[str]) -> Any:
    where = f"at {_stringify_path(path) or 'the top'}"
    if value is _MISSING:
        return None if annotation == "undefined" else _MISSING
    if isinstance(annotation, list):
        if annotation == ["custom", "buffer"]:
            return _decode_buffer(value, where)
        if len(annotation) == 2 and annotation[0] == "typed-array" and isinstance(value, list):
            return list(value)
        raise PayloadDecodeError(f"unknown superjson annotation {json.dumps(annotation)} {where}")
    if annotation == "undefined":
        return None
    if annotation == "Date":
        return _decode_date(value, where)
    if annotation == "bigint":
        return _decode_bigint(value, where)
    if annotation == "number":
        return _decode_number(value, where)
    if annotation == "set":
        if not isinstance(value, list):
            raise PayloadDecodeError(f"Set {where}: a Set needs an array")
        return _SetBox(value)
    if annotation == "map":
        if not isinstance(value, list) or not all(isinstance(e, list) for e in value):
            raise PayloadDecodeError(f"Map {where}: a Map needs an array of [key, value] pairs")
        return _MapBox([[e[0] if e else None, e[1] if len(e) > 1 else None] for e in value])
    if annotation == "regexp":
        if not isinstance(value, str) or "/" not in value:
            raise PayloadDecodeError(f"RegExp {where}: a RegExp needs a '/source/flags' string")
        cut = value.rindex("/")
        return JsRegExp(value[1:cut], value[cut + 1 :])
    if annotation == "Error":
        if not isinstance(value, dict):
            raise PayloadDecodeError(f"Error {where}: an Error needs an object with name and message")
        message = value.get("message")
        return JsError(str(value.get("name", "Error")), "" if message is None else str(message))
    if annotation == "URL":
        if not isinstance(value, str):
            raise PayloadDecodeError(f"URL {where}: a URL needs a string")
        return JsURL(value)
    raise PayloadDecodeError(f"unknown superjson annotation {json.dumps(annotation)} {where}")


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
    if isinstance(value, _SetBox):
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
    if isinstance(value, _MapBox):
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
    """The value superjson's (json, meta) stands for, with `meta` applied (see the module doc)."""
    if meta is not None and not isinstance(meta, dict):
        raise PayloadDecodeError(f"superjson meta must be an object, got {type(meta).__name__}")
    plain = _copy(json_value)
    meta = meta or {}
    values = meta.get("values")
    if values:

        def visit(annotation: Any, path: list[str]) -> None:
            nonlocal plain
            plain = _set_deep(plain, path, lambda v: _untransform(v, annotation, path))

        _traverse(values, [], visit)
    equalities = meta.get("referentialEqualities")
    if equalities:
        plain = _apply_equalities(plain, equalities)
    return _finalize(plain, {})


def _apply_equalities(plain: Any, equalities: Any) -> Any:
    def apply(identical: Any, source: str) -> None:
        nonlocal plain
        target = _get_deep(plain, _parse_path(source), source)
        if not isinstance(identical, list) or not all(isinstance(p, str) for p in identical):
            raise PayloadDecodeError("superjson referentialEqualities must map a path to a list of paths")
        for other in identical:
            plain = _set_deep(plain, _parse_path(other), lambda _: target)

    if isinstance(equalities, list):
        if not equalities or not isinstance(equalities[0], list):
            raise PayloadDecodeError("superjson referentialEqualities: the root form is [[paths], {path: paths}?]")
        root = plain
        for other in equalities[0]:
            plain = _set_deep(plain, _parse_path(str(other)), lambda _: root)
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
