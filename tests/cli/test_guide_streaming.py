"""The code of docs/guide-streaming.md runs: its relay (sync and async) resumes a browser that drops
after any event with every chunk exactly once, in both stream formats; its FastAPI apps serve it
(when FastAPI is installed). The CLI tests' home, since the guide sits next to the CLI's docs."""

from __future__ import annotations

import asyncio
import functools
import json
import re
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import trigger_facade
from tests.realtime_client.server import OutputStream, RealtimeServer, minute_run
from trigger_facade import AsyncTriggerClient, TriggerClient

from .helpers import CLIENT_VARIABLES

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guide-streaming.md"
BLOCK = re.compile(r'```python title="([\w.]+)"\n(.*?)```', re.DOTALL)
KEY = "tr_dev_abcdefghijklmnopqrstuvwx"
VALUES: list[Any] = ["Hel", "lo", {"delta": " wörld"}, "\n", [1, 2], "", "end\x00"]


def blocks() -> dict[str, str]:
    return dict(BLOCK.findall(GUIDE.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def relay() -> Iterator[types.ModuleType]:
    module = types.ModuleType("relay")
    sys.modules["relay"] = module  # the apps import it by this name
    exec(compile(blocks()["relay.py"], "relay.py", "exec"), module.__dict__)  # noqa: S102 - the guide's own code
    yield module
    del sys.modules["relay"]


class Grouped(OutputStream):
    """v1 with entries of several chunks sharing one id (values grouped as `sizes` says)."""

    def __init__(self, values: list[Any], sizes: list[int], cuts: list[int | None] | None = None) -> None:
        super().__init__(values, "v1", cuts or [])
        self.entries: list[list[Any]] = []
        start = 0
        for size in sizes:
            self.entries.append(values[start : start + size])
            start += size
        assert start == len(values)

    def body(self, last_event_id: str | None) -> bytes:
        first = 0 if last_event_id is None else int(last_event_id.split("-")[0]) - 1000 + 1
        return b"".join(self.entry(i) for i in range(first, len(self.entries)))

    def entry(self, index: int) -> bytes:
        return b"".join(f"id: {1000 + index}-0\ndata: {json.dumps(v)}\n\n".encode() for v in self.entries[index])


def streams() -> list[OutputStream]:
    return [OutputStream(list(VALUES), "v1"), OutputStream(list(VALUES), "v2"), Grouped(list(VALUES), [1, 3, 1, 2])]


class Clock:
    def __init__(self, t: float) -> None:
        self.t = t

    def now(self) -> float:
        return self.t

    def hold(self, seconds: float) -> None:
        self.t += seconds


class Server(RealtimeServer):
    """run_1 writes `stream`; at 100 s the run has completed, at 10 s it is still executing.

    The REST read answers every field the API's schema requires, and the tags of `tags`."""

    tags: tuple[str, ...] = ()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/v1/tasks/llm-chat/trigger":
            self.requests.append(request)
            return httpx.Response(200, json={"id": "run_2", "isCached": False})
        answer = super().__call__(request)
        if request.url.path != "/api/v3/runs/run_1" or answer.status_code != 200:
            return answer
        status = json.loads(answer.read())["status"]
        flags = {"isQueued": False, "isExecuting": status == "EXECUTING", "isWaiting": False}
        flags.update(isCompleted=status == "COMPLETED", isSuccess=status == "COMPLETED", isFailed=False)
        run = {
            "id": "run_1", "status": status, "taskIdentifier": "llm-chat", "createdAt": "2026-01-01T00:00:00.000Z",
            "updatedAt": "2026-01-01T00:00:00.000Z", "isTest": False, "tags": list(self.tags), "costInCents": 0,
            "baseCostInCents": 0, "durationMs": 0, "depth": 0, "triggerFunction": "trigger", "isCancelled": False,
            "attempts": [], "attemptCount": 0, "relatedRuns": {"children": []}, **flags,
        }  # fmt: skip
        return httpx.Response(200, json=run)


def server(stream: OutputStream, *, at: float = 100.0) -> Server:
    clock = Clock(at)
    return Server([minute_run("run_1")], now=clock.now, hold=clock.hold, streams={("run_1", "llm"): stream})


def events(raw: list[bytes]) -> list[dict[str, Any]]:
    """Server-sent events as a browser parses them: {"event", "id", "data"} (data decoded from JSON)."""
    out = []
    for block in b"".join(raw).decode().split("\n\n")[:-1]:
        fields = dict(line.split(": ", 1) for line in block.split("\n"))
        out.append(
            {"event": fields.get("event", "message"), "id": fields.get("id"), "data": json.loads(fields["data"])}
        )
    return out


def browse(read: Any, stop_after: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A browser that drops after `stop_after` events, then reconnects with the last id it saw."""
    first = events(read(None, stop_after))
    last_id = next((e["id"] for e in reversed(first) if e["id"] is not None), None)
    return first, events(read(last_id, None))


def sync_reader(relay: types.ModuleType, app: RealtimeServer) -> Any:
    client = TriggerClient(secret_key=KEY, base_url="https://api.test", transport=httpx.MockTransport(app), environ={})

    def read(last_id: str | None, limit: int | None) -> list[bytes]:
        generator = relay.relay(client, "run_1", "llm", last_id)
        out = []
        for piece in generator:
            out.append(piece)
            if limit is not None and len(out) == limit:
                generator.close()  # what dropping the response does to the body iterator
                break
        return out

    return read


def async_reader(relay: types.ModuleType, app: RealtimeServer) -> Any:
    client = AsyncTriggerClient(
        secret_key=KEY, base_url="https://api.test", transport=httpx.MockTransport(app), environ={}
    )

    def read(last_id: str | None, limit: int | None) -> list[bytes]:
        async def go() -> list[bytes]:
            generator = relay.relay_async(client, "run_1", "llm", last_id)
            out = []
            async for piece in generator:
                out.append(piece)
                if limit is not None and len(out) == limit:
                    await generator.aclose()
                    break
            return out

        return asyncio.run(go())

    return read


READERS = pytest.mark.parametrize("reader", [sync_reader, async_reader], ids=["sync", "async"])


@READERS
@pytest.mark.parametrize("stream_index", [0, 1, 2], ids=["v1", "v2", "v1-grouped"])
def test_a_browser_dropping_after_any_event_gets_every_chunk_once(
    relay: types.ModuleType, reader: Any, stream_index: int
) -> None:
    for stop_after in range(len(VALUES) + 1):
        stream = streams()[stream_index]
        read = reader(relay, server(stream))
        first, second = browse(read, stop_after)
        seen = [e["data"] for e in first + second if e["event"] == "message"]
        assert seen == VALUES, stop_after
        assert second[-1] == {"event": "end", "id": None, "data": None}, stop_after


@READERS
def test_a_quiet_stream_of_a_running_task_ends_without_end_and_a_bad_run_fails(
    relay: types.ModuleType, reader: Any
) -> None:
    app = server(OutputStream(["a"], "v2"), at=10.0)
    got = events(reader(relay, app)(None, None))
    assert [e["event"] for e in got] == ["message"]  # no "end": the browser reconnects and resumes
    assert [r.url.path for r in app.requests] == ["/realtime/v1/streams/run_1/llm", "/api/v3/runs/run_1"]
    assert app.requests[0].headers["timeout-seconds"] == str(relay.IDLE_SECONDS)

    def missing(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"error": "Run not found"})

    got = events(reader(relay, missing)(None, None))
    assert got == [{"event": "failed", "id": None, "data": {"status": 404}}]


@pytest.mark.parametrize("name", ["app_async.py", "app_sync.py"])
def test_the_fastapi_apps_serve_the_relay(relay: types.ModuleType, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    testclient = pytest.importorskip("fastapi.testclient")  # not a dependency: checked where FastAPI is installed

    for variable in CLIENT_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("TRIGGER_SECRET_KEY", KEY)
    monkeypatch.setenv("TRIGGER_API_URL", "https://api.test")
    app = server(OutputStream(list(VALUES), "v2"))
    app.tags = ("user:7",)
    transport = httpx.MockTransport(app)
    monkeypatch.setattr(trigger_facade, "TriggerClient", functools.partial(TriggerClient, transport=transport))
    monkeypatch.setattr(
        trigger_facade, "AsyncTriggerClient", functools.partial(AsyncTriggerClient, transport=transport)
    )
    module = types.ModuleType(name[:-3])
    exec(compile(blocks()[name], name, "exec"), module.__dict__)  # noqa: S102 - the guide's own code
    with testclient.TestClient(module.app) as http:
        response = http.get("/runs/run_1/answer", headers={"x-user-id": "7"})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        got = events([response.content])
        assert [e["data"] for e in got if e["event"] == "message"] == VALUES
        assert got[-1]["event"] == "end"
        resumed = http.get("/runs/run_1/answer", headers={"x-user-id": "7", "last-event-id": got[2]["id"]})
        assert [e["data"] for e in events([resumed.content]) if e["event"] == "message"] == VALUES[3:]
        assert http.get("/runs/run_1/answer", headers={"x-user-id": "8"}).status_code == 404
        assert http.get("/runs/run_nope/answer", headers={"x-user-id": "7"}).status_code == 404
        if name == "app_async.py":
            started = http.post("/chat", json={"prompt": "hi"}, headers={"x-user-id": "7"})
            assert started.json() == {"runId": "run_2"}
            body = json.loads(app.requests[-1].content)
            assert (json.loads(body["payload"]), body["options"]["tags"]) == ({"json": {"prompt": "hi"}}, ["user:7"])
