"""RunHandle / AsyncRunHandle: the handle a trigger returns waits, reads, cancels and raises (MockTransport)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from trigger_facade import (
    AsyncRunHandle,
    RunCancelledError,
    RunExpiredError,
    RunFailedError,
    RunHandle,
    RunWaitTimeoutError,
)
from trigger_facade import public_tokens as pt
from trigger_facade.testing import FakeClock
from trigger_facade.types import CancelRunResult

from ..facade.harness import KEY, RUN, Recorder, call, make_client, ok

TRIGGER = ("POST", "/api/v1/tasks/my-task/trigger")
RUN_PATH = ("GET", "/api/v3/runs/run_1")
START = 1_800_000_000.0


def run(status: str, **fields: Any) -> httpx.Response:
    return ok({**RUN, "id": "run_1", "status": status, **fields})


def statuses(*answers: httpx.Response) -> Callable[[httpx.Request], httpx.Response]:
    """Answers in turn, the last one for ever after."""
    queue = list(answers)

    def answer(request: httpx.Request) -> httpx.Response:
        return queue.pop(0) if len(queue) > 1 else queue[0]

    return answer


def trigger(mode: str, rec: Recorder, **client_kwargs: Any) -> Any:
    rec.routes.setdefault(TRIGGER, ok({"id": "run_1", "isCached": False}, headers={"x-trigger-jwt": "jwt"}))
    return call(make_client(mode, rec, **client_kwargs), "tasks.trigger", "my-task", {"a": 1})


def test_the_handle_is_the_clients_kind(mode: str) -> None:
    handle = trigger(mode, Recorder())
    assert isinstance(handle, AsyncRunHandle if mode == "async" else RunHandle)
    assert (handle.id, handle.task_identifier, handle.is_cached, handle.status) == ("run_1", "my-task", False, None)
    assert "jwt" not in repr(handle)


def test_result_waits_and_returns_the_output(mode: str) -> None:
    rec = Recorder({RUN_PATH: statuses(run("QUEUED"), run("EXECUTING"), run("COMPLETED", output={"n": 2}))})
    handle = trigger(mode, rec)
    assert call(handle, "result", timeout=60) == {"n": 2}
    assert [r.url.path for r in rec.requests].count("/api/v3/runs/run_1") == 3
    assert handle.status == "COMPLETED"


def test_a_failed_run_raises_with_its_error(mode: str) -> None:
    error = {"name": "Error", "message": "boom", "stackTrace": "Error: boom\n    at run"}
    rec = Recorder({RUN_PATH: run("FAILED", error=error)})
    handle = trigger(mode, rec)
    with pytest.raises(RunFailedError) as info:
        call(handle, "result")
    assert type(info.value) is RunFailedError
    assert (info.value.run_id, info.value.status, info.value.error) == ("run_1", "FAILED", error)
    assert info.value.message == "boom"
    assert str(info.value) == "run run_1 ended FAILED: Error: boom"


@pytest.mark.parametrize(
    ("status", "error_type", "error"),
    [
        ("CANCELED", RunCancelledError, {"message": "Canceled by user"}),
        ("EXPIRED", RunExpiredError, None),
        ("TIMED_OUT", RunExpiredError, {"message": "trigger.dev internal error (MAX_DURATION_EXCEEDED)"}),
        ("CRASHED", RunFailedError, {"message": "trigger.dev internal error (TASK_PROCESS_EXITED_WITH_NON_ZERO_CODE)"}),
        ("SYSTEM_FAILURE", RunFailedError, None),
    ],
)
def test_each_end_raises_its_own_error(mode: str, status: str, error_type: type[Exception], error: Any) -> None:
    rec = Recorder({RUN_PATH: run(status, **({"error": error} if error else {}))})
    with pytest.raises(error_type) as info:
        call(trigger(mode, rec), "result")
    assert type(info.value) is error_type
    assert isinstance(info.value, RunFailedError)
    assert (info.value.status, info.value.error) == (status, error)


def test_result_gives_up_after_its_timeout(mode: str) -> None:
    clock = FakeClock(start=START)
    rec = Recorder({RUN_PATH: run("EXECUTING")})
    handle = trigger(mode, rec, clock=clock)
    with pytest.raises(RunWaitTimeoutError) as info:
        call(handle, "result", timeout=30, poll_interval=1.0, max_poll_interval=5.0)
    assert (info.value.run_id, info.value.last_status) == ("run_1", "EXECUTING")
    assert clock.monotonic() == pytest.approx(30.0)
    polls = [r for r in rec.requests if r.url.path == "/api/v3/runs/run_1"]
    assert 8 <= len(polls) <= 12  # backing off from 1 s to 5 s over 30 s


def test_wait_returns_the_finished_run_without_raising(mode: str) -> None:
    rec = Recorder({RUN_PATH: run("CANCELED", error={"message": "Canceled by user"})})
    finished = call(trigger(mode, rec), "wait", timeout=5)
    assert (finished.id, finished.status, finished.is_cancelled) == ("run_1", "CANCELED", True)


def test_cancel_and_retrieve(mode: str) -> None:
    rec = Recorder({("POST", "/api/v2/runs/run_1/cancel"): ok({"id": "run_1"}), RUN_PATH: run("EXECUTING")})
    handle = trigger(mode, rec)
    cancelled = call(handle, "cancel")
    assert isinstance(cancelled, CancelRunResult)
    assert cancelled.id == "run_1"
    assert (rec.last.method, rec.last.url.path, rec.last.content) == ("POST", "/api/v2/runs/run_1/cancel", b"")
    assert call(handle, "retrieve").status == "EXECUTING"


def test_a_presigned_superjson_output_is_decoded_with_its_types(mode: str) -> None:
    stored = '{"json":{"when":"2025-01-02T03:04:05.678Z","n":"10","s":[1,2]},"meta":{"values":{"when":["Date"],"n":["bigint"],"s":["set"]}}}'  # noqa: E501

    def router(request: httpx.Request) -> httpx.Response:
        if request.url.host == "storage.example.com":
            assert "authorization" not in request.headers
            return httpx.Response(200, text=stored, headers={"content-type": "application/super+json"})
        if request.url.path == "/api/v3/runs/run_1":
            return run("COMPLETED", outputPresignedUrl="https://storage.example.com/out?sig=1")
        return ok({"id": "run_1"})

    client = make_client(mode, Recorder())
    client._http._transport._inner = httpx.MockTransport(router)  # type: ignore[union-attr]
    handle = call(client, "tasks.trigger", "my-task", {"a": 1})
    assert call(handle, "result") == {"when": datetime(2025, 1, 2, 3, 4, 5, 678000, tzinfo=UTC), "n": 10, "s": {1, 2}}


@pytest.mark.parametrize("dead", ["CANCELED", "COMPLETED"])
def test_a_cached_trigger_shows_the_runs_status(mode: str, dead: str) -> None:
    # the server hands back the run a reused key points at, however it ended (O17)
    rec = Recorder({TRIGGER: ok({"id": "run_1", "isCached": True}), RUN_PATH: run(dead, output="old")})
    handle = call(make_client(mode, rec), "tasks.trigger", "my-task", {"a": 1}, idempotency_key="order-1")
    assert (handle.is_cached, handle.status) == (True, dead)
    assert [r.url.path for r in rec.requests] == ["/api/v1/tasks/my-task/trigger", "/api/v3/runs/run_1"]
    if dead == "CANCELED":
        with pytest.raises(RunCancelledError):
            call(handle, "result")
    else:
        assert call(handle, "result") == "old"


def test_a_fresh_trigger_reads_nothing_more(mode: str) -> None:
    rec = Recorder()
    trigger(mode, rec)
    assert [r.url.path for r in rec.requests] == ["/api/v1/tasks/my-task/trigger"]


CLAIMS_HEADER = '{"sub":"env_1234","pub":true,"scopes":["read:runs:run_1","write:inputStreams:run_1"]}'


def test_without_x_trigger_jwt_the_token_is_signed_from_the_claims(mode: str) -> None:
    rec = Recorder({TRIGGER: ok({"id": "run_1"}, headers={"x-trigger-jwt-claims": CLAIMS_HEADER})})
    handle = trigger(mode, rec, clock=FakeClock(start=START))
    now = datetime.fromtimestamp(START, UTC)
    claims = pt.decode_and_verify(handle.public_access_token, KEY, now=now)
    # the SDK's fallback: the server's claims with scopes replaced by read:runs:<id>, one hour
    assert claims == {
        "sub": "env_1234",
        "pub": True,
        "scopes": ["read:runs:run_1"],
        "iss": "https://id.trigger.dev",
        "aud": "https://api.trigger.dev",
        "exp": int(START) + 3600,
        "iat": int(START),
    }
    assert handle.public_access_token == pt.fallback_run_token(CLAIMS_HEADER, "run_1", signing_key=KEY, now=now)


@pytest.mark.parametrize(
    ("key", "headers"),
    [
        ("tr_dev_sk_0123456789abcdefABCDEFGH", {"x-trigger-jwt-claims": CLAIMS_HEADER}),  # cannot self-sign
        (KEY, {"x-trigger-jwt-claims": "not json"}),
        (KEY, {}),
    ],
)
def test_no_token_when_none_can_be_had(mode: str, key: str, headers: dict[str, str]) -> None:
    rec = Recorder({TRIGGER: ok({"id": "run_1"}, headers=headers)})
    handle = trigger(mode, rec, secret_key=key)
    assert handle.id == "run_1"
    assert handle.public_access_token is None
