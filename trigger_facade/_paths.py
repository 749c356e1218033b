"""The one check every path parameter passes, project refs included, before it is put in a URL.

Percent-encoding keeps `/`, `?`, `#` and `%` inside one segment, but leaves `.` and `..` alone, and
URL normalisation then turns them into steps up the path (`/api/v1/projects/../envvars` is another
route); an empty segment or a control character changes the route or the request line.
"""

from __future__ import annotations

from typing import Any

from .errors import InvalidInputError


def segment(value: Any, argument: str) -> str:
    """`value` if it can be one path segment; else InvalidInputError naming `argument`."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(f"{argument} must be a non-empty string, got {value!r}")
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        raise InvalidInputError(f"{argument}={value!r} must not contain control characters")
    if value in (".", ".."):
        raise InvalidInputError(f"{argument}={value!r} would be read as a path step, not an id")
    return value


def check_url_path(url: str, template: str) -> None:
    """Every `{param}` segment of `template` as it appears (decoded) in `url` passes `segment`.

    Run on each request built from the spec, so no resource can forget a check.
    """
    from urllib.parse import unquote

    path = url.split("?", 1)[0]
    actual = path.split("/")
    expected = template.split("/")
    if len(actual) != len(expected):
        raise InvalidInputError(f"a path parameter of {template} spans several segments: {path!r}")
    for want, got in zip(expected, actual, strict=True):
        if want.startswith("{") and want.endswith("}"):
            segment(unquote(got), want[1:-1])
