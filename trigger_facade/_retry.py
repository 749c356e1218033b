"""When to retry and how long to wait: pure functions, shared by the sync and async transport."""

from __future__ import annotations

import random
import time
from collections.abc import Callable

import attrs
import httpx

RETRYABLE_STATUSES = frozenset({408, 409, 429})
# x-ratelimit-reset is epoch milliseconds; the create-batch limiter sends epoch seconds instead
_EPOCH_SECONDS_CEILING = 100_000_000_000


@attrs.frozen
class RetryPolicy:
    """How a failed request is retried.

    Defaults mirror the official SDK (5 attempts; 1.0, 1.6, 2.56, 4.1 s between them), plus jitter
    and a cap on waits the server asks for.
    """

    max_retries: int = 4
    initial_delay: float = 1.0  # seconds before the first retry
    factor: float = 1.6
    max_delay: float = 30.0  # cap of the exponential backoff, seconds
    max_wait: float = 60.0  # cap of a wait the server asks for (rate-limit reset, Retry-After), seconds
    jitter: float = 0.25  # each backoff is shortened by up to this fraction

    def __attrs_post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError(f"max_retries={self.max_retries} must be >= 0")

    def backoff(self, retry_number: int, rand: Callable[[], float] = random.random) -> float:
        """Delay before retry number `retry_number` (1-based), jitter included."""
        base = min(self.max_delay, self.initial_delay * self.factor ** (retry_number - 1))
        return base * (1.0 - self.jitter * rand())


def parse_rate_limit_reset(value: str | None, now: float) -> float | None:
    """Seconds until an `x-ratelimit-reset` epoch (milliseconds, or plainly seconds); None if absent/past."""
    if not value:
        return None
    try:
        epoch = float(value)
    except ValueError:
        return None
    seconds_epoch = epoch if epoch < _EPOCH_SECONDS_CEILING else epoch / 1000.0
    wait = seconds_epoch - now
    return wait if wait > 0 else None


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds from `Retry-After` (delta seconds or an HTTP date); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        import email.utils  # only HTTP-date answers need it; kept off the import path

        try:
            moment = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = moment.timestamp() - now
    return seconds if seconds >= 0 else None


def server_requested_wait(headers: httpx.Headers, now: float) -> float | None:
    """The wait the server asked for: rate-limit reset first, then Retry-After (ms form too)."""
    wait = parse_rate_limit_reset(headers.get("x-ratelimit-reset"), now)
    if wait is None:
        retry_ms = headers.get("retry-after-ms")
        if retry_ms is not None:
            try:
                wait = max(0.0, float(retry_ms) / 1000.0)
            except ValueError:
                wait = None
    if wait is None:
        wait = parse_retry_after(headers.get("retry-after"), now)
    return wait


def should_retry_status(response: httpx.Response) -> bool:
    """x-should-retry wins; else 408, 409, 429 and 5xx are retried."""
    verdicts = response.headers.get_list("x-should-retry")  # no KeyError raised for the usual answer
    if verdicts:
        verdict = ", ".join(verdicts)  # what headers.get gives for a repeated header
        if verdict == "true":
            return True
        if verdict == "false":
            return False
    return response.status_code in RETRYABLE_STATUSES or response.status_code >= 500


def delay_for_response(
    policy: RetryPolicy,
    retry_number: int,
    response: httpx.Response,
    now: float,
    rand: Callable[[], float] = random.random,
) -> float:
    """Seconds to wait before retrying after `response`."""
    asked = server_requested_wait(response.headers, now)
    if asked is not None:
        return min(asked, policy.max_wait)
    return policy.backoff(retry_number, rand)


class Clock:
    """Time as the client sees it. Tests use a fake (trigger_facade.testing.FakeClock) so that
    retries and polling take no real time and are deterministic."""

    def now(self) -> float:
        """Wall-clock epoch seconds (compared with the server's rate-limit reset times)."""
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()

    def random(self) -> float:
        return random.random()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    async def async_sleep(self, seconds: float) -> None:
        import asyncio  # only async clients sleep this way; importing asyncio costs ~10 ms

        await asyncio.sleep(seconds)


SYSTEM_CLOCK = Clock()
