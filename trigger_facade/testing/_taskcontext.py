"""What a fake task handler can do besides return an output: write output streams, read input
streams, and take time.

A handler takes the payload, or the payload and a `TaskContext`:

    @fake.task("chat")
    def chat(payload, ctx):
        for word in payload["text"].split():
            ctx.stream("tokens").write(word)   # what `streams.pipe("tokens", ...)` sends
            yield 0.5                          # half a second passes on the fake's clock
        answer = yield ctx.input("approval")   # wait for POST /realtime/v1/streams/{run}/input/approval
        return {"approved": answer}

A handler that is a generator runs in steps: `yield <seconds>` sleeps, `yield ctx.input(id)` waits
for the next value sent to that input stream and evaluates to it, a bare `yield` lets others run;
its `return` value is the run's output and an exception fails the run, as for plain handlers. The
run is EXECUTING meanwhile, so a consumer sees the chunks arrive while the run executes.
`ctx.input(id).next()` reads the next value without waiting (LookupError when none arrived).
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Generator
from dataclasses import dataclass, field
from typing import Any

from ._state import FakeRun, State

INPUT_PREFIX = "$trigger.input:"  # where the server keeps input streams, apart from the task's own


def append_chunks(state: State, run_id: str, key: str, chunks: tuple[Any, ...], at: float | None = None) -> None:
    """Add chunks to a run's output stream `key`, each JSON-encoded under a Redis-style id; a new key
    shows in the run's `realtimeStreams` column (a change the realtime feed reports); an input
    stream's records do not."""
    moment = state.now() if at is None else at
    stream = state.streams.setdefault((run_id, key), [])
    for chunk in chunks:
        stream.append((f"{int(moment * 1000)}-{len(stream)}", json.dumps(chunk, separators=(",", ":"))))
    run = state.runs.get(run_id)
    if run is not None and key not in run.stream_keys and not key.startswith(INPUT_PREFIX):
        run.stream_keys.append(key)
        run.updated_at = max(run.updated_at, state.now())
    state.changed.notify_all()


class OutputStream:
    """One of the run's output streams, as the task writes it."""

    def __init__(self, context: TaskContext, key: str) -> None:
        self._context, self.key = context, key

    def write(self, *chunks: Any) -> None:
        context = self._context
        append_chunks(context.state, context.run.id, self.key, chunks, at=context.at)


class InputStream:
    """One of the run's input streams, as the task reads it: each value once, in the order sent."""

    def __init__(self, context: TaskContext, stream_id: str) -> None:
        self._context, self.id = context, stream_id

    @property
    def received(self) -> list[Any]:
        """Every value sent so far (read or not)."""
        return list(self._context.state.inputs.get((self._context.run.id, self.id), []))

    def ready(self) -> bool:
        return self._context.read.get(self.id, 0) < len(self.received)

    def next(self) -> Any:
        """The next unread value; LookupError when nothing new was sent (yield the stream to wait)."""
        if not self.ready():
            raise LookupError(f"nothing was sent to input stream {self.id!r} of {self._context.run.id} yet")
        position = self._context.read.get(self.id, 0)
        self._context.read[self.id] = position + 1
        return self.received[position]


@dataclass
class TaskContext:
    """Handed to a handler that takes two arguments: the run, its streams, and the fake's time."""

    state: State
    run: FakeRun
    at: float  # the task's own clock: when its current step happens
    read: dict[str, int] = field(default_factory=dict)  # input stream id -> values consumed

    @property
    def run_id(self) -> str:
        return self.run.id

    def stream(self, key: str = "default") -> OutputStream:
        return OutputStream(self, key)

    def input(self, stream_id: str) -> InputStream:
        return InputStream(self, stream_id)


@dataclass
class Execution:
    """A generator handler between steps: asleep until `resume_at`, or waiting on an input stream."""

    steps: Generator[Any, Any, Any]
    context: TaskContext
    resume_at: float
    waiting: InputStream | None = None


def takes_context(handler: Any) -> bool:
    try:
        parameters = inspect.signature(handler).parameters.values()
    except (TypeError, ValueError):
        return False
    positional = [p for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return len(positional) >= 2 or any(p.kind is p.VAR_POSITIONAL for p in parameters)


def step_task(state: State, run: FakeRun, handler: Any, now: float, begin: float) -> tuple[bool, Any]:
    """(finished, output): start the handler at `begin`, or run its steps that are due by `now`."""
    try:
        if run.execution is None:
            context = TaskContext(state, run, at=begin)
            result = handler(run.payload, context) if takes_context(handler) else handler(run.payload)
            if not inspect.isgenerator(result):
                return True, result
            run.execution = Execution(result, context, resume_at=begin)
        return _advance(run.execution, run, now)
    except BaseException:
        run.execution = None
        raise


def _advance(execution: Execution, run: FakeRun, now: float) -> tuple[bool, Any]:
    while True:
        sent: Any = None
        if execution.waiting is not None:
            if not execution.waiting.ready():
                return False, None
            sent = execution.waiting.next()
            execution.waiting = None
            execution.resume_at = max(execution.resume_at, now)
        elif execution.resume_at > now:
            return False, None
        execution.context.at = execution.resume_at
        try:
            yielded = execution.steps.send(sent)
        except StopIteration as stop:
            run.execution = None
            return True, stop.value
        if isinstance(yielded, InputStream):
            execution.waiting = yielded
        elif isinstance(yielded, (int, float)) and not isinstance(yielded, bool) and yielded > 0:
            execution.resume_at += float(yielded)
        elif yielded is not None and not isinstance(yielded, (int, float)):
            raise TypeError(
                f"a fake task may yield seconds to sleep or ctx.input(id) to wait, not {type(yielded).__name__}"
            )


def stop_task(run: FakeRun) -> None:
    """A cancelled run's handler stops where it is."""
    if run.execution is not None:
        run.execution.steps.close()
        run.execution = None


__all__ = ["InputStream", "OutputStream", "TaskContext", "append_chunks", "step_task", "stop_task"]
