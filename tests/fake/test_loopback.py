"""The fake over real HTTP on loopback: sockets, keep-alive, timeouts, the serve command, the plugin."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time

import httpx
import pytest

from trigger_facade import APITimeoutError, AsyncTriggerClient, TriggerClient
from trigger_facade.testing import FakeTrigger, Faults
from trigger_facade.testing.pytest_plugin import FakeHarness


def test_end_to_end_over_loopback() -> None:
    fake = FakeTrigger()
    fake.task("greet", lambda payload: f"hello {payload['name']}")
    with fake.serve() as url, TriggerClient(secret_key=fake.secret_key, base_url=url, environ={}) as client:
        handle = client.tasks.trigger("greet", {"name": "ada"}, idempotency_key="greet-ada")
        assert client.runs.wait(handle.id, timeout=10, poll_interval=0.01).output == "hello ada"
        assert client.tasks.trigger("greet", {"name": "ada"}, idempotency_key="greet-ada").is_cached
        big = {"blob": "x" * 200_000}
        big_run = client.tasks.trigger("echo", big)
        assert client.runs.retrieve(big_run.id).payload == big  # uploaded as a packet, read back presigned
        batch = client.tasks.batch_trigger("greet", ({"payload": {"name": str(i)}} for i in range(1500)))
        assert batch.run_count == 1500
        assert len(batch.ids) == 2


async def test_async_end_to_end_over_loopback() -> None:
    fake = FakeTrigger()
    with fake.serve() as url:
        async with AsyncTriggerClient(secret_key=fake.secret_key, base_url=url, environ={}) as client:
            handles = await asyncio.gather(*(client.tasks.trigger("echo", i) for i in range(20)))
            assert len({h.id for h in handles}) == 20
            runs = [run async for run in client.runs.list(page_size=5)]
            assert len(runs) == 20


def test_connections_are_kept_alive() -> None:
    fake = FakeTrigger()
    ports: set[int] = set()
    with fake.serve() as url, httpx.Client(base_url=url) as http:
        headers = {"authorization": f"Bearer {fake.secret_key}"}
        for _ in range(5):
            response = http.get("/api/v1/runs", headers=headers, extensions={"trace": None})
            stream = response.extensions["network_stream"]
            ports.add(stream.get_extra_info("client_addr")[1])
    assert len(ports) == 1


def test_a_stalled_server_ends_in_a_timeout_within_the_budget() -> None:
    fake = FakeTrigger(faults=Faults(latency=2.0))
    with fake.serve() as url:
        client = TriggerClient(secret_key=fake.secret_key, base_url=url, environ={}, timeout=0.2, max_retries=1)
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as info:
            client.runs.retrieve("run_1")
        elapsed = time.monotonic() - started
    assert info.value.may_have_succeeded
    # 2 attempts x 0.2 s, plus one backoff of at most 1 s
    assert elapsed < 2 * 0.2 + 1.0 + 0.5


def test_serve_command_prints_its_url() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "trigger_facade.testing", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        response = httpx.get(f"{url}/api/v1/timezones", timeout=5)
        assert response.status_code == 200
        assert "UTC" in response.json()["timezones"]
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_pytest_plugin_fixture(trigger_fake: FakeHarness) -> None:
    trigger_fake.task("send-welcome", lambda payload: {"sent": payload["email"]})
    handle = trigger_fake.client.tasks.trigger("send-welcome", {"email": "a@example.com"})
    assert trigger_fake.client.runs.wait(handle.id, timeout=5, poll_interval=0.01).output == {"sent": "a@example.com"}


def test_the_server_fixture(trigger_fake_server: tuple[FakeTrigger, str]) -> None:
    fake, url = trigger_fake_server
    client = TriggerClient(secret_key=fake.secret_key, base_url=url, environ={})
    assert "Europe/Paris" in client.schedules.timezones()
