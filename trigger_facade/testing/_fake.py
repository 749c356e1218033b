"""FakeTrigger: the Trigger.dev server in miniature, in memory, for tests and demos.

It answers like the real server: the same status codes, bodies and
headers, dedupe only where the server dedupes (a trigger's user-level idempotency key, a waitpoint
token's idempotencyKey, batch items by index; never `x-trigger-request-idempotency-key`), public
JWTs signed with the environment's secret key, the rate limiter's 429s, and runs that move
QUEUED -> EXECUTING -> COMPLETED/FAILED on the fake's clock, running the Python handler
registered for their task (the default echoes the payload).

What it cannot know, you declare: the tasks that are scheduled tasks
(`FakeTrigger(scheduled_tasks={"nightly"})` or `fake.scheduled_task("nightly")`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar

import httpx

from ._app import App
from ._faults import DropConnection, Faults
from ._lifecycle import drain_batch_queue, progress
from ._ratelimit import TokenBucket
from ._state import (
    DEFAULT_PERSONAL_TOKEN,
    DEFAULT_PROJECT_REF,
    DEFAULT_SECRET_KEY,
    ClockLike,
    Config,
    FakeRun,
    State,
    TaskHandler,
    WallClock,
)
from ._taskcontext import append_chunks
from ._wire import is_held

if TYPE_CHECKING:
    from .._client import AsyncTriggerClient, TriggerClient
    from ._server import LoopbackServer

__all__ = ["DEFAULT_PERSONAL_TOKEN", "DEFAULT_PROJECT_REF", "DEFAULT_SECRET_KEY", "FakeTransport", "FakeTrigger"]

Validator = Callable[[httpx.Request, httpx.Response], None]
FAKE_BASE_URL = "https://fake.trigger.local"


class FakeTrigger:
    """The fake API. Use .client() / .async_client() in-process, or serve() over loopback HTTP."""

    # checks every exchange of every fake when set (this project's own test suite sets it)
    default_validator: ClassVar[Validator | None] = None

    def __init__(
        self,
        *,
        secret_key: str = DEFAULT_SECRET_KEY,
        personal_token: str = DEFAULT_PERSONAL_TOKEN,
        project_ref: str = DEFAULT_PROJECT_REF,
        environment: str = "dev",
        clock: ClockLike | None = None,
        start_after: float = 0.0,
        execution_time: float = 0.0,
        faults: Faults | None = None,
        rate_limit: TokenBucket | None = None,
        batch_rate_limit: TokenBucket | None = None,
        validator: Validator | None = None,
        realtime_hold: float = 20.0,
        scheduled_tasks: Iterable[str] = (),
        stream_version: str = "v1",
    ) -> None:
        """`clock` drives runs (a FakeClock moves only when told); `start_after` and
        `execution_time` are how long a run waits in the queue and runs; `faults` injects failures;
        `rate_limit` is the general limiter (default: never limits), `batch_rate_limit` the
        create-batch item limiter (default: none); `scheduled_tasks` names the tasks that accept
        schedules; `realtime_hold` is how long a live realtime request is held without a change;
        `stream_version` is the output-stream format of new runs ("v1" Redis ids, "v2" S2 records)."""
        if stream_version not in ("v1", "v2"):
            raise ValueError(f"stream_version must be 'v1' or 'v2', not {stream_version!r}")
        config = Config(
            secret_key=secret_key,
            personal_token=personal_token,
            project_ref=project_ref,
            environment=environment,
            start_after=start_after,
            execution_time=execution_time,
            realtime_hold=realtime_hold,
            stream_version=stream_version,
        )
        self.state = State(config=config, clock=clock or WallClock())
        self.state.scheduled_tasks.update(scheduled_tasks)
        self.faults = faults or Faults()
        self.rate_limit = rate_limit or TokenBucket(burst=10**9, refill_per_second=10**9)
        self.validator = validator or FakeTrigger.default_validator
        self.app = App(self.state, self.faults, self.rate_limit, batch_rate_limit)

    # ------------------------------------------------------------------ what tests read

    @property
    def secret_key(self) -> str:
        return self.state.config.secret_key

    @property
    def personal_token(self) -> str:
        return self.state.config.personal_token

    @property
    def project_ref(self) -> str:
        return self.state.config.project_ref

    @property
    def environment(self) -> str:
        return self.state.config.environment

    @property
    def environment_id(self) -> str:
        """The environment's id: the `sub` of the public JWTs the fake signs."""
        return self.state.config.environment_id

    @property
    def clock(self) -> ClockLike:
        return self.state.clock

    @property
    def runs(self) -> dict[str, FakeRun]:
        """Every run by id, including those the batch queue has made from streamed items since."""
        with self.state.lock:
            drain_batch_queue(self.state)
            return self.state.runs

    @property
    def batches(self) -> dict[str, dict[str, Any]]:
        return self.state.batches

    @property
    def tokens(self) -> dict[str, dict[str, Any]]:
        return self.state.tokens

    @property
    def schedules(self) -> dict[str, dict[str, Any]]:
        return self.state.schedules

    @property
    def envvars(self) -> dict[tuple[str, str], dict[str, dict[str, Any]]]:
        return self.state.envvars

    @property
    def queues(self) -> dict[str, dict[str, Any]]:
        return self.state.queues

    @property
    def bulk_actions(self) -> dict[str, dict[str, Any]]:
        return self.state.bulk_actions

    @property
    def handlers(self) -> dict[str, TaskHandler]:
        return self.state.handlers

    @property
    def requests_seen(self) -> int:
        return self.state.requests_seen

    # ------------------------------------------------------------------ controls for tests

    def task(self, task_id: str, handler: TaskHandler | None = None) -> Any:
        """Register what a task does: fake.task("t", fn) or @fake.task("t"). It gets the payload and
        returns the output; raising fails the run, `SystemExit` crashes it."""

        def register(fn: TaskHandler) -> TaskHandler:
            with self.state.lock:
                self.state.handlers[task_id] = fn
                self.state.queue_for(task_id, "task")
            return fn

        return register(handler) if handler is not None else register

    def scheduled_task(self, task_id: str, handler: TaskHandler | None = None) -> Any:
        """Like task(), and the task accepts schedules (the server allows them only for scheduled tasks)."""
        self.state.scheduled_tasks.add(task_id)
        return self.task(task_id, handler) if handler is not None else self.task(task_id)

    def deploy(self, version: str, status: str = "DEPLOYED") -> dict[str, Any]:
        """Record a deployment of `version` (the fake starts with none, like a dev environment);
        a DEPLOYED one becomes current and new runs carry its version."""
        with self.state.lock:
            return self.state.deploy(version, status)

    def write_stream(self, run_id: str, key: str, *chunks: Any) -> None:
        """Append chunks to a run's realtime stream `key` (what `streams.pipe(key, ...)` sends from a
        task), each JSON-encoded with a Redis-style id, for `GET /realtime/v1/streams/{run}/{key}`.
        A task handler can write its own: see `TaskContext.stream`."""
        with self.state.lock:
            append_chunks(self.state, run_id, key, chunks)

    def inputs(self, run_id: str, stream_id: str) -> list[Any]:
        """What was sent to a run's input stream (`POST /realtime/v1/streams/{run}/input/{id}`)."""
        with self.state.lock:
            return list(self.state.inputs.get((run_id, stream_id), []))

    def add_api_key(self, scopes: Iterable[str] | None = None) -> str:
        """A new additional secret key (`tr_<env>_sk_...`) of this environment: it authenticates like
        the root key but cannot sign public tokens (the client asks the server to mint them). With
        `scopes` its access is restricted to them (the server's key policies)."""
        digest = hashlib.sha256(f"{self.secret_key}/{len(self.state.config.additional_keys)}".encode()).hexdigest()
        key = f"tr_{self.state.config.slug}_sk_{digest[:24]}"
        with self.state.lock:
            self.state.config.additional_keys[key] = None if scopes is None else list(scopes)
        return key

    def rotate_shapes(self) -> None:
        """Make every realtime handle handed out so far stale: the next request that names one is
        answered 409 with a new handle and a must-refetch control message (as Electric does when a
        shape is rotated)."""
        with self.state.lock:
            self.state.shape_generation += 1

    def advance(self, seconds: float = 0.0) -> None:
        """Move a FakeClock forward (if the fake has one) and let runs progress."""
        advance = getattr(self.state.clock, "advance", None)
        if seconds and advance is not None:
            advance(seconds)
        with self.state.lock:
            progress(self.state)

    def seed_runs(self, count: int, task: str = "seeded-task") -> None:
        """Create `count` finished runs at once (for paging benchmarks and tests)."""
        state = self.state
        with state.lock:
            now = state.now()
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
                    index=len(state.order),
                    queue=f"task/{task}",
                )
                state.runs[run.id] = run
                state.order.append(run)

    def client(self, **kwargs: Any) -> TriggerClient:
        """A TriggerClient wired to this fake in-process (no sockets)."""
        from .._client import TriggerClient

        kwargs.setdefault("secret_key", self.secret_key)
        kwargs.setdefault("base_url", FAKE_BASE_URL)
        kwargs.setdefault("environ", {})
        return TriggerClient(transport=FakeTransport(self), **kwargs)

    def async_client(self, **kwargs: Any) -> AsyncTriggerClient:
        """An AsyncTriggerClient wired to this fake in-process (no sockets)."""
        from .._client import AsyncTriggerClient

        kwargs.setdefault("secret_key", self.secret_key)
        kwargs.setdefault("base_url", FAKE_BASE_URL)
        kwargs.setdefault("environ", {})
        return AsyncTriggerClient(transport=FakeTransport(self), **kwargs)

    def serve(self, port: int = 0, host: str = "127.0.0.1") -> LoopbackServer:
        """Serve over real HTTP on loopback: `with fake.serve() as url: ...`."""
        from ._server import LoopbackServer

        return LoopbackServer(self, host=host, port=port)

    # ------------------------------------------------------------------ the HTTP entry point

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer one request. Raises DropConnection when a fault drops it after the work is done."""
        response = self.app.answer(request)
        if self.validator is not None:
            self.validator(request, response)
        if response.status_code < 500 and request.url.path.startswith("/api/") and self.faults.drop_now():
            raise DropConnection()
        return response


class FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """The fake as an httpx transport; a dropped connection surfaces as httpx.ReadError."""

    def __init__(self, fake: FakeTrigger) -> None:
        self.fake = fake

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        return self._answer(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        return self._answer(request)

    def _answer(self, request: httpx.Request) -> httpx.Response:
        try:
            response = self.fake.handle(request)
        except DropConnection:
            raise httpx.ReadError("connection dropped by the fake after doing the work", request=request) from None
        if is_held(response):
            return httpx.Response(response.status_code, headers=response.headers, stream=response.stream)
        # an unread stream, as a network transport hands it over
        return httpx.Response(response.status_code, headers=response.headers, stream=httpx.ByteStream(response.content))
