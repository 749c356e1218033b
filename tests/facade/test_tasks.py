"""client.tasks and client.batch on the wire (sync and async)."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest

from trigger_facade import BatchNotSealedError, BatchPartiallySentError, InvalidInputError

from .harness import RUN, Recorder, call, make_client, ok, without_automatic_key

TRIGGER = ("POST", "/api/v1/tasks/my-task/trigger")
CREATE = ("POST", "/api/v3/batches")


def test_trigger_sends_every_option_as_the_server_reads_it(mode: str) -> None:
    rec = Recorder({TRIGGER: ok({"id": "run_1"}, headers={"x-trigger-jwt": "jwt.token.here"})})
    handle = call(
        make_client(mode, rec),
        "tasks.trigger",
        "my-task",
        {"a": 1},
        delay="1h",
        ttl="10m",
        idempotency_key="order-1",
        idempotency_key_ttl="1d",
        tags=["t"],
        metadata={"m": True},
        queue="q",
        concurrency_key="u1",
        machine="large-1x",
        max_attempts=3,
        max_duration=300,
        priority=10,
        region="eu-central-1",
        debounce={"key": "k", "delay": "5s"},
        version="20250101.1",
    )
    assert (handle.id, handle.is_cached, handle.task_identifier) == ("run_1", False, "my-task")
    assert handle.public_access_token == "jwt.token.here"
    assert rec.last.method == "POST"
    assert rec.last.headers["content-type"] == "application/json"
    assert rec.json() == {
        "payload": '{"json":{"a":1}}',
        "options": {
            "queue": {"name": "q"},
            "concurrencyKey": "u1",
            "payloadType": "application/super+json",
            "payloadSize": 16,
            # sha256("order-1"), as the official SDK hashes a raw key outside a task
            "idempotencyKey": "0bafe22156d2698c143b86040446d366ead863ba600d5c924f3d15c786ef4057",
            "idempotencyKeyTTL": "1d",
            "idempotencyKeyOptions": {"key": "order-1", "scope": "global"},
            "delay": "1h",
            "ttl": "10m",
            "tags": ["t"],
            "maxAttempts": 3,
            "metadata": {"m": True},
            "maxDuration": 300,
            "machine": "large-1x",
            "priority": 10,
            "region": "eu-central-1",
            "lockToVersion": "20250101.1",
            "debounce": {"key": "k", "delay": "5s"},
        },
    }


def test_trigger_with_no_payload_sends_none(mode: str) -> None:
    rec = Recorder({TRIGGER: ok({"id": "run_1"})})
    handle = call(make_client(mode, rec), "tasks.trigger", "my-task")
    assert handle.is_cached is False
    assert handle.status is None
    assert handle.public_access_token is None
    body = rec.json()
    # as the SDK sends an undefined payload: no payload key at all
    assert "payload" not in body
    assert without_automatic_key(body["options"]) == {"payloadType": "application/json", "payloadSize": 0}


@pytest.mark.parametrize(
    ("payload", "wire", "payload_type"),
    [
        ("text", "text", "text/plain"),
        (3.5, '{"json":3.5}', "application/super+json"),
        ([1, "two", None], '{"json":[1,"two",null]}', "application/super+json"),
        (None, '{"json":null}', "application/super+json"),
        (
            {"when": datetime(2025, 1, 1, tzinfo=UTC), "day": date(2025, 1, 2)},
            '{"json":{"when":"2025-01-01T00:00:00.000Z","day":"2025-01-02"},"meta":{"values":{"when":["Date"]}}}',
            "application/super+json",
        ),
        ({"unicode": "héllo ✓"}, '{"json":{"unicode":"héllo ✓"}}', "application/super+json"),
        ({"b": b"\x01"}, '{"json":{"b":[1]},"meta":{"values":{"b":[["custom","buffer"]]}}}', "application/super+json"),
        (float("nan"), '{"json":"NaN","meta":{"values":["number"]}}', "application/super+json"),
    ],
)
def test_payloads_go_as_the_sdk_sends_them(mode: str, payload: Any, wire: str, payload_type: str) -> None:
    rec = Recorder({TRIGGER: ok({"id": "run_1"})})
    call(make_client(mode, rec), "tasks.trigger", "my-task", payload)
    body = rec.json()
    assert body["payload"] == wire
    options = without_automatic_key(body["options"])
    assert options == {"payloadType": payload_type, "payloadSize": len(wire.encode())}


def test_a_64_character_key_is_sent_unchanged(mode: str) -> None:
    key = "a" * 64
    rec = Recorder({TRIGGER: ok({"id": "run_1"})})
    call(make_client(mode, rec), "tasks.trigger", "my-task", {"a": 1}, idempotency_key=key)
    assert rec.json()["options"] == {
        "payloadType": "application/super+json",
        "payloadSize": 16,
        "idempotencyKey": key,
    }


def test_list_keys_are_joined_before_hashing(mode: str) -> None:
    rec = Recorder({TRIGGER: ok({"id": "run_1"})})
    call(make_client(mode, rec), "tasks.trigger", "my-task", idempotency_key=["user-123", "order-456"])
    options = rec.json()["options"]
    assert options["idempotencyKey"] == "ee41a8f1317622f6eaca2786b6d21cd9e73e420358fab77069ef05d7f0fffdec"
    assert options["idempotencyKeyOptions"] == {"key": "user-123-order-456", "scope": "global"}


def test_ttl_and_delay_forms(mode: str) -> None:
    rec = Recorder({TRIGGER: ok({"id": "run_1"})})
    client = make_client(mode, rec)
    none = {"payloadType": "application/json", "payloadSize": 0}
    call(client, "tasks.trigger", "my-task", ttl=3600, delay=timedelta(minutes=90))
    assert without_automatic_key(rec.json()["options"]) == {**none, "delay": "1h30m", "ttl": 3600}
    call(client, "tasks.trigger", "my-task", ttl=timedelta(seconds=90), delay=datetime(2030, 5, 1, 12, tzinfo=UTC))
    assert without_automatic_key(rec.json()["options"]) == {**none, "delay": "2030-05-01T12:00:00.000Z", "ttl": 90}


def test_task_ids_are_encoded(mode: str) -> None:
    rec = Recorder({("POST", "/api/v1/tasks/ns/my task?x=1#f/trigger"): ok({"id": "run_1"})})
    call(make_client(mode, rec), "tasks.trigger", "ns/my task?x=1#f")
    assert rec.last.url.raw_path == b"/api/v1/tasks/ns%2Fmy%20task%3Fx%3D1%23f/trigger"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"delay": "1.5h"}, "delay='1.5h' is not a duration"),
        ({"delay": "1H"}, "delay='1H'"),
        ({"delay": "3600"}, "delay='3600'"),
        ({"delay": "-1h"}, "delay='-1h'"),
        ({"delay": datetime(2030, 1, 1)}, "naive datetime"),
        ({"delay": timedelta(seconds=-5)}, "positive whole number"),
        ({"ttl": -1}, "ttl=-1 must be >= 0"),
        ({"ttl": "10 minutes"}, "ttl='10 minutes'"),
        ({"ttl": 1.5}, "ttl must be"),
        ({"idempotency_key_ttl": "1h", "idempotency_key": None}, "needs an idempotency_key"),
        ({"idempotency_key": "k", "idempotency_key_ttl": "1h30m"}, "idempotency_key_ttl='1h30m'"),
        ({"idempotency_key": "k", "idempotency_key_ttl": "2w"}, "no 'w'"),
        ({"idempotency_key": ""}, "idempotency_key must not be empty"),
        ({"idempotency_key": [1, 2]}, "idempotency_key must be a string"),
        ({"tags": [f"t{i}" for i in range(11)]}, "at most 10"),
        ({"tags": ["x" * 129]}, "at most 128"),
        ({"tags": [""]}, "non-empty strings"),
        ({"machine": "large-4x"}, "machine='large-4x' must be one of"),
        ({"max_attempts": 0}, "max_attempts=0"),
        ({"max_duration": 2}, "max_duration=2"),
        ({"priority": -1}, "priority must be a number >= 0"),
        ({"metadata": ["not", "a", "dict"]}, "metadata must be a dict"),
        ({"metadata": {"big": "x" * (256 * 1024)}}, "at most 262144"),
        ({"debounce": {"key": "k"}}, "debounce\\['delay'\\]"),
        ({"debounce": {"key": "k", "delay": "5s", "mode": "middle"}}, "'leading' or 'trailing'"),
        ({"debounce": {"key": "k", "delay": "5s", "max_delay": "1s"}}, "longer than 'delay'"),
        ({"queue": ""}, "queue must be a non-empty string"),
        ({"concurrency_key": ""}, "concurrency_key"),
        ({"test": "yes"}, "test must be True or False"),
    ],
)
def test_trigger_refuses_bad_options_before_any_request(mode: str, kwargs: dict[str, Any], message: str) -> None:
    rec = Recorder()
    with pytest.raises(InvalidInputError, match=message):
        call(make_client(mode, rec), "tasks.trigger", "my-task", {"a": 1}, **kwargs)
    assert rec.requests == []


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (object(), "payload is a object, which a payload cannot carry"),
        ({"x": {1, 2}.__iter__()}, "payload\\['x'\\] is a set_iterator"),
        ({"when": datetime(2030, 1, 1)}, "payload\\['when'\\] is a naive datetime"),
    ],
)
def test_unsendable_payloads_raise_before_any_request(mode: str, payload: Any, message: str) -> None:
    rec = Recorder()
    with pytest.raises(InvalidInputError, match=message):
        call(make_client(mode, rec), "tasks.trigger", "my-task", payload)
    assert rec.requests == []


def _batch_routes(
    created: dict[str, Any] | None = None, sealed: list[bool] | None = None
) -> dict[tuple[str, str], Any]:
    created = created or {"id": "batch_1", "runCount": 2, "isCached": False}
    seals = list(sealed or [True])

    def items(request: httpx.Request) -> httpx.Response:
        lines = request.content.decode().splitlines()
        return ok(
            {
                "id": "batch_1",
                "itemsAccepted": len(lines),
                "itemsDeduplicated": 0,
                "sealed": seals.pop(0) if len(seals) > 1 else seals[0],
            }
        )

    def create(request: httpx.Request) -> httpx.Response:
        count = json.loads(request.content)["runCount"]
        return httpx.Response(202, json={**created, "runCount": count}, headers={"x-trigger-jwt": "batch.jwt"})

    return {CREATE: create, ("POST", "/api/v3/batches/batch_1/items"): items}


def test_batch_trigger_is_two_phase_ndjson(mode: str) -> None:
    rec = Recorder(_batch_routes())
    handle = call(
        make_client(mode, rec),
        "tasks.batch_trigger",
        "my-task",
        [{"payload": {"n": 1}, "options": {"delay": "1h", "tags": ["x"]}}, {"payload": "two"}],
    )
    assert handle.id == "batch_1"
    assert handle.run_count == 2
    assert not handle.is_split
    assert handle.batches[0].public_access_token == "batch.jwt"
    create, items = rec.requests
    assert json.loads(create.content) == {"runCount": 2, "taskIdentifiers": ["my-task"]}
    assert items.headers["content-type"] == "application/x-ndjson"
    # each line as the SDK writes it: superjson (or text) payloads, payloadType, payloadSize last
    assert items.content.decode().splitlines() == [
        '{"index":0,"task":"my-task","payload":"{\\"json\\":{\\"n\\":1}}","options":{"payloadType":'
        '"application/super+json","delay":"1h","tags":["x"],"payloadSize":16}}',
        '{"index":1,"task":"my-task","payload":"two","options":{"payloadType":"text/plain","payloadSize":3}}',
    ]


def test_batch_keys_follow_the_sdk_derivation(mode: str) -> None:
    rec = Recorder(_batch_routes())
    items = [{"payload": 1}, {"payload": 2, "options": {"idempotency_key": "own"}}]
    call(make_client(mode, rec), "tasks.batch_trigger", "my-task", items, idempotency_key="batch-key")
    create, stream = rec.requests
    assert json.loads(create.content)["idempotencyKey"] == hashlib.sha256(b"batch-key").hexdigest()
    first, second = (json.loads(line) for line in stream.content.decode().splitlines())
    # sdk-vectors.json batchItemDerivedKeys: sha256("batch-key-0")
    assert first["options"]["idempotencyKey"] == "0877fad4ca7ecd0015e9d4edf73ce492bd66e2ceb520d3c1371e06b4bce178cc"
    assert second["options"]["idempotencyKey"] == hashlib.sha256(b"own").hexdigest()


def test_more_than_1000_items_become_several_batches(mode: str) -> None:
    rec = Recorder(_batch_routes())
    handle = call(make_client(mode, rec), "tasks.batch_trigger", "my-task", ({"payload": i} for i in range(2500)))
    assert handle.is_split
    assert handle.run_count == 2500
    assert [part.first_index for part in handle.batches] == [0, 1000, 2000]
    creates = [json.loads(r.content)["runCount"] for r in rec.requests if r.url.path == "/api/v3/batches"]
    assert creates == [1000, 1000, 500]
    streams = [r for r in rec.requests if r.url.path.endswith("/items")]
    last_lines = [json.loads(line) for line in streams[-1].content.decode().splitlines()]
    assert (last_lines[0]["index"], last_lines[0]["payload"]) == (0, '{"json":2000}')
    with pytest.raises(ValueError, match="3 batches"):
        _ = handle.id


def test_a_cached_batch_skips_the_items_stream(mode: str) -> None:
    rec = Recorder(_batch_routes(created={"id": "batch_1", "runCount": 1, "isCached": True}))
    handle = call(make_client(mode, rec), "batch.trigger", [{"task": "a", "payload": 1}], idempotency_key="k")
    assert handle.is_cached
    assert [r.url.path for r in rec.requests] == ["/api/v3/batches"]


def test_an_unsealed_batch_resends_the_stream(mode: str) -> None:
    rec = Recorder(_batch_routes(sealed=[False, True]))
    handle = call(make_client(mode, rec), "batch.trigger", [{"task": "a", "payload": 1}])
    assert handle.ids == ["batch_1"]
    streams = [r for r in rec.requests if r.url.path.endswith("/items")]
    assert len(streams) == 2
    assert streams[0].content == streams[1].content


def test_a_batch_that_never_seals_raises(mode: str) -> None:
    rec = Recorder(_batch_routes(sealed=[False, False, False]))
    with pytest.raises(BatchPartiallySentError) as info:
        call(make_client(mode, rec), "batch.trigger", [{"task": "a", "payload": 1}])
    # the batch exists and the caller learns of it, with the index to resume from
    assert info.value.batch_ids == ["batch_1"]
    assert info.value.next_index == 0
    cause = info.value.__cause__
    assert isinstance(cause, BatchNotSealedError)
    assert cause.batch_id == "batch_1"


def test_multi_task_batch_lists_its_tasks(mode: str) -> None:
    rec = Recorder(_batch_routes())
    call(
        make_client(mode, rec),
        "batch.trigger",
        [{"task": "b", "payload": 1}, {"task": "a", "payload": 2}, {"task": "b"}],
    )
    assert json.loads(rec.requests[0].content) == {"runCount": 3, "taskIdentifiers": ["a", "b"]}


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([], "items is empty"),
        ([{"payload": 1}], "items\\[0\\] has no 'task'"),
        ([{"task": "a"}, "nope"], "items\\[1\\] must be a dict"),
        ([{"task": "a", "payload": object()}], "items\\[0\\].payload is a object"),
        ([{"task": "a", "options": {"delay": "soon"}}], "items\\[0\\].options.delay='soon'"),
        ([{"task": "a", "options": {"colour": "red"}}], "unknown names \\['colour'\\]"),
        ([{"task": "a", "extra": 1}], "unknown keys \\['extra'\\]"),
        ({"task": "a"}, "items must be an iterable"),
    ],
)
def test_bad_batch_items_raise_before_any_request(mode: str, items: Any, message: str) -> None:
    rec = Recorder()
    with pytest.raises(InvalidInputError, match=message):
        call(make_client(mode, rec), "batch.trigger", items)
    assert rec.requests == []


def test_batch_retrieve_and_results(mode: str) -> None:
    rec = Recorder(
        {
            ("GET", "/api/v2/batches/batch_1"): ok(
                {
                    "id": "batch_1",
                    "status": "COMPLETED",
                    "createdAt": "2026-01-01T00:00:00Z",
                    "updatedAt": "2026-01-01T00:00:00Z",
                    "runCount": 3,
                    "runs": ["run_1", "run_2", "run_3"],
                    "processing": {"completedAt": None, "errors": []},
                }
            ),
            ("GET", "/api/v3/runs/run_1"): ok({**RUN, "id": "run_1", "status": "COMPLETED", "output": 1}),
            ("GET", "/api/v3/runs/run_2"): ok({**RUN, "id": "run_2", "status": "FAILED", "error": {"message": "x"}}),
            ("GET", "/api/v3/runs/run_3"): ok({**RUN, "id": "run_3", "status": "EXECUTING"}),
        }
    )
    client = make_client(mode, rec)
    batch = call(client, "batch.retrieve", "batch_1")
    assert (batch.status, batch.runs) == ("COMPLETED", ["run_1", "run_2", "run_3"])
    results = call(client, "batch.results", "batch_1")
    # from the runs, in batch order: /api/v1/batches/{id}/results answers items: [] (O15)
    assert [(r.id, r.ok, r.is_finished, r.output, r.error) for r in results] == [
        ("run_1", True, True, 1, None),
        ("run_2", False, True, None, {"message": "x"}),
        ("run_3", False, False, None, None),
    ]
    assert "/api/v1/batches/batch_1/results" not in [r.url.path for r in rec.requests]


def test_reset_idempotency_key(mode: str) -> None:
    hashed = hashlib.sha256(b"raw-key").hexdigest()
    rec = Recorder({("POST", f"/api/v1/idempotencyKeys/{hashed}/reset"): ok({"id": "run_1"})})
    assert call(make_client(mode, rec), "idempotency_keys.reset", "my-task", "raw-key") is True
    assert rec.json() == {"taskIdentifier": "my-task"}
    assert call(make_client(mode, rec), "idempotency_keys.reset", "my-task", hashed) is True
    assert rec.last.url.path == f"/api/v1/idempotencyKeys/{hashed}/reset"
    assert call(make_client(mode, Recorder()), "idempotency_keys.reset", "my-task", "k") is False
