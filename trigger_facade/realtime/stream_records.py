"""The units of the two output-stream formats: v1 events with the cursor that resumes them without loss
or repeats, and v2 (S2) records with the writer's envelope (see realtime.streams)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..errors import RealtimeProtocolError


def _not_json(name: str) -> Any:
    raise ValueError(name)


# one decoder for every chunk: json.loads with an option builds a new one per call
_JSON = json.JSONDecoder(parse_constant=_not_json)


def json_or_text(text: str) -> Any:
    try:
        return _JSON.decode(text)
    except (ValueError, RecursionError):
        return text


@dataclass
class V1Cursor:
    """Resume state for v1: see the module docstring."""

    last_id: str | None = None
    before_last: str | None = None
    run: list[str] = field(default_factory=list)  # data of the handed-out events that carry last_id
    replay: list[str] = field(default_factory=list)  # still expected again on this connection
    replay_first: bool = False

    def resume_from(self, initial: str | None) -> str | None:
        """The Last-Event-ID for the next connection; arms the skipping of what it replays."""
        self.replay = list(self.run)
        self.replay_first = True
        # after the entry before the last one (or from the read's own start while there is none)
        return self.before_last if self.before_last is not None else initial

    def seen_again(self, event_id: str | None, data: str) -> bool:
        """True for an event the reader already handed out before the reconnect."""
        if self.replay and event_id == self.last_id:
            expected = self.replay[0]
            # the first replayed event may lack the start of its line, which came from the entry before
            if data == expected or (self.replay_first and expected.endswith(data)):
                self.replay.pop(0)
                self.replay_first = False
                return True
        self.replay = []
        return False

    def handed_out(self, event_id: str | None, data: str) -> None:
        if event_id is not None and event_id == self.last_id:
            self.run.append(data)
        else:
            self.before_last, self.last_id, self.run = self.last_id, event_id, [data]


def parse_record(record: Any) -> tuple[int, str, tuple[tuple[str, str], ...], int | None]:
    if not isinstance(record, dict):
        raise RealtimeProtocolError(f"a v2 record must be an object, got {record!r}")
    seq, body, raw_headers = record.get("seq_num"), record.get("body", ""), record.get("headers", [])
    timestamp = record.get("timestamp")
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 0:
        raise RealtimeProtocolError(f"a v2 record needs a seq_num >= 0, got {seq!r}")
    if not isinstance(body, str):
        raise RealtimeProtocolError(f"a v2 record's body must be a string, got {body!r}")
    if timestamp is not None and (isinstance(timestamp, bool) or not isinstance(timestamp, int)):
        raise RealtimeProtocolError(f"a v2 record's timestamp must be an integer, got {timestamp!r}")
    if not isinstance(raw_headers, list) or not all(
        isinstance(h, list) and len(h) == 2 and all(isinstance(p, str) for p in h) for h in raw_headers
    ):
        raise RealtimeProtocolError(f"a v2 record's headers must be [name, value] pairs, got {raw_headers!r}")
    return seq, body, tuple((name, value) for name, value in raw_headers), timestamp


def parse_envelope(body: str) -> tuple[Any, str | None]:
    """The writer's `{"data", "id"}` envelope: (data, id); (None, None) for an empty or non-JSON body."""
    if not body:
        return None, None
    try:
        parsed = _JSON.decode(body)
    except (ValueError, RecursionError):
        return None, None
    if not isinstance(parsed, dict):
        return None, None
    envelope_id = parsed.get("id")
    return parsed.get("data"), envelope_id if isinstance(envelope_id, str) and envelope_id else None


def redis_ms(event_id: str | None) -> int | None:
    if not event_id:
        return None
    head = event_id.split("-", 1)[0]
    return int(head) if head.isdigit() else None
