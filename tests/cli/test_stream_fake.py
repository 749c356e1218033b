"""`runs stream` end to end against the loopback fake: what a task wrote, read over a real socket."""

from __future__ import annotations

import time

from trigger_facade.testing import FakeTrigger

from .helpers import cli


def test_stream_reads_what_the_fake_task_wrote(fake: FakeTrigger) -> None:
    run_id = cli("trigger", "double", "--payload", "2")[1].strip()
    fake.write_stream(run_id, "llm", "Hel", "lo", {"tokens": 2}, "bye\x1b[2J")
    started = time.monotonic()
    code, out, err = cli("runs", "stream", run_id, "llm", "--idle-timeout", "1")
    assert (code, err) == (0, "")
    assert out == 'Hello\n{"tokens":2}\nbye\\x1b[2J'
    assert time.monotonic() - started < 10
