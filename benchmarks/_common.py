"""Shared by the benchmark scripts: a fake server in its own process, and peak-RSS readings."""

from __future__ import annotations

import resource
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from trigger_facade.testing import DEFAULT_SECRET_KEY

KEY = DEFAULT_SECRET_KEY


@contextmanager
def server_process(command: list[str]) -> Iterator[str]:
    """A server in its own process (so it shares no interpreter lock with what is measured), which
    prints its URL on the first line of its output; stopped when the block ends."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def fake_server(*args: str) -> Iterator[str]:
    """The loopback fake in a separate process (no contract checks, no added latency)."""
    with server_process([sys.executable, "-m", "trigger_facade.testing", "serve", "--port", "0", *args]) as url:
        yield url


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
