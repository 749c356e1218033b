"""No `Any` and no `Unset` where the server always answers, in what any public method returns (sync and async)."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from trigger_api.models.queue_object import QueueObject
from trigger_api.models.retrieve_run_response import RetrieveRunResponse
from trigger_api.types import Unset

import trigger_facade
import trigger_facade.types as public
from trigger_facade.models import Run

from .public_types import Walker, always_set, findings, public_members, resources, return_type


def test_no_any_and_no_unset_where_the_server_always_answers() -> None:
    assert [str(finding) for finding in findings()] == []


def test_the_walk_reaches_every_kind_of_result() -> None:
    walker = Walker()
    for asynchronous in (False, True):
        for _name, resource in resources(asynchronous=asynchronous):
            walker.cls(resource)
    reached = {cls.__name__ for cls in walker.seen}
    expected = {
        "Run",
        "RunResult",
        "RunHandle",
        "AsyncRunHandle",
        "BatchHandle",
        "AsyncBatchHandle",
        "SyncPaginator",
        "AsyncPaginator",
        "WaitpointToken",
        "WaitpointTokenObject",
        "StreamChunk",
        "CancelRunResult",
        "ReplayRunResult",
        "QueueObject",
        "QueueObjectConcurrency",
        "ScheduleObject",
        "DeploymentListItem",
        "BatchObject",
        "BatchItemError",
        "SucceedResponse",
        "CreateBulkActionResponse",
        "QuerySchema",
        "RunError",
    }
    assert expected - reached == set()


def _returned_classes() -> set[type]:
    """The classes a public method names at the top of its return type (inside unions and generics)."""
    from typing import get_args, get_origin

    found: set[type] = set()

    def top(tp: Any) -> None:
        origin = get_origin(tp)
        if origin is not None:
            if isinstance(origin, type) and origin.__module__.startswith("trigger_facade"):
                found.add(origin)
            for arg in get_args(tp):
                top(arg)
        elif isinstance(tp, type) and tp.__module__.startswith(("trigger_facade", "trigger_api")):
            found.add(tp)

    for asynchronous in (False, True):
        for _name, resource in resources(asynchronous=asynchronous):
            for _member, fn in public_members(resource):
                top(return_type(fn))
    return found


def test_every_returned_type_is_exported_from_trigger_facade_types() -> None:
    missing = {cls.__name__ for cls in _returned_classes() if getattr(public, cls.__name__, None) is not cls}
    assert missing == set()
    assert set(public.__all__) == {name for name in dir(public) if not name.startswith("_")} - {"annotations"}


@pytest.mark.parametrize(
    "name", ["Run", "RunError", "SyncPaginator", "AsyncPaginator", "WaitpointToken", "StreamChunk", "types"]
)
def test_the_package_reexports_the_common_types(name: str) -> None:
    value = getattr(trigger_facade, name)
    assert value is (public if name == "types" else getattr(public, name))
    assert name in trigger_facade.__all__


# --- the probe can fail ----------------------------------------------------------------------------


class _Loose:
    def anything(self) -> Any:
        return None

    def maybe(self) -> int | Unset:
        return 0


@attrs.frozen
class _LooseRecord:
    value: Any


def test_the_walk_refuses_any_and_unset_in_a_facade_type() -> None:
    _Loose.__module__ = _LooseRecord.__module__ = "trigger_facade.example"
    walker = Walker()
    walker.cls(_Loose)
    walker.cls(_LooseRecord)
    assert sorted(str(f) for f in walker.findings) == [
        "_Loose.anything: Any",
        "_Loose.maybe: Unset in a facade type",
        "_LooseRecord.value: Any",
    ]


def test_the_walk_refuses_unset_on_a_member_every_recording_has() -> None:
    # the run objects stay optional in the spec (tests/typing/test_required_fields.py says why), so their
    # generated model still has Unset where the server always answers: exactly what the walk catches
    assert always_set()[RetrieveRunResponse]["cost_in_cents"] is True
    walker = Walker()
    walker.cls(RetrieveRunResponse)
    flagged = {f.where for f in walker.findings if "every recorded answer" in f.problem}
    assert {"RetrieveRunResponse.cost_in_cents", "RetrieveRunResponse.attempt_count"} <= flagged
    assert walker.findings
    # while a model whose always-sent members are required passes
    clean = Walker()
    clean.cls(QueueObject)
    assert clean.findings == []


def test_run_fields_carry_their_types() -> None:
    walker = Walker()
    walker.cls(Run)
    assert walker.findings == []
    assert return_type(vars(Run)["created_at"].convert).__name__ == "datetime"
