"""The layout rules of issue 12, read from the syntax tree of every module of trigger_facade/.

(a) no module is longer than 400 lines (the generated operations table aside);
(b) the imports a module runs when it is loaded (module level, not under `if TYPE_CHECKING:`, not
    inside a function) form no cycle;
(c) no module takes a private name (`_name`, not a module) from another module: importing a private
    module (`from .. import _validate`) is the package's own layout and allowed;
(d) no Python string equals an operationId of spec/openapi.yaml: the operations table, generated
    from the spec, is where operation names live.

Files other people are reworking in this round may still break a rule; each such case is one row of
EXCEPTIONS, and a row whose case is gone fails too, so the table can only shrink.
"""

from __future__ import annotations

import ast
import functools
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "trigger_facade"
MAX_LINES = 400
# written by scripts/gen_operations.py, never by hand (the sync twins that scripts/unasync.py writes are
# no longer than their async sources, which the rule holds)
LINE_RULE_SKIPS = ("trigger_facade/_operations.py",)
OPERATION_NAME_SKIPS = ("trigger_facade/_operations.py",)

BEING_REWORKED = "being reworked in this round"
# the only places a row may name: what other people are editing while this table exists (this
# round's rework is done, so none: a new row cannot be added)
REWORKED_PATHS: tuple[str, ...] = ()


@dataclass(frozen=True)
class Allowed:
    path: str
    rule: str  # "lines" or "private-import"
    reason: str


EXCEPTIONS: tuple[Allowed, ...] = ()


# ---------------------------------------------------------------------------------------------
# reading the package


@dataclass(frozen=True)
class Module:
    name: str  # dotted, e.g. trigger_facade.realtime.electric
    path: str  # relative to the repository, e.g. trigger_facade/realtime/electric.py
    is_package: bool
    source: str

    @functools.cached_property
    def tree(self) -> ast.Module:
        return ast.parse(self.source, filename=self.path)


def module_from_file(file: Path, root: Path) -> Module:
    relative = file.relative_to(root)
    parts = list(relative.with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return Module(".".join(parts), relative.as_posix(), is_package, file.read_text(encoding="utf-8"))


@functools.cache
def package_modules() -> dict[str, Module]:
    files = sorted((ROOT / PACKAGE).rglob("*.py"))
    return {m.name: m for m in (module_from_file(f, ROOT) for f in files)}


# ---------------------------------------------------------------------------------------------
# the checks, as functions over any set of modules (so they can be tried on small made-up ones)


def line_counts(modules: Iterable[Module], skips: tuple[str, ...]) -> dict[str, int]:
    """Modules longer than MAX_LINES, with their length."""
    return {
        m.path: n for m in modules if not m.path.startswith(skips) and (n := len(m.source.splitlines())) > MAX_LINES
    }


def _base_of(module: Module, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    parts = module.name.split(".")
    if not module.is_package:
        parts.pop()
    if node.level > 1:
        parts = parts[: len(parts) - (node.level - 1)]
    return ".".join([*parts, node.module] if node.module else parts)


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def load_time_imports(nodes: Iterable[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """The import statements that run when the module loads: not in functions, not for type checkers."""
    for node in nodes:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            yield from load_time_imports(node.orelse)
        else:  # class bodies, try/except/else/finally, other if branches, with, loops: all run on load
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.stmt):
                    yield from load_time_imports([child])
                elif isinstance(child, ast.ExceptHandler):
                    yield from load_time_imports(child.body)


def imported_modules(module: Module, node: ast.Import | ast.ImportFrom, known: Mapping[str, Module]) -> Iterator[str]:
    """The package's modules an import statement loads by name (a package's own __init__ counts only
    when a name is taken from it)."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name in known:
                yield alias.name
        return
    base = _base_of(module, node)
    for alias in node.names:
        if f"{base}.{alias.name}" in known:
            yield f"{base}.{alias.name}"
        elif base in known:
            yield base


def import_graph(modules: Mapping[str, Module]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for module in modules.values():
        for node in load_time_imports(module.tree.body):
            graph[module.name].update(t for t in imported_modules(module, node, modules) if t != module.name)
    return graph


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(start: str) -> None:
        # iterative, so a long import chain cannot hit the recursion limit
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return sorted(found)


def private_imports(modules: Mapping[str, Module]) -> dict[str, list[str]]:
    """Per file: every `from <package module> import _name` where _name is not a module (any import,
    function-level and type-checking ones included)."""
    found: dict[str, list[str]] = {}
    for module in modules.values():
        for node in ast.walk(module.tree):
            if not isinstance(node, ast.ImportFrom):
                continue
            base = _base_of(module, node)
            if base not in modules:
                continue
            for alias in node.names:
                name = alias.name
                is_dunder = name.startswith("__") and name.endswith("__")
                if name.startswith("_") and not is_dunder and f"{base}.{name}" not in modules:
                    found.setdefault(module.path, []).append(f"line {node.lineno}: {name} from {base}")
    return found


def operation_names_in_python(modules: Iterable[Module], operation_ids: frozenset[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for module in modules:
        if module.path.startswith(OPERATION_NAME_SKIPS):
            continue
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in operation_ids:
                found.setdefault(module.path, []).append(f"line {node.lineno}: {node.value!r}")
    return found


@functools.cache
def spec_operation_ids() -> frozenset[str]:
    spec = yaml.safe_load((ROOT / "spec" / "openapi.yaml").read_text(encoding="utf-8"))
    ids = set()
    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "operationId" in operation:
                ids.add(operation["operationId"])
    return frozenset(ids)


# ---------------------------------------------------------------------------------------------
# the rules over trigger_facade/


def _compare(rule: str, found: Mapping[str, object]) -> None:
    allowed = {row.path for row in EXCEPTIONS if row.rule == rule}
    unexpected = {path: found[path] for path in sorted(set(found) - allowed)}
    fixed = sorted(allowed - set(found))
    assert not unexpected, f"rule {rule!r} broken: {unexpected}"
    assert not fixed, f"rule {rule!r} now holds for {fixed}: remove their rows from EXCEPTIONS"


def test_no_module_is_longer_than_400_lines() -> None:
    _compare("lines", line_counts(package_modules().values(), LINE_RULE_SKIPS))


def test_load_time_imports_form_no_cycle() -> None:
    graph = import_graph(package_modules())
    # the graph is the real one: a load-time edge is there, a function-level import is not
    assert "trigger_facade.realtime.reconnect" in graph["trigger_facade.realtime.electric"]
    assert "trigger_facade._validate" not in graph["trigger_facade.realtime.electric"]
    assert cycles(graph) == []


def test_no_private_name_is_imported_from_another_module() -> None:
    _compare("private-import", private_imports(package_modules()))


def test_no_operation_id_is_written_in_python() -> None:
    ids = spec_operation_ids()
    assert len(ids) > 50  # the spec was read (74 operations when this was written)
    assert operation_names_in_python(package_modules().values(), ids) == {}


def test_exceptions_name_only_files_being_reworked_once_per_rule() -> None:
    keys = [(row.path, row.rule) for row in EXCEPTIONS]
    assert len(keys) == len(set(keys))
    for row in EXCEPTIONS:
        assert row.path.startswith(REWORKED_PATHS), row
        assert row.rule in ("lines", "private-import"), row
        assert row.reason == BEING_REWORKED, row
        assert (ROOT / row.path).is_file(), row


# ---------------------------------------------------------------------------------------------
# the checks themselves, on made-up packages: each must see what it is for


def fake_modules(files: Mapping[str, str]) -> dict[str, Module]:
    """A made-up package: its modules by dotted name, from sources by path."""
    modules = {}
    for path, source in files.items():
        parts = path.removesuffix(".py").split("/")
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        modules[".".join(parts)] = Module(".".join(parts), path, is_package, source)
    return modules


def test_a_cycle_through_load_time_imports_is_found() -> None:
    modules = fake_modules(
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "from .b import thing\n",
            "pkg/b.py": "from . import c\n",
            "pkg/c.py": "import pkg.a\n",
            "pkg/d.py": "from .a import thing\n",
        }
    )
    assert cycles(import_graph(modules)) == [["pkg.a", "pkg.b", "pkg.c"]]


def test_imports_in_functions_and_for_type_checkers_make_no_cycle() -> None:
    modules = fake_modules(
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "from .b import thing\n",
            "pkg/b.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from .a import other\n"
                "def late():\n    from .a import other\n"
            ),
        }
    )
    assert import_graph(modules)["pkg.b"] == set()
    assert cycles(import_graph(modules)) == []


def test_imports_under_try_and_else_count() -> None:
    modules = fake_modules(
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "from .b import thing\n",
            "pkg/b.py": (
                "import typing\nif typing.TYPE_CHECKING:\n    pass\nelse:\n    from . import c\n"
                "try:\n    from .a import x\nexcept ImportError:\n    pass\n"
            ),
            "pkg/c.py": "",
        }
    )
    assert import_graph(modules)["pkg.b"] == {"pkg.a", "pkg.c"}


def test_a_private_name_is_found_and_a_private_module_is_not() -> None:
    modules = fake_modules(
        {
            "pkg/__init__.py": "from ._version import __version__\n",
            "pkg/_version.py": "__version__ = '1'\n",
            "pkg/_helpers.py": "def _secret(): ...\nPUBLIC = 1\n",
            "pkg/sub/__init__.py": "",
            "pkg/sub/user.py": (
                "from .. import _helpers\n"
                "from .._helpers import PUBLIC\n"
                "def late():\n    from .._helpers import _secret\n"
            ),
            "pkg/other.py": "from pkg._helpers import _secret as s\nfrom json import _default_decoder\n",
        }
    )
    assert private_imports(modules) == {
        "pkg/sub/user.py": ["line 4: _secret from pkg._helpers"],
        "pkg/other.py": ["line 1: _secret from pkg._helpers"],
    }


def test_long_modules_and_operation_names_are_found() -> None:
    modules = fake_modules(
        {
            "pkg/long.py": "x = 1\n" * (MAX_LINES + 1),
            "pkg/short.py": "x = 1\n" * MAX_LINES,
            "pkg/ops.py": "NAME = 'list_runs_v1'\nOTHER = f'list_runs_v1{1}'\n",
        }
    )
    assert line_counts(modules.values(), ()) == {"pkg/long.py": MAX_LINES + 1}
    found = operation_names_in_python(modules.values(), frozenset({"list_runs_v1"}))
    assert found == {"pkg/ops.py": ["line 1: 'list_runs_v1'", "line 2: 'list_runs_v1'"]}


@pytest.mark.parametrize("rule", ["lines", "private-import"])
def test_a_row_whose_case_is_gone_fails(rule: str, monkeypatch: pytest.MonkeyPatch) -> None:
    row = Allowed("trigger_facade/resources/gone.py", rule, BEING_REWORKED)
    monkeypatch.setattr(sys.modules[__name__], "EXCEPTIONS", (row,))
    with pytest.raises(AssertionError, match="now holds"):
        _compare(rule, {})
