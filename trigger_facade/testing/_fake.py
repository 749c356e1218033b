"""FakeTrigger: a stateful, local stand-in for the Trigger.dev Management API.

It keeps runs, batches, schedules, env vars, queues, waitpoint tokens, deployments and bulk
actions in memory and answers with the real server's shapes and rules (sdk-facts.md): idempotency
per task, request-idempotency replays, two-phase NDJSON batches, cursor and offset paging, auth by
key kind, the status vocabulary chosen by x-trigger-api-version, a token-bucket rate limiter, and
faults on demand. Runs move QUEUED -> EXECUTING -> COMPLETED/FAILED on the fake's clock, running
the Python handler registered for their task (the default echoes the payload).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

import httpx

from ..durations import format_duration, parse_duration
from ..errors import InvalidInputError
from ._faults import DropConnection, Faults, TokenBucket
from ._trql import QueryError, execute, to_csv

DEFAULT_SECRET_KEY = "tr_dev_fakefakefakefakefakefake"  # noqa: S105 - the fake's own, public key
DEFAULT_PERSONAL_TOKEN = "tr_pat_fakefakefakefakefakefake"  # noqa: S105
DEFAULT_PROJECT_REF = "proj_fakeproject"
API_VERSION = "2025-07-16"
MAX_BATCH_ITEMS = 1000
TERMINAL = {"COMPLETED", "CANCELED", "FAILED", "CRASHED", "SYSTEM_FAILURE", "EXPIRED", "TIMED_OUT", "INTERRUPTED"}
FREES_KEY = {"FAILED", "CRASHED", "SYSTEM_FAILURE", "EXPIRED", "TIMED_OUT", "INTERRUPTED"}
LEGACY = {"DEQUEUED": "EXECUTING", "WAITING": "FROZEN"}
FROM_LEGACY = {"FROZEN": "WAITING", "REATTEMPTING": "EXECUTING", "WAITING_FOR_DEPLOY": "PENDING_VERSION"}
TIMEZONES = ["UTC", "Europe/London", "Europe/Paris", "America/New_York", "Asia/Tokyo"]
QUERY_COLUMNS = ["run_id", "task_identifier", "status", "created_at", "is_test", "batch_id", "idempotency_key", "tags"]
_KEY_TTL = re.compile(r"(\d+)([smhd])")
_IDS = itertools.count(1)

Handler = Callable[[Any], Any]
Json = Any


class _Clock:
    def now(self) -> float:
        return time.time()


def _iso(epoch: float | None) -> str | None:
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _new_id(prefix: str) -> str:
    digest = hashlib.sha256(f"{prefix}{next(_IDS)}{time.time_ns()}".encode()).hexdigest()
    return f"{prefix}_{digest[:20]}"


class ApiError(Exception):
    def __init__(self, status: int, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"error": message, **extra}


@dataclass
class Principal:
    kind: str  # "environment" | "personal"
    key: str
    environment: str | None = None


@dataclass
class FakeRun:
    id: str
    task: str
    payload: Json
    payload_type: str
    created_at: float
    status: str = "QUEUED"
    updated_at: float = 0.0
    queued_at: float | None = None
    delayed_until: float | None = None
    started_at: float | None = None
    finished_at: float | None = None
    expired_at: float | None = None
    ttl: str | None = None
    tags: list[str] = field(default_factory=list)
    metadata: dict[str, Any] | None = None
    output: Json = None
    error: dict[str, Any] | None = None
    idempotency_key: str | None = None
    batch_id: str | None = None
    version: str | None = None
    queue: str = ""
    machine: str | None = None
    region: str | None = None
    is_test: bool = False
    attempt_count: int = 0
    resumed_at: float | None = None  # when its paused queue was resumed
    index: int = 0  # position in creation order (for cursors)


class FakeTrigger:
    """The fake API. Use .client() / .async_client() in-process, or serve() over loopback HTTP."""

    # checks every exchange of every fake when set (this project's own test suite sets it)
    default_validator: Callable[[httpx.Request, httpx.Response], None] | None = None

    def __init__(
        self,
        *,
        secret_key: str = DEFAULT_SECRET_KEY,
        personal_token: str = DEFAULT_PERSONAL_TOKEN,
        project_ref: str = DEFAULT_PROJECT_REF,
        environment: str = "dev",
        clock: Any = None,
        start_after: float = 0.0,
        execution_time: float = 0.0,
        faults: Faults | None = None,
        rate_limit: TokenBucket | None = None,
        validator: Callable[[httpx.Request, httpx.Response], None] | None = None,
        realtime_hold: float = 20.0,
    ) -> None:
        self.secret_key = secret_key
        self.personal_token = personal_token
        self.project_ref = project_ref
        self.environment = environment
        self.clock = clock or _Clock()
        self.start_after = start_after
        self.execution_time = execution_time
        self.faults = faults or Faults()
        self.rate_limit = rate_limit or TokenBucket(burst=10**9, refill_per_second=10**9)
        self.validator = validator or FakeTrigger.default_validator
        self.lock = threading.RLock()
        self._changed = threading.Condition(self.lock)  # wakes held realtime requests
        self.realtime_hold = realtime_hold
        self.handlers: dict[str, Handler] = {}
        self.runs: dict[str, FakeRun] = {}
        self._order: list[FakeRun] = []
        self._active: dict[str, FakeRun] = {}
        self._idempotency: dict[tuple[str, str], tuple[str, float]] = {}
        self._request_replays: dict[tuple[str, str, str], httpx.Response] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self._batch_keys: dict[str, str] = {}
        self.schedules: dict[str, dict[str, Any]] = {}
        self.envvars: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
        self.queues: dict[str, dict[str, Any]] = {}
        self.tokens: dict[str, dict[str, Any]] = {}
        self._token_keys: dict[str, str] = {}
        self.bulk_actions: dict[str, dict[str, Any]] = {}
        self.storage: dict[str, tuple[bytes, str]] = {}
        self.requests_seen = 0
        version = "20250101.1"
        self.deployments: list[dict[str, Any]] = [
            {
                "id": "deployment_fake1",
                "shortCode": "fake1",
                "version": version,
                "status": "DEPLOYED",
                "contentHash": "0" * 12,
            }
        ]
        self.current_version = version
        self._routes = self._route_table()

    # ------------------------------------------------------------------ controls for tests

    def task(self, task_id: str, handler: Handler | None = None) -> Any:
        """Register what a task does: fake.task("t", fn) or @fake.task("t"). It gets the payload and
        returns the output; raising marks the run FAILED."""

        def register(fn: Handler) -> Handler:
            self.handlers[task_id] = fn
            self._queue_for(task_id, "task")
            return fn

        return register(handler) if handler is not None else register

    def advance(self, seconds: float = 0.0) -> None:
        """Move a FakeClock forward (if the fake has one) and let runs progress."""
        if seconds and hasattr(self.clock, "advance"):
            self.clock.advance(seconds)
        with self.lock:
            self._progress()

    def seed_runs(self, count: int, task: str = "seeded-task") -> None:
        """Create `count` finished runs at once (for paging benchmarks and tests)."""
        with self.lock:
            now = self.clock.now()
            for n in range(count):
                run = FakeRun(
                    id=f"run_seed{n:08d}",
                    task=task,
                    payload={"n": n},
                    payload_type="application/json",
                    created_at=now,
                    updated_at=now,
                    status="COMPLETED",
                    started_at=now,
                    finished_at=now,
                    output={"n": n},
                    index=len(self._order),
                    queue=f"task/{task}",
                )
                self.runs[run.id] = run
                self._order.append(run)

    def client(self, **kwargs: Any) -> Any:
        """A TriggerClient wired to this fake in-process (no sockets)."""
        from .._client import TriggerClient

        kwargs.setdefault("secret_key", self.secret_key)
        kwargs.setdefault("base_url", "https://fake.trigger.local")
        kwargs.setdefault("environ", {})
        return TriggerClient(transport=FakeTransport(self), **kwargs)

    def async_client(self, **kwargs: Any) -> Any:
        from .._client import AsyncTriggerClient

        kwargs.setdefault("secret_key", self.secret_key)
        kwargs.setdefault("base_url", "https://fake.trigger.local")
        kwargs.setdefault("environ", {})
        return AsyncTriggerClient(transport=FakeTransport(self), **kwargs)

    def serve(self, port: int = 0, host: str = "127.0.0.1") -> Any:
        """Serve over real HTTP on loopback: `with fake.serve() as url: ...`."""
        from ._server import LoopbackServer

        return LoopbackServer(self, host=host, port=port)

    # ------------------------------------------------------------------ the HTTP entry point

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer one request. Raises DropConnection when a fault drops it after the work is done."""
        if self.faults.latency:
            time.sleep(self.faults.latency)
        response = self._handle(request)
        if self.validator is not None:
            self.validator(request, response)
        if response.status_code < 500 and request.url.path.startswith("/api/") and self.faults.drop_now():
            raise DropConnection()
        return response

    def _handle(self, request: httpx.Request) -> httpx.Response:
        raw_path = request.url.raw_path.split(b"?")[0].decode()
        if raw_path.startswith("/__storage/"):
            return self._storage(request, unquote(raw_path[len("/__storage/") :]))
        with self.lock:
            self.requests_seen += 1
            now = self.clock.now()
            auth_key = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
            bucket_key = auth_key or "anonymous"
            allowed, remaining, reset = self.rate_limit.take(bucket_key, now)
            limit_headers = {
                "x-ratelimit-limit": str(self.rate_limit.burst),
                "x-ratelimit-remaining": str(remaining),
                "x-ratelimit-reset": str(int(reset * 1000)),
            }
            fault = self.faults.before()
            if fault == "5xx":
                return _json(503, {"error": "Service temporarily unavailable (injected)"}, limit_headers)
            if fault == "429" or not allowed:
                wait = self.faults.rate_limit_retry_after if fault == "429" else max(0.0, reset - now)
                headers = {
                    **limit_headers,
                    "x-ratelimit-reset": str(int((now + wait) * 1000)),
                    "x-ratelimit-remaining": "0",
                }
                body = {"error": "Rate limit exceeded", "reset": int((now + wait) * 1000), "secondsUntilReset": wait}
                return _json(429, body, headers, content_type="application/problem+json")
            idem = request.headers.get("x-trigger-request-idempotency-key")
            replay_key = (auth_key, request.method, idem) if idem and request.method != "GET" else None
            if replay_key and replay_key in self._request_replays:
                return self._request_replays[replay_key]
            self._progress()
            response = self._dispatch(request, raw_path)
            response.headers.update(limit_headers)
            if replay_key and response.status_code < 500:
                self._request_replays[replay_key] = response
            return response

    def _dispatch(self, request: httpx.Request, raw_path: str) -> httpx.Response:
        for method, pattern, handler, access in self._routes:
            if method != request.method:
                continue
            match = pattern.fullmatch(raw_path)
            if not match:
                continue
            try:
                principal = self._authenticate(request, access)
                params = {k: unquote(v) for k, v in match.groupdict().items()}
                status, body, *extra = handler(request, principal, **params)
            except ApiError as exc:
                return _json(exc.status, exc.body)
            finally:
                self._changed.notify_all()
            return _json(status, body, extra[0] if extra else None)
        return _json(404, {"error": f"No route for {request.method} {raw_path}"})

    def _authenticate(self, request: httpx.Request, access: str) -> Principal | None:
        if access == "none":
            return None
        header = request.headers.get("authorization", "")
        key = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else ""
        if key == self.secret_key:
            principal = Principal("environment", key, self.environment)
        elif key == self.personal_token:
            principal = Principal("personal", key)
        else:
            raise ApiError(401, "Invalid API Key")
        if access == "env" and principal.kind != "environment":
            raise ApiError(401, "Invalid API Key: this route needs an environment secret key")
        if access == "pat" and principal.kind != "personal":
            raise ApiError(401, "Invalid API Key: this route needs a personal access token")
        if (
            principal.kind == "environment"
            and principal.environment == "preview"
            and not request.headers.get("x-trigger-branch")
        ):
            raise ApiError(401, "x-trigger-branch header required")
        return principal

    # ------------------------------------------------------------------ routes

    def _route_table(self) -> list[tuple[str, re.Pattern[str], Any, str]]:
        seg = r"(?P<{}>[^/]+)"
        table = [
            ("POST", "/api/v1/tasks/{task}/trigger", self._trigger, "env"),
            ("POST", "/api/v1/tasks/batch", self._batch_v1, "env"),
            ("POST", "/api/v2/tasks/batch", self._batch_v2, "env"),
            ("GET", "/api/v3/runs/{run}", self._retrieve_run, "env"),
            ("GET", "/api/v1/runs", self._list_runs, "env"),
            ("GET", "/api/v1/projects/{project}/runs", self._list_project_runs, "pat"),
            ("POST", "/api/v2/runs/{run}/cancel", self._cancel, "env"),
            ("POST", "/api/v1/runs/{run}/replay", self._replay, "env"),
            ("POST", "/api/v1/runs/{run}/reschedule", self._reschedule, "env"),
            ("POST", "/api/v1/runs/{run}/tags", self._tags, "env"),
            ("PUT", "/api/v1/runs/{run}/metadata", self._put_metadata, "env"),
            ("GET", "/api/v1/runs/{run}/metadata", self._get_metadata, "env"),
            ("GET", "/api/v1/runs/{run}/result", self._result, "env"),
            ("GET", "/api/v1/runs/{run}/events", self._events, "env"),
            ("GET", "/api/v1/runs/{run}/trace", self._trace, "env"),
            ("GET", "/api/v1/runs/{run}/spans/{span}", self._span, "env"),
            ("POST", "/api/v3/batches", self._create_batch, "env"),
            ("POST", "/api/v3/batches/{batch}/items", self._stream_items, "env"),
            ("GET", "/api/v2/batches/{batch}", self._retrieve_batch, "env"),
            ("GET", "/api/v1/batches/{batch}", self._retrieve_batch_v1, "env"),
            ("GET", "/api/v1/batches/{batch}/results", self._batch_results, "env"),
            ("POST", "/api/v1/idempotencyKeys/{key}/reset", self._reset_key, "env"),
            ("GET", "/api/v1/schedules", self._list_schedules, "env"),
            ("POST", "/api/v1/schedules", self._create_schedule, "env"),
            ("GET", "/api/v1/schedules/{schedule}", self._get_schedule, "env"),
            ("PUT", "/api/v1/schedules/{schedule}", self._update_schedule, "env"),
            ("DELETE", "/api/v1/schedules/{schedule}", self._delete_schedule, "env"),
            ("POST", "/api/v1/schedules/{schedule}/activate", self._activate_schedule, "env"),
            ("POST", "/api/v1/schedules/{schedule}/deactivate", self._deactivate_schedule, "env"),
            ("GET", "/api/v1/timezones", self._timezones, "none"),
            ("GET", "/api/v1/projects/{project}/envvars/{env}", self._list_envvars, "any"),
            ("POST", "/api/v1/projects/{project}/envvars/{env}", self._create_envvar, "any"),
            ("POST", "/api/v1/projects/{project}/envvars/{env}/import", self._import_envvars, "any"),
            ("GET", "/api/v1/projects/{project}/envvars/{env}/{name}", self._get_envvar, "any"),
            ("PUT", "/api/v1/projects/{project}/envvars/{env}/{name}", self._update_envvar, "any"),
            ("DELETE", "/api/v1/projects/{project}/envvars/{env}/{name}", self._delete_envvar, "any"),
            ("GET", "/api/v1/queues", self._list_queues, "env"),
            ("GET", "/api/v1/queues/{queue}", self._get_queue, "env"),
            ("POST", "/api/v1/queues/{queue}/pause", self._pause_queue, "env"),
            ("POST", "/api/v1/queues/{queue}/concurrency/override", self._override_queue, "env"),
            ("POST", "/api/v1/queues/{queue}/concurrency/reset", self._reset_queue, "env"),
            ("GET", "/api/v1/queues/{queue}/metrics", self._queue_metrics, "env"),
            ("POST", "/api/v1/waitpoints/tokens", self._create_token, "env"),
            ("GET", "/api/v1/waitpoints/tokens", self._list_tokens, "env"),
            ("GET", "/api/v1/waitpoints/tokens/{token}", self._get_token, "env"),
            ("POST", "/api/v1/waitpoints/tokens/{token}/complete", self._complete_token, "env"),
            ("POST", "/api/v1/waitpoints/tokens/{token}/callback/{hash}", self._callback_token, "none"),
            ("GET", "/api/v1/deployments", self._list_deployments, "env"),
            ("GET", "/api/v1/deployments/latest", self._latest_deployment, "env"),
            ("GET", "/api/v1/deployments/current", self._current_deployment, "env"),
            ("GET", "/api/v1/deployments/{deployment}", self._get_deployment, "env"),
            ("POST", "/api/v1/deployments/{version}/promote", self._promote, "env"),
            ("POST", "/api/v1/bulk-actions", self._create_bulk, "env"),
            ("GET", "/api/v1/bulk-actions", self._list_bulk, "env"),
            ("GET", "/api/v1/bulk-actions/{bulk}", self._get_bulk, "env"),
            ("POST", "/api/v1/bulk-actions/{bulk}/abort", self._abort_bulk, "env"),
            ("POST", "/api/v1/query", self._query, "env"),
            ("GET", "/api/v1/query/schema", self._query_schema, "env"),
            ("PUT", "/api/v2/packets/{name}", self._presign, "env"),
            ("GET", "/api/v2/whoami", self._whoami, "pat"),
            ("GET", "/realtime/v1/runs/{run}", self._realtime_run, "env"),
        ]
        compiled = []
        for method, template, handler, access in table:
            regex = re.sub(r"\{(\w+)\}", lambda m: seg.format(m.group(1)), template)
            compiled.append((method, re.compile(regex), handler, access))
        return compiled

    # ------------------------------------------------------------------ runs: lifecycle

    def _progress(self) -> None:
        now = self.clock.now()
        for run in list(self._active.values()):
            if run.status == "DELAYED" and run.delayed_until is not None and now >= run.delayed_until:
                self._set(run, "QUEUED", now)
                run.queued_at = run.delayed_until
            if run.status == "QUEUED":
                ttl = self._ttl_seconds(run.ttl)
                queued_at = run.queued_at if run.queued_at is not None else run.created_at
                if ttl and now >= queued_at + ttl:
                    run.expired_at = queued_at + ttl
                    self._finish(run, "EXPIRED", now)
                    continue
                if not self.queues.get(run.queue, {}).get("paused") and now >= queued_at + self.start_after:
                    # it started when it could have, not when the fake looked
                    run.started_at = max(queued_at + self.start_after, run.resumed_at or 0.0)
                    run.attempt_count = 1
                    self._set(run, "EXECUTING", now)
            if run.status == "EXECUTING" and run.started_at is not None and now >= run.started_at + self.execution_time:
                handler = self.handlers.get(run.task, _echo)
                try:
                    run.output = _json_value(handler(run.payload))
                except Exception as exc:  # the task failed: that is data, not a fake error
                    run.error = {"name": type(exc).__name__, "message": str(exc)}
                    self._finish(run, "FAILED", now)
                else:
                    self._finish(run, "COMPLETED", now)

    def _set(self, run: FakeRun, status: str, now: float) -> None:
        run.status = status
        run.updated_at = now

    def _finish(self, run: FakeRun, status: str, now: float) -> None:
        self._set(run, status, now)
        run.finished_at = now
        self._active.pop(run.id, None)

    @staticmethod
    def _ttl_seconds(ttl: str | None) -> float:
        if not ttl:
            return 0.0
        try:
            return parse_duration(ttl).total_seconds()
        except InvalidInputError:
            return 0.0  # an unreadable TTL means no expiry, as on the server

    def _delay_until(self, delay: Any, now: float, *, strict: bool) -> float | None:
        """The server's delay rule: a future date, else the duration grammar, else (trigger) no delay."""
        if delay is None:
            return None
        if isinstance(delay, str):
            try:
                moment = datetime.fromisoformat(delay.replace("Z", "+00:00"))
                if moment.tzinfo is not None:
                    epoch = moment.timestamp()
                    return epoch if epoch > now else None
            except ValueError:
                pass
            try:
                return now + parse_duration(delay).total_seconds()
            except InvalidInputError:
                pass
        if strict:
            raise ApiError(400, "Invalid delay")
        return None

    def _queue_for(self, name: str, kind: str) -> dict[str, Any]:
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

    def _create_run(
        self, task: str, payload: Any, options: dict[str, Any], *, batch_id: str | None = None
    ) -> tuple[FakeRun, bool]:
        now = self.clock.now()
        tags = options.get("tags") or []
        tags = [tags] if isinstance(tags, str) else list(tags)
        if len(tags) > 10:
            raise ApiError(422, "Runs can have at most 10 tags")
        key = options.get("idempotencyKey")
        if key:
            existing = self._idempotency.get((task, key))
            if existing:
                run_id, expires = existing
                run = self.runs.get(run_id)
                if run is not None and run.status not in FREES_KEY and now < expires:
                    return run, True
                del self._idempotency[(task, key)]
        queue_name = (options.get("queue") or {}).get("name")
        if queue_name:
            self._queue_for(queue_name, "custom")
        else:
            self._queue_for(task, "task")
        ttl = options.get("ttl")
        if isinstance(ttl, (int, float)) and not isinstance(ttl, bool):
            ttl = format_duration(int(ttl))
        run = FakeRun(
            id=_new_id("run"),
            task=task,
            payload=payload,
            payload_type=options.get("payloadType") or "application/json",
            created_at=now,
            updated_at=now,
            queued_at=now,
            ttl=ttl if isinstance(ttl, str) else None,
            tags=tags,
            metadata=options.get("metadata"),
            idempotency_key=key,
            batch_id=batch_id,
            version=options.get("lockToVersion") or self.current_version,
            queue=queue_name or f"task/{task}",
            machine=options.get("machine"),
            region=options.get("region"),
            is_test=bool(options.get("test", False)),
            index=len(self._order),
        )
        delayed = self._delay_until(options.get("delay"), now, strict=False)
        if delayed is not None:
            run.status = "DELAYED"
            run.delayed_until = delayed
            run.queued_at = None
        self.runs[run.id] = run
        self._order.append(run)
        self._active[run.id] = run
        if key:
            ttl_match = _KEY_TTL.fullmatch(str(options.get("idempotencyKeyTTL") or ""))
            lifetime = (
                int(ttl_match.group(1)) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[ttl_match.group(2)]
                if ttl_match
                else 30 * 86400
            )
            self._idempotency[(task, key)] = (run.id, now + lifetime)
        return run, False

    def _run_or_404(self, run_id: str) -> FakeRun:
        run = self.runs.get(run_id)
        if run is None:
            raise ApiError(404, "Run not found")
        return run

    def _status_for(self, request: httpx.Request, status: str) -> str:
        if request.headers.get("x-trigger-api-version") == API_VERSION:
            return status
        return LEGACY.get(status, status)

    def _run_json(self, request: httpx.Request, run: FakeRun, *, detail: bool) -> dict[str, Any]:
        status = self._status_for(request, run.status)
        completed = status in {"COMPLETED", "CANCELED", "FAILED", "CRASHED", "INTERRUPTED", "SYSTEM_FAILURE"}
        body: dict[str, Any] = {
            "id": run.id,
            "status": status,
            "taskIdentifier": run.task,
            "version": run.version,
            "idempotencyKey": run.idempotency_key,
            "isQueued": status in {"QUEUED", "WAITING_FOR_DEPLOY", "DELAYED", "PENDING_VERSION"},
            "isExecuting": status in {"EXECUTING", "REATTEMPTING", "FROZEN", "DEQUEUED"},
            "isWaiting": status == "WAITING",
            "isCompleted": completed,
            "isSuccess": status == "COMPLETED",
            "isFailed": completed and status != "COMPLETED",
            "isCancelled": status == "CANCELED",
            "isTest": run.is_test,
            "createdAt": _iso(run.created_at),
            "updatedAt": _iso(run.updated_at or run.created_at),
            "startedAt": _iso(run.started_at),
            "finishedAt": _iso(run.finished_at),
            "delayedUntil": _iso(run.delayed_until),
            "expiredAt": _iso(run.expired_at),
            "ttl": run.ttl,
            "tags": run.tags,
            "costInCents": 0,
            "baseCostInCents": 0,
            "durationMs": int(((run.finished_at or run.started_at or 0) - (run.started_at or 0)) * 1000),
        }
        if run.metadata is not None:
            body["metadata"] = run.metadata
        if not detail:
            body["env"] = {"id": f"env_{self.environment}", "name": self.environment}
            return body
        body.update(
            {"depth": 0, "triggerFunction": "trigger", "batchId": run.batch_id, "attemptCount": run.attempt_count}
        )
        if run.payload_type == "application/store":
            base = f"{request.url.scheme}://{request.url.netloc.decode()}"
            body["payloadPresignedUrl"] = f"{base}/__storage/{run.payload}?sig=fake"
        else:
            body["payload"] = run.payload
        if run.status == "COMPLETED":
            body["output"] = run.output
        if run.error:
            body["error"] = run.error
        body["relatedRuns"] = {}
        return body

    # ------------------------------------------------------------------ runs: routes

    def _trigger(self, request: httpx.Request, _: Principal, task: str) -> tuple[int, Json]:
        body = _body(request)
        options = body.get("options") or {}
        run, cached = self._create_run(task, body.get("payload"), options)
        return 200, {"id": run.id, "isCached": cached}

    def _retrieve_run(self, request: httpx.Request, _: Principal, run: str) -> tuple[int, Json]:
        return 200, self._run_json(request, self._run_or_404(run), detail=True)

    def _list_runs(self, request: httpx.Request, _: Principal) -> tuple[int, Json]:
        return self._page_of_runs(request, None)

    def _list_project_runs(self, request: httpx.Request, _: Principal, project: str) -> tuple[int, Json]:
        if project != self.project_ref:
            raise ApiError(404, "Project not found")
        envs = request.url.params.get("filter[env]")
        allowed = None if envs is None else set(envs.split(","))
        return self._page_of_runs(request, allowed)

    def _page_of_runs(self, request: httpx.Request, envs: set[str] | None) -> tuple[int, Json]:
        params = request.url.params
        size = _int_param(params, "page[size]", 25, 1, 100)
        if (
            envs is not None
            and self.environment not in envs
            and not ({"stg", "staging"} & envs and self.environment == "stg")
        ):
            return 200, {"data": [], "pagination": {}}
        match = _run_filter(params, self.clock.now())
        start = _decode_cursor(params.get("page[after]"), len(self._order))
        data: list[dict[str, Any]] = []
        position = start
        while position > 0 and len(data) < size:
            position -= 1
            run = self._order[position]
            if match(run):
                data.append(self._run_json(request, run, detail=False))
        more = any(match(self._order[i]) for i in range(position - 1, -1, -1)) if position > 0 else False
        pagination = {"next": _encode_cursor(position)} if more else {}
        return 200, {"data": data, "pagination": pagination}

    def _cancel(self, request: httpx.Request, _: Principal, run: str) -> tuple[int, Json]:
        target = self._run_or_404(run)
        if target.status not in TERMINAL:
            self._finish(target, "CANCELED", self.clock.now())
        return 200, {"id": target.id}

    def _replay(self, request: httpx.Request, _: Principal, run: str) -> tuple[int, Json]:
        source = self._run_or_404(run)
        options = {"tags": source.tags, "metadata": source.metadata, "payloadType": source.payload_type}
        new, _cached = self._create_run(source.task, source.payload, options)
        return 200, {"id": new.id}

    def _reschedule(self, request: httpx.Request, _: Principal, run: str) -> tuple[int, Json]:
        target = self._run_or_404(run)
        if target.status != "DELAYED":
            raise ApiError(422, f"Cannot reschedule a run that is not delayed (status {target.status})")
        until = self._delay_until(_body(request).get("delay"), self.clock.now(), strict=True)
        if until is None:
            raise ApiError(400, "Invalid delay")
        target.delayed_until = until
        target.updated_at = self.clock.now()
        return 200, self._run_json(request, target, detail=True)

    def _tags(self, request: httpx.Request, _: Principal, run: str) -> tuple[int, Json]:
        target = self._run_or_404(run)
        tags = _body(request).get("tags") or []
        new = [t for t in ([tags] if isinstance(tags, str) else tags) if t not in target.tags]
        if len(target.tags) + len(new) > 10:
            raise ApiError(422, "Runs can have at most 10 tags")
        target.tags.extend(new)
        return 200, {"message": f"Successfully set {len(new)} new tags."}

    def _put_metadata(self, request: httpx.Request, _: Principal, run: str) -> tuple[int, Json]:
        target = self._run_or_404(run)
        metadata = _body(request).get("metadata")
        if not isinstance(metadata, dict):
            raise ApiError(400, "Invalid metadata")
        target.metadata = metadata
        return 200, {"metadata": metadata}

    def _get_metadata(self, request: httpx.Request, _: Principal, run: str) -> tuple[int, Json]:
        return 200, {"metadata": self._run_or_404(run).metadata or {}}

    def _result(self, request: httpx.Request, _: Principal, run: str) -> tuple[int, Json]:
        target = self._run_or_404(run)
        if target.status not in TERMINAL:
            raise ApiError(404, "Run either doesn't exist or is not finished")
        return 200, _result_json(target)

    def _events(self, request: httpx.Request, _: Principal, run: str) -> tuple[int, Json]:
        target = self._run_or_404(run)
        events = [
            {
                "spanId": f"span_{target.id}",
                "message": target.task,
                "startTime": _iso(target.created_at),
                "isError": target.status == "FAILED",
            }
        ]
        return 200, {"events": events}

    def _trace(self, request: httpx.Request, _: Principal, run: str) -> tuple[int, Json]:
        target = self._run_or_404(run)
        return 200, {"trace": {"traceId": hashlib.sha256(target.id.encode()).hexdigest()[:32]}}

    def _span(self, request: httpx.Request, _: Principal, run: str, span: str) -> tuple[int, Json]:
        target = self._run_or_404(run)
        if span != f"span_{target.id}":
            raise ApiError(404, "Span not found")
        return 200, {"spanId": span, "runId": target.id, "message": target.task, "isError": target.status == "FAILED"}

    def _reset_key(self, request: httpx.Request, _: Principal, key: str) -> tuple[int, Json]:
        task = _body(request).get("taskIdentifier")
        entry = self._idempotency.pop((str(task), key), None)
        if entry is None:
            raise ApiError(404, "Idempotency key not found")
        return 200, {"id": entry[0]}

    # ------------------------------------------------------------------ batches

    def _create_batch(self, request: httpx.Request, _: Principal) -> tuple[int, Json]:
        body = _body(request)
        count = body.get("runCount")
        if not isinstance(count, int) or count < 1:
            raise ApiError(400, "runCount must be a positive integer")
        if count > MAX_BATCH_ITEMS:
            raise ApiError(400, f"Batch size {count} exceeds the maximum of {MAX_BATCH_ITEMS} items")
        key = body.get("idempotencyKey")
        key = key if isinstance(key, str) else None
        if key and key in self._batch_keys:
            cached = self.batches[self._batch_keys[key]]
            return 202, {"id": cached["id"], "runCount": cached["runCount"], "isCached": True, "idempotencyKey": key}
        batch: dict[str, Any] = {
            "id": _new_id("batch"),
            "runCount": count,
            "items": {},
            "sealed": False,
            "createdAt": self.clock.now(),
            "updatedAt": self.clock.now(),
            "idempotencyKey": key,
            "errors": [],
        }
        self.batches[batch["id"]] = batch
        if key:
            self._batch_keys[key] = batch["id"]
        return 202, {"id": batch["id"], "runCount": count, "isCached": False}

    def _stream_items(self, request: httpx.Request, _: Principal, batch: str) -> tuple[int, Json]:
        target = self.batches.get(batch)
        if target is None:
            raise ApiError(404, "Batch not found")
        if request.headers.get("content-type", "").split(";")[0] not in ("application/x-ndjson", "application/ndjson"):
            raise ApiError(415, "Content-Type must be application/x-ndjson")
        accepted = deduplicated = 0
        for line in request.content.decode().splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            index = item.get("index")
            if not isinstance(index, int) or not 0 <= index < target["runCount"]:
                raise ApiError(400, f"Item index {index!r} is outside the batch")
            if index in target["items"]:
                deduplicated += 1
                continue
            try:
                run, _cached = self._create_run(
                    item["task"], item.get("payload"), item.get("options") or {}, batch_id=batch
                )
            except ApiError as exc:
                target["errors"].append(
                    {"index": index, "taskIdentifier": item.get("task"), "error": exc.body["error"]}
                )
                target["items"][index] = None
            else:
                target["items"][index] = run.id
            accepted += 1
        target["sealed"] = len(target["items"]) == target["runCount"]
        target["updatedAt"] = self.clock.now()
        return 200, {
            "id": batch,
            "itemsAccepted": accepted,
            "itemsDeduplicated": deduplicated,
            "sealed": target["sealed"],
            "enqueuedCount": len(target["items"]),
            "expectedCount": target["runCount"],
        }

    def _batch_or_404(self, batch_id: str) -> dict[str, Any]:
        batch = self.batches.get(batch_id)
        if batch is None:
            raise ApiError(404, "Batch not found")
        return batch

    def _batch_status(self, batch: dict[str, Any]) -> str:
        if not batch["sealed"]:
            return "PROCESSING"
        return "PARTIAL_FAILED" if batch["errors"] else "COMPLETED"

    def _retrieve_batch(self, request: httpx.Request, _: Principal, batch: str) -> tuple[int, Json]:
        target = self._batch_or_404(batch)
        runs = [target["items"][i] for i in sorted(target["items"]) if target["items"][i]]
        return 200, {
            "id": target["id"],
            "status": self._batch_status(target),
            "idempotencyKey": target["idempotencyKey"],
            "createdAt": _iso(target["createdAt"]),
            "updatedAt": _iso(target["updatedAt"]),
            "runCount": target["runCount"],
            "runs": runs,
            "processing": {
                "completedAt": _iso(target["updatedAt"]) if target["sealed"] else None,
                "errors": target["errors"],
            },
        }

    def _retrieve_batch_v1(self, request: httpx.Request, principal: Principal, batch: str) -> tuple[int, Json]:
        status, body = self._retrieve_batch(request, principal, batch)
        body.pop("processing")
        return status, body

    def _batch_results(self, request: httpx.Request, _: Principal, batch: str) -> tuple[int, Json]:
        target = self._batch_or_404(batch)
        items = [
            _result_json(self.runs[r])
            for r in (target["items"][i] for i in sorted(target["items"]))
            if r and self.runs[r].status in TERMINAL
        ]
        return 200, {"id": batch, "items": items}

    def _batch_v1(self, request: httpx.Request, _: Principal) -> tuple[int, Json]:
        items = _body(request).get("items") or []
        if len(items) > 500:
            raise ApiError(400, "Batch size exceeds the maximum of 500 items")
        batch_id = _new_id("batch")
        runs = []
        for item in items:
            run, cached = self._create_run(
                item["task"], item.get("payload"), item.get("options") or {}, batch_id=batch_id
            )
            runs.append({"id": run.id, "taskIdentifier": run.task, "isCached": cached})
        self.batches[batch_id] = {
            "id": batch_id,
            "runCount": len(runs),
            "items": {i: r["id"] for i, r in enumerate(runs)},
            "sealed": True,
            "createdAt": self.clock.now(),
            "updatedAt": self.clock.now(),
            "idempotencyKey": None,
            "errors": [],
        }
        return 202, {"id": batch_id, "isCached": False, "runs": runs}

    def _batch_v2(self, request: httpx.Request, principal: Principal) -> tuple[int, Json]:
        status, body = self._batch_v1(request, principal)
        return status, {"id": body["id"], "runCount": len(body["runs"])}

    # ------------------------------------------------------------------ schedules

    def _schedule_json(self, schedule: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": schedule["id"],
            "type": "IMPERATIVE",
            "task": schedule["task"],
            "active": schedule["active"],
            "deduplicationKey": schedule.get("deduplicationKey"),
            "externalId": schedule.get("externalId"),
            "generator": {"type": "CRON", "expression": schedule["cron"], "description": f"cron {schedule['cron']}"},
            "timezone": schedule.get("timezone") or "UTC",
            "window": schedule.get("window"),
            "nextRun": _iso(self.clock.now() + 3600) if schedule["active"] else None,
            "environments": [{"id": f"env_{self.environment}", "type": "DEVELOPMENT", "userName": None}],
        }

    def _schedule_or_404(self, schedule_id: str) -> dict[str, Any]:
        schedule = self.schedules.get(schedule_id)
        if schedule is None:
            raise ApiError(404, "Schedule not found")
        return schedule

    @staticmethod
    def _check_schedule_body(body: dict[str, Any]) -> None:
        if not body.get("task") or not isinstance(body.get("cron"), str) or len(body["cron"].split()) != 5:
            raise ApiError(422, "Invalid schedule: task and a 5-field cron expression are required")
        if body.get("timezone") and body["timezone"] not in TIMEZONES:
            raise ApiError(422, f"Invalid timezone {body['timezone']!r}")

    def _create_schedule(self, request: httpx.Request, _: Principal) -> tuple[int, Json]:
        body = _body(request)
        self._check_schedule_body(body)
        if not body.get("deduplicationKey"):
            raise ApiError(422, "deduplicationKey is required")
        for schedule in self.schedules.values():
            if schedule.get("deduplicationKey") == body["deduplicationKey"]:
                schedule.update(
                    {k: v for k, v in body.items() if k in ("task", "cron", "timezone", "externalId", "window")}
                )
                return 200, self._schedule_json(schedule)
        schedule = {
            "id": _new_id("sched"),
            "active": True,
            **{k: body.get(k) for k in ("task", "cron", "timezone", "externalId", "deduplicationKey", "window")},
        }
        self.schedules[schedule["id"]] = schedule
        return 200, self._schedule_json(schedule)

    def _list_schedules(self, request: httpx.Request, _: Principal) -> tuple[int, Json]:
        return 200, _offset_page(request, [self._schedule_json(s) for s in self.schedules.values()], default=20)

    def _get_schedule(self, request: httpx.Request, _: Principal, schedule: str) -> tuple[int, Json]:
        return 200, self._schedule_json(self._schedule_or_404(schedule))

    def _update_schedule(self, request: httpx.Request, _: Principal, schedule: str) -> tuple[int, Json]:
        target = self._schedule_or_404(schedule)
        body = _body(request)
        self._check_schedule_body(body)
        target.update({k: body.get(k) for k in ("task", "cron", "timezone", "externalId", "window")})
        return 200, self._schedule_json(target)

    def _delete_schedule(self, request: httpx.Request, _: Principal, schedule: str) -> tuple[int, Json]:
        self._schedule_or_404(schedule)
        del self.schedules[schedule]
        return 200, {"id": schedule}

    def _activate_schedule(self, request: httpx.Request, _: Principal, schedule: str) -> tuple[int, Json]:
        target = self._schedule_or_404(schedule)
        target["active"] = True
        return 200, self._schedule_json(target)

    def _deactivate_schedule(self, request: httpx.Request, _: Principal, schedule: str) -> tuple[int, Json]:
        target = self._schedule_or_404(schedule)
        target["active"] = False
        return 200, self._schedule_json(target)

    def _timezones(self, request: httpx.Request, _: Principal | None) -> tuple[int, Json]:
        exclude = request.url.params.get("excludeUtc") == "true"
        return 200, {"timezones": [tz for tz in TIMEZONES if not (exclude and tz == "UTC")]}

    # ------------------------------------------------------------------ env vars

    def _envvar_scope(
        self, request: httpx.Request, principal: Principal, project: str, env: str
    ) -> dict[str, dict[str, Any]]:
        if project != self.project_ref:
            raise ApiError(404, "Project not found")
        slug = {"staging": "stg"}.get(env, env)
        if slug not in ("dev", "stg", "prod", "preview"):
            raise ApiError(400, f"Invalid environment {env!r}")
        if principal.kind == "environment" and slug != {"staging": "stg"}.get(self.environment, self.environment):
            raise ApiError(400, "The API key does not belong to this project environment")
        if slug == "preview" and not request.headers.get("x-trigger-branch"):
            raise ApiError(400, "The preview environment needs the x-trigger-branch header")
        return self.envvars.setdefault((project, slug), {})

    def _list_envvars(self, request: httpx.Request, principal: Principal, project: str, env: str) -> tuple[int, Json]:
        scope = self._envvar_scope(request, principal, project, env)
        return 200, [
            {"name": n, "value": "" if v["isSecret"] else v["value"], "isSecret": v["isSecret"]}
            for n, v in scope.items()
        ]

    def _create_envvar(self, request: httpx.Request, principal: Principal, project: str, env: str) -> tuple[int, Json]:
        scope = self._envvar_scope(request, principal, project, env)
        body = _body(request)
        if not body.get("name") or not isinstance(body.get("value"), str):
            raise ApiError(400, "name and value are required", variableErrors=[{"key": "name"}])
        scope[body["name"]] = {"value": body["value"], "isSecret": bool(body.get("isSecret", False))}
        return 200, {"success": True}

    def _import_envvars(self, request: httpx.Request, principal: Principal, project: str, env: str) -> tuple[int, Json]:
        scope = self._envvar_scope(request, principal, project, env)
        body = _body(request)
        variables = body.get("variables")
        if not isinstance(variables, dict):
            raise ApiError(400, "variables must be an object of name to value")
        for name, value in variables.items():
            if name in scope and not body.get("override"):
                continue
            scope[name] = {"value": value, "isSecret": bool(body.get("isSecret", False))}
        return 200, {"success": True}

    def _envvar(
        self, request: httpx.Request, principal: Principal, project: str, env: str, name: str
    ) -> dict[str, Any]:
        scope = self._envvar_scope(request, principal, project, env)
        if name not in scope:
            raise ApiError(404, "Environment variable not found")
        return scope

    def _get_envvar(
        self, request: httpx.Request, principal: Principal, project: str, env: str, name: str
    ) -> tuple[int, Json]:
        value = self._envvar(request, principal, project, env, name)[name]
        return 200, {"name": name, "value": "" if value["isSecret"] else value["value"], "isSecret": value["isSecret"]}

    def _update_envvar(
        self, request: httpx.Request, principal: Principal, project: str, env: str, name: str
    ) -> tuple[int, Json]:
        scope = self._envvar(request, principal, project, env, name)
        scope[name]["value"] = _body(request).get("value")
        return 200, {"success": True}

    def _delete_envvar(
        self, request: httpx.Request, principal: Principal, project: str, env: str, name: str
    ) -> tuple[int, Json]:
        del self._envvar(request, principal, project, env, name)[name]
        return 200, {"success": True}

    # ------------------------------------------------------------------ queues

    def _find_queue(self, request: httpx.Request, value: str, kind: str | None = None) -> dict[str, Any]:
        kind = kind or request.url.params.get("type") or "id"
        name = value.replace("%2F", "/")  # the server's second decode step
        if kind == "id":
            for queue in self.queues.values():
                if queue["id"] == name:
                    return queue
        else:
            found = self.queues.get(f"task/{name}" if kind == "task" else name)
            if found is not None and found["type"] == kind:
                return found
        raise ApiError(404, "Queue not found")

    def _queue_json(self, queue: dict[str, Any]) -> dict[str, Any]:
        key = f"task/{queue['name']}" if queue["type"] == "task" else queue["name"]
        running = sum(1 for r in self._active.values() if r.queue == key and r.status == "EXECUTING")
        queued = sum(1 for r in self._active.values() if r.queue == key and r.status == "QUEUED")
        limit = queue["override"] if queue["override"] is not None else queue["concurrencyLimit"]
        return {
            "id": queue["id"],
            "name": queue["name"],
            "type": queue["type"],
            "running": running,
            "queued": queued,
            "paused": queue["paused"],
            "concurrencyLimit": limit,
            "concurrency": {
                "current": limit,
                "base": queue["concurrencyLimit"],
                "override": queue["override"],
                "overriddenAt": None,
                "overriddenBy": None,
            },
        }

    def _list_queues(self, request: httpx.Request, _: Principal) -> tuple[int, Json]:
        return 200, _offset_page(request, [self._queue_json(q) for q in self.queues.values()], default=25)

    def _get_queue(self, request: httpx.Request, _: Principal, queue: str) -> tuple[int, Json]:
        return 200, self._queue_json(self._find_queue(request, queue))

    def _pause_queue(self, request: httpx.Request, _: Principal, queue: str) -> tuple[int, Json]:
        body = _body(request)
        if body.get("action") not in ("pause", "resume"):
            raise ApiError(400, "action must be pause or resume")
        target = self._find_queue(request, queue, body.get("type") or "id")
        target["paused"] = body["action"] == "pause"
        if not target["paused"]:
            key = f"task/{target['name']}" if target["type"] == "task" else target["name"]
            for run in self._active.values():
                if run.queue == key and run.status == "QUEUED":
                    run.resumed_at = self.clock.now()
        return 200, self._queue_json(target)

    def _override_queue(self, request: httpx.Request, _: Principal, queue: str) -> tuple[int, Json]:
        body = _body(request)
        target = self._find_queue(request, queue, body.get("type") or "id")
        if ("concurrencyLimit" in body) == ("percent" in body):
            raise ApiError(400, "Provide exactly one of concurrencyLimit or percent")
        target["override"] = body.get("concurrencyLimit", int(body.get("percent", 0)))
        return 200, self._queue_json(target)

    def _reset_queue(self, request: httpx.Request, _: Principal, queue: str) -> tuple[int, Json]:
        target = self._find_queue(request, queue, _body(request).get("type") or "id")
        target["override"] = None
        return 200, self._queue_json(target)

    def _queue_metrics(self, request: httpx.Request, _: Principal, queue: str) -> tuple[int, Json]:
        target = self._queue_json(self._find_queue(request, queue))
        return 200, {"queued": target["queued"], "running": target["running"]}

    # ------------------------------------------------------------------ waitpoint tokens

    def _token_json(self, token: dict[str, Any], *, detail: bool) -> dict[str, Any]:
        now = self.clock.now()
        if token["status"] == "WAITING" and token["timeoutAt"] is not None and now >= token["timeoutAt"]:
            token["status"] = "TIMED_OUT"
        body = {
            "id": token["id"],
            "url": token["url"],
            "status": token["status"],
            "idempotencyKey": token["idempotencyKey"],
            "idempotencyKeyExpiresAt": None,
            "timeoutAt": _iso(token["timeoutAt"]),
            "tags": token["tags"],
            "createdAt": _iso(token["createdAt"]),
        }
        if detail:
            body.update(
                {
                    "completedAt": _iso(token["completedAt"]),
                    "output": token["output"],
                    "outputType": token["outputType"],
                    "outputIsError": False,
                }
            )
        return body

    def _create_token(self, request: httpx.Request, _: Principal) -> tuple[int, Json]:
        body = _body(request) if request.content else {}
        key = body.get("idempotencyKey")
        if key and key in self._token_keys:
            cached = self.tokens[self._token_keys[key]]
            return 200, {"id": cached["id"], "isCached": True, "url": cached["url"]}
        tags = body.get("tags") or []
        tags = [tags] if isinstance(tags, str) else tags
        if len(tags) > 10:
            raise ApiError(422, "Waitpoint tokens can have at most 10 tags")
        token_id = _new_id("waitpoint")
        digest = hmac.new(self.secret_key.encode(), token_id.encode(), hashlib.sha256).hexdigest()
        base = f"{request.url.scheme}://{request.url.netloc.decode()}"
        token = {
            "id": token_id,
            "url": f"{base}/api/v1/waitpoints/tokens/{token_id}/callback/{digest}",
            "hash": digest,
            "status": "WAITING",
            "idempotencyKey": key,
            "timeoutAt": self._delay_until(body.get("timeout"), self.clock.now(), strict=False),
            "tags": tags,
            "createdAt": self.clock.now(),
            "completedAt": None,
            "output": None,
            "outputType": None,
        }
        self.tokens[token_id] = token
        if key:
            self._token_keys[key] = token_id
        return 200, {"id": token_id, "isCached": False, "url": token["url"]}

    def _token_or_404(self, token_id: str) -> dict[str, Any]:
        token = self.tokens.get(token_id)
        if token is None:
            raise ApiError(404, "Waitpoint token not found")
        return token

    def _list_tokens(self, request: httpx.Request, _: Principal) -> tuple[int, Json]:
        params = request.url.params
        size = _int_param(params, "page[size]", 25, 1, 100)
        statuses = set(params["filter[status]"].split(",")) if "filter[status]" in params else None
        tokens = [self._token_json(t, detail=False) for t in reversed(list(self.tokens.values()))]
        tokens = [t for t in tokens if statuses is None or t["status"] in statuses]
        start = int(_decode_cursor(params.get("page[after]"), 0))
        page = tokens[start : start + size]
        more = start + size < len(tokens)
        return 200, {
            "data": page,
            "pagination": {"next": _encode_cursor(start + size) if more else None, "previous": None},
        }

    def _get_token(self, request: httpx.Request, _: Principal, token: str) -> tuple[int, Json]:
        return 200, self._token_json(self._token_or_404(token), detail=True)

    def _complete(self, token: dict[str, Any], data: Any) -> None:
        if token["status"] != "WAITING":
            return  # completing twice is harmless
        token["status"] = "COMPLETED"
        token["completedAt"] = self.clock.now()
        if isinstance(data, str):
            token["output"], token["outputType"] = data, "text/plain"
        else:
            token["output"], token["outputType"] = json.dumps({"json": data}), "application/super+json"

    def _complete_token(self, request: httpx.Request, _: Principal, token: str) -> tuple[int, Json]:
        body = _body(request) if request.content else {}
        self._complete(self._token_or_404(token), body.get("data"))
        return 200, {"success": True}

    def _callback_token(self, request: httpx.Request, _: Principal | None, token: str, hash: str) -> tuple[int, Json]:
        target = self._token_or_404(token)
        if not hmac.compare_digest(target["hash"], hash):
            raise ApiError(401, "Invalid callback hash")
        self._complete(target, _body(request) if request.content else {})
        return 200, {"success": True}

    # ------------------------------------------------------------------ deployments

    def _deployment_json(self, deployment: dict[str, Any]) -> dict[str, Any]:
        return {**deployment, "imageReference": None, "errorData": None, "commitSHA": None}

    def _list_deployments(self, request: httpx.Request, _: Principal) -> tuple[int, Json]:
        status = request.url.params.get("status")
        data = [
            {
                "id": d["id"],
                "shortCode": d["shortCode"],
                "version": d["version"],
                "status": d["status"],
                "createdAt": _iso(0),
                "deployedAt": _iso(0),
                "runtime": None,
                "runtimeVersion": None,
                "git": None,
                "error": None,
            }
            for d in reversed(self.deployments)
            if status is None or d["status"] == status
        ]
        return 200, {"data": data, "pagination": {}}

    def _latest_deployment(self, request: httpx.Request, _: Principal) -> tuple[int, Json]:
        return 200, self._deployment_json(self.deployments[-1])

    def _current_deployment(self, request: httpx.Request, _: Principal) -> tuple[int, Json]:
        current = next(d for d in self.deployments if d["version"] == self.current_version)
        return 200, self._deployment_json(current)

    def _get_deployment(self, request: httpx.Request, _: Principal, deployment: str) -> tuple[int, Json]:
        for d in self.deployments:
            if d["id"] == deployment:
                return 200, {**self._deployment_json(d), "externalBuildData": None, "worker": None}
        raise ApiError(404, "Deployment not found")

    def _promote(self, request: httpx.Request, _: Principal, version: str) -> tuple[int, Json]:
        for d in self.deployments:
            if d["version"] == version:
                self.current_version = version
                return 200, {"id": d["id"], "version": version, "shortCode": d["shortCode"]}
        raise ApiError(404, f"Deployment version {version} not found")

    # ------------------------------------------------------------------ bulk actions

    def _create_bulk(self, request: httpx.Request, _: Principal) -> tuple[int, Json]:
        body = _body(request)
        action = body.get("action")
        if action not in ("cancel", "replay") or ("filter" in body) == ("runIds" in body):
            raise ApiError(400, "Provide action and exactly one of filter or runIds")
        if "runIds" in body:
            targets = [self.runs[r] for r in body["runIds"] if r in self.runs]
        else:
            match = _bulk_filter(body["filter"], self.clock.now())
            targets = [r for r in self._order if match(r)]
        success = failure = 0
        for run in targets:
            if action == "cancel":
                if run.status in TERMINAL:
                    failure += 1
                    continue
                self._finish(run, "CANCELED", self.clock.now())
            else:
                self._create_run(run.task, run.payload, {"tags": run.tags, "payloadType": run.payload_type})
            success += 1
        bulk = {
            "id": _new_id("bulk"),
            "type": action.upper(),
            "status": "COMPLETED",
            "counts": {"total": len(targets), "success": success, "failure": failure},
            "createdAt": _iso(self.clock.now()),
            "completedAt": _iso(self.clock.now()),
        }
        if body.get("name"):
            bulk["name"] = body["name"]
        self.bulk_actions[bulk["id"]] = bulk
        return 202, {"id": bulk["id"]}

    def _list_bulk(self, request: httpx.Request, _: Principal) -> tuple[int, Json]:
        return 200, {"data": list(reversed(self.bulk_actions.values())), "pagination": {}}

    def _get_bulk(self, request: httpx.Request, _: Principal, bulk: str) -> tuple[int, Json]:
        if bulk not in self.bulk_actions:
            raise ApiError(404, "Bulk action not found")
        return 200, self.bulk_actions[bulk]

    def _abort_bulk(self, request: httpx.Request, _: Principal, bulk: str) -> tuple[int, Json]:
        target = self.bulk_actions.get(bulk)
        if target is None:
            raise ApiError(404, "Bulk action not found")
        if target["status"] == "PENDING":
            target["status"] = "ABORTED"
        return 200, {"id": bulk}

    # ------------------------------------------------------------------ realtime (Electric long poll)

    def _realtime_row(self, run: FakeRun) -> dict[str, Any]:
        """The row as the realtime feed sends it: strings, raw database statuses, no trailing Z."""
        database_status = {
            "QUEUED": "PENDING",
            "COMPLETED": "COMPLETED_SUCCESSFULLY",
            "FAILED": "COMPLETED_WITH_ERRORS",
            "WAITING": "WAITING_TO_RESUME",
        }

        def stamp(epoch: float | None) -> str | None:
            text = _iso(epoch)
            return None if text is None else text.removesuffix("Z")

        return {
            "friendlyId": run.id,
            "taskIdentifier": run.task,
            "status": database_status.get(run.status, run.status),
            "createdAt": stamp(run.created_at),
            "updatedAt": stamp(run.updated_at or run.created_at),
            "completedAt": stamp(run.finished_at),
            "isTest": "t" if run.is_test else "f",
            "runTags": "{" + ",".join(f'"{t}"' for t in run.tags) + "}",
        }

    def _hold_until_changed(self, run: FakeRun, seen: int) -> None:
        """Hold a live request until the run changes or the hold time passes (simulated on a FakeClock)."""
        waited = 0.0
        real_deadline = time.monotonic() + self.realtime_hold
        while _version(run) <= seen and waited < self.realtime_hold:
            if hasattr(self.clock, "advance"):
                step = min(0.5, self.realtime_hold - waited)
                self.clock.advance(step)
                waited += step
            else:
                remaining = real_deadline - time.monotonic()
                if remaining <= 0:
                    return
                self._changed.wait(min(0.05, remaining))
            self._progress()

    def _realtime_run(self, request: httpx.Request, _: Principal, run: str) -> tuple[int, Json, dict[str, str]]:
        target = self._run_or_404(run)
        params = request.url.params
        offset = params.get("offset", "-1")
        key = f'"public"."TaskRun"/"{target.id}"'
        if offset == "-1":
            operation: str | None = "insert"
        else:
            try:
                seen = int(offset.split("_")[0])
            except ValueError:
                raise ApiError(400, "Invalid offset") from None
            if params.get("live") == "true":
                self._hold_until_changed(target, seen)
            operation = "update" if _version(target) > seen else None
        messages: list[dict[str, Any]] = []
        if operation is not None:
            messages.append({"key": key, "value": self._realtime_row(target), "headers": {"operation": operation}})
        messages.append({"headers": {"control": "up-to-date"}})
        headers = {
            "electric-offset": f"{_version(target)}_0",
            "electric-handle": hashlib.sha256(target.id.encode()).hexdigest()[:16],
            "electric-cursor": str(int(self.clock.now())),
            "electric-schema": "{}",
        }
        return 200, messages, headers

    # ------------------------------------------------------------------ query, packets, whoami

    def _query(self, request: httpx.Request, _: Principal) -> tuple[int, Json]:
        body = _body(request)
        rows = (
            {
                "run_id": r.id,
                "task_identifier": r.task,
                "status": r.status,
                "created_at": _iso(r.created_at),
                "is_test": r.is_test,
                "batch_id": r.batch_id,
                "idempotency_key": r.idempotency_key,
                "tags": ",".join(r.tags),
            }
            for r in self._order
        )
        try:
            result = execute(str(body.get("query", "")), rows, QUERY_COLUMNS)
        except QueryError as exc:
            raise ApiError(400, str(exc)) from None
        if body.get("format") == "csv":
            return 200, {"format": "csv", "results": to_csv(result)}
        return 200, {"format": "json", "results": result}

    def _query_schema(self, request: httpx.Request, _: Principal) -> tuple[int, Json]:
        columns = [{"name": c, "type": "String"} for c in QUERY_COLUMNS]
        return 200, {"tables": [{"name": "runs", "timeColumn": "created_at", "columns": columns}]}

    def _presign(self, request: httpx.Request, _: Principal, name: str) -> tuple[int, Json]:
        base = f"{request.url.scheme}://{request.url.netloc.decode()}"
        return 200, {"presignedUrl": f"{base}/__storage/{name}?sig=fake", "storagePath": name}

    def _storage(self, request: httpx.Request, path: str) -> httpx.Response:
        if request.headers.get("authorization"):
            return _json(400, {"error": "presigned URLs must not carry an Authorization header"})
        with self.lock:
            if request.method == "PUT":
                self.storage[path] = (request.content, request.headers.get("content-type", "application/octet-stream"))
                return httpx.Response(200)
            if request.method == "GET" and path in self.storage:
                content, content_type = self.storage[path]
                return httpx.Response(200, content=content, headers={"content-type": content_type})
        return httpx.Response(404)

    def _whoami(self, request: httpx.Request, _: Principal) -> tuple[int, Json]:
        return 200, {"userId": "user_fake", "email": "dev@example.com", "dashboardUrl": "https://cloud.trigger.dev"}


class FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """The fake as an httpx transport; a dropped connection surfaces as httpx.ReadError."""

    def __init__(self, fake: FakeTrigger) -> None:
        self.fake = fake

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        try:
            return self.fake.handle(request)
        except DropConnection:
            raise httpx.ReadError("connection dropped by the fake after doing the work", request=request) from None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        try:
            return self.fake.handle(request)
        except DropConnection:
            raise httpx.ReadError("connection dropped by the fake after doing the work", request=request) from None


# ---------------------------------------------------------------------- helpers


def _version(run: FakeRun) -> int:
    """A run's position in the realtime feed: its last change, in milliseconds."""
    return int((run.updated_at or run.created_at) * 1000)


def _echo(payload: Any) -> Any:
    return payload


def _json_value(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def _json(
    status: int, body: Any, headers: dict[str, str] | None = None, *, content_type: str = "application/json"
) -> httpx.Response:
    content = json.dumps(body, separators=(",", ":")).encode()
    return httpx.Response(status, content=content, headers={"content-type": content_type, **(headers or {})})


def _body(request: httpx.Request) -> dict[str, Any]:
    try:
        body = json.loads(request.content or b"{}")
    except ValueError:
        raise ApiError(400, "Invalid JSON body") from None
    if not isinstance(body, dict):
        raise ApiError(400, "The body must be a JSON object")
    return body


def _int_param(params: httpx.QueryParams, name: str, default: int, low: int, high: int) -> int:
    raw = params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        detail = {
            "code": "too_big" if value > high else "too_small",
            "message": f"{name} must be {low}..{high}",
            "path": [name],
        }
        raise ApiError(400, "Query Error", details=[detail])
    return value


def _encode_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"pos:{position}".encode()).decode().rstrip("=")


def _decode_cursor(cursor: str | None, default: int) -> int:
    if not cursor:
        return default
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        return int(text.removeprefix("pos:"))
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "Invalid cursor") from None


def _moment(value: str, name: str) -> float:
    try:
        return int(value) / 1000.0
    except ValueError:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
        except ValueError:
            raise ApiError(
                400,
                "Query Error",
                details=[{"code": "invalid_date", "message": f"{name} is not a date", "path": [name]}],
            ) from None


def _run_filter(params: httpx.QueryParams, now: float) -> Callable[[FakeRun], bool]:
    """The list filters, as the server reads them; without a time filter it looks back 7 days."""
    statuses = None
    if "filter[status]" in params:
        statuses = {FROM_LEGACY.get(s, s) for s in params["filter[status]"].split(",")}
    lists = {
        key: set(params[f"filter[{key}]"].split(","))
        for key in ("taskIdentifier", "tag", "version", "queue", "machine", "region")
        if f"filter[{key}]" in params
    }
    after = _moment(params["filter[createdAt][from]"], "from") if "filter[createdAt][from]" in params else None
    before = _moment(params["filter[createdAt][to]"], "to") if "filter[createdAt][to]" in params else None
    period = params.get("filter[createdAt][period]")
    if period:
        try:
            after = now - parse_duration(period).total_seconds()
        except InvalidInputError:
            raise ApiError(
                400, "Query Error", details=[{"code": "invalid", "message": "bad period", "path": ["period"]}]
            ) from None
    if after is None and before is None:
        after = now - 7 * 86400
    batch = params.get("filter[batch]")
    is_test = params.get("filter[isTest]")

    def match(run: FakeRun) -> bool:
        if statuses is not None and run.status not in statuses:
            return False
        if "taskIdentifier" in lists and run.task not in lists["taskIdentifier"]:
            return False
        if "tag" in lists and not lists["tag"] & set(run.tags):
            return False
        if "version" in lists and run.version not in lists["version"]:
            return False
        if "queue" in lists and run.queue not in lists["queue"]:
            return False
        if "machine" in lists and run.machine not in lists["machine"]:
            return False
        if "region" in lists and run.region not in lists["region"]:
            return False
        if batch is not None and run.batch_id != batch:
            return False
        if is_test is not None and run.is_test != (is_test == "true"):
            return False
        if after is not None and run.created_at < after:
            return False
        return not (before is not None and run.created_at > before)

    return match


def _bulk_filter(spec: dict[str, Any], now: float) -> Callable[[FakeRun], bool]:
    def as_list(value: Any) -> list[Any]:
        return value if isinstance(value, list) else [value]

    params: dict[str, str] = {}
    for key in ("status", "taskIdentifier", "tag", "version", "machine", "region"):
        if key in spec:
            params[f"filter[{key}]"] = ",".join(str(v) for v in as_list(spec[key]))
    if "batch" in spec:
        params["filter[batch]"] = spec["batch"]
    if "isTest" in spec:
        params["filter[isTest]"] = "true" if spec["isTest"] else "false"
    for key, name in (("from", "from"), ("to", "to")):
        if key in spec:
            params[f"filter[createdAt][{name}]"] = str(spec[key])
    if "period" in spec:
        params["filter[createdAt][period]"] = spec["period"]
    return _run_filter(httpx.QueryParams(params), now)


def _offset_page(request: httpx.Request, items: list[dict[str, Any]], *, default: int) -> dict[str, Any]:
    params = request.url.params
    per_page = min(100, max(1, int(params.get("perPage", default))))
    page = max(1, int(params.get("page", 1)))
    total_pages = max(1, -(-len(items) // per_page))
    start = (page - 1) * per_page
    return {
        "data": items[start : start + per_page],
        "pagination": {"currentPage": page, "totalPages": total_pages, "count": len(items)},
    }


def _result_json(run: FakeRun) -> dict[str, Any]:
    if run.status == "COMPLETED":
        return {
            "ok": True,
            "id": run.id,
            "output": json.dumps(run.output),
            "outputType": "application/json",
            "taskIdentifier": run.task,
        }
    return {"ok": False, "id": run.id, "error": run.error or {"message": run.status}, "taskIdentifier": run.task}
