"""Output streams (v1 and v2, resumed, held open for Timeout-Seconds), input streams, and fake task
handlers that write the one and read the other, raw and through the client."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Generator, Iterator
from typing import Any

import pytest

from trigger_facade import BadRequestError, NotFoundError, TriggerClient, public_tokens
from trigger_facade.testing import FakeClock, FakeTrigger, TaskContext

from .helpers import UNAUTHORIZED, raw


def chat(payload: dict[str, Any], ctx: TaskContext) -> Generator[Any, Any, dict[str, Any]]:
    """Streams one word a second, then waits for approval on an input stream."""
    for word in payload["text"].split():
        ctx.stream("tokens").write(word)
        yield 1.0
    approved = yield ctx.input("approval")
    return {"approved": approved, "words": len(payload["text"].split())}


def events(text: str) -> list[dict[str, str]]:
    found = []
    for block in text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines())
        found.append(fields)
    return found


def test_v1_stream_and_resume_after_last_event_id(clock: FakeClock) -> None:
    fake = FakeTrigger(clock=clock)
    run_id = fake.client().tasks.trigger("echo", 1).id
    fake.write_stream(run_id, "llm", "Hel", {"n": 2}, "lo")
    answer = raw(fake, "GET", f"/realtime/v1/streams/{run_id}/llm")
    assert answer.headers["x-stream-version"] == "v1"
    assert answer.headers["content-type"].startswith("text/event-stream")
    sent = events(answer.text)
    assert [json.loads(e["data"]) for e in sent] == ["Hel", {"n": 2}, "lo"]
    resumed = raw(fake, "GET", f"/realtime/v1/streams/{run_id}/llm", headers={"last-event-id": sent[0]["id"]})
    assert [json.loads(e["data"]) for e in events(resumed.text)] == [{"n": 2}, "lo"]
    assert raw(fake, "GET", f"/realtime/v1/streams/{run_id}/nothing").text == ""
    assert raw(fake, "GET", "/realtime/v1/streams/run_missing/llm").status_code == 404


def test_v2_stream_records_and_resume_by_seq_num(clock: FakeClock) -> None:
    fake = FakeTrigger(clock=clock, stream_version="v2")
    run_id = fake.client().tasks.trigger("echo", 1).id
    fake.write_stream(run_id, "llm", "a", ["b"], {"c": 3})
    answer = raw(fake, "GET", f"/realtime/v1/streams/{run_id}/llm")
    assert answer.headers["x-stream-version"] == "v2"
    sent = events(answer.text)
    assert {e["event"] for e in sent} == {"batch"}
    records = [r for e in sent for r in json.loads(e["data"])["records"]]
    assert [r["seq_num"] for r in records] == [0, 1, 2]
    bodies = [json.loads(r["body"]) for r in records]
    assert [b["data"] for b in bodies] == ["a", ["b"], {"c": 3}]
    assert all(isinstance(b["id"], str) and b["id"] for b in bodies)
    assert records[0]["timestamp"] == int(clock.now() * 1000)
    resumed = raw(fake, "GET", f"/realtime/v1/streams/{run_id}/llm", headers={"last-event-id": "1"})
    assert [r["seq_num"] for e in events(resumed.text) for r in json.loads(e["data"])["records"]] == [2]
    with pytest.raises(ValueError, match="stream_version"):
        FakeTrigger(stream_version="v3")
    # a trigger may ask for its run's format, as the server's x-trigger-realtime-streams-version
    v1 = raw(fake, "POST", "/api/v1/tasks/echo/trigger", json={}, headers={"x-trigger-realtime-streams-version": "v1"})
    fake.write_stream(v1.json()["id"], "llm", "z")
    assert raw(fake, "GET", f"/realtime/v1/streams/{v1.json()['id']}/llm").text.startswith("id: ")


@pytest.mark.parametrize(
    ("value", "status", "text"),
    [
        ("601", 400, "Timeout seconds must be less than 600"),
        ("-2", 400, "Timeout seconds must be greater than 0"),
        ("0", 200, ""),  # JavaScript: 0 is falsy, as if no header was sent
        ("abc", 200, ""),
    ],
)
def test_timeout_seconds_is_checked_as_the_server_does(clock: FakeClock, value: str, status: int, text: str) -> None:
    fake = FakeTrigger(clock=clock)
    run_id = fake.client().tasks.trigger("echo", 1).id
    answer = raw(fake, "GET", f"/realtime/v1/streams/{run_id}/llm", headers={"timeout-seconds": value})
    assert (answer.status_code, answer.text) == (status, text)
    if status == 400:
        assert answer.headers["content-type"].startswith("text/plain")


def test_a_held_stream_carries_chunks_written_while_it_waits(clock: FakeClock) -> None:
    fake = FakeTrigger(clock=clock, execution_time=1.0)
    fake.task("chat", chat)
    run_id = fake.client().tasks.trigger("chat", {"text": "one two three"}).id
    started = clock.now()
    answer = raw(fake, "GET", f"/realtime/v1/streams/{run_id}/tokens", headers={"timeout-seconds": "5"})
    sent = events(answer.text)
    assert [json.loads(e["data"]) for e in sent] == ["one", "two", "three"]
    # written at 1, 2 and 3 s on the fake's clock; the answer ended 5 quiet seconds after the last
    assert [int(e["id"].split("-")[0]) for e in sent] == [int((started + t) * 1000) for t in (1, 2, 3)]
    assert clock.now() - started == pytest.approx(3 + 5)
    assert fake.runs[run_id].status == "EXECUTING"  # still waiting for its approval


def test_a_held_stream_over_loopback_arrives_while_the_task_runs() -> None:
    fake = FakeTrigger()  # real time

    def slow(payload: Any, ctx: TaskContext) -> Iterator[float]:
        for n in range(3):
            ctx.stream("ticks").write(n)
            yield 0.3

    fake.task("slow", slow)
    with fake.serve() as url, TriggerClient(secret_key=fake.secret_key, base_url=url, environ={}) as client:
        run_id = client.tasks.trigger("slow", None).id
        started = time.monotonic()
        arrivals = [
            (chunk.data, time.monotonic() - started) for chunk in client.runs.stream(run_id, "ticks", idle_timeout=1)
        ]
    assert [data for data, _ in arrivals] == [0, 1, 2]
    assert arrivals[2][1] - arrivals[0][1] > 0.4  # each came when written, not all at the end


def test_input_streams_raw(clock: FakeClock) -> None:
    fake = FakeTrigger(clock=clock)
    fake.task("chat", chat)
    run_id = fake.client().tasks.trigger("chat", {"text": "hi"}).id
    path = f"/realtime/v1/streams/{run_id}/input/approval"
    missing = raw(fake, "POST", "/realtime/v1/streams/run_missing/input/approval", json={"data": 1})
    assert (missing.status_code, missing.json()) == (404, {"ok": False, "error": "Run not found"})
    huge = raw(fake, "POST", path, json={"data": "x" * (1024 * 1024)})
    assert (huge.status_code, huge.json()) == (413, {"error": "Request body too large"})
    signed = {
        "sub": fake.environment_id,
        "pub": True,
        "iss": public_tokens.JWT_ISSUER,
        "aud": public_tokens.JWT_AUDIENCE,
    }
    wrong = public_tokens.sign_claims({**signed, "scopes": [f"read:runs:{run_id}"]}, fake.secret_key)
    refused = raw(fake, "POST", path, key=wrong, json={"data": 1})
    assert (refused.status_code, refused.json()) == (403, UNAUTHORIZED)
    # the token a trigger answer carries may write the run's input streams
    right = public_tokens.sign_claims({**signed, "scopes": [f"write:inputStreams:{run_id}"]}, fake.secret_key)
    fake.advance(2)
    sent = raw(fake, "POST", path, key=right, json={"data": "yes"})
    assert (sent.status_code, sent.json()) == (200, {"ok": True})
    assert fake.inputs(run_id, "approval") == ["yes"]
    tail = raw(fake, "GET", path)  # what the task's SSE tail reads; not one of the run's output streams
    assert [json.loads(e["data"]) for e in events(tail.text)] == ["yes"]
    assert fake.runs[run_id].stream_keys == ["tokens"]
    assert (fake.runs[run_id].status, fake.runs[run_id].output) == ("COMPLETED", {"approved": "yes", "words": 1})
    late = raw(fake, "POST", path, json={"data": "again"})
    assert (late.status_code, late.json()) == (
        400,
        {"ok": False, "error": "Cannot send to input stream on a completed run"},
    )


def test_task_context_reads_without_waiting_and_fails_like_a_task(clock: FakeClock) -> None:
    fake = FakeTrigger(clock=clock)

    def poll(payload: Any, ctx: TaskContext) -> Generator[float, Any, list[Any]]:
        yield 5.0
        return [ctx.input("cmd").next(), ctx.input("cmd").next(), ctx.input("cmd").received]

    def impatient(payload: Any, ctx: TaskContext) -> Any:
        return ctx.input("cmd").next()  # nothing sent: LookupError fails the run

    def bad(payload: Any, ctx: TaskContext) -> Iterator[Any]:
        yield "soon"

    fake.task("poll", poll)
    fake.task("impatient", impatient)
    fake.task("bad", bad)
    client = fake.client(clock=clock)
    polled = client.tasks.trigger("poll", None).id
    assert client.runs.send_input(polled, "cmd", 1) is True
    assert client.runs.send_input(polled, "cmd", {"two": 2}) is True
    assert fake.runs[polled].status == "EXECUTING"
    fake.advance(5)
    assert fake.runs[polled].output == [1, {"two": 2}, [1, {"two": 2}]]
    failed = client.tasks.trigger("impatient", None).id
    fake.advance(0)
    assert (fake.runs[failed].status, fake.runs[failed].error["name"]) == ("FAILED", "LookupError")  # type: ignore[index]
    wrong = client.tasks.trigger("bad", None).id
    fake.advance(0)
    assert "may yield seconds" in fake.runs[wrong].error["message"]  # type: ignore[index]


def test_a_cancelled_streaming_task_stops(clock: FakeClock) -> None:
    fake = FakeTrigger(clock=clock)
    fake.task("chat", chat)
    client = fake.client(clock=clock)
    run_id = client.tasks.trigger("chat", {"text": "a b c d"}).id
    fake.advance(1.5)
    client.runs.cancel(run_id)
    fake.advance(10)
    assert [json.loads(data) for _, data in fake.state.streams[(run_id, "tokens")]] == ["a", "b"]
    with pytest.raises(BadRequestError, match="completed run"):
        client.runs.send_input(run_id, "approval", True)


# ---------------------------------------------------------------- through the client, end to end


def test_client_reads_a_streaming_task_and_answers_it(clock: FakeClock) -> None:
    fake = FakeTrigger(clock=clock, execution_time=0.5)
    fake.task("chat", chat)
    client = fake.client(clock=clock)
    run_id = client.tasks.trigger("chat", {"text": "the quick fox"}).id
    words = [chunk.data for chunk in client.runs.stream(run_id, "tokens", idle_timeout=3)]
    assert words == ["the", "quick", "fox"]
    assert client.runs.stream_keys(run_id) == ["tokens"]
    assert client.runs.send_input(run_id, "approval", {"ok": True}) is True
    done = client.runs.wait(run_id, timeout=30)
    assert done.output == {"approved": {"ok": True}, "words": 3}
    with pytest.raises(NotFoundError):
        client.runs.send_input("run_missing", "approval", 1)


def test_client_reads_v2_and_resumes_with_a_public_token(clock: FakeClock) -> None:
    fake = FakeTrigger(clock=clock, stream_version="v2")
    fake.task("chat", chat)
    client = fake.client(clock=clock)
    run_id = client.tasks.trigger("chat", {"text": "a b c"}).id
    browser = fake.client(clock=clock, secret_key=client.auth.create_public_token(scopes={"read": {"runs": [run_id]}}))
    chunks = list(browser.runs.stream(run_id, "tokens", idle_timeout=2))
    assert [c.data for c in chunks] == ["a", "b", "c"]
    rest = list(browser.runs.stream(run_id, "tokens", idle_timeout=2, last_event_id=chunks[0].event_id))
    assert [c.data for c in rest] == ["b", "c"]


def test_async_client_stream_and_send_input(clock: FakeClock) -> None:
    fake = FakeTrigger(clock=clock)
    fake.task("chat", chat)

    async def main() -> tuple[list[Any], Any]:
        async with fake.async_client(clock=clock) as client:
            run_id = (await client.tasks.trigger("chat", {"text": "x y"})).id
            words = [chunk.data async for chunk in client.runs.stream(run_id, "tokens", idle_timeout=2)]
            await client.runs.send_input(run_id, "approval", "fine")
            return words, (await client.runs.wait(run_id, timeout=10)).output

    words, output = asyncio.run(main())
    assert (words, output) == (["x", "y"], {"approved": "fine", "words": 2})


def test_loopback_consumer_sees_input_reach_the_task() -> None:
    fake = FakeTrigger(realtime_hold=2.0)
    fake.task("chat", chat)
    with fake.serve() as url, TriggerClient(secret_key=fake.secret_key, base_url=url, environ={}) as client:
        run_id = client.tasks.trigger("chat", {"text": "go"}).id
        sender = threading.Timer(0.3, lambda: client.runs.send_input(run_id, "approval", 42))
        sender.start()
        done = client.runs.wait(run_id, realtime=True, timeout=10)
        sender.join()
    assert done.output == {"approved": 42, "words": 1}
