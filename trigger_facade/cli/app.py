"""The root `trigger-facade` command, its global flags, and the one place errors become exit codes."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import IO, TYPE_CHECKING

import click

from .. import __version__
from ..errors import APIError, APIStatusError, InvalidInputError, TriggerError
from .envvars import envvars
from .flags import EPILOG, FlagInputError, Group
from .output import printable
from .platform import deployments, query, queues, schedules, waitpoints
from .runs import runs
from .session import EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, Session
from .tasks import batch, trigger
from .tokens import tokens

if TYPE_CHECKING:
    import httpx

__all__ = ["root", "run"]

PROG = "trigger-facade"
CLI_EXTRA_MODULES = frozenset({"click", "rich", "dotenv"})


@click.group(cls=Group, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name=PROG, message="%(prog)s %(version)s")
@click.option("--base-url", metavar="URL", help="the API URL (default: TRIGGER_API_URL, else https://api.trigger.dev)")
@click.option("--branch", help="the preview branch (default: TRIGGER_PREVIEW_BRANCH)")
@click.option(
    "--project-ref", help="the project ref for env vars and cross-environment runs (default: TRIGGER_PROJECT_REF)"
)
@click.option(
    "--max-retries",
    type=click.IntRange(0, 20),
    help="retries of a request that failed in a way worth repeating (default: the client's policy; 0: none)",
)
@click.pass_obj
def root(
    session: Session, base_url: str | None, branch: str | None, project_ref: str | None, max_retries: int | None
) -> None:
    """Trigger.dev from the shell: trigger tasks, batch them, list, inspect, watch, stream, cancel and replay runs.

    The key comes from TRIGGER_SECRET_KEY (or TRIGGER_ACCESS_TOKEN), or a hidden prompt on a terminal;
    never from a flag, which would land in shell history.
    """
    session.base_url = base_url
    session.branch = branch
    session.project_ref = project_ref
    session.max_retries = max_retries


for command in (runs, trigger, batch, schedules, envvars, queues, waitpoints, query, deployments, tokens):
    root.add_command(command)


@contextlib.contextmanager
def _streams(out: IO[str], err: IO[str]) -> Iterator[None]:
    """click prints help, usage and --version to sys.stdout/sys.stderr: point those at our streams."""
    with contextlib.ExitStack() as stack:
        if out is not sys.stdout:
            stack.enter_context(contextlib.redirect_stdout(out))
        if err is not sys.stderr:
            stack.enter_context(contextlib.redirect_stderr(err))
        yield


def run(
    argv: Sequence[str] | None = None,
    *,
    out: IO[str] | None = None,
    err: IO[str] | None = None,
    environ: Mapping[str, str] | None = None,
    transport: httpx.BaseTransport | None = None,
) -> int:
    """Run one command line; returns the exit code (0 ok, 1 API/runtime error, 2 usage, 130 interrupted)."""
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    session = Session(out, err, os.environ if environ is None else environ, transport)
    try:
        with _streams(out, err):
            result = root.main(
                args=list(argv) if argv is not None else None, prog_name=PROG, standalone_mode=False, obj=session
            )
        # --help and --version end in click's Exit, which standalone_mode=False turns into its code
        return result if isinstance(result, int) else session.exit_code
    except BaseException as exc:
        return _failure(exc, session)
    finally:
        with contextlib.suppress(Exception):
            session.close()


def _failure(exc: BaseException, session: Session) -> int:
    err = session.err

    def say(text: str) -> None:
        with contextlib.suppress(Exception):
            err.write(f"{PROG}: {printable(session.redact(text))}\n")  # one line: a server cannot forge a second
            err.flush()

    if isinstance(exc, FlagInputError):
        say(exc.format_message())
        return EXIT_USAGE
    if isinstance(exc, click.ClickException):
        with _streams(session.out, err), contextlib.suppress(Exception):
            exc.show(file=err)
        return EXIT_USAGE if isinstance(exc, click.UsageError) else exc.exit_code
    if isinstance(exc, (KeyboardInterrupt, click.Abort)):
        say("interrupted")
        return EXIT_INTERRUPTED
    if isinstance(exc, InvalidInputError):
        say(str(exc))
        return EXIT_USAGE
    if isinstance(exc, APIStatusError):
        say(f"{exc.status_code}: {exc}")
        return EXIT_FAILURE
    if isinstance(exc, (APIError, TriggerError)):
        say(str(exc))
        return EXIT_FAILURE
    if isinstance(exc, BrokenPipeError):
        _silence_stdout(session)
        return EXIT_OK  # `trigger-facade runs list | head` is not an error
    if isinstance(exc, ModuleNotFoundError) and exc.name in CLI_EXTRA_MODULES:
        say(f"the command line needs the cli extra ({exc.name} is missing): pip install 'trigger-facade[cli]'")
        return EXIT_USAGE
    if isinstance(exc, SystemExit):
        return exc.code if isinstance(exc.code, int) else EXIT_FAILURE
    if isinstance(exc, UnicodeEncodeError):
        say(f"the output cannot be written in this terminal's encoding ({exc.encoding}); try PYTHONIOENCODING=utf-8")
        return EXIT_FAILURE
    if isinstance(exc, OSError):
        say(f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""))
        return EXIT_FAILURE
    if not isinstance(exc, Exception):
        raise exc  # GeneratorExit and the like are not ours to handle
    say(f"unexpected error ({type(exc).__name__}: {exc}); please report it")
    return EXIT_FAILURE


def _silence_stdout(session: Session) -> None:
    # the reader went away: flushing stdout again at exit would raise once more
    if session.out is sys.stdout:
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
