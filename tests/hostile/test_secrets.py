"""Issue 11.1: nothing reachable from what we raise holds the key; keys and URLs with secrets are refused."""

from __future__ import annotations

import logging
import pickle
from typing import Any

import pytest

from trigger_facade import (
    APIConnectionError,
    APIStatusError,
    ConfigurationError,
    InternalServerError,
    ResponseValidationError,
    TriggerClient,
)
from trigger_facade.testing import FakeClock

from .harness import KEY, assert_no_secret, raised
from .server import answer, hostile_server, json_answer, stall


def _retrieve(client: Any) -> Any:
    return client.runs.retrieve("run_1")


@pytest.mark.parametrize(
    ("behaviour", "expected"),
    [
        (json_answer(500, '{"error":"boom"}'), InternalServerError),
        (json_answer(200, '{"id": null}'), ResponseValidationError),
        (answer(200, b"not json", {"content-type": "application/json"}), ResponseValidationError),
        (stall(5), APIConnectionError),
    ],
    ids=["status", "validation", "not-json", "timeout"],
)
def test_errors_hold_no_key_anywhere(mode: str, behaviour: Any, expected: type[Exception]) -> None:
    with hostile_server({("GET", "/api/v3/runs/run_1"): behaviour}) as server:
        error = raised(mode, _retrieve, base_url=server.url, max_retries=1, timeout=0.5, clock=FakeClock())
    assert isinstance(error, expected)
    # the server did get the key: the test would be empty otherwise
    assert server.seen[0].headers["authorization"] == f"Bearer {KEY}"
    assert_no_secret(error, KEY)


def test_status_errors_keep_status_headers_and_body_through_pickle(mode: str) -> None:
    behaviour = json_answer(404, '{"error":"Not found"}', {"x-request-id": "req_9"})
    with hostile_server({("GET", "/api/v3/runs/run_1"): behaviour}) as server:
        error = raised(mode, _retrieve, base_url=server.url, max_retries=0)
    assert isinstance(error, APIStatusError)
    assert error.response.request.headers["authorization"] == "[redacted]"
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert type(copy) is type(error)
    assert (copy.status_code, copy.body, copy.request_id, str(copy)) == (
        404,
        {"error": "Not found"},
        "req_9",
        str(error),
    )
    assert copy.response.status_code == 404


@pytest.mark.parametrize(
    "key", ["tr_dev_abc\ndef", "tr_dev_abc def", "tr_dev_abcdéf", "tr_dev_abc\x00", "\u201ctr_dev_x\u201d"]
)
def test_keys_with_stray_characters_are_refused_without_echo(key: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        TriggerClient(secret_key=key, environ={})
    assert key.strip() not in str(info.value)
    assert "abc" not in str(info.value)


def test_user_info_in_the_base_url_is_refused_without_echo(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ConfigurationError) as info:
        TriggerClient(secret_key=KEY, base_url="http://admin:hunter2@127.0.0.1:9/", environ={})
    assert "hunter2" not in str(info.value)
    assert "hunter2" not in caplog.text
