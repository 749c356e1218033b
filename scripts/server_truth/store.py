"""Reading the recordings: tests/server_truth/recorded/<step>.json, each a list of exchanges."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .live import RECORDED


def recording_files(directory: Path = RECORDED) -> list[Path]:
    return sorted(directory.glob("*.json"))


def load_exchanges(directory: Path = RECORDED) -> list[dict[str, Any]]:
    """Every recorded exchange, file by file in name order, each in the order it was sent."""
    exchanges: list[dict[str, Any]] = []
    for path in recording_files(directory):
        items = json.loads(path.read_text())
        if not isinstance(items, list):
            raise ValueError(f"{path.name}: expected a list of exchanges")
        exchanges += items
    return exchanges
