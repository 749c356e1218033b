"""A clock whose time only moves when the code under test sleeps."""

from __future__ import annotations

import asyncio

from .._retry import Clock


class FakeClock(Clock):
    """Sleeping advances time instantly and is recorded in `sleeps` (seconds, in order)."""

    def __init__(self, start: float = 1_800_000_000.0, random_value: float = 0.0) -> None:
        self._now = start
        self._monotonic = 0.0
        self.random_value = random_value
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self._now

    def monotonic(self) -> float:
        return self._monotonic

    def random(self) -> float:
        return self.random_value

    def advance(self, seconds: float) -> None:
        self._now += seconds
        self._monotonic += seconds

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.advance(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)
        await asyncio.sleep(0)
