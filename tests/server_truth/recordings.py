"""The recordings of the real server (tests/server_truth/recorded/), for tests: iterate, look up, normalise.

Run ids, timestamps and the scenario's per-run keys vary between recordings; `normalised` gives an
exchange with those replaced by placeholders, so two recordings (or a recording and our fake) compare
by shape. The comparison itself lives in scripts/server_truth/shape.py, shared with `make conformance`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from scripts.server_truth.live import RECORDED
from scripts.server_truth.shape import normalise
from scripts.server_truth.store import load_exchanges, recording_files

__all__ = ["RECORDED", "by_name", "exchanges", "files", "normalised"]


def files() -> list[Path]:
    return recording_files(RECORDED)


def exchanges() -> Iterator[dict[str, Any]]:
    """Every recorded exchange, in file-name order and, within a file, in the order sent."""
    yield from load_exchanges(RECORDED)


def by_name() -> dict[str, dict[str, Any]]:
    return {exchange["name"]: exchange for exchange in exchanges()}


def normalised(exchange: dict[str, Any]) -> dict[str, Any]:
    """The exchange with ids, times, stream ids and per-run keys replaced by placeholders."""
    result: dict[str, Any] = normalise(exchange)
    return result
