"""The httpx drivers, sync and async, over httpx.MockTransport serving the recorded answers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest

from trigger_facade._retry import Clock
from trigger_facade._transport import POLICY_EXTENSION
from trigger_facade.errors import AuthenticationError, BadRequestError, NotFoundError
from trigger_facade.realtime.drive import afollow_shape, afollow_stream, follow_shape, follow_stream
from trigger_facade.realtime.electric import SDK_BACKOFF, RealtimeProtocolError, ReconnectPolicy, ShapeSubscription
from trigger_facade.realtime.runs import RunDecoder
from trigger_facade.realtime.streams import StreamReader

from .vectors import runs_vector, streams_vector

BASE = "https://api.trigger.test"


class StepClock(Clock):
    """Sleeping takes no time but is recorded; monotonic time moves by what was slept."""

    def __init__(self) -> None:
        self.t = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.t

    def now(self) -> float:
        return 1_800_000_000.0 + self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


class Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body in pieces that may end with a dropped connection."""

    def __init__(self, pieces: list[bytes], drop: bool = False) -> None:
        self.pieces, self.drop, self.closed = pieces, drop, False

    def __iter__(self) -> Iterator[bytes]:
        yield from self.pieces
        if self.drop:
            raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self.pieces:
            yield piece
        if self.drop:
            raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


Handler = Callable[[httpx.Request], httpx.Response]


def clients(handler: Handler) -> tuple[httpx.Client, httpx.AsyncClient]:
    transport = httpx.MockTransport(handler)
    return httpx.Client(base_url=BASE, transport=transport), httpx.AsyncClient(base_url=BASE, transport=transport)


async def collect_shape(mode: str, handler: Handler, sub: ShapeSubscription, **kwargs: Any) -> list[Any]:
    sync, async_ = clients(handler)
    if mode == "sync":
        with sync:
            return list(follow_shape(sync, sub, **kwargs))
    async with async_:
        return [row async for row in afollow_shape(async_, sub, **kwargs)]


async def collect_stream(mode: str, handler: Handler, reader: StreamReader, **kwargs: Any) -> list[Any]:
    sync, async_ = clients(handler)
    if mode == "sync":
        with sync:
            return [c.data for c in follow_stream(sync, reader, **kwargs)]
    async with async_:
        return [c.data async for c in afollow_stream(async_, reader, **kwargs)]


MODES = pytest.mark.parametrize("mode", ["sync", "async"])


def feed_handler(feed: list[dict[str, Any]], seen: list[httpx.Request]) -> Handler:
    answers = iter(feed)

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        answer = next(answers, None)
        if answer is None:
            return httpx.Response(400, json={"error": "the recording has no more answers"})
        return httpx.Response(answer["status"], headers=answer["headers"], content=answer["body"].encode())

    return handle


@MODES
async def test_shape_rows_over_httpx(mode: str) -> None:
    vector = runs_vector("subscribeToRun.nativeHeaders")
    feed = [vector["feed"][0], vector["feed"][2]]  # the SDK's prefetch answer (feed 1) is not asked for
    seen: list[httpx.Request] = []
    sub = ShapeSubscription.for_run("run_cm5run0000004")
    with pytest.raises(BadRequestError, match="no more answers"):
        # the third request gets the recording's "no more answers" 400, which ends the read
        await collect_shape(mode, feed_handler(feed, seen), sub)
    recorded = [r for r in vector["requests"] if "live=true" in r["rawQuery"] or "offset=-1" in r["rawQuery"]]
    assert [r.url.query.decode() for r in seen[:2]] == [r["rawQuery"] for r in recorded]
    assert seen[0].headers["x-trigger-electric-version"] == "1.0.0-beta.1"
    assert seen[0].extensions[POLICY_EXTENSION].max_retries == 0
    rows = list(sub.rows.values())
    assert RunDecoder().decode(rows[0])["status"] == "SYSTEM_FAILURE"


@MODES
async def test_shape_caller_stops_on_completion(mode: str) -> None:
    vector = runs_vector("subscribeToRun.retry429and500")
    seen: list[httpx.Request] = []
    clock = StepClock()
    sub = ShapeSubscription.for_run("run_cm5err0000003", policy=SDK_BACKOFF)
    sync, async_ = clients(feed_handler(vector["feed"], seen))
    runs = []
    if mode == "sync":
        for _key, row in follow_shape(sync, sub, clock=clock):
            runs.append(RunDecoder().decode(row))
            if runs[-1]["finishedAt"] is not None:
                break
    else:
        async for _key, row in afollow_shape(async_, sub, clock=clock):
            runs.append(RunDecoder().decode(row))
            if runs[-1]["finishedAt"] is not None:
                break
    assert [r["status"] for r in runs] == ["COMPLETED"]
    assert len(seen) == 3
    assert clock.sleeps == pytest.approx([0.1, 0.13])


@MODES
async def test_shape_ending_status_raises_the_clients_error(mode: str) -> None:
    vector = runs_vector("subscribeToRun.error401")
    with pytest.raises(AuthenticationError, match="Invalid or Missing API key"):
        await collect_shape(mode, feed_handler(vector["feed"], []), ShapeSubscription.for_run("run_x"))


@MODES
async def test_shape_network_errors_and_5xx_are_retried_until_the_deadline(mode: str) -> None:
    calls = []

    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) % 2:
            raise httpx.ConnectError("refused")
        return httpx.Response(503, text="busy")

    clock = StepClock()
    policy = ReconnectPolicy(initial_delay=1.0, factor=2.0, max_delay=4.0, jitter=0)
    sub = ShapeSubscription.for_run("run_x", policy=policy)
    rows = await collect_shape(mode, handle, sub, deadline=10.0, clock=clock)
    assert rows == []
    assert clock.sleeps == [1.0, 2.0, 4.0]  # the next 4 s wait would pass the deadline: give up there
    assert len(calls) == 4


@MODES
async def test_shape_protocol_errors_propagate(mode: str) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=[])  # no electric-handle / offset

    with pytest.raises(RealtimeProtocolError, match="electric-handle"):
        await collect_shape(mode, handle, ShapeSubscription.for_run("run_x"))


# --- streams --------------------------------------------------------------------------------------


def stream_handler(feed: list[dict[str, Any]], seen: list[httpx.Request], bodies: list[Body]) -> Handler:
    answers = iter(feed)

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        answer = next(answers)
        body = answer["body"].encode()
        stream = Body([body[:10], body[10:]], drop=answer.get("thenConnection", "").startswith("destroyed"))
        bodies.append(stream)
        return httpx.Response(answer["status"], headers=answer["headers"], stream=stream)

    return handle


@MODES
async def test_stream_resumes_after_a_dropped_connection(mode: str) -> None:
    vector = streams_vector("fetchStream.v1.resume")
    seen: list[httpx.Request] = []
    bodies: list[Body] = []
    clock = StepClock()
    reader = StreamReader("run_s1", "my-stream")
    chunks = await collect_stream(mode, stream_handler(vector["feed"], seen, bodies), reader, clock=clock)
    assert chunks == vector["yielded"]
    assert [r.url.path for r in seen] == ["/realtime/v1/streams/run_s1/my-stream"] * 2
    assert "last-event-id" not in seen[0].headers
    assert "last-event-id" not in seen[1].headers  # two ids seen: again from the read's start
    assert seen[0].headers["accept"] == "text/event-stream"
    assert len(clock.sleeps) == 1
    assert all(b.closed for b in bodies)


@MODES
async def test_stream_v2_error_event_reconnects(mode: str) -> None:
    vector = streams_vector("fetchStream.v2.errorEventThenResume")
    seen: list[httpx.Request] = []
    chunks = await collect_stream(mode, stream_handler(vector["feed"], seen, []), StreamReader("run_s6", "ai"))
    assert chunks == ["first", "second"]
    assert seen[1].headers["last-event-id"] == "0"


@MODES
async def test_stream_ending_status_raises_the_clients_error(mode: str) -> None:
    vector = streams_vector("fetchStream.404")
    with pytest.raises(NotFoundError):
        await collect_stream(mode, stream_handler(vector["feed"], [], []), StreamReader("run_s5", "missing"))


@MODES
async def test_stream_503_then_ok(mode: str) -> None:
    vector = streams_vector("fetchStream.503ThenOk")
    clock = StepClock()
    chunks = await collect_stream(
        mode, stream_handler(vector["feed"], [], []), StreamReader("run_s7", "ai"), clock=clock
    )
    assert chunks == ["ok"]
    assert len(clock.sleeps) == 1


@MODES
async def test_breaking_out_closes_the_response(mode: str) -> None:
    vector = streams_vector("fetchStream.v1.resume")
    bodies: list[Body] = []
    sync, async_ = clients(stream_handler(vector["feed"], [], bodies))
    reader = StreamReader("run_s1", "my-stream")
    if mode == "sync":
        stream = follow_stream(sync, reader)
        first = next(stream)
        stream.close()
    else:
        astream = afollow_stream(async_, reader)
        first = await astream.__anext__()
        await astream.aclose()
    assert first.data == {"delta": "Hel", "index": 0}
    assert bodies[0].closed
    # the reader parsed the whole piece; a later read continues after what the caller handled
    assert first.event_id == "1735787046000-0"
    assert reader.last_event_id == "1735787046001-0"


# --- written once as feeds: what the sync and async entry points share ------------------------------

EVENTS = [b'id: 1-0\ndata: "one"\n\n', b'id: 2-0\ndata: "two"\n\n']
SSE_HEADERS = {"content-type": "text/event-stream"}


class TimedBody(Body):
    """A body whose pieces take `seconds_each` of the clock's time to arrive."""

    def __init__(self, pieces: list[bytes], clock: StepClock, seconds_each: float) -> None:
        super().__init__(pieces)
        self.clock, self.seconds_each = clock, seconds_each

    def __iter__(self) -> Iterator[bytes]:
        for piece in self.pieces:
            self.clock.t += self.seconds_each
            yield piece

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self.pieces:
            self.clock.t += self.seconds_each
            yield piece


@MODES
async def test_stream_deadline_passing_inside_a_body_stops_the_read(mode: str) -> None:
    clock = StepClock()
    bodies: list[Body] = []

    def handle(request: httpx.Request) -> httpx.Response:
        bodies.append(TimedBody([*EVENTS, b'id: 3-0\ndata: "three"\n\n'], clock, seconds_each=3.0))
        return httpx.Response(200, headers=SSE_HEADERS, stream=bodies[-1])

    chunks = await collect_stream(mode, handle, StreamReader("run_d", "s"), deadline=5.0, clock=clock)
    # "one" came at t=3, "two" at t=6 (after the deadline, but read); the third piece is never asked for
    assert chunks == ["one", "two"]
    assert clock.t == 6.0
    assert len(bodies) == 1
    assert clock.sleeps == []
    assert bodies[0].closed


@MODES
async def test_stream_closes_each_connection_before_opening_the_next(mode: str) -> None:
    bodies: list[Body] = []
    closed_when_asked: list[bool] = []

    def handle(request: httpx.Request) -> httpx.Response:
        closed_when_asked.append(all(b.closed for b in bodies))
        bodies.append(Body(EVENTS[len(bodies) : len(bodies) + 1], drop=not bodies))
        return httpx.Response(200, headers=SSE_HEADERS, stream=bodies[-1])

    chunks = await collect_stream(mode, handle, StreamReader("run_c", "s"), clock=StepClock())
    assert chunks == ["one", "two"]
    assert closed_when_asked == [True, True]
    assert all(b.closed for b in bodies)


class OneWayClock(StepClock):
    """A clock that fails a test sleeping the wrong way for its kind of client."""

    def __init__(self, mode: str) -> None:
        super().__init__()
        self.mode = mode

    def sleep(self, seconds: float) -> None:
        assert self.mode == "sync", "an async read slept with the blocking clock.sleep"
        super().sleep(seconds)

    async def async_sleep(self, seconds: float) -> None:
        assert self.mode == "async", "a sync read slept with clock.async_sleep"
        super().sleep(seconds)


@MODES
async def test_waits_use_the_clocks_sleep_of_the_clients_kind(mode: str) -> None:
    answers = [httpx.Response(503, text="busy"), httpx.Response(503, text="busy")]

    def shape(request: httpx.Request) -> httpx.Response:
        return answers.pop(0) if answers else httpx.Response(401, json={"error": "Invalid API key"})

    clock = OneWayClock(mode)
    policy = ReconnectPolicy(initial_delay=1.0, factor=2.0, max_delay=4.0, jitter=0)
    with pytest.raises(AuthenticationError):
        await collect_shape(mode, shape, ShapeSubscription.for_run("run_w", policy=policy), clock=clock)
    assert clock.sleeps == [1.0, 2.0]

    stream_answers = [httpx.Response(503, text="busy")]

    def stream(request: httpx.Request) -> httpx.Response:
        if stream_answers:
            return stream_answers.pop(0)
        return httpx.Response(200, headers=SSE_HEADERS, stream=Body(EVENTS[:1]))

    clock = OneWayClock(mode)
    assert await collect_stream(mode, stream, StreamReader("run_w", "s"), clock=clock) == ["one"]
    assert len(clock.sleeps) == 1
