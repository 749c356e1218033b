"""Argument checks shared by the resources. Each error names the argument and the accepted form."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from trigger_api.models.run_status import RunStatus

from . import durations
from ._paths import segment
from ._payload import encode
from .errors import InvalidInputError

# smallest first, for messages; tests tie this list to the spec's MachinePreset enum
MACHINES = ("micro", "small-1x", "small-2x", "medium-1x", "medium-2x", "large-1x", "large-2x")
RUN_STATUSES = frozenset(s.value for s in RunStatus)
ENV_SLUGS = {"dev": "dev", "staging": "staging", "stg": "stg", "prod": "prod", "preview": "preview"}
MAX_TAGS = 10
MAX_TAG_LENGTH = 128
MAX_METADATA_BYTES = 256 * 1024


def identifier(value: Any, argument: str) -> str:
    """A non-empty id or name that will be encoded into one path segment."""
    return segment(value, argument)


def tags(value: str | Sequence[str], argument: str = "tags") -> list[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) and (not isinstance(items, Sequence) or isinstance(items, (bytes, bytearray))):
        raise InvalidInputError(f"{argument} must be a string or a list of strings, got {value!r}")
    out = []
    for tag in items:
        if not isinstance(tag, str) or not tag:
            raise InvalidInputError(f"{argument} must hold non-empty strings, got {tag!r}")
        if len(tag) > MAX_TAG_LENGTH:
            raise InvalidInputError(f"{argument}: {tag[:20]!r}... is {len(tag)} characters; at most {MAX_TAG_LENGTH}")
        out.append(tag)
    if len(out) > MAX_TAGS:
        raise InvalidInputError(f"{argument} has {len(out)} tags; a run takes at most {MAX_TAGS}")
    return out


def machine(value: Any, argument: str = "machine") -> str:
    if value not in MACHINES:
        raise InvalidInputError(f"{argument}={value!r} must be one of {', '.join(MACHINES)}")
    return str(value)


def env_slug(value: Any, argument: str = "env") -> str:
    if value not in ENV_SLUGS:
        raise InvalidInputError(f"{argument}={value!r} must be one of dev, staging (or stg), prod, preview")
    return ENV_SLUGS[value]


def json_object(value: Any, argument: str, *, max_bytes: int | None = None) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidInputError(f"{argument} must be a dict (a JSON object), got {type(value).__name__}")
    text = encode(value, argument=argument)
    if max_bytes is not None and len(text.encode()) > max_bytes:
        raise InvalidInputError(f"{argument} is {len(text.encode())} bytes as JSON; at most {max_bytes}")
    return dict(value)


def int_in_range(value: Any, argument: str, low: int, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(f"{argument} must be an integer, got {value!r}")
    if value < low or (high is not None and value > high):
        bounds = f"between {low} and {high}" if high is not None else f">= {low}"
        raise InvalidInputError(f"{argument}={value} must be {bounds}")
    return value


def number_at_least(value: Any, argument: str, low: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < low:
        raise InvalidInputError(f"{argument} must be a number >= {low}, got {value!r}")
    return value


def statuses(value: str | Iterable[str], argument: str = "status") -> str:
    """Run statuses, comma-joined for `filter[status]`; names from either vocabulary."""
    items = [value] if isinstance(value, str) else list(value)
    unknown = [s for s in items if s not in RUN_STATUSES]
    if unknown or not items:
        raise InvalidInputError(
            f"{argument} has unknown run statuses {unknown}; accepted: {', '.join(sorted(RUN_STATUSES))}"
        )
    return ",".join(items)


def comma_list(value: str | Iterable[str], argument: str) -> str:
    items = [value] if isinstance(value, str) else list(value)
    if not items or not all(isinstance(v, str) and v and "," not in v for v in items):
        raise InvalidInputError(
            f"{argument} must be a non-empty string or list of strings without commas, got {value!r}"
        )
    return ",".join(items)


def epoch_ms(value: datetime | int, argument: str) -> str:
    """A point in time for list filters: an aware datetime or epoch milliseconds."""
    if isinstance(value, datetime):
        return str(int(durations.aware(value, argument).timestamp() * 1000))
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    raise InvalidInputError(f"{argument} must be an aware datetime or epoch milliseconds, got {value!r}")


def period(value: str, argument: str = "period") -> str:
    durations.parse_duration(value, argument=argument)
    return value
