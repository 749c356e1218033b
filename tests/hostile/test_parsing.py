"""Issue 11.3: every 2xx answer goes through one strict check; only our own errors come out."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trigger_facade import ResponseValidationError, TriggerClient, TriggerError
from trigger_facade.testing import FakeClock

from .harness import KEY, raised
from .server import hostile_server, json_answer

TRIGGER = ("POST", "/api/v1/tasks/t/trigger")


@pytest.mark.parametrize(
    "body",
    ['{"id": null}', '{"id": "run_1", "isCached": "false"}', '{"isCached": false}', "[]", '"run_1"', "{"],
)
def test_a_malformed_trigger_answer_is_refused_with_the_body(mode: str, body: str) -> None:
    with hostile_server({TRIGGER: json_answer(200, body)}) as server:
        error = raised(mode, lambda c: c.tasks.trigger("t", {}), base_url=server.url)
    assert isinstance(error, ResponseValidationError)
    assert error.status_code == 200
    expected: Any = body if body == "{" else json.loads(body)
    assert error.body == expected


@pytest.mark.parametrize(
    "body",
    [
        '{"id": 7, "runCount": 1}',
        '{"runCount": 1}',
        '{"id": "b", "runCount": "1"}',
        '{"id": "b", "runCount": 1, "isCached": 1}',
    ],
)
def test_a_malformed_batch_answer_is_refused(mode: str, body: str) -> None:
    with hostile_server({("POST", "/api/v3/batches"): json_answer(202, body)}) as server:
        error = raised(mode, lambda c: c.batch.trigger([{"task": "t", "payload": 1}]), base_url=server.url)
    assert isinstance(error, ResponseValidationError)
    # nothing was streamed into a batch whose answer could not be read
    assert server.count("POST", "/api/v3/batches/b/items") == 0


# one call per facade method that reads a JSON answer (ids fixed; the answers are random)
CALLS: list[tuple[str, Callable[[TriggerClient], Any]]] = [
    ("runs.retrieve", lambda c: c.runs.retrieve("run_1")),
    ("runs.list", lambda c: list(c.runs.list(limit=3))),
    ("runs.cancel", lambda c: c.runs.cancel("run_1")),
    ("runs.replay", lambda c: c.runs.replay("run_1")),
    ("runs.reschedule", lambda c: c.runs.reschedule("run_1", delay="1h")),
    ("runs.retrieve_metadata", lambda c: c.runs.retrieve_metadata("run_1")),
    ("runs.update_metadata", lambda c: c.runs.update_metadata("run_1", {"a": 1})),
    ("runs.events", lambda c: c.runs.events("run_1")),
    ("runs.trace", lambda c: c.runs.trace("run_1")),
    ("tasks.trigger", lambda c: c.tasks.trigger("t", {})),
    ("batch.trigger", lambda c: c.batch.trigger([{"task": "t", "payload": 1}])),
    ("batch.retrieve", lambda c: c.batch.retrieve("batch_1")),
    ("schedules.list", lambda c: list(c.schedules.list(limit=3))),
    ("schedules.retrieve", lambda c: c.schedules.retrieve("sched_1")),
    ("schedules.timezones", lambda c: c.schedules.timezones()),
    ("envvars.list", lambda c: c.envvars.list(env="dev", project_ref="proj_1")),
    ("envvars.retrieve", lambda c: c.envvars.retrieve("A", env="dev", project_ref="proj_1")),
    ("queues.list", lambda c: list(c.queues.list(limit=3))),
    ("queues.retrieve", lambda c: c.queues.retrieve("queue_1")),
    ("waitpoints.create_token", lambda c: c.waitpoints.create_token()),
    ("waitpoints.retrieve_token", lambda c: c.waitpoints.retrieve_token("waitpoint_1")),
    ("waitpoints.list_tokens", lambda c: list(c.waitpoints.list_tokens(limit=3))),
    ("query.execute", lambda c: c.query.execute("SELECT id FROM runs")),
    ("deployments.list", lambda c: list(c.deployments.list(limit=3))),
    ("deployments.latest", lambda c: c.deployments.latest()),
    ("bulk_actions.list", lambda c: list(c.bulk_actions.list(limit=3))),
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=5),
    max_leaves=12,
)
# answers shaped like ours but with random values, so the check is reached past the outer shape
near_misses = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values,
        "data": json_values,
        "pagination": json_values,
        "status": json_values,
        "runCount": json_values,
        "isCached": json_values,
        "metadata": json_values,
        "url": json_values,
        "rows": json_values,
        "presignedUrl": json_values,
    },
)


@pytest.mark.parametrize(("name", "action"), CALLS, ids=[c[0] for c in CALLS])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=json_values | near_misses, status=st.sampled_from([200, 201, 202]))
def test_random_answers_raise_only_our_errors(
    name: str, action: Callable[[TriggerClient], Any], body: Any, status: int
) -> None:
    text = json.dumps(body)
    client = TriggerClient(
        secret_key=KEY,
        environ={},
        clock=FakeClock(),
        max_retries=0,
        transport=httpx.MockTransport(lambda request: httpx.Response(status, content=text.encode())),
    )
    with contextlib.suppress(TriggerError):
        action(client)
