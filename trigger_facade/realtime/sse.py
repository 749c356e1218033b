"""Server-sent events: the WHATWG event-stream parser, fed bytes in pieces of any size."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..errors import RealtimeProtocolError


@dataclass(frozen=True)
class SSEEvent:
    event: str  # "message" when the event named none
    data: str
    id: str | None  # the last event id in force when it was dispatched


class SSEParser:
    """The WHATWG event-stream parser, fed bytes in pieces of any size."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self._text = ""
        self._started = False
        self._after_cr = False
        self._data: list[str] = []
        self._event = ""
        self._has_fields = False
        self.last_event_id: str | None = None
        self.retry_ms: int | None = None

    def feed(self, data: bytes) -> list[SSEEvent]:
        try:
            text = self._decoder.decode(data)
        except UnicodeDecodeError as exc:
            raise RealtimeProtocolError(f"the event stream is not UTF-8 ({exc.reason})") from exc
        return self._consume(text)

    def close(self) -> bool:
        """End of the body: True when it cut an event short (an unfinished line or fields that no
        blank line dispatched); such an event is dropped, as the SSE rules say."""
        try:
            self._decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            raise RealtimeProtocolError("the event stream ends inside a UTF-8 character") from exc
        rest, self._text = self._text, ""
        truncated = bool(rest and not rest.startswith(":")) or self._has_fields
        self._data, self._event, self._has_fields = [], "", False
        return truncated

    def _consume(self, text: str) -> list[SSEEvent]:
        if not self._started and text:
            self._started = True
            if text.startswith("\ufeff"):
                text = text[1:]
        if self._after_cr and text:
            self._after_cr = False
            if text.startswith("\n"):
                text = text[1:]  # the second half of a CRLF split across pieces
        buffer = self._text + text
        events: list[SSEEvent] = []
        if "\r" not in buffer:
            # the common case, LF only: one split instead of two searches per line
            *lines, self._text = buffer.split("\n")
            for line in lines:
                event = self._line(line)
                if event is not None:
                    events.append(event)
            return events
        start = 0
        while True:
            cr = buffer.find("\r", start)
            lf = buffer.find("\n", start)
            if cr == -1 and lf == -1:
                break
            if cr != -1 and (lf == -1 or cr < lf):
                end, after = cr, cr + 1
                if after < len(buffer):
                    if buffer[after] == "\n":
                        after += 1
                else:
                    self._after_cr = True  # an LF may start the next piece
            else:
                end, after = lf, lf + 1
            event = self._line(buffer[start:end])
            if event is not None:
                events.append(event)
            start = after
        self._text = buffer[start:]
        return events

    def _line(self, line: str) -> SSEEvent | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, sep, value = line.partition(":")
        if sep and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
            self._has_fields = True
        elif name == "event":
            self._event = value
            self._has_fields = True
        elif name == "id":
            if "\0" not in value:
                self.last_event_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            self.retry_ms = int(value)
        return None

    def _dispatch(self) -> SSEEvent | None:
        data, event = self._data, self._event
        self._data, self._event, self._has_fields = [], "", False
        if not data:
            return None
        return SSEEvent(event or "message", "\n".join(data), self.last_event_id)
