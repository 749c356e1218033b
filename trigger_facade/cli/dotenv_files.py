""".env files: read with python-dotenv's parser, written so that `sh` and python-dotenv read the same bytes.

Writing. POSIX `sh` (`set -a; . file`) and python-dotenv agree on exactly two quoting forms:
- single quotes, for values without `'` or `\\`: sh takes everything literally, and python-dotenv only
  decodes `\\\\` and `\\'` inside them, which such a value cannot contain;
- double quotes with `\\` and `"` escaped as `\\\\` and `\\"`, for values without `$` or a backtick: those
  two escapes are the only ones both readers decode the same way, and without `$` or a backtick sh
  expands and runs nothing.
A value with a `'` or `\\` and also a `$` or backtick has no form both read alike; nor does one holding a
carriage return (python-dotenv reads files with universal newlines) or a NUL (sh variables cannot hold
one); nor a name that is not a shell identifier (sh would run `a-b=1` as a command). Names the shell
itself evaluates (PS1, PROMPT_COMMAND, BASH_ENV, IFS, ...) are refused too: sourcing must not run anything,
not even at the next prompt. Those are left out with a reason, never written approximately. Each written
line is also parsed back with python-dotenv's own parser before it is printed.

Reading uses python-dotenv without variable expansion (as Trigger.dev's own `.env` import does), so an
exported file imports back unchanged; a line python-dotenv cannot parse is an error naming the line.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping

import click

__all__ = ["Refused", "dotenv_line", "parse_dotenv", "write_dotenv"]

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# variables a shell evaluates as code or as parsing rules after the file is sourced: prompts (expanded,
# `$(...)` included, at every prompt), startup files, shell options and the field separator
SHELL_CODE_NAMES = frozenset(
    {"PS1", "PS2", "PS3", "PS4", "PROMPT_COMMAND", "BASH_ENV", "ENV", "SHELLOPTS", "BASHOPTS", "IFS"}
)


class Refused(Exception):
    """A variable that cannot be written so that sh and python-dotenv read the same value."""


def dotenv_line(name: str, value: str) -> str:
    """`NAME='value'` or `NAME="value"` (with its newline), or Refused with the reason."""
    if not _NAME.fullmatch(name):
        raise Refused("the name is not a shell identifier ([A-Za-z_][A-Za-z0-9_]*)")
    if name in SHELL_CODE_NAMES:
        raise Refused("the shell itself runs or obeys this variable (prompt, startup file, options)")
    if "\r" in value or "\0" in value:
        raise Refused("the value holds a carriage return or NUL, which a .env file cannot carry")
    if "'" not in value and "\\" not in value:
        line = f"{name}='{value}'\n"
    elif "$" not in value and "`" not in value:
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        line = f'{name}="{escaped}"\n'
    else:
        raise Refused("the value holds both a quote or backslash and a $ or backtick; no quoting reads alike")
    if _parse_one(line) != (name, value):  # python-dotenv is the judge of what it reads
        raise Refused("python-dotenv would read the value differently")
    return line


def _parse_one(text: str) -> tuple[str | None, str | None]:
    from dotenv.parser import parse_stream

    bindings = [b for b in parse_stream(io.StringIO(text)) if b.key is not None or b.error]
    if len(bindings) != 1 or bindings[0].error:
        return None, None
    return bindings[0].key, bindings[0].value


def write_dotenv(variables: Iterable[tuple[str, str]]) -> tuple[str, list[tuple[str, str]]]:
    """The file text for the variables that can be written, and (name, reason) for those that cannot."""
    lines: list[str] = []
    refused: list[tuple[str, str]] = []
    for name, value in variables:
        try:
            lines.append(dotenv_line(name, value))
        except Refused as exc:
            refused.append((name, str(exc)))
    return "".join(lines), refused


def parse_dotenv(text: str, where: str) -> Mapping[str, str]:
    """NAME -> value from .env text, in file order (a repeated name keeps its last value)."""
    from dotenv.parser import parse_stream

    values: dict[str, str] = {}
    for binding in parse_stream(io.StringIO(text)):
        line = binding.original.line
        if binding.error:
            first = binding.original.string.splitlines()[0] if binding.original.string else ""
            raise click.UsageError(f"{where}:{line}: python-dotenv cannot parse {first[:60]!r}")
        if binding.key is None:
            continue  # a comment or a blank line
        if binding.value is None:
            raise click.UsageError(f"{where}:{line}: {binding.key!r} has no '=value'")
        values[binding.key] = binding.value
    return values
