"""TRQL query (a small subset, see `_trql`) and its schema."""

from __future__ import annotations

from .._router import Call, Route
from .._state import iso
from .._trql import QueryError, execute, to_csv
from .._wire import ApiError, Reply

COLUMNS = ["run_id", "task_identifier", "status", "created_at", "is_test", "batch_id", "idempotency_key", "tags"]


def query(call: Call) -> Reply:
    body = call.body()
    rows = (
        {
            "run_id": r.id,
            "task_identifier": r.task,
            "status": r.status,
            "created_at": iso(r.created_at),
            "is_test": r.is_test,
            "batch_id": r.batch_id,
            "idempotency_key": r.idempotency_key,
            "tags": ",".join(r.tags),
        }
        for r in call.state.order
    )
    try:
        result = execute(str(body.get("query", "")), rows, COLUMNS)
    except QueryError as exc:
        raise ApiError(400, str(exc)) from None
    if body.get("format") == "csv":
        return Reply(200, {"format": "csv", "results": to_csv(result)})
    return Reply(200, {"format": "json", "results": result})


def schema(call: Call) -> Reply:
    columns = [{"name": c, "type": "String"} for c in COLUMNS]
    return Reply(200, {"tables": [{"name": "runs", "timeColumn": "created_at", "columns": columns}]})


ROUTES = (
    Route("POST", "/api/v1/query", query),
    Route("GET", "/api/v1/query/schema", schema),
)
