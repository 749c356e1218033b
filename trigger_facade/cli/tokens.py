"""`trigger-facade tokens create`: a public access token for a browser (`@trigger.dev/react-hooks`)."""

from __future__ import annotations

import re

import click

from .. import public_tokens
from ..errors import InvalidInputError
from .flags import FlagInputError, Group, output_flags
from .output import printable, to_json
from .session import Session, pass_session

__all__ = ["tokens"]

SCOPE_FORM = (
    "ACTION:RESOURCE[:ID] (no ID: every one), with ACTION read or write and RESOURCE "
    + ", ".join(public_tokens.READ_WRITE_RESOURCES)
    + " or all (no ID), or ACTION trigger or batchTrigger and RESOURCE tasks; e.g. read:runs:run_123, read:tags:user_1"
)
_PYTHON_FORMS = "; accepted: {"  # the library's list of the dict forms a Python caller can pass
_PYTHON_PATH = re.compile(r"scopes\[[^\]]*\]\[[^\]]*\]:? ?")  # `scopes['read']['runs']: ...`


@click.group(cls=Group)
def tokens() -> None:
    """Make public access tokens for a frontend."""


@tokens.command("create")
@click.option(
    "--scope",
    "scopes",
    multiple=True,
    required=True,
    metavar="SCOPE",
    help=f"what the token may do (repeatable): {SCOPE_FORM}",
)
@click.option(
    "--expires",
    "expiration",
    metavar="DURATION",
    help="how long the token lasts: '15m' (the default), '1h', '2 hours', '7d' (one number, one unit) or seconds",
)
@output_flags(csv=False)
@pass_session
def create_token(session: Session, scopes: tuple[str, ...], expiration: str | None, output: str | None) -> None:
    """Print a public access token limited to the given scopes (signed locally with the secret key).

    Hand it to a browser, e.g. to useRealtimeRun of @trigger.dev/react-hooks. Anyone holding it can do
    what its scopes say until it expires; it cannot be revoked.
    """
    for scope in scopes:
        _check_scope(scope)
    expires: str | int | None = expiration
    if expiration is not None and expiration.strip().isdigit():
        expires = int(expiration)  # seconds from now, as the library reads an int
    token = session.client.auth.create_public_token(scopes=list(scopes), expiration=expires)
    session.say(to_json({"token": token}) if output == "json" else printable(token))


def _check_scope(scope: str) -> None:
    """One --scope checked by the library, its complaint reworded for the command line (exit code 2)."""
    try:
        public_tokens.flatten_scopes([scope])
    except InvalidInputError as exc:
        message = _PYTHON_PATH.sub("", str(exc).split(_PYTHON_FORMS)[0])
        raise FlagInputError(f"--scope {scope!r}: {message}; a scope is {SCOPE_FORM}") from None
