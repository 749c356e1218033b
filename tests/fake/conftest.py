"""What the fake's tests share: a clock that moves only when told, and a fake whose runs start after
1 s and take 2 s on it (a module needing other timings defines its own `fake`)."""

from __future__ import annotations

import pytest

from trigger_facade.testing import FakeClock, FakeTrigger


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fake(clock: FakeClock) -> FakeTrigger:
    return FakeTrigger(clock=clock, start_after=1.0, execution_time=2.0)
