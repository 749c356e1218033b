"""sansio.polling: the one polling loop every wait runs (backoff, deadline, the error for running out of time)."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import httpx
import pytest

from trigger_facade.errors import DeadlineExceededError, InvalidInputError, RunWaitTimeoutError
from trigger_facade.flows import Emit, Flow, Sleep, run_feed, run_flow
from trigger_facade.sansio.polling import PollPlan, poll, poll_plan
from trigger_facade.testing import FakeClock


def never_sent(request: httpx.Request) -> httpx.Response:
    raise AssertionError("these reads send nothing")


def reads(values: list[Any], clock: FakeClock, took: float = 0.0) -> Any:
    """A read that hands out `values` in turn, each taking `took` seconds of the clock."""
    it = iter(values)

    def read() -> Flow[Any]:
        clock.advance(took)
        value = next(it)
        if isinstance(value, Exception):
            raise value
        return value
        yield  # a flow that sends nothing

    return read


def timed_out(last: Any) -> RunWaitTimeoutError:
    return RunWaitTimeoutError("thing", 30.0, None if last is None else str(last))


def run(flow: Flow[Any], clock: FakeClock, sleeps: list[float]) -> Any:
    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        clock.sleep(seconds)

    return run_flow(flow, never_sent, sleep)


def test_reads_until_finished_backing_off_to_the_ceiling() -> None:
    clock = FakeClock()
    plan = PollPlan(interval=1.0, ceiling=3.0, deadline=clock.monotonic() + 100, limit=100.0)
    sleeps: list[float] = []
    values = [0, 1, 2, 3, 4, 5, 6]
    got = run(poll(clock, plan, reads(values, clock), lambda v: v == 6, timed_out), clock, sleeps)
    assert got == 6
    assert sleeps == [1.0, 1.5, 2.25, 3.0, 3.0, 3.0]


def test_a_zero_interval_still_waits_a_little_after_the_first_read() -> None:
    clock = FakeClock()
    plan = PollPlan(interval=0.0, ceiling=10.0, deadline=None, limit=None)
    sleeps: list[float] = []
    run(poll(clock, plan, reads([0, 0, 0, 1], clock), lambda v: v == 1, timed_out), clock, sleeps)
    assert sleeps == [0.0, 0.1, 0.15000000000000002]


def test_no_wait_runs_past_the_deadline_and_the_error_names_the_last_value() -> None:
    clock = FakeClock()
    plan = PollPlan(interval=4.0, ceiling=10.0, deadline=clock.monotonic() + 10.0, limit=10.0)
    sleeps: list[float] = []
    with pytest.raises(RunWaitTimeoutError) as caught:
        run(poll(clock, plan, reads(["a", "b", "c", "d"], clock), lambda v: False, timed_out), clock, sleeps)
    assert sleeps == [4.0, 6.0]  # the second wait is cut to the 6 s left
    assert caught.value.last_status == "c"
    assert caught.value.__cause__ is None


def test_a_read_that_runs_into_the_deadline_is_the_cause() -> None:
    clock = FakeClock()
    plan = PollPlan(interval=1.0, ceiling=1.0, deadline=clock.monotonic() + 10.0, limit=10.0)
    deadline_error = DeadlineExceededError("no time left for GET /x")
    with pytest.raises(RunWaitTimeoutError) as caught:
        run(poll(clock, plan, reads(["a", deadline_error], clock), lambda v: False, timed_out), clock, [])
    assert caught.value.last_status == "a"
    assert caught.value.__cause__ is deadline_error


def test_before_any_value_the_error_has_none() -> None:
    clock = FakeClock()
    plan = PollPlan(interval=1.0, ceiling=1.0, deadline=clock.monotonic(), limit=0.0)
    with pytest.raises(RunWaitTimeoutError) as caught:
        run(poll(clock, plan, reads([DeadlineExceededError("late")], clock), lambda v: False, timed_out), clock, [])
    assert caught.value.last_status is None


def test_other_errors_of_a_read_pass_through_untouched() -> None:
    clock = FakeClock()
    plan = PollPlan(interval=1.0, ceiling=1.0, deadline=None, limit=None)
    boom = ValueError("not ours to wrap")
    with pytest.raises(ValueError) as caught:
        run(poll(clock, plan, reads([boom], clock), lambda v: False, timed_out), clock, [])
    assert caught.value is boom


def test_seen_runs_after_each_read_so_a_feed_can_emit() -> None:
    clock = FakeClock()
    plan = PollPlan(interval=1.0, ceiling=1.0, deadline=None, limit=None)

    def seen(value: int) -> Generator[Emit[int], Any, None]:
        if value % 2 == 0:
            yield Emit(value)

    def feed() -> Generator[Any, Any, None]:
        yield from poll(clock, plan, reads([1, 2, 3, 4], clock), lambda v: v == 4, timed_out, seen)

    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    assert list(run_feed(feed(), never_sent, sleep)) == [2, 4]
    assert sleeps == [1.0, 1.0, 1.0]


def test_steps_are_requests_and_sleeps_only() -> None:
    clock = FakeClock()
    plan = PollPlan(interval=2.0, ceiling=2.0, deadline=None, limit=None)
    steps = poll(clock, plan, reads([0, 1], clock), lambda v: v == 1, timed_out)
    assert next(steps) == Sleep(2.0)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((float("nan"), 1.0, 10.0), "timeout"),
        ((-1.0, 1.0, 10.0), "timeout"),
        ((10.0, float("inf"), 10.0), "poll_interval"),
        ((10.0, 1.0, -2.0), "max_poll_interval"),
    ],
)
def test_a_plan_refuses_bad_numbers_by_name(arguments: tuple[float, float, float], message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        poll_plan(FakeClock(), *arguments)


def test_a_plan_never_backs_off_below_its_first_interval() -> None:
    clock = FakeClock()
    plan = poll_plan(clock, 30.0, 5.0, 2.0)
    assert plan == PollPlan(interval=5.0, ceiling=5.0, deadline=clock.monotonic() + 30.0, limit=30.0)
    assert poll_plan(clock, None, 1.0, 10.0).deadline is None
