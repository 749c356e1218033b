"""docs/architecture.md stays true of trigger_facade/: its module tables are checked against the code.

A module table is a markdown table whose header is `| module | what it is | imports |`. Each row names
one file by its path under trigger_facade/ in backticks, and lists in "imports":

- the package modules the file imports when it is read (module level, or under `if TYPE_CHECKING:`;
  not inside functions), each by its dotted path under trigger_facade/ (`errors`, `_async._resource`,
  `sansio.run_feeds`, `testing._wire`; `trigger_facade` for the package's own `__init__`), comma
  separated, or `nothing`;
- then, in parentheses, the top-level names of what else it imports that is not the standard library
  (`(httpx, trigger_api)`), or no parentheses when there is nothing of that kind.

The tests fail when a module file has no row, when a row names a file that does not exist (or that
another row names too), and when a row's imports differ from the file's, naming the row and the
difference.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from .test_rules import Module, fake_modules, imported_modules, package_modules

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "trigger_facade"
DOC = ROOT / "docs" / "architecture.md"
HEADER = ("module", "what it is", "imports")
NOTHING = "nothing"
_NAME = r"[A-Za-z_][A-Za-z0-9_.]*"
_NAMES = rf"{_NAME}(?:, {_NAME})*"
_IMPORTS_CELL = re.compile(rf"^(?P<package>{NOTHING}|{_NAMES})(?: \((?P<outside>{_NAMES})\))?$")
_PATH_CELL = re.compile(r"^`(?P<path>[^`\s]+)`$")


@dataclass(frozen=True)
class Row:
    line: int  # in the doc, from 1
    path: str  # under trigger_facade/, e.g. sansio/run_feeds.py
    package: frozenset[str]
    outside: frozenset[str]

    def __str__(self) -> str:
        return f"row `{self.path}` (docs/architecture.md line {self.line})"


@dataclass(frozen=True)
class Imports:
    package: frozenset[str]
    outside: frozenset[str]


# ---------------------------------------------------------------------------------------------
# reading the doc


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().removeprefix("|").removesuffix("|").split("|")]


def table_rows(text: str) -> list[Row]:
    """Every row of every module table; a malformed row fails here, naming its line."""
    rows: list[Row] = []
    in_table = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("|"):
            in_table = False
            continue
        cells = _cells(line)
        if tuple(cells) == HEADER:
            in_table = True
            continue
        if not in_table or set(line.replace("|", "").strip()) <= {"-", ":", " "}:
            continue
        assert len(cells) == len(HEADER), f"docs/architecture.md line {number}: {len(cells)} cells, not 3: {line}"
        path = _PATH_CELL.match(cells[0])
        assert path, f"docs/architecture.md line {number}: the module cell is not one `path`: {cells[0]!r}"
        imports = _IMPORTS_CELL.match(cells[2])
        assert imports, (
            f"docs/architecture.md line {number}: the imports cell {cells[2]!r} is not "
            "'nothing' or 'a, b.c' with an optional ' (outside, names)'"
        )
        package = imports["package"]
        assert package == NOTHING or NOTHING not in package.split(", "), (
            f"docs/architecture.md line {number}: 'nothing' in a list of imports: {cells[2]!r}"
        )
        rows.append(
            Row(
                number,
                path["path"],
                frozenset() if package == NOTHING else frozenset(package.split(", ")),
                frozenset(imports["outside"].split(", ")) if imports["outside"] else frozenset(),
            )
        )
    return rows


# ---------------------------------------------------------------------------------------------
# reading the code


def read_time_imports(nodes: Iterable[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """The import statements met when the module is read or type checked: not those inside functions."""
    for node in nodes:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        else:  # if (TYPE_CHECKING or not), try, with, class bodies
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.stmt):
                    yield from read_time_imports([child])
                elif isinstance(child, ast.ExceptHandler):
                    yield from read_time_imports(child.body)


def _short(name: str, package: str) -> str:
    return name if name == package else name.removeprefix(f"{package}.")


def _outside(node: ast.Import | ast.ImportFrom, package: str) -> Iterator[str]:
    if isinstance(node, ast.ImportFrom):
        if node.level or not node.module:
            return
        tops = [node.module.split(".")[0]]
    else:
        tops = [alias.name.split(".")[0] for alias in node.names]
    for top in tops:
        if top not in sys.stdlib_module_names and top not in (package, "__future__"):
            yield top


def imports_of(module: Module, modules: Mapping[str, Module], package: str) -> Imports:
    own: set[str] = set()
    outside: set[str] = set()
    for node in read_time_imports(module.tree.body):
        own.update(_short(t, package) for t in imported_modules(module, node, modules) if t != module.name)
        outside.update(_outside(node, package))
    return Imports(frozenset(own), frozenset(outside))


# ---------------------------------------------------------------------------------------------
# the comparison, over any doc and any set of modules (so it can be tried on made-up ones)


def _listed(names: Iterable[str]) -> str:
    return ", ".join(sorted(names))


def problems(rows: list[Row], modules: Mapping[str, Module], package: str, root: Path) -> list[str]:
    found: list[str] = []
    by_path = {m.path.removeprefix(f"{package}/"): m for m in modules.values()}
    seen: dict[str, Row] = {}
    for row in rows:
        if row.path in seen:
            found.append(f"{row}: the module has a row already, {seen[row.path]}")
        seen[row.path] = row
    missing = sorted(set(by_path) - set(seen))
    if missing:
        found.append(f"modules with no row in docs/architecture.md: {_listed(missing)}")
    for row in rows:
        module = by_path.get(row.path)
        if module is None:
            if not (root / package / row.path).is_file():
                found.append(f"{row}: there is no file {package}/{row.path}")
            elif row.package or row.outside:
                found.append(f"{row}: not a Python module, so its imports are 'nothing'")
            continue
        actual = imports_of(module, modules, package)
        for kind, listed, real in (
            ("package modules", row.package, actual.package),
            ("outside names (in parentheses)", row.outside, actual.outside),
        ):
            if listed != real:
                found.append(
                    f"{row}: {kind} listed but not imported: {_listed(listed - real) or '-'}; "
                    f"imported but not listed: {_listed(real - listed) or '-'}"
                )
    return found


# ---------------------------------------------------------------------------------------------
# the doc against trigger_facade/


def test_the_doc_has_module_tables() -> None:
    rows = table_rows(DOC.read_text(encoding="utf-8"))
    # the tables were read: the package has well over a hundred modules
    assert len(rows) > 100
    assert any(row.path == "_async/runs.py" and "sansio.run_parsing" in row.package for row in rows)


def test_the_doc_names_every_module_and_what_it_imports() -> None:
    rows = table_rows(DOC.read_text(encoding="utf-8"))
    found = problems(rows, package_modules(), PACKAGE, ROOT)
    assert not found, "docs/architecture.md is out of date:\n" + "\n".join(found)


# ---------------------------------------------------------------------------------------------
# the check itself, on made-up docs and packages: each difference must be seen

_TABLE = "| module | what it is | imports |\n|---|---|---|\n"


FAKE = fake_modules(
    {
        "pkg/__init__.py": "from .a import thing\n",
        "pkg/a.py": (
            "from typing import TYPE_CHECKING\nimport httpx\nfrom . import b\n"
            "if TYPE_CHECKING:\n    from .sub.c import Other\n"
            "def late():\n    from . import d\n"
        ),
        "pkg/b.py": "import json\nfrom pkg.sub import c\nfrom trigger_api.models import X\n",
        "pkg/sub/__init__.py": "",
        "pkg/sub/c.py": "import pkg\nfrom .. import thing\n",
        "pkg/d.py": "",
    }
)
TRUE_DOC = (
    "# Architecture\n\nSome words.\n\n"
    + _TABLE
    + "| `__init__.py` | the public names | a |\n"
    + "| `a.py` | what a is | b, sub.c (httpx) |\n"
    + "| `b.py` | what b is | sub.c (trigger_api) |\n\n"
    + "More words.\n\n"
    + _TABLE
    + "| `sub/__init__.py` | the subpackage | nothing |\n"
    + "| `sub/c.py` | c | pkg |\n"
    + "| `d.py` | d | nothing |\n"
)


def _problems(doc: str) -> list[str]:
    return problems(table_rows(doc), FAKE, "pkg", Path("/nonexistent"))


def test_a_true_doc_passes() -> None:
    assert _problems(TRUE_DOC) == []


def test_a_module_without_a_row_is_named() -> None:
    doc = TRUE_DOC.replace("| `d.py` | d | nothing |\n", "")
    assert _problems(doc) == ["modules with no row in docs/architecture.md: d.py"]


def test_a_row_for_a_missing_file_or_twice_is_named() -> None:
    doc = TRUE_DOC + "| `gone.py` | gone | nothing |\n| `d.py` | d again | nothing |\n"
    assert _problems(doc) == [
        "row `d.py` (docs/architecture.md line 19): the module has a row already, "
        "row `d.py` (docs/architecture.md line 17)",
        "row `gone.py` (docs/architecture.md line 18): there is no file pkg/gone.py",
    ]


def test_an_import_too_many_or_too_few_is_named() -> None:
    doc = TRUE_DOC.replace("| b, sub.c (httpx) |", "| b, d (httpx, attrs) |")
    assert _problems(doc) == [
        "row `a.py` (docs/architecture.md line 8): package modules listed but not imported: d; "
        "imported but not listed: sub.c",
        "row `a.py` (docs/architecture.md line 8): outside names (in parentheses) listed but not imported: "
        "attrs; imported but not listed: -",
    ]


def test_a_table_under_another_header_is_not_read() -> None:
    other = TRUE_DOC.replace(_TABLE, "| path | what it is |\n|---|---|\n", 1)
    assert [row.path for row in table_rows(other)] == ["sub/__init__.py", "sub/c.py", "d.py"]


@pytest.mark.parametrize(
    "row",
    [
        "| d.py | no backticks | nothing |",
        "| `d.py` | two cells |",
        "| `d.py` | d | a; b |",
        "| `d.py` | d | (httpx) |",
        "| `d.py` | d | nothing, a |",
    ],
)
def test_a_malformed_row_fails_naming_its_line(row: str) -> None:
    with pytest.raises(AssertionError, match=re.escape("docs/architecture.md line 3:")):
        table_rows(_TABLE + row + "\n")
