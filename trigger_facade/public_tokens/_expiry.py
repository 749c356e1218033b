"""The expiry grammar: duration strings as the SDK (jose) reads them, seconds, timedeltas, datetimes."""

from __future__ import annotations

import math
import re
import time
from datetime import UTC, datetime, timedelta
from typing import Final, TypeAlias

from ..errors import InvalidInputError

DEFAULT_EXPIRATION: Final = "15m"


Expiration: TypeAlias = str | int | float | timedelta | datetime


_UNIX_TIME_LIKE: Final = 1_000_000_000


_TIME_SPAN = re.compile(
    r"([+-])? ?([0-9]+|[0-9]+\.[0-9]+) ?"
    r"(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)(?: (ago|from now))?",
    re.IGNORECASE,
)
_UNIT_SECONDS: Final = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, "y": 31557600}


def parse_time_span(text: str) -> int:
    """Seconds for a duration string in the SDK's grammar (jose's): "15m", "2 hours", "1.5h", "1y"
    (365.25 days), "-1h" or "1 hour ago" (negative). Rounded like JavaScript's Math.round."""
    match = _TIME_SPAN.fullmatch(text) if isinstance(text, str) else None
    if match is None or (match.group(4) and match.group(1)):
        raise InvalidInputError(
            f"expiration {text!r} is not a duration such as '15m', '1h', '2 hours', '1.5h', '7d' or '1y' "
            "(one number and one unit; combinations like '1h30m' are not read)"
        )
    sign, number, unit, direction = match.groups()
    unit = unit.lower()
    # "mins" and "months" would both start with m; the grammar has no months, so the first letter decides
    seconds = math.floor(float(number) * _UNIT_SECONDS[unit[0]] + 0.5)
    # jose compares the suffix case-sensitively: "1 hour AGO" is in the future, as in the SDK
    return -seconds if sign == "-" or direction == "ago" else seconds


def epoch_seconds(moment: datetime, argument: str) -> int:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInputError(f"{argument} must be an aware datetime (e.g. datetime.now(UTC)), got a naive one")
    return (moment - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(seconds=1)


def now_seconds(now: datetime | None) -> int:
    return epoch_seconds(now, "now") if now is not None else math.floor(time.time())


def relative_seconds(expiration: Expiration) -> int | None:
    """Seconds from now for a relative expiry, None for an absolute one (a datetime)."""
    if isinstance(expiration, bool):
        raise InvalidInputError("expiration must be a duration string, seconds, a timedelta or a datetime, got a bool")
    if isinstance(expiration, str):
        return parse_time_span(expiration)
    if isinstance(expiration, timedelta):
        return math.floor(expiration.total_seconds() + 0.5)
    if isinstance(expiration, (int, float)):
        if not math.isfinite(expiration):
            raise InvalidInputError(f"expiration must be a finite number of seconds, got {expiration!r}")
        if abs(expiration) >= _UNIX_TIME_LIKE:
            raise InvalidInputError(
                f"expiration={expiration!r} is read as seconds from now (about {expiration / 31557600:.0f} years); "
                "for a Unix time pass datetime.fromtimestamp(t, UTC)"
            )
        return math.floor(expiration + 0.5)
    if isinstance(expiration, datetime):
        return None
    raise InvalidInputError(
        f"expiration must be a duration string ('15m', '1h'), seconds, a timedelta or an aware datetime, "
        f"got {type(expiration).__name__}"
    )


def resolve_expiration(expiration: Expiration | None, *, now: datetime | None = None) -> int:
    """The `exp` claim (Unix seconds) the SDK writes for `expiration` at `now` (default "15m")."""
    issued_at = now_seconds(now)
    chosen = DEFAULT_EXPIRATION if expiration is None else expiration
    relative = relative_seconds(chosen)
    if relative is None:
        assert isinstance(chosen, datetime)
        return epoch_seconds(chosen, "expiration")
    return issued_at + relative
