"""client.tasks.

The parts without I/O, shared by the async resource classes and their sync rewrite.
"""

from __future__ import annotations

from typing import Any

DEFAULT_RESULT_TIMEOUT = 600.0


def run_id_of(data: Any) -> str:
    return str(data["id"])
