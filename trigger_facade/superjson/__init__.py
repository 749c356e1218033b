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

from ..errors import PayloadDecodeError
from ._dates import parse_js_date
from ._decode import decode_packet, deserialize, parse
from ._encode import encode_packet, serialize, stringify
from ._js_values import MAX_SAFE_INTEGER as MAX_SAFE_INTEGER
from ._js_values import SUPERJSON_CONTENT_TYPE, UNDEFINED, JsBigInt, JsError, JsMap, JsRegExp, JsURL
from ._json_text import js_number as js_number
from ._json_text import json_stringify

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
