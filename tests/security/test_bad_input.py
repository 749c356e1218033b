"""One table of bad inputs across every resource: each raises a ValueError naming the argument and
the accepted form, and nothing reaches the transport."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest

from trigger_facade import InvalidInputError, QueueRef, TriggerClient

from ..facade.harness import Recorder, make_client

# the client is Any here: these calls pass wrong types on purpose, to check the runtime refusals
Case = tuple[str, Callable[[Any], Any], str]

CASES: list[Case] = [
    # durations, TTLs, dates
    ("delay with a decimal", lambda c: c.tasks.trigger("t", 1, delay="1.5h"), "delay='1.5h' is not a duration"),
    ("delay in upper case", lambda c: c.tasks.trigger("t", 1, delay="1H"), "unit w, d, h"),
    ("delay as a numeric string", lambda c: c.tasks.trigger("t", 1, delay="3600"), "delay='3600'"),
    ("delay with a space", lambda c: c.tasks.trigger("t", 1, delay="1h 30m"), "delay='1h 30m'"),
    ("negative delay", lambda c: c.tasks.trigger("t", 1, delay="-1h"), "delay='-1h'"),
    ("delay in ms", lambda c: c.tasks.trigger("t", 1, delay="500ms"), "delay='500ms'"),
    ("naive datetime delay", lambda c: c.tasks.trigger("t", 1, delay=datetime(2030, 1, 1)), "naive datetime"),
    ("delay as an int", lambda c: c.tasks.trigger("t", 1, delay=60), "delay must be a duration string"),
    ("negative ttl", lambda c: c.tasks.trigger("t", 1, ttl=-5), "ttl=-5 must be >= 0"),
    ("ttl as a float", lambda c: c.tasks.trigger("t", 1, ttl=1.5), "ttl must be a duration string"),
    ("ttl as bool", lambda c: c.tasks.trigger("t", 1, ttl=True), "not bool"),
    ("fractional timedelta ttl", lambda c: c.tasks.trigger("t", 1, ttl=timedelta(seconds=1.5)), "whole number"),
    (
        "key ttl with two units",
        lambda c: c.tasks.trigger("t", 1, idempotency_key="k", idempotency_key_ttl="1h30m"),
        "idempotency_key_ttl='1h30m'",
    ),
    ("key ttl in weeks", lambda c: c.tasks.trigger("t", 1, idempotency_key="k", idempotency_key_ttl="1w"), "no 'w'"),
    ("reschedule to nonsense", lambda c: c.runs.reschedule("run_1", delay="later"), "delay='later'"),
    ("waitpoint timeout", lambda c: c.waitpoints.create_token(timeout="1 day"), "timeout='1 day'"),
    ("list period", lambda c: c.runs.list(period="a week"), "period='a week'"),
    (
        "query from",
        lambda c: c.query.execute("SELECT 1", from_="yesterday"),
        "from_ must be an aware datetime or an ISO-8601",
    ),
    # tags, machines, metadata, payloads
    ("eleven tags", lambda c: c.tasks.trigger("t", 1, tags=[str(i) for i in range(11)]), "at most 10"),
    ("a 129-character tag", lambda c: c.tasks.trigger("t", 1, tags=["x" * 129]), "at most 128"),
    ("an empty tag", lambda c: c.runs.add_tags("run_1", [""]), "non-empty strings"),
    ("a non-string tag", lambda c: c.runs.add_tags("run_1", [3]), "non-empty strings"),
    ("unknown machine", lambda c: c.tasks.trigger("t", 1, machine="xlarge"), "machine='xlarge' must be one of micro"),
    ("metadata not a dict", lambda c: c.runs.update_metadata("run_1", ["x"]), "metadata must be a dict"),
    ("unserializable payload", lambda c: c.tasks.trigger("t", object()), "payload is a object, which a payload cannot"),
    # NaN travels as superjson's special number (the SDK sends it); a naive datetime has no instant
    ("naive datetime payload", lambda c: c.tasks.trigger("t", {"x": datetime(2030, 1, 1)}), "naive datetime"),
    (
        "unserializable token data",
        lambda c: c.waitpoints.complete_token("w", {1, 2j}),
        "data must be JSON-serializable",
    ),
    # ids and names
    ("empty run id", lambda c: c.runs.retrieve(""), "run_id must be a non-empty string"),
    ("None run id", lambda c: c.runs.cancel(None), "run_id must be a non-empty string"),
    ("dot-dot run id", lambda c: c.runs.retrieve(".."), "path step"),
    ("control character", lambda c: c.runs.replay("run\n1"), "control characters"),
    ("empty task id", lambda c: c.tasks.trigger("", 1), "task_id must be a non-empty string"),
    ("empty schedule id", lambda c: c.schedules.delete(" "), "schedule_id"),
    ("empty batch id", lambda c: c.batch.retrieve(""), "batch_id"),
    ("envvar name with =", lambda c: c.envvars.delete("A=B", env="dev"), "must not contain '='"),
    ("empty deployment version", lambda c: c.deployments.promote(""), "version"),
    # env slugs, key kinds, project refs
    ("unknown env slug", lambda c: c.envvars.list(env="production"), "env='production' must be one of dev, staging"),
    ("env of another key", lambda c: c.envvars.list(env="prod"), "does not match this client's dev key"),
    ("empty project ref", lambda c: c.with_options(project_ref=""), "project_ref must be a non-empty string"),
    ("project ref as a path step", lambda c: c.envvars.list(env="dev", project_ref=".."), "path step"),
    ("project ref with a newline", lambda c: c.runs.list(project_ref="proj\n1", env="dev"), "control characters"),
    ("project runs with an env key", lambda c: c.runs.list(project_ref="proj_1"), "needs a personal access token"),
    (
        "bad project env filter",
        lambda c: TriggerClient(secret_key="tr_pat_x", environ={}).runs.list(project_ref="p", env="live"),
        "env='live'",
    ),
    # queues
    ("queue by bare name", lambda c: c.queues.pause("emails"), "neither a queue id"),
    ("queue of the wrong type", lambda c: c.queues.retrieve(42), "queue id string or a QueueRef"),
    ("QueueRef with no name", lambda c: c.queues.retrieve(QueueRef.custom("")), "non-empty string"),
    (
        "limit and percent",
        lambda c: c.queues.override_concurrency_limit("queue_1", 3, percent=5),
        "exactly one of limit",
    ),
    ("limit out of range", lambda c: c.queues.override_concurrency_limit("queue_1", 100_001), "between 0 and 100000"),
    # batches
    ("batch item without a task", lambda c: c.batch.trigger([{"payload": 1}]), "has no 'task'"),
    ("empty batch", lambda c: c.tasks.batch_trigger("t", []), "items is empty"),
    ("batch item not a dict", lambda c: c.tasks.batch_trigger("t", [1]), "items\\[0\\] must be a dict"),
    ("batch option unknown", lambda c: c.tasks.batch_trigger("t", [{"options": {"retries": 3}}]), "unknown names"),
    ("batch items as a dict", lambda c: c.batch.trigger({"task": "t"}), "items must be an iterable"),
    # limits and enums
    ("page size 0", lambda c: c.runs.list(page_size=0), "page_size=0 must be between 1 and 100"),
    ("page size 1000", lambda c: c.waitpoints.list_tokens(page_size=1000), "page_size=1000"),
    ("per page 0", lambda c: c.schedules.list(per_page=0), "per_page=0"),
    ("unknown run status", lambda c: c.runs.list(status="DONE"), "unknown run statuses"),
    ("unknown token status", lambda c: c.waitpoints.list_tokens(status="DONE"), "unknown token statuses"),
    ("query scope", lambda c: c.query.execute("SELECT 1", scope="world"), "scope='world'"),
    ("cron with 4 fields", lambda c: c.schedules.create(task="t", cron="* * * *", deduplication_key="k"), "5 fields"),
    (
        "schedule window",
        lambda c: c.schedules.create(task="t", cron="0 9 * * *", deduplication_key="k", window="2d"),
        "window='2d'",
    ),
    (
        "bulk with both",
        lambda c: c.bulk_actions.cancel(filter={"status": "QUEUED"}, run_ids=["r"]),
        "exactly one of filter",
    ),
    ("bulk with 501 ids", lambda c: c.bulk_actions.replay(run_ids=["r"] * 501), "1 to 500"),
    ("debounce without delay", lambda c: c.tasks.trigger("t", 1, debounce={"key": "k"}), "debounce\\['delay'\\]"),
]


def test_the_table_is_large_and_every_case_is_distinct() -> None:
    assert len(CASES) >= 40
    assert len({name for name, _, _ in CASES}) == len(CASES)


@pytest.mark.parametrize(("name", "action", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_raises_before_any_request(name: str, action: Callable[[Any], Any], message: str) -> None:
    rec = Recorder()
    client = make_client("sync", rec, project_ref="proj_1")
    with pytest.raises(InvalidInputError, match=message) as info:
        action(client)
    assert isinstance(info.value, ValueError)
    assert rec.requests == []


def test_machine_names_match_the_spec() -> None:
    from trigger_api.models.machine_preset import MachinePreset

    from trigger_facade._validate import MACHINES

    assert set(MACHINES) == {m.value for m in MachinePreset}
