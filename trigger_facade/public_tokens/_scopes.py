"""The scope vocabulary of public tokens, checked before anything is signed (forms in the package doc)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final, TypeAlias

from ..errors import InvalidInputError

Scopes: TypeAlias = Mapping[str, Any] | Sequence[str] | str


ACTIONS: Final = ("read", "write", "trigger", "batchTrigger")
READ_WRITE_RESOURCES: Final = ("runs", "tasks", "tags", "batch", "waitpoints", "inputStreams", "sessions")
_RESOURCES: Final[dict[str, tuple[str, ...]]] = {
    "read": (*READ_WRITE_RESOURCES, "all"),
    "write": (*READ_WRITE_RESOURCES, "all"),
    "trigger": ("tasks",),
    "batchTrigger": ("tasks",),
}
_ACCEPTED = (
    "accepted: {'read'|'write': {'runs'|'tasks'|'tags'|'batch'|'waitpoints'|'inputStreams'|'sessions': "
    "id | [ids] | True, 'all': True}, 'trigger'|'batchTrigger': {'tasks': id | [ids] | True}}, "
    "or flat strings such as 'read:runs:run_123'"
)


def scope_id(action: str, resource: str, item: Any) -> str:
    if not isinstance(item, str):
        raise InvalidInputError(
            f"scopes[{action!r}][{resource!r}] must hold id strings, got {type(item).__name__} {item!r}"
        )
    if not item.strip():
        raise InvalidInputError(
            f"scopes[{action!r}][{resource!r}]: Public token scope resource IDs must not be empty (got {item!r})"
        )
    return f"{action}:{resource}:{item}"


def _check_action(action: Any) -> str:
    if not isinstance(action, str) or action not in _RESOURCES:
        raise InvalidInputError(f"unknown scope action {action!r}; {_ACCEPTED}")
    return action


def _check_resource(action: str, resource: Any) -> str:
    if not isinstance(resource, str) or resource not in _RESOURCES[action]:
        allowed = ", ".join(_RESOURCES[action])
        raise InvalidInputError(
            f"unknown scope resource {resource!r} for {action!r} (accepted: {allowed}); {_ACCEPTED}"
        )
    return resource


def _flatten_mapping(scopes: Mapping[str, Any]) -> list[str]:
    flat: list[str] = []
    for action, properties in scopes.items():
        _check_action(action)
        if properties is None or properties is False:
            continue
        if properties is True:
            raise InvalidInputError(
                f"scopes[{action!r}]=True names no resource, so the server grants nothing for it; "
                f"use {{{action!r}: {{'all': True}}}} for every resource or e.g. {{{action!r}: {{'runs': True}}}}"
            )
        if not isinstance(properties, Mapping):
            raise InvalidInputError(f"scopes[{action!r}] must be a dict of resources, got {properties!r}; {_ACCEPTED}")
        for resource, value in properties.items():
            _check_resource(action, resource)
            if value is None or value is False:
                continue
            if value is True:
                flat.append(f"{action}:{resource}")
            elif resource == "all":
                raise InvalidInputError(f"scopes[{action!r}]['all'] takes True (every resource), not {value!r}")
            elif isinstance(value, str):
                flat.append(scope_id(action, resource, value))
            elif isinstance(value, (list, tuple)):
                flat.extend(scope_id(action, resource, item) for item in value)
            else:
                raise InvalidInputError(
                    f"scopes[{action!r}][{resource!r}] must be an id, a list of ids or True, got {value!r}"
                )
    return flat


def _check_flat(scope: Any) -> str:
    if not isinstance(scope, str):
        raise InvalidInputError(f"a scope must be a string such as 'read:runs:run_123', got {scope!r}")
    action, _, rest = scope.partition(":")
    _check_action(action)
    resource, has_id, item = rest.partition(":")
    if not resource:
        raise InvalidInputError(f"scope {scope!r} names no resource, so the server grants nothing for it; {_ACCEPTED}")
    _check_resource(action, resource)
    if has_id:
        if resource == "all":
            raise InvalidInputError(f"scope {scope!r}: '{action}:all' takes no id")
        # the server reads "read:runs:" as every run; never let an empty id widen a token
        scope_id(action, resource, item)
    return scope


def flatten_scopes(scopes: Scopes) -> list[str]:
    """The scope strings the SDK signs for `scopes`, checked (see the package doc for the forms)."""
    if isinstance(scopes, str):
        return [_check_flat(scopes)]
    if isinstance(scopes, Mapping):
        return _flatten_mapping(scopes)
    if isinstance(scopes, (list, tuple)):
        return [_check_flat(s) for s in scopes]
    raise InvalidInputError(
        f"scopes must be a dict or a list of scope strings, got {type(scopes).__name__}; {_ACCEPTED}"
    )


def task_scopes(action: str, tasks: str | Sequence[str]) -> list[str]:
    if isinstance(tasks, str):
        items: Sequence[Any] = [tasks]
    elif isinstance(tasks, (list, tuple)):
        items = tasks
    else:
        raise InvalidInputError(f"tasks must be a task id or a list of task ids, got {tasks!r}")
    if not items:
        raise InvalidInputError("tasks is empty; a trigger token needs at least one task id")
    return [scope_id(action, "tasks", t) for t in items]
