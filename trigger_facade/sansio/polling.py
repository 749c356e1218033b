"""Polling until something has finished, written once for every wait of the client.

A handle's `wait`, `runs.wait`/`watch` when they poll, `batch.wait` and a batch handle's `results`
all read, look, back off and give up the same way: `poll` is that loop, as a flow. What is read
(one run, the runs of a batch, the items of split batches) and what "finished" means are its
arguments; so is the error for running out of time, which names what was waited for.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any, TypeVar

from .._retry import Clock
from .._transport import finite_seconds
from ..errors import DeadlineExceededError
from ..flows import Sleep

T = TypeVar("T")
S = TypeVar("S")  # the steps the read yields: requests for a flow; items too for a feed

# each wait is this much longer than the one before, and never shorter than MIN_WAIT
GROWTH = 1.5
MIN_WAIT = 0.1


@dataclass(frozen=True)
class PollPlan:
    """How to poll: the first wait, the longest wait, and when to give up (clock.monotonic())."""

    interval: float
    ceiling: float
    deadline: float | None
    limit: float | None  # the caller's timeout, for the error; None with no deadline


def poll_plan(clock: Clock, timeout: float | None, poll_interval: float, max_poll_interval: float) -> PollPlan:
    """The checked arguments of a wait, refused before any request; `timeout` None polls for ever."""
    interval = finite_seconds(poll_interval, "poll_interval", allow_zero=True)
    ceiling = max(interval, finite_seconds(max_poll_interval, "max_poll_interval", allow_zero=True))
    limit = None if timeout is None else finite_seconds(timeout, "timeout", allow_zero=True)
    return PollPlan(interval, ceiling, None if limit is None else clock.monotonic() + limit, limit)


def _nothing(value: Any) -> Generator[Any, Any, None]:
    return
    yield  # a generator that yields nothing


def poll(
    clock: Clock,
    plan: PollPlan,
    read: Callable[[], Generator[S, Any, T]],
    finished: Callable[[T], bool],
    timed_out: Callable[[T | None], Exception],
    seen: Callable[[T], Generator[S, Any, None]] = _nothing,
) -> Generator[S | Sleep, Any, T]:
    """`value = yield from poll(...)`: `read` until `finished(value)`, and return that value.

    `seen(value)` runs after each read (a feed emits there). Between reads it waits `plan.interval`,
    then GROWTH times longer each time (at least MIN_WAIT s) up to `plan.ceiling`, never past the
    deadline. Once the deadline has passed, or a read ran into it, it raises `timed_out(the last
    value read, or None)`, caused by the read's DeadlineExceededError if there was one."""
    interval = plan.interval
    last: T | None = None
    while True:
        try:
            value = yield from read()
        except DeadlineExceededError as exc:
            error = timed_out(last)
            raise error from exc
        last = value
        yield from seen(value)
        if finished(value):
            return value
        left = None if plan.deadline is None else plan.deadline - clock.monotonic()
        if left is not None and left <= 0:
            raise timed_out(value)
        yield Sleep(interval if left is None else min(interval, left))
        interval = min(plan.ceiling, max(interval * GROWTH, MIN_WAIT))
