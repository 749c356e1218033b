"""The official SDK's recorded vectors, read from one place (tests/data/, copied from the reference)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data"


@cache
def vectors(name: str) -> Any:
    """The parsed vector file `name` (e.g. "sdk-vectors-realtime.json")."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def realtime(section: str) -> Any:
    return vectors("sdk-vectors-realtime.json")[section]


def core(section: str) -> Any:
    return vectors("sdk-vectors.json")[section]
