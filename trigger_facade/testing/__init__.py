"""A local Trigger.dev for tests and demos.

    from trigger_facade.testing import FakeTrigger
    fake = FakeTrigger()
    fake.task("resize-image", lambda payload: {"ok": True})
    client = fake.client()                       # in-process, no sockets
    with fake.serve() as url:                    # or over real HTTP on loopback
        client = TriggerClient(secret_key=fake.secret_key, base_url=url)

A handler that takes `(payload, ctx)` can write output streams and read input streams, and one
that is a generator takes time on the fake's clock (see `TaskContext`):

    @fake.task("chat")
    def chat(payload, ctx):
        for word in payload["text"].split():
            ctx.stream("tokens").write(word)
            yield 0.5                              # seconds
        approved = yield ctx.input("approval")     # waits for client.runs.send_input(...)
        return {"approved": approved}

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
from ._taskcontext import InputStream, OutputStream, TaskContext

__all__ = [
    "DEFAULT_PERSONAL_TOKEN",
    "DEFAULT_PROJECT_REF",
    "DEFAULT_SECRET_KEY",
    "FakeClock",
    "FakeTransport",
    "FakeTrigger",
    "Faults",
    "InputStream",
    "OutputStream",
    "TaskContext",
    "TokenBucket",
]
