"""Every row of server-truth.md (W1-W12, F1-F8, O1-O19), asserted on the raw HTTP exchange with the fake.

Each test runs twice: against the fake in-process (its httpx transport) and over loopback HTTP (real
sockets). Requests are made with plain httpx, never with our client, so what is asserted is exactly what
a caller of the real server would see: status codes, bodies and headers.

The exchanges are not checked against spec/openapi.yaml here: these tests send bad input on purpose, and
the server's answers, not the spec, are the truth they assert (the spec is checked by every other test).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from trigger_facade.testing import FakeClock, FakeTransport, FakeTrigger, TokenBucket

from .client_wire import jwt_claims

API_VERSION = "2025-07-16"
DAY = 86_400
DUPLICATE_BATCH = "Cannot create batch as it has already been created with the same idempotency key."


def _no_contract_check(request: httpx.Request, response: httpx.Response) -> None:
    """The rows assert the server's answers; see the module docstring."""


@dataclass
class Wire:
    """One fake and a raw HTTP client to it."""

    fake: FakeTrigger
    clock: FakeClock
    http: httpx.Client

    def call(
        self,
        method: str,
        path: str,
        *,
        key: str | None = None,
        headers: dict[str, str] | None = None,
        version: bool = True,
        **kwargs: Any,
    ) -> httpx.Response:
        sent: dict[str, str] = {}
        token = self.fake.secret_key if key is None else key
        if token:
            sent["authorization"] = f"Bearer {token}"
        if version:
            sent["x-trigger-api-version"] = API_VERSION
        sent.update(headers or {})
        return self.http.request(method, path, headers=sent, **kwargs)

    def trigger(self, task: str = "t", payload: Any = None, **options: Any) -> httpx.Response:
        return self.call("POST", f"/api/v1/tasks/{task}/trigger", json={"payload": payload, "options": options})

    def run(self, run_id: str) -> dict[str, Any]:
        response = self.call("GET", f"/api/v3/runs/{run_id}")
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def create_batch(self, count: int, **extra: Any) -> httpx.Response:
        return self.call("POST", "/api/v3/batches", json={"runCount": count, **extra})

    def stream_items(self, batch_id: str, items: list[dict[str, Any]]) -> httpx.Response:
        content = "\n".join(json.dumps(item) for item in items).encode()
        headers = {"content-type": "application/x-ndjson"}
        return self.call("POST", f"/api/v3/batches/{batch_id}/items", content=content, headers=headers)


Make = Callable[..., Wire]


@pytest.fixture(params=["in_process", "loopback"])
def make(request: pytest.FixtureRequest) -> Iterator[Make]:
    """make(**FakeTrigger kwargs) -> Wire, the fake reached in-process or over a loopback socket."""
    with ExitStack() as stack:

        def build(**kwargs: Any) -> Wire:
            clock = FakeClock()
            kwargs.setdefault("start_after", 1.0)
            kwargs.setdefault("execution_time", 1.0)
            fake = FakeTrigger(clock=clock, validator=_no_contract_check, **kwargs)
            if request.param == "in_process":
                http = httpx.Client(transport=FakeTransport(fake), base_url="https://fake.trigger.local")
            else:
                url = stack.enter_context(fake.serve())
                http = httpx.Client(base_url=url, timeout=10)
            stack.enter_context(http)
            return Wire(fake, clock, http)

        yield build


def crash(payload: Any) -> Any:
    """A task whose process exits (the fake marks the run CRASHED)."""
    raise SystemExit(3)


# ---------------------------------------------------------------------------------------------- W rows


def test_W1_metadata_is_a_json_string(make: Make) -> None:
    wire = make()
    run_id = wire.trigger(metadata={"step": 1, "nested": {"a": [1, 2]}}).json()["id"]
    answer = wire.call("GET", f"/api/v1/runs/{run_id}/metadata")
    assert answer.status_code == 200
    body = answer.json()
    assert body["metadataType"] == "application/json"
    assert isinstance(body["metadata"], str)
    assert json.loads(body["metadata"]) == {"step": 1, "nested": {"a": [1, 2]}}
    bare = wire.trigger().json()["id"]
    assert wire.call("GET", f"/api/v1/runs/{bare}/metadata").json() == {
        "metadata": None,
        "metadataType": "application/json",
    }


def test_W2_project_runs_need_an_env_and_list_only_the_first(make: Make) -> None:
    wire = make()
    run_id = wire.trigger().json()["id"]
    pat, path = wire.fake.personal_token, f"/api/v1/projects/{wire.fake.project_ref}/runs"
    missing = wire.call("GET", path, key=pat)
    assert (missing.status_code, missing.json()) == (500, {"error": "Internal Server Error"})
    first_dev = wire.call("GET", path, key=pat, params={"filter[env]": "dev,prod"})
    assert [r["id"] for r in first_dev.json()["data"]] == [run_id]
    first_prod = wire.call("GET", path, key=pat, params={"filter[env]": "prod,dev"})
    assert (first_prod.status_code, first_prod.json()["data"]) == (200, [])


def test_W3_create_batch_is_not_deduped_by_the_request_key(make: Make) -> None:
    wire = make()
    headers = {"x-trigger-request-idempotency-key": "6f1c0c55-3b7e-4c8e-9f10-2a3b4c5d6e7f"}
    one = wire.call("POST", "/api/v3/batches", json={"runCount": 1}, headers=headers)
    two = wire.call("POST", "/api/v3/batches", json={"runCount": 1}, headers=headers)
    assert (one.status_code, two.status_code) == (202, 202)
    assert one.json()["id"] != two.json()["id"]
    wire.stream_items(two.json()["id"], [{"index": 0, "task": "t", "payload": 1}])
    first = wire.call("GET", f"/api/v1/batches/{one.json()['id']}").json()
    assert (first["status"], first["runs"]) == ("PENDING", [])  # the lost first batch stays empty


def test_W4_a_repeated_batch_key_is_a_422_sealed_or_not(make: Make) -> None:
    wire = make()
    created = wire.create_batch(1, idempotencyKey="nightly-1")
    assert created.status_code == 202
    assert wire.create_batch(1, idempotencyKey="nightly-1").json() == {"error": DUPLICATE_BATCH}
    wire.stream_items(created.json()["id"], [{"index": 0, "task": "t", "payload": 1}])
    again = wire.create_batch(1, idempotencyKey="nightly-1")
    assert (again.status_code, again.json()) == (422, {"error": DUPLICATE_BATCH})


def test_W5_a_missing_run_asks_for_a_retry(make: Make) -> None:
    wire = make()
    answer = wire.call("GET", "/api/v3/runs/run_doesnotexist")
    assert (answer.status_code, answer.json()) == (404, {"error": "Not found"})
    assert answer.headers["x-should-retry"] == "true"


def test_W6_rescheduling_a_run_that_is_not_delayed_is_a_400(make: Make) -> None:
    wire = make()
    run_id = wire.trigger().json()["id"]
    answer = wire.call("POST", f"/api/v1/runs/{run_id}/reschedule", json={"delay": "1h"})
    assert (answer.status_code, answer.json()) == (400, {"error": "Cannot reschedule a run that is not delayed"})
    delayed = wire.trigger(delay="1h").json()["id"]
    moved = wire.call("POST", f"/api/v1/runs/{delayed}/reschedule", json={"delay": "2h"})
    assert (moved.status_code, moved.json()["status"]) == (200, "DELAYED")


def test_W7_trigger_batch_and_token_answers_carry_signed_public_tokens(make: Make) -> None:
    wire = make()
    secret, env_id = wire.fake.secret_key, wire.fake.environment_id
    trig = wire.trigger()
    run_id = trig.json()["id"]
    claims = jwt_claims(trig.headers["x-trigger-jwt"], secret)
    assert claims["scopes"] == [f"read:runs:{run_id}", f"write:inputStreams:{run_id}"]
    assert (claims["sub"], claims["pub"], claims["exp"] - claims["iat"]) == (env_id, True, 3600)
    assert (claims["iss"], claims["aud"]) == ("https://id.trigger.dev", "https://api.trigger.dev")
    batch = wire.create_batch(1)
    batch_claims = jwt_claims(batch.headers["x-trigger-jwt"], secret)
    assert batch_claims["scopes"] == [f"read:batch:{batch.json()['id']}"]
    assert batch_claims["exp"] - batch_claims["iat"] == 3600
    token = wire.call("POST", "/api/v1/waitpoints/tokens", json={})
    token_claims = jwt_claims(token.headers["x-trigger-jwt"], secret)
    assert token_claims["scopes"] == [f"write:waitpoints:{token.json()['id']}"]
    assert token_claims["exp"] - token_claims["iat"] == DAY
    for answer in (batch, token):
        assert json.loads(answer.headers["x-trigger-jwt-claims"]) == {"sub": env_id, "pub": True}


def test_W8_deployment_filters_and_page_size(make: Make) -> None:
    wire = make()
    old = wire.fake.deploy("20240101.1")
    wire.clock.advance(10 * DAY)
    for n in range(6):
        wire.fake.deploy(f"20250101.{n}")

    def versions(**params: str) -> list[str]:
        answer = wire.call("GET", "/api/v1/deployments", params=params)
        assert answer.status_code == 200, answer.text
        return [d["version"] for d in answer.json()["data"]]

    start = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(old["createdAt"] - 60))
    assert "20240101.1" not in versions(period="1d", **{"from": start})  # period wins over from
    assert "20240101.1" in versions(to=start)  # `to` without `from` is ignored
    assert len(versions(**{"page[size]": "1"})) == 5  # raised to 5
    assert len(versions()) == 7  # default 20
    for n in range(100):
        wire.fake.deploy(f"20260101.{n}")
    assert len(versions()) == 20
    assert len(versions(**{"page[size]": "500"})) == 100  # lowered to 100
    for bad in ({"period": "soon"}, {"from": "not a date"}):
        answer = wire.call("GET", "/api/v1/deployments", params=bad)
        assert (answer.status_code, answer.json()) == (500, {"error": "Internal Server Error"})


def test_W9_replays_are_not_deduped_by_the_request_key(make: Make) -> None:
    wire = make()
    run_id = wire.trigger(payload={"p": 1}).json()["id"]
    headers = {"x-trigger-request-idempotency-key": "0b8c1c55-3b7e-4c8e-9f10-2a3b4c5d6e7f"}
    one = wire.call("POST", f"/api/v1/runs/{run_id}/replay", headers=headers)
    two = wire.call("POST", f"/api/v1/runs/{run_id}/replay", headers=headers)
    assert (one.status_code, two.status_code) == (200, 200)
    assert len({run_id, one.json()["id"], two.json()["id"]}) == 3


def test_W10_idempotency_keys_cache_until_a_freeing_status_or_expiry(make: Make) -> None:
    wire = make()
    wire.fake.task("boom", lambda payload: 1 / 0)
    first = wire.trigger("boom", idempotencyKey="k")
    again = wire.trigger("boom", idempotencyKey="k")
    assert again.json() == {"id": first.json()["id"], "isCached": True}
    assert again.headers["x-trigger-jwt"]  # a fresh token on the cached answer too
    wire.clock.advance(5)
    assert wire.run(first.json()["id"])["status"] == "FAILED"
    freed = wire.trigger("boom", idempotencyKey="k").json()
    assert freed["id"] != first.json()["id"]
    assert freed["isCached"] is False
    cancelled = wire.trigger("t", idempotencyKey="c").json()["id"]
    wire.call("POST", f"/api/v2/runs/{cancelled}/cancel")
    assert wire.trigger("t", idempotencyKey="c").json() == {"id": cancelled, "isCached": True}
    short = wire.trigger("t", idempotencyKey="s", idempotencyKeyTTL="1m").json()["id"]
    wire.clock.advance(61)
    assert wire.trigger("t", idempotencyKey="s").json()["id"] != short
    by_header = wire.call("POST", "/api/v1/tasks/t/trigger", json={"payload": 1}, headers={"idempotency-key": "h"})
    repeat = wire.call("POST", "/api/v1/tasks/t/trigger", json={"payload": 1}, headers={"idempotency-key": "h"})
    assert repeat.json() == {"id": by_header.json()["id"], "isCached": True}


def test_W11_a_secret_key_always_works_on_its_own_environment(make: Make) -> None:
    wire = make()
    base = f"/api/v1/projects/{wire.fake.project_ref}/envvars"
    written = wire.call("POST", f"{base}/prod", json={"name": "A", "value": "1"})
    assert (written.status_code, written.json()) == (200, {"success": True})
    assert wire.call("GET", f"{base}/dev/A").json()["value"] == "1"  # it went to dev, the key's own
    assert [v["name"] for v in wire.call("GET", f"{base}/stg").json()] == ["A"]
    wrong = wire.call("GET", "/api/v1/projects/proj_someoneelse/envvars/dev")
    assert wrong.status_code == 400
    text = "Invalid project ref for this API key. Make sure you are using an API key associated with that project."
    assert wrong.json() == {"error": text}


def test_W12_rate_limit_answers_per_route(make: Make) -> None:
    wire = make(rate_limit=TokenBucket(burst=1, refill_per_second=0.5), batch_rate_limit=TokenBucket(burst=3))
    ok = wire.call("GET", "/api/v1/waitpoints/tokens")
    assert (ok.headers["x-ratelimit-limit"], ok.headers["x-ratelimit-remaining"]) == ("1", "0")
    limited = wire.call("GET", "/api/v1/waitpoints/tokens")
    assert limited.status_code == 429
    assert limited.headers["content-type"].startswith("application/problem+json")
    assert "retry-after" not in limited.headers
    body = limited.json()
    assert set(body) == {
        "title",
        "status",
        "type",
        "detail",
        "reset",
        "limit",
        "remaining",
        "secondsUntilReset",
        "error",
    }
    assert (body["title"], body["status"], body["limit"], body["remaining"]) == ("Rate Limit Exceeded", 429, 1, 0)
    now_ms = wire.clock.now() * 1000
    assert int(limited.headers["x-ratelimit-reset"]) == body["reset"]
    assert now_ms < body["reset"] <= now_ms + 2000  # epoch milliseconds: one token at 0.5 a second
    assert body["secondsUntilReset"] == 2
    assert body["error"] == body["detail"] == "Rate limit exceeded 0/1 requests remaining. Retry in 2 seconds."
    for _ in range(3):  # never limited, and no limiter headers
        timezones = wire.call("GET", "/api/v1/timezones", key="")
        assert timezones.status_code == 200
        assert "x-ratelimit-limit" not in timezones.headers
        packet = wire.call("PUT", "/api/v2/packets/some%2Fpayload.json")
        assert packet.status_code == 200
        assert "x-ratelimit-limit" not in packet.headers
    wire.clock.advance(10)
    batch = wire.create_batch(5)
    assert batch.status_code == 429
    assert set(batch.json()) == {"error"}
    assert batch.json()["error"].startswith("Batch rate limit exceeded.")
    reset_seconds = int(batch.headers["x-ratelimit-reset"])
    assert wire.clock.now() <= reset_seconds < wire.clock.now() + 10  # epoch seconds here
    assert int(batch.headers["retry-after"]) >= 1


# ---------------------------------------------------------------------------------------------- F rows


def test_F1_retrieve_shows_the_raw_key_and_the_list_the_stored_one(make: Make) -> None:
    wire = make()
    stored = hashlib.sha256(b"order-42").hexdigest()
    run_id = wire.trigger(idempotencyKey=stored, idempotencyKeyOptions={"key": "order-42", "scope": "global"}).json()[
        "id"
    ]
    assert wire.run(run_id)["idempotencyKey"] == "order-42"
    listed = wire.call("GET", "/api/v1/runs").json()["data"]
    assert [r["idempotencyKey"] for r in listed if r["id"] == run_id] == [stored]


def test_F2_envvar_import_is_all_or_nothing_and_drops_what_the_server_drops(make: Make) -> None:
    wire = make()
    base = f"/api/v1/projects/{wire.fake.project_ref}/envvars/dev"
    wire.call("POST", base, json={"name": "A", "value": "1"})
    refused = wire.call("POST", f"{base}/import", json={"variables": {"A": "2", "B": "3"}, "override": False})
    assert refused.status_code == 400
    assert refused.json() == {
        "error": "Some of the variables are already set for these environments. Set override to true to override them.",
        "variableErrors": [{"key": "A", "error": "Variable already set in Development."}],
    }
    assert wire.call("GET", f"{base}/B").status_code == 404  # nothing of the refused import was written
    variables = {"C": "3", "EMPTY": "", "TRIGGER_SECRET_KEY": "x", "TRIGGER_API_URL": "y"}
    accepted = wire.call("POST", f"{base}/import", json={"variables": variables, "isSecret": True})
    assert accepted.json() == {"success": True}
    listed = {v["name"]: v for v in wire.call("GET", base).json()}
    assert set(listed) == {"A", "C"}
    assert listed["C"] == {"name": "C", "value": "<redacted>", "isSecret": True}


def test_F3_batch_items_and_when_runs_appear(make: Make) -> None:
    wire = make()
    unknown = wire.stream_items("batch_nope", [{"index": 0, "task": "t"}])
    assert (unknown.status_code, unknown.json()) == (422, {"error": "Batch batch_nope not found"})
    batch_id = wire.create_batch(2).json()["id"]
    beyond = wire.stream_items(batch_id, [{"index": 2, "task": "t"}])
    assert (beyond.status_code, beyond.json()) == (422, {"error": "Item index 2 exceeds batch runCount 2"})
    items = [{"index": 0, "task": "t", "payload": 0}, {"index": 1, "task": "t", "payload": 1}]
    sealed = wire.stream_items(batch_id, items)
    assert sealed.json() == {"id": batch_id, "itemsAccepted": 2, "itemsDeduplicated": 0, "sealed": True, "runCount": 2}
    assert wire.fake.state.runs == {}  # no run is made during the request
    again = wire.stream_items(batch_id, items).json()
    assert (again["itemsAccepted"], again["itemsDeduplicated"]) == (0, 2)
    assert len(wire.call("GET", f"/api/v1/batches/{batch_id}").json()["runs"]) == 2  # made after the answer


def test_F4_runs_list_filters(make: Make) -> None:
    wire = make(start_after=100.0)
    old = wire.trigger().json()["id"]
    wire.clock.advance(8 * DAY)
    new = wire.trigger().json()["id"]

    def ids(**params: str) -> list[str]:
        answer = wire.call("GET", "/api/v1/runs", params=params)
        assert answer.status_code == 200, answer.text
        return [r["id"] for r in answer.json()["data"]]

    assert ids() == [new]  # seven days back by default
    assert ids(**{"filter[createdAt][period]": "soon"}) == [new, old]  # a bad period drops the time filter
    to = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(wire.clock.now() - 3600))
    assert ids(**{"filter[createdAt][period]": "1d", "filter[createdAt][to]": to}) == [new]  # `to` ignored
    wire.fake.state.runs[new].status = "DEQUEUED"
    assert ids(**{"filter[status]": "EXECUTING"}) == []
    wire.fake.state.runs[new].status = "PENDING_VERSION"
    assert ids(**{"filter[status]": "WAITING_FOR_DEPLOY"}) == []
    assert ids(**{"filter[status]": "PENDING_VERSION"}) == [new]
    assert wire.call("GET", "/api/v1/runs", params={"filter[status]": "SLEEPING"}).status_code == 400


def test_F5_metadata_of_a_run_finished_over_an_hour_ago_is_frozen(make: Make) -> None:
    wire = make()
    run_id = wire.trigger().json()["id"]
    wire.clock.advance(5)
    body = {"metadata": {"late": True}}
    assert wire.call("PUT", f"/api/v1/runs/{run_id}/metadata", json=body).status_code == 200
    wire.clock.advance(3601)
    assert wire.call("PUT", f"/api/v1/runs/{run_id}/metadata", json=body).status_code == 422


def test_F6_schedules_only_for_declared_scheduled_tasks(make: Make) -> None:
    wire = make(scheduled_tasks={"nightly"})
    wire.fake.task("plain", lambda payload: payload)
    listed = wire.call("GET", "/api/v1/schedules").json()
    assert listed == {"data": [], "pagination": {"currentPage": 1, "totalPages": 0, "count": 0}}
    no_key = wire.call("POST", "/api/v1/schedules", json={"task": "nightly", "cron": "0 0 * * *"})
    assert no_key.status_code == 400
    assert no_key.json()["issues"][0]["path"] == ["deduplicationKey"]
    for task, text in (
        ("plain", "Task with identifier plain is not a scheduled task."),
        ("ghost", "Task with identifier ghost not found in project."),
    ):
        body = {"task": task, "cron": "0 0 * * *", "deduplicationKey": "d"}
        refused = wire.call("POST", "/api/v1/schedules", json=body)
        assert (refused.status_code, refused.json()) == (422, {"error": text})
    made = wire.call(
        "POST", "/api/v1/schedules", json={"task": "nightly", "cron": "0 0 * * *", "deduplicationKey": "d"}
    )
    assert (made.status_code, made.json()["task"]) == (200, "nightly")


def test_F7_waitpoint_list_filters(make: Make) -> None:
    wire = make()
    old = wire.call("POST", "/api/v1/waitpoints/tokens", json={"tags": ["a"], "idempotencyKey": "k1"}).json()["id"]
    wire.clock.advance(30 * DAY)
    new = wire.call("POST", "/api/v1/waitpoints/tokens", json={"tags": ["b"]}).json()["id"]

    def ids(**params: str) -> list[str]:
        answer = wire.call("GET", "/api/v1/waitpoints/tokens", params=params)
        assert answer.status_code == 200, answer.text
        assert "next" not in answer.json()["pagination"]
        assert "previous" not in answer.json()["pagination"]
        return [t["id"] for t in answer.json()["data"]]

    assert ids() == [new, old]  # no default look-back
    assert ids(**{"filter[idempotencyKey]": "k1"}) == [old]
    assert ids(**{"filter[tags]": "b"}) == [new]
    long_ago = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(wire.clock.now() - 60 * DAY))
    assert ids(**{"filter[createdAt][period]": "1d", "filter[createdAt][from]": long_ago}) == [new]  # the later
    recent = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(wire.clock.now() - DAY))
    assert ids(**{"filter[createdAt][to]": recent}) == [old]


def test_F8_page_sizes(make: Make) -> None:
    wire = make()
    wire.fake.seed_runs(30)
    runs = wire.call("GET", "/api/v1/runs").json()
    assert len(runs["data"]) == 25
    assert "next" in runs["pagination"]
    for path in ("/api/v1/runs", "/api/v1/waitpoints/tokens"):
        assert wire.call("GET", path, params={"page[size]": "101"}).status_code == 400
        assert wire.call("GET", path, params={"page[size]": "100"}).status_code == 200
    for n in range(101):
        wire.fake.task(f"q{n}", lambda payload: payload)
    queues = wire.call("GET", "/api/v1/queues", params={"perPage": "500"}).json()
    assert len(queues["data"]) == 100
    assert len(wire.call("GET", "/api/v1/queues").json()["data"]) == 25
    wire.fake.state.scheduled_tasks.add("q0")
    for n in range(21):
        body = {"task": "q0", "cron": "0 0 * * *", "deduplicationKey": f"d{n}"}
        assert wire.call("POST", "/api/v1/schedules", json=body).status_code == 200
    assert len(wire.call("GET", "/api/v1/schedules").json()["data"]) == 20
    assert wire.call("GET", "/api/v1/schedules", params={"perPage": "500"}).json()["pagination"]["totalPages"] == 1


# ---------------------------------------------------------------------------------------------- O rows


def test_O1_metadata_after_put_and_for_a_missing_run(make: Make) -> None:
    wire = make()
    run_id = wire.trigger().json()["id"]
    put = wire.call("PUT", f"/api/v1/runs/{run_id}/metadata", json={"metadata": {"progress": 0.5}})
    assert put.json() == {"metadata": {"progress": 0.5}}
    got = wire.call("GET", f"/api/v1/runs/{run_id}/metadata").json()
    assert got == {"metadata": '{"progress":0.5}', "metadataType": "application/json"}
    missing = wire.call("GET", "/api/v1/runs/run_nope/metadata")
    assert (missing.status_code, missing.json()) == (404, {"error": "Run not found"})
    assert "x-should-retry" not in missing.headers


def test_O2_missing_run_and_batch_ask_for_a_retry(make: Make) -> None:
    wire = make()
    for path in ("/api/v3/runs/run_nope", "/api/v1/batches/batch_nope"):
        answer = wire.call("GET", path)
        assert (answer.status_code, answer.json(), answer.headers["x-should-retry"]) == (
            404,
            {"error": "Not found"},
            "true",
        )


def test_O3_jwt_claims_headers(make: Make) -> None:
    wire = make()
    first = wire.trigger(idempotencyKey="same")
    cached = wire.trigger(idempotencyKey="same")
    run_id = first.json()["id"]
    expected = {
        "sub": wire.fake.environment_id,
        "pub": True,
        "scopes": [f"read:runs:{run_id}", f"write:inputStreams:{run_id}"],
    }
    for answer in (first, cached):
        assert json.loads(answer.headers["x-trigger-jwt-claims"]) == expected
        assert jwt_claims(answer.headers["x-trigger-jwt"], wire.fake.secret_key)["scopes"] == expected["scopes"]
    batch = wire.create_batch(1)
    assert batch.status_code == 202
    assert json.loads(batch.headers["x-trigger-jwt-claims"]) == {"sub": wire.fake.environment_id, "pub": True}


def test_O4_the_request_key_dedupes_nothing(make: Make) -> None:
    wire = make()
    headers = {"x-trigger-request-idempotency-key": "7d1c0c55-3b7e-4c8e-9f10-2a3b4c5d6e7f"}
    ids = {
        wire.call("POST", "/api/v1/tasks/t/trigger", json={"payload": 1}, headers=headers).json()["id"]
        for _ in range(2)
    }
    assert len(ids) == 2
    batch_headers = {"idempotency-key": "b"}
    batches = {
        wire.call("POST", "/api/v3/batches", json={"runCount": 1}, headers=batch_headers).json()["id"] for _ in range(2)
    }
    assert len(batches) == 2


def test_O5_a_repeated_batch_key_is_a_422_that_names_no_batch(make: Make) -> None:
    wire = make()
    for key in ("plain-key", "4f1c0c55-3b7e-4c8e-9f10-2a3b4c5d6e7f"):
        assert wire.create_batch(1, idempotencyKey=key).status_code == 202
        repeat = wire.create_batch(1, idempotencyKey=key)
        assert (repeat.status_code, repeat.json()) == (422, {"error": DUPLICATE_BATCH})


def test_O6_user_level_keys_dedupe_triggers_and_tokens(make: Make) -> None:
    wire = make()
    first = wire.call("POST", "/api/v1/waitpoints/tokens", json={"idempotencyKey": "approve-1"}).json()
    again = wire.call("POST", "/api/v1/waitpoints/tokens", json={"idempotencyKey": "approve-1"}).json()
    assert (again["id"], first["isCached"], again["isCached"]) == (first["id"], False, True)
    run = wire.trigger(idempotencyKey="order-1").json()
    assert wire.trigger(idempotencyKey="order-1").json() == {"id": run["id"], "isCached": True}


def test_O7_cancel_lives_at_v2(make: Make) -> None:
    wire = make()
    run_id = wire.trigger().json()["id"]
    for _ in range(2):
        answer = wire.call("POST", f"/api/v2/runs/{run_id}/cancel")
        assert (answer.status_code, answer.json()) == (200, {"id": run_id})
    missing = wire.call("POST", "/api/v2/runs/run_nope/cancel")
    assert (missing.status_code, missing.json()) == (404, {"error": "Resource not found"})
    old_path = wire.call("POST", f"/api/v1/runs/{run_id}/cancel")
    assert old_path.status_code == 404
    assert old_path.headers["content-type"].startswith("text/html")


def test_O8_a_missing_waitpoint_token_is_a_500(make: Make) -> None:
    wire = make()
    answer = wire.call("GET", "/api/v1/waitpoints/tokens/waitpoint_nope")
    assert (answer.status_code, answer.json()) == (500, {"error": "Internal Server Error"})


def test_O9_envvars_overwrite_unknown_slug_and_deleted(make: Make) -> None:
    wire = make()
    base = f"/api/v1/projects/{wire.fake.project_ref}/envvars"
    for value in ("1", "2"):
        answer = wire.call("POST", f"{base}/dev", json={"name": "A", "value": value})
        assert (answer.status_code, answer.json()) == (200, {"success": True})
    assert wire.call("GET", f"{base}/dev/A").json()["value"] == "2"
    assert wire.call("GET", f"{base}/nope").json() == []
    assert wire.call("GET", f"{base}/nope", key=wire.fake.personal_token).json() == []
    wire.call("DELETE", f"{base}/dev/A")
    gone = wire.call("GET", f"{base}/dev/A")
    assert (gone.status_code, gone.json()) == (404, {"error": "Environment variable not found"})


def test_O10_invalid_json_bad_key_and_a_queued_trigger(make: Make) -> None:
    wire = make(start_after=1000.0)
    bad_json = wire.call(
        "POST", "/api/v1/tasks/t/trigger", content=b"{nope", headers={"content-type": "application/json"}
    )
    assert (bad_json.status_code, bad_json.json()) == (400, {"error": "Invalid JSON"})
    bad_key = wire.call("GET", "/api/v3/runs/run_x", key="tr_dev_notthekeynotthekey0000")
    assert (bad_key.status_code, bad_key.json()) == (401, {"error": "Invalid API key"})
    run = wire.trigger("never-deployed")
    assert run.status_code == 200
    assert run.json()["isCached"] is False
    wire.clock.advance(30)
    assert wire.run(run.json()["id"])["status"] == "QUEUED"


def test_O11_statuses_never_say_waiting(make: Make) -> None:
    wire = make(start_after=1.0, execution_time=2.0)
    run_id = wire.trigger(payload=1).json()["id"]
    seen = [wire.run(run_id)["status"]]
    for _ in range(4):
        wire.clock.advance(1)
        seen.append(wire.run(run_id)["status"])
    assert [s for i, s in enumerate(seen) if i == 0 or s != seen[i - 1]] == ["QUEUED", "EXECUTING", "COMPLETED"]
    blocked = wire.trigger().json()["id"]
    wire.fake.state.runs[blocked].status = "WAITING"  # blocked on a waitpoint
    body = wire.run(blocked)
    assert (body["status"], body["isWaiting"], body["isExecuting"]) == ("EXECUTING", False, True)
    legacy = wire.call("GET", f"/api/v3/runs/{blocked}", version=False).json()
    assert legacy["status"] == "EXECUTING"


def test_O12_status_booleans(make: Make) -> None:
    wire = make(execution_time=5.0)
    wire.fake.task("crash", crash)
    timed_out = wire.trigger(maxDuration=2).json()["id"]
    crashed = wire.trigger("crash").json()["id"]
    cancelled = wire.trigger(delay="1h").json()["id"]
    wire.call("POST", f"/api/v2/runs/{cancelled}/cancel")
    wire.clock.advance(10)
    flags = ("isCompleted", "isFailed", "isSuccess")
    t, c, x = wire.run(timed_out), wire.run(crashed), wire.run(cancelled)
    assert (t["status"], *(t[f] for f in flags)) == ("TIMED_OUT", False, False, False)
    assert (c["status"], *(c[f] for f in flags)) == ("CRASHED", True, True, False)
    assert (x["status"], *(x[f] for f in flags)) == ("CANCELED", True, True, False)
    assert x["error"] == {"message": "Canceled by user"}
    assert x.get("finishedAt") is None
    for body in (t, c, x):
        assert (body["attempts"], body["costInCents"], body["baseCostInCents"]) == ([], 0, 0)


def test_O13_payload_and_output_are_plain_json_on_retrieve(make: Make) -> None:
    wire = make()
    wire.fake.task("dated", lambda payload: {"when": "1970-01-01T00:00:00.000Z", "big": "10", "set": [1, 2]})
    superjson = json.dumps({"json": {"when": "1970-01-01T00:00:00.000Z"}, "meta": {"values": {"when": ["Date"]}}})
    run_id = wire.trigger("dated", superjson, payloadType="application/super+json").json()["id"]
    wire.clock.advance(5)
    body = wire.run(run_id)
    assert body["payload"] == {"when": "1970-01-01T00:00:00.000Z"}
    assert body["output"] == {"when": "1970-01-01T00:00:00.000Z", "big": "10", "set": [1, 2]}
    assert "outputType" not in body


def test_O14_error_shapes(make: Make) -> None:
    wire = make(execution_time=5.0)

    def boom(payload: Any) -> Any:
        raise ValueError("boom")

    wire.fake.task("boom", boom)
    wire.fake.task("crash", crash)
    failed = wire.trigger("boom").json()["id"]
    timed_out = wire.trigger(maxDuration=1).json()["id"]
    crashed = wire.trigger("crash").json()["id"]
    wire.clock.advance(10)
    error = wire.run(failed)["error"]
    assert set(error) == {"name", "message", "stackTrace"}
    assert (error["name"], error["message"]) == ("ValueError", "boom")
    assert wire.run(timed_out)["error"] == {"message": "trigger.dev internal error (MAX_DURATION_EXCEEDED)"}
    assert wire.run(crashed)["error"] == {
        "message": "trigger.dev internal error (TASK_PROCESS_EXITED_WITH_NON_ZERO_CODE)"
    }


def test_O15_results_come_from_the_runs_not_the_result_routes(make: Make) -> None:
    wire = make()
    wire.fake.task("boom", lambda payload: 1 / 0)
    done = wire.trigger().json()["id"]
    failed = wire.trigger("boom").json()["id"]
    cancelled = wire.trigger(delay="1h").json()["id"]
    wire.call("POST", f"/api/v2/runs/{cancelled}/cancel")
    batch_id = wire.create_batch(1).json()["id"]
    assert wire.call("GET", f"/api/v1/batches/{batch_id}").json()["status"] == "PENDING"
    wire.stream_items(batch_id, [{"index": 0, "task": "t", "payload": 1}])
    wire.clock.advance(5)
    for run_id in (done, failed, "run_nope"):
        answer = wire.call("GET", f"/api/v1/runs/{run_id}/result")
        assert (answer.status_code, answer.json()) == (404, {"error": "Run either doesn't exist or is not finished"})
    assert wire.call("GET", f"/api/v1/runs/{cancelled}/result").json() == {
        "ok": False,
        "id": cancelled,
        "taskIdentifier": "t",
        "error": {"type": "INTERNAL_ERROR", "code": "TASK_RUN_CANCELLED"},
    }
    assert wire.call("GET", f"/api/v1/batches/{batch_id}/results").json() == {"id": batch_id, "items": []}


def test_O16_completing_a_token(make: Make) -> None:
    wire = make()
    token_id = wire.call("POST", "/api/v1/waitpoints/tokens", json={}).json()["id"]
    for _ in range(2):
        answer = wire.call("POST", f"/api/v1/waitpoints/tokens/{token_id}/complete", json={"data": {"approved": True}})
        assert (answer.status_code, answer.json()) == (200, {"success": True})
    token = wire.call("GET", f"/api/v1/waitpoints/tokens/{token_id}").json()
    assert (token["status"], token["outputType"]) == ("COMPLETED", "application/super+json")
    assert json.loads(token["output"]) == {"json": {"approved": True}}


def test_O17_replay_keeps_payload_tags_and_trigger_metadata(make: Make) -> None:
    wire = make()
    run_id = wire.trigger(payload={"n": 1}, tags=["a"], metadata={"step": "trigger"}, idempotencyKey="k").json()["id"]
    wire.call("PUT", f"/api/v1/runs/{run_id}/metadata", json={"metadata": {"progress": 0.5}})
    wire.clock.advance(5)
    assert wire.run(run_id)["status"] == "COMPLETED"
    replay = wire.call("POST", f"/api/v1/runs/{run_id}/replay").json()["id"]
    copy = wire.run(replay)
    assert (copy["payload"], copy["tags"], copy["metadata"]) == ({"n": 1}, ["a"], {"step": "trigger"})
    assert wire.trigger(idempotencyKey="k").json() == {"id": run_id, "isCached": True}


def test_O18_realtime_rows_are_raw_database_values(make: Make) -> None:
    wire = make(realtime_hold=2.0)
    answer = wire.trigger(payload={"seconds": 3})
    run_id, public_token = answer.json()["id"], answer.headers["x-trigger-jwt"]
    electric = {"x-trigger-electric-version": "1.0.0-beta.1"}
    first = wire.call("GET", f"/realtime/v1/runs/{run_id}", params={"offset": "-1"}, headers=electric)
    assert first.status_code == 200
    assert first.headers["electric-handle"] == f"run-{run_id.removeprefix('run_')}"
    assert "electric-offset" in first.headers
    assert "electric-schema" in first.headers
    row, control = first.json()
    assert control == {"headers": {"control": "up-to-date"}}
    assert row["headers"] == {"operation": "insert"}
    value = row["value"]
    assert (value["status"], value["isTest"], value["friendlyId"]) == ("PENDING", "f", run_id)
    assert value["payload"] == '{"seconds":3}'
    assert not value["createdAt"].endswith("Z")
    wire.clock.advance(5)
    done = wire.call(
        "GET", f"/realtime/v1/runs/{run_id}", key=public_token, params={"offset": "-1"}, headers=electric
    ).json()[0]["value"]
    assert (done["status"], json.loads(done["output"])) == ("COMPLETED_SUCCESSFULLY", {"json": {"seconds": 3}})
    legacy = wire.call("GET", f"/realtime/v1/runs/{run_id}", params={"offset": "-1"})
    assert "electric-shape-id" in legacy.headers
    assert "electric-handle" not in legacy.headers
    missing = wire.call("GET", "/realtime/v1/runs/run_nope", params={"offset": "-1"}, headers=electric)
    assert (missing.status_code, missing.json()) == (404, {"error": "Not found"})


def test_O19_streams_are_server_sent_events(make: Make) -> None:
    wire = make()
    run_id = wire.trigger().json()["id"]
    wire.fake.write_stream(run_id, "chunks", {"i": 0}, {"i": 1}, {"i": 2})
    full = wire.call("GET", f"/realtime/v1/streams/{run_id}/chunks")
    assert full.status_code == 200
    assert full.headers["content-type"].startswith("text/event-stream")
    events = [block.splitlines() for block in full.text.strip().split("\n\n")]
    assert [lines[1] for lines in events] == ['data: {"i":0}', 'data: {"i":1}', 'data: {"i":2}']
    first_id = events[0][0].removeprefix("id: ")
    resumed = wire.call("GET", f"/realtime/v1/streams/{run_id}/chunks", headers={"last-event-id": first_id})
    assert resumed.text.count("data:") == 2
    assert '{"i":0}' not in resumed.text
    unknown = wire.call("GET", f"/realtime/v1/streams/{run_id}/nope")
    assert (unknown.status_code, unknown.text) == (200, "")


def test_O19_a_stream_is_held_open_for_timeout_seconds(make: Make) -> None:
    wire = make(execution_time=0.0)
    run_id = wire.trigger().json()["id"]
    wire.fake.write_stream(run_id, "chunks", "a")
    started = wire.clock.now()
    held = wire.call("GET", f"/realtime/v1/streams/{run_id}/chunks", headers={"timeout-seconds": "3"})
    assert held.status_code == 200
    assert held.headers["x-stream-version"] == "v1"
    assert [line for line in held.text.splitlines() if line.startswith("data:")] == ['data: "a"']
    assert wire.clock.now() - started == pytest.approx(3.0)  # open after the run completed, then closed
    refused = wire.call("GET", f"/realtime/v1/streams/{run_id}/chunks", headers={"timeout-seconds": "900"})
    assert (refused.status_code, refused.text) == (400, "Timeout seconds must be less than 600")


def test_public_tokens_and_their_refusals_as_the_server_answers(make: Make) -> None:
    """api.v1.auth.jwt.claims.ts, publicTokens.server.ts, bearerCredentials.ts, apiBuilder.server.ts."""
    wire = make()
    claims = wire.call("POST", "/api/v1/auth/jwt/claims")
    assert (claims.status_code, claims.json()) == (200, {"sub": wire.fake.environment_id, "pub": True})
    bad = wire.call("POST", "/api/v1/auth/jwt/claims", key="tr_dev_nope")
    assert (bad.status_code, bad.json()) == (401, {"error": "Invalid or Missing API key"})
    minted = wire.call(
        "POST", "/api/v1/auth/public-tokens", key=wire.fake.add_api_key(), json={"scopes": ["read:tags:t"]}
    )
    token = minted.json()["token"]
    assert jwt_claims(token, wire.fake.secret_key)["scopes"] == ["read:tags:t"]
    run_id = wire.trigger(tags=["t"]).json()["id"]
    other = wire.trigger().json()["id"]
    assert wire.call("GET", f"/api/v3/runs/{run_id}", key=token).status_code == 200
    denied = wire.call("GET", f"/api/v3/runs/{other}", key=token)
    assert (denied.status_code, denied.json()) == (
        403,
        {"error": "Unauthorized", "code": "unauthorized", "param": "access_token", "type": "authorization"},
    )
    wire.clock.advance(16 * 60)  # the default lifetime is 15 minutes
    expired = wire.call("GET", f"/api/v3/runs/{run_id}", key=token)
    assert (expired.status_code, expired.json()) == (401, {"error": "Public Access Token is invalid"})
    beyond = wire.call("POST", "/api/v1/auth/public-tokens", json={"scopes": ["read:runs"], "expirationTime": "31d"})
    assert (beyond.status_code, beyond.json()) == (400, {"error": "Expiration time cannot exceed 30 days"})
