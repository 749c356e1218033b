"""superjson's paths into a value: dot-joined keys, a literal dot escaped with a backslash."""

from __future__ import annotations

from collections.abc import Iterable


def escape_key(key: str) -> str:
    return key.replace(".", "\\.")


def stringify_path(path: Iterable[str]) -> str:
    return ".".join(escape_key(p) for p in path)


def parse_path(text: str) -> list[str]:
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
