"""Which properties the real server always sends, read from tests/server_truth/recorded/*.json.

Every recorded 2xx JSON answer is matched to its operation (method and path template from
trigger_facade._operations) and walked together with the operation's response schema from
spec/openapi.yaml; for each object schema reached (a named component, or the inline schema at
its JSON pointer) we count in how many recorded instances each property was present.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from trigger_facade._operations import OPERATIONS

ROOT = Path(__file__).resolve().parents[2]
RECORDED = ROOT / "tests" / "server_truth" / "recorded"
SPEC = ROOT / "spec" / "openapi.yaml"


@dataclass
class Presence:
    """How often a schema appeared in the recordings, and how often each property was in it."""

    seen: int = 0
    keys: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def always(self) -> set[str]:
        return {key for key, count in self.keys.items() if count == self.seen}


@cache
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return loaded


def _template(path: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")


_TEMPLATES = [(name, op.method, _template(op.path)) for name, op in OPERATIONS.items()]


def operation_of(method: str, path: str) -> str | None:
    # a literal segment wins over a parameter (GET /api/v1/deployments/latest is not {deploymentId})
    found = [(OPERATIONS[n].path.count("{"), n) for n, m, rx in _TEMPLATES if m == method and rx.match(path)]
    return min(found)[1] if found else None


def response_schema(operation: str, status: int) -> tuple[str, dict[str, Any]] | None:
    op = OPERATIONS[operation]
    item = spec()["paths"][op.path][op.method.lower()]
    response = item.get("responses", {}).get(str(status))
    schema = (response or {}).get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        return None
    escaped = op.path.replace("~", "~0").replace("/", "~1")
    pointer = f"#/paths/{escaped}/{op.method.lower()}/responses/{status}/content/application~1json/schema"
    return pointer, schema


def _resolve(schema: dict[str, Any], where: str) -> tuple[str, dict[str, Any]]:
    while "$ref" in schema:
        where = schema["$ref"]
        node: Any = spec()
        for part in where[2:].split("/"):
            step = part.replace("~1", "/").replace("~0", "~")
            node = node[int(step)] if isinstance(node, list) else node[step]
        schema = node
    return where, schema


def _object_parts(schema: dict[str, Any], where: str) -> list[tuple[str, dict[str, Any]]]:
    """The object schemas a value must satisfy together (allOf members flattened)."""
    where, schema = _resolve(schema, where)
    if "allOf" in schema:
        parts = []
        for index, member in enumerate(schema["allOf"]):
            parts.extend(_object_parts(member, f"{where}/allOf/{index}"))
        return parts
    return [(where, schema)]


def _walk(value: Any, schema: dict[str, Any], where: str, out: dict[str, Presence]) -> None:
    where, schema = _resolve(schema, where)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            for index, member in enumerate(schema[key]):
                if _fits(value, member):
                    _walk(value, member, f"{where}/{key}/{index}", out)
                    return
            return
    if isinstance(value, dict):
        for part_where, part in _object_parts(schema, where):
            props = part.get("properties")
            if props is None:
                continue
            presence = out.setdefault(part_where, Presence())
            presence.seen += 1
            for name, sub in props.items():
                if name in value:
                    presence.keys[name] += 1
                    _walk(value[name], sub, f"{part_where}/properties/{name}", out)
    elif isinstance(value, list) and "items" in schema:
        for item in value:
            _walk(item, schema["items"], f"{where}/items", out)


def _fits(value: Any, member: dict[str, Any]) -> bool:
    _, member = _resolve(member, "")
    kind = member.get("type")
    if kind == "null" or (isinstance(kind, list) and kind == ["null"]):
        return value is None
    if value is None:
        return False
    if isinstance(value, dict):
        parts = _object_parts(member, "")
        required = {name for _, part in parts for name in part.get("required", [])}
        return required <= set(value) and kind in (None, "object")
    return True


def recorded_answers() -> Iterator[tuple[str, int, Any]]:
    """(operation, status, body) of every recorded 2xx JSON answer of a known operation."""
    for file in sorted(RECORDED.glob("*.json")):
        for exchange in json.loads(file.read_text(encoding="utf-8")):
            response = exchange["response"]
            if not 200 <= response["status"] < 300 or not isinstance(response["body"], (dict, list)):
                continue
            operation = operation_of(exchange["request"]["method"], exchange["request"]["path"])
            if operation is not None:
                yield operation, response["status"], response["body"]


@cache
def recorded_presence() -> dict[str, Presence]:
    """Schema location -> Presence over every recorded 2xx JSON answer."""
    out: dict[str, Presence] = {}
    for operation, status, body in recorded_answers():
        found = response_schema(operation, status)
        if found is not None:
            _walk(body, found[1], found[0], out)
    return out


def required_at(where: str) -> set[str]:
    _, schema = _resolve({"$ref": where}, where)
    return set(schema.get("required", []))


if __name__ == "__main__":
    for where, presence in sorted(recorded_presence().items()):
        missing = presence.always() - required_at(where)
        print(f"{where} (seen {presence.seen}): always but not required: {sorted(missing)}")
