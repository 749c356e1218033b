"""The loopback server stays quiet when a client goes away, and loud about anything else."""

from __future__ import annotations

import pytest

from trigger_facade.testing import FakeTrigger
from trigger_facade.testing._server import LoopbackServer


@pytest.mark.parametrize("gone", [BrokenPipeError(), ConnectionResetError(), ConnectionAbortedError(), TimeoutError()])
def test_a_client_going_away_prints_nothing(gone: Exception, capsys: pytest.CaptureFixture[str]) -> None:
    server = LoopbackServer(FakeTrigger())
    try:
        try:
            raise gone
        except type(gone):
            server._server.handle_error(None, ("127.0.0.1", 1))
    finally:
        server._server.server_close()
    assert capsys.readouterr().err == ""


def test_any_other_failure_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    server = LoopbackServer(FakeTrigger())
    try:
        try:
            raise ValueError("a bug in the fake")
        except ValueError:
            server._server.handle_error(None, ("127.0.0.1", 1))
    finally:
        server._server.server_close()
    assert "ValueError: a bug in the fake" in capsys.readouterr().err
