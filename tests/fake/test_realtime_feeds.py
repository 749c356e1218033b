"""The fake's tag and batch feeds (the Electric shape protocol), must-refetch, skipped columns, and
the client's subscriptions over them."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest

from trigger_facade import public_tokens
from trigger_facade.testing import FakeClock, FakeTrigger, TaskContext

from .helpers import UNAUTHORIZED, make_batch, raw

ELECTRIC = {"x-trigger-electric-version": "1.0.0-beta.1"}


def token(fake: FakeTrigger, scopes: list[str], **extra: object) -> str:
    claims = {"sub": fake.environment_id, "pub": True, "scopes": scopes, **extra}
    claims.update({"iss": public_tokens.JWT_ISSUER, "aud": public_tokens.JWT_AUDIENCE})
    return public_tokens.sign_claims(claims, fake.secret_key)


def rows(answer: httpx.Response) -> list[tuple[str, str]]:
    return [(m["value"]["friendlyId"], m["headers"]["operation"]) for m in answer.json() if "key" in m]


def test_tag_feed_follows_runs_with_every_tag(fake: FakeTrigger) -> None:
    client = fake.client()
    both = client.tasks.trigger("echo", 1, tags=["a", "b"]).id
    client.tasks.trigger("echo", 2, tags=["a"])  # one tag only: outside `a,b`
    first = raw(
        fake, "GET", "/realtime/v1/runs", params={"tags": "a,b", "offset": "-1", "log": "full"}, headers=ELECTRIC
    )
    assert first.status_code == 200
    assert rows(first) == [(both, "insert")]
    assert first.json()[-1] == {"headers": {"control": "up-to-date"}}
    assert {"electric-handle", "electric-offset", "electric-schema"} <= set(first.headers)
    handle, offset = first.headers["electric-handle"], first.headers["electric-offset"]
    # a new run with both tags joins the shape as an insert; the started one is an update
    fake.advance(1.0)
    late = client.tasks.trigger("echo", 3, tags=["b", "a", "c"]).id
    live = raw(
        fake, "GET", "/realtime/v1/runs", headers=ELECTRIC,
        params={"tags": "a,b", "offset": offset, "handle": handle, "live": "true", "log": "full"},
    )  # fmt: skip
    assert sorted(rows(live)) == sorted([(both, "update"), (late, "insert")])
    assert "electric-cursor" in live.headers
    assert live.headers["electric-handle"] == handle
    assert live.headers["electric-offset"] != offset


def test_tag_feed_window_and_nothing_new(fake: FakeTrigger, clock: FakeClock) -> None:
    client = fake.client()
    old = client.tasks.trigger("echo", 1, tags=["t"]).id
    clock.advance(3 * 3600)
    new = client.tasks.trigger("echo", 2, tags=["t"]).id
    fake.advance(10)  # both finished: nothing left to change
    day = raw(fake, "GET", "/realtime/v1/runs", params={"tags": "t", "offset": "-1"}, headers=ELECTRIC)
    assert {r for r, _ in rows(day)} == {old, new}
    recent = raw(
        fake, "GET", "/realtime/v1/runs", params={"tags": "t", "createdAt": "2h", "offset": "-1"}, headers=ELECTRIC
    )
    assert rows(recent) == [(new, "insert")]
    before = clock.now()
    params = {"tags": "t", "createdAt": "2h", "offset": recent.headers["electric-offset"], "live": "true"}
    held = raw(
        fake,
        "GET",
        "/realtime/v1/runs",
        params={**params, "handle": recent.headers["electric-handle"]},
        headers=ELECTRIC,
    )
    assert held.json() == [{"headers": {"control": "up-to-date"}}]
    assert clock.now() - before == pytest.approx(20.0)  # held for realtime_hold on the fake's clock
    bad = raw(fake, "GET", "/realtime/v1/runs", params={"tags": "t,", "offset": "-1"})
    assert (bad.status_code, bad.json()["error"]) == (400, "Query Error")


def test_batch_feed_and_its_scopes(fake: FakeTrigger) -> None:
    batch = make_batch(fake, [("echo", 1), ("echo", 2)])
    first = raw(fake, "GET", f"/realtime/v1/batches/{batch}", params={"offset": "-1"}, headers=ELECTRIC)
    assert sorted(r for r, _ in rows(first)) == sorted(r.id for r in fake.runs.values() if r.batch_id == batch)
    assert all(op == "insert" for _, op in rows(first))
    for scopes in ([f"read:batch:{batch}"], ["read:runs"]):
        assert (
            raw(
                fake, "GET", f"/realtime/v1/batches/{batch}", key=token(fake, scopes), params={"offset": "-1"}
            ).status_code
            == 200
        )
    refused = raw(
        fake,
        "GET",
        f"/realtime/v1/batches/{batch}",
        key=token(fake, ["read:batch:batch_other"]),
        params={"offset": "-1"},
    )
    assert (refused.status_code, refused.json()) == (403, UNAUTHORIZED)
    missing = raw(fake, "GET", "/realtime/v1/batches/batch_missing", params={"offset": "-1"})
    assert (missing.status_code, missing.headers["x-should-retry"]) == (404, "true")
    tags = raw(
        fake, "GET", "/realtime/v1/runs", key=token(fake, ["read:tags:x"]), params={"tags": "x,y", "offset": "-1"}
    )
    assert tags.status_code == 200  # a token for one of the tags reads the feed
    assert (
        raw(
            fake, "GET", "/realtime/v1/runs", key=token(fake, ["read:tags:z"]), params={"tags": "x", "offset": "-1"}
        ).status_code
        == 403
    )


def test_unknown_or_rotated_handle_is_a_409_must_refetch(fake: FakeTrigger) -> None:
    run_id = fake.client().tasks.trigger("echo", 1).id
    first = raw(fake, "GET", f"/realtime/v1/runs/{run_id}", params={"offset": "-1"}, headers=ELECTRIC)
    offset, handle = first.headers["electric-offset"], first.headers["electric-handle"]
    stale = raw(
        fake, "GET", f"/realtime/v1/runs/{run_id}", params={"offset": offset, "handle": "nope"}, headers=ELECTRIC
    )
    assert (stale.status_code, stale.json()) == (409, [{"headers": {"control": "must-refetch"}}])
    assert stale.headers["electric-handle"] == handle
    fake.rotate_shapes()
    rotated = raw(
        fake, "GET", f"/realtime/v1/runs/{run_id}", params={"offset": offset, "handle": handle}, headers=ELECTRIC
    )
    assert rotated.status_code == 409
    fresh = rotated.headers["electric-handle"]
    assert fresh != handle
    again = raw(
        fake, "GET", f"/realtime/v1/runs/{run_id}", headers=ELECTRIC,
        params={"expired_handle": handle, "handle": fresh, "offset": "-1", "log": "full"},
    )  # fmt: skip
    assert (again.status_code, rows(again)) == (200, [(run_id, "insert")])


def test_skip_columns_from_the_query_and_the_token(fake: FakeTrigger) -> None:
    run_id = fake.client().tasks.trigger("echo", {"big": "x" * 10}).id
    asked = raw(fake, "GET", f"/realtime/v1/runs/{run_id}", params={"offset": "-1", "skipColumns": "payload,status,id"})
    value = asked.json()[0]["value"]
    assert "payload" not in value
    assert {"status", "id", "friendlyId", "createdAt"} <= set(value)
    by_token = token(fake, [f"read:runs:{run_id}"], realtime={"skipColumns": ["output", "metadata"]})
    read = raw(fake, "GET", f"/realtime/v1/runs/{run_id}", key=by_token, params={"offset": "-1"})
    assert {"output", "metadata"}.isdisjoint(read.json()[0]["value"])
    assert "payload" in read.json()[0]["value"]


def test_rows_carry_superjson_payloads_and_the_stream_keys(fake: FakeTrigger, clock: FakeClock) -> None:
    def writes(payload: object, ctx: TaskContext) -> Iterator[float]:
        ctx.stream("progress").write(1)
        yield 1.0
        return None

    fake.task("writes", writes)
    client = fake.client(clock=clock)
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    run_id = client.tasks.trigger("writes", {"when": when}).id
    fake.advance(3.5)
    value = raw(fake, "GET", f"/realtime/v1/runs/{run_id}", params={"offset": "-1"}).json()[0]["value"]
    assert value["payloadType"] == "application/super+json"
    assert json.loads(value["payload"]) == {
        "json": {"when": "2026-01-02T03:04:05.000Z"},
        "meta": {"values": {"when": ["Date"]}},
    }
    assert value["realtimeStreams"] == '{"progress"}'
    snapshot = next(iter(client.runs.subscribe(run_id, timeout=5)))
    assert snapshot.payload == {"when": when}


# ---------------------------------------------------------------- through the client


def test_client_subscribes_to_a_tag(fake: FakeTrigger, clock: FakeClock) -> None:
    client = fake.client(clock=clock)
    first = client.tasks.trigger("echo", 1, tags=["user:1"]).id
    client.tasks.trigger("echo", 9, tags=["user:2"])
    seen: list[tuple[str, str]] = []
    for run in client.runs.subscribe_to_tag("user:1", timeout=60):
        seen.append((run.id, run.status))
        if run.id == first and run.status == "EXECUTING" and len({r for r, _ in seen}) == 1:
            second = client.tasks.trigger("echo", 2, tags=["user:1"]).id
    assert seen[0] == (first, "QUEUED")
    assert (first, "COMPLETED") in seen
    assert (second, "COMPLETED") in seen
    assert {r for r, _ in seen} == {first, second}


def test_client_subscribes_to_a_batch_with_a_public_token(fake: FakeTrigger, clock: FakeClock) -> None:
    batch = make_batch(fake, [("echo", 1), ("echo", 2), ("echo", 3)])
    client = fake.client(clock=clock)
    browser_token = client.auth.create_public_token(scopes={"read": {"batch": batch}})
    browser = fake.client(clock=clock, secret_key=browser_token)
    finished: dict[str, object] = {}
    for run in browser.runs.subscribe_to_batch(batch, timeout=30):
        if run.status == "COMPLETED":
            finished[run.id] = run.output
    assert sorted(finished.values()) == [1, 2, 3]  # type: ignore[type-var]


def test_client_recovers_from_a_rotated_shape(fake: FakeTrigger, clock: FakeClock) -> None:
    client = fake.client(clock=clock)
    run_id = client.tasks.trigger("echo", 1).id
    statuses = []
    for run in client.runs.subscribe(run_id, timeout=60):
        statuses.append(run.status)
        if len(statuses) == 1:
            fake.rotate_shapes()
    assert (statuses[0], statuses[-1]) == ("QUEUED", "COMPLETED")


def test_async_client_subscribes_to_a_tag(fake: FakeTrigger, clock: FakeClock) -> None:
    async def main() -> list[str]:
        async with fake.async_client(clock=clock) as client:
            await client.tasks.trigger("echo", 1, tags=["x"])
            return [run.status async for run in client.runs.subscribe_to_tag(["x"], created_after="1h", timeout=20)]

    statuses = asyncio.run(main())
    assert (statuses[0], statuses[-1]) == ("QUEUED", "COMPLETED")
