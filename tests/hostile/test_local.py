"""Issue 11.4 and 11.6: local failures are local; every path parameter goes through one check."""

from __future__ import annotations

import time

import pytest

from trigger_facade import (
    APIConnectionError,
    ConfigurationError,
    InvalidInputError,
    ResponseValidationError,
    TriggerClient,
)

from .harness import KEY, raised, run_json
from .server import hostile_server, json_answer


@pytest.mark.parametrize(
    "url", ["gopher://127.0.0.1/x", "file:///etc/passwd", "ftp://host/x", "//no-scheme", "http://"]
)
def test_an_unusable_presigned_url_is_refused_once(mode: str, url: str) -> None:
    route = {("GET", "/api/v3/runs/run_1"): json_answer(200, run_json(status="COMPLETED", outputPresignedUrl=url))}
    with hostile_server(route) as server:
        started = time.monotonic()
        error = raised(mode, lambda c: c.runs.retrieve("run_1"), base_url=server.url)
    assert isinstance(error, ResponseValidationError)
    assert time.monotonic() - started < 1.0  # not retried with backoff
    assert server.count("GET", "/api/v3/runs/run_1") == 1


def test_plain_http_storage_is_refused_for_an_https_api() -> None:
    import httpx

    from trigger_facade._transport import check_presigned_url

    with pytest.raises(ResponseValidationError, match="plain HTTP"):
        check_presigned_url("http://bucket.example/x", httpx.URL("https://api.trigger.dev"))
    assert (
        str(check_presigned_url("https://bucket.example/x", httpx.URL("https://api.trigger.dev")))
        == "https://bucket.example/x"
    )


def test_a_header_that_cannot_be_sent_fails_at_once_and_never_reached_the_server(mode: str) -> None:
    with hostile_server() as server:
        started = time.monotonic()
        error = raised(
            mode, lambda c: c.runs.retrieve("run_1"), base_url=server.url, default_headers={"x-extra": "a\r\nb"}
        )
    assert isinstance(error, APIConnectionError)
    assert error.may_have_succeeded is False
    assert "never reached the server" in str(error)
    assert time.monotonic() - started < 1.0
    assert server.seen == []


@pytest.mark.parametrize("branch", ["feature\nx", "a b", "caf\u00e9"])
def test_branches_that_cannot_be_a_header_are_refused(branch: str) -> None:
    with pytest.raises(ConfigurationError, match="preview_branch"):
        TriggerClient(secret_key="tr_preview_abc", preview_branch=branch, environ={})


@pytest.mark.parametrize("ref", ["..", ".", "proj/../x", "pr\noj"])
def test_project_refs_that_are_not_one_segment_are_refused(ref: str) -> None:
    with pytest.raises(ConfigurationError, match="project_ref"):
        TriggerClient(secret_key=KEY, project_ref=ref, environ={})


@pytest.mark.parametrize("ref", ["..", ".", ""])
def test_a_per_call_project_ref_goes_through_the_same_check(mode: str, ref: str) -> None:
    with hostile_server() as server:
        error = raised(mode, lambda c: c.envvars.list(env="dev", project_ref=ref), base_url=server.url)
    assert isinstance(error, InvalidInputError)
    assert server.seen == []


@pytest.mark.parametrize("run_id", ["..", ".", "", "a\x00b"])
def test_path_parameters_are_checked_once_for_every_operation(mode: str, run_id: str) -> None:
    """The check in the request path (spec template vs built URL) catches what a resource forgot."""
    from trigger_api.api.runs import retrieve_run_v1

    with hostile_server() as server:
        error = raised(
            mode, lambda c: c.runs._request(retrieve_run_v1._get_kwargs, dict, run_id=run_id), base_url=server.url
        )
    assert isinstance(error, InvalidInputError)
    assert "runId" in str(error)
    assert server.seen == []


def test_sending_to_an_input_stream_is_not_repeated_after_it_may_have_arrived(mode: str) -> None:
    """A repeat would deliver the input twice, and nothing dedupes it: one attempt, then the typed error."""
    from .server import stall

    with hostile_server({("POST", "/realtime/v1/streams/run_1/input/answers"): stall(2)}) as server:
        error = raised(
            mode, lambda c: c.runs.send_input("run_1", "answers", {"ok": 1}), base_url=server.url, timeout=0.5
        )
    assert isinstance(error, APIConnectionError)
    assert error.may_have_succeeded is True
    assert "not retried" in str(error)
    assert server.count("POST", "/realtime/v1/streams/run_1/input/answers") == 1
