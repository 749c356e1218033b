"""What every command shares: the output streams, the global flags and one lazily made client."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable, Mapping
from typing import IO, TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

import click

from ..queues_ref import QueueRef
from .output import printable

if TYPE_CHECKING:
    import httpx

    from .. import TriggerClient

__all__ = ["EXIT_FAILURE", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "Session", "parse_queue", "pass_session"]

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

P = ParamSpec("P")
R = TypeVar("R")


class Session:
    """The streams, global flags and client of one CLI invocation (click's context object)."""

    def __init__(
        self,
        out: IO[str],
        err: IO[str],
        environ: Mapping[str, str],
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.out = out
        self.err = err
        self.environ = dict(environ)
        self.transport = transport  # tests and embedders; the command line never sets it
        self.base_url: str | None = None
        self.branch: str | None = None
        self.project_ref: str | None = None
        self.max_retries: int | None = None
        self.exit_code = EXIT_OK
        self._client: TriggerClient | None = None
        self._key_used: str | None = None

    @property
    def client(self) -> TriggerClient:
        if self._client is None:
            from .. import TriggerClient

            self._client = TriggerClient(
                secret_key=self._key(),
                base_url=self.base_url,
                preview_branch=self.branch,
                project_ref=self.project_ref,
                max_retries=self.max_retries,
                environ=self.environ,
                transport=self.transport,
            )
        return self._client

    def _key(self) -> str:
        # never a flag: a key on the command line ends up in shell history and `ps` output
        key = self.environ.get("TRIGGER_SECRET_KEY") or self.environ.get("TRIGGER_ACCESS_TOKEN")
        if not key:
            if not sys.stdin.isatty():
                raise click.UsageError(
                    "no key: set TRIGGER_SECRET_KEY (or TRIGGER_ACCESS_TOKEN for a personal access token)"
                )
            key = getpass.getpass("Trigger.dev secret key: ")
        self._key_used = key
        return key

    def redact(self, text: str) -> str:
        """`text` without the key in it: error text from below (httpx, h11) may quote a header."""
        key = self._key_used
        return text.replace(key, "<redacted>") if key and len(key) >= 4 else text

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    @property
    def out_is_terminal(self) -> bool:
        return bool(getattr(self.out, "isatty", lambda: False)())

    def say(self, text: str) -> None:
        """One line of normal output (server text in it already escaped by the caller)."""
        self.out.write(text + "\n")
        self.out.flush()

    def note(self, text: str) -> None:
        """One line on stderr: progress and diagnostics, kept out of what scripts parse."""
        self.err.write(printable(self.redact(text), keep_newlines=True) + "\n")
        self.err.flush()


def pass_session(f: Callable[Concatenate[Session, P], R]) -> Callable[P, R]:
    """click.pass_obj, typed for Session."""
    return click.pass_obj(f)


def parse_queue(text: str) -> str | QueueRef:
    """A queue id, `task:<task id>` or `custom:<name>`."""
    kind, sep, name = text.partition(":")
    if sep and kind == "task":
        return QueueRef.task(name)
    if sep and kind == "custom":
        return QueueRef.custom(name)
    return text
