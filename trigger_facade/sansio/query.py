"""client.query.

The parts without I/O, shared by the async resource classes and their sync rewrite.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from ..durations import aware
from ..errors import InvalidInputError

SCOPES = ("environment", "project", "organization")


QueryScope = Literal["environment", "project", "organization"]


QueryRows = list[dict[str, Any]]  # one dict per row, keyed by column


def iso_time(value: datetime | str, argument: str) -> str:
    if isinstance(value, datetime):
        return aware(value, argument).isoformat()
    if isinstance(value, str):
        try:
            datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            return value
    raise InvalidInputError(f"{argument} must be an aware datetime or an ISO-8601 string, got {value!r}")


def query_results(data: Any) -> QueryRows | str:
    """JSON rows as dicts, or the CSV text."""
    if data.get("format") == "csv":
        return str(data["results"])
    if data.get("format") != "json" or not isinstance(data.get("results"), list):
        raise TypeError("expected {format: json|csv, results: ...}")
    return [dict(row) for row in data["results"]]
