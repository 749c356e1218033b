"""client.sessions on the wire: create, list, retrieve, update, close, end-and-continue, and the channels."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from trigger_facade import InvalidInputError

from .harness import Recorder, call, collect, make_client, ok

SESSION: dict[str, Any] = {
    "id": "session_1",
    "type": "chat",
    "taskIdentifier": "agent",
    "tags": ["t"],
    "createdAt": "2026-01-01T00:00:00.000Z",
    "updatedAt": "2026-01-01T00:00:00.000Z",
    "externalId": "conv-9",
}


def test_create_sends_the_servers_names(mode: str) -> None:
    rec = Recorder(
        {
            ("POST", "/api/v1/sessions"): ok(
                {**SESSION, "runId": "run_1", "publicAccessToken": "eyJ.x.y", "isCached": False}, status=201
            )
        }
    )
    created = call(
        make_client(mode, rec),
        "sessions.create",
        type="chat",
        task_identifier="agent",
        trigger_config={"basePayload": {"model": "m"}, "machine": "small-1x"},
        external_id="conv-9",
        tags=["t"],
        metadata={"user": 1},
    )
    assert (created.id, created.run_id) == ("session_1", "run_1")
    assert rec.json() == {
        "type": "chat",
        "taskIdentifier": "agent",
        "triggerConfig": {"basePayload": {"model": "m"}, "machine": "small-1x"},
        "externalId": "conv-9",
        "tags": ["t"],
        "metadata": {"user": 1},
    }


def test_list_retrieve_update_close(mode: str) -> None:
    page = {"data": [SESSION], "pagination": {}}
    rec = Recorder(
        {
            ("GET", "/api/v1/sessions"): ok(page),
            ("GET", "/api/v1/sessions/conv-9"): ok(SESSION),
            ("PATCH", "/api/v1/sessions/session_1"): ok({**SESSION, "tags": ["u"]}),
            ("POST", "/api/v1/sessions/session_1/close"): ok({**SESSION, "closedReason": "done"}),
        }
    )
    client = make_client(mode, rec)
    listed = collect(client, "sessions.list", type="chat", status=["ACTIVE"], tag="t", period="1d", page_size=10)
    assert [s.id for s in listed] == ["session_1"]
    assert dict(rec.requests[0].url.params) == {
        "filter[type]": "chat",
        "filter[status]": "ACTIVE",
        "filter[tags]": "t",
        "filter[createdAt][period]": "1d",
        "page[size]": "10",
    }
    assert call(client, "sessions.retrieve", "conv-9").external_id == "conv-9"
    assert call(client, "sessions.update", "session_1", tags=["u"]).tags == ["u"]
    assert rec.json() == {"tags": ["u"]}
    assert call(client, "sessions.close", "session_1", reason="done").closed_reason == "done"
    assert rec.json() == {"reason": "done"}


def test_end_and_continue_is_not_repeated_after_it_may_have_acted(mode: str) -> None:
    calls = []

    def lost(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise httpx.ReadError("answer lost", request=request)

    rec = Recorder({("POST", "/api/v1/sessions/session_1/end-and-continue"): lost})
    with pytest.raises(Exception, match="may have acted") as info:
        call(make_client(mode, rec), "sessions.end_and_continue", "session_1", reason="next")
    assert getattr(info.value, "may_have_succeeded", None) is True
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"type": "chat", "task_identifier": "agent", "trigger_config": {}}, "basePayload"),
        ({"type": "chat", "task_identifier": "agent", "trigger_config": {"basePayload": {}, "x": 1}}, "unknown keys"),
        ({"type": "", "task_identifier": "agent", "trigger_config": {"basePayload": {}}}, "type"),
    ],
)
def test_bad_session_input_is_refused_before_any_request(mode: str, kwargs: dict[str, Any], message: str) -> None:
    rec = Recorder()
    with pytest.raises(InvalidInputError, match=message):
        call(make_client(mode, rec), "sessions.create", **kwargs)
    assert rec.requests == []


def test_a_channel_reads_as_a_stream(mode: str) -> None:
    record = {
        "seq_num": 0,
        "timestamp": 1,
        "headers": [],
        "body": json.dumps({"data": {"text": "hi"}, "id": "abcdefg"}),
    }
    body = f"event: batch\ndata: {json.dumps({'records': [record]})}\n\n".encode()
    rec = Recorder(
        {
            ("GET", "/realtime/v1/sessions/session_1/out"): httpx.Response(
                200, content=body, headers={"content-type": "text/event-stream", "x-stream-version": "v2"}
            )
        }
    )
    chunks = collect(make_client(mode, rec), "sessions.read", "session_1", "out", idle_timeout=5)
    assert [c.data for c in chunks] == [{"text": "hi"}]
    assert rec.requests[0].headers["accept"] == "text/event-stream"
