"""trigger-facade on the command line (the `cli` extra: click, rich, python-dotenv).

`trigger-facade --help` lists the commands; docs/cli.md is the reference. The core library never imports
this package, so `import trigger_facade` works without the extra.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

__all__ = ["main"]

_EXTRA = ("click", "rich", "dotenv")


def main(
    argv: Sequence[str] | None = None,
    *,
    out: IO[str] | None = None,
    err: IO[str] | None = None,
    environ: Mapping[str, str] | None = None,
    transport: httpx.BaseTransport | None = None,
) -> int:
    """Run one command line and return its exit code: 0 ok, 1 API or runtime error, 2 usage, 130 interrupted.

    `out`/`err` default to sys.stdout/sys.stderr and `environ` to os.environ; `transport` (an httpx
    transport for the client) is for tests and embedding.
    """
    try:
        from .app import run
    except ModuleNotFoundError as exc:
        if exc.name not in _EXTRA:
            raise
        import sys

        (err or sys.stderr).write(
            f"trigger-facade: the command line needs the cli extra ({exc.name} is missing): "
            "pip install 'trigger-facade[cli]'\n"
        )
        return 2
    return run(argv, out=out, err=err, environ=environ, transport=transport)
