"""Compare two answers by shape: ids, times and counters differ between recordings, keys and types do not.

`normalise` replaces what varies (ids, timestamps, stream ids, the scenario's per-run token) by fixed
placeholders; `body_shape` turns a body into its keys and value types; `differences` lists, in words, how
an observed exchange differs from a recorded one: status code, headers that matter, body keys and
value types, and the few values a client branches on (booleans and `status`).
"""

from __future__ import annotations

import base64
import json
import re
from typing import Any

_VARYING = [
    # ids the server makes: run_, batch_, waitpoint_, sched_, queue_, deployment_ and bare cuids
    (re.compile(r"\b(run|batch|waitpoint|sched|queue|deployment|bulk|proj)_[a-z0-9]{16,}\b"), r"\1_<id>"),
    (re.compile(r"\bc[a-z0-9]{24}\b"), "<cuid>"),
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?"), "<time>"),
    (re.compile(r"\b\d{13}-\d+\b"), "<stream-id>"),
    (re.compile(r"\b\d{13}_\d+\b"), "<offset>"),
    # the scenario's per-run token in keys and names (st-idem-<hex>, ST_VAR_<HEX>)
    (re.compile(r"(?i)\b(st[-_][a-z_-]*?[-_])[0-9a-f]{10}\b"), r"\1<token>"),
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\b"), "<uuid>"),
    (re.compile(r"(/callback/)x+"), r"\1<hash>"),
]
# values a client branches on: compared as values, not only as types
VALUE_KEYS = {"status"}
# headers compared by value (after normalising); the other kept headers are compared by presence
HEADER_VALUES = {"x-should-retry"}


def normalise_text(text: str) -> str:
    for pattern, placeholder in _VARYING:
        text = pattern.sub(placeholder, text)
    return text


def normalise(value: Any) -> Any:
    """The same JSON value with every varying string replaced by its placeholder."""
    if isinstance(value, str):
        return normalise_text(value)
    if isinstance(value, list):
        return [normalise(item) for item in value]
    if isinstance(value, dict):
        return {normalise_text(k): normalise(v) for k, v in value.items()}
    return value


def sse_events(text: str) -> list[dict[str, str]]:
    """Server-sent events as dicts of their fields (id, data, event, ...)."""
    events = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        fields = {}
        for line in block.splitlines():
            if line and not line.startswith(":") and ":" in line:
                name, _, value = line.partition(":")
                fields[name] = value.strip()
        if fields:
            events.append(fields)
    return events


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def body_shape(body: Any, content_type: str = "") -> Any:
    """Keys and value types; arrays become the sorted list of their distinct element shapes.

    Booleans and `status` strings keep their value. An event-stream body becomes its events' shapes."""
    if isinstance(body, str) and "event-stream" in content_type:
        return {"events": body_shape(sse_events(body))}
    return _shape(body, None)


def _shape(value: Any, key: str | None) -> Any:
    if isinstance(value, dict):
        return {k: _shape(v, k) for k, v in sorted(value.items())}
    if isinstance(value, list):
        distinct = {json.dumps(_shape(item, None), sort_keys=True) for item in value}
        return [json.loads(item) for item in sorted(distinct)]
    if isinstance(value, bool) or (key in VALUE_KEYS and isinstance(value, str)):
        return value
    return _type_name(value)


def _shape_differences(recorded: Any, observed: Any, where: str) -> list[str]:
    if isinstance(recorded, dict) and isinstance(observed, dict):
        out = []
        missing = sorted(set(recorded) - set(observed))
        extra = sorted(set(observed) - set(recorded))
        if missing:
            out.append(f"{where}: keys missing {missing}")
        if extra:
            out.append(f"{where}: keys not in the recording {extra}")
        for key in sorted(set(recorded) & set(observed)):
            out += _shape_differences(recorded[key], observed[key], f"{where}.{key}")
        return out
    if isinstance(recorded, list) and isinstance(observed, list):
        if not recorded or not observed:
            return [] if recorded == observed else [f"{where}: {len(recorded)} vs {len(observed)} kinds of item"]
        if len(recorded) == 1 and len(observed) == 1:
            return _shape_differences(recorded[0], observed[0], f"{where}[]")
        return _kinds_differences(recorded, observed, f"{where}[]")
    if recorded != observed:
        return [f"{where}: recorded {_describe(recorded)} vs {_describe(observed)}"]
    return []


def _kind(shape: Any) -> str:
    """What tells items of a mixed array apart: the keys of an object (a realtime row has key, value and
    headers; a control message only headers), else the shape itself."""
    return json.dumps(sorted(shape) if isinstance(shape, dict) else shape)


def _kinds_differences(recorded: list[Any], observed: list[Any], where: str) -> list[str]:
    rec: dict[str, list[Any]] = {}
    obs: dict[str, list[Any]] = {}
    for item in recorded:
        rec.setdefault(_kind(item), []).append(item)
    for item in observed:
        obs.setdefault(_kind(item), []).append(item)
    out = []
    for kind in sorted(set(rec) | set(obs)):
        mine, theirs = rec.get(kind, []), obs.get(kind, [])
        if len(mine) == 1 and len(theirs) == 1:
            out += _shape_differences(mine[0], theirs[0], where)
        elif not theirs:
            out.append(f"{where}: recorded items like {_describe(mine[0])} are missing")
        elif not mine:
            out.append(f"{where}: items like {_describe(theirs[0])} are not in the recording")
        elif sorted(json.dumps(m, sort_keys=True) for m in mine) != sorted(
            json.dumps(o, sort_keys=True) for o in theirs
        ):
            out.append(f"{where}: items with keys {kind} differ in their value types")
    return out


def _describe(shape: Any) -> str:
    text = json.dumps(shape, sort_keys=True)
    return text if len(text) <= 120 else text[:117] + "..."


def jwt_claims(token: str) -> Any:
    """The claims of a JWT (the signature is not checked: recordings hold no signatures)."""
    try:
        part = token.split(".")[1]
        return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    except (IndexError, ValueError):
        return None


def _claims_view(claims: Any) -> Any:
    """Claim names and normalised scopes: what a client relies on in a public token."""
    if not isinstance(claims, dict):
        return _type_name(claims)
    scopes = claims.get("scopes")
    return {"keys": sorted(claims), "scopes": sorted(normalise(scopes)) if isinstance(scopes, list) else None}


def header_view(headers: dict[str, str]) -> dict[str, Any]:
    """What is compared of the kept response headers."""
    view: dict[str, Any] = {}
    for name, value in headers.items():
        if name == "content-type":
            view[name] = value.split(";")[0].strip().lower()
        elif name == "x-trigger-jwt":
            view[name] = _claims_view(jwt_claims(value))
        elif name == "x-trigger-jwt-claims":
            try:
                view[name] = _claims_view(json.loads(value))
            except ValueError:
                view[name] = "not JSON"
        elif name in HEADER_VALUES:
            view[name] = value.strip().lower()
        else:
            view[name] = "present"
    return view


def differences(recorded: dict[str, Any], observed: dict[str, Any]) -> list[str]:
    """How `observed` answers differently from `recorded` (two exchanges of the same name)."""
    out = []
    rec, obs = recorded["response"], observed["response"]
    if rec["status"] != obs["status"]:
        out.append(f"status: recorded {rec['status']} vs {obs['status']}")
    rec_h, obs_h = header_view(rec["headers"]), header_view(obs["headers"])
    for name in sorted(set(rec_h) | set(obs_h)):
        if name not in obs_h:
            out.append(f"header {name}: recorded, missing here")
        elif name not in rec_h:
            out.append(f"header {name}: here, not in the recording")
        elif rec_h[name] != obs_h[name]:
            out.append(f"header {name}: recorded {_describe(rec_h[name])} vs {_describe(obs_h[name])}")
    if recorded.get("compare", "shape") == "shape":
        rec_type = rec["headers"].get("content-type", "")
        obs_type = obs["headers"].get("content-type", "")
        out += _shape_differences(body_shape(rec["body"], rec_type), body_shape(obs["body"], obs_type), "body")
    return out


def request_view(exchange: dict[str, Any]) -> dict[str, Any]:
    """The request, normalised: two runs of the scenario send equal views."""
    request = exchange["request"]
    view: dict[str, Any] = normalise(
        {
            "method": request["method"],
            "path": request["path"],
            # handle and cursor are the server's opaque tokens, echoed back: their form is the server's
            "query": {k: v for k, v in request["query"].items() if k not in {"handle", "cursor"}},
            "body": request["body"],
        }
    )
    return view
