"""Multi-step operations written once, without I/O, and the two drivers that run them.

A flow is a generator that yields steps and returns its result: an `httpx.Request` (built with
`_base.build_request`) is answered with the 2xx `httpx.Response`, or has our typed error thrown in
at that `yield`; a `Sleep` is answered once the client's clock has slept. The drivers send each
request through the resource's own `_send`, so retries, deadlines and error mapping are the ones
every single call gets. This is how httpx writes its auth flows: one body of logic for sync and async.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass
from typing import TypeVar

import httpx

from .errors import TriggerError

__all__ = ["Flow", "Sleep", "Step", "arun_flow", "exchange", "pause", "run_flow"]

T = TypeVar("T")


@dataclass(frozen=True)
class Sleep:
    """A step asking the driver to wait `seconds` on the client's clock."""

    seconds: float


Step = httpx.Request | Sleep
Flow = Generator[Step, httpx.Response | None, T]


def exchange(request: httpx.Request) -> Flow[httpx.Response]:
    """`response = yield from exchange(request)`: the typed way for a flow to send one request."""
    response = yield request
    if not isinstance(response, httpx.Response):
        raise TypeError(f"a flow's request was answered with {type(response).__name__}, not a response")
    return response


def pause(seconds: float) -> Flow[None]:
    """`yield from pause(seconds)`: wait on the client's clock."""
    yield Sleep(seconds)


def _advance(flow: Flow[T], reply: httpx.Response | None, error: TriggerError | None) -> Step:
    # thrown here, outside the driver's `except`, so the error's __context__ stays what it was
    return flow.throw(error) if error is not None else flow.send(reply)


def run_flow(
    flow: Flow[T],
    send: Callable[[httpx.Request], httpx.Response],
    sleep: Callable[[float], None],
) -> T:
    """Run a flow to its result, sending with `send` and waiting with `sleep`."""
    reply: httpx.Response | None = None
    error: TriggerError | None = None
    try:
        while True:
            try:
                step = _advance(flow, reply, error)
            except StopIteration as stop:
                result: T = stop.value
                return result
            reply, error = None, None
            if isinstance(step, Sleep):
                sleep(step.seconds)
                continue
            try:
                reply = send(step)
            except TriggerError as exc:
                error = exc
    finally:
        flow.close()


async def arun_flow(
    flow: Flow[T],
    send: Callable[[httpx.Request], Awaitable[httpx.Response]],
    sleep: Callable[[float], Awaitable[None]],
) -> T:
    """`run_flow` for an async client: the same flow, awaited sends and sleeps."""
    reply: httpx.Response | None = None
    error: TriggerError | None = None
    try:
        while True:
            try:
                step = _advance(flow, reply, error)
            except StopIteration as stop:
                result: T = stop.value
                return result
            reply, error = None, None
            if isinstance(step, Sleep):
                await sleep(step.seconds)
                continue
            try:
                reply = await send(step)
            except TriggerError as exc:
                error = exc
    finally:
        flow.close()
