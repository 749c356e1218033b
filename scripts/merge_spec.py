"""Build spec/openapi.yaml from the upstream Trigger.dev documents and this project's overlays.

Pipeline: load upstream -> strip prose -> overlays (spec/overlays/*.yaml, in name order)
-> mechanical transforms -> our own summaries -> validate -> lint -> write.

The upstream documents are the ones pinned in spec/upstream.lock (commit and sha256), read from
UPSTREAM_DIR when given, else from the local cache, else downloaded (scripts/upstream.py). They are
never copied into the repository: only their facts (paths, methods, parameters, schemas, enums,
operationIds) survive into the merged document. The same inputs always give the same bytes.

Usage: merge_spec.py [UPSTREAM_DIR] [--out spec/openapi.yaml] [--check [--skip-if-unavailable]]
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from scripts import upstream as pinned

ROOT = Path(__file__).resolve().parent.parent
SPEC_DIR = ROOT / "spec"
# Every method + path the real server routes, from its route files at the pinned commit (column
# `route_file`); the lint refuses an operation that is not one of them.
SERVER_ROUTES = SPEC_DIR / "server-routes.tsv"
PRIMARY = "v3-openapi.yaml"
SECONDARY = "openapi.yml"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
PROSE_KEYS = frozenset({"description", "summary", "x-codeSamples", "example", "examples", "externalDocs"})
# Keys whose values are maps of names, where a key called "description" is a name, not prose.
NAME_MAPS = frozenset({"properties", "patternProperties"})
ERROR_REF = "#/components/schemas/ErrorResponse"
RUN_STATUS_REF = "#/components/schemas/RunStatus"

Json = Any


class SpecError(Exception):
    """The merge cannot produce a valid document; the message says where and why."""


# --------------------------------------------------------------------------- loading


def load_upstream(sources: Mapping[str, bytes]) -> dict[str, Json]:
    docs: dict[str, Json] = {}
    for name in (PRIMARY, SECONDARY):
        if name not in sources:
            raise SpecError(f"upstream document {name} is missing (spec/upstream.lock must pin it)")
        docs[name] = strip_prose(yaml.safe_load(sources[name].decode("utf-8")))
    return docs


def upstream_fingerprint(sources: Mapping[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in (PRIMARY, SECONDARY):
        digest.update(sources[name])
    return digest.hexdigest()[:16]


def strip_prose(node: Json, in_name_map: bool = False) -> Json:
    """Drop prose keywords; inside `properties` the keys are names (a property may be "description")."""
    if isinstance(node, dict):
        if in_name_map:
            return {k: strip_prose(v) for k, v in node.items()}
        return {k: strip_prose(v, k in NAME_MAPS) for k, v in node.items() if k not in PROSE_KEYS}
    if isinstance(node, list):
        return [strip_prose(v) for v in node]
    return node


# --------------------------------------------------------------------------- JSON pointers


def _tokens(pointer: str) -> list[str]:
    if pointer in ("", "/"):
        return []
    if not pointer.startswith("/"):
        raise SpecError(f"JSON pointer must start with '/': {pointer!r}")
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


def resolve(doc: Json, pointer: str) -> Json:
    node = doc
    for token in _tokens(pointer):
        if isinstance(node, list):
            node = node[int(token)]
        elif isinstance(node, dict) and token in node:
            node = node[token]
        else:
            raise SpecError(f"pointer {pointer!r} does not resolve (no {token!r})")
    return node


def _parent(doc: Json, pointer: str, create: bool) -> tuple[Json, str]:
    tokens = _tokens(pointer)
    if not tokens:
        raise SpecError("cannot replace the document root")
    node = doc
    for token in tokens[:-1]:
        if isinstance(node, list):
            node = node[int(token)]
            continue
        if token not in node:
            if not create:
                raise SpecError(f"pointer {pointer!r} does not resolve (no {token!r})")
            node[token] = {}
        node = node[token]
    return node, tokens[-1]


def deep_merge(base: Json, extra: Json) -> Json:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for k, v in extra.items():
            merged[k] = deep_merge(base[k], v) if k in base else copy.deepcopy(v)
        return merged
    return copy.deepcopy(extra)


# --------------------------------------------------------------------------- overlays


def apply_overlays(doc: Json, upstream: dict[str, Json], overlay_dir: Path) -> list[str]:
    """Apply each overlay file in name order. Returns the names applied (for the header)."""
    applied = []
    for path in sorted(overlay_dir.glob("*.yaml")):
        overlay = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for i, action in enumerate(overlay.get("actions", [])):
            try:
                apply_action(doc, upstream, action)
            except (SpecError, KeyError, IndexError, ValueError, TypeError) as exc:
                raise SpecError(f"{path.name} action #{i} ({action.get('why', '?')}): {exc}") from exc
        applied.append(path.name)
    return applied


def apply_action(doc: Json, upstream: dict[str, Json], action: dict[str, Json]) -> None:
    """One overlay action. Every action carries `why`, the server fact that justifies it.

    set: {path, value}          create or replace the node at path
    merge: {path, value}        deep-merge a mapping into the node at path (created if absent)
    remove: {path}              delete the node at path (it must exist)
    copy: {from, to}            copy a node: from = "<upstream file>#<pointer>" or "#<pointer>" (this doc)
    rename_ref: {from, to}      rewrite every $ref equal to `from` into `to`
    """
    if "why" not in action:
        raise SpecError("every overlay action needs a `why`")
    kind = next(k for k in ("set", "merge", "remove", "copy", "rename_ref") if k in action)
    arg = action[kind]
    if kind == "set":
        parent, key = _parent(doc, arg["path"], create=True)
        _put(parent, key, copy.deepcopy(arg["value"]))
    elif kind == "merge":
        parent, key = _parent(doc, arg["path"], create=True)
        current = parent[int(key)] if isinstance(parent, list) else parent.get(key, {})
        _put(parent, key, deep_merge(current, arg["value"]))
    elif kind == "remove":
        parent, key = _parent(doc, arg["path"], create=False)
        if isinstance(parent, list):
            del parent[int(key)]
        elif key in parent:
            del parent[key]
        else:
            raise SpecError(f"nothing to remove at {arg['path']!r}")
    elif kind == "copy":
        source_name, _, pointer = arg["from"].partition("#")
        source = upstream[source_name] if source_name else doc
        parent, key = _parent(doc, arg["to"], create=True)
        _put(parent, key, copy.deepcopy(resolve(source, pointer)))
    else:
        for node in walk_dicts(doc):
            if node.get("$ref") == arg["from"]:
                node["$ref"] = arg["to"]


def _put(parent: Json, key: str, value: Json) -> None:
    if isinstance(parent, list):
        parent[int(key)] = value
    else:
        parent[key] = value


def walk_dicts(node: Json) -> Iterator[dict[str, Json]]:
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from walk_dicts(v)
    elif isinstance(node, list):
        for v in node:
            yield from walk_dicts(v)


def operations(doc: Json) -> Iterator[tuple[str, str, dict[str, Json]]]:
    for path, item in doc["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield path, method, item[method]


# --------------------------------------------------------------------------- transforms


def deref(doc: Json, node: Json) -> Json:
    while isinstance(node, dict) and "$ref" in node:
        node = resolve(doc, node["$ref"][1:])
    return node


def object_properties(doc: Json, schema: Json) -> dict[str, Json]:
    """Properties of an object schema, following $ref and flattening allOf."""
    schema = deref(doc, schema)
    props: dict[str, Json] = {}
    for part in schema.get("allOf", []):
        props.update(object_properties(doc, part))
    props.update(schema.get("properties", {}))
    return props


def flat_query_params(doc: Json, prefix: str, schema: Json) -> list[Json]:
    """deepObject -> one flat query parameter per leaf, named as the server's zod keys read them.

    The generator ignores `style: deepObject` and would send `size=` instead of `page[size]=`.
    Lists become one comma-joined string, as the server splits them (and keeps only the last of
    repeated keys).
    """
    params = []
    for name, prop in object_properties(doc, schema).items():
        full = f"{prefix}[{name}]"
        target = deref(doc, prop)
        if target.get("type") == "object" and "properties" in target:
            params.extend(flat_query_params(doc, full, target))
            continue
        leaf: dict[str, Json] = {}
        if target.get("type") == "array" or "oneOf" in target or "anyOf" in target:
            leaf = {"type": "string"}
        else:
            leaf = {k: v for k, v in target.items() if k in ("type", "minimum", "maximum", "enum")}
            if leaf.get("type") == "string":
                leaf.pop("enum", None)  # status-like filters take any server spelling, comma-joined
        params.append({"in": "query", "name": full, "required": False, "schema": leaf or {"type": "string"}})
    return params


def flatten_deep_objects(doc: Json) -> None:
    used: set[str] = set()
    for _, _, op in operations(doc):
        new_params = []
        for param in op.get("parameters", []):
            ref = param.get("$ref", "")
            target = deref(doc, param)
            if target.get("style") == "deepObject":
                used.add(ref.rsplit("/", 1)[-1])
                new_params.extend(flat_query_params(doc, target["name"], target["schema"]))
            else:
                new_params.append(param)
        if "parameters" in op:
            op["parameters"] = new_params
    components = doc["components"].get("parameters", {})
    for name in sorted(used):
        components.pop(name, None)


def drop_query_defaults(doc: Json) -> None:
    """The generator always sends a query parameter that has a default; the server has its own."""
    for _, _, op in operations(doc):
        for param in op.get("parameters", []):
            if param.get("in") == "query":
                param.get("schema", {}).pop("default", None)


def nullable_to_type_array(node: Json) -> Json:
    """OpenAPI 3.0 `nullable: true` -> 3.1 `type: [X, "null"]` (anyOf for refs and enums)."""
    if isinstance(node, list):
        return [nullable_to_type_array(v) for v in node]
    if not isinstance(node, dict):
        return node
    node = {k: nullable_to_type_array(v) for k, v in node.items()}
    if node.pop("nullable", False) is not True:
        return node
    if "$ref" in node or "enum" in node or "allOf" in node:
        return {"anyOf": [node, {"type": "null"}]}
    if "oneOf" in node:
        node["oneOf"] = [*node["oneOf"], {"type": "null"}]
        return node
    kind = node.get("type")
    if isinstance(kind, str):
        node["type"] = [kind, "null"]
    elif isinstance(kind, list) and "null" not in kind:
        node["type"] = [*kind, "null"]
    return node


def type_error_responses(doc: Json) -> None:
    """Every 4xx/5xx answer is one ErrorResponse, and the 4XX/5XX ranges cover the undocumented ones.

    The server answers `{error: string}` (plus zod `details`/`issues` on validation failures) on
    every route, including codes the upstream documents do not list (trigger 403/422, tags 404...).
    """
    error_content = {"application/json": {"schema": {"$ref": ERROR_REF}}}
    for _, _, op in operations(doc):
        responses = op.setdefault("responses", {})
        for code in list(responses):
            if str(code)[0] in "45":
                responses[code] = {"description": "Error", "content": copy.deepcopy(error_content)}
        for code in ("4XX", "5XX"):
            responses.setdefault(code, {"description": "Error", "content": copy.deepcopy(error_content)})
        for code, response in responses.items():
            response.setdefault("description", "OK" if str(code).startswith("2") else "Error")


def run_status_refs(doc: Json) -> None:
    """Any run-status enum (it holds QUEUED and EXECUTING) becomes the one named RunStatus.

    The server's vocabulary depends on x-trigger-api-version; RunStatus is the union, so a response
    in either vocabulary parses.
    """
    statuses = set(resolve(doc, RUN_STATUS_REF[1:])["enum"])
    for node in walk_dicts(doc["paths"]):
        _replace_status_enums(node, statuses)
    for name, schema in doc["components"]["schemas"].items():
        if name != "RunStatus":
            for node in walk_dicts(schema):
                _replace_status_enums(node, statuses)


def _is_status_enum(value: Json, statuses: set[str]) -> bool:
    enum = value.get("enum") if isinstance(value, dict) else None
    if not (isinstance(enum, list) and {"QUEUED", "EXECUTING"} <= set(enum)):
        return False
    unknown = set(enum) - statuses
    if unknown:
        raise SpecError(f"run status enum has values RunStatus lacks: {sorted(unknown)}")
    return True


def _replace_status_enums(node: dict[str, Json], statuses: set[str]) -> None:
    for key, value in list(node.items()):
        if key in ("enum", "$ref"):
            continue
        if _is_status_enum(value, statuses):
            node[key] = {"$ref": RUN_STATUS_REF}
        elif isinstance(value, list):
            node[key] = [{"$ref": RUN_STATUS_REF} if _is_status_enum(v, statuses) else v for v in value]


def add_summaries(doc: Json, summaries: dict[str, str]) -> None:
    for path, method, op in operations(doc):
        op_id = op.get("operationId", f"{method} {path}")
        if op_id not in summaries:
            raise SpecError(f"spec/summaries.yaml has no summary for {op_id}")
        op["summary"] = summaries[op_id]
    stale = set(summaries) - {op.get("operationId") for _, _, op in operations(doc)}
    if stale:
        raise SpecError(f"spec/summaries.yaml names operations that do not exist: {sorted(stale)}")


def order_operations(doc: Json) -> None:
    """Keys in a stable order so the document diff stays readable."""
    doc["paths"] = {p: doc["paths"][p] for p in sorted(doc["paths"])}
    for item in doc["paths"].values():
        ordered = {k: item[k] for k in item if k not in HTTP_METHODS}
        ordered.update({m: item[m] for m in HTTP_METHODS if m in item})
        item.clear()
        item.update(ordered)
    doc["components"]["schemas"] = dict(sorted(doc["components"]["schemas"].items()))
    if "parameters" in doc["components"]:
        doc["components"]["parameters"] = dict(sorted(doc["components"]["parameters"].items()))


# --------------------------------------------------------------------------- lint


def lint(doc: Json) -> list[str]:
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path, method, op in operations(doc):
        where = f"{method.upper()} {path}"
        op_id = op.get("operationId")
        if not op_id:
            problems.append(f"{where}: no operationId")
        elif op_id in seen:
            problems.append(f"{where}: operationId {op_id} also used by {seen[op_id]}")
        else:
            seen[op_id] = where
        if len(op.get("tags", [])) != 1:
            problems.append(f"{where}: needs exactly one tag, has {op.get('tags')}")
        for param in op.get("parameters", []) + doc["paths"][path].get("parameters", []):
            target = deref(doc, param)
            if target.get("style") == "deepObject":
                problems.append(f"{where}: deepObject parameter {target['name']}")
            if "const" in target.get("schema", {}):
                problems.append(f"{where}: const parameter {target['name']}")
        for code, response in op.get("responses", {}).items():
            if str(code)[0] in "45":
                schema = response.get("content", {}).get("application/json", {}).get("schema", {})
                if schema.get("$ref") != ERROR_REF:
                    problems.append(f"{where}: {code} is not typed as ErrorResponse")
    for node in walk_dicts(doc):
        for key in ("oneOf", "anyOf"):
            for member in node.get(key, []):
                if isinstance(member, dict) and (member.get("type") == "object" or "properties" in member):
                    problems.append(f"inline object under {key}: {sorted(member.get('properties', {}))}")
    return problems


def server_route_problems(doc: Json, routes_tsv: Path) -> list[str]:
    """Every operation must exist on the real server (method + path shape)."""
    if not routes_tsv.is_file():
        return [f"{routes_tsv} is missing"]
    real = set()
    for line in routes_tsv.read_text(encoding="utf-8").splitlines()[1:]:
        method, path = line.split("\t")[:2]
        real.add((method.lower(), _shape(path)))
    return [
        f"{method.upper()} {path}: not a route of the real server"
        for path, method, _ in operations(doc)
        if (method, _shape(path)) not in real
    ]


def _shape(path: str) -> str:
    out, depth = [], 0
    for ch in path:
        if ch == "{":
            depth += 1
            if depth == 1:
                out.append("{}")
        elif ch == "}":
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return "".join(out)


# --------------------------------------------------------------------------- main


def build(sources: Mapping[str, bytes]) -> str:
    """The merged document's text from the upstream documents' bytes (by file name)."""
    upstream = load_upstream(sources)
    doc = copy.deepcopy(upstream[PRIMARY])
    applied = apply_overlays(doc, upstream, SPEC_DIR / "overlays")
    flatten_deep_objects(doc)
    drop_query_defaults(doc)
    doc = nullable_to_type_array(doc)
    type_error_responses(doc)
    run_status_refs(doc)
    add_summaries(doc, yaml.safe_load((SPEC_DIR / "summaries.yaml").read_text(encoding="utf-8")))
    order_operations(doc)

    from openapi_spec_validator import validate

    validate(doc)
    problems = lint(doc) + server_route_problems(doc, SERVER_ROUTES)
    if problems:
        raise SpecError("lint failed:\n  " + "\n  ".join(problems))

    header = (
        "# GENERATED by scripts/merge_spec.py - do not edit; change spec/overlays or spec/summaries.yaml\n"
        f"# upstream fingerprint {upstream_fingerprint(sources)}; overlays: {', '.join(applied)}\n"
    )
    body = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    return header + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("upstream", nargs="?", type=Path, help="folder holding the pinned documents")
    parser.add_argument("--out", type=Path, default=SPEC_DIR / "openapi.yaml")
    parser.add_argument("--check", action="store_true", help="fail if --out is not up to date")
    parser.add_argument(
        "--skip-if-unavailable",
        action="store_true",
        help="with --check: when the documents cannot be had, say so in one line and succeed",
    )
    args = parser.parse_args(argv)
    if args.skip_if_unavailable and not args.check:
        parser.error("--skip-if-unavailable only goes with --check")
    try:
        sources = pinned.locate(args.upstream.resolve() if args.upstream else None)
    except pinned.UpstreamUnavailable as exc:
        if args.skip_if_unavailable:
            print(f"merge_spec: drift check of {args.out.name} skipped: {exc}")
            return 0
        print(f"merge_spec: {exc}", file=sys.stderr)
        return 1
    except pinned.UpstreamError as exc:
        print(f"merge_spec: {exc}", file=sys.stderr)
        return 1
    try:
        text = build(sources)
    except SpecError as exc:
        print(f"merge_spec: {exc}", file=sys.stderr)
        return 1
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"merge_spec: {args.out} is stale; run `make spec`", file=sys.stderr)
            return 1
        print(f"merge_spec: {args.out} is up to date")
        return 0
    args.out.write_text(text, encoding="utf-8")
    doc = yaml.safe_load(text)
    count = sum(1 for _ in operations(doc))
    print(f"merge_spec: wrote {args.out} ({count} operations, {len(doc['components']['schemas'])} schemas)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
