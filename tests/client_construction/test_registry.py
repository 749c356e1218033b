"""trigger_facade.registry lists each resource once; the clients, their annotations and the docs follow it."""

from __future__ import annotations

import ast
import inspect
import re
import typing
from pathlib import Path
from typing import Any

import pytest

from trigger_facade import AsyncTriggerClient, TriggerClient
from trigger_facade import _client as client_module
from trigger_facade.registry import BY_NAME, RESOURCES, ResourceEntry, resource

KEY = "tr_dev_abcdefghijklmnopqrstuvwx"
PAGE = Path(__file__).resolve().parents[2] / "docs" / "reference" / "resources.md"
CLIENTS = [(TriggerClient, False), (AsyncTriggerClient, True)]


def test_each_resource_is_listed_once_with_a_one_line_summary() -> None:
    names = [entry.name for entry in RESOURCES]
    assert len(names) == len(set(names)) == len(BY_NAME) == 13
    for entry in RESOURCES:
        assert entry.name.isidentifier()
        assert not entry.name.startswith("_")
        assert "\n" not in entry.summary
        assert entry.summary.endswith(".")
        assert len(entry.summary) <= 90
        assert resource(entry.name) is entry
    with pytest.raises(KeyError, match="no resource 'colours'; the client has tasks, runs"):
        resource("colours")


@pytest.mark.parametrize("entry", RESOURCES, ids=lambda e: e.name)
def test_every_entry_names_real_classes_and_twins(entry: ResourceEntry) -> None:
    sync_cls, async_cls = entry.load(), entry.load(asynchronous=True)
    assert async_cls.__name__ == "Async" + sync_cls.__name__
    assert f"{sync_cls.__module__}:{sync_cls.__qualname__}" == entry.sync_class
    assert f"{async_cls.__module__}:{async_cls.__qualname__}" == entry.async_class


def _type_checking_namespace() -> dict[str, Any]:
    """The client module's globals plus what its `if TYPE_CHECKING:` block imports: what mypy sees."""
    namespace = dict(vars(client_module))
    for node in ast.parse(inspect.getsource(client_module)).body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            block = ast.Module(body=node.body, type_ignores=[])
            exec(compile(block, client_module.__file__ or "_client.py", "exec"), namespace)  # noqa: S102 (our source)
    return namespace


@pytest.mark.parametrize(("cls", "asynchronous"), CLIENTS)
def test_the_annotations_type_checkers_read_equal_the_registry(cls: type, asynchronous: bool) -> None:
    hints = typing.get_type_hints(cls, globalns=_type_checking_namespace())
    annotated = {name: hint for name, hint in hints.items() if not name.startswith("_")}
    assert annotated == {entry.name: entry.load(asynchronous=asynchronous) for entry in RESOURCES}


@pytest.mark.parametrize(("cls", "asynchronous"), CLIENTS)
def test_the_client_attributes_come_from_the_registry(cls: type, asynchronous: bool) -> None:
    installed = {name: value for name, value in vars(cls).items() if hasattr(value, "entry")}
    assert list(installed) == [entry.name for entry in RESOURCES]
    for entry in RESOURCES:
        assert installed[entry.name].entry is entry
        assert installed[entry.name].asynchronous is asynchronous
    client = cls(secret_key=KEY, environ={})
    for entry in RESOURCES:
        made = getattr(client, entry.name)
        assert type(made) is entry.load(asynchronous=asynchronous)
        assert getattr(client, entry.name) is made  # made once per client


def test_the_reference_page_lists_every_resource_in_registry_order() -> None:
    text = PAGE.read_text()
    rows = re.findall(r"^\| \[`client\.(\w+)`\]\(#client(\w+)\) \| (.+) \|$", text, flags=re.MULTILINE)
    assert [(name, summary) for name, _, summary in rows] == [(e.name, e.summary) for e in RESOURCES]
    assert all(anchor == name for name, anchor, _ in rows)  # Markdown drops the dot from the heading id
    sections = re.findall(r"^## `client\.(\w+)`\n\n(.+)\n\n::: (\S+)$", text, flags=re.MULTILINE)
    expected = [(e.name, e.summary, e.sync_class.replace(":", ".")) for e in RESOURCES]
    assert sections == expected


def test_reading_the_registry_imports_no_resource_module() -> None:
    import subprocess
    import sys

    code = (
        "import sys, trigger_facade.registry as r; names = [e.name for e in r.RESOURCES]; "
        "print(sorted(m for m in sys.modules if m.startswith(('trigger_facade.resources', 'trigger_facade._async', "
        "'trigger_api'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
