"""The one check every path parameter passes, project refs included, before it is put in a URL.

Percent-encoding keeps `/`, `?`, `#` and `%` inside one segment, but leaves `.` and `..` alone, and
URL normalisation then turns them into steps up the path (`/api/v1/projects/../envvars` is another
route); an empty segment or a control character changes the route or the request line.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from urllib.parse import unquote

from .errors import InvalidInputError

_CONTROL = re.compile("[\x00-\x1f\x7f]")


def segment(value: Any, argument: str) -> str:
    """`value` if it can be one path segment; else InvalidInputError naming `argument`."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(f"{argument} must be a non-empty string, got {value!r}")
    # control characters are never printable: the common, printable id skips the regex
    if not value.isprintable() and _CONTROL.search(value):
        raise InvalidInputError(f"{argument}={value!r} must not contain control characters")
    if value in (".", ".."):
        raise InvalidInputError(f"{argument}={value!r} would be read as a path step, not an id")
    return value


@cache
def _parameters(template: str) -> tuple[int, tuple[tuple[int, str], ...]]:
    """(segment count, (position, name) of each `{param}`) of a path template, worked out once."""
    parts = template.split("/")
    return len(parts), tuple((i, p[1:-1]) for i, p in enumerate(parts) if p.startswith("{") and p.endswith("}"))


def check_url_path(url: str, template: str) -> None:
    """Every `{param}` segment of `template` as it appears (decoded) in `url` passes `segment`.

    Run on each request built from the spec, so no resource can forget a check.
    """
    count, parameters = _parameters(template)
    if not parameters:
        return
    path = url.split("?", 1)[0]
    actual = path.split("/")
    if len(actual) != count:
        raise InvalidInputError(f"a path parameter of {template} spans several segments: {path!r}")
    for position, name in parameters:
        got = actual[position]
        segment(unquote(got) if "%" in got else got, name)
