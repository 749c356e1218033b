"""The values of an Electric shape: the electric-schema header, and each column's wire text decoded
by its Postgres type (arrays included), as the SDK's Electric parser reads them."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import RealtimeProtocolError


@dataclass(frozen=True)
class ColumnType:
    type: str
    dims: int = 0
    not_null: bool = False


def parse_schema(text: str) -> dict[str, ColumnType]:
    """The `electric-schema` header: a JSON object `column -> {type, dims?, not_null?}`."""
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise RealtimeProtocolError(f"electric-schema is not JSON: {text[:200]!r}") from exc
    if not isinstance(raw, dict):
        raise RealtimeProtocolError(f"electric-schema must be a JSON object, got {type(raw).__name__}")
    schema: dict[str, ColumnType] = {}
    for column, spec in raw.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("type"), str):
            raise RealtimeProtocolError(f"electric-schema: column {column!r} needs a string 'type', got {spec!r}")
        dims = spec.get("dims", 0)
        not_null = spec.get("not_null", False)
        if not isinstance(dims, int) or isinstance(dims, bool) or dims < 0:
            raise RealtimeProtocolError(f"electric-schema: column {column!r} has dims={dims!r}")
        if not isinstance(not_null, bool):
            raise RealtimeProtocolError(f"electric-schema: column {column!r} has not_null={not_null!r}")
        schema[column] = ColumnType(spec["type"], dims, not_null)
    return schema


_INT_RE = re.compile(r"[+-]?\d+\Z")
_FLOAT_RE = re.compile(r"[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|Infinity|NaN)\Z")
_BOOLS = {"t": True, "true": True, "f": False, "false": False}


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _scalar(text: str, pg_type: str, column: str) -> Any:
    if pg_type == "bool":
        if text not in _BOOLS:
            raise RealtimeProtocolError(f"column {column!r} (bool) holds {text!r}; expected t, true, f or false")
        return _BOOLS[text]
    if pg_type in ("int2", "int4", "int8"):
        if not _INT_RE.match(text):
            raise RealtimeProtocolError(f"column {column!r} ({pg_type}) holds {text[:50]!r}, not an integer")
        return int(text)
    if pg_type in ("float4", "float8"):
        if not _FLOAT_RE.match(text):
            raise RealtimeProtocolError(f"column {column!r} ({pg_type}) holds {text[:50]!r}, not a number")
        return float(text)
    if pg_type in ("json", "jsonb"):
        try:
            return json.loads(text, parse_constant=_reject_constant)
        except (ValueError, RecursionError) as exc:
            raise RealtimeProtocolError(f"column {column!r} ({pg_type}) holds invalid JSON: {text[:100]!r}") from exc
    return text


def decode_value(value: Any, column_type: ColumnType | None, column: str) -> Any:
    """One column's wire value (a string or null) as the SDK's Electric parser reads it."""
    if column_type is None:
        return value  # not in the schema: kept as sent
    if value is None:
        if column_type.not_null:
            raise RealtimeProtocolError(f"column {column!r} is declared not_null but is null")
        return None
    if not isinstance(value, str):
        raise RealtimeProtocolError(f"column {column!r} must arrive as a string or null, got {type(value).__name__}")
    if column_type.dims > 0:
        return parse_pg_array(
            value, lambda item: _scalar(item, column_type.type, column), column=column, max_depth=column_type.dims
        )
    return _scalar(value, column_type.type, column)


def parse_pg_array(
    text: str, element: Callable[[str], Any] = str, *, column: str = "?", max_depth: int = 6
) -> list[Any]:
    """A Postgres array literal: `{a,"b c","q\\"d",NULL}`, nested for more dimensions.

    Quoted elements may escape any character with a backslash; an unquoted NULL is None, a quoted
    "NULL" the string.
    """
    pos = 0

    def fail(why: str) -> RealtimeProtocolError:
        return RealtimeProtocolError(f"column {column!r}: bad array literal {text[:100]!r} ({why} at {pos})")

    def parse_array(depth: int = 1) -> list[Any]:
        nonlocal pos
        if pos >= len(text) or text[pos] != "{":
            raise fail("expected '{'")
        if depth > max_depth:
            raise fail(f"nested deeper than {max_depth}")
        pos += 1
        items: list[Any] = []
        if pos < len(text) and text[pos] == "}":
            pos += 1
            return items
        while True:
            if pos >= len(text):
                raise fail("unterminated")
            ch = text[pos]
            if ch == "{":
                items.append(parse_array(depth + 1))
            elif ch == '"':
                pos += 1
                chars: list[str] = []
                while True:
                    if pos >= len(text):
                        raise fail("unterminated quoted element")
                    c = text[pos]
                    if c == "\\":
                        if pos + 1 >= len(text):
                            raise fail("dangling backslash")
                        chars.append(text[pos + 1])
                        pos += 2
                    elif c == '"':
                        pos += 1
                        break
                    else:
                        chars.append(c)
                        pos += 1
                items.append(element("".join(chars)))
            else:
                start = pos
                while pos < len(text) and text[pos] not in ",}":
                    if text[pos] in '{"\\':
                        raise fail(f"unexpected {text[pos]!r} in an unquoted element")
                    pos += 1
                word = text[start:pos]
                if not word:
                    raise fail("empty element")
                items.append(None if word == "NULL" else element(word))
            if pos >= len(text):
                raise fail("unterminated")
            if text[pos] == ",":
                pos += 1
                continue
            if text[pos] == "}":
                pos += 1
                return items
            raise fail(f"unexpected {text[pos]!r}")

    result = parse_array()
    if pos != len(text):
        raise fail("trailing characters")
    return result
