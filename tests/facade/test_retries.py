"""Retry rules of the one transport, with a fake clock (no real waiting), sync and async."""

from __future__ import annotations

import email.utils
from typing import Any

import httpx
import pytest

from trigger_facade import (
    APIConnectionError,
    APITimeoutError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    RetryPolicy,
)
from trigger_facade._retry import parse_rate_limit_reset, parse_retry_after
from trigger_facade.testing import FakeClock

from .harness import RUN, Recorder, call, make_client, ok

PATH = ("GET", "/api/v3/runs/run_1")


def retrieve(mode: str, answers: list[httpx.Response], **kwargs: Any) -> tuple[Recorder, FakeClock, Any]:
    rec = Recorder({PATH: answers})
    clock = kwargs.pop("clock", FakeClock())
    client = make_client(mode, rec, clock=clock, **kwargs)
    try:
        result: Any = call(client, "runs.retrieve", "run_1")
    except Exception as exc:
        result = exc
    return rec, clock, result


def test_five_500s_follow_the_sdk_schedule_then_raise(mode: str) -> None:
    rec, clock, result = retrieve(mode, [ok({"error": "boom"}, status=500)])
    assert isinstance(result, InternalServerError)
    assert len(rec.requests) == 5
    assert clock.sleeps == pytest.approx([1.0, 1.6, 2.56, 4.096])


def test_jitter_shortens_the_backoff(mode: str) -> None:
    _, clock, _ = retrieve(mode, [ok({}, status=503)], clock=FakeClock(random_value=1.0), max_retries=2)
    assert clock.sleeps == pytest.approx([0.75, 1.2])


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
def test_retryable_statuses_are_retried_then_succeed(mode: str, status: int) -> None:
    rec, _, result = retrieve(mode, [ok({"error": "x"}, status=status), ok(RUN)])
    assert result.id == "run_1"
    assert len(rec.requests) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_client_errors_are_not_retried(mode: str, status: int) -> None:
    rec, clock, result = retrieve(mode, [ok({"error": "no"}, status=status), ok(RUN)])
    assert result.status_code == status
    assert len(rec.requests) == 1
    assert clock.sleeps == []


def test_x_should_retry_true_retries_a_404(mode: str) -> None:
    rec, _, result = retrieve(mode, [ok({"error": "x"}, status=404, headers={"x-should-retry": "true"}), ok(RUN)])
    assert result.id == "run_1"
    assert len(rec.requests) == 2


def test_x_should_retry_false_stops_a_500(mode: str) -> None:
    rec, _, result = retrieve(mode, [ok({"error": "x"}, status=500, headers={"x-should-retry": "false"}), ok(RUN)])
    assert isinstance(result, InternalServerError)
    assert len(rec.requests) == 1


def test_429_waits_for_the_rate_limit_reset_in_ms(mode: str) -> None:
    clock = FakeClock()
    reset = str(int((clock.now() + 5) * 1000))
    _, clock, result = retrieve(mode, [ok({}, status=429, headers={"x-ratelimit-reset": reset}), ok(RUN)], clock=clock)
    assert result.id == "run_1"
    assert clock.sleeps == pytest.approx([5.0])


def test_429_reads_a_plainly_seconds_reset_as_seconds(mode: str) -> None:
    clock = FakeClock()
    reset = str(int(clock.now() + 3))
    headers = {"x-ratelimit-reset": reset, "retry-after": "3"}
    _, clock, _ = retrieve(mode, [ok({}, status=429, headers=headers), ok(RUN)], clock=clock)
    assert clock.sleeps == pytest.approx([3.0])


def test_429_honours_retry_after_seconds_and_http_date(mode: str) -> None:
    clock = FakeClock()
    date = email.utils.formatdate(clock.now() + 7, usegmt=True)
    answers = [
        ok({}, status=429, headers={"retry-after": "2"}),
        ok({}, status=429, headers={"retry-after": date}),
        ok(RUN),
    ]
    _, clock, result = retrieve(mode, answers, clock=clock)
    assert result.id == "run_1"
    # the date was 7 s ahead when made; 2 s of waiting had passed when it was read
    assert clock.sleeps == pytest.approx([2.0, 5.0])


def test_server_asked_waits_are_capped(mode: str) -> None:
    policy = RetryPolicy(max_wait=10.0)
    _, clock, _ = retrieve(mode, [ok({}, status=429, headers={"retry-after": "3600"}), ok(RUN)], retry_policy=policy)
    assert clock.sleeps == [10.0]


def test_a_past_reset_falls_back_to_backoff(mode: str) -> None:
    clock = FakeClock()
    past = str(int((clock.now() - 10) * 1000))
    _, clock, _ = retrieve(mode, [ok({}, status=429, headers={"x-ratelimit-reset": past}), ok(RUN)], clock=clock)
    assert clock.sleeps == [1.0]


def test_rate_limit_error_carries_the_wait(mode: str) -> None:
    _, clock, result = retrieve(
        mode, [ok({"error": "slow down"}, status=429, headers={"retry-after": "4"})], max_retries=0
    )
    assert isinstance(result, RateLimitError)
    assert result.retry_after == pytest.approx(4.0, abs=1.0)
    assert str(result) == "slow down"
    assert clock.sleeps == []


def test_rate_limit_error_reads_the_reset_on_the_clients_clock(mode: str) -> None:
    clock = FakeClock()
    reset = str(int((clock.now() + 12) * 1000))
    answer = ok({"error": "slow down"}, status=429, headers={"x-ratelimit-reset": reset})
    _, _, result = retrieve(mode, [answer], clock=clock, max_retries=0)
    assert isinstance(result, RateLimitError)
    assert result.retry_after == pytest.approx(12.0)


def test_max_retries_zero_fails_at_once(mode: str) -> None:
    rec, clock, result = retrieve(mode, [ok({}, status=503)], max_retries=0)
    assert isinstance(result, InternalServerError)
    assert len(rec.requests) == 1
    assert clock.sleeps == []


def test_one_idempotency_key_per_call_reused_on_every_retry(mode: str) -> None:
    rec = Recorder({("POST", "/api/v1/tasks/t/trigger"): [ok({}, status=503), ok({}, status=502), ok({"id": "run_1"})]})
    client = make_client(mode, rec)
    call(client, "tasks.trigger", "t", 1)
    call(client, "tasks.trigger", "t", 2)
    keys = [r.headers["x-trigger-request-idempotency-key"] for r in rec.requests]
    assert len(keys) == 4
    assert keys[0] == keys[1] == keys[2]
    assert keys[3] != keys[0]
    assert len(keys[0]) == 36


def _failing(exc: type[httpx.TransportError], then: httpx.Response | None = None) -> Any:
    state = {"calls": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        state["calls"] += 1
        if then is not None and state["calls"] > 1:
            return then
        raise exc("simulated", request=request)

    return handler, state


def test_connection_errors_are_retried(mode: str) -> None:
    handler, state = _failing(httpx.ReadError, ok(RUN))
    rec = Recorder({PATH: handler})
    assert call(make_client(mode, rec), "runs.retrieve", "run_1").id == "run_1"
    assert state["calls"] == 2


@pytest.mark.parametrize(
    ("exc", "expected", "may_have_succeeded"),
    [
        (httpx.ConnectError, APIConnectionError, False),
        (httpx.ReadError, APIConnectionError, True),
        (httpx.RemoteProtocolError, APIConnectionError, True),
        (httpx.ReadTimeout, APITimeoutError, True),
        (httpx.ConnectTimeout, APITimeoutError, False),
    ],
)
def test_connection_failures_become_typed_errors(
    mode: str, exc: type[httpx.TransportError], expected: type[Exception], may_have_succeeded: bool
) -> None:
    handler, state = _failing(exc)
    clock = FakeClock()
    rec = Recorder({PATH: handler})
    with pytest.raises(expected) as info:
        call(make_client(mode, rec, clock=clock, max_retries=2), "runs.retrieve", "run_1")
    assert isinstance(info.value, APIConnectionError)
    assert info.value.may_have_succeeded is may_have_succeeded
    assert state["calls"] == 3
    assert len(clock.sleeps) == 2


def test_with_options_changes_retries_per_call(mode: str) -> None:
    rec = Recorder({PATH: [ok({}, status=500)]})
    client = make_client(mode, rec)
    with pytest.raises(InternalServerError):
        call(client.with_options(max_retries=1), "runs.retrieve", "run_1")
    assert len(rec.requests) == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1800000005000", 5.0), ("1800000005", 5.0), ("1799999999000", None), ("", None), ("soon", None), (None, None)],
)
def test_parse_rate_limit_reset(value: str | None, expected: float | None) -> None:
    assert parse_rate_limit_reset(value, 1_800_000_000.0) == (pytest.approx(expected) if expected else None)


@pytest.mark.parametrize(("value", "expected"), [("5", 5.0), ("0", 0.0), ("-3", None), ("garbage", None), (None, None)])
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, 1_800_000_000.0) == expected


def test_other_client_errors_keep_their_class(mode: str) -> None:
    _, _, result = retrieve(mode, [ok({"error": "bad"}, status=400)])
    assert isinstance(result, BadRequestError)
    _, _, result = retrieve(mode, [ok({"error": "gone"}, status=404)])
    assert isinstance(result, NotFoundError)
