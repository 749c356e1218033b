"""Durations as the Trigger.dev server reads them, checked here so a typo never reaches the wire.

The server silently ignores a `delay` it cannot parse (the run starts at once) and an
`idempotencyKeyTTL` it cannot parse (the key lives 30 days). This module refuses both up front.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime, timedelta

from .errors import InvalidInputError

__all__ = [
    "aware",
    "format_duration",
    "parse_duration",
    "to_delay",
    "to_idempotency_key_ttl",
    "to_timeout",
    "to_ttl",
]

_UNIT_MS = {"w": 604_800_000, "d": 86_400_000, "hr": 3_600_000, "h": 3_600_000, "m": 60_000, "s": 1_000}
# `hr` before `h`, so "2hr" is one group and not "2h" + a stray "r"
_GROUP = re.compile(r"(\d+)(w|d|hr|h|m|s)")
_WHOLE = re.compile(r"(?:\d+(?:w|d|hr|h|m|s))+")
_KEY_TTL = re.compile(r"\d+[smhd]")
_GRAMMAR = "one or more <integer><unit> groups with unit w, d, h (or hr), m or s, e.g. '30s', '1h30m', '2d'"


def parse_duration(value: str, *, argument: str = "duration") -> timedelta:
    """Parse the server's duration grammar ("1h42m", "2hr", "1w2d3h4m5s") into a timedelta.

    Units may come in any order; only the first group of each unit counts, as on the server
    ("1h1h" is one hour). Case matters, and spaces, signs, decimals and "ms" are refused.
    """
    if not isinstance(value, str):
        raise InvalidInputError(f"{argument} must be a duration string ({_GRAMMAR}), got {type(value).__name__}")
    if len(value) > 100 or not _WHOLE.fullmatch(value):
        raise InvalidInputError(f"{argument}={value!r} is not a duration: expected {_GRAMMAR}")
    seen: dict[str, int] = {}
    for amount, unit in _GROUP.findall(value):
        key = "h" if unit == "hr" else unit
        seen.setdefault(key, int(amount) * _UNIT_MS[unit])
    return timedelta(milliseconds=sum(seen.values()))


def format_duration(seconds: int) -> str | None:
    """Whole seconds -> the compact form the server stores (3661 -> "1h1m1s"); None for <= 0."""
    if seconds <= 0:
        return None
    parts = []
    for unit, size in (("w", 604_800), ("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)):
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(f"{count}{unit}")
    return "".join(parts)


def aware(moment: datetime, argument: str) -> datetime:
    """`moment`, refused when it is naive: the server needs an instant, and a naive datetime is not one."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInputError(
            f"{argument} is a naive datetime; pass an aware one (e.g. datetime.now(timezone.utc) + ...)"
        )
    return moment


def _as_utc_iso(moment: datetime, argument: str) -> str:
    text = aware(moment, argument).astimezone(UTC).isoformat(timespec="milliseconds")
    return text.replace("+00:00", "Z")


def _seconds_of(value: timedelta, argument: str, *, allow_zero: bool) -> int:
    total = value.total_seconds()
    if total < 0 or (total == 0 and not allow_zero) or total != math.floor(total):
        accepted = "a non-negative" if allow_zero else "a positive"
        raise InvalidInputError(f"{argument}={value!r} must be {accepted} whole number of seconds")
    return int(total)


def to_delay(value: str | datetime | timedelta, *, argument: str = "delay") -> str:
    """`delay` for the wire: a duration string, an aware datetime (sent as ISO-8601 UTC) or a timedelta.

    Numeric strings are refused: the server would read "3600" as the year 3600.
    """
    if isinstance(value, datetime):
        return _as_utc_iso(value, argument)
    if isinstance(value, date):
        raise InvalidInputError(f"{argument} must be a datetime, not a date (the time of day matters)")
    if isinstance(value, timedelta):
        seconds = _seconds_of(value, argument, allow_zero=False)
        return format_duration(seconds) or "0s"
    if isinstance(value, str):
        parse_duration(value, argument=argument)
        return value
    raise InvalidInputError(
        f"{argument} must be a duration string ({_GRAMMAR}), an aware datetime or a timedelta, "
        f"got {type(value).__name__}"
    )


def to_ttl(value: str | int | timedelta, *, argument: str = "ttl") -> str | int:
    """`ttl` for the wire: a duration string, whole seconds (int >= 0; 0 disables it) or a timedelta."""
    if isinstance(value, bool):
        raise InvalidInputError(f"{argument} must be a duration string, whole seconds or a timedelta, not bool")
    if isinstance(value, int):
        if value < 0:
            raise InvalidInputError(f"{argument}={value} must be >= 0 seconds (0 disables the TTL)")
        return value
    if isinstance(value, timedelta):
        return _seconds_of(value, argument, allow_zero=True)
    if isinstance(value, str):
        parse_duration(value, argument=argument)
        return value
    raise InvalidInputError(
        f"{argument} must be a duration string ({_GRAMMAR}), whole seconds or a timedelta, got {type(value).__name__}"
    )


def to_idempotency_key_ttl(value: str | timedelta, *, argument: str = "idempotency_key_ttl") -> str:
    """The stricter TTL grammar of idempotency keys: exactly one <integer><s|m|h|d> ("30m", "1d").

    A timedelta is written in the largest unit that divides it exactly.
    """
    if isinstance(value, timedelta):
        seconds = _seconds_of(value, argument, allow_zero=False)
        for unit, size in (("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)):
            if seconds % size == 0:
                return f"{seconds // size}{unit}"
    if isinstance(value, str) and _KEY_TTL.fullmatch(value):
        return value
    raise InvalidInputError(
        f"{argument}={value!r} is not accepted: expected one <integer><unit> with unit s, m, h or d "
        "(e.g. '30m', '1d'; no 'w', no 'hr', no combinations) or a timedelta"
    )


def to_timeout(value: str | datetime | timedelta, *, argument: str = "timeout") -> str:
    """Waitpoint `timeout`: read by the server like `delay`."""
    return to_delay(value, argument=argument)
