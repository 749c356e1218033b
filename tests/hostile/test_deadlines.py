"""Issue 11.2: `timeout` bounds a whole attempt; waits end at their deadline; bad timeouts are refused."""

from __future__ import annotations

import math
import time
from typing import Any

import pytest

from trigger_facade import APITimeoutError, ConfigurationError, InvalidInputError, RunWaitTimeoutError, TriggerClient
from trigger_facade.testing import FakeClock

from .harness import KEY, exercise, raised, run_json
from .server import drip, hostile_server, json_answer, sequence

RUN = run_json(status="EXECUTING")


def test_a_dripping_body_cannot_outlive_the_timeout(mode: str) -> None:
    # one byte every 0.2 s: each read succeeds at once, so per-read timeouts alone would wait ~30 s
    body = RUN.encode()
    with hostile_server({("GET", "/api/v3/runs/run_1"): drip(body, 0.2)}) as server:
        started = time.monotonic()
        error = raised(mode, lambda c: c.runs.retrieve("run_1"), base_url=server.url, timeout=1.0, max_retries=0)
        elapsed = time.monotonic() - started
    assert isinstance(error, APITimeoutError)
    assert elapsed < 2.0, elapsed


def test_a_retried_call_is_bounded_per_attempt(mode: str) -> None:
    # two dripping attempts then a good one: each attempt ends at its own deadline
    good = json_answer(200, RUN)
    slow = drip(RUN.encode(), 0.2)
    with hostile_server({("GET", "/api/v3/runs/run_1"): sequence(slow, slow, good)}) as server:
        started = time.monotonic()
        run = exercise(
            mode, lambda c: c.runs.retrieve("run_1"), base_url=server.url, timeout=0.6, max_retries=2, clock=FakeClock()
        )
        elapsed = time.monotonic() - started
    assert run.id == "run_1"
    assert elapsed < 3.0, elapsed
    assert server.count("GET", "/api/v3/runs/run_1") == 3


def test_wait_ends_at_its_deadline_whatever_retry_after_says(mode: str) -> None:
    limited = json_answer(429, '{"error":"rate limited"}', {"retry-after": "20"})
    with hostile_server({("GET", "/api/v3/runs/run_1"): sequence(json_answer(200, RUN), limited)}) as server:
        started = time.monotonic()
        error = raised(mode, lambda c: c.runs.wait("run_1", timeout=2, poll_interval=0.5), base_url=server.url)
        elapsed = time.monotonic() - started
    assert isinstance(error, RunWaitTimeoutError)
    assert elapsed < 3.0, elapsed


def test_wait_ends_at_its_deadline_while_a_read_stalls(mode: str) -> None:
    slow = drip(RUN.encode(), 0.5)
    with hostile_server({("GET", "/api/v3/runs/run_1"): sequence(json_answer(200, RUN), slow)}) as server:
        started = time.monotonic()
        error = raised(mode, lambda c: c.runs.wait("run_1", timeout=1.5, poll_interval=0.1), base_url=server.url)
        elapsed = time.monotonic() - started
    assert isinstance(error, RunWaitTimeoutError)
    assert elapsed < 2.5, elapsed


@pytest.mark.parametrize("value", [math.nan, math.inf, -1.0, 0.0, "10", True])
def test_bad_client_timeouts_are_refused(value: Any) -> None:
    with pytest.raises(ConfigurationError, match="timeout"):
        TriggerClient(secret_key=KEY, timeout=value, environ={})


@pytest.mark.parametrize("value", [math.nan, math.inf, -1.0])
def test_bad_wait_timeouts_are_refused_before_any_request(mode: str, value: float) -> None:
    with hostile_server() as server:
        error = raised(mode, lambda c: c.runs.wait("run_1", timeout=value), base_url=server.url)
    assert isinstance(error, InvalidInputError)
    assert "timeout" in str(error)
    assert server.seen == []
