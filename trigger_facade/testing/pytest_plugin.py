"""pytest fixtures for code that uses trigger-facade (registered automatically on install).

    def test_signup_triggers_welcome_email(trigger_fake):
        trigger_fake.task("send-welcome", lambda payload: {"sent": payload["email"]})
        signup(client=trigger_fake.client, email="a@example.com")   # your code under test
        (run,) = trigger_fake.client.runs.list(task_identifier="send-welcome")
        assert trigger_fake.client.runs.wait(run.id).output == {"sent": "a@example.com"}

`trigger_fake` is a fresh FakeTrigger per test with a `client` (TriggerClient, in-process) and an
`async_client`; `trigger_fake_server` serves one over loopback HTTP and yields its base URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ._fake import FakeTrigger


class FakeHarness:
    """A FakeTrigger plus ready clients (closed when the test ends)."""

    def __init__(self, fake: FakeTrigger) -> None:
        self.fake = fake
        self.client = fake.client()
        self.async_client = fake.async_client()

    def task(self, task_id: str, handler: Any = None) -> Any:
        return self.fake.task(task_id, handler)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.fake, name)


@pytest.fixture
def trigger_fake() -> Iterator[FakeHarness]:
    harness = FakeHarness(FakeTrigger())
    yield harness
    harness.client.close()


@pytest.fixture
def trigger_fake_server() -> Iterator[tuple[FakeTrigger, str]]:
    fake = FakeTrigger()
    with fake.serve() as url:
        yield fake, url
