"""How to name a queue: by id ("queue_..."), or by task or custom name (QueueRef)."""

from __future__ import annotations

import attrs

from .errors import InvalidInputError


@attrs.frozen
class QueueRef:
    """A queue named by kind: QueueRef.task("my-task") or QueueRef.custom("emails")."""

    type: str
    name: str

    @classmethod
    def task(cls, name: str) -> QueueRef:
        return cls("task", _name(name, "QueueRef.task(name)"))

    @classmethod
    def custom(cls, name: str) -> QueueRef:
        return cls("custom", _name(name, "QueueRef.custom(name)"))


def _name(value: object, argument: str) -> str:
    from ._validate import identifier

    return identifier(value, argument)


def queue_identity(queue: str | QueueRef, argument: str = "queue") -> tuple[str, str]:
    """(path value, type) as the queue routes read them.

    The server decodes the path segment and then turns "%2F" back into "/", so a "/" inside a name
    must travel as "%252F": it is written "%2F" here and the generated client quotes the "%".
    """
    if isinstance(queue, QueueRef):
        kind, value = queue.type, queue.name
    elif isinstance(queue, str) and queue.startswith("queue_") and len(queue) > len("queue_"):
        kind, value = "id", queue
    elif isinstance(queue, str):
        raise InvalidInputError(
            f"{argument}={queue!r} is neither a queue id ('queue_...') nor a QueueRef; "
            "name queues with QueueRef.task('task-id') or QueueRef.custom('name')"
        )
    else:
        raise InvalidInputError(f"{argument} must be a queue id string or a QueueRef, got {queue!r}")
    return value.replace("/", "%2F"), kind


def queue_filter_value(queue: str | QueueRef) -> str:
    """A queue as `runs.list(queue=...)` sends it: "task/<name>" for task queues, else the name."""
    if isinstance(queue, QueueRef):
        return f"task/{queue.name}" if queue.type == "task" else queue.name
    return _name(queue, "queue")
