"""Deployments (W8): `period` wins over `from`/`to`; `to` without `from` is ignored; a bad
`period` or `from` is a 500; `page[size]` defaults to 20 and is clamped to 5..100."""

from __future__ import annotations

from typing import Any

from ...durations import parse_duration
from ...errors import InvalidInputError
from .._router import Call, Route
from .._state import iso
from .._wire import ApiError, Reply, clamped, decode_cursor, encode_cursor, moment


def full(deployment: dict[str, Any]) -> dict[str, Any]:
    shown = {k: v for k, v in deployment.items() if k != "createdAt"}
    return {**shown, "imageReference": None, "errorData": None, "commitSHA": None}


def window(call: Call) -> float | None:
    """The lower bound of the createdAt filter (W8 has no upper bound without a lower one)."""
    params = call.params
    period = params.get("period")
    if period is not None:
        try:
            return call.now() - parse_duration(period).total_seconds()
        except InvalidInputError:
            raise ApiError(500, "Internal Server Error") from None
    if params.get("from") is not None:
        after = moment(params["from"])
        if after is None:
            raise ApiError(500, "Internal Server Error")
        return after
    return None


def list_deployments(call: Call) -> Reply:
    params = call.params
    size = clamped(params, "page[size]", 20, 5, 100)
    after = window(call)
    before = moment(params["to"]) if after is not None and params.get("period") is None and "to" in params else None
    status = params.get("status")
    items = [
        d
        for d in reversed(call.state.deployments)
        if (status is None or d["status"] == status)
        and (after is None or d["createdAt"] >= after)
        and (before is None or d["createdAt"] <= before)
    ]
    start = decode_cursor(params.get("page[after]"), 0)
    data = [
        {
            "id": d["id"],
            "shortCode": d["shortCode"],
            "version": d["version"],
            "status": d["status"],
            "createdAt": iso(d["createdAt"]),
            "deployedAt": iso(d["createdAt"]),
            "runtime": None,
            "runtimeVersion": None,
            "git": None,
            "error": None,
        }
        for d in items[start : start + size]
    ]
    pagination = {"next": encode_cursor(start + size)} if start + size < len(items) else {}
    return Reply(200, {"data": data, "pagination": pagination})


def latest(call: Call) -> Reply:
    if not call.state.deployments:
        raise ApiError(404, "Deployment not found")
    return Reply(200, full(call.state.deployments[-1]))


def current(call: Call) -> Reply:
    found = [d for d in call.state.deployments if d["version"] == call.state.current_version]
    if not found:
        raise ApiError(404, "Deployment not found")
    return Reply(200, full(found[0]))


def retrieve(call: Call, deployment: str) -> Reply:
    for d in call.state.deployments:
        if d["id"] == deployment:
            return Reply(200, {**full(d), "externalBuildData": None, "worker": None})
    raise ApiError(404, "Deployment not found")


def promote(call: Call, version: str) -> Reply:
    for d in call.state.deployments:
        if d["version"] == version:
            call.state.current_version = version
            return Reply(200, {"id": d["id"], "version": version, "shortCode": d["shortCode"]})
    raise ApiError(404, f"Deployment version {version} not found")


ROUTES = (
    Route("GET", "/api/v1/deployments", list_deployments),
    Route("GET", "/api/v1/deployments/latest", latest),
    Route("GET", "/api/v1/deployments/current", current),
    Route("GET", "/api/v1/deployments/{deployment}", retrieve),
    Route("POST", "/api/v1/deployments/{version}/promote", promote),
)
