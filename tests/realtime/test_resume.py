"""Dropping the connection at every byte of a stream loses no chunk and repeats none.

The servers here are models of the webapp's two stream backends (apps/webapp/app/services/
realtime/redisRealtimeStreams.server.ts and s2realtimeStreams.server.ts): v1 turns Redis entries
(arbitrary pieces of the writer's text, so one entry may hold several lines or part of one) into
one event per line, tagged with the id of the entry that completed the line, and resumes after the
Last-Event-ID entry with an empty line buffer; v2 replays records from seq_num Last-Event-ID + 1.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from trigger_facade.realtime.streams import StreamChunk, StreamReader

# --- v1 -------------------------------------------------------------------------------------------


def _redis_key(event_id: str) -> tuple[int, int]:
    ms, _, seq = event_id.partition("-")
    return int(ms), int(seq or 0)


def v1_body(entries: list[tuple[str, str]], last_event_id: str | None) -> bytes:
    after = _redis_key(last_event_id) if last_event_id else (-1, -1)
    out, buffer, last_id = [], "", None
    for entry_id, text in entries:
        if _redis_key(entry_id) <= after:
            continue
        buffer += text
        *lines, buffer = buffer.split("\n")
        out += [f"id: {entry_id}\ndata: {line}\n\n" for line in lines if line.strip()]
        last_id = entry_id
        if len(out) % 3 == 1:
            out.append(": ping\n\n")
    if buffer.strip():  # the inactivity close flushes an unterminated line
        out.append(f"id: {last_id}\ndata: {buffer.strip()}\n\n")
    return "".join(out).encode()


def v1_entries(lines: list[str], cuts: list[int]) -> list[tuple[str, str]]:
    text = "".join(line + "\n" for line in lines)
    points = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
    return [(f"{1000 + i}-{i % 2}", text[a:b]) for i, (a, b) in enumerate(itertools.pairwise(points))]


def read_with_drops(make_body: Any, reader: StreamReader, drops: list[int]) -> list[StreamChunk]:
    """Serve the stream, cutting connection n after drops[n] bytes; the last one runs to its end."""
    chunks: list[StreamChunk] = []
    for drop in [*drops, None]:
        request = reader.next_request()
        body = make_body(request.headers.get("last-event-id"))
        opened = reader.handle_status(200, {"content-type": "text/event-stream", **version_header(reader)})
        assert opened.ok
        if drop is None:
            chunks += reader.feed(body)
            assert reader.end_of_body() is None
            break
        chunks += reader.feed(body[:drop])
        reader.connection_lost()
    assert reader.done
    return chunks


def version_header(reader: StreamReader) -> dict[str, str]:
    return {"x-stream-version": "v2"} if getattr(reader, "_is_v2_test", False) else {}


LINES = [json.dumps({"i": i, "delta": token}) for i, token in enumerate(["Hel", "lo", " wor", "ld", "!", "é😀", "."])]


def expected_values(lines: list[str]) -> list[Any]:
    return [json.loads(line) for line in lines]


def test_v1_one_line_per_entry_every_drop_point() -> None:
    entries = [(f"{1000 + i}-0", line + "\n") for i, line in enumerate(LINES)]
    full = v1_body(entries, None)
    for drop in range(len(full) + 1):
        chunks = read_with_drops(lambda last, e=entries: v1_body(e, last), StreamReader("run_1", "s"), [drop])
        assert [c.data for c in chunks] == expected_values(LINES), drop


def test_v1_entries_holding_several_lines_and_split_lines_every_drop_point() -> None:
    # where the SDK's "resume after the last id" loses the rest of an entry
    entries = v1_entries(LINES, [5, 30, 31, 70, 71, 72, 140])
    assert any(text.count("\n") > 1 for _, text in entries)
    assert any(not text.endswith("\n") for _, text in entries)
    full = v1_body(entries, None)
    for drop in range(len(full) + 1):
        chunks = read_with_drops(lambda last, e=entries: v1_body(e, last), StreamReader("run_1", "s"), [drop])
        assert [c.data for c in chunks] == expected_values(LINES), drop


def test_v1_an_entry_that_starts_with_the_newline_of_the_line_before() -> None:
    text = "".join(line + "\n" for line in LINES)
    first_newline = text.index("\n")
    second_newline = text.index("\n", first_newline + 1)
    entries = v1_entries(LINES, [first_newline, second_newline - 3])
    assert entries[1][1].startswith("\n")  # its first event carries the line entry 0 began
    full = v1_body(entries, None)
    for drop in range(len(full) + 1):
        chunks = read_with_drops(lambda last, e=entries: v1_body(e, last), StreamReader("run_1", "s"), [drop])
        assert [c.data for c in chunks] == expected_values(LINES), drop


def test_v1_an_entry_starting_with_a_newline_then_the_same_line_again() -> None:
    # entry 1 completes line 1 with its first byte and then repeats it: resuming after entry 0
    # replays one copy only, which no reader can tell from a repeat of the first
    lines = [LINES[0], LINES[1], LINES[1], LINES[2], LINES[3]]
    text = "".join(line + "\n" for line in lines)
    second_newline = text.index("\n", text.index("\n") + 1)
    entries = v1_entries(lines, [second_newline, text.index("\n", second_newline + 1) + 1])
    assert entries[1][1] == "\n" + LINES[1] + "\n"
    full = v1_body(entries, None)
    for first in range(len(full) + 1):
        for second in range(0, len(full) + 1, 7):
            reader = StreamReader("run_1", "s")
            chunks = read_with_drops(lambda last, e=entries: v1_body(e, last), reader, [first, second])
            assert [c.data for c in chunks] == expected_values(lines), (first, second)


FALSIFIED_LINES = ["", "", "00", "00", "0\x1f\x1f\x1f\U00010000\U00010000", "00\x1f\x1f\x1f\r\x07\U00010000", ""]


def test_v1_a_line_completed_by_the_next_entrys_first_byte_is_not_handed_out_twice() -> None:
    # the example hypothesis found: entry 1 is "\n" + line 6 + "\n", so both lines 5 and 6 carry its
    # id; resuming after entry 0 replays line 6 alone, which the reader took for new
    lines = [json.dumps({"i": i, "t": t}) for i, t in enumerate(FALSIFIED_LINES)]
    entries = v1_entries(lines, [194])
    assert [entry_id for entry_id, _ in entries] == ["1000-0", "1001-1"]
    assert entries[1][1] == "\n" + lines[6] + "\n"
    reader = StreamReader("run_1", "s")
    requests: list[str | None] = []

    def body(last: str | None) -> bytes:
        requests.append(last)
        return v1_body(entries, last)

    chunks = read_with_drops(body, reader, [339])
    assert [c.data for c in chunks] == expected_values(lines)
    assert [c.event_id for c in chunks] == ["1000-0"] * 5 + ["1001-1"] * 2
    assert requests == [None, None]  # two ids seen: the read starts again from its start


def test_v1_resumes_two_ids_back_once_it_has_seen_three() -> None:
    entries = [(f"{1000 + i}-0", line + "\n") for i, line in enumerate(LINES[:4])]
    reader = StreamReader("run_1", "s")
    full = v1_body(entries, None)
    reader.handle_status(200, {"content-type": "text/event-stream"})
    assert len(reader.feed(full[: full.index(b"id: 1003-0")])) == 3
    reader.connection_lost()
    assert reader.next_request().headers["last-event-id"] == "1000-0"
    reader.handle_status(200, {"content-type": "text/event-stream"})
    assert [c.data for c in reader.feed(v1_body(entries, "1000-0"))] == expected_values(LINES[3:4])


# repeated lines are drawn often: a line replayed cut, or left out, must not read as its twin
LINE_TEXT = st.one_of(
    st.sampled_from(["", "0"]), st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12)
)


@settings(max_examples=3000, deadline=None)
@given(
    lines=st.lists(LINE_TEXT, min_size=1, max_size=8),
    cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=8),
    drops=st.lists(st.integers(min_value=0, max_value=600), max_size=4),
)
@example(lines=FALSIFIED_LINES, cuts=[194], drops=[339])
def test_v1_any_entries_any_drops(lines: list[str], cuts: list[int], drops: list[int]) -> None:
    lines = [json.dumps({"i": i, "t": t}) for i, t in enumerate(lines)]
    entries = v1_entries(lines, cuts)
    chunks = read_with_drops(lambda last: v1_body(entries, last), StreamReader("run_1", "s"), drops)
    assert [c.data for c in chunks] == expected_values(lines)


# --- v2 -------------------------------------------------------------------------------------------


def v2_records(values: list[Any], commands: set[int]) -> list[dict[str, Any]]:
    """Records for `values`, with an S2 command record before each value index in `commands`."""
    records: list[dict[str, Any]] = []
    for index, value in enumerate([*values, None]):
        if index in commands:
            records.append({"seq_num": len(records), "timestamp": 1, "headers": [["", "trim"]], "body": ""})
        if index < len(values):
            body = json.dumps({"data": value, "id": f"id{index:05d}"})
            records.append({"seq_num": len(records), "timestamp": 1, "headers": [], "body": body})
    return records


def v2_body(records: list[dict[str, Any]], last_event_id: str | None, per_batch: int = 2) -> bytes:
    start = int(last_event_id.split("-")[0]) + 1 if last_event_id else 0
    todo = [r for r in records if r["seq_num"] >= start]
    out = []
    for i in range(0, len(todo), per_batch):
        out.append(f"event: batch\ndata: {json.dumps({'records': todo[i : i + per_batch]})}\n\n")
        out.append('event: ping\ndata: {"timestamp":1}\n\n')
    return "".join(out).encode()


def v2_reader() -> StreamReader:
    reader = StreamReader("run_2", "ai")
    reader._is_v2_test = True  # type: ignore[attr-defined]
    return reader


VALUES: list[Any] = [{"type": "text-delta", "delta": d} for d in ["Hi", " ", "thé", "re", "😀"]] + [None, 3]


def test_v2_every_drop_point() -> None:
    records = v2_records(VALUES, {2, 5})
    full = v2_body(records, None)
    for drop in range(len(full) + 1):
        chunks = read_with_drops(lambda last: v2_body(records, last), v2_reader(), [drop])
        assert [c.data for c in chunks] == VALUES, drop


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=8)), min_size=1, max_size=10),
    commands=st.sets(st.integers(min_value=0, max_value=12), max_size=3),
    drops=st.lists(st.integers(min_value=0, max_value=900), max_size=4),
    per_batch=st.integers(min_value=1, max_value=4),
)
def test_v2_any_records_any_drops(values: list[Any], commands: set[int], drops: list[int], per_batch: int) -> None:
    records = v2_records(values, commands)
    chunks = read_with_drops(lambda last: v2_body(records, last, per_batch), v2_reader(), drops)
    assert [c.data for c in chunks] == values


def test_v2_a_writers_duplicate_is_dropped_even_across_a_reconnect() -> None:
    records = v2_records(["a", "b", "c"], set())
    records.append({**records[1], "seq_num": 3})  # the writer retried "b": same envelope id
    full = v2_body(records, None)
    for drop in range(len(full) + 1):
        chunks = read_with_drops(lambda last: v2_body(records, last), v2_reader(), [drop])
        assert [c.data for c in chunks] == ["a", "b", "c"], drop
