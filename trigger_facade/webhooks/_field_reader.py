"""Reading one JSON object field by field, naming the path of anything missing or of the wrong type."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta
from typing import Any

from ..errors import (
    PayloadDecodeError,
    WebhookPayloadError,
)
from ..superjson import parse_js_date


class FieldReader:
    """Reads one JSON object, naming the path of anything missing or of the wrong type."""

    def __init__(self, data: Any, path: str) -> None:
        if not isinstance(data, dict):
            raise WebhookPayloadError(f"Webhook parsing failed: {path} must be an object")
        self.data = data
        self.path = path

    def _fail(self, key: str, wanted: str) -> WebhookPayloadError:
        got = self.data.get(key)
        shown = "missing" if key not in self.data else f"{type(got).__name__} {json.dumps(got)[:40]}"
        return WebhookPayloadError(f"Webhook parsing failed: {self.path}.{key} must be {wanted}, got {shown}")

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if not isinstance(value, str):
            raise self._fail(key, "a string")
        return value

    def opt_text(self, key: str) -> str | None:
        return None if self.data.get(key) is None else self.text(key)

    def whole(self, key: str) -> int:
        value = self.data.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not float(value).is_integer():
            raise self._fail(key, "a whole number")
        return int(value)

    def opt_whole(self, key: str) -> int | None:
        return None if self.data.get(key) is None else self.whole(key)

    def flag(self, key: str) -> bool:
        value = self.data.get(key)
        if not isinstance(value, bool):
            raise self._fail(key, "true or false")
        return value

    def date(self, key: str) -> datetime:
        value = self.data.get(key)
        try:
            if isinstance(value, str):
                return parse_js_date(value)
            if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
                return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=value)
        except (PayloadDecodeError, OverflowError):
            pass
        raise self._fail(key, "a date")

    def opt_date(self, key: str) -> datetime | None:
        return None if self.data.get(key) is None else self.date(key)

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._fail(key, "a list of strings")
        return tuple(value)

    def obj(self, key: str) -> FieldReader:
        return FieldReader(self.data.get(key), f"{self.path}.{key}")

    def opt_obj(self, key: str) -> FieldReader | None:
        return None if self.data.get(key) is None else self.obj(key)

    def objects(self, key: str) -> list[FieldReader]:
        value = self.data.get(key)
        if not isinstance(value, list):
            raise self._fail(key, "a list")
        return [FieldReader(item, f"{self.path}.{key}[{i}]") for i, item in enumerate(value)]
