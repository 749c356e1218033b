"""Handles against the in-process fake (trigger_facade.testing): the fake runs registered handlers, so a
handle's result() sees real outputs and errors, in sync and async."""

from __future__ import annotations

from typing import Any

import pytest

from trigger_facade import RunCancelledError, RunExpiredError, RunFailedError
from trigger_facade.testing import FakeClock, FakeTrigger

from ..facade.harness import call


def double(payload: Any, ctx: Any = None) -> Any:
    return {"n": payload["n"] * 2}


def boom(payload: Any, ctx: Any = None) -> Any:
    raise ValueError("boom")


def fake_with_tasks() -> FakeTrigger:
    fake = FakeTrigger()
    fake.task("double", double)
    fake.task("boom", boom)
    return fake


def client_of(fake: FakeTrigger, mode: str) -> Any:
    return fake.async_client() if mode == "async" else fake.client()


def test_result_is_the_handlers_output(mode: str) -> None:
    fake = fake_with_tasks()
    handle = call(client_of(fake, mode), "tasks.trigger", "double", {"n": 21})
    assert call(handle, "result", timeout=30) == {"n": 42}
    assert handle.status == "COMPLETED"


def test_a_raising_handler_gives_run_failed_error(mode: str) -> None:
    fake = fake_with_tasks()
    handle = call(client_of(fake, mode), "tasks.trigger", "boom", {"n": 1})
    with pytest.raises(RunFailedError) as info:
        call(handle, "result", timeout=30)
    assert info.value.status == "FAILED"
    assert (info.value.error or {}).get("message") == "boom"


def test_a_reused_key_hands_back_the_finished_run_with_its_status(mode: str) -> None:
    fake = fake_with_tasks()
    client = client_of(fake, mode)
    first = call(client, "tasks.trigger", "double", {"n": 1}, idempotency_key="order-1")
    assert call(first, "result", timeout=30) == {"n": 2}
    again = call(client, "tasks.trigger", "double", {"n": 1}, idempotency_key="order-1")
    assert (again.id, again.is_cached, again.status) == (first.id, True, "COMPLETED")


def test_batch_results_in_item_order(mode: str) -> None:
    fake = fake_with_tasks()
    items = [{"payload": {"n": n}} for n in range(5)] + [{"task": "boom", "payload": {"n": 0}}]
    handle = call(
        client_of(fake, mode), "batch.trigger", [{"task": "double", **item} for item in items[:5]] + items[5:]
    )
    results = call(handle, "results", timeout=60)
    assert [r.output for r in results[:5]] == [{"n": 2 * n} for n in range(5)]
    assert (results[5].ok, (results[5].error or {}).get("message")) == (False, "boom")


def slow(payload: Any, ctx: Any = None) -> Any:
    """A run that stays EXECUTING for an hour of the fake's clock (so it can be cancelled)."""
    yield 3600.0
    return {"done": True}


def test_a_cancelled_run_raises_run_cancelled_error(mode: str) -> None:
    fake = fake_with_tasks()
    fake.task("slow", slow)
    client = client_of(fake, mode)
    handle = call(client, "tasks.trigger", "slow", {})
    call(handle, "cancel")
    with pytest.raises(RunCancelledError) as info:
        call(handle, "result", timeout=30)
    assert info.value.status == "CANCELED"
    assert fake.runs[handle.id].status == "CANCELED"


def test_an_expired_run_raises_run_expired_error(mode: str) -> None:
    clock = FakeClock()
    fake = FakeTrigger(clock=clock, start_after=120.0)
    fake.task("double", double)
    handle = call(client_of(fake, mode), "tasks.trigger", "double", {"n": 1}, ttl=60)
    fake.advance(121.0)
    with pytest.raises(RunExpiredError) as info:
        call(handle, "result", timeout=30)
    assert info.value.status == "EXPIRED"


def test_a_reused_key_of_a_cancelled_run_hands_back_the_dead_run(mode: str) -> None:
    """CANCELED keeps its key (W10): the trigger answers the dead run, and the handle says so."""
    fake = fake_with_tasks()
    fake.task("slow", slow)
    client = client_of(fake, mode)
    first = call(client, "tasks.trigger", "slow", {}, idempotency_key="job-7")
    call(first, "cancel")
    again = call(client, "tasks.trigger", "slow", {}, idempotency_key="job-7")
    assert (again.id, again.is_cached, again.status) == (first.id, True, "CANCELED")
    with pytest.raises(RunCancelledError):
        call(again, "result", timeout=30)


def test_a_split_batch_gives_results_in_item_order_across_its_batches(mode: str) -> None:
    fake = fake_with_tasks()
    items = [{"payload": {"n": n}} for n in range(1203)]
    handle = call(client_of(fake, mode), "tasks.batch_trigger", "double", items)
    assert handle.is_split
    assert len(handle.ids) == 2
    results = call(handle, "results", timeout=120)
    assert [r.output for r in results] == [{"n": 2 * n} for n in range(1203)]
