"""The click command and group classes every CLI command uses, the help texts they share, and the
translation of the library's argument names (`delay=`) into the flags the user typed (`--delay`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..errors import InvalidInputError

__all__ = [
    "DURATION_HELP",
    "EPILOG",
    "Command",
    "FlagInputError",
    "Group",
    "output_flags",
    "translate",
]

F = TypeVar("F", bound=Callable[..., Any])

DURATION_HELP = "a duration such as '30s', '1h30m' or '2d' (units w, d, h, m, s)"

EPILOG = """\b
Environment:
  TRIGGER_SECRET_KEY      the project key (tr_dev_..., tr_prod_...); prompted for on a terminal when unset
  TRIGGER_ACCESS_TOKEN    a personal access token (tr_pat_...), used when TRIGGER_SECRET_KEY is unset
  TRIGGER_API_URL         the API URL (default https://api.trigger.dev); --base-url wins
  TRIGGER_PROJECT_REF     the project ref (proj_...) for env vars and cross-environment runs; --project-ref wins
  TRIGGER_PREVIEW_BRANCH  the preview branch for a preview key; --branch wins

\b
Durations ("30s", "1h30m", "2d"): one or more <integer><unit> groups, units w, d, h (or hr), m, s.
Times: ISO-8601 with a zone, e.g. 2026-01-31T09:00:00Z.

\b
Exit codes: 0 ok; 1 API or runtime error (including a run that did not succeed);
2 usage error or bad input (nothing was sent); 130 interrupted (Ctrl-C).
"""

# Library argument names that differ from the flag the CLI offers for them. Names the CLI shares
# with the library (delay, ttl, period, ...) come from each command's own options.
_LIBRARY_NAMES = {
    "task_identifier": "--task",
    "tags": "--tag",
    "created_after": "--from",
    "created_before": "--to",
    "deduplication_key": "--dedup-key",
    "is_test": "--test",
    "is_secret": "--secret",
    "poll_interval": "--interval",
    "project_ref": "--project-ref",
    "preview_branch": "--branch",
    "base_url": "--base-url",
    "secret_key": "TRIGGER_SECRET_KEY",
}


# advice that only a Python caller can follow; the CLI drops it (a no-op if the wording changes)
_PYTHON_ONLY = (" here or to the client", " or pass allow_insecure_http=True")


class FlagInputError(click.UsageError):
    """Bad input found by the library, reworded with the CLI's flag names (exit code 2)."""


def _names(command: click.Command, ctx: click.Context) -> dict[str, str]:
    names = dict(_LIBRARY_NAMES)
    for param in command.params:
        if param.name is None:
            continue
        if isinstance(param, click.Option):
            names[param.name] = max(param.opts, key=len)
        else:
            names[param.name] = param.make_metavar(ctx)
    return names


def translate(message: str, names: dict[str, str]) -> str:
    """`delay='2x' is not ...` -> `--delay '2x' is not ...`; `items[3]` stays for the caller to map."""
    for name, flag in sorted(names.items(), key=lambda item: -len(item[0])):
        # a whole word, not part of `options.delay`, `'delay'` or `--delay`
        pattern = re.compile(rf"(?<![\w.'\"-]){re.escape(name)}(?:(=)|(?![\w'\"]))")
        message = pattern.sub(_replacement(flag), message)
    for phrase in _PYTHON_ONLY:
        message = message.replace(phrase, "")
    return message


def _replacement(flag: str) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        return f"{flag} " if match.group(1) else flag  # `delay='2x'` reads `--delay '2x'`

    return replace


class Command(click.Command):
    """A command whose InvalidInputError messages name its flags."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InvalidInputError as exc:
            raise FlagInputError(translate(str(exc), _names(self, ctx)), ctx=ctx) from exc


class Group(click.Group):
    command_class = Command
    group_class = type  # subgroups are of this same class

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # in the order they were added (most used first), not sorted


def output_flags(csv: bool = True) -> Callable[[F], F]:
    """--json (and --csv) as one `output` parameter: "json", "csv" or None for a table."""

    def decorate(f: F) -> F:
        if csv:
            f = click.option("--csv", "output", flag_value="csv", help="CSV output (table columns only)")(f)
        return click.option("--json", "output", flag_value="json", help="JSON output (every field)")(f)

    return decorate
