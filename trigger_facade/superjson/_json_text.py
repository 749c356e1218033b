"""JSON text exactly as JavaScript's JSON.stringify writes it: key order, number format, escapes."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from decimal import Decimal
from json.encoder import encode_basestring as _quote
from typing import Any


def _is_array_index(key: str) -> bool:
    # JavaScript orders "array index" keys (canonical integers below 2**32 - 1) first, ascending
    if not key or not key.isascii() or not key.isdigit():
        return False
    if len(key) > 1 and key[0] == "0":
        return False
    return int(key) < 2**32 - 1


def js_ordered_keys(obj: Mapping[str, Any]) -> list[str]:
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
    out: list[str] = []
    _write(value, out)
    text = "".join(out)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text
