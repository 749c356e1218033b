"""The event-stream parser under arbitrary piece boundaries, line endings and UTF-8 splits."""

from __future__ import annotations

import pytest

from trigger_facade.realtime.electric import RealtimeProtocolError
from trigger_facade.realtime.streams import SSEEvent, SSEParser

STREAM = (
    '\ufeffid: 1-0\ndata: {"delta":"h\u00e9llo \U0001f600"}\n\n'
    ": ping\n\n"
    "event: batch\ndata: line one\ndata: line two\n\n"
    "id: 2-0\ndata\n\n"  # a field name alone: an empty data line
    "id: 3-0\ndata:no-space\ndata:  two spaces\n\n"
    "retry: 1500\nid: bad\0id\ndata: kept id\n\n"
    "event: lonely\n\n"  # no data: nothing dispatched, and the type does not leak
    "data: last\n\n"
)
EXPECTED = [
    SSEEvent("message", '{"delta":"h\u00e9llo \U0001f600"}', "1-0"),
    SSEEvent("batch", "line one\nline two", "1-0"),
    SSEEvent("message", "", "2-0"),
    SSEEvent("message", "no-space\n two spaces", "3-0"),
    SSEEvent("message", "kept id", "3-0"),
    SSEEvent("message", "last", "3-0"),
]


def parse(pieces: list[bytes]) -> tuple[list[SSEEvent], bool]:
    parser = SSEParser()
    events = [event for piece in pieces for event in parser.feed(piece)]
    return events, parser.close()


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_two_piece_split_gives_the_same_events(newline: str) -> None:
    body = STREAM.replace("\n", newline).encode()
    assert parse([body]) == (EXPECTED, False)
    for cut in range(len(body) + 1):
        assert parse([body[:cut], body[cut:]]) == (EXPECTED, False), cut


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_byte_by_byte_gives_the_same_events(newline: str) -> None:
    body = STREAM.replace("\n", newline).encode()
    assert parse([body[i : i + 1] for i in range(len(body))]) == (EXPECTED, False)


def test_retry_field_is_read() -> None:
    parser = SSEParser()
    parser.feed(STREAM.encode())
    assert parser.retry_ms == 1500


def test_a_bom_after_the_start_is_data() -> None:
    events, _ = parse([b"data: x\n\n", "data: \ufeffy\n\n".encode()])
    assert [e.data for e in events] == ["x", "\ufeffy"]


def test_crlf_split_between_pieces_is_one_line_end() -> None:
    events, _ = parse([b"data: a\r", b"\n\r", b"\ndata: b\r\n\r\n"])
    assert [e.data for e in events] == ["a", "b"]


def test_close_reports_a_cut_short_event() -> None:
    assert parse([b"data: a\n\ndata: b\n"]) == ([SSEEvent("message", "a", None)], True)
    assert parse([b"data: a\n\ndata: par"]) == ([SSEEvent("message", "a", None)], True)
    assert parse([b"data: a\n\n: ping"]) == ([SSEEvent("message", "a", None)], False)
    assert parse([b"data: a\n\nid: 5\n"]) == ([SSEEvent("message", "a", None)], False)
    assert parse([b""]) == ([], False)


def test_invalid_utf8_raises_our_error() -> None:
    parser = SSEParser()
    with pytest.raises(RealtimeProtocolError, match="UTF-8"):
        parser.feed(b"data: \xff\n\n")
    parser = SSEParser()
    parser.feed(b"data: \xe2\x82")  # half of a euro sign: fine until the body ends
    with pytest.raises(RealtimeProtocolError, match="UTF-8"):
        parser.close()
