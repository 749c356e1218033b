"""Decoding one annotated value: what each superjson annotation turns a JSON value into."""

from __future__ import annotations

import json
import math
import re
from typing import Any, Final

from ..errors import PayloadDecodeError
from ._dates import decode_date
from ._js_values import JsError, JsRegExp, JsURL
from ._paths import stringify_path

MISSING: Final = object()  # a path that leads to no value in the JSON


class SetBox:
    """A Set while annotations are still being applied (its elements may not be hashable yet)."""

    def __init__(self, items: list[Any]) -> None:
        self.items = items


class MapBox:
    """A Map while annotations are still being applied: entries as [key, value] lists."""

    def __init__(self, entries: list[list[Any]]) -> None:
        self.entries = entries


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


def apply_annotation(value: Any, annotation: Any, path: list[str]) -> Any:
    where = f"at {stringify_path(path) or 'the top'}"
    if value is MISSING:
        return None if annotation == "undefined" else MISSING
    if isinstance(annotation, list):
        if annotation == ["custom", "buffer"]:
            return _decode_buffer(value, where)
        if len(annotation) == 2 and annotation[0] == "typed-array" and isinstance(value, list):
            return list(value)
        raise PayloadDecodeError(f"unknown superjson annotation {json.dumps(annotation)} {where}")
    if annotation == "undefined":
        return None
    if annotation == "Date":
        return decode_date(value, where)
    if annotation == "bigint":
        return _decode_bigint(value, where)
    if annotation == "number":
        return _decode_number(value, where)
    if annotation == "set":
        if not isinstance(value, list):
            raise PayloadDecodeError(f"Set {where}: a Set needs an array")
        return SetBox(value)
    if annotation == "map":
        if not isinstance(value, list) or not all(isinstance(e, list) for e in value):
            raise PayloadDecodeError(f"Map {where}: a Map needs an array of [key, value] pairs")
        return MapBox([[e[0] if e else None, e[1] if len(e) > 1 else None] for e in value])
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
