"""The few objects the facade adds over the generated models: runs, handles and pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Generic, Required, TypedDict, TypeVar, cast, overload

import attrs

if TYPE_CHECKING:
    from trigger_api.models.retrieve_run_response import RetrieveRunResponse

from . import status as _status
from .errors import RunCancelledError, RunExpiredError, RunFailedError

T = TypeVar("T")
Cursor = object  # opaque: a cursor string, a page number, or (for a list of lists) a pair

__all__ = ["TRIGGER_FAILED", "BatchPart", "Cursor", "Page", "Run", "RunError", "RunResult", "run_outcome"]


@attrs.frozen
class Page(Generic[T]):
    """One page of a list. `next_cursor` is opaque (a cursor or a page number); None on the last page."""

    data: Sequence[T]
    next_cursor: Cursor = None
    previous_cursor: Cursor = None
    total_count: int | None = None


class RunError(TypedDict, total=False):
    """A run's error as the server writes it (SerializedError): `message` always; `name` and
    `stackTrace` for a thrown error; `type` and `code` on internal errors (O14)."""

    message: Required[str]
    name: str
    stackTrace: str
    type: str
    code: str


class _Member(Generic[T]):
    """A typed view of one member of a run's JSON, converted on first read and then kept on the run
    (a non-data descriptor: the converted value shadows it in the instance dict)."""

    __slots__ = ("convert", "key", "name")

    def __init__(self, key: str, convert: Callable[[Any], T]) -> None:
        self.key = key
        self.convert = convert
        self.name = key

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> _Member[T]: ...
    @overload
    def __get__(self, obj: Run, owner: type | None = None) -> T: ...
    def __get__(self, obj: Run | None, owner: type | None = None) -> T | _Member[T]:
        if obj is None:
            return self
        value = self.convert(obj.data.get(self.key))
        obj.__dict__[self.name] = value
        return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _moment(value: Any) -> datetime:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO-8601 date, got {type(value).__name__}")
    return datetime.fromisoformat(value)


def _moment_or_none(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None


def _number_or_none(value: Any) -> float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _flag(value: Any) -> bool:
    return value is True


def _json(value: Any) -> Any:
    return value


def _error(value: Any) -> RunError | None:
    return cast(RunError, value) if isinstance(value, dict) else None


def _object_or_none(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) else None


def _tags(value: Any) -> list[str]:
    return list(value) if isinstance(value, list) else []


def _ttl(value: Any) -> str | int | float | None:
    return value if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None


_KNOWN_STATUSES = _status.QUEUED | _status.EXECUTING | _status.WAITING | _status.TERMINAL
# the dates parsed when a run is made, so a body with a bad date is refused at once (as an answer
# that does not fit the spec) instead of failing later, on first read
_DATES = ("created_at", "updated_at", "started_at", "finished_at", "delayed_until", "expired_at")


class Run:
    """A run as the API describes it: typed fields over `data`, the JSON as received.

    Fields are converted from `data` on first read and kept. The same type describes a run read
    over REST (retrieve, list, reschedule, wait) and one decoded from the realtime feed; a field a
    source does not send is None (a list item or a feed run has no `attempt_count`, a feed run no
    `depth` or `version`; the server always sends the costs and `duration_ms`). Status booleans
    follow trigger_facade.status (EXPIRED and TIMED_OUT are terminal failures, unlike the
    server's own isCompleted); a status this version does not know leaves every boolean False and
    never raises.
    """

    id = _Member("id", _text)
    status = _Member("status", _text)
    """One of trigger_facade.status's values, or a newer one this version does not know."""
    task_identifier = _Member("taskIdentifier", _text)
    version = _Member("version", _text_or_none)
    created_at = _Member("createdAt", _moment)
    updated_at = _Member("updatedAt", _moment)
    started_at = _Member("startedAt", _moment_or_none)
    finished_at = _Member("finishedAt", _moment_or_none)
    delayed_until = _Member("delayedUntil", _moment_or_none)
    expired_at = _Member("expiredAt", _moment_or_none)
    payload = _Member("payload", _json)
    """The run's payload, any JSON value (a presigned one fetched and decoded by retrieve)."""
    output = _Member("output", _json)
    """What the task returned, any JSON value; None until it completes."""
    error = _Member("error", _error)
    metadata = _Member("metadata", _object_or_none)
    tags = _Member("tags", _tags)
    idempotency_key = _Member("idempotencyKey", _text_or_none)
    is_test = _Member("isTest", _flag)
    ttl = _Member("ttl", _ttl)
    batch_id = _Member("batchId", _text_or_none)
    attempt_count = _Member("attemptCount", _int_or_none)
    duration_ms = _Member("durationMs", _number_or_none)
    cost_in_cents = _Member("costInCents", _number_or_none)
    base_cost_in_cents = _Member("baseCostInCents", _number_or_none)
    depth = _Member("depth", _int_or_none)
    trigger_function = _Member("triggerFunction", _text_or_none)
    task_kind = _Member("taskKind", _text_or_none)
    region = _Member("region", _text_or_none)
    payload_presigned_url = _Member("payloadPresignedUrl", _text_or_none)
    output_presigned_url = _Member("outputPresignedUrl", _text_or_none)

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    @classmethod
    def parse(cls, data: Any) -> Run:
        """A run from checked JSON; its dates are read at once, so a bad one raises here (ValueError)."""
        if not isinstance(data, dict):
            raise TypeError(f"expected a JSON object, got {type(data).__name__}")
        run = cls(data)
        members = run.__dict__
        for name, key, convert in _DATE_MEMBERS:  # what the members' first read does, done here
            members[name] = convert(data.get(key))
        return run

    def evolve(self, **members: Any) -> Run:
        """A copy with these JSON members replaced (e.g. a downloaded `payload`)."""
        return Run({**self.data, **members})

    def __repr__(self) -> str:
        return f"Run(id={self.id!r}, task={self.task_identifier!r}, status={self.status!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Run) and other.data == self.data

    __hash__ = None  # type: ignore[assignment]

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

    def to_dict(self) -> dict[str, Any]:
        return dict(self.data)

    @property
    def model(self) -> RetrieveRunResponse | None:
        """Deprecated (read the typed fields): the generated model of `data`, made on each read;
        None when the JSON is not a full retrieve answer (a list item, a feed run) or has a status
        this version does not know."""
        from trigger_api.models.retrieve_run_response import RetrieveRunResponse

        if self.status not in _KNOWN_STATUSES:
            return None
        try:
            return RetrieveRunResponse.from_dict(self.data)
        except (KeyError, TypeError, ValueError):
            return None


_DATE_MEMBERS = tuple((name, vars(Run)[name].key, vars(Run)[name].convert) for name in _DATES)


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
    error: RunError | None = None

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


def _outcome(run_id: str, status: str, output: Any, error: RunError | None) -> Any:
    if _status.is_success(status):
        return output
    detail = None if error is None else dict(error)
    if _status.is_cancelled(status):
        raise RunCancelledError(run_id, status, detail)
    if status in _EXPIRED:
        raise RunExpiredError(run_id, status, detail)
    if _status.is_failed(status) or status == TRIGGER_FAILED:
        raise RunFailedError(run_id, status, detail)
    raise ValueError(f"run {run_id} has not finished (status {status})")


def run_outcome(run: Run) -> Any:
    """A finished run's output, or the typed error for how it ended (see RunFailedError)."""
    return _outcome(run.id, run.status, run.output, run.error)
