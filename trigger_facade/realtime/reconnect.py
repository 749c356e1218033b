"""When to try a realtime request again: backoff between attempts, and the wait a 429 or 503 asks for."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class ReconnectPolicy:
    """Delays between attempts after a 429, a 5xx or a network error.

    `delay(n)` for the n-th consecutive failure (1-based) grows by `factor` from `initial_delay` up
    to `max_delay`, is shortened by up to `jitter` of itself, and is never below `min_delay`. The
    caller's deadline decides when to stop; this policy never does. A wait the server asks for
    (Retry-After, x-ratelimit-reset) replaces the backoff, within `min_delay` and `max_server_wait`.
    """

    initial_delay: float = 0.25
    factor: float = 1.5
    max_delay: float = 10.0
    min_delay: float = 0.1
    jitter: float = 0.25
    max_server_wait: float = 60.0

    def delay(self, failures: int, rand: Callable[[], float] = random.random) -> float:
        base = min(self.max_delay, self.initial_delay * self.factor ** max(0, failures - 1))
        return max(self.min_delay, base * (1.0 - self.jitter * rand()))

    def after(self, failures: int, server_wait: float | None, rand: Callable[[], float] = random.random) -> float:
        """The delay before the next attempt, honouring a wait the server asked for."""
        if server_wait is None:
            return self.delay(failures, rand)
        return min(self.max_server_wait, max(self.min_delay, server_wait))


# The SDK's Electric client: 100 ms, x1.3, at most 10 s, no jitter, attempts unlimited.
SDK_BACKOFF = ReconnectPolicy(initial_delay=0.1, factor=1.3, max_delay=10.0, min_delay=0.0, jitter=0.0)


def server_wait(headers: Mapping[str, str], now: float) -> float | None:
    """The wait a 429/503 asks for (x-ratelimit-reset, retry-after-ms, Retry-After), if any."""
    from .._retry import parse_rate_limit_reset, parse_retry_after

    wait = parse_rate_limit_reset(headers.get("x-ratelimit-reset"), now)
    if wait is not None:
        return wait
    retry_ms = headers.get("retry-after-ms")
    if retry_ms is not None:
        try:
            return max(0.0, float(retry_ms) / 1000.0)
        except ValueError:
            pass
    return parse_retry_after(headers.get("retry-after"), now)
