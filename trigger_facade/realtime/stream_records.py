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
    """Resume state for v1 (see the module docstring of realtime.streams).

    The server tags each line with the id of the entry that completed it, and resumes after the
    Last-Event-ID entry with an empty line buffer, so the first line it replays may lack its start
    (which the entry before held), or be left out altogether when all that remains of it is blank.
    Resuming after the id of the *last* event would lose the rest of that entry; resuming after the
    one before it cannot tell a first line left out from a repeated one. Resuming two ids back (after
    W, with X and then L handed out after it) replays every line tagged X, whole or cut or left out,
    and every line tagged L exactly: the events tagged X are all skipped (X is complete, an L came
    after it), then as many tagged L as were handed out. With fewer than three ids the read starts
    again from its own start, which replays exactly.
    """

    last_id: str | None = None
    ids: list[str | None] = field(default_factory=list)  # the last three distinct ids handed out, oldest first
    run: list[str] = field(default_factory=list)  # data of the handed-out events that carry last_id
    # what this connection replays: all events tagged skip_id, then the data in `replay`, tagged last_id
    skip_id: str | None = None
    replay: list[str] = field(default_factory=list)
    replay_first_cut: bool = False

    def resume_from(self, initial: str | None, *, restartable: bool = True) -> str | None:
        """The Last-Event-ID for the next connection (None: none); arms the skipping of what it replays.

        `restartable` is False when the read's start cannot be asked for again (it began at "latest")."""
        self.replay, self.replay_first_cut = list(self.run), False
        self.skip_id = self.ids[-2] if len(self.ids) >= 2 else None
        if len(self.ids) == 3:
            return self.ids[0]
        if restartable:
            return initial
        if len(self.ids) == 2:
            # the best left: after X, where a first line tagged L that was left out reads as a repeat
            self.replay_first_cut = True
            return self.ids[0]
        self.replay = []
        return self.last_id  # loses what follows in that entry, as the SDK does

    def seen_again(self, event_id: str | None, data: str) -> bool:
        """True for an event the reader already handed out before the reconnect."""
        if self.skip_id is not None and event_id == self.skip_id:
            return True
        if self.replay and event_id == self.last_id:
            expected = self.replay[0]
            if data == expected or (self.replay_first_cut and expected.endswith(data)):
                self.replay.pop(0)
                self.replay_first_cut = False
                return True
        # the first event not handed out before: nothing later on this connection is a replay
        self.skip_id, self.replay, self.replay_first_cut = None, [], False
        return False

    def handed_out(self, event_id: str | None, data: str) -> None:
        if self.ids and event_id == self.last_id:
            self.run.append(data)
        else:
            self.ids = [*self.ids[-2:], event_id]
            self.last_id, self.run = event_id, [data]


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
