"""Every recorded output-stream read, replayed through StreamReader, against the official SDK's
requests and chunks (sdk-vectors-realtime.json, section realtimeStreams)."""

from __future__ import annotations

from typing import Any

import pytest

from trigger_facade.realtime.streams import StreamReader, input_send_request, parse_input_send_response

from .streams_helpers import Splitter, at, bytewise, replay_feed, whole
from .vectors import streams_vector

READERS = {
    "fetchStream.v1.resume": lambda: StreamReader("run_s1", "my-stream"),
    "streams.read.v2.resume": lambda: StreamReader("run_s2", "ai", timeout_seconds=30),
    "streams.read.startIndex": lambda: StreamReader("run_s3", "ai", start_index=5, timeout_seconds=60),
    "streams.read.fromLatest": lambda: StreamReader("run_s4", from_latest=True, timeout_seconds=60),
    "fetchStream.404": lambda: StreamReader("run_s5", "missing"),
    "fetchStream.v2.errorEventThenResume": lambda: StreamReader("run_s6", "ai"),
    "fetchStream.401": lambda: StreamReader("run_s9", "ai"),
    "fetchStream.503ThenOk": lambda: StreamReader("run_s7", "ai"),
}
OUR_HEADERS = ("accept", "last-event-id", "timeout-seconds", "x-trigger-stream-start")

# Where we differ from the SDK on purpose (see trigger_facade/realtime/stream_records.py, V1Cursor):
# v1 resumes two distinct ids back, or from the read's own start while it has seen fewer, and passes
# over what it already handed out, so an entry holding several lines is not cut short; the SDK
# resumes after the last id.
OUR_LAST_EVENT_ID: dict[tuple[str, int], str | None] = {("fetchStream.v1.resume", 1): None}
# v2 envelope ids are deduplicated across reconnects; the SDK yields the writer's duplicate again.
SDK_ONLY_YIELDS = {"streams.read.v2.resume": [2]}


@pytest.mark.parametrize("split", [whole, bytewise, at(1), at(7, 8, 9)], ids=["whole", "bytewise", "at1", "at7-9"])
@pytest.mark.parametrize("name", sorted(READERS))
def test_stream_replay_matches_the_sdk(name: str, split: Splitter) -> None:
    vector = streams_vector(name)
    reader = READERS[name]()
    requests, chunks = replay_feed(reader, vector["feed"], split)

    assert len(requests) == len(vector["requests"])
    for i, (ours, recorded) in enumerate(zip(requests, vector["requests"], strict=True)):
        assert (ours.method, ours.path) == (recorded["method"], recorded["path"])
        expected = {k: v for k, v in recorded["headers"].items() if k in OUR_HEADERS}
        if (name, i) in OUR_LAST_EVENT_ID:
            resumed = OUR_LAST_EVENT_ID[(name, i)]
            expected.pop("last-event-id", None)
            if resumed is not None:
                expected["last-event-id"] = resumed
        assert dict(ours.headers) == expected

    yielded = [v for i, v in enumerate(vector["yielded"]) if i not in SDK_ONLY_YIELDS.get(name, [])]
    assert [c.data for c in chunks] == yielded
    if "error" in vector:
        assert reader.fatal_status == vector["error"]["status"]
        assert reader.done
    else:
        assert reader.fatal_status is None


def test_v1_chunks_carry_their_ids_and_the_resume_cursor() -> None:
    reader = READERS["fetchStream.v1.resume"]()
    _, chunks = replay_feed(reader, streams_vector("fetchStream.v1.resume")["feed"])
    assert [c.event_id for c in chunks] == [
        "1735787046000-0",
        "1735787046001-0",
        "1735787046002-0",
        "1735787046002-1",
    ]
    assert chunks[0].timestamp == 1735787046000
    assert reader.last_event_id == "1735787046002-1"
    assert reader.done


def test_v2_skips_commands_but_advances_and_keeps_record_headers() -> None:
    reader = READERS["streams.read.v2.resume"]()
    requests, chunks = replay_feed(reader, streams_vector("streams.read.v2.resume")["feed"])
    assert requests[1].headers["last-event-id"] == "2"  # the trim command at seq 2 advanced the cursor
    assert [c.event_id for c in chunks] == ["0", "1", "4", "5", "6"]
    assert chunks[3].headers == (("trigger-control", "turn-complete"),)
    assert [c.envelope_id for c in chunks] == ["a1b2c3d", "e4f5g6h", "i7j8k9l", None, None]
    assert reader.last_event_id == "6"


def test_503_is_retried_with_backoff_and_the_counter_resets_on_a_chunk() -> None:
    reader = StreamReader("run_s7", "ai")
    opened = reader.handle_status(503, {"content-type": "text/plain"})
    assert not opened.ok
    assert opened.retry_in is not None
    assert 0.05 <= opened.retry_in <= 0.1
    second = reader.handle_status(502, {})
    assert second.retry_in is not None
    assert 0.1 <= second.retry_in <= 0.2


def test_input_stream_send_is_the_sdks_request() -> None:
    vector = next(v for v in streams_vector_list() if v["name"] == "inputStream.send")
    recorded = vector["requests"][0]
    from datetime import UTC, datetime

    request = input_send_request(
        "run_s8", "approval", {"approved": True, "reviewer": "alice", "at": datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)}
    )
    assert (request["method"], request["url"]) == (recorded["method"], recorded["path"])
    assert request["content"] == recorded["body"].encode()
    assert request["headers"] == {"content-type": "application/json"}
    assert parse_input_send_response({"ok": True}) is True


def streams_vector_list() -> list[dict[str, Any]]:
    from .vectors import load

    return list(load()["realtimeStreams"])
