"""Write the operations table and the response schemas from spec/openapi.yaml.

Usage: gen_operations.py [--check]

trigger_facade/_operations.py holds, per operation (keyed by the generated module's name, which is
the operationId): method, path, the key kinds its `security` allows, whether it goes without a key,
what a repeat does (`x-trigger-repeat`, spec/overlays/040-repeat-safety.yaml) and its paging style.
trigger_facade/_response_schemas.json holds the JSON schema of every 2xx JSON answer, with the
component schemas they reference, for the one strict check every answer goes through.
With --check nothing is written; a difference fails.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "openapi.yaml"
TABLE = ROOT / "trigger_facade" / "_operations.py"
SCHEMAS = ROOT / "trigger_facade" / "_response_schemas.json"
METHODS = ("get", "post", "put", "patch", "delete")
REPEAT_CLASSES = frozenset({"safe", "deduped-by-key", "not-deduped"})
# security scheme -> the key kinds (trigger_facade._config.KeyKind values) it admits
SCHEME_KINDS = {
    "secretKey": ("environment",),
    "personalAccessToken": ("personal", "organization"),
    "publicAccessToken": ("public",),
}
# facts the schema check does not need (and that would only make the shipped file bigger)
_DROP = frozenset(
    {"format", "maxLength", "minLength", "maximum", "minimum", "pattern", "maxItems", "minItems", "title"}
)


class SpecFactError(Exception):
    pass


def _kinds(security: list[dict[str, Any]]) -> tuple[str, ...]:
    kinds: list[str] = []
    for requirement in security:
        for scheme in requirement:
            if scheme not in SCHEME_KINDS:
                raise SpecFactError(f"unknown security scheme {scheme!r}")
            kinds.extend(k for k in SCHEME_KINDS[scheme] if k not in kinds)
    return tuple(kinds)


def _paging(parameters: list[dict[str, Any]]) -> str | None:
    names = {p.get("name") for p in parameters}
    if "page[after]" in names:
        return "cursor"
    if "page" in names:
        return "offset"
    return None


def _strip(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _strip(v) for k, v in node.items() if k not in _DROP and not k.startswith("x-")}
    if isinstance(node, list):
        return [_strip(v) for v in node]
    return node


def _refs(node: Any, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            found.add(ref.rsplit("/", 1)[-1])
        for value in node.values():
            _refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, found)


def build(spec: dict[str, Any]) -> tuple[str, str]:
    default_security = spec.get("security", [])
    rows: list[str] = []
    answers: dict[str, dict[str, Any]] = {}
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            name = op["operationId"]
            repeat = op.get("x-trigger-repeat")
            if repeat not in REPEAT_CLASSES:
                raise SpecFactError(f"{name}: x-trigger-repeat is {repeat!r}; expected one of {sorted(REPEAT_CLASSES)}")
            security = op.get("security", default_security)
            kinds = _kinds(security)
            anonymous = security == []
            paging = _paging([*shared, *op.get("parameters", [])])
            fields = (method.upper(), path, kinds, anonymous, repeat, paging)
            rows.append(f"    {name!r}: Operation{fields!r},")
            for status, response in op.get("responses", {}).items():
                content = (response or {}).get("content", {})
                if status.startswith("2") and "application/json" in content:
                    answers.setdefault(name, {})[status] = _strip(content["application/json"].get("schema", {}))
    needed: set[str] = set()
    _refs(answers, needed)
    components = spec["components"]["schemas"]
    closure: dict[str, Any] = {}
    while needed:
        ref = needed.pop()
        if ref in closure:
            continue
        closure[ref] = _strip(components[ref])
        more: set[str] = set()
        _refs(closure[ref], more)
        needed |= more - closure.keys()
    table = (
        '"""Every operation of spec/openapi.yaml: written by scripts/gen_operations.py; do not edit."""\n\n'
        "from __future__ import annotations\n\n"
        "from typing import NamedTuple\n\n\n"
        "class Operation(NamedTuple):\n"
        "    method: str\n"
        "    path: str\n"
        "    key_kinds: tuple[str, ...]  # KeyKind values its `security` admits\n"
        "    anonymous: bool  # sent without a key (`security: []`)\n"
        "    repeat: str  # x-trigger-repeat: safe | deduped-by-key | not-deduped\n"
        "    paging: str | None  # cursor | offset | None\n\n\n"
        "OPERATIONS: dict[str, Operation] = {\n" + "\n".join(sorted(rows)) + "\n}\n"
    )
    table = subprocess.run(
        [str(Path(sys.executable).parent / "ruff"), "format", "--stdin-filename", str(TABLE), "-"],
        input=table,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    schemas = json.dumps(
        {"operations": dict(sorted(answers.items())), "components": dict(sorted(closure.items()))},
        indent=None,
        separators=(",", ":"),
        sort_keys=True,
    )
    return table, schemas + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    try:
        table, schemas = build(yaml.safe_load(SPEC.read_text(encoding="utf-8")))
    except SpecFactError as exc:
        print(f"gen_operations: {exc}", file=sys.stderr)
        return 1
    outputs = ((TABLE, table), (SCHEMAS, schemas))
    if args.check:
        stale = [p for p, text in outputs if not p.is_file() or p.read_text(encoding="utf-8") != text]
        if stale:
            print(f"gen_operations: stale {', '.join(p.name for p in stale)}; run `make generate`", file=sys.stderr)
            return 1
        return 0
    for path, text in outputs:
        path.write_text(text, encoding="utf-8")
    print(f"gen_operations: wrote {TABLE.name} and {SCHEMAS.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
