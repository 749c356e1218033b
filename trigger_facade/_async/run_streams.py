"""The output and input streams of a run (client.runs.stream, stream_keys, send_input).

Only reading an event stream needs the body unread, which the drivers in
trigger_facade.realtime.drive do for each kind of client (`read_stream`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from .._base import build_request, parse_response
from .._transport import REPEAT_EXTENSION
from ..realtime.electric import ShapeSubscription
from ..realtime.streams import StreamChunk, StreamReader, input_send_request, parse_input_send_response
from ..sansio.run_streams import read_stream, read_stream_keys
from .run_feeds import AsyncRunFeeds


class AsyncRunStreams(AsyncRunFeeds):
    def stream(
        self,
        run_id: str,
        key: str = "default",
        *,
        timeout: float | None = None,
        idle_timeout: int | None = 60,
        last_event_id: str | None = None,
        start_index: int | None = None,
        from_latest: bool = False,
    ) -> AsyncIterator[StreamChunk]:
        """Read what a task writes to its output stream `key` (GET /realtime/v1/streams/{runId}/{key}).

        Yields StreamChunk objects as they arrive (`chunk.data` is the value the task wrote), in
        either server format (v1 or v2). A dropped connection is resumed from the last event
        without losing or repeating a chunk. The iteration ends when the server ends the stream
        (after `idle_timeout` seconds, 1-600, with nothing new; None leaves it to the server) or
        when `timeout` (seconds, a hard end on our side) runs out.

        `last_event_id` continues an earlier read after that chunk's `event_id`; `start_index` N
        starts at chunk N (v2); `from_latest` skips what was written before (newer servers).
        """
        self._check_realtime_key("runs.stream")
        reader = StreamReader(
            run_id,
            key,
            timeout_seconds=idle_timeout,
            start_index=start_index,
            from_latest=from_latest,
            last_event_id=last_event_id,
            rand=self._state.clock.random,
        )
        return read_stream(self._http, reader, self._realtime_deadline(timeout), self._state.clock)

    async def stream_keys(self, run_id: str, *, timeout: float = 60.0) -> list[str]:
        """The output streams a run has written to (read from its realtime row: the server has no listing)."""
        self._check_realtime_key("runs.stream_keys")
        sub = ShapeSubscription.for_run(run_id, skip_columns=("payload", "output"), rand=self._state.clock.random)
        return await self._run(
            read_stream_keys(self._state, self._http, sub, self._realtime_deadline(timeout), timeout)
        )

    async def send_input(self, run_id: str, stream_id: str, data: Any) -> bool:
        """POST /realtime/v1/streams/{runId}/input/{streamId}: send `data` (plain JSON, at most 1 MiB)
        to a running task's input stream. Returns the server's `ok`; a finished run answers 400."""
        self._check_realtime_key("runs.send_input")
        spec = input_send_request(run_id, stream_id, data)
        # a repeat would deliver the input twice: sent again only when it certainly never arrived
        spec = {**spec, "extensions": {**spec.get("extensions", {}), REPEAT_EXTENSION: "not-deduped"}}
        request = build_request(self._state, self._http, spec)
        return parse_response(await self._send(request), parse_input_send_response)
