"""A hard deadline for every socket operation of one attempt (connect, write, each read).

httpx's timeouts bound each socket operation on its own, so a server that drips one byte every
half second keeps a response alive for ever. The retry transport sets the attempt's deadline in a
context variable; the network backend below shrinks every connect, read and write timeout to what
is left of it, and fails the operation once nothing is left. Only httpx's own transports can carry
it (_deadline_backend.install_deadline); a caller's transport gets the coarser check between body
chunks instead. This module holds only the deadline itself and needs no httpcore.
"""

from __future__ import annotations

import contextvars
import time

_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("trigger_facade_deadline", default=None)


def current() -> float | None:
    """The running attempt's deadline (time.monotonic() seconds), if any."""
    return _DEADLINE.get()


def set_deadline(deadline: float | None) -> contextvars.Token[float | None]:
    return _DEADLINE.set(deadline)


def reset(token: contextvars.Token[float | None]) -> None:
    _DEADLINE.reset(token)


def bounded(timeout: float | None, error: type[Exception]) -> float | None:
    """`timeout` shrunk to the time left before the deadline; raises `error` when none is left."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("the attempt's deadline passed")
    return left if timeout is None else min(timeout, left)
