"""The fake's semantics, through the facade (in-process) and through raw requests where the facade
would refuse the input first. Every exchange is also checked against the spec (tests/conftest.py)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from trigger_facade import (
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    QueueRef,
    RateLimitError,
    UnprocessableEntityError,
)
from trigger_facade.testing import FakeClock, FakeTrigger, Faults, TokenBucket


def raw(fake: FakeTrigger, method: str, path: str, *, key: str | None = None, **kwargs: Any) -> httpx.Response:
    """A request with nothing but the key (and the API version), to reach the fake's own checks."""
    headers = {"authorization": f"Bearer {key or fake.secret_key}", "x-trigger-api-version": "2025-07-16"}
    headers.update(kwargs.pop("headers", {}))
    with httpx.Client(transport=httpx.MockTransport(fake.handle), base_url="https://fake.local") as http:
        return http.request(method, path, headers=headers, **kwargs)


def test_runs_move_through_their_lifecycle_on_the_clock(fake: FakeTrigger, clock: FakeClock) -> None:
    fake.task("double", lambda payload: payload * 2)
    client = fake.client(clock=clock)
    run_id = client.tasks.trigger("double", 21).id
    assert client.runs.retrieve(run_id).status == "QUEUED"
    fake.advance(1.0)
    running = client.runs.retrieve(run_id)
    assert (running.status, running.is_executing) == ("EXECUTING", True)
    fake.advance(2.0)
    done = client.runs.retrieve(run_id)
    assert (done.status, done.output, done.is_success) == ("COMPLETED", 42, True)
    # server-truth O15: the result route answers 404 for every finished v4 run (it was 200 here before)
    assert raw(fake, "GET", f"/api/v1/runs/{run_id}/result").status_code == 404


def test_a_raising_handler_fails_the_run(fake: FakeTrigger, clock: FakeClock) -> None:
    def broken(payload: Any) -> Any:
        raise RuntimeError("no disk")

    fake.task("broken", broken)
    client = fake.client(clock=clock)
    run_id = client.tasks.trigger("broken", {}).id
    fake.advance(5)
    run = client.runs.retrieve(run_id)
    assert run.status == "FAILED"
    # server-truth O14: name, message and a stack trace (the fake used to send no stackTrace)
    assert run.error is not None
    assert (run.error["name"], run.error["message"]) == ("RuntimeError", "no disk")
    assert "RuntimeError: no disk" in run.error["stackTrace"]


def test_wait_polls_the_fake_until_done(fake: FakeTrigger, clock: FakeClock) -> None:
    client = fake.client(clock=clock)
    run_id = client.tasks.trigger("echo", {"x": 1}).id
    run = client.runs.wait(run_id, timeout=60)
    assert run.output == {"x": 1}
    assert sum(clock.sleeps) >= 3.0


def test_delayed_runs_start_at_their_time_and_can_be_rescheduled(fake: FakeTrigger, clock: FakeClock) -> None:
    client = fake.client(clock=clock)
    run_id = client.tasks.trigger("t", 1, delay="1h").id
    assert client.runs.retrieve(run_id).status == "DELAYED"
    client.runs.reschedule(run_id, delay="2h")
    fake.advance(3600 + 1)
    assert client.runs.retrieve(run_id).status == "DELAYED"
    fake.advance(3600 + 1.5)  # due at 2 h, starts 1 s later, runs for 2 s
    assert client.runs.retrieve(run_id).status == "EXECUTING"
    # server-truth W6: a 400, not the 422 this test expected before
    with pytest.raises(BadRequestError, match="Cannot reschedule a run that is not delayed"):
        client.runs.reschedule(run_id, delay="1h")


def test_ttl_expires_an_unstarted_run(clock: FakeClock) -> None:
    fake = FakeTrigger(clock=clock, start_after=120)
    client = fake.client(clock=clock)
    run_id = client.tasks.trigger("t", 1, ttl="1m").id
    fake.advance(61)
    run = client.runs.retrieve(run_id)
    assert run.status == "EXPIRED"
    assert run.is_terminal


def test_an_unparseable_delay_is_ignored_like_the_server(fake: FakeTrigger) -> None:
    answer = raw(fake, "POST", "/api/v1/tasks/t/trigger", json={"payload": 1, "options": {"delay": "1.5h"}})
    run = raw(fake, "GET", f"/api/v3/runs/{answer.json()['id']}").json()
    assert run["status"] == "QUEUED"


def test_idempotency_per_task_and_freed_by_failure(fake: FakeTrigger, clock: FakeClock) -> None:
    fake.task("flaky", lambda payload: 1 / 0)
    client = fake.client(clock=clock)
    first = client.tasks.trigger("flaky", 1, idempotency_key="k")
    again = client.tasks.trigger("flaky", 1, idempotency_key="k")
    assert again.id == first.id
    assert again.is_cached
    other_task = client.tasks.trigger("other", 1, idempotency_key="k")
    assert other_task.id != first.id
    fake.advance(10)
    assert client.runs.retrieve(first.id).status == "FAILED"
    retried = client.tasks.trigger("flaky", 1, idempotency_key="k")
    assert retried.id != first.id
    assert not retried.is_cached


def test_idempotency_key_ttl_and_reset(fake: FakeTrigger, clock: FakeClock) -> None:
    client = fake.client(clock=clock)
    first = client.tasks.trigger("t", 1, idempotency_key="k", idempotency_key_ttl="1m")
    fake.advance(61)
    assert client.tasks.trigger("t", 1, idempotency_key="k").id != first.id
    second = client.tasks.trigger("t", 1, idempotency_key="j")
    assert client.idempotency_keys.reset("t", "j") is True
    assert client.tasks.trigger("t", 1, idempotency_key="j").id != second.id


def test_the_request_idempotency_header_is_accepted_and_dedupes_nothing(fake: FakeTrigger) -> None:
    # server-truth O4: the running server never replays by this header (this test asserted a replay before)
    headers = {"x-trigger-request-idempotency-key": "9a1c2e4f-0b6d-4c8e-9f10-2a3b4c5d6e7f"}
    one = raw(fake, "POST", "/api/v1/tasks/t/trigger", json={"payload": 1}, headers=headers)
    two = raw(fake, "POST", "/api/v1/tasks/t/trigger", json={"payload": 1}, headers=headers)
    assert (one.status_code, two.status_code) == (200, 200)
    assert one.json()["id"] != two.json()["id"]
    assert len(fake.runs) == 2


def test_status_vocabulary_follows_the_api_version_header(fake: FakeTrigger, clock: FakeClock) -> None:
    client = fake.client(clock=clock)
    token = client.tasks.trigger("t", 1).id
    fake.runs[token].status = "DEQUEUED"
    assert client.runs.retrieve(token).status == "DEQUEUED"
    with httpx.Client(transport=httpx.MockTransport(fake.handle)) as http:
        legacy = http.get(f"https://f/api/v3/runs/{token}", headers={"authorization": f"Bearer {fake.secret_key}"})
    assert legacy.json()["status"] == "EXECUTING"


def test_tags_are_capped_at_ten(fake: FakeTrigger) -> None:
    client = fake.client()
    run_id = client.tasks.trigger("t", 1, tags=[f"t{i}" for i in range(9)]).id
    client.runs.add_tags(run_id, ["a"])
    with pytest.raises(UnprocessableEntityError, match="at most 10 tags"):
        client.runs.add_tags(run_id, ["b"])


def test_cancel_replay_metadata(fake: FakeTrigger, clock: FakeClock) -> None:
    client = fake.client(clock=clock)  # a missing run is retried (x-should-retry: true): on the fake clock
    run_id = client.tasks.trigger("t", {"p": 1}, metadata={"step": 1}).id
    assert client.runs.retrieve_metadata(run_id) == {"step": 1}
    assert client.runs.update_metadata(run_id, {"step": 2}) == {"step": 2}
    assert client.runs.cancel(run_id).id == run_id
    assert client.runs.retrieve(run_id).status == "CANCELED"
    new_id = client.runs.replay(run_id).id
    assert new_id != run_id
    assert client.runs.retrieve(new_id).payload == {"p": 1}
    with pytest.raises(NotFoundError):
        client.runs.retrieve("run_missing")


def test_list_pages_with_opaque_cursors_and_filters(fake: FakeTrigger) -> None:
    client = fake.client()
    ids = [client.tasks.trigger("a" if i % 2 else "b", i, tags=["even"] if i % 2 == 0 else []).id for i in range(30)]
    everything = list(client.runs.list(page_size=7))
    assert [r.id for r in everything] == list(reversed(ids))
    pages = list(client.runs.list(page_size=7).pages())
    assert [len(p.data) for p in pages] == [7, 7, 7, 7, 2]
    assert all(not str(p.next_cursor).isdigit() for p in pages[:-1])
    assert {r.task_identifier for r in client.runs.list(task_identifier="a")} == {"a"}
    assert len(list(client.runs.list(tag="even"))) == 15
    assert raw(fake, "GET", "/api/v1/runs", params={"page[size]": "500"}).status_code == 400


def test_project_runs_need_a_personal_token(fake: FakeTrigger) -> None:
    fake.client().tasks.trigger("t", 1)
    pat = fake.client(secret_key=fake.personal_token, project_ref=fake.project_ref)
    assert len(list(pat.runs.list(project_ref=fake.project_ref, env=["dev"]))) == 1
    assert list(pat.runs.list(project_ref=fake.project_ref, env="prod")) == []
    assert raw(fake, "GET", f"/api/v1/projects/{fake.project_ref}/runs").status_code == 401
    assert raw(fake, "GET", "/api/v1/runs", key=fake.personal_token).status_code == 401
    assert raw(fake, "GET", "/api/v1/runs", key="tr_dev_wrong").status_code == 401


def test_two_phase_batches_dedupe_by_index_and_seal(fake: FakeTrigger) -> None:
    created = raw(fake, "POST", "/api/v3/batches", json={"runCount": 3, "taskIdentifiers": ["t"]}).json()
    lines = [b'{"index":0,"task":"t","payload":0}', b'{"index":1,"task":"t","payload":1}']
    headers = {"content-type": "application/x-ndjson"}
    first = raw(
        fake, "POST", f"/api/v3/batches/{created['id']}/items", content=b"\n".join(lines), headers=headers
    ).json()
    assert (first["itemsAccepted"], first["sealed"]) == (2, False)
    assert (first["enqueuedCount"], first["expectedCount"]) == (2, 3)
    assert fake.state.runs == {}  # server-truth F3: no run is made during the stream's request
    lines.append(b'{"index":2,"task":"t","payload":2}')
    second = raw(
        fake, "POST", f"/api/v3/batches/{created['id']}/items", content=b"\n".join(lines), headers=headers
    ).json()
    assert (second["itemsAccepted"], second["itemsDeduplicated"], second["sealed"]) == (1, 2, True)
    assert second["runCount"] == 3
    # server-truth F3: the batch queue made the first two runs since; the third comes after this answer
    assert len(fake.state.runs) == 2
    assert len(fake.runs) == 3
    batch = fake.client().batch.retrieve(created["id"])
    assert (batch.status, len(batch.runs)) == ("COMPLETED", 3)
    wrong_type = raw(
        fake, "POST", f"/api/v3/batches/{created['id']}/items", content=b"{}", headers={"content-type": "text/plain"}
    )
    assert wrong_type.status_code == 415
    assert raw(fake, "POST", "/api/v3/batches", json={"runCount": 1001}).status_code == 400


def test_batch_idempotency_and_results(fake: FakeTrigger) -> None:
    # server-truth O5 and O15 (this test expected a cached 202 and two results before)
    body = {"runCount": 2, "taskIdentifiers": ["t"], "idempotencyKey": "b1"}
    first = raw(fake, "POST", "/api/v3/batches", json=body)
    assert (first.status_code, first.json()["isCached"]) == (202, False)
    again = raw(fake, "POST", "/api/v3/batches", json=body)
    assert again.status_code == 422
    assert again.json() == {
        "error": "Cannot create batch as it has already been created with the same idempotency key."
    }
    lines = b'{"index":0,"task":"t","payload":1}\n{"index":1,"task":"u","payload":2}'
    raw(
        fake,
        "POST",
        f"/api/v3/batches/{first.json()['id']}/items",
        content=lines,
        headers={"content-type": "application/x-ndjson"},
    )
    fake.advance(5)
    results = raw(fake, "GET", f"/api/v1/batches/{first.json()['id']}/results").json()
    assert results == {"id": first.json()["id"], "items": []}


def test_v1_and_v2_batch_endpoints(fake: FakeTrigger) -> None:
    items = [{"task": "t", "payload": 1}, {"task": "u", "payload": 2}]
    v1 = raw(fake, "POST", "/api/v1/tasks/batch", json={"items": items})
    assert v1.status_code == 202
    assert [r["taskIdentifier"] for r in v1.json()["runs"]] == ["t", "u"]
    v2 = raw(fake, "POST", "/api/v2/tasks/batch", json={"items": items})
    assert v2.json()["runCount"] == 2
    assert raw(fake, "POST", "/api/v1/tasks/batch", json={"items": items * 251}).status_code == 400


def test_schedules_offset_paging_and_dedup(fake: FakeTrigger) -> None:
    # server-truth F6: only a scheduled task takes schedules; the fake learns which ones from the test
    fake.scheduled_task("t")
    client = fake.client()
    for i in range(5):
        client.schedules.create(task="t", cron="0 9 * * *", deduplication_key=f"k{i}")
    again = client.schedules.create(task="t", cron="0 10 * * *", deduplication_key="k0")
    assert again.generator.expression == "0 10 * * *"
    assert len(client.schedules.list(per_page=2).to_list()) == 5
    assert client.schedules.deactivate(again.id).active is False
    assert client.schedules.timezones(exclude_utc=True)[0] != "UTC"
    with pytest.raises(UnprocessableEntityError, match="timezone"):
        client.schedules.create(task="t", cron="0 9 * * *", deduplication_key="z", timezone="Mars/Olympus")


def test_envvars_per_environment(fake: FakeTrigger) -> None:
    client = fake.client(project_ref=fake.project_ref)
    client.envvars.upload({"A": "1", "B": "2"}, env="dev")
    # server-truth F2: without override an existing name refuses the whole import (it was skipped before)
    with pytest.raises(BadRequestError, match="already set"):
        client.envvars.upload({"A": "changed", "C": "3"}, env="dev")
    assert client.envvars.retrieve("A", env="dev").value == "1"
    client.envvars.upload({"A": "changed"}, env="dev", override=True)
    assert client.envvars.retrieve("A", env="dev").value == "changed"
    client.envvars.create("SECRET", "s3", env="dev", is_secret=True)
    listed = {v.name: v for v in client.envvars.list(env="dev")}
    assert listed["SECRET"].value == "<redacted>"  # F2 (the fake sent "" before)
    assert listed["SECRET"].is_secret is True
    # W11: a secret key naming another environment silently works on its own (it was a 400 here before)
    wrong_env = raw(fake, "GET", f"/api/v1/projects/{fake.project_ref}/envvars/prod")
    assert wrong_env.status_code == 200
    assert {v["name"] for v in wrong_env.json()} == {"A", "B", "SECRET"}
    pat = fake.client(secret_key=fake.personal_token, project_ref=fake.project_ref)
    pat.envvars.create("P", "1", env="prod")
    assert [v.name for v in pat.envvars.list(env="prod")] == ["P"]


def test_queues_pause_holds_runs(fake: FakeTrigger, clock: FakeClock) -> None:
    client = fake.client(clock=clock)
    fake.task("slow", lambda payload: payload)
    queue = client.queues.pause(QueueRef.task("slow"))
    assert queue.paused is True
    run_id = client.tasks.trigger("slow", 1).id
    fake.advance(10)
    assert client.runs.retrieve(run_id).status == "QUEUED"
    client.queues.resume(queue.id)
    fake.advance(1)
    assert client.runs.retrieve(run_id).status == "EXECUTING"
    assert client.queues.override_concurrency_limit(queue.id, 5).concurrency_limit == 5
    assert client.queues.reset_concurrency_limit(queue.id).concurrency_limit is None
    custom = client.tasks.trigger("slow", 1, queue="emails/priority")
    assert custom.id
    assert client.queues.retrieve(QueueRef.custom("emails/priority")).name == "emails/priority"


def test_waitpoint_tokens_complete_callback_and_timeout(fake: FakeTrigger, clock: FakeClock) -> None:
    client = fake.client(clock=clock)
    token = client.waitpoints.create_token(timeout="10m", tags=["approval"])
    client.waitpoints.complete_token(token.id, {"approved": True})
    done = client.waitpoints.retrieve_token(token.id)
    assert (done.status, done.output) == ("COMPLETED", {"approved": True})
    by_url = client.waitpoints.create_token()
    client.waitpoints.complete_token_by_url(by_url.url, {"from": "webhook"})
    assert client.waitpoints.retrieve_token(by_url.id).output == {"from": "webhook"}
    late = client.waitpoints.create_token(timeout="1m")
    fake.advance(61)
    assert client.waitpoints.retrieve_token(late.id).status == "TIMED_OUT"
    assert {t.status for t in client.waitpoints.list_tokens(status="COMPLETED")} == {"COMPLETED"}
    assert (
        client.waitpoints.create_token(idempotency_key="same").id
        == client.waitpoints.create_token(idempotency_key="same").id
    )
    forged = by_url.url.rsplit("/", 1)[0] + "/forged"
    assert raw(fake, "POST", httpx.URL(forged).path, json={}).status_code == 401


def test_deployments_and_bulk_actions(fake: FakeTrigger) -> None:
    client = fake.client()
    # recordings: a dev environment starts with no deployment (the fake used to invent one)
    assert client.deployments.list().to_list() == []
    fake.deploy("20250101.1")
    assert client.deployments.current().version == "20250101.1"
    assert [d.version for d in client.deployments.list()] == ["20250101.1"]
    assert client.deployments.promote("20250101.1").version == "20250101.1"
    with pytest.raises(NotFoundError):
        client.deployments.promote("1999")
    ids = [client.tasks.trigger("t", i).id for i in range(3)]
    bulk_id = client.bulk_actions.cancel(run_ids=ids[:2]).id
    bulk = client.bulk_actions.retrieve(bulk_id)
    assert (bulk.counts.total, bulk.counts.success) == (2, 2)
    assert client.runs.retrieve(ids[0]).status == "CANCELED"
    assert client.runs.retrieve(ids[2]).status != "CANCELED"
    assert [b.id for b in client.bulk_actions.list()] == [bulk_id]


def test_trql_subset_and_clear_errors(fake: FakeTrigger) -> None:
    client = fake.client()
    for i in range(3):
        client.tasks.trigger("q", i)
    client.tasks.trigger("other", 0)
    rows = client.query.execute(
        "SELECT run_id, task_identifier FROM runs WHERE task_identifier = 'q' ORDER BY run_id DESC LIMIT 2"
    )
    assert len(rows) == 2
    assert set(rows[0]) == {"run_id", "task_identifier"}
    csv_text = client.query.execute("SELECT task_identifier FROM runs WHERE task_identifier = 'other'", format="csv")
    assert csv_text == "task_identifier\nother\n"
    with pytest.raises(BadRequestError, match="Unknown column 'nope'"):
        client.query.execute("SELECT nope FROM runs")
    with pytest.raises(BadRequestError, match="Unsupported query"):
        client.query.execute("DELETE FROM runs")


def test_rate_limiter_sends_headers_and_429(clock: FakeClock) -> None:
    fake = FakeTrigger(clock=clock, rate_limit=TokenBucket(burst=2, refill_per_second=1))
    first = raw(fake, "GET", "/api/v1/runs")
    assert first.headers["x-ratelimit-limit"] == "2"
    assert first.headers["x-ratelimit-remaining"] == "1"
    raw(fake, "GET", "/api/v1/runs")
    limited = raw(fake, "GET", "/api/v1/runs")
    assert limited.status_code == 429
    assert int(limited.headers["x-ratelimit-reset"]) >= int(clock.now() * 1000)
    client = fake.client(clock=clock, max_retries=0)
    with pytest.raises(RateLimitError):
        client.runs.retrieve("run_x")
    client = fake.client(clock=clock)
    with pytest.raises(NotFoundError):
        client.runs.retrieve("run_x")  # waits for the bucket (on the fake clock), then gets through
    assert clock.sleeps


def test_faults_5xx_and_dropped_connections(clock: FakeClock) -> None:
    fake = FakeTrigger(clock=clock, faults=Faults(error_5xx=1.0, error_5xx_burst=2))
    client = fake.client(clock=clock, max_retries=1)
    with pytest.raises(InternalServerError):
        client.tasks.trigger("t", 1)
    assert fake.runs == {}
    dropping = FakeTrigger(clock=clock, faults=Faults(drop_after_work=1.0))
    handle_client = dropping.client(clock=clock, max_retries=3)
    from trigger_facade import APIConnectionError

    with pytest.raises(APIConnectionError) as info:
        handle_client.tasks.trigger("t", 1)
    assert info.value.may_have_succeeded
    assert len(dropping.runs) == 1  # the work happened once, though every answer was lost


def test_unknown_key_is_401(fake: FakeTrigger) -> None:
    client = fake.client(secret_key="tr_dev_notthefakeskeyatall000")
    with pytest.raises(AuthenticationError, match="Invalid API key"):  # O10's exact text
        client.runs.retrieve("run_1")
