"""JSON text exactly as JavaScript's JSON.stringify writes it: key order, number format, escapes.

Most values are plain JSON only (dicts, lists, strings, safe integers, booleans, None; no key that
JavaScript reorders, no container shared between two places, no lone surrogate): for those the C JSON
encoder writes exactly what JSON.stringify writes, and the Python writer below is not needed. Floats
(whose text differs between the two languages), dates, sets and big integers take the general path.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from decimal import Decimal
from json.encoder import encode_basestring as _quote
from typing import Any

from ._js_values import MAX_SAFE_INTEGER


def is_array_index(key: str) -> bool:
    # JavaScript orders "array index" keys (canonical integers below 2**32 - 1) first, ascending
    if not key or not key.isascii() or not key.isdigit():
        return False
    if len(key) > 1 and key[0] == "0":
        return False
    return int(key) < 2**32 - 1


def js_ordered_keys(obj: Mapping[str, Any]) -> list[str]:
    keys = list(obj)
    indexes = [k for k in keys if is_array_index(k)]
    if not indexes:
        return keys
    indexes.sort(key=int)
    return indexes + [k for k in keys if not is_array_index(k)]


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
        for key in js_ordered_keys(value):
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
    fast = plain_json_text(value)
    if fast is not None:
        return fast
    out: list[str] = []
    _write(value, out)
    text = "".join(out)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


# superjson refuses these keys; the general path knows what to do with them
_FORBIDDEN_KEYS = frozenset({"__proto__", "constructor", "prototype"})
_encode = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, check_circular=False, allow_nan=False).encode


def plain_json_text(value: Any) -> str | None:
    """The JSON.stringify text of `value` when it holds plain JSON values only, else None."""
    seen: set[int] = set()

    def plain(item: Any) -> bool:
        kind = type(item)
        if kind is str:
            return bool(item.isascii() or _SURROGATE.search(item) is None)
        if kind is int:
            return bool(-MAX_SAFE_INTEGER <= item <= MAX_SAFE_INTEGER)
        if item is None or kind is bool:
            return True
        if kind is dict:
            if id(item) in seen:
                return False
            seen.add(id(item))
            for key, member in item.items():
                if type(key) is not str or key in _FORBIDDEN_KEYS or not plain(key) or not plain(member):
                    return False
                if key[:1].isdigit() and is_array_index(key):
                    return False
            return True
        if kind is list:
            if id(item) in seen:
                return False
            seen.add(id(item))
            return all(plain(member) for member in item)
        return False

    return str(_encode(value)) if plain(value) else None
