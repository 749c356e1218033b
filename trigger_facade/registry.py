"""Every resource of the client, listed once.

The sync and async clients install their resource attributes from this table, the reference page
and its test read it, and the CLI can list commands from it. Classes are named as "module:Class"
strings and imported only when first used, so reading the table stays as cheap as importing it.
"""

from __future__ import annotations

import importlib

import attrs


@attrs.frozen
class ResourceEntry:
    """One resource: the client attribute, its sync and async classes, and what it is for."""

    name: str  # the attribute: client.<name>
    sync_class: str  # "module:Class"
    async_class: str  # "module:Class"
    summary: str  # one line, for the docs and the CLI

    def class_path(self, *, asynchronous: bool = False) -> str:
        return self.async_class if asynchronous else self.sync_class

    def load(self, *, asynchronous: bool = False) -> type:
        """The resource class (imported on this first use)."""
        module, _, name = self.class_path(asynchronous=asynchronous).partition(":")
        cls = getattr(importlib.import_module(module), name)
        if not isinstance(cls, type):
            raise TypeError(f"{self.class_path(asynchronous=asynchronous)} is not a class")
        return cls


def _entry(name: str, module: str, cls: str, summary: str) -> ResourceEntry:
    # the async twin of trigger_facade.resources.<module>:<Class> is trigger_facade._async.<module>:Async<Class>
    return ResourceEntry(
        name=name,
        sync_class=f"trigger_facade.resources.{module}:{cls}",
        async_class=f"trigger_facade._async.{module}:Async{cls}",
        summary=summary,
    )


RESOURCES: tuple[ResourceEntry, ...] = (
    _entry("tasks", "tasks", "Tasks", "Trigger one run, or many runs of one task; a handle follows each run."),
    _entry("runs", "runs", "Runs", "List, inspect, cancel, replay, wait for and watch runs; their streams."),
    _entry("batch", "batch", "Batch", "Trigger runs of several tasks at once, and read batches back."),
    _entry("schedules", "schedules", "Schedules", "Cron schedules for tasks."),
    _entry("queues", "queues", "Queues", "List, inspect, pause and resume queues; override their concurrency."),
    _entry("waitpoints", "waitpoints", "Waitpoints", "Tokens a run can wait for, completed by your code or a URL."),
    _entry("deployments", "deployments", "Deployments", "List, inspect and promote deployments."),
    _entry("envvars", "envvars", "EnvVars", "Environment variables of a project environment."),
    _entry("query", "query", "Query", "TRQL queries."),
    _entry("bulk_actions", "bulk_actions", "BulkActions", "Cancel or replay many runs, by filter or by id."),
    _entry(
        "idempotency_keys",
        "idempotency",
        "IdempotencyKeys",
        "Forget an idempotency key, so the next trigger with it starts a new run.",
    ),
    _entry("auth", "auth", "Auth", "Public access tokens for a browser, as the official SDK makes them."),
    _entry("sessions", "sessions", "Sessions", "Long-lived sessions with a task (chat agents) and their channels."),
)

BY_NAME: dict[str, ResourceEntry] = {entry.name: entry for entry in RESOURCES}


def resource(name: str) -> ResourceEntry:
    """The entry for client.<name>; a clear error naming the known resources otherwise."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"no resource {name!r}; the client has {', '.join(BY_NAME)}") from None


__all__ = ["BY_NAME", "RESOURCES", "ResourceEntry", "resource"]
