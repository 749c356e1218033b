"""The bad days, over real sockets: dropped connections after the work, 5xx and 429 bursts, stalls."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from typing import Any

import pytest

from trigger_facade import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncTriggerClient,
    RateLimitError,
    RetryPolicy,
    TriggerClient,
)
from trigger_facade.testing import FakeClock, FakeTrigger, Faults, TokenBucket

# fast retries keep the suite quick; the policy's shape (count, caps) is what is under test
FAST = RetryPolicy(max_retries=12, initial_delay=0.001, factor=2.0, max_delay=0.02, max_wait=0.05)
STORMY: dict[str, Any] = {
    "drop_after_work": 0.3,
    "error_5xx": 0.05,
    "error_5xx_burst": 2,
    "rate_limit": 0.03,
    "rate_limit_burst": 3,
}


def stormy_fake(seed: int) -> FakeTrigger:
    return FakeTrigger(faults=Faults(seed=seed, rate_limit_retry_after=0.002, **STORMY))


def test_1000_triggers_under_faults_make_exactly_1000_runs() -> None:
    fake = stormy_fake(seed=1)
    outcomes: Counter[str] = Counter()
    ids: set[str] = set()
    with (
        fake.serve() as url,
        TriggerClient(secret_key=fake.secret_key, base_url=url, retry_policy=FAST, environ={}) as client,
    ):
        for n in range(1000):
            key = f"job-{n}"  # what docs/recovery.md tells callers: a key per logical trigger
            try:
                ids.add(client.tasks.trigger("work", {"n": n}, idempotency_key=key).id)
                outcomes["run id"] += 1
            except (APIConnectionError, APIStatusError) as exc:  # typed; says whether the run may exist
                outcomes[type(exc).__name__] += 1
                # the caller's recovery: the same call again; the key makes it safe either way
                ids.add(client.tasks.trigger("work", {"n": n}, idempotency_key=key).id)
    assert fake.faults.counts["dropped"] > 200  # the storm really happened
    assert fake.faults.counts["5xx"] > 50
    assert fake.faults.counts["429"] > 20
    assert outcomes["run id"] >= 990  # the client's own retries absorb nearly everything
    assert sum(outcomes.values()) == 1000
    assert len(ids) == 1000
    assert len(fake.runs) == 1000  # no duplicate, none lost


def test_1000_async_triggers_under_faults_make_exactly_1000_runs() -> None:
    fake = stormy_fake(seed=2)
    outcomes: Counter[str] = Counter()

    async def main(url: str) -> list[str]:
        limit = asyncio.Semaphore(16)
        async with AsyncTriggerClient(
            secret_key=fake.secret_key, base_url=url, retry_policy=FAST, environ={}
        ) as client:

            async def one(n: int) -> str:
                async with limit:
                    key = f"job-{n}"
                    try:
                        run_id = (await client.tasks.trigger("work", {"n": n}, idempotency_key=key)).id
                        outcomes["run id"] += 1
                    except (APIConnectionError, APIStatusError) as exc:
                        outcomes[type(exc).__name__] += 1
                        run_id = (await client.tasks.trigger("work", {"n": n}, idempotency_key=key)).id
                    return run_id

            return await asyncio.gather(*(one(n) for n in range(1000)))

    with fake.serve() as url:
        ids = asyncio.run(main(url))
    assert fake.faults.counts["dropped"] > 200
    assert outcomes["run id"] >= 990
    assert sum(outcomes.values()) == 1000
    assert len(set(ids)) == 1000
    assert len(fake.runs) == 1000
    assert sorted(run.payload["n"] for run in fake.runs.values()) == list(range(1000))


def test_without_retries_a_dropped_answer_says_the_run_may_exist() -> None:
    fake = FakeTrigger(faults=Faults(drop_after_work=1.0))
    with fake.serve() as url:
        client = TriggerClient(secret_key=fake.secret_key, base_url=url, max_retries=0, environ={})
        with pytest.raises(APIConnectionError) as info:
            client.tasks.trigger("work", 1)
    assert info.value.may_have_succeeded is True
    assert len(fake.runs) == 1


def test_a_refused_connection_says_the_run_does_not_exist() -> None:
    client = TriggerClient(
        secret_key="tr_dev_x", base_url="http://127.0.0.1:9", max_retries=1, environ={}, clock=FakeClock()
    )
    with pytest.raises(APIConnectionError) as info:
        client.tasks.trigger("work", 1)
    assert info.value.may_have_succeeded is False


def test_batches_of_10000_items_under_faults_enqueue_every_index_once() -> None:
    fake = stormy_fake(seed=3)
    with (
        fake.serve() as url,
        TriggerClient(secret_key=fake.secret_key, base_url=url, retry_policy=FAST, environ={}) as client,
    ):
        handle = client.tasks.batch_trigger("work", ({"payload": {"n": n}} for n in range(10_000)))
    assert len(handle.ids) == 10
    assert handle.run_count == 10_000
    for batch_id in handle.ids:
        batch = fake.batches[batch_id]
        assert batch["sealed"]
        assert sorted(batch["items"]) == list(range(1000))
    assert len(fake.runs) == 10_000
    assert sorted(run.payload["n"] for run in fake.runs.values()) == list(range(10_000))
    assert fake.faults.counts["dropped"] > 0


def test_rate_limits_are_waited_out_by_the_reset_time() -> None:
    clock = FakeClock()
    fake = FakeTrigger(clock=clock, rate_limit=TokenBucket(burst=5, refill_per_second=2))
    with fake.serve() as url:
        client = TriggerClient(secret_key=fake.secret_key, base_url=url, clock=clock, environ={})
        for n in range(20):
            client.tasks.trigger("work", n)
    assert len(fake.runs) == 20
    # 15 requests over the burst at 2 per second: the client waited what the server asked (~0.5 s each)
    assert sum(clock.sleeps) == pytest.approx(7.5, abs=1.0)
    assert max(clock.sleeps) <= 1.0


def test_rate_limit_waits_are_capped_and_total_time_is_bounded() -> None:
    clock = FakeClock()
    fake = FakeTrigger(clock=clock, rate_limit=TokenBucket(burst=1, refill_per_second=0.001))
    policy = RetryPolicy(max_retries=3, max_wait=2.0)
    with fake.serve() as url:
        client = TriggerClient(secret_key=fake.secret_key, base_url=url, clock=clock, retry_policy=policy, environ={})
        client.tasks.trigger("work", 0)
        with pytest.raises(RateLimitError) as info:
            client.tasks.trigger("work", 1)
    assert clock.sleeps == [2.0, 2.0, 2.0]  # the server asked for ~1000 s each time; capped
    assert info.value.retry_after is not None


def test_max_retries_zero_fails_at_once_on_429() -> None:
    fake = FakeTrigger(faults=Faults(rate_limit=1.0, rate_limit_retry_after=30))
    with fake.serve() as url:
        client = TriggerClient(secret_key=fake.secret_key, base_url=url, max_retries=0, environ={})
        started = time.monotonic()
        with pytest.raises(RateLimitError):
            client.runs.retrieve("run_1")
    assert time.monotonic() - started < 1.0
    assert fake.faults.counts["429"] == 1


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_stalled_server_times_out_within_timeout_times_attempts(mode: str) -> None:
    fake = FakeTrigger(faults=Faults(latency=3.0))
    policy = RetryPolicy(max_retries=2, initial_delay=0.01, max_delay=0.01)

    def retrieve(url: str) -> None:
        options: dict[str, Any] = {
            "secret_key": fake.secret_key,
            "base_url": url,
            "timeout": 0.3,
            "retry_policy": policy,
        }
        if mode == "sync":
            TriggerClient(environ={}, **options).runs.retrieve("r")
            return

        async def go() -> None:
            await AsyncTriggerClient(environ={}, **options).runs.retrieve("r")

        asyncio.run(go())

    with fake.serve() as url:
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            retrieve(url)
        elapsed = time.monotonic() - started
    assert elapsed < 3 * 0.3 + 0.5
