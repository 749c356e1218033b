"""Every client-facing row of server-truth.md (W1-W12, O1-O19), as what our client does on the wire.

Each test is named by its row. It drives the facade (sync; the async twin is held to the same recorded
answers in test_client_replays.py) against a MockTransport answering as the real server does (its
recorded answers where one exists) or against the in-process fake through a wiretap, and asserts the
requests sent (method, path, query, body, how many) and what the caller gets back.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from trigger_facade import TriggerClient
from trigger_facade.errors import (
    APIConnectionError,
    AuthenticationError,
    BadRequestError,
    BatchAlreadyExistsError,
    ConfigurationError,
    InternalServerError,
    InvalidInputError,
    NotFoundError,
    ResponseValidationError,
    RunCancelledError,
    RunExpiredError,
    RunFailedError,
    UnprocessableEntityError,
)
from trigger_facade.idempotency_keys import AUTOMATIC_PREFIX
from trigger_facade.testing import FakeClock

from .client_replay import RECORDED, recorded_response, sha256
from .client_wire import FakeWire, Wiretap, answering, fake_wire, json_answer, jwt_claims

KEY = "tr_dev_rowsrowsrowsrows0001"
BASE = "https://rows.trigger.test"
PROJECT = "proj_rrkpdguyagvsoktglnod"


def client_over(tap: Wiretap, *, key: str = KEY, clock: FakeClock | None = None) -> TriggerClient:
    return TriggerClient(
        secret_key=key, base_url=BASE, project_ref=PROJECT, transport=tap, clock=clock or FakeClock(), environ={}
    )


def recorded(name: str) -> httpx.Response:
    return recorded_response(RECORDED[name])


def recorded_body(name: str) -> Any:
    return RECORDED[name]["response"]["body"]


@pytest.fixture
def wire() -> Iterator[FakeWire]:
    yield from fake_wire()


def run_answer(**fields: Any) -> httpx.Response:
    """The recorded retrieve of a completed run with some fields changed (as the server writes them)."""
    return json_answer(200, {**recorded_body("retrieve_completed"), **fields})


# ---------------------------------------------------------------------------------------------- W rows


def test_W1_metadata_string_is_decoded(wire: FakeWire) -> None:
    tap = answering(recorded("metadata_get"))
    assert client_over(tap).runs.retrieve_metadata("run_1") == {"step": "trigger"}
    null = answering(json_answer(200, {"metadata": None, "metadataType": "application/json"}))
    assert client_over(null).runs.retrieve_metadata("run_1") == {}
    # end to end against the fake, whose GET answers the string too
    handle = wire.client.tasks.trigger("t", {"a": 1}, metadata={"nested": {"a": [1, 2]}})
    assert wire.client.runs.retrieve_metadata(handle.id) == {"nested": {"a": [1, 2]}}


def test_W2_project_runs_need_env_and_every_env_is_listed(wire: FakeWire) -> None:
    run_id = wire.client.tasks.trigger("t", {"a": 1}).id
    pat = wire.client.with_options(secret_key=wire.fake.personal_token)
    before = len(wire.tap.requests)
    with pytest.raises(InvalidInputError, match="env"):
        pat.runs.list(project_ref=wire.fake.project_ref)  # the server would answer 500, retried four times
    assert len(wire.tap.requests) == before
    runs = list(pat.runs.list(project_ref=wire.fake.project_ref, env=["prod", "dev"]))
    listed = [r for r in wire.tap.requests[before:] if r.url.path.endswith("/runs")]
    # the server lists only the first of several slugs: the client asks for each on its own
    assert [r.url.params.get("filter[env]") for r in listed] == ["prod", "dev"]
    assert [run.id for run in runs] == [run_id]


def test_W3_a_create_batch_answer_lost_without_a_key_makes_a_second_batch_that_gets_the_items() -> None:
    for wire in fake_wire(drop={0}):
        handle = wire.client.batch.trigger([{"task": "t", "payload": {"i": 0}}])
        assert wire.tap.paths() == [
            "POST /api/v3/batches",
            "POST /api/v3/batches",
            f"POST /api/v3/batches/{handle.id}/items",
        ]
        # the first batch stays empty and PENDING: no run comes from a batch without items
        assert len(wire.fake.batches) == 2
        empty = next(b for b in wire.fake.batches if b != handle.id)
        wire.fake.advance(10)
        assert [run.id for run in wire.fake.runs.values() if getattr(run, "batch_id", None) == empty] == []
        assert len(wire.fake.runs) == 1


def test_W4_a_repeated_batch_key_is_a_typed_error_saying_the_batch_exists(wire: FakeWire) -> None:
    items = [{"task": "t", "payload": {"i": 0}}]
    first = wire.client.batch.trigger(items, idempotency_key="order-7")
    before = len(wire.tap.requests)
    with pytest.raises(BatchAlreadyExistsError) as info:
        wire.client.batch.trigger(items, idempotency_key="order-7")
    assert info.value.status_code == 422
    assert "already exists" in str(info.value)
    assert wire.tap.paths()[before:] == ["POST /api/v3/batches"]  # no items sent to a batch it cannot name
    assert first.id in wire.fake.batches


def test_W5_a_missing_run_is_asked_again_then_found() -> None:
    tap = answering(recorded("retrieve_missing_404"), recorded("retrieve_completed"))
    run = client_over(tap).runs.retrieve("run_cmx3a4pue00zj4d7dz5tn3gao")
    assert run.status == "COMPLETED"
    assert len(tap.requests) == 2  # x-should-retry: true on the 404 (the run may not be replicated yet)


def test_W6_rescheduling_a_run_that_is_not_delayed_is_a_bad_request(wire: FakeWire) -> None:
    handle = wire.client.tasks.trigger("t", {"a": 1})
    before = len(wire.tap.requests)
    with pytest.raises(BadRequestError, match="Cannot reschedule a run that is not delayed") as info:
        wire.client.runs.reschedule(handle.id, delay="1h")
    assert (info.value.status_code, info.value.may_have_succeeded) == (400, False)
    assert wire.tap.paths()[before:] == [f"POST /api/v1/runs/{handle.id}/reschedule"]


def test_W7_public_tokens_from_the_answer_or_signed_from_its_claims(wire: FakeWire) -> None:
    handle = wire.client.tasks.trigger("t", {"a": 1})
    assert handle.public_access_token is not None
    claims = jwt_claims(handle.public_access_token, wire.fake.secret_key)
    assert claims["scopes"] == [f"read:runs:{handle.id}", f"write:inputStreams:{handle.id}"]
    token = wire.client.waitpoints.create_token()
    assert token.public_access_token is not None
    assert jwt_claims(token.public_access_token, wire.fake.secret_key)["scopes"] == [f"write:waitpoints:{token.id}"]
    # without x-trigger-jwt the client signs one itself from x-trigger-jwt-claims, as the SDK does
    answer = RECORDED["trigger"]["response"]
    headers = {k: v for k, v in answer["headers"].items() if k != "x-trigger-jwt"}
    tap = answering(httpx.Response(200, json=answer["body"], headers=headers))
    signed = client_over(tap).tasks.trigger("st-echo", {"n": 1}).public_access_token
    assert signed is not None
    own = jwt_claims(signed, KEY)
    run_id = answer["body"]["id"]
    assert own["scopes"] == [f"read:runs:{run_id}"]  # as the SDK signs it: the new run's read scope, 1 h
    assert own["exp"] - own["iat"] == 3600
    assert own["sub"] == json.loads(answer["headers"]["x-trigger-jwt-claims"])["sub"]


def test_W8_deployment_filters_the_server_would_drop_are_refused_before_the_network() -> None:
    tap = answering(recorded("deployments_list"))
    client = client_over(tap)
    with pytest.raises(InvalidInputError, match="from_"):
        client.deployments.list(to=datetime(2026, 1, 1, tzinfo=UTC))
    with pytest.raises(InvalidInputError, match="period"):
        client.deployments.list(period="1d", from_=datetime(2026, 1, 1, tzinfo=UTC))
    with pytest.raises(InvalidInputError, match="page_size"):
        client.deployments.list(page_size=3)  # the server would raise it to 5 silently
    with pytest.raises(InvalidInputError):
        client.deployments.list(period="soon")  # the server would answer 500
    assert tap.requests == []
    assert list(client.deployments.list(page_size=5)) == []
    assert [dict(r.url.params) for r in tap.requests] == [{"page[size]": "5"}]


def test_W9_writes_the_server_does_not_dedupe_are_not_repeated_after_they_may_have_arrived() -> None:
    tap = answering(json_answer(500, {"error": "Internal Server Error"}))
    with pytest.raises(InternalServerError) as info:
        client_over(tap).runs.replay("run_1")
    assert (len(tap.requests), info.value.may_have_succeeded) == (1, True)
    for wire in fake_wire(drop={1}):
        run_id = wire.client.tasks.trigger("t", {"a": 1}).id
        with pytest.raises(APIConnectionError) as dropped:
            wire.client.runs.replay(run_id)
        assert dropped.value.may_have_succeeded is True
        assert wire.tap.paths()[1:] == [f"POST /api/v1/runs/{run_id}/replay"]  # once: a repeat makes another run
        assert len(wire.fake.runs) == 2


def test_W10_a_reused_key_answers_the_run_it_names_with_its_status(wire: FakeWire) -> None:
    wire.fake.task("boom", lambda payload: 1 / 0)
    first = wire.client.tasks.trigger("t", {"a": 1}, idempotency_key="order-1")
    wire.fake.advance(5)
    again = wire.client.tasks.trigger("t", {"a": 2}, idempotency_key="order-1")
    assert (again.id, again.is_cached, again.status) == (first.id, True, "COMPLETED")
    assert again.result(timeout=1) == wire.client.runs.retrieve(first.id).output
    # a failed run gives its key up: the same key makes a new run
    failed = wire.client.tasks.trigger("boom", {}, idempotency_key="order-2")
    wire.fake.advance(5)
    assert wire.client.runs.retrieve(failed.id).status == "FAILED"
    fresh = wire.client.tasks.trigger("boom", {}, idempotency_key="order-2")
    assert (fresh.is_cached, fresh.status) == (False, None)
    assert fresh.id != failed.id
    # a cancelled one keeps it: the caller gets the cancelled run back, and its result says so
    cancelled = wire.client.tasks.trigger("t", {}, idempotency_key="order-3")
    cancelled.cancel()
    again_cancelled = wire.client.tasks.trigger("t", {}, idempotency_key="order-3")
    assert (again_cancelled.id, again_cancelled.is_cached, again_cancelled.status) == (cancelled.id, True, "CANCELED")
    with pytest.raises(RunCancelledError):
        again_cancelled.result(timeout=1)


def test_W11_an_environment_key_is_refused_for_another_environment() -> None:
    tap = answering(recorded("envvars_list"))
    client = client_over(tap)
    for env in ("prod", "stg", "staging", "preview"):
        with pytest.raises(ConfigurationError, match=env):
            client.envvars.list(env=env)
    assert tap.requests == []
    client.envvars.list(env="dev")
    assert [r.url.path for r in tap.requests] == [f"/api/v1/projects/{PROJECT}/envvars/dev"]


def test_W12_rate_limits_are_waited_out_as_each_limiter_asks() -> None:
    clock = FakeClock()
    now_ms = int(clock.now() * 1000)
    general = json_answer(
        429,
        {"title": "Rate limit exceeded", "status": 429, "error": "Rate limit exceeded"},
        {"content-type": "application/problem+json", "x-ratelimit-reset": str(now_ms + 2500)},
    )
    tap = answering(general, recorded("retrieve_completed"))
    assert client_over(tap, clock=clock).runs.retrieve("run_cmx3a4pue00zj4d7dz5tn3gao").status == "COMPLETED"
    assert len(tap.requests) == 2
    assert clock.sleeps == [pytest.approx(2.5)]  # epoch milliseconds
    clock = FakeClock()
    batch_limit = json_answer(
        429,
        {"error": "Rate limit exceeded"},
        {"x-ratelimit-reset": str(int(clock.now()) + 3), "retry-after": "3"},
    )
    tap = answering(batch_limit, recorded("batch_create"), recorded("batch_items"))
    handle = client_over(tap, clock=clock).batch.trigger([{"task": "st-echo", "payload": {"i": 0}}])
    assert handle.id == recorded_body("batch_create")["id"]
    assert clock.sleeps == [pytest.approx(3.0)]  # epoch seconds on the batch limiter


# ---------------------------------------------------------------------------------------------- O rows


def test_O1_metadata_after_a_put_and_a_missing_run_not_asked_again() -> None:
    tap = answering(recorded("metadata_put"), recorded("metadata_get_after_put"))
    client = client_over(tap)
    assert client.runs.update_metadata("run_1", {"progress": 0.5}) == {"progress": 0.5}
    assert client.runs.retrieve_metadata("run_1") == {"progress": 0.5}
    missing = answering(recorded("metadata_get_missing_404"))
    with pytest.raises(NotFoundError, match="Run not found"):
        client_over(missing).runs.retrieve_metadata("run_missing")
    assert len(missing.requests) == 1  # no x-should-retry on this 404


def test_O2_a_missing_batch_is_asked_again_as_the_server_says() -> None:
    tap = answering(recorded("batch_retrieve_missing_404"))
    with pytest.raises(NotFoundError):
        client_over(tap).batch.retrieve("batch_missing")
    assert len(tap.requests) == 5  # x-should-retry: true, four retries


def test_O3_cached_and_batch_answers_carry_their_tokens() -> None:
    tap = answering(recorded("trigger_repeated_idempotency_key"), recorded("retrieve_completed"))
    handle = client_over(tap).tasks.trigger("st-echo", {"n": 3}, idempotency_key="k")
    assert handle.is_cached is True
    assert (
        handle.public_access_token
        == RECORDED["trigger_repeated_idempotency_key"]["response"]["headers"]["x-trigger-jwt"]
    )
    batch = client_over(answering(recorded("batch_create"), recorded("batch_items"))).batch.trigger(
        [{"task": "st-echo", "payload": {"i": 0}}, {"task": "st-echo", "payload": {"i": 1}}]
    )
    assert batch.public_access_token == RECORDED["batch_create"]["response"]["headers"]["x-trigger-jwt"]


def test_O4_a_trigger_without_a_key_gets_one_the_server_dedupes() -> None:
    for wire in fake_wire(drop={0}):
        handle = wire.client.tasks.trigger("t", {"a": 1})
        assert len(wire.fake.runs) == 1  # the answer was lost, the retry found the same run
        first, retry = wire.tap.bodies()[:2]  # then a read of the cached run's status
        assert wire.tap.paths()[2] == f"GET /api/v3/runs/{handle.id}"
        assert first["options"]["idempotencyKey"] == retry["options"]["idempotencyKey"]
        material = first["options"]["idempotencyKeyOptions"]["key"]
        assert material.startswith(AUTOMATIC_PREFIX)
        assert first["options"]["idempotencyKey"] == sha256(material)
        assert first["options"]["idempotencyKeyTTL"] == "1h"
        assert (handle.is_cached, handle.id) == (True, next(iter(wire.fake.runs)))
        other = wire.client.tasks.trigger("t", {"a": 1})
        assert other.id != handle.id  # a new call, a new key
        assert wire.tap.bodies()[-1]["options"]["idempotencyKey"] != first["options"]["idempotencyKey"]


def test_O5_a_repeated_batch_key_names_no_batch_and_sends_no_items() -> None:
    tap = answering(recorded("batch_create_repeated_key_422"))
    with pytest.raises(BatchAlreadyExistsError) as info:
        client_over(tap).batch.trigger([{"task": "st-echo", "payload": {}}], idempotency_key="st-batch-7e78f69eb6")
    assert isinstance(info.value, UnprocessableEntityError)
    assert "use a new key" in str(info.value)
    assert [r.url.path for r in tap.requests] == ["/api/v3/batches"]


def test_O6_a_token_create_whose_answer_was_lost_answers_the_same_token() -> None:
    for wire in fake_wire(drop={0}):
        token = wire.client.waitpoints.create_token(timeout="1h")
        first, retry = wire.tap.bodies()[:2]
        assert first["idempotencyKey"] == retry["idempotencyKey"]
        assert str(first["idempotencyKey"]).startswith(AUTOMATIC_PREFIX)
        assert (token.is_cached, len(wire.fake.tokens)) == (True, 1)
        mine = wire.client.waitpoints.create_token(idempotency_key="mine")
        assert wire.tap.bodies()[-1]["idempotencyKey"] == "mine"  # the caller's key, as given
        assert wire.client.waitpoints.create_token(idempotency_key="mine").id == mine.id


def test_O7_cancel_is_sent_to_v2_and_repeated_safely(wire: FakeWire) -> None:
    handle = wire.client.tasks.trigger("t", {"a": 1})
    assert wire.client.runs.cancel(handle.id).id == handle.id
    assert wire.client.runs.cancel(handle.id).id == handle.id  # again 200
    assert wire.tap.paths()[-2:] == [f"POST /api/v2/runs/{handle.id}/cancel"] * 2
    tap = answering(json_answer(502, {"error": "Bad Gateway"}), recorded("cancel"))
    run_id = recorded_body("cancel")["id"]
    assert client_over(tap).runs.cancel(run_id).id == run_id  # a cancel may be repeated after a 5xx
    assert len(tap.requests) == 2


def test_O8_a_missing_waitpoint_token_is_a_server_error() -> None:
    tap = answering(recorded("token_retrieve_missing"))
    with pytest.raises(InternalServerError) as info:
        client_over(tap).waitpoints.retrieve_token("waitpoint_missing")
    assert (info.value.status_code, info.value.body) == (500, {"error": "Internal Server Error"})
    assert len(tap.requests) == 5  # a read: retried like any 5xx


def test_O9_env_vars_overwrite_and_unknown_slugs_are_refused(wire: FakeWire) -> None:
    client = wire.client
    client.envvars.create("A", "1", env="dev")
    assert client.envvars.create("A", "2", env="dev").success is True  # overwrites, no conflict
    assert client.envvars.retrieve("A", env="dev").value == "2"
    before = len(wire.tap.requests)
    with pytest.raises(InvalidInputError, match="nope"):
        client.envvars.list(env="nope")  # the server would answer 200 []
    assert len(wire.tap.requests) == before
    client.envvars.delete("A", env="dev")
    with pytest.raises(NotFoundError, match="Environment variable not found"):
        client.envvars.retrieve("A", env="dev")


def test_O10_a_bad_key_is_not_retried_and_never_shown() -> None:
    tap = answering(recorded("bad_key_401"))
    key = "tr_dev_notthekeynotthekey00"
    with pytest.raises(AuthenticationError, match="Invalid API key") as info:
        client_over(tap, key=key).runs.retrieve("run_1")
    assert len(tap.requests) == 1
    assert key not in str(info.value)
    assert key not in repr(info.value.response.request.headers)


def test_O11_a_blocked_run_reads_executing_and_waiting_goes_on_through_it() -> None:
    executing = run_answer(status="EXECUTING", isExecuting=True, isCompleted=False, isSuccess=False, output=None)
    tap = answering(executing, executing, recorded("retrieve_completed"))
    client = client_over(tap)
    run = client.runs.retrieve("run_cmx3a4pue00zj4d7dz5tn3gao")
    assert (run.is_executing, run.is_waiting, run.is_terminal) == (True, False, False)
    assert client.runs.wait("run_cmx3a4pue00zj4d7dz5tn3gao", timeout=60).status == "COMPLETED"
    assert len(tap.requests) == 3


def test_O12_status_booleans_come_from_the_status_not_the_server_flags() -> None:
    timed_out = run_answer(status="TIMED_OUT", isCompleted=False, isFailed=False, isSuccess=False)
    run = client_over(answering(timed_out)).runs.retrieve("run_1")
    assert (run.is_terminal, run.is_failed, run.is_success) == (True, True, False)  # the server says neither
    canceled = client_over(answering(recorded("retrieve_canceled"))).runs.retrieve("run_1")
    assert (canceled.is_cancelled, canceled.is_failed, canceled.is_terminal) == (True, True, True)
    assert canceled.error == {"message": "Canceled by user"}


def test_O13_rest_payload_and_output_are_plain_json_taken_as_they_are() -> None:
    plain = {"when": "1970-01-01T00:00:00.000Z", "big": "10", "set": [1, 2]}
    run = client_over(answering(run_answer(output=plain))).runs.retrieve("run_1")
    assert run.output == plain  # superjson already applied by the server; nothing to decode


def test_O14_error_shapes_reach_the_caller(wire: FakeWire) -> None:
    failed = run_answer(status="FAILED", output=None, error=recorded_body("retrieve_failed")["error"])
    tap = answering(recorded("trigger_failing"), failed)
    handle = client_over(tap).tasks.trigger("st-fail", {})
    with pytest.raises(RunFailedError) as info:
        handle.result(timeout=5)
    assert info.value.error is not None
    assert (info.value.message, info.value.error.get("name")) == ("st-fail always fails", "Error")
    assert "type" not in info.value.error  # O14: the server's error has none
    error = {"message": "trigger.dev internal error (MAX_DURATION_EXCEEDED)"}
    tap = answering(recorded("trigger_slow"), run_answer(status="TIMED_OUT", output=None, error=error))
    with pytest.raises(RunExpiredError, match="MAX_DURATION_EXCEEDED"):
        client_over(tap).tasks.trigger("st-slow", {"seconds": 30}).result(timeout=5)


def test_O15_results_are_read_from_the_runs(wire: FakeWire) -> None:
    handle = wire.client.tasks.trigger("t", {"a": 1})
    wire.fake.advance(5)
    result = wire.client.runs.result(handle.id)
    assert result is not None
    assert (result.ok, result.output) == (True, wire.client.runs.retrieve(handle.id).output)
    batch = wire.client.batch.trigger([{"task": "t", "payload": {"i": 0}}, {"task": "t", "payload": {"i": 1}}])
    assert [r.ok for r in batch.results(timeout=30)] == [True, True]  # polls until the runs are made and done
    assert [r.ok for r in wire.client.batch.results(batch.id)] == [True, True]
    assert not [p for p in wire.tap.paths() if p.endswith("/result") or p.endswith("/results")]


def test_O16_a_completed_token_output_is_decoded_superjson() -> None:
    output = '{"json":{"when":"1970-01-01T00:00:00.000Z","n":1},"meta":{"values":{"when":["Date"]}}}'
    answer = {**recorded_body("token_retrieve_completed"), "output": output}
    token = client_over(answering(json_answer(200, answer))).waitpoints.retrieve_token("waitpoint_1")
    assert token.output == {"when": datetime(1970, 1, 1, tzinfo=UTC), "n": 1}
    tap = answering(recorded("token_complete"), recorded("token_complete_repeated"))
    client = client_over(tap)
    assert client.waitpoints.complete_token("waitpoint_1", {"ok": True}).success is True
    assert client.waitpoints.complete_token("waitpoint_1", {"ok": True}).success is True  # a repeat is fine
    assert [json.loads(r.content) for r in tap.requests] == [{"data": {"ok": True}}] * 2


def test_O17_replay_is_a_new_run_and_a_finished_keyed_run_is_returned_cached(wire: FakeWire) -> None:
    original = wire.client.tasks.trigger("t", {"a": 1}, tags=["x"], metadata={"m": 1})
    replayed = wire.client.runs.replay(original.id).id
    assert replayed != original.id
    run = wire.client.runs.retrieve(replayed)
    assert (run.payload, run.tags, run.metadata) == ({"a": 1}, ["x"], {"m": 1})
    keyed = wire.client.tasks.trigger("t", {"a": 1}, idempotency_key="done-once")
    wire.fake.advance(5)
    cached = wire.client.tasks.trigger("t", {"a": 1}, idempotency_key="done-once")
    assert (cached.id, cached.is_cached, cached.status) == (keyed.id, True, "COMPLETED")


def test_O18_realtime_rows_become_runs_with_decoded_values() -> None:
    tap = answering(recorded("realtime_run_completed"))
    runs = list(client_over(tap).runs.subscribe(recorded_body("trigger_for_realtime")["id"]))
    assert [(r.status, r.output, r.is_success) for r in runs] == [("COMPLETED", {"slept": 3}, True)]
    assert runs[0].created_at == datetime(2026, 11, 30, 13, 4, 17, 159000, tzinfo=UTC)  # no Z in the row
    assert tap.requests[0].headers["x-trigger-electric-version"] == "1.0.0-beta.1"
    # `output` keeps superjson with its meta on the feed: types survive
    answer = json.loads(json.dumps(RECORDED["realtime_run_completed"]["response"]))
    row = answer["body"][0]["value"]
    row["output"] = (
        '{"json":{"at":"1970-01-01T00:00:00.000Z","big":"10"},"meta":{"values":{"at":["Date"],"big":["bigint"]}}}'
    )
    typed = answering(httpx.Response(200, json=answer["body"], headers=answer["headers"]))
    [run] = list(client_over(typed).runs.subscribe(row["friendlyId"]))
    assert run.output == {"at": datetime(1970, 1, 1, tzinfo=UTC), "big": 10}


class _Dropping(httpx.SyncByteStream):
    """An event stream that sends `body` and then loses its connection."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def __iter__(self) -> Iterator[bytes]:
        yield self.body
        raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")


def test_O19_a_dropped_stream_resumes_after_the_last_event_id() -> None:
    events = recorded_body("stream_read")
    first_two = events.split("id: 1796043862339-0")[0].encode()
    headers = RECORDED["stream_read"]["response"]["headers"]
    dropping = httpx.Response(200, headers=headers, stream=_Dropping(first_two))
    tap = answering(dropping, recorded("stream_resume"))
    chunks = list(client_over(tap).runs.stream(recorded_body("trigger_streaming")["id"], "chunks", idle_timeout=2))
    assert [c.data["i"] for c in chunks] == [0, 1, 2]  # no chunk lost or repeated
    # the server replays everything after Last-Event-ID; with fewer than three ids seen the reader asks for the
    # read's own start again (no header) and passes over what it already handed out (V1Cursor)
    assert tap.requests[0].headers.get("last-event-id") is None
    assert tap.requests[1].headers.get("last-event-id") is None
    assert tap.requests[0].headers["timeout-seconds"] == "2"
    empty = answering(recorded("stream_unknown_key"))
    assert list(client_over(empty).runs.stream("run_1", "nope", idle_timeout=2)) == []
    assert len(empty.requests) == 1  # an empty stream ends the read; it is not retried


def test_the_rows_cover_server_truth() -> None:
    """One test per client-facing row: W1-W12 and O1-O19."""
    names = {name.split("_")[1] for name in globals() if name.startswith("test_") and name.split("_")[1][0] in "WO"}
    assert names == {f"W{n}" for n in range(1, 13)} | {f"O{n}" for n in range(1, 20)}


def test_W1_a_metadata_string_that_is_not_json_is_a_validation_error() -> None:
    tap = answering(json_answer(200, {"metadata": '{"a":', "metadataType": "application/json"}))
    with pytest.raises(ResponseValidationError) as info:
        client_over(tap).runs.retrieve_metadata("run_1")
    assert info.value.body == {"metadata": '{"a":', "metadataType": "application/json"}
    assert len(tap.requests) == 1


def test_O11_a_legacy_waiting_status_still_reads_waiting() -> None:
    waiting = run_answer(status="WAITING", output=None)
    assert client_over(answering(waiting)).runs.retrieve("run_1").is_waiting is True
