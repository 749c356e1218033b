"""Our fake answers the recorded scenario as the real server did.

The scenario of scripts/server_truth (the one that made the recordings) is run once against an in-process
FakeTrigger and once against one served on loopback HTTP: the same requests, in the same order, with the
ids the fake hands out in place of the server's. Each answer is then compared with the recorded one of the
same name by scripts/server_truth/shape.py: status code, headers that matter (x-trigger-jwt and its
claims, x-should-retry, x-ratelimit-*, content type, realtime headers), body keys and value types, and the
values of booleans and `status`.

Where the fake still answers differently, the difference is listed in KNOWN_DIFFERENCES below, with its
reason. An entry whose difference is gone fails the test too, so the table shrinks as the fake is fixed.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from scripts.server_truth.exchange import Pace, Session
from scripts.server_truth.scenario import run_scenario
from scripts.server_truth.shape import differences, request_view
from trigger_facade.testing import FakeClock, FakeTransport, FakeTrigger

from .recordings import exchanges

RECORDED = list(exchanges())
RECORDED_PROJECT = "proj_rrkpdguyagvsoktglnod"  # the recordings' project; the fake takes it too
CLOCK_STEP = 0.1  # fake seconds that pass per request: runs progress while the scenario polls

# The fake's known differences from the server: exchange name -> (what the server does that the fake does
# not, where the difference shows: the start of each difference line up to ":", e.g. "status",
# "header x-trigger-jwt", "body.ttl"). An entry must still differ exactly there, so a fix to the fake fails
# its entry: delete the entry then. Empty since the fake was rewritten to the recordings (2026-11-30; the
# 50 differences found before that are listed in the commit that emptied this table).
KNOWN_DIFFERENCES: dict[str, tuple[str, set[str]]] = {}


class _Ticking(httpx.BaseTransport):
    """A transport to the fake (in-process, or HTTP to its loopback server) that moves the fake's clock a
    step before each request, and writes the chunks a triggered st-stream run pipes (a fake's task
    handler sees only the payload, not its run)."""

    def __init__(self, fake: FakeTrigger, clock: FakeClock, inner: httpx.BaseTransport) -> None:
        self.fake = fake
        self.inner = inner
        self.clock = clock

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.clock.advance(CLOCK_STEP)
        response = self.inner.handle_request(request)
        if request.url.path == "/api/v1/tasks/st-stream/trigger" and response.status_code == 200:
            response.read()
            count = json.loads(request.content)["payload"].get("count", 3)
            chunks = [{"i": i, "text": f"chunk-{i}"} for i in range(count)]
            self.fake.write_stream(response.json()["id"], "chunks", *chunks)
        return response


def _no_contract_check(request: httpx.Request, response: httpx.Response) -> None:
    """The scenario sends bad input on purpose (invalid JSON, unknown ids): here the recordings, not
    spec/openapi.yaml, say what the answer must be."""


def _fake() -> tuple[FakeTrigger, FakeClock]:
    clock = FakeClock()
    fake = FakeTrigger(
        project_ref=RECORDED_PROJECT,
        clock=clock,
        start_after=0.0,
        execution_time=1.0,
        realtime_hold=20.0,
        validator=_no_contract_check,
    )
    # the tasks of scripts/server_truth/tasks, as the fake runs them
    fake.task("st-echo", lambda payload: {"ok": True, "n": (payload or {}).get("n")})
    fake.task("st-fail", _fail)
    fake.task("st-retry", _fail)
    fake.task("st-crash", _crash)
    fake.task("st-slow", lambda payload: {"slept": (payload or {}).get("seconds", 3)})
    fake.task("st-stream", lambda payload: {"sent": (payload or {}).get("count", 3)})
    fake.scheduled_task("st-cron", lambda payload: {"at": None})
    return fake, clock


def _fail(payload: Any) -> Any:
    raise RuntimeError("fails on purpose")


def _crash(payload: Any) -> Any:
    raise SystemExit(7)


def run_against_fake(over: str = "in-process") -> list[dict[str, Any]]:
    """The scenario's exchanges with a fresh fake, in-process or `over` "loopback" HTTP (polls cost no
    wall time: the fake's clock ticks)."""
    fake, clock = _fake()
    pace = Pace(poll_timeout=10.0, poll_interval=0.0, live_timeout=10.0, stream_seconds=1)

    def scenario(inner: httpx.BaseTransport, base_url: str) -> list[dict[str, Any]]:
        with httpx.Client(transport=_Ticking(fake, clock, inner), base_url=base_url) as http:
            session = Session(http=http, secret_key=fake.secret_key, project_ref=fake.project_ref, pace=pace)
            run_scenario(session)
        return session.exchanges

    if over == "loopback":
        with fake.serve() as url:
            return scenario(httpx.HTTPTransport(), url)
    return scenario(FakeTransport(fake), "https://fake.trigger.local")


@pytest.fixture(scope="module", params=["in-process", "loopback"])
def fake_exchanges(request: pytest.FixtureRequest) -> dict[str, dict[str, Any]]:
    return {exchange["name"]: exchange for exchange in run_against_fake(request.param)}


def _where(line: str) -> str:
    return line.split(":", 1)[0]


def test_the_known_differences_name_recorded_exchanges() -> None:
    names = {exchange["name"] for exchange in RECORDED}
    assert set(KNOWN_DIFFERENCES) <= names


def test_the_fake_answers_no_exchange_the_recordings_lack(fake_exchanges: dict[str, dict[str, Any]]) -> None:
    assert set(fake_exchanges) <= {exchange["name"] for exchange in RECORDED}


@pytest.mark.parametrize("recorded", RECORDED, ids=[e["name"] for e in RECORDED])
def test_the_fake_answers_like_the_server(recorded: dict[str, Any], fake_exchanges: dict[str, dict[str, Any]]) -> None:
    name = recorded["name"]
    mine = fake_exchanges.get(name)
    found = (
        ["not sent: an earlier answer of the fake in this step was missing or unusable"]
        if mine is None
        else ([] if request_view(recorded) == request_view(mine) else ["request: differs from the recorded one"])
        + differences(recorded, mine)
    )
    known = KNOWN_DIFFERENCES.get(name)
    if known is None:
        assert found == [], f"{name}: the fake differs from the server:\n  " + "\n  ".join(found)
    else:
        reason, where = known
        assert {_where(line) for line in found} == where, (
            f"{name}: the known difference ({reason}) changed; the fake now differs at "
            f"{sorted({_where(line) for line in found})}:\n  " + "\n  ".join(found)
        )
