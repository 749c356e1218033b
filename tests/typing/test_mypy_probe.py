"""mypy --strict on a snippet that puts every public call's result in a variable of the type we promise.

Each result also goes through typing.assert_type, which holds only for exactly that type: a result
typed Any (or one that lost its annotation) fails, as does one of another type. reveal_type cannot run
in strict CI, so the promise is written as annotations and checked through mypy's API.
"""

from __future__ import annotations

import inspect
from pathlib import Path

from mypy import api

from .public_types import public_members, resources

ROOT = Path(__file__).resolve().parents[2]

# resource.method -> (arguments, the type the sync client promises); the async twin promises the Async
# form (paginators, iterators, handles) of the same type
CALLS: dict[str, tuple[str, str]] = {
    "tasks.trigger": ('"t", {"n": 1}', "RunHandle"),
    "tasks.batch_trigger": ('"t", [{"payload": 1}]', "BatchHandle"),
    "runs.retrieve": ('"run_1"', "Run"),
    "runs.list": ("", "SyncPaginator[Run]"),
    "runs.cancel": ('"run_1"', "CancelRunResult"),
    "runs.replay": ('"run_1"', "ReplayRunResult"),
    "runs.reschedule": ('"run_1", delay="1h"', "Run"),
    "runs.add_tags": ('"run_1", ["a"]', "AddRunTagsResult"),
    "runs.update_metadata": ('"run_1", {"k": 1}', "dict[str, Any]"),  # the caller's own metadata
    "runs.retrieve_metadata": ('"run_1"', "dict[str, Any]"),  # the caller's own metadata
    "runs.events": ('"run_1"', "RunEvents"),
    "runs.trace": ('"run_1"', "RunTrace"),
    "runs.span": ('"run_1", "span_1"', "RunSpanResponse"),
    "runs.result": ('"run_1"', "RunResult | None"),
    "runs.wait": ('"run_1"', "Run"),
    "runs.watch": ('"run_1"', "Iterator[Run]"),
    "runs.subscribe": ('"run_1"', "Iterator[Run]"),
    "runs.subscribe_to_tag": ('"tag"', "Iterator[Run]"),
    "runs.subscribe_to_batch": ('"batch_1"', "Iterator[Run]"),
    "runs.stream": ('"run_1"', "Iterator[StreamChunk]"),
    "runs.stream_keys": ('"run_1"', "list[str]"),
    "runs.send_input": ('"run_1", "s", {"a": 1}', "bool"),
    "batch.trigger": ('[{"task": "t", "payload": 1}]', "BatchHandle"),
    "batch.retrieve": ('"batch_1"', "BatchObject"),
    "batch.results": ('"batch_1"', "list[RunResult]"),
    "batch.wait": ('"batch_1"', "list[Run]"),
    "schedules.create": ('task="t", cron="0 9 * * *", deduplication_key="k"', "ScheduleObject"),
    "schedules.list": ("", "SyncPaginator[ScheduleObject]"),
    "schedules.retrieve": ('"sched_1"', "ScheduleObject"),
    "schedules.update": ('"sched_1", task="t", cron="0 9 * * *"', "ScheduleObject"),
    "schedules.delete": ('"sched_1"', "DeleteScheduleResponse"),
    "schedules.activate": ('"sched_1"', "ScheduleObject"),
    "schedules.deactivate": ('"sched_1"', "ScheduleObject"),
    "schedules.timezones": ("", "list[str]"),
    "queues.list": ("", "SyncPaginator[QueueObject]"),
    "queues.retrieve": ('"queue_1"', "QueueObject"),
    "queues.pause": ('"queue_1"', "QueueObject"),
    "queues.resume": ('"queue_1"', "QueueObject"),
    "queues.override_concurrency_limit": ('"queue_1", 5', "QueueObject"),
    "queues.reset_concurrency_limit": ('"queue_1"', "QueueObject"),
    "queues.metrics": ('"queue_1"', "QueueMetricsResponse"),
    "waitpoints.create_token": ("", "WaitpointToken"),
    "waitpoints.list_tokens": ("", "SyncPaginator[WaitpointToken]"),
    "waitpoints.retrieve_token": ('"waitpoint_1"', "WaitpointToken"),
    "waitpoints.complete_token": ('"waitpoint_1", {"ok": True}', "CompleteWaitpointTokenResponse"),
    "waitpoints.complete_token_by_url": ('"https://x/cb"', "CompleteWaitpointTokenResponse"),
    "deployments.list": ("", "SyncPaginator[DeploymentListItem]"),
    "deployments.retrieve": ('"dep_1"', "Deployment"),
    "deployments.latest": ("", "DeploymentSummary"),
    "deployments.current": ("", "DeploymentSummary"),
    "deployments.promote": ('"20250101.1"', "PromoteDeploymentResult"),
    "envvars.list": ('env="dev"', "list[EnvVar]"),
    "envvars.retrieve": ('"A", env="dev"', "EnvVar"),
    "envvars.create": ('"A", "1", env="dev"', "SucceedResponse"),
    "envvars.update": ('"A", "1", env="dev"', "SucceedResponse"),
    "envvars.delete": ('"A", env="dev"', "SucceedResponse"),
    "envvars.upload": ('{"A": "1"}, env="dev"', "SucceedResponse"),
    "query.execute": ('"SELECT 1"', "QueryRows | str"),
    "query.schema": ("", "QuerySchema"),
    "query.dashboards": ("", "QueryDashboards"),
    "bulk_actions.cancel": ('run_ids=["run_1"]', "CreateBulkActionResponse"),
    "bulk_actions.replay": ('run_ids=["run_1"]', "CreateBulkActionResponse"),
    "bulk_actions.list": ("", "SyncPaginator[BulkActionObject]"),
    "bulk_actions.retrieve": ('"bulk_1"', "BulkActionObject"),
    "bulk_actions.abort": ('"bulk_1"', "AbortBulkActionResponse"),
    "idempotency_keys.reset": ('"t", "key"', "bool"),
    "auth.create_public_token": ("", "str"),
    "auth.create_trigger_token": ('"t"', "str"),
    "auth.create_batch_trigger_token": ('"t"', "str"),
    "sessions.create": (
        'type="chat", task_identifier="t", trigger_config={"basePayload": {}}',
        "CreatedSessionResponseBody",
    ),
    "sessions.list": ("", "SyncPaginator[SessionObject]"),
    "sessions.retrieve": ('"session_1"', "SessionObject"),
    "sessions.update": ('"session_1", tags=["a"]', "SessionObject"),
    "sessions.close": ('"session_1"', "SessionObject"),
    "sessions.end_and_continue": ('"session_1"', "CreatedSessionResponseBody"),
    "sessions.read": ('"session_1"', "Iterator[StreamChunk]"),
}
# what the handles and paginators give (the receiver is the variable the snippet made first)
FOLLOW_UPS = [
    ("handle", "tasks.trigger", "retrieve()", "Run"),
    ("handle", "tasks.trigger", "wait()", "Run"),
    ("handle", "tasks.trigger", "cancel()", "CancelRunResult"),
    ("batch_handle", "tasks.batch_trigger", "results()", "list[RunResult]"),
    ("pages", "runs.list", "first_page()", "Page[Run]"),
    ("pages", "runs.list", "to_list()", "list[Run]"),
]
ASYNC_NAMES = {
    "SyncPaginator": "AsyncPaginator",
    "Iterator": "AsyncIterator",
    "RunHandle": "AsyncRunHandle",
    "BatchHandle": "AsyncBatchHandle",
}


def _async_type(sync_type: str) -> str:
    for sync_name, async_name in ASYNC_NAMES.items():
        sync_type = sync_type.replace(f"{sync_name}[", f"{async_name}[")
        if sync_type == sync_name:
            return async_name
    return sync_type


def _awaited(asynchronous: bool) -> dict[str, bool]:
    out = {}
    for name, resource in resources(asynchronous=asynchronous):
        for member, fn in public_members(resource):
            out[f"{name}.{member}"] = inspect.iscoroutinefunction(fn)
    return out


def snippet() -> str:
    lines = [
        "from __future__ import annotations",
        "from collections.abc import AsyncIterator, Iterator",
        "from typing import Any, assert_type",
        "from trigger_facade import AsyncTriggerClient, TriggerClient",
        "from trigger_facade.types import *  # noqa: F403",
        "",
    ]
    for asynchronous in (False, True):
        awaited = _awaited(asynchronous)
        client = "AsyncTriggerClient" if asynchronous else "TriggerClient"
        lines.append(f"{'async ' if asynchronous else ''}def calls_{int(asynchronous)}(client: {client}) -> None:")
        for index, (call, (arguments, promised)) in enumerate(sorted(CALLS.items())):
            expected = _async_type(promised) if asynchronous else promised
            prefix = "await " if awaited[call] else ""
            lines.append(f"    r{index}: {expected} = assert_type({prefix}client.{call}({arguments}), {expected})")
        lines.append(
            f"    handle: {_async_type('RunHandle') if asynchronous else 'RunHandle'} = "
            f"{'await ' if asynchronous else ''}client.tasks.trigger('t', 1)"
        )
        lines.append(
            f"    batch_handle: {'AsyncBatchHandle' if asynchronous else 'BatchHandle'} = "
            f"{'await ' if asynchronous else ''}client.tasks.batch_trigger('t', [{{'payload': 1}}])"
        )
        lines.append(f"    pages: {'AsyncPaginator' if asynchronous else 'SyncPaginator'}[Run] = client.runs.list()")
        for index, (receiver, _source, call, promised) in enumerate(FOLLOW_UPS):
            prefix = "await " if asynchronous else ""
            lines.append(f"    f{index}: {promised} = assert_type({prefix}{receiver}.{call}, {promised})")
        lines.append("")
    return "\n".join(lines)


def run_mypy(tmp_path: Path, source: str) -> tuple[str, int]:
    path = tmp_path / "probe_calls.py"
    path.write_text(source, encoding="utf-8")
    out, err, status = api.run(
        [
            "--strict",
            "--no-error-summary",
            "--cache-dir",
            str(ROOT / ".mypy_cache"),
            str(path),
        ]
    )
    return out + err, status


def test_every_public_method_is_in_the_probe() -> None:
    for asynchronous in (False, True):
        assert set(_awaited(asynchronous)) == set(CALLS)


def test_every_result_has_the_promised_type_under_mypy_strict(tmp_path: Path) -> None:
    output, status = run_mypy(tmp_path, snippet())
    assert (status, output) == (0, "")


def test_the_probe_catches_a_wrong_promise_and_an_any(tmp_path: Path) -> None:
    source = "\n".join(
        [
            "from __future__ import annotations",
            "from typing import Any, assert_type",
            "from trigger_facade import TriggerClient",
            "def f(client: TriggerClient, anything: Any) -> None:",
            '    wrong: str = client.runs.cancel("run_1")',  # cancel no longer answers a bare id
            "    loose: int = assert_type(anything, int)",
            "",
        ]
    )
    output, status = run_mypy(tmp_path, source)
    assert status == 1
    assert 'Incompatible types in assignment (expression has type "CancelRunResult", variable has type "str")' in output
    assert 'Expression is of type "Any", not "int"' in output
