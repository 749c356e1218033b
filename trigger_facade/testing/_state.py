"""What the fake remembers: runs, batches, tokens, schedules, env vars, queues, deployments; and its clock.

Everything here is plain data guarded by one re-entrant lock (`State.lock`). The rules that move
it live in `_lifecycle` (runs and the batch queue) and in the route modules.
"""

from __future__ import annotations

import hashlib
import itertools
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

DEFAULT_SECRET_KEY = "tr_dev_fakefakefakefakefakefake"  # noqa: S105 - the fake's own, public key
DEFAULT_PERSONAL_TOKEN = "tr_pat_fakefakefakefakefakefake"  # noqa: S105
DEFAULT_PROJECT_REF = "proj_fakeproject"

Json = Any
TaskHandler = Any  # a callable payload -> output; typed loosely so lambdas of any shape register

_IDS = itertools.count(1)


class ClockLike(Protocol):
    def now(self) -> float: ...


class WallClock:
    """Real time, for a fake served to other processes."""

    def now(self) -> float:
        return time.time()


def iso(epoch: float | None) -> str | None:
    """An epoch as the server writes dates: ISO 8601, milliseconds, `Z`."""
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id(prefix: str) -> str:
    digest = hashlib.sha256(f"{prefix}{next(_IDS)}{time.time_ns()}".encode()).hexdigest()
    return f"{prefix}_{digest[:20]}"


@dataclass
class FakeRun:
    id: str
    task: str
    payload: Json  # the plain value (a superjson packet decoded), what a task receives
    payload_type: str
    created_at: float
    packet: Json = None  # the payload exactly as sent (None: the plain value is the packet)
    status: str = "QUEUED"
    updated_at: float = 0.0
    queued_at: float | None = None
    delayed_until: float | None = None
    started_at: float | None = None
    finished_at: float | None = None
    expired_at: float | None = None
    ttl: str | None = None
    max_duration: float | None = None
    tags: list[str] = field(default_factory=list)
    metadata: dict[str, Any] | None = None
    trigger_metadata: dict[str, Any] | None = None  # what the trigger sent; a replay starts from it (O17)
    output: Json = None
    error: dict[str, Any] | None = None
    idempotency_key: str | None = None
    idempotency_key_options: dict[str, Any] | None = None
    batch_id: str | None = None
    version: str | None = None
    queue: str = ""
    machine: str | None = None
    region: str | None = None
    is_test: bool = False
    attempt_count: int = 0
    resumed_at: float | None = None  # when its paused queue was resumed
    index: int = 0  # position in creation order (for cursors)
    stream_version: str = "v1"  # how its output streams are served (the trigger's realtime streams version)
    stream_keys: list[str] = field(default_factory=list)  # the output streams it wrote (realtimeStreams)
    execution: Any = None  # a running generator handler (see _taskcontext), between its steps


@dataclass
class Config:
    """What a FakeTrigger was built with; read by every room."""

    secret_key: str = DEFAULT_SECRET_KEY
    personal_token: str = DEFAULT_PERSONAL_TOKEN
    project_ref: str = DEFAULT_PROJECT_REF
    environment: str = "dev"
    start_after: float = 0.0
    execution_time: float = 0.0
    realtime_hold: float = 20.0
    stream_version: str = "v1"  # the output-stream format new runs get (v1 Redis ids, v2 S2 records)
    additional_keys: dict[str, list[str] | None] = field(default_factory=dict)  # tr_<env>_sk_ key -> scopes

    @property
    def environment_id(self) -> str:
        """The environment's id, the `sub` of every JWT it signs (stable, and not derived from the key)."""
        return "env_" + hashlib.sha256(f"{self.project_ref}/{self.environment}".encode()).hexdigest()[:24]

    @property
    def slug(self) -> str:
        return {"staging": "stg"}.get(self.environment, self.environment)


@dataclass
class IdempotencyEntry:
    run_id: str
    expires_at: float


@dataclass
class State:
    """All the fake's data. Hold `lock` while reading or changing it."""

    config: Config
    clock: ClockLike
    lock: threading.RLock = field(default_factory=threading.RLock)
    handlers: dict[str, TaskHandler] = field(default_factory=dict)
    scheduled_tasks: set[str] = field(default_factory=set)
    runs: dict[str, FakeRun] = field(default_factory=dict)
    order: list[FakeRun] = field(default_factory=list)
    active: dict[str, FakeRun] = field(default_factory=dict)
    idempotency: dict[tuple[str, str], IdempotencyEntry] = field(default_factory=dict)
    batches: dict[str, dict[str, Any]] = field(default_factory=dict)
    batch_keys: set[str] = field(default_factory=set)
    batch_queue: list[str] = field(default_factory=list)  # batches whose streamed items await their runs
    schedules: dict[str, dict[str, Any]] = field(default_factory=dict)
    envvars: dict[tuple[str, str], dict[str, dict[str, Any]]] = field(default_factory=dict)
    queues: dict[str, dict[str, Any]] = field(default_factory=dict)
    tokens: dict[str, dict[str, Any]] = field(default_factory=dict)
    token_keys: dict[str, str] = field(default_factory=dict)
    bulk_actions: dict[str, dict[str, Any]] = field(default_factory=dict)
    storage: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    streams: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)  # (run, key) -> (id, data)
    inputs: dict[tuple[str, str], list[Any]] = field(default_factory=dict)  # (run, input stream id) -> values
    shape_generation: int = 0  # bumped by FakeTrigger.rotate_shapes(): every realtime handle goes stale
    deployments: list[dict[str, Any]] = field(default_factory=list)
    current_version: str = "20250101.1"
    requests_seen: int = 0

    def __post_init__(self) -> None:
        self.changed = threading.Condition(self.lock)  # wakes held realtime requests

    def deploy(self, version: str, status: str = "DEPLOYED") -> dict[str, Any]:
        """Record a deployment (a dev environment has none until one is made)."""
        digest = hashlib.sha256(version.encode()).hexdigest()
        deployment = {
            "id": f"deployment_{digest[:20]}",
            "shortCode": digest[:8],
            "version": version,
            "status": status,
            "contentHash": digest[:12],
            "createdAt": self.clock.now(),
        }
        self.deployments.append(deployment)
        if status == "DEPLOYED":
            self.current_version = version
        return deployment

    def now(self) -> float:
        return self.clock.now()

    def queue_for(self, name: str, kind: str) -> dict[str, Any]:
        """The queue a run lands on, made on first use like the server's task queues."""
        key = f"task/{name}" if kind == "task" else name
        queue = self.queues.get(key)
        if queue is None:
            queue = {
                "id": "queue_" + hashlib.sha256(key.encode()).hexdigest()[:16],
                "name": name,
                "type": kind,
                "paused": False,
                "concurrencyLimit": None,
                "override": None,
            }
            self.queues[key] = queue
        return queue

    def task_exists(self, task: str) -> bool:
        return task in self.handlers or task in self.scheduled_tasks
