"""The few objects the facade adds over the generated models: runs, handles and pages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cached_property
from typing import Any, Generic, TypeVar

import attrs

from . import status as _status
from .errors import RunCancelledError, RunExpiredError, RunFailedError

T = TypeVar("T")

__all__ = ["TRIGGER_FAILED", "BatchPart", "Page", "Run", "RunResult", "run_outcome"]


@attrs.frozen
class Page(Generic[T]):
    """One page of a list. `next_cursor` is opaque (a cursor or a page number); None on the last page."""

    data: Sequence[T]
    next_cursor: Any = None
    previous_cursor: Any = None
    total_count: int | None = None


def _time(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None


class Run:
    """A run as the API describes it, with status booleans computed from `status`.

    The booleans follow trigger_facade.status (EXPIRED and TIMED_OUT are terminal failures, unlike
    the server's own isCompleted). A status this version does not know leaves every boolean False and
    `model` None; it never raises. `data` is the JSON as received; `model` the generated model.
    """

    def __init__(self, data: dict[str, Any], model: Any = None) -> None:
        self.data = data
        self.model = model

    def __repr__(self) -> str:
        return f"Run(id={self.id!r}, task={self.task_identifier!r}, status={self.status!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Run) and other.data == self.data

    __hash__ = None  # type: ignore[assignment]

    # identity and state
    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def status(self) -> str:
        return str(self.data["status"])

    @property
    def task_identifier(self) -> str:
        return str(self.data["taskIdentifier"])

    @property
    def is_queued(self) -> bool:
        return _status.is_queued(self.status)

    @property
    def is_executing(self) -> bool:
        return _status.is_executing(self.status)

    @property
    def is_waiting(self) -> bool:
        return _status.is_waiting(self.status)

    @property
    def is_completed(self) -> bool:
        """Finished for good (same as is_terminal)."""
        return _status.is_terminal(self.status)

    @property
    def is_terminal(self) -> bool:
        return _status.is_terminal(self.status)

    @property
    def is_success(self) -> bool:
        return _status.is_success(self.status)

    @property
    def is_failed(self) -> bool:
        return _status.is_failed(self.status)

    @property
    def is_cancelled(self) -> bool:
        return _status.is_cancelled(self.status)

    # times
    @cached_property
    def created_at(self) -> datetime | None:
        return _time(self.data.get("createdAt"))

    @cached_property
    def updated_at(self) -> datetime | None:
        return _time(self.data.get("updatedAt"))

    @cached_property
    def started_at(self) -> datetime | None:
        return _time(self.data.get("startedAt"))

    @cached_property
    def finished_at(self) -> datetime | None:
        return _time(self.data.get("finishedAt"))

    @cached_property
    def delayed_until(self) -> datetime | None:
        return _time(self.data.get("delayedUntil"))

    @cached_property
    def expired_at(self) -> datetime | None:
        return _time(self.data.get("expiredAt"))

    # content
    @property
    def payload(self) -> Any:
        return self.data.get("payload")

    @property
    def output(self) -> Any:
        return self.data.get("output")

    @property
    def error(self) -> dict[str, Any] | None:
        error = self.data.get("error")
        return error if isinstance(error, dict) else None

    @property
    def metadata(self) -> dict[str, Any] | None:
        metadata = self.data.get("metadata")
        return metadata if isinstance(metadata, dict) else None

    @property
    def tags(self) -> list[str]:
        return list(self.data.get("tags") or [])

    @property
    def idempotency_key(self) -> str | None:
        return self.data.get("idempotencyKey")

    @property
    def version(self) -> str | None:
        return self.data.get("version")

    @property
    def is_test(self) -> bool:
        return bool(self.data.get("isTest", False))

    @property
    def ttl(self) -> str | int | None:
        return self.data.get("ttl")

    @property
    def batch_id(self) -> str | None:
        return self.data.get("batchId")

    @property
    def attempt_count(self) -> int:
        return int(self.data.get("attemptCount") or 0)

    @property
    def duration_ms(self) -> float | None:
        return self.data.get("durationMs")

    @property
    def cost_in_cents(self) -> float | None:
        return self.data.get("costInCents")

    @property
    def payload_presigned_url(self) -> str | None:
        return self.data.get("payloadPresignedUrl")

    @property
    def output_presigned_url(self) -> str | None:
        return self.data.get("outputPresignedUrl")

    def to_dict(self) -> dict[str, Any]:
        return dict(self.data)


@attrs.frozen
class BatchPart:
    """One server-side batch (at most 1,000 items) of a batch_trigger call."""

    id: str
    run_count: int
    is_cached: bool
    first_index: int
    items_accepted: int = 0
    items_deduplicated: int = 0
    public_access_token: str | None = attrs.field(default=None, repr=False)


@attrs.frozen
class RunResult:
    """What a finished run produced, read from the run itself (the server's own result endpoints
    answer nothing for v4 runs: server-truth O15). `ok` is True only for COMPLETED."""

    id: str
    task_identifier: str
    status: str
    output: Any = None
    error: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return _status.is_success(self.status)

    @property
    def is_finished(self) -> bool:
        return _status.is_terminal(self.status) or self.status == TRIGGER_FAILED

    def unwrap(self) -> Any:
        """The output of a COMPLETED run; RunFailedError (or its Cancelled/Expired kinds) otherwise."""
        return _outcome(self.id, self.status, self.output, self.error)

    @classmethod
    def from_run(cls, run: Run) -> RunResult:
        return cls(
            id=run.id, task_identifier=run.task_identifier, status=run.status, output=run.output, error=run.error
        )


_EXPIRED = frozenset({"EXPIRED", "TIMED_OUT"})
# a batch item the server could not turn into a run (its processing error is the result's error)
TRIGGER_FAILED = "TRIGGER_FAILED"


def _outcome(run_id: str, status: str, output: Any, error: dict[str, Any] | None) -> Any:
    if _status.is_success(status):
        return output
    if _status.is_cancelled(status):
        raise RunCancelledError(run_id, status, error)
    if status in _EXPIRED:
        raise RunExpiredError(run_id, status, error)
    if _status.is_failed(status) or status == TRIGGER_FAILED:
        raise RunFailedError(run_id, status, error)
    raise ValueError(f"run {run_id} has not finished (status {status})")


def run_outcome(run: Run) -> Any:
    """A finished run's output, or the typed error for how it ended (see RunFailedError)."""
    return _outcome(run.id, run.status, run.output, run.error)
