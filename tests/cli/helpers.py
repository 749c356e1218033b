"""Running the CLI in tests: in-process with captured streams, or the environment for a subprocess."""

from __future__ import annotations

import io
import os

import httpx

from trigger_facade.cli import main
from trigger_facade.testing import FakeTrigger

CLIENT_VARIABLES = (
    "TRIGGER_SECRET_KEY",
    "TRIGGER_ACCESS_TOKEN",
    "TRIGGER_API_URL",
    "TRIGGER_PROJECT_REF",
    "TRIGGER_PREVIEW_BRANCH",
    "VERCEL_GIT_COMMIT_REF",
)


def cli(*argv: str, transport: httpx.BaseTransport | None = None) -> tuple[int, str, str]:
    """Run the CLI in-process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err, transport=transport)
    return code, out.getvalue(), err.getvalue()


def subprocess_env(fake: FakeTrigger) -> dict[str, str]:
    """The environment for running `python -m trigger_facade` against the fake."""
    env = {k: v for k, v in os.environ.items() if k not in CLIENT_VARIABLES}
    env.update(
        TRIGGER_SECRET_KEY=fake.secret_key,
        TRIGGER_API_URL=os.environ["TRIGGER_API_URL"],
        TRIGGER_PROJECT_REF=fake.project_ref,
        PYTHONIOENCODING="utf-8",
    )
    return env
