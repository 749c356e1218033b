"""How the run operations' answers are read: a run, a page of runs, a run's metadata."""

from __future__ import annotations

import json
from typing import Any

from .._pagination import cursor_page
from ..models import Run


def parse_run(data: Any) -> Run:
    """A retrieve or list answer (already held against the spec's schema) as a Run."""
    return Run.parse(data)


parse_run_page = cursor_page(parse_run)


def metadata_of(data: Any) -> dict[str, Any]:
    """The metadata of a GET (a JSON string, W1) or a PUT answer (an object)."""
    metadata = data["metadata"]
    if metadata is None:
        return {}
    if isinstance(metadata, str):
        metadata = json.loads(metadata) if metadata else {}
    if not isinstance(metadata, dict):
        raise TypeError(f"metadata must be a JSON object, got {type(metadata).__name__}")
    return metadata
