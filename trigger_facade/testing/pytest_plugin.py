"""pytest fixtures for code that uses trigger-facade (registered automatically on install).

    def test_signup_triggers_welcome_email(trigger_fake):
        trigger_fake.task("send-welcome", lambda payload: {"sent": payload["email"]})
        signup(client=trigger_fake.client, email="a@example.com")   # your code under test
        (run,) = trigger_fake.client.runs.list(task_identifier="send-welcome")
        assert trigger_fake.client.runs.wait(run.id).output == {"sent": "a@example.com"}

`trigger_fake` yields a FakeHarness: a fresh FakeTrigger per test (its attributes and controls
reachable on the harness) with a ready `client` (TriggerClient, in-process) and `async_client`.
`trigger_fake_server` yields `(fake, base_url)`: a fresh FakeTrigger served over loopback HTTP.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from ._fake import FakeTrigger

if TYPE_CHECKING:
    from .._client import AsyncTriggerClient, TriggerClient


class FakeHarness:
    """A FakeTrigger plus ready clients (the sync one is closed when the test ends; neither holds a socket)."""

    def __init__(self, fake: FakeTrigger) -> None:
        self.fake = fake
        self.client: TriggerClient = fake.client()
        self.async_client: AsyncTriggerClient = fake.async_client()

    def task(self, task_id: str, handler: Any = None) -> Any:
        return self.fake.task(task_id, handler)

    def scheduled_task(self, task_id: str, handler: Any = None) -> Any:
        return self.fake.scheduled_task(task_id, handler)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.fake, name)


@pytest.fixture
def trigger_fake() -> Iterator[FakeHarness]:
    """A FakeHarness: a fresh in-memory FakeTrigger with a ready `client` and `async_client`."""
    harness = FakeHarness(FakeTrigger())
    yield harness
    harness.client.close()


@pytest.fixture
def trigger_fake_server() -> Iterator[tuple[FakeTrigger, str]]:
    """`(fake, base_url)`: a fresh FakeTrigger served over loopback HTTP until the test ends."""
    fake = FakeTrigger()
    with fake.serve() as url:
        yield fake, url
