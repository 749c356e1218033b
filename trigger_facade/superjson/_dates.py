"""Dates as JavaScript's Date reads them, for superjson's Date annotation and the API's date strings."""

from __future__ import annotations

import json
import math
import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any, Final

from ..errors import PayloadDecodeError

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)


def parse_js_date(text: str) -> datetime:
    """A date string as JavaScript's Date parses the ones superjson and the API write, as an aware
    datetime in UTC. ISO 8601 forms (date only, with or without seconds, fraction, Z or offset;
    a space for the T) and RFC 2822 ("Thu, 01 Jan 1970 00:00:00 GMT"). A date-time without an offset
    is read as UTC (JavaScript would use the machine's zone; servers run in UTC)."""
    match = _ISO_DATE.fullmatch(text.strip())
    if match is None:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            raise PayloadDecodeError(f"{text[:60]!r} is not a date JavaScript reads") from None
        return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    try:
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        value = datetime(
            int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0), int(second or 0), micro
        )
        offset = timedelta(0)
        if zone and zone not in "Zz":
            sign = 1 if zone[0] == "+" else -1
            digits = zone[1:].replace(":", "")
            offset = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
        return (value - offset).replace(tzinfo=UTC)
    except (ValueError, OverflowError):
        raise PayloadDecodeError(f"{text[:60]!r} is not a date Python can hold (years 1-9999)") from None


_ISO_DATE = re.compile(
    r"([+-]\d{6}|\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?"
)


def decode_date(value: Any, where: str) -> datetime:
    if isinstance(value, str):
        try:
            return parse_js_date(value)
        except PayloadDecodeError as exc:
            raise PayloadDecodeError(f"Date {where}: {exc}") from None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        try:
            return _EPOCH + timedelta(milliseconds=value)
        except OverflowError:
            pass
    raise PayloadDecodeError(f"Date {where}: a Date needs a date string, got {json.dumps(value)[:60]}")
