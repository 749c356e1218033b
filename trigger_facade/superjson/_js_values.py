"""The JavaScript values Python has no type of its own for (RegExp, Error, URL, Map, BigInt, undefined),
as superjson carries them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

SUPERJSON_CONTENT_TYPE: Final = "application/super+json"
MAX_SAFE_INTEGER: Final = 2**53 - 1


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
