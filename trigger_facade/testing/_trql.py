"""A small TRQL subset for the fake: SELECT cols FROM runs [WHERE c = 'x' [AND ...]] [ORDER BY c [DESC]] [LIMIT n]."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


class QueryError(ValueError):
    """The query is outside the subset (or names an unknown column); the message says what."""


_QUERY = re.compile(
    r"""^\s*SELECT\s+(?P<cols>\*|[\w\s,]+?)\s+FROM\s+(?P<table>\w+)
        (?:\s+WHERE\s+(?P<where>.+?))?
        (?:\s+ORDER\s+BY\s+(?P<order>\w+)(?:\s+(?P<dir>ASC|DESC))?)?
        (?:\s+LIMIT\s+(?P<limit>\d+))?\s*;?\s*$""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
_CONDITION = re.compile(r"^\s*(\w+)\s*(=|!=)\s*(?:'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?))\s*$")


def execute(query: str, rows: Iterable[dict[str, Any]], columns: list[str]) -> list[dict[str, Any]]:
    match = _QUERY.match(query)
    if not match:
        raise QueryError(
            "Unsupported query: the local fake understands SELECT <columns> FROM runs "
            "[WHERE col = 'x' [AND ...]] [ORDER BY col [ASC|DESC]] [LIMIT n]"
        )
    if match["table"].lower() != "runs":
        raise QueryError(f"Unknown table {match['table']!r}; available: runs")
    wanted = columns if match["cols"].strip() == "*" else [c.strip() for c in match["cols"].split(",")]
    for name in wanted:
        if name not in columns:
            raise QueryError(f"Unknown column {name!r}; available: {', '.join(columns)}")
    conditions = []
    if match["where"]:
        for part in re.split(r"\s+AND\s+", match["where"], flags=re.IGNORECASE):
            cond = _CONDITION.match(part)
            if not cond:
                raise QueryError(f"Unsupported condition {part.strip()!r}: use col = 'value' joined by AND")
            name, op, text, number = cond.groups()
            if name not in columns:
                raise QueryError(f"Unknown column {name!r}; available: {', '.join(columns)}")
            value: Any = text.replace("''", "'") if text is not None else float(number)
            conditions.append((name, op, value))
    selected = [
        row
        for row in rows
        if all(
            (str(row.get(n)) == str(v) if isinstance(v, str) else row.get(n) == v) == (op == "=")
            for n, op, v in conditions
        )
    ]
    if match["order"]:
        key = match["order"]
        if key not in columns:
            raise QueryError(f"Unknown column {key!r} in ORDER BY")
        selected.sort(
            key=lambda r: (r.get(key) is None, str(r.get(key))), reverse=(match["dir"] or "").upper() == "DESC"
        )
    if match["limit"]:
        selected = selected[: int(match["limit"])]
    return [{name: row.get(name) for name in wanted} for row in selected]


def to_csv(rows: list[dict[str, Any]]) -> str:
    import csv
    import io

    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()
