"""The official SDK's recorded run feeds (sdk-vectors-realtime.json), served to client.runs.subscribe*
over MockTransport: the same feed requests, and runs equal to what the SDK yielded, field by field."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx
import pytest

from trigger_facade.errors import AuthenticationError, NotFoundError
from trigger_facade.realtime.runs import RUN_FIELDS

from ..realtime.vectors import mismatch, runs_vector
from .helpers import BASE, MODES, drain, make_client
from .server import FakeClock

SDK_FLAGS = ("isQueued", "isWaiting", "isExecuting", "isCompleted", "isFailed", "isSuccess", "isCancelled")
DATES = ("createdAt", "updatedAt", "expiredAt", "finishedAt", "startedAt", "delayedUntil", "queuedAt")


def is_feed(request: dict[str, Any]) -> bool:
    return request["path"].startswith("/realtime/v1/") and "/streams/" not in request["path"]


def is_prefetch(request: dict[str, Any]) -> bool:
    # the Electric client's read-ahead, whose answer it throws away; we do not send it
    query = request["rawQuery"]
    return "handle=" in query and "live=true" not in query and "offset=-1" not in query


class Replay:
    """Answers feed requests with the recorded answers in order, and the other routes by path."""

    def __init__(self, vector: dict[str, Any], clock: FakeClock) -> None:
        feed = [r for r in vector["requests"] if is_feed(r)]
        skipped = {r["servedFeed"] for r in feed if is_prefetch(r)}
        self.feed = [a for i, a in enumerate(vector["feed"]) if i not in skipped]
        self.expected = [r for r in feed if not is_prefetch(r)]
        self.extra: dict[str, Any] = dict(vector.get("extraServerAnswers") or {})
        self.clock = clock
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path.startswith("/realtime/"):
            if not self.feed:
                # the SDK's request was held open here until it gave up: so is ours, until its read timeout
                self.clock.advance(request.extensions["timeout"]["read"])
                raise httpx.ReadTimeout("held open", request=request)
            answer = self.feed.pop(0)
            return httpx.Response(answer["status"], headers=answer["headers"], content=answer["body"].encode())
        answer = self.extra.get(f"GET {request.url.path}")
        if answer is None:
            return httpx.Response(404, json={"error": "Not found"})
        body = answer["body"]
        if isinstance(body, dict):
            body = {k: v.replace("<base>", BASE) if isinstance(v, str) else v for k, v in body.items()}
            return httpx.Response(answer["status"], json=body, headers=answer.get("headers"))
        return httpx.Response(answer["status"], content=body.encode(), headers=answer.get("headers"))


def follow(name: str, client: Any) -> Any:
    vector = runs_vector(name)
    if name == "subscribeToRunsWithTag.multi":
        return client.runs.subscribe_to_tag(["user:123", "org:abc"], created_after="2h", skip_columns=["payload"])
    if name == "subscribeToBatch.mustRefetch":
        return client.runs.subscribe_to_batch("batch_cm5bat")
    run_id = vector["requests"][0]["path"].rsplit("/", 1)[1]
    if name == "subscribeToRun.noStop.skipColumns":
        return client.runs.subscribe(run_id, stop_on_completion=False, skip_columns=["payload", "output"], timeout=60)
    return client.runs.subscribe(run_id, timeout=600)


def with_dates(data: dict[str, Any]) -> dict[str, Any]:
    """A Run's data with its top-level dates as datetimes again, as the SDK's typed view has them."""
    return {k: datetime.fromisoformat(v) if k in DATES and isinstance(v, str) else v for k, v in data.items()}


FOLLOWED = [
    "subscribeToRun.basic",
    "subscribeToRun.nativeHeaders",
    "subscribeToRun.storeOutput",
    "subscribeToRun.retry429and500",
    "subscribeToRun.noStop.skipColumns",
    "subscribeToRunsWithTag.multi",
    "subscribeToBatch.mustRefetch",
]


@MODES
@pytest.mark.parametrize("name", FOLLOWED)
def test_recorded_feeds_yield_what_the_sdk_yielded(mode: str, name: str) -> None:
    vector = runs_vector(name)
    clock = FakeClock()
    replay = Replay(vector, clock)
    client = make_client(mode, replay, clock)
    expected = vector["yieldedTyped"]
    runs = drain(follow(name, client), limit=len(expected))
    assert len(runs) == len(expected)
    for run, theirs in zip(runs, expected, strict=True):
        assert list(run.data) == list(RUN_FIELDS)
        fields = {k: v for k, v in theirs.items() if k not in SDK_FLAGS}
        problem = mismatch(fields, with_dates(run.data))
        assert problem is None, problem
    sent = [(r.url.path, str(r.url.query, "ascii")) for r in replay.requests if r.url.path.startswith("/realtime/")]
    recorded = [(r["path"], r["rawQuery"]) for r in replay.expected]
    # the SDK reads ahead: its last request, held open when the loop ended, may not be ours to send
    assert sent in (recorded, recorded[:-1]), sent


@MODES
def test_a_stored_output_is_fetched_like_the_sdk_and_without_the_key(mode: str) -> None:
    vector = runs_vector("subscribeToRun.storeOutput")
    clock = FakeClock()
    replay = Replay(vector, clock)
    runs = drain(make_client(mode, replay, clock).runs.subscribe("run_cm5run0000003"))
    assert runs[-1].output["big"] == 9007199254740993
    others = [r for r in replay.requests if not r.url.path.startswith("/realtime/")]
    assert [(r.url.path, str(r.url.query, "ascii")) for r in others] == [
        ("/api/v1/runs/run_cm5run0000003/packets/output", ""),
        ("/presigned/output.json", "X-Amz-Signature=abc"),
    ]
    assert "authorization" in others[0].headers
    assert "authorization" not in others[1].headers


@MODES
def test_the_legacy_packet_route_is_used_when_the_run_route_is_missing(mode: str) -> None:
    vector = runs_vector("subscribeToRun.storeOutput.legacyFallback")
    clock = FakeClock()
    replay = Replay(vector, clock)
    stored = runs_vector("subscribeToRun.storeOutput")["extraServerAnswers"]["GET /presigned/output.json"]
    replay.extra = {
        "GET /api/v1/packets/packets/proj_1/run_cm5run0000005/output.json": {
            "status": 200,
            "body": {"presignedUrl": "<base>/presigned/output.json?legacy=1"},
        },
        "GET /presigned/output.json": stored,
    }
    runs = drain(make_client(mode, replay, clock).runs.subscribe("run_cm5run0000005"))
    theirs = {k: v for k, v in vector["yieldedTyped"][-1].items() if k not in SDK_FLAGS}
    assert mismatch(theirs, with_dates(runs[-1].data)) is None
    recorded = [r for r in vector["requests"] if not is_feed(r)]
    others = [r for r in replay.requests if not r.url.path.startswith("/realtime/")]
    assert [r.url.raw_path.decode() for r in others] == [
        f"{r['path']}?{r['rawQuery']}" if r["rawQuery"] else r["path"] for r in recorded
    ]


@MODES
@pytest.mark.parametrize(
    ("name", "error"), [("subscribeToRun.error401", AuthenticationError), ("subscribeToRun.error404", NotFoundError)]
)
def test_where_the_sdk_hangs_silently_we_raise(mode: str, name: str, error: type[Exception]) -> None:
    vector = runs_vector(name)
    clock = FakeClock()
    replay = Replay(vector, clock)
    run_id = vector["requests"][0]["path"].rsplit("/", 1)[1]
    with pytest.raises(error):
        drain(make_client(mode, replay, clock).runs.subscribe(run_id))
    assert len(replay.requests) == 1
