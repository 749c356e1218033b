"""client.runs on the wire (sync and async)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from trigger_facade import (
    ConfigurationError,
    InvalidInputError,
    NotFoundError,
    QueueRef,
    ResponseValidationError,
    Run,
    RunWaitTimeoutError,
)
from trigger_facade.testing import FakeClock
from trigger_facade.types import AddRunTagsResult, CancelRunResult, ReplayRunResult

from .harness import LIST_ITEM, RUN, Recorder, call, collect, make_client, ok


def test_retrieve_sends_get_to_v3_and_parses(mode: str) -> None:
    rec = Recorder({("GET", "/api/v3/runs/run_1"): ok({**RUN, "payload": [1, "a"], "output": "done"})})
    run = call(make_client(mode, rec), "runs.retrieve", "run_1")
    assert isinstance(run, Run)
    assert (run.id, run.status, run.task_identifier) == ("run_1", "COMPLETED", "my-task")
    assert run.payload == [1, "a"]
    assert run.output == "done"
    assert run.created_at == datetime(2026, 1, 1, tzinfo=UTC)
    assert run.updated_at == datetime(2026, 1, 1, 0, 0, 1, tzinfo=UTC)
    assert (run.attempt_count, run.depth, run.duration_ms, run.trigger_function) == (1, 0, 0, "trigger")
    assert (run.tags, run.is_test, run.error, run.finished_at, run.version) == ([], False, None, None, None)
    assert rec.last.method == "GET"
    assert rec.last.content == b""


@pytest.mark.parametrize(
    ("run_id", "raw_path"),
    [
        ("a/b", b"/api/v3/runs/a%2Fb"),
        ("../x", b"/api/v3/runs/..%2Fx"),
        ("q?x=1#f", b"/api/v3/runs/q%3Fx%3D1%23f"),
        ("sp ace%", b"/api/v3/runs/sp%20ace%25"),
        ("ünï", b"/api/v3/runs/%C3%BCn%C3%AF"),
    ],
)
def test_ids_stay_in_one_path_segment(mode: str, run_id: str, raw_path: bytes) -> None:
    rec = Recorder()
    rec.routes[("GET", httpx.URL("http://x" + raw_path.decode()).path)] = ok(RUN)
    call(make_client(mode, rec), "runs.retrieve", run_id)
    assert rec.last.url.raw_path == raw_path


def test_unknown_status_is_not_terminal_and_never_raises(mode: str) -> None:
    rec = Recorder({("GET", "/api/v3/runs/run_1"): ok({**RUN, "status": "BRAND_NEW"})})
    run = call(make_client(mode, rec), "runs.retrieve", "run_1")
    assert run.status == "BRAND_NEW"
    assert run.model is None  # the deprecated generated model knows only the statuses of its time
    assert run.task_identifier == "my-task"
    flags = [run.is_terminal, run.is_queued, run.is_executing, run.is_waiting, run.is_success, run.is_failed]
    assert flags == [False] * 6


def test_body_that_does_not_fit_the_spec_keeps_the_raw_body(mode: str) -> None:
    bad = {**RUN, "createdAt": "not a date"}
    rec = Recorder({("GET", "/api/v3/runs/run_1"): ok(bad)})
    with pytest.raises(ResponseValidationError) as info:
        call(make_client(mode, rec), "runs.retrieve", "run_1")
    assert info.value.body == bad
    assert info.value.status_code == 200


def _page(items: list[dict[str, Any]], next_cursor: str | None = None) -> httpx.Response:
    return ok({"data": items, "pagination": {"next": next_cursor} if next_cursor else {}})


def test_list_sends_flat_bracket_filters(mode: str) -> None:
    rec = Recorder({("GET", "/api/v1/runs"): _page([LIST_ITEM])})
    client = make_client(mode, rec)
    runs = collect(
        client,
        "runs.list",
        status=["COMPLETED", "FAILED"],
        task_identifier=["a", "b"],
        tag="t1",
        version="20250101.1",
        queue=[QueueRef.task("my-task"), QueueRef.custom("emails")],
        machine=["small-1x"],
        region="eu-central-1",
        batch="batch_1",
        schedule="sched_1",
        is_test=False,
        created_after=datetime.fromtimestamp(1_700_000_000, UTC),
        created_before=1_700_000_100_000,
        page_size=50,
    )
    assert [r.id for r in runs] == ["run_1"]
    assert dict(rec.last.url.params) == {
        "page[size]": "50",
        "filter[createdAt][from]": "1700000000000",
        "filter[createdAt][to]": "1700000100000",
        "filter[status]": "COMPLETED,FAILED",
        "filter[taskIdentifier]": "a,b",
        "filter[version]": "20250101.1",
        "filter[schedule]": "sched_1",
        "filter[isTest]": "false",
        "filter[tag]": "t1",
        "filter[batch]": "batch_1",
        "filter[queue]": "task/my-task,emails",
        "filter[machine]": "small-1x",
        "filter[region]": "eu-central-1",
    }
    assert b"filter%5Bstatus%5D=COMPLETED%2CFAILED" in rec.last.url.query


def test_list_follows_cursors_keeping_filters_and_skips_boundary_repeats(mode: str) -> None:
    second = {**LIST_ITEM, "id": "run_2"}
    pages = [_page([LIST_ITEM], "cur_1"), _page([LIST_ITEM, second], None)]
    rec = Recorder({("GET", "/api/v1/runs"): lambda _req: pages.pop(0)})
    runs = collect(make_client(mode, rec), "runs.list", period="7d", page_size=10)
    assert [r.id for r in runs] == ["run_1", "run_2"]
    assert [dict(r.url.params) for r in rec.requests] == [
        {"page[size]": "10", "filter[createdAt][period]": "7d"},
        {"page[size]": "10", "page[after]": "cur_1", "filter[createdAt][period]": "7d"},
    ]


def test_list_limit_stops_early(mode: str) -> None:
    items = [{**LIST_ITEM, "id": f"run_{i}"} for i in range(5)]
    rec = Recorder({("GET", "/api/v1/runs"): _page(items, "more")})
    runs = collect(make_client(mode, rec), "runs.list", limit=3)
    assert [r.id for r in runs] == ["run_0", "run_1", "run_2"]
    assert len(rec.requests) == 1


def test_list_is_lazy(mode: str) -> None:
    rec = Recorder({("GET", "/api/v1/runs"): _page([])})
    make_client(mode, rec).runs.list(status="QUEUED")
    assert rec.requests == []


def test_project_runs_use_the_project_route_with_a_personal_token(mode: str) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        env = request.url.params["filter[env]"]
        return _page([{**LIST_ITEM, "id": f"run_{env}"}])

    rec = Recorder({("GET", "/api/v1/projects/proj_1/runs"): answer})
    client = make_client(mode, rec, secret_key="tr_pat_abcdefghijklmnop")
    runs = collect(client, "runs.list", project_ref="proj_1", env=["dev", "prod"])
    # the server lists only the first of several environments (W2): one listing per environment
    assert [dict(r.url.params) for r in rec.requests] == [{"filter[env]": "dev"}, {"filter[env]": "prod"}]
    assert [run.id for run in runs] == ["run_dev", "run_prod"]
    assert rec.last.headers["authorization"] == "Bearer tr_pat_abcdefghijklmnop"


def test_project_runs_need_an_environment(mode: str) -> None:
    # without filter[env] the server answers 500 (W2): refused before the network
    rec = Recorder()
    client = make_client(mode, rec, secret_key="tr_pat_abcdefghijklmnop")
    with pytest.raises(InvalidInputError, match="needs env="):
        client.runs.list(project_ref="proj_1")
    assert rec.requests == []


def test_project_runs_refuse_an_environment_key(mode: str) -> None:
    rec = Recorder()
    with pytest.raises(ConfigurationError, match="personal access token"):
        make_client(mode, rec).runs.list(project_ref="proj_1")
    assert rec.requests == []


def test_environment_calls_refuse_a_personal_token(mode: str) -> None:
    rec = Recorder()
    client = make_client(mode, rec, secret_key="tr_pat_abcdefghijklmnop")
    with pytest.raises(ConfigurationError, match="environment secret key"):
        call(client, "runs.retrieve", "run_1")
    assert rec.requests == []


def test_project_runs_need_a_project_ref(mode: str) -> None:
    client = make_client(mode, Recorder(), secret_key="tr_pat_abcdefghijklmnop")
    with pytest.raises(ConfigurationError, match="TRIGGER_PROJECT_REF"):
        client.runs.list(env="dev")


@pytest.mark.parametrize(
    ("method", "http_method", "path", "answer", "expected"),
    [
        ("cancel", "POST", "/api/v2/runs/run_1/cancel", {"id": "run_1"}, CancelRunResult("run_1")),
        ("replay", "POST", "/api/v1/runs/run_1/replay", {"id": "run_2"}, ReplayRunResult("run_2")),
        # the server sends the stored column, a JSON string (server-truth W1, O1)
        (
            "retrieve_metadata",
            "GET",
            "/api/v1/runs/run_1/metadata",
            {"metadata": '{"k":1}', "metadataType": "application/json"},
            {"k": 1},
        ),
    ],
)
def test_simple_run_operations(
    mode: str, method: str, http_method: str, path: str, answer: dict[str, Any], expected: Any
) -> None:
    rec = Recorder({(http_method, path): ok(answer)})
    assert call(make_client(mode, rec), f"runs.{method}", "run_1") == expected
    assert rec.last.method == http_method
    assert rec.last.url.path == path
    assert rec.last.content == b""


def test_reschedule_sends_the_delay(mode: str) -> None:
    rec = Recorder({("POST", "/api/v1/runs/run_1/reschedule"): ok({**RUN, "status": "DELAYED"})})
    run = call(make_client(mode, rec), "runs.reschedule", "run_1", delay="1h")
    assert run.status == "DELAYED"
    assert rec.json() == {"delay": "1h"}


def test_reschedule_accepts_an_aware_datetime(mode: str) -> None:
    rec = Recorder({("POST", "/api/v1/runs/run_1/reschedule"): ok(RUN)})
    call(make_client(mode, rec), "runs.reschedule", "run_1", delay=datetime(2030, 1, 1, tzinfo=UTC))
    assert rec.json() == {"delay": "2030-01-01T00:00:00.000Z"}


def test_add_tags_and_update_metadata(mode: str) -> None:
    rec = Recorder(
        {
            ("POST", "/api/v1/runs/run_1/tags"): ok({"message": "ok"}),
            ("PUT", "/api/v1/runs/run_1/metadata"): ok({"metadata": {"step": 2}}),
        }
    )
    client = make_client(mode, rec)
    assert call(client, "runs.add_tags", "run_1", ["a", "b"]) == AddRunTagsResult("ok")
    assert rec.json() == {"tags": ["a", "b"]}
    assert call(client, "runs.update_metadata", "run_1", {"step": 2}) == {"step": 2}
    assert rec.json() == {"metadata": {"step": 2}}


def test_events_trace_span(mode: str) -> None:
    rec = Recorder(
        {
            ("GET", "/api/v1/runs/run_1/events"): ok({"events": [{"spanId": "s1", "message": "hi"}]}),
            ("GET", "/api/v1/runs/run_1/trace"): ok({"trace": {"traceId": "t1"}}),
            ("GET", "/api/v1/runs/run_1/spans/s1"): ok({"spanId": "s1", "extra": 1}),
        }
    )
    client = make_client(mode, rec)
    assert call(client, "runs.events", "run_1").events[0].span_id == "s1"
    assert call(client, "runs.trace", "run_1").trace.trace_id == "t1"
    span = call(client, "runs.span", "run_1", "s1")
    assert span.span_id == "s1"
    assert span.additional_properties == {"extra": 1}


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({**RUN, "status": "COMPLETED", "output": {"n": 42}}, ("COMPLETED", True, {"n": 42}, None)),
        (
            {**RUN, "status": "FAILED", "error": {"name": "Error", "message": "boom"}},
            ("FAILED", False, None, {"name": "Error", "message": "boom"}),
        ),
        (
            {**RUN, "status": "CANCELED", "error": {"message": "Canceled by user"}},
            ("CANCELED", False, None, {"message": "Canceled by user"}),
        ),
    ],
)
def test_result_comes_from_the_run_itself(mode: str, answer: dict[str, Any], expected: tuple[Any, ...]) -> None:
    # /api/v1/runs/{id}/result answers 404 for every finished v4 run (server-truth O15): never asked
    rec = Recorder({("GET", "/api/v3/runs/run_1"): ok(answer)})
    result = call(make_client(mode, rec), "runs.result", "run_1")
    assert (result.status, result.ok, result.output, result.error) == expected
    assert [r.url.path for r in rec.requests] == ["/api/v3/runs/run_1"]


def test_result_is_none_while_unfinished(mode: str) -> None:
    rec = Recorder({("GET", "/api/v3/runs/run_1"): ok({**RUN, "status": "EXECUTING"})})
    assert call(make_client(mode, rec), "runs.result", "run_1") is None


@pytest.mark.parametrize(
    "final", ["COMPLETED", "FAILED", "CANCELED", "CRASHED", "SYSTEM_FAILURE", "EXPIRED", "TIMED_OUT"]
)
def test_wait_stops_on_every_terminal_status(mode: str, final: str) -> None:
    answers = [ok({**RUN, "status": "QUEUED"}), ok({**RUN, "status": "EXECUTING"}), ok({**RUN, "status": final})]
    rec = Recorder({("GET", "/api/v3/runs/run_1"): answers})
    clock = FakeClock()
    run = call(make_client(mode, rec, clock=clock), "runs.wait", "run_1", timeout=60)
    assert run.status == final
    assert run.is_terminal
    assert len(rec.requests) == 3
    assert clock.sleeps == [1.0, 1.5]


def test_wait_backs_off_to_the_ceiling_and_times_out(mode: str) -> None:
    rec = Recorder({("GET", "/api/v3/runs/run_1"): ok({**RUN, "status": "EXECUTING"})})
    clock = FakeClock()
    client = make_client(mode, rec, clock=clock)
    with pytest.raises(RunWaitTimeoutError) as info:
        call(client, "runs.wait", "run_1", timeout=30, poll_interval=1, max_poll_interval=4)
    assert info.value.last_status == "EXECUTING"
    assert clock.sleeps[:5] == [1.0, 1.5, 2.25, 3.375, 4.0]
    assert max(clock.sleeps) == 4.0
    assert sum(clock.sleeps) <= 30


def test_watch_yields_each_change_once(mode: str) -> None:
    statuses = ["QUEUED", "QUEUED", "EXECUTING", "EXECUTING", "COMPLETED"]
    answers = [ok({**RUN, "status": s, "updatedAt": "2026-01-01T00:00:01.000Z"}) for s in statuses]
    rec = Recorder({("GET", "/api/v3/runs/run_1"): answers})
    seen = collect(make_client(mode, rec), "runs.watch", "run_1")
    assert [r.status for r in seen] == ["QUEUED", "EXECUTING", "COMPLETED"]
    assert len(rec.requests) == 5


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"status": ["DONE"]}, "unknown run statuses"),
        ({"page_size": 0}, "page_size=0 must be between 1 and 100"),
        ({"page_size": 101}, "between 1 and 100"),
        ({"period": "7 days"}, "period="),
        ({"created_after": datetime(2026, 1, 1)}, "naive datetime"),
        ({"machine": "huge"}, "machine='huge' must be one of"),
        ({"period": "1d", "created_after": 1}, "cannot be combined"),
        ({"is_test": "no"}, "is_test must be True or False"),
        ({"tag": ["a,b"]}, "without commas"),
        ({"limit": -1}, "limit=-1"),
    ],
)
def test_list_refuses_bad_filters_before_any_request(mode: str, kwargs: dict[str, Any], message: str) -> None:
    rec = Recorder()
    with pytest.raises(InvalidInputError, match=message):
        make_client(mode, rec).runs.list(**kwargs)
    assert rec.requests == []


@pytest.mark.parametrize("bad_id", ["", "   ", None, 42, "a\nb"])
def test_bad_run_ids_are_refused(mode: str, bad_id: Any) -> None:
    rec = Recorder()
    with pytest.raises(InvalidInputError, match="run_id"):
        call(make_client(mode, rec), "runs.retrieve", bad_id)
    assert rec.requests == []


def test_not_found_is_typed(mode: str) -> None:
    rec = Recorder({("GET", "/api/v3/runs/run_x"): ok({"error": "Run not found"}, status=404)})
    with pytest.raises(NotFoundError, match="Run not found") as info:
        call(make_client(mode, rec), "runs.retrieve", "run_x")
    assert info.value.status_code == 404
    assert info.value.body == {"error": "Run not found"}


def test_retrieve_builds_no_generated_model(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # the answer is checked against the spec once; the Run reads its fields from the JSON on first use
    from trigger_api.models.retrieve_run_response import RetrieveRunResponse

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("runs.retrieve parsed the generated model")

    monkeypatch.setattr(RetrieveRunResponse, "from_dict", refuse)
    rec = Recorder({("GET", "/api/v3/runs/run_1"): ok({**RUN, "output": {"n": 1}, "metadata": {"k": "v"}})})
    run = call(make_client(mode, rec), "runs.retrieve", "run_1")
    assert "output" not in vars(run)  # not converted until read
    assert (run.output, run.metadata) == ({"n": 1}, {"k": "v"})
    assert vars(run)["output"] == {"n": 1}  # then kept


def test_a_feed_run_is_the_same_type_with_the_rest_none() -> None:
    from trigger_facade.sansio.run_feeds import feed_run

    snapshot = {
        "id": "run_1",
        "taskIdentifier": "t",
        "status": "EXECUTING",
        "createdAt": datetime(2026, 1, 1, tzinfo=UTC),
        "updatedAt": datetime(2026, 1, 1, 0, 0, 2, tzinfo=UTC),
        "durationMs": 5,
        "tags": ["a"],
        "isTest": False,
        "error": None,
    }
    run = feed_run(snapshot)
    assert isinstance(run, Run)
    assert run.updated_at == datetime(2026, 1, 1, 0, 0, 2, tzinfo=UTC)
    assert run.data["createdAt"] == "2026-01-01T00:00:00.000Z"
    assert (run.attempt_count, run.depth, run.version, run.error, run.duration_ms) == (None, None, None, None, 5)
    assert (run.is_executing, run.is_terminal) == (True, False)


def test_evolve_replaces_members_and_leaves_the_original() -> None:
    run = Run.parse({**RUN, "payloadPresignedUrl": "https://s/p"})
    fetched = run.evolve(payload={"big": True})
    assert (fetched.payload, run.payload) == ({"big": True}, None)
    assert fetched.payload_presigned_url == "https://s/p"
