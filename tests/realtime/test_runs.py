"""Row decoding details: dates, errors, packets and their memory, stream keys."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from trigger_facade.realtime.electric import RealtimeProtocolError
from trigger_facade.realtime.runs import RunDecoder, StoredPacket, error_object, parse_row_date, row_to_run
from trigger_facade.realtime.streams import StreamReader, stream_keys

ROW = {
    "id": "c1",
    "friendlyId": "run_1",
    "taskIdentifier": "t",
    "status": "EXECUTING",
    "createdAt": "2025-01-02T03:04:05.678",
    "updatedAt": "2025-01-02T03:04:06",
}


@pytest.mark.parametrize(
    ("wire", "moment"),
    [
        ("2025-01-02T03:04:05.678", datetime(2025, 1, 2, 3, 4, 5, 678000, tzinfo=UTC)),
        ("2025-01-02 05:00:00.5", datetime(2025, 1, 2, 5, 0, 0, 500000, tzinfo=UTC)),
        ("2025-01-02 05:00:00", datetime(2025, 1, 2, 5, 0, 0, tzinfo=UTC)),
        ("2025-01-02T05:00", datetime(2025, 1, 2, 5, 0, tzinfo=UTC)),
        ("2025-01-02T05:00:00.123456789", datetime(2025, 1, 2, 5, 0, 0, 123456, tzinfo=UTC)),
    ],
)
def test_dates_are_utc_as_the_sdk_reads_them(wire: str, moment: datetime) -> None:
    assert parse_row_date(wire, "c") == moment


@pytest.mark.parametrize("wire", ["2025-01-02", "2025-01-02T03:04:05Z", "2025-01-02T03:04:05+01:00", "soon", ""])
def test_dates_the_sdk_cannot_read_raise(wire: str) -> None:
    with pytest.raises(RealtimeProtocolError):
        parse_row_date(wire, "c")


def test_defaults_for_absent_and_null_columns() -> None:
    run = row_to_run(ROW)
    assert run == {
        "id": "run_1",
        "createdAt": datetime(2025, 1, 2, 3, 4, 5, 678000, tzinfo=UTC),
        "updatedAt": datetime(2025, 1, 2, 3, 4, 6, tzinfo=UTC),
        "taskIdentifier": "t",
        "status": "EXECUTING",
        "payload": None,
        "output": None,
        "durationMs": 0,
        "costInCents": 0,
        "baseCostInCents": 0,
        "tags": [],
        "idempotencyKey": None,
        "expiredAt": None,
        "finishedAt": None,
        "startedAt": None,
        "delayedUntil": None,
        "queuedAt": None,
        "error": None,
        "isTest": False,
        "metadata": None,
        "realtimeStreams": [],
    }


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (
            {"type": "BUILT_IN_ERROR", "name": "TypeError", "message": "x", "stackTrace": "at y"},
            {"name": "TypeError", "message": "x", "stackTrace": "at y"},
        ),
        ({"type": "STRING_ERROR", "raw": "Max duration exceeded"}, {"message": "Max duration exceeded"}),
        ({"type": "CUSTOM_ERROR", "raw": '{"a":1}'}, {"message": '{"a":1}'}),
        (
            {"type": "INTERNAL_ERROR", "code": "TASK_RUN_HEARTBEAT_TIMEOUT"},
            {"message": "trigger.dev internal error (TASK_RUN_HEARTBEAT_TIMEOUT)"},
        ),
        (
            {
                "type": "INTERNAL_ERROR",
                "code": "TASK_PROCESS_EXITED_WITH_NON_ZERO_CODE",
                "message": "exit after SIGKILL",
            },
            {"message": "trigger.dev internal error (TASK_PROCESS_MAYBE_OOM_KILLED)"},
        ),
        (
            {
                "type": "BUILT_IN_ERROR",
                "name": "UnexpectedExitError",
                "message": "Unexpected exit with code -1",
                "stackTrace": "SIGSEGV",
            },
            {"message": "trigger.dev internal error (TASK_PROCESS_SIGSEGV)"},
        ),
        (
            {
                "type": "BUILT_IN_ERROR",
                "name": "UnexpectedExitError",
                "message": "Unexpected exit with code -1",
                "stackTrace": "",
            },
            {"message": "trigger.dev internal error (TASK_PROCESS_EXITED_WITH_NON_ZERO_CODE)"},
        ),
        (
            {
                "type": "BUILT_IN_ERROR",
                "name": "OutOfMemoryError",
                "message": "MANUAL_OOM_KILL_ERROR",
                "stackTrace": "s",
            },
            {"message": "trigger.dev internal error (TASK_PROCESS_OOM_KILLED)"},
        ),
        (
            {
                "type": "BUILT_IN_ERROR",
                "name": "TriggerApiError",
                "message": "Deadlock detected: a->b",
                "stackTrace": "s",
            },
            {"name": "Concurrency Deadlock Error", "message": "Deadlock detected: a->b", "stackTrace": ""},
        ),
    ],
)
def test_errors_as_the_sdk_shows_them(error: dict[str, Any], shown: dict[str, Any]) -> None:
    assert error_object(error) == shown
    assert row_to_run({**ROW, "error": error})["error"] == shown


def test_packets_by_type() -> None:
    row = {**ROW, "payload": "hi", "payloadType": "text/plain", "output": '{"n":12345678901234567890}'}
    run = row_to_run({**row, "outputType": "application/json", "metadata": "", "metadataType": "application/json"})
    assert run["payload"] == "hi"
    assert run["output"] == {"n": 12345678901234567890}  # every digit kept, unlike JavaScript
    assert run["metadata"] is None  # empty metadata stays undefined
    assert row_to_run({**row, "outputType": None})["output"] is None  # no type: not decoded
    assert row_to_run({**row, "payloadType": "application/x-unknown"})["payload"] == "hi"
    assert row_to_run({**ROW, "payload": "", "payloadType": "application/json"})["payload"] is None


def test_superjson_packets_keep_their_types() -> None:
    text = (
        '{"json":{"at":"2025-01-02T03:00:00.000Z","n":"9007199254740993"},'
        '"meta":{"values":{"at":["Date"],"n":["bigint"]}}}'
    )
    run = row_to_run({**ROW, "metadata": text, "metadataType": "application/super+json"})
    assert run["metadata"] == {"at": datetime(2025, 1, 2, 3, tzinfo=UTC), "n": 9007199254740993}
    with pytest.raises(RealtimeProtocolError, match="metadata"):
        row_to_run({**ROW, "metadata": "[1", "metadataType": "application/super+json"})


def test_stored_outputs_are_fetched_once_per_change() -> None:
    fetched: list[StoredPacket] = []

    def resolve(packet: StoredPacket) -> Any:
        fetched.append(packet)
        return {"n": len(fetched)}

    decoder = RunDecoder(resolve)
    row = {**ROW, "output": "packets/p/run_1/output.json", "outputType": "application/store"}
    assert decoder.decode(row)["output"] == {"n": 1}
    assert decoder.decode({**row, "status": "COMPLETED_SUCCESSFULLY"})["output"] == {"n": 1}
    assert decoder.decode({**row, "output": "packets/p/run_1/output2.json"})["output"] == {"n": 2}
    assert fetched == [
        StoredPacket("run_1", "output", "packets/p/run_1/output.json"),
        StoredPacket("run_1", "output", "packets/p/run_1/output2.json"),
    ]


def test_stream_keys_prefer_the_metadata_list() -> None:
    assert stream_keys({"metadata": {"$$streams": ["a", "b"]}, "realtimeStreams": ["c"]}) == ["a", "b"]
    assert stream_keys({"metadata": {"$$streams": []}, "realtimeStreams": ["c"]}) == ["c"]
    assert stream_keys({"metadata": {"$$streams": ["a", 1]}, "realtimeStreams": ["c"]}) == ["c"]
    assert stream_keys({"metadata": None, "realtimeStreams": []}) == []


def test_stream_requests_and_argument_checks() -> None:
    reader = StreamReader("run 1", "my/key", timeout_seconds=600, start_index=3)
    request = reader.next_request()
    assert request.path == "/realtime/v1/streams/run%201/my%2Fkey"
    assert dict(request.headers) == {"accept": "text/event-stream", "last-event-id": "2", "timeout-seconds": "600"}
    session = StreamReader.for_session("conv/1", "in").next_request()
    assert session.path == "/realtime/v1/sessions/conv%2F1/in"
    from trigger_facade.errors import InvalidInputError

    for bad in (
        {"timeout_seconds": 0},
        {"timeout_seconds": 601},
        {"start_index": -1},
        {"last_event_id": ""},
        {"last_event_id": "5", "start_index": 2},
    ):
        with pytest.raises(InvalidInputError):
            StreamReader("run_1", "k", **bad)
    with pytest.raises(InvalidInputError):
        StreamReader("", "k")
    with pytest.raises(InvalidInputError):
        StreamReader.for_session("s", "sideways")


def test_from_latest_is_asked_again_until_a_chunk_arrives() -> None:
    reader = StreamReader("run_1", "k", from_latest=True)
    assert reader.next_request().headers["x-trigger-stream-start"] == "latest"
    reader.handle_status(200, {})
    reader.connection_lost()
    assert reader.next_request().headers["x-trigger-stream-start"] == "latest"
    reader.handle_status(200, {})
    assert [c.data for c in reader.feed(b"id: 9-0\ndata: 1\n\n")] == [1]
    reader.connection_lost()
    headers = reader.next_request().headers
    assert "x-trigger-stream-start" not in headers
    assert headers["last-event-id"] == "9-0"  # no start to replay from: continue after the last id


def test_a_finished_reader_refuses_more_requests() -> None:
    reader = StreamReader("run_1", "k")
    reader.next_request()
    reader.handle_status(200, {})
    assert reader.end_of_body() is None
    with pytest.raises(RealtimeProtocolError, match="ended"):
        reader.next_request()
