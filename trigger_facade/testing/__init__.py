"""A local Trigger.dev for tests and demos.

    from trigger_facade.testing import FakeTrigger
    fake = FakeTrigger()
    fake.task("resize-image", lambda payload: {"ok": True})
    client = fake.client()                       # in-process, no sockets
    with fake.serve() as url:                    # or over real HTTP on loopback
        client = TriggerClient(secret_key=fake.secret_key, base_url=url)

`python -m trigger_facade.testing serve --port 0` serves one from the command line.

The fake answers as the real server does, strictness included: only a user-level idempotency key
dedupes a trigger (not `x-trigger-request-idempotency-key`), a repeated batch idempotencyKey is a
422, and schedules are accepted only for tasks declared as scheduled
(`FakeTrigger(scheduled_tasks={"nightly"})` or `fake.scheduled_task("nightly")`).
"""

from ._clock import FakeClock
from ._fake import DEFAULT_PERSONAL_TOKEN, DEFAULT_PROJECT_REF, DEFAULT_SECRET_KEY, FakeTransport, FakeTrigger
from ._faults import Faults
from ._ratelimit import TokenBucket

__all__ = [
    "DEFAULT_PERSONAL_TOKEN",
    "DEFAULT_PROJECT_REF",
    "DEFAULT_SECRET_KEY",
    "FakeClock",
    "FakeTransport",
    "FakeTrigger",
    "Faults",
    "TokenBucket",
]
