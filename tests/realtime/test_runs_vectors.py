"""Every recorded run feed, replayed through our state machine and row decoder, against what the
official SDK requested and yielded (sdk-vectors-realtime.json, section realtimeRuns)."""

from __future__ import annotations

import importlib.util
import itertools
from collections.abc import Callable
from typing import Any

import pytest

from trigger_facade import status as ours_status
from trigger_facade.realtime.electric import SDK_BACKOFF, RealtimeProtocolError, ShapeSubscription
from trigger_facade.realtime.runs import RUN_FIELDS, RunDecoder, StoredPacket, api_status

from .vectors import load, mismatch, runs_vector

SDK_FLAGS = ("isQueued", "isWaiting", "isExecuting", "isCompleted", "isFailed", "isSuccess", "isCancelled")
HAVE_SUPERJSON = importlib.util.find_spec("trigger_facade.superjson") is not None
# vectors whose rows carry application/super+json payloads, outputs or metadata
NEEDS_SUPERJSON = {
    "subscribeToRun.basic",
    "subscribeToRun.storeOutput",
    "subscribeToBatch.mustRefetch",
    "subscribeToRun.storeOutput.legacyFallback",
}


def subscription_for(vector: dict[str, Any]) -> ShapeSubscription:
    name = vector["name"]
    if name == "subscribeToRunsWithTag.multi":
        return ShapeSubscription.for_tags(["user:123", "org:abc"], created_at="2h", skip_columns=["payload"])
    if name == "subscribeToRunsWithTag.allStatuses":
        return ShapeSubscription.for_tags("all")
    if name == "subscribeToBatch.mustRefetch":
        return ShapeSubscription.for_batch("batch_cm5bat")
    run_id = vector["requests"][0]["path"].rsplit("/", 1)[1]
    skip = ["payload", "output"] if "skipColumns" in name else []
    return ShapeSubscription.for_run(run_id, skip_columns=skip, policy=SDK_BACKOFF)


def is_feed_request(request: dict[str, Any]) -> bool:
    path = request["path"]
    return path.startswith("/realtime/v1/") and "/streams/" not in path


def is_prefetch(request: dict[str, Any]) -> bool:
    # the Electric client's background read-ahead, whose answer it throws away; we do not send it
    query = request["rawQuery"]
    return "handle=" in query and "live=true" not in query and "offset=-1" not in query


def store_resolver(vector: dict[str, Any]) -> Callable[[StoredPacket], Any]:
    from trigger_facade import superjson

    def resolve(packet: StoredPacket) -> Any:
        answer = next(a for k, a in vector["extraServerAnswers"].items() if k.startswith("GET /presigned/"))
        assert answer["headers"]["content-type"] == "application/super+json"
        return superjson.parse(answer["body"])

    return resolve


def replay(vector: dict[str, Any]) -> tuple[list[Any], list[dict[str, Any]], ShapeSubscription]:
    """Drive a subscription with the recorded answers, stopping where the SDK's iteration stopped."""
    name = vector["name"]
    sub = subscription_for(vector)
    feed_requests = [r for r in vector["requests"] if is_feed_request(r)]
    prefetch_answers = {r["servedFeed"] for r in feed_requests if is_prefetch(r)}
    answers = iter([a for i, a in enumerate(vector["feed"]) if i not in prefetch_answers])
    resolve = store_resolver(vector) if "extraServerAnswers" in vector else None
    if name == "subscribeToRun.storeOutput.legacyFallback":
        resolve = store_resolver(runs_vector("subscribeToRun.storeOutput"))
    decoder = RunDecoder(resolve)
    stop_on_completion = name.startswith("subscribeToRun.") and "noStop" not in name
    max_yields = None
    if vector["iterationEnded"] == "unsubscribe-after-maxYields":
        max_yields = len(vector["table"] if "table" in vector else vector["yielded"])
    sent, yielded = [], []
    while True:
        request = sub.next_request()
        sent.append(request)
        answer = next(answers, None)
        if answer is None:
            break  # the SDK's last request was held open until it gave up
        result = sub.handle_response(answer["status"], answer["headers"], answer["body"].encode())
        if sub.fatal_status is not None:
            break
        stop = False
        for _key, row in result.rows:
            run = decoder.decode(row)
            yielded.append(run)
            if (stop_on_completion and run["finishedAt"] is not None) or len(yielded) == max_yields:
                stop = True
                break
        if stop:
            break
    return sent, yielded, sub


REPLAYABLE = [
    v["name"]
    for v in load()["realtimeRuns"]
    if v["name"] not in ("subscribeToRun.missingSchemaHeader", "subscribeToRun.boolAsText")
]


@pytest.mark.parametrize("name", REPLAYABLE)
def test_feed_replay_matches_the_sdk(name: str) -> None:
    vector = runs_vector(name)
    if name in NEEDS_SUPERJSON and not HAVE_SUPERJSON:
        pytest.skip("trigger_facade.superjson is not there yet")
    sent, yielded, _ = replay(vector)

    expected_requests = [r for r in vector["requests"] if is_feed_request(r) and not is_prefetch(r)]
    if len(expected_requests) == len(sent) + 1 and expected_requests[-1]["servedFeed"] == "held-open":
        # the SDK's stream reads ahead: it had asked for more while its consumer was still taking the
        # last batch's runs (or fetching a stored output), then aborted that request when the loop
        # ended; our replay stops first. Every other request must match one for one.
        expected_requests.pop()
    assert [(r.method, r.path, r.query) for r in sent] == [
        (r["method"], r["path"], r["rawQuery"]) for r in expected_requests
    ]
    for request, recorded in zip(sent, expected_requests, strict=True):
        for header, value in request.headers.items():
            assert recorded["headers"][header] == value, header
        assert not {"content-type", "x-trigger-source", "x-trigger-request-idempotency-key"} & set(request.headers)

    if "table" in vector:
        return  # recorded as a status table, checked below
    expected = vector["yieldedTyped"]
    if vector["name"] == "subscribeToRun.withStreams":
        expected = [part["run"] for part in expected if part["type"] == "run"]
    assert len(yielded) == len(expected)
    for ours, theirs in zip(yielded, expected, strict=True):
        assert list(ours) == list(RUN_FIELDS)
        fields = {k: v for k, v in theirs.items() if k not in SDK_FLAGS}
        assert mismatch(fields, ours) is None, mismatch(fields, ours)


def test_basic_feed_ends_after_the_completed_run_with_three_requests() -> None:
    if not HAVE_SUPERJSON:
        pytest.skip("trigger_facade.superjson is not there yet")
    sent, yielded, sub = replay(runs_vector("subscribeToRun.basic"))
    assert len(sent) == 3
    assert [r["status"] for r in yielded] == ["EXECUTING", "EXECUTING", "COMPLETED"]
    assert sub.live
    assert sub.offset == "1735787049000_3"
    assert sub.cursor == "3"


def test_must_refetch_409_keeps_the_expired_handle_and_yields_every_row_again() -> None:
    if not HAVE_SUPERJSON:
        pytest.skip("trigger_facade.superjson is not there yet")
    sent, yielded, sub = replay(runs_vector("subscribeToBatch.mustRefetch"))
    assert [r["id"] for r in yielded] == ["run_cm5bat0000001", "run_cm5bat0000002"] * 2
    assert sub.expired_handle == "batch-h1"
    assert sub.handle == "batch-h2"
    assert "expired_handle=batch-h1" in sent[-1].query


def test_all_statuses_map_like_the_sdk_and_our_booleans_differ_only_for_canceled() -> None:
    vector = runs_vector("subscribeToRunsWithTag.allStatuses")
    _, yielded, _ = replay(vector)
    assert len(yielded) == len(vector["table"])
    ours_flags = {
        "isQueued": ours_status.is_queued,
        "isWaiting": ours_status.is_waiting,
        "isExecuting": ours_status.is_executing,
        "isCompleted": ours_status.is_completed,
        "isFailed": ours_status.is_failed,
        "isSuccess": ours_status.is_success,
        "isCancelled": ours_status.is_cancelled,
    }
    differences = set()
    for run, row in zip(yielded, vector["table"], strict=True):
        assert api_status(row["rawStatus"]) == row["status"] == run["status"]
        assert run["id"] == f"run_{row['rawStatus']}"
        for flag, test in ours_flags.items():
            if test(run["status"]) != (flag in row["true"]):
                differences.add((row["status"], flag))
    # our booleans follow trigger_facade.status (as the REST server's own, O12): a cancelled run is
    # finished and failed; the SDK's realtime view says neither
    assert differences == {("CANCELED", "isCompleted"), ("CANCELED", "isFailed")}


def test_retries_use_the_sdk_backoff_when_asked() -> None:
    vector = runs_vector("subscribeToRun.retry429and500")
    sub = ShapeSubscription.for_run("run_cm5err0000003", policy=SDK_BACKOFF)
    delays = []
    for answer in vector["feed"][:2]:
        sub.next_request()
        delays.append(sub.handle_response(answer["status"], answer["headers"], answer["body"].encode()).retry_in)
    assert delays == pytest.approx([0.1, 0.13])
    at = [r["atMs"] for r in vector["requests"]]
    assert [b - a for a, b in itertools.pairwise(at)] == pytest.approx([100, 130], abs=15)


@pytest.mark.parametrize("name", ["subscribeToRun.error401", "subscribeToRun.error404"])
def test_other_4xx_end_the_subscription_where_the_sdk_stalls(name: str) -> None:
    vector = runs_vector(name)
    sent, yielded, sub = replay(vector)
    assert sub.fatal_status == vector["feed"][0]["status"]
    assert yielded == []
    assert len(sent) == 1
    with pytest.raises(RealtimeProtocolError, match="already ended"):
        sub.next_request()


def test_missing_schema_raises_where_the_sdk_stalls() -> None:
    vector = runs_vector("subscribeToRun.missingSchemaHeader")
    sub = subscription_for(vector)
    sub.next_request()
    answer = vector["feed"][0]
    with pytest.raises(RealtimeProtocolError, match="electric-schema"):
        sub.handle_response(answer["status"], answer["headers"], answer["body"].encode())


def test_bool_sent_as_text_raises_like_the_sdk_throws() -> None:
    vector = runs_vector("subscribeToRun.boolAsText")
    assert vector["iterationEnded"] == "threw"
    assert "isTest" in vector["error"]["message"]
    sub = subscription_for(vector)
    sub.next_request()
    answer = vector["feed"][0]
    result = sub.handle_response(answer["status"], answer["headers"], answer["body"].encode())
    ((_, row),) = result.rows
    assert row["isTest"] == "f"  # the schema says text, so the value stays a string...
    with pytest.raises(RealtimeProtocolError, match="isTest"):
        RunDecoder().decode(row)  # ...which the run shape refuses


def test_store_output_without_a_resolver_is_a_stored_packet() -> None:
    vector = runs_vector("subscribeToRun.storeOutput")
    sub = subscription_for(vector)
    sub.next_request()
    answer = vector["feed"][0]
    ((_, row),) = sub.handle_response(answer["status"], answer["headers"], answer["body"].encode()).rows
    run = RunDecoder().decode(row)
    assert run["output"] == StoredPacket("run_cm5run0000003", "output", "packets/proj_1/run_cm5run0000003/output.json")
    assert run["payload"] == "hello world"


def test_vectors_file_is_the_recorded_one() -> None:
    data = load()
    assert data["sdkVersion"] == "4.8.3"
    assert data["electricClientVersion"] == "1.0.14"
    assert "$type" in data["conventions"]["yieldedTyped"]  # the view vectors.mismatch reads


def test_the_comparison_itself_notices_differences() -> None:
    from datetime import UTC, datetime

    moment = datetime(2025, 1, 2, 3, 4, 5, 678000, tzinfo=UTC)
    assert mismatch({"$type": "Date", "iso": "2025-01-02T03:04:05.678Z"}, moment) is None
    assert mismatch({"$type": "Date", "iso": "2025-01-02T03:04:05.679Z"}, moment)
    assert mismatch({"$type": "bigint", "value": "10"}, 10) is None
    assert mismatch({"$type": "bigint", "value": "10"}, 11)
    assert mismatch({"a": 1}, {"a": 1, "b": None})
    assert mismatch({"$type": "undefined"}, 0)
    assert mismatch(True, 1)
    assert mismatch([1, 2], [1, 2, 3])
