"""The CLI against the loopback fake: `fake` serves a FakeTrigger and points the environment at it."""

from __future__ import annotations

import pytest

from trigger_facade.testing import FakeTrigger

from .helpers import CLIENT_VARIABLES


def fail(payload: object) -> object:
    raise ValueError("bad input")


@pytest.fixture
def fake(trigger_fake_server: tuple[FakeTrigger, str], monkeypatch: pytest.MonkeyPatch) -> FakeTrigger:
    """The served fake with tasks `double` and `fails`; the environment holds its key, URL and project ref."""
    served, url = trigger_fake_server
    served.task("double", lambda payload: payload * 2)
    served.task("fails", fail)
    for name in CLIENT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TRIGGER_SECRET_KEY", served.secret_key)
    monkeypatch.setenv("TRIGGER_API_URL", url)
    monkeypatch.setenv("TRIGGER_PROJECT_REF", served.project_ref)
    return served
