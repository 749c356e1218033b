"""The Electric "shape" long-poll protocol behind /realtime/v1/runs and /realtime/v1/batches, without I/O.

A `ShapeSubscription` says which request to send next (`next_request()`) and digests each answer
(`handle_response()`), keeping what the protocol carries between requests: the shape handle, the
offset, the live cursor, the column schema and whether the feed is live. Rows are decoded by the
schema's column types and merged by key; they come out only when a batch says "up-to-date", each
changed key once, in first-change order, which is what the official SDK yields.

Where the SDK's Electric client would stall silently (a missing header, a schema it cannot use) or
retry forever, this module raises `RealtimeProtocolError` or hands back a finite retry delay, so a
caller with a deadline always gets an answer. Nothing here opens a connection.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from ..errors import RealtimeProtocolError
from .reconnect import SDK_BACKOFF, ReconnectPolicy, server_wait
from .shape_requests import ELECTRIC_VERSION, ShapeRequest, realtime_headers
from .shape_values import ColumnType, decode_value, parse_pg_array, parse_schema

__all__ = [
    "ELECTRIC_VERSION",
    "SDK_BACKOFF",
    "UNSKIPPABLE_COLUMNS",
    "ColumnType",
    "RealtimeProtocolError",
    "ReconnectPolicy",
    "ShapeRequest",
    "ShapeResult",
    "ShapeSubscription",
    "decode_value",
    "parse_pg_array",
    "parse_schema",
    "realtime_headers",
]


# the webapp always returns these, whatever skipColumns says
UNSKIPPABLE_COLUMNS = frozenset({"id", "taskIdentifier", "friendlyId", "status", "createdAt"})
# a live request is held by the server for about 20 s (+-15 %); a read timeout must outlast it
LIVE_HOLD_SECONDS = 23.0

_RETRY_STATUSES = frozenset({429}) | frozenset(range(500, 600))


@dataclass
class ShapeResult:
    """What one answer meant.

    `rows`: merged rows to hand out now (only when the batch ended "up-to-date"), each `(key, row)`.
    `retry_in`: set when the request failed in a retryable way (429, 5xx): wait this long, then ask
    `next_request()` again (the same request). `refetch`: the shape was reset (409 or must-refetch),
    so every row will be sent, and handed out, again.
    """

    rows: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    up_to_date: bool = False
    retry_in: float | None = None
    refetch: bool = False
    status: int = 200


class ShapeSubscription:
    """One subscription to a shape: the run feed, a tag feed or a batch feed.

    Drive it with::

        while True:
            req = sub.next_request()
            ... send req.method / req.target / req.headers (plus Authorization) ...
            result = sub.handle_response(status, headers, body)   # or sub.handle_network_error()
            if result.retry_in is not None: sleep(result.retry_in); continue
            for key, row in result.rows: ...

    Any other status (401, 403, 404, 400...) ends the subscription: `handle_response` returns it as
    `status` and sets `fatal_status`, and the caller raises its own status error with the response.
    """

    def __init__(
        self,
        path: str,
        params: Mapping[str, str] | Iterable[tuple[str, str]] = (),
        *,
        headers: Mapping[str, str] | None = None,
        policy: ReconnectPolicy | None = None,
        expired_handle: str | None = None,
        rand: Callable[[], float] = random.random,
    ) -> None:
        if not path.startswith("/"):
            raise ValueError(f"path must start with '/', got {path!r}")
        own = list(params.items()) if isinstance(params, Mapping) else list(params)
        reserved = {"offset", "handle", "live", "cursor", "log", "expired_handle"} & {k for k, _ in own}
        if reserved:
            raise ValueError(f"params must not set the protocol's own {sorted(reserved)}")
        self.path = path
        self._params = own
        self._headers = dict(headers if headers is not None else realtime_headers())
        self._policy = policy or ReconnectPolicy()
        self._rand = rand
        self.handle: str | None = None
        self.offset = "-1"
        self.cursor = ""
        self.live = False
        self.expired_handle = expired_handle
        self.schema: dict[str, ColumnType] | None = None
        self.rows: dict[str, dict[str, Any]] = {}
        self._changed: dict[str, None] = {}  # insertion-ordered set of keys changed since the last emission
        self._failures = 0
        self._conflicts = 0
        self.fatal_status: int | None = None

    # -- constructors for the three feeds --------------------------------------------------

    @classmethod
    def for_run(cls, run_id: str, *, skip_columns: Sequence[str] = (), **kwargs: Any) -> ShapeSubscription:
        from .. import _validate as check

        run_id = check.identifier(run_id, "run_id")
        return cls(f"/realtime/v1/runs/{quote(run_id, safe='')}", _skip_param(skip_columns), **kwargs)

    @classmethod
    def for_tags(
        cls,
        tags: str | Sequence[str],
        *,
        created_at: str | None = None,
        skip_columns: Sequence[str] = (),
        **kwargs: Any,
    ) -> ShapeSubscription:
        """Runs with any of `tags`; `created_at` is a look-back period such as "2h" (server default 24h)."""
        from .. import _validate as check
        from ..errors import InvalidInputError

        params = [("tags", check.comma_list(tags, "tags"))]
        if created_at is not None:
            if not isinstance(created_at, str):
                raise InvalidInputError(f"created_at must be a period string such as '2h', got {created_at!r}")
            params.append(("createdAt", check.period(created_at, "created_at")))
        return cls("/realtime/v1/runs", params + _skip_param(skip_columns), **kwargs)

    @classmethod
    def for_batch(cls, batch_id: str, **kwargs: Any) -> ShapeSubscription:
        from .. import _validate as check

        batch_id = check.identifier(batch_id, "batch_id")
        return cls(f"/realtime/v1/batches/{quote(batch_id, safe='')}", (), **kwargs)

    # -- requests ------------------------------------------------------------------------------

    def next_request(self) -> ShapeRequest:
        if self.fatal_status is not None:
            raise RealtimeProtocolError(f"this subscription already ended with status {self.fatal_status}")
        params = [*self._params, ("log", "full"), ("offset", self.offset)]
        if self.handle is not None:
            params.append(("handle", self.handle))
        if self.expired_handle is not None:
            params.append(("expired_handle", self.expired_handle))
        if self.live:
            params += [("live", "true"), ("cursor", self.cursor)]
        params.sort(key=lambda kv: kv[0])  # stable, like URLSearchParams.sort()
        return ShapeRequest("GET", self.path, tuple(params), dict(self._headers), self.live)

    # -- answers -------------------------------------------------------------------------------

    def handle_network_error(self) -> ShapeResult:
        """The request failed without an answer (connection refused or dropped, read timeout)."""
        self._failures += 1
        return ShapeResult(retry_in=self._policy.delay(self._failures, self._rand), status=0)

    def handle_response(
        self, status: int, headers: Mapping[str, str], body: bytes, *, now: float | None = None
    ) -> ShapeResult:
        """Digest one answer. `headers` may use any letter case.

        A status that ends the subscription (401, 403, 404, any other 4xx) sets `fatal_status` and
        returns a result with that status; the caller raises its own error for it.
        """
        lower = {k.lower(): v for k, v in headers.items()}
        if status in _RETRY_STATUSES:
            self._failures += 1
            wait = server_wait(lower, time.time() if now is None else now)
            return ShapeResult(retry_in=self._policy.after(self._failures, wait, self._rand), status=status)
        if status == 409:
            return self._conflict(lower, body)
        if not 200 <= status < 300:
            self.fatal_status = status
            return ShapeResult(status=status)
        self._failures = 0
        self._conflicts = 0
        handle = lower.get("electric-handle")
        offset = lower.get("electric-offset")
        if not handle or not offset:
            missing = [n for n, v in (("electric-handle", handle), ("electric-offset", offset)) if not v]
            raise RealtimeProtocolError(f"a {status} realtime answer lacks {', '.join(missing)}")
        was_live = self.live
        if was_live:
            cursor = lower.get("electric-cursor")
            if cursor is None:
                raise RealtimeProtocolError("a live realtime answer lacks electric-cursor")
        elif self.schema is None:
            schema_text = lower.get("electric-schema")
            if schema_text is None:
                raise RealtimeProtocolError("the first realtime answer of a shape lacks electric-schema")
            self.schema = parse_schema(schema_text)
        messages = _messages(body)
        self.handle = handle
        self.offset = offset
        if "electric-cursor" in lower:
            self.cursor = lower["electric-cursor"]
        return self._apply(messages, status)

    # -- internals -----------------------------------------------------------------------------

    def _conflict(self, lower: Mapping[str, str], body: bytes) -> ShapeResult:
        messages = _messages(body)
        old = self.handle
        new = lower.get("electric-handle") or (f"{old}-next" if old else None)
        self._reset()
        if old is not None:
            self.expired_handle = old
        self.handle = new
        self._conflicts += 1
        for message in messages:
            self._control_or_change(message, apply_changes=False)
        # the SDK refetches at once; a server that keeps answering 409 gets backoff from us
        retry_in = self._policy.delay(self._conflicts - 1, self._rand) if self._conflicts > 1 else None
        return ShapeResult(refetch=True, retry_in=retry_in, status=409)

    def _reset(self) -> None:
        self.offset, self.cursor, self.live, self.schema = "-1", "", False, None
        self.rows.clear()
        self._changed.clear()

    def _apply(self, messages: list[dict[str, Any]], status: int) -> ShapeResult:
        result = ShapeResult(status=status)
        for message in messages:
            control = self._control_or_change(message, apply_changes=True)
            if control == "must-refetch":
                old = self.handle
                self._reset()
                self.expired_handle, self.handle = old, None
                result.refetch = True
                result.up_to_date = False
                result.rows.clear()
                break  # anything after must-refetch belongs to the shape being dropped
            if control == "up-to-date":
                result.up_to_date = True
        if result.up_to_date:
            self.live = True
            result.rows = [(key, dict(self.rows[key])) for key in self._changed if key in self.rows]
            self._changed.clear()
        return result

    def _control_or_change(self, message: dict[str, Any], *, apply_changes: bool) -> str | None:
        headers = message.get("headers")
        if not isinstance(headers, dict):
            raise RealtimeProtocolError(f"an Electric message needs a 'headers' object: {_short(message)}")
        if "key" not in message:
            control = headers.get("control")
            if not isinstance(control, str):
                raise RealtimeProtocolError(f"an Electric message has neither a key nor a control: {_short(message)}")
            return control  # unknown controls (newer Electric) are passed over
        key, value, operation = message["key"], message.get("value"), headers.get("operation")
        if not isinstance(key, str):
            raise RealtimeProtocolError(f"an Electric change has a non-string key: {_short(message)}")
        if operation not in ("insert", "update", "delete"):
            raise RealtimeProtocolError(f"an Electric change has operation {operation!r}: {_short(message)}")
        if not isinstance(value, dict):
            raise RealtimeProtocolError(f"an Electric change needs a 'value' object: {_short(message)}")
        if not apply_changes or operation == "delete":
            return None  # the SDK keeps a deleted run's last state and yields nothing
        decoded = self._decode_row(value)
        if operation == "insert":
            self.rows[key] = decoded
        else:
            self.rows[key] = {**self.rows.get(key, {}), **decoded}
        self._changed.setdefault(key, None)
        return None

    def _decode_row(self, value: dict[str, Any]) -> dict[str, Any]:
        schema = self.schema or {}
        return {column: decode_value(raw, schema.get(column), column) for column, raw in value.items()}


def _skip_param(skip_columns: Sequence[str]) -> list[tuple[str, str]]:
    from ..errors import InvalidInputError

    if isinstance(skip_columns, str):
        raise InvalidInputError(f"skip_columns must be a list of column names, got the string {skip_columns!r}")
    columns = list(skip_columns)
    if not columns:
        return []
    for column in columns:
        if not isinstance(column, str) or not column or "," in column:
            raise InvalidInputError(f"skip_columns must hold column names without commas, got {column!r}")
        if column in UNSKIPPABLE_COLUMNS:
            raise InvalidInputError(
                f"skip_columns: {column!r} is always sent; the columns that cannot be skipped are "
                f"{', '.join(sorted(UNSKIPPABLE_COLUMNS))}"
            )
    return [("skipColumns", ",".join(columns))]


def _messages(body: bytes) -> list[dict[str, Any]]:
    if not body.strip():
        return []
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise RealtimeProtocolError(f"a realtime answer is not JSON: {body[:200]!r}") from exc
    if not isinstance(data, list) or not all(isinstance(m, dict) for m in data):
        raise RealtimeProtocolError(f"a realtime answer must be a JSON array of objects: {body[:200]!r}")
    return data


def _short(message: Any) -> str:
    return json.dumps(message, default=str)[:200]
