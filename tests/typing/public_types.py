"""Walk the public surface of TriggerClient and AsyncTriggerClient: every resource method's return type,
and, recursively, the members of the classes it names (through unions, generics and iterators).

`findings()` lists what the typing tests refuse: `Any` outside the members that carry the caller's
own data, and `Unset` on a member the real server always sends (read from the recordings by parsing
each recorded answer with its generated model; see `always_set`).
"""

from __future__ import annotations

import enum
import importlib
import inspect
import types
import typing
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, Literal, get_args, get_origin, get_type_hints

import attrs
import httpx
from trigger_api.client import Client
from trigger_api.types import Unset

import trigger_facade.types as public
from trigger_facade.registry import RESOURCES

from .recorded_shapes import recorded_answers

# Members whose type is Any on purpose: they hold the caller's own data (payloads, outputs, metadata,
# query rows, stream chunks) or the raw JSON, whose shape no spec can know.
USER_DATA = frozenset(
    {
        "Run.data",
        "Run.payload",
        "Run.output",
        "Run.metadata",
        "Run.to_dict",
        "RunResult.output",
        "RunResult.unwrap",
        "RunHandle.result",
        "AsyncRunHandle.result",
        "Runs.retrieve_metadata",
        "Runs.update_metadata",
        "AsyncRuns.retrieve_metadata",
        "AsyncRuns.update_metadata",
        "Query.execute",
        "AsyncQuery.execute",
        "WaitpointToken.output",
        "StreamChunk.data",
    }
)
# Members of generated models typed Any because the spec says "any JSON value" there (`{}` or an
# object with additionalProperties), named by class.member.
SPEC_ANY_JSON = frozenset(
    {
        "BatchItemError.error",  # the processing error as the server stored it
        "QueueMetricsResponse.additional_properties",
    }
)
# not walked: deprecated, kept for compatibility (read the typed fields instead)
SKIPPED = frozenset({"Run.model"})
SCALARS = (str, int, float, bool, bytes, type(None))


@dataclass(frozen=True)
class Finding:
    where: str
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


def resources(*, asynchronous: bool) -> list[tuple[str, type]]:
    """(attribute, resource class) for each resource the client offers (from the one registry)."""
    return [(entry.name, entry.load(asynchronous=asynchronous)) for entry in RESOURCES]


def public_members(cls: type) -> list[tuple[str, Callable[..., Any]]]:
    """Public methods and properties (their getters) of a class, inherited ones included."""
    out = []
    for name in dir(cls):
        if name.startswith("_"):
            continue
        raw = inspect.getattr_static(cls, name)
        if isinstance(raw, property) and raw.fget is not None:
            out.append((name, raw.fget))
        elif isinstance(raw, (staticmethod, classmethod)):
            out.append((name, raw.__func__))
        elif inspect.isfunction(raw):
            out.append((name, raw))
    return out


@cache
def namespace() -> dict[str, Any]:
    """Every generated model and public type by name: annotations name them under TYPE_CHECKING only."""
    import pkgutil

    import trigger_api.models

    names: dict[str, Any] = {}
    for info in pkgutil.iter_modules(trigger_api.models.__path__):
        module = importlib.import_module(f"trigger_api.models.{info.name}")
        names.update({k: v for k, v in vars(module).items() if isinstance(v, type)})
    names.update(vars(public))
    return names


def hints(obj: Any) -> dict[str, Any]:
    return get_type_hints(obj, localns=namespace())


def return_type(fn: Callable[..., Any]) -> Any:
    return hints(fn).get("return", Any)


class Walker:
    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.seen: set[type] = set()

    def method(self, owner: str, name: str, fn: Callable[..., Any]) -> None:
        where = f"{owner}.{name}"
        if where in SKIPPED:
            return
        self.walk_type(return_type(fn), where)

    def walk_type(self, tp: Any, where: str) -> None:
        if tp is Any:
            # a generated model keeps the members its schema does not name, whatever they hold
            extras = where.endswith(".additional_properties") and where.split(".", 1)[0] in _GENERATED_NAMES
            if where not in USER_DATA and where not in SPEC_ANY_JSON and not extras:
                self.findings.append(Finding(where, "Any"))
            return
        origin = get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            for arg in get_args(tp):
                if arg is Unset:
                    if not self._generated(where):
                        self.findings.append(Finding(where, "Unset in a facade type"))
                    continue
                self.walk_type(arg, where)
            return
        if origin is Literal:
            return
        if origin is not None:
            for arg in get_args(tp):
                if arg is not Ellipsis:
                    self.walk_type(arg, where)
            if isinstance(origin, type) and origin.__module__.startswith("trigger_facade"):
                self.cls(origin)
            return
        if isinstance(tp, typing.TypeVar):
            return
        if isinstance(tp, type):
            if tp in SCALARS or issubclass(tp, (enum.Enum, datetime, Iterator, AsyncIterator)):
                return
            self.cls(tp)

    def _generated(self, where: str) -> bool:
        return where.split(".", 1)[0] in _GENERATED_NAMES

    def cls(self, cls: type) -> None:
        if cls in self.seen or cls in SCALARS:
            return
        self.seen.add(cls)
        name = cls.__name__
        if typing.is_typeddict(cls):
            for member, tp in hints(cls).items():
                self.walk_type(tp, f"{name}.{member}")
            return
        if cls.__module__.startswith("trigger_api.models"):
            _GENERATED_NAMES.add(name)
            self.generated(cls)
            return
        if not cls.__module__.startswith("trigger_facade"):
            return
        if attrs.has(cls):
            for member, tp in hints(cls).items():
                if not member.startswith("_"):
                    self.walk_type(tp, f"{name}.{member}")
        for member, value in vars(cls).items():
            convert = getattr(value, "convert", None)
            if callable(convert) and not member.startswith("_"):
                self.walk_type(hints(convert).get("return", Any), f"{name}.{member}")
        if issubclass(cls, Iterable):
            self.walk_type(return_type(cls.__iter__), f"{name}.__iter__")
        for member, fn in public_members(cls):
            if not (attrs.has(cls) and member in attrs.fields_dict(cls)):
                self.method(name, member, fn)

    def generated(self, cls: type) -> None:
        """A generated model: Any only where the spec says any JSON; Unset only where the server may omit."""
        always = always_set().get(cls, {})
        for field in attrs.fields(cls):
            where = f"{cls.__name__}.{field.name}"
            tp = hints(cls)[field.name]
            if Unset in get_args(tp) and always.get(field.name):
                self.findings.append(Finding(where, "Unset, but every recorded answer has it (make it required)"))
            self.walk_type(tp, where)


_GENERATED_NAMES: set[str] = set()


def _parser(operation: str) -> Callable[..., Any]:
    for tag in ("auth", "batches", "bulk_actions", "deployments", "envvars", "errors", "query", "queues", "runs"):
        try:
            module = importlib.import_module(f"trigger_api.api.{tag}.{operation}")
        except ModuleNotFoundError:
            continue
        return module._parse_response  # type: ignore[no-any-return]
    for tag in ("schedules", "sessions", "tasks", "waitpoints"):
        try:
            module = importlib.import_module(f"trigger_api.api.{tag}.{operation}")
        except ModuleNotFoundError:
            continue
        return module._parse_response  # type: ignore[no-any-return]
    raise LookupError(operation)


@cache
def always_set() -> dict[type, dict[str, bool]]:
    """Generated model class -> member -> whether every recorded instance had it (not Unset)."""
    counts: dict[type, dict[str, bool]] = {}
    client = Client(base_url="http://recorded")
    for operation, status, body in recorded_answers():
        parsed = _parser(operation)(client=client, response=httpx.Response(status, json=body))
        _count(parsed, counts)
    return counts


def _count(value: Any, counts: dict[type, dict[str, bool]]) -> None:
    if isinstance(value, list):
        for item in value:
            _count(item, counts)
        return
    if not attrs.has(type(value)) or not type(value).__module__.startswith("trigger_api"):
        return
    seen = counts.setdefault(type(value), {})
    for field in attrs.fields(type(value)):
        if field.name == "additional_properties":
            continue
        member = getattr(value, field.name)
        seen[field.name] = seen.get(field.name, True) and not isinstance(member, Unset)
        _count(member, counts)


def findings() -> list[Finding]:
    walker = Walker()
    for asynchronous in (False, True):
        for _attribute, resource in resources(asynchronous=asynchronous):
            walker.cls(resource)
    return walker.findings
