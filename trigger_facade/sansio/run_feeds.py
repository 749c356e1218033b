"""The realtime run feeds of client.runs.

The parts without I/O, shared by the async resource classes and their sync rewrite.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from .. import _validate as check
from ..errors import InvalidInputError
from ..models import Run

# a wait's last request may end a moment before its deadline (the attempt deadline rounds down)
DEADLINE_SLACK = 0.05


# a live request is held until the run changes (about 20 s): one answering faster without news is paced
REALTIME_MIN_INTERVAL = 0.25


REALTIME_MAX_PACE = 5.0


_FEED_DATES = ("createdAt", "updatedAt", "expiredAt", "finishedAt", "startedAt", "delayedUntil", "queuedAt")


def feed_run(snapshot: dict[str, Any]) -> Run:
    """A decoded feed row (realtime.runs.RunDecoder) as a Run; its dates written as the REST API writes them."""
    data = dict(snapshot)
    for name in _FEED_DATES:
        value = data.get(name)
        if isinstance(value, datetime):
            data[name] = value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return Run(data)


def look_back_period(value: str | timedelta) -> str:
    """A tag feed's `createdAt`: a period string as the server reads it, or a timedelta of whole seconds."""
    if isinstance(value, timedelta):
        seconds = value.total_seconds()
        if seconds < 1 or seconds != int(seconds):
            raise InvalidInputError(f"created_after must be a whole number of seconds, at least 1, got {value!r}")
        whole = int(seconds)
        for unit, size in (("d", 86_400), ("h", 3_600), ("m", 60)):
            if whole % size == 0:
                return f"{whole // size}{unit}"
        return f"{whole}s"
    if not isinstance(value, str):
        raise InvalidInputError(f"created_after must be a period such as '2h' or a timedelta, got {value!r}")
    return check.period(value, "created_after")


def presigned_url_of(data: Any) -> str:
    url = data["presignedUrl"]
    if not isinstance(url, str):
        raise TypeError("presignedUrl must be a string")
    return url
