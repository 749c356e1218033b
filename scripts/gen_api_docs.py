"""Write docs/api.md, the facade's API reference, from its signatures and docstrings.

Usage: gen_api_docs.py [--check]
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "api.md"

SECTIONS: list[tuple[str, list[str]]] = [
    ("Clients", ["trigger_facade:TriggerClient", "trigger_facade:AsyncTriggerClient", "trigger_facade:RetryPolicy"]),
    (
        "Resources (sync; the async twins have the same names, awaited)",
        [
            "trigger_facade.resources.tasks:Tasks",
            "trigger_facade.resources.batch:Batch",
            "trigger_facade.resources.runs:Runs",
            "trigger_facade.resources.schedules:Schedules",
            "trigger_facade.resources.envvars:EnvVars",
            "trigger_facade.resources.queues:Queues",
            "trigger_facade.resources.waitpoints:Waitpoints",
            "trigger_facade.resources.query:Query",
            "trigger_facade.resources.deployments:Deployments",
            "trigger_facade.resources.bulk_actions:BulkActions",
            "trigger_facade.resources.idempotency:IdempotencyKeys",
        ],
    ),
    (
        "Results",
        [
            "trigger_facade:Run",
            "trigger_facade:RunHandle",
            "trigger_facade:BatchHandle",
            "trigger_facade:BatchPart",
            "trigger_facade:Page",
            "trigger_facade._pagination:SyncPaginator",
            "trigger_facade.resources.waitpoints:WaitpointToken",
            "trigger_facade:QueueRef",
        ],
    ),
    ("Helpers", ["trigger_facade.status", "trigger_facade.durations", "trigger_facade.idempotency_keys"]),
    ("Errors", ["trigger_facade.errors"]),
    (
        "Testing",
        [
            "trigger_facade.testing:FakeTrigger",
            "trigger_facade.testing:FakeClock",
            "trigger_facade.testing:Faults",
            "trigger_facade.testing:TokenBucket",
        ],
    ),
]


def _doc(obj: Any) -> str:
    return inspect.cleandoc(obj.__doc__) if obj.__doc__ else ""


def _signature(obj: Any) -> str:
    try:
        text = str(inspect.signature(obj))
    except (TypeError, ValueError):
        return "(...)"
    # addresses in default values' reprs change from run to run
    return re.sub(r" at 0x[0-9a-f]+", "", text.replace("'", ""))


def _members(cls: type) -> list[tuple[str, Any]]:
    """Public methods and properties, inherited ones included (from this package only)."""
    found: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        if not klass.__module__.startswith("trigger_facade") or klass.__name__ in ("SyncResource", "AsyncResource"):
            continue
        for name, member in vars(klass).items():
            if name.startswith("_") and name != "__init__":
                continue
            if inspect.isfunction(member) or isinstance(member, property) or type(member).__name__ == "_LazyResource":
                found[name] = member
    return list(found.items())


def _render_class(path: str, cls: type) -> list[str]:
    lines = [f"### `{cls.__name__}`", "", f"`{path}`", ""]
    if _doc(cls):
        lines += [_doc(cls), ""]
    for name, member in _members(cls):
        if type(member).__name__ == "_LazyResource":
            lines.append(f"- **`.{name}`**: `{member._class}` (made on first use)")
            continue
        if isinstance(member, property):
            lines.append(f"- **`.{name}`** (property) {_doc(member).splitlines()[0] if _doc(member) else ''}".rstrip())
            continue
        lines += [f"#### `{cls.__name__}.{name}{_signature(member)}`", ""]
        if _doc(member):
            lines += [_doc(member), ""]
    lines.append("")
    return lines


def _render_module(module_name: str) -> list[str]:
    module = importlib.import_module(module_name)
    lines = [f"### `{module_name}`", ""]
    if _doc(module):
        lines += [_doc(module), ""]
    for name in getattr(module, "__all__", []):
        obj = getattr(module, name)
        if inspect.isfunction(obj):
            lines += [f"- `{name}{_signature(obj)}`: {_doc(obj).splitlines()[0] if _doc(obj) else ''}".rstrip()]
        elif inspect.isclass(obj):
            lines += [f"- `{name}`: {_doc(obj).splitlines()[0] if _doc(obj) else ''}".rstrip()]
    return [*lines, ""]


def render() -> str:
    lines = [
        "# API reference",
        "",
        "Generated from the facade's signatures and docstrings by `scripts/gen_api_docs.py`; do not edit.",
        "",
    ]
    for title, targets in SECTIONS:
        lines += [f"## {title}", ""]
        for target in targets:
            module_name, _, attr = target.partition(":")
            if not attr:
                lines += _render_module(module_name)
                continue
            lines += _render_class(f"{module_name}.{attr}", getattr(importlib.import_module(module_name), attr))
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="write docs/api.md")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print("gen_api_docs: docs/api.md is stale; run `make docs`", file=sys.stderr)
            return 1
        print("gen_api_docs: docs/api.md is up to date")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"gen_api_docs: wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
