"""`trigger TASK` without --payload sends no payload at all (as the official SDK does); `--payload null` sends null."""

from __future__ import annotations

import json

import httpx
import pytest

from .helpers import CLIENT_VARIABLES, cli


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[httpx.Request]:
    for name in CLIENT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TRIGGER_SECRET_KEY", "tr_dev_abcdefghijklmnopqrstuvwx")
    monkeypatch.setenv("TRIGGER_API_URL", "https://api.test")
    return []


def trigger(sent: list[httpx.Request], *argv: str) -> dict[str, object]:
    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"id": "run_1", "isCached": False})  # as the server answers

    code, out, err = cli("trigger", "my-task", *argv, transport=httpx.MockTransport(answer))
    assert (code, out, err) == (0, "run_1\n", "")
    request = sent[-1]
    assert (request.method, request.url.path) == ("POST", "/api/v1/tasks/my-task/trigger")
    body: dict[str, object] = json.loads(request.content)
    return body


def test_no_payload_flag_sends_no_payload(sent: list[httpx.Request]) -> None:
    body = trigger(sent, "--tag", "t")
    assert "payload" not in body
    options = body["options"]
    assert isinstance(options, dict)
    assert options["payloadType"] == "application/json"
    assert options["payloadSize"] == 0
    assert options["tags"] == ["t"]


@pytest.mark.parametrize(
    ("flag", "payload", "payload_type"),
    [
        ("null", '{"json":null}', "application/super+json"),
        ("{}", '{"json":{}}', "application/super+json"),
        ('"text"', "text", "text/plain"),
    ],
)
def test_an_explicit_payload_is_sent(sent: list[httpx.Request], flag: str, payload: str, payload_type: str) -> None:
    body = trigger(sent, "--payload", flag)
    assert body["payload"] == payload
    options = body["options"]
    assert isinstance(options, dict)
    assert options["payloadType"] == payload_type
