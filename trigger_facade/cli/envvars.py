"""`trigger-facade envvars ...`: list, get, set, delete, import (.env) and export (.env) variables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from .dotenv_files import parse_dotenv, write_dotenv
from .flags import Group, output_flags
from .inputs import read_text
from .output import emit, printable
from .session import EXIT_FAILURE, Session, pass_session

__all__ = ["envvars"]

F = TypeVar("F", bound=Callable[..., Any])


def _env_option(f: F) -> F:
    return click.option("--env", required=True, help="dev, staging, prod or preview")(f)


@click.group(cls=Group)
def envvars() -> None:
    """Environment variables of one environment (needs TRIGGER_PROJECT_REF or --project-ref)."""


def _scope(session: Session, env: str) -> dict[str, Any]:
    return {"env": env, "project_ref": session.project_ref}


@envvars.command("list")
@_env_option
@output_flags()
@pass_session
def list_vars(session: Session, env: str, output: str | None) -> None:
    """Every variable with its value."""
    found = session.client.envvars.list(**_scope(session, env))
    emit(found, ["name", "value", "isSecret"], output or "table", session.out)


@envvars.command("get")
@click.argument("name")
@_env_option
@pass_session
def get_var(session: Session, name: str, env: str) -> None:
    """The value of one variable (control characters escaped on a terminal, exact bytes otherwise)."""
    value = session.client.envvars.retrieve(name, **_scope(session, env)).value
    session.say(printable(value, keep_newlines=True) if session.out_is_terminal else value)


@envvars.command("set")
@click.argument("name")
@click.argument("value")
@_env_option
@click.option("--secret", is_flag=True, help="store as a secret (its value is never shown again)")
@pass_session
def set_var(session: Session, name: str, value: str, env: str, secret: bool) -> None:
    """Create or replace one variable."""
    session.client.envvars.create(name, value, is_secret=secret, **_scope(session, env))
    session.say(f"set {printable(name)}")


@envvars.command("delete")
@click.argument("name")
@_env_option
@pass_session
def delete_var(session: Session, name: str, env: str) -> None:
    """Delete one variable."""
    session.client.envvars.delete(name, **_scope(session, env))
    session.say(f"deleted {printable(name)}")


@envvars.command("import")
@click.argument("file", metavar="FILE")
@_env_option
@click.option("--override", is_flag=True, help="replace variables that already exist")
@pass_session
def import_vars(session: Session, file: str, env: str, override: bool) -> None:
    """Upload the variables of a .env FILE (UTF-8; - for stdin), parsed by python-dotenv.

    Values are taken literally: `${OTHER}` is not expanded, as in Trigger.dev's own .env import.
    """
    values = parse_dotenv(read_text(file, "FILE"), file)
    if not values:
        raise click.UsageError(f"{file}: no variables (expected NAME=value lines)")
    session.client.envvars.upload(values, override=override, **_scope(session, env))
    session.say(f"imported {len(values)} variables")
    for name in (name for name, value in values.items() if value == ""):
        session.note(f"note: {name} is empty; Trigger.dev drops empty values on import")


@envvars.command("export")
@_env_option
@pass_session
def export_vars(session: Session, env: str) -> None:
    """Print the variables as a .env file: `trigger-facade envvars export --env dev > .env`.

    \b
    The file reads back to the same bytes with POSIX sh (`set -a; . ./.env`) and with python-dotenv
    (without interpolation), and sourcing it never runs anything. A variable no quoting can carry that
    way (a value with both a quote or backslash and a $ or backtick, a carriage return, a name that is not
    a shell identifier) or that the shell runs (PS1, PROMPT_COMMAND, BASH_ENV, IFS, ...) is left out with a
    warning, and the exit code is 1. On a terminal, control characters are shown escaped; redirect to a
    file for the exact bytes.
    """
    found = session.client.envvars.list(**_scope(session, env))
    text, refused = write_dotenv((var.name, var.value) for var in found)
    session.out.write(printable(text, keep_newlines=True) if session.out_is_terminal else text)
    session.out.flush()
    for var in found:
        if "${" in var.value and not any(name == var.name for name, _ in refused):
            session.note(f"note: {var.name} holds '${{': readers that expand variables would change it")
    for name, reason in refused:
        session.note(f"trigger-facade: left out {name}: {reason}")
    if refused:
        session.exit_code = EXIT_FAILURE
