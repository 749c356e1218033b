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
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, quote_plus

from .._config import API_VERSION
from ..errors import RealtimeProtocolError

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

ELECTRIC_VERSION = "1.0.0-beta.1"
# the webapp always returns these, whatever skipColumns says
UNSKIPPABLE_COLUMNS = frozenset({"id", "taskIdentifier", "friendlyId", "status", "createdAt"})
# a live request is held by the server for about 20 s (+-15 %); a read timeout must outlast it
LIVE_HOLD_SECONDS = 23.0

_RETRY_STATUSES = frozenset({429}) | frozenset(range(500, 600))


# ---------------------------------------------------------------------------------------------
# request description


def realtime_headers(*, branch: str | None = None, trigger_version: str | None = None) -> dict[str, str]:
    """The reduced header set of a realtime request, without Authorization (the client's auth adds it).

    No content-type, x-trigger-source or request-idempotency key: the SDK sends none of them here.
    `trigger_version` is the SDK's package version header; the server does not read it.
    """
    headers = {"x-trigger-electric-version": ELECTRIC_VERSION, "x-trigger-api-version": API_VERSION}
    if trigger_version is not None:
        headers["trigger-version"] = trigger_version
    if branch:
        headers["x-trigger-branch"] = branch
    return headers


def _form_encode(value: str) -> str:
    # what the SDK's URLSearchParams writes: space as '+', only *-._ and alphanumerics left bare
    return quote_plus(value, safe="*").replace("~", "%7E")


@dataclass(frozen=True)
class ShapeRequest:
    """One request to send: `target` is the path plus the already-encoded query."""

    method: str
    path: str
    params: tuple[tuple[str, str], ...]
    headers: Mapping[str, str]
    live: bool

    @property
    def query(self) -> str:
        return "&".join(f"{_form_encode(k)}={_form_encode(v)}" for k, v in self.params)

    @property
    def target(self) -> str:
        return f"{self.path}?{self.query}" if self.params else self.path


# ---------------------------------------------------------------------------------------------
# retry advice


@dataclass(frozen=True)
class ReconnectPolicy:
    """Delays between attempts after a 429, a 5xx or a network error.

    `delay(n)` for the n-th consecutive failure (1-based) grows by `factor` from `initial_delay` up
    to `max_delay`, is shortened by up to `jitter` of itself, and is never below `min_delay`. The
    caller's deadline decides when to stop; this policy never does. A wait the server asks for
    (Retry-After, x-ratelimit-reset) replaces the backoff, within `min_delay` and `max_server_wait`.
    """

    initial_delay: float = 0.25
    factor: float = 1.5
    max_delay: float = 10.0
    min_delay: float = 0.1
    jitter: float = 0.25
    max_server_wait: float = 60.0

    def delay(self, failures: int, rand: Callable[[], float] = random.random) -> float:
        base = min(self.max_delay, self.initial_delay * self.factor ** max(0, failures - 1))
        return max(self.min_delay, base * (1.0 - self.jitter * rand()))

    def after(self, failures: int, server_wait: float | None, rand: Callable[[], float] = random.random) -> float:
        """The delay before the next attempt, honouring a wait the server asked for."""
        if server_wait is None:
            return self.delay(failures, rand)
        return min(self.max_server_wait, max(self.min_delay, server_wait))


# The SDK's Electric client: 100 ms, x1.3, at most 10 s, no jitter, attempts unlimited.
SDK_BACKOFF = ReconnectPolicy(initial_delay=0.1, factor=1.3, max_delay=10.0, min_delay=0.0, jitter=0.0)


def _server_wait(headers: Mapping[str, str], now: float) -> float | None:
    """The wait a 429/503 asks for (x-ratelimit-reset, retry-after-ms, Retry-After), if any."""
    from .._retry import parse_rate_limit_reset, parse_retry_after

    wait = parse_rate_limit_reset(headers.get("x-ratelimit-reset"), now)
    if wait is not None:
        return wait
    retry_ms = headers.get("retry-after-ms")
    if retry_ms is not None:
        try:
            return max(0.0, float(retry_ms) / 1000.0)
        except ValueError:
            pass
    return parse_retry_after(headers.get("retry-after"), now)


# ---------------------------------------------------------------------------------------------
# schema and value decoding


@dataclass(frozen=True)
class ColumnType:
    type: str
    dims: int = 0
    not_null: bool = False


def parse_schema(text: str) -> dict[str, ColumnType]:
    """The `electric-schema` header: a JSON object `column -> {type, dims?, not_null?}`."""
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise RealtimeProtocolError(f"electric-schema is not JSON: {text[:200]!r}") from exc
    if not isinstance(raw, dict):
        raise RealtimeProtocolError(f"electric-schema must be a JSON object, got {type(raw).__name__}")
    schema: dict[str, ColumnType] = {}
    for column, spec in raw.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("type"), str):
            raise RealtimeProtocolError(f"electric-schema: column {column!r} needs a string 'type', got {spec!r}")
        dims = spec.get("dims", 0)
        not_null = spec.get("not_null", False)
        if not isinstance(dims, int) or isinstance(dims, bool) or dims < 0:
            raise RealtimeProtocolError(f"electric-schema: column {column!r} has dims={dims!r}")
        if not isinstance(not_null, bool):
            raise RealtimeProtocolError(f"electric-schema: column {column!r} has not_null={not_null!r}")
        schema[column] = ColumnType(spec["type"], dims, not_null)
    return schema


_INT_RE = re.compile(r"[+-]?\d+\Z")
_FLOAT_RE = re.compile(r"[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|Infinity|NaN)\Z")
_BOOLS = {"t": True, "true": True, "f": False, "false": False}


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _scalar(text: str, pg_type: str, column: str) -> Any:
    if pg_type == "bool":
        if text not in _BOOLS:
            raise RealtimeProtocolError(f"column {column!r} (bool) holds {text!r}; expected t, true, f or false")
        return _BOOLS[text]
    if pg_type in ("int2", "int4", "int8"):
        if not _INT_RE.match(text):
            raise RealtimeProtocolError(f"column {column!r} ({pg_type}) holds {text[:50]!r}, not an integer")
        return int(text)
    if pg_type in ("float4", "float8"):
        if not _FLOAT_RE.match(text):
            raise RealtimeProtocolError(f"column {column!r} ({pg_type}) holds {text[:50]!r}, not a number")
        return float(text)
    if pg_type in ("json", "jsonb"):
        try:
            return json.loads(text, parse_constant=_reject_constant)
        except (ValueError, RecursionError) as exc:
            raise RealtimeProtocolError(f"column {column!r} ({pg_type}) holds invalid JSON: {text[:100]!r}") from exc
    return text


def decode_value(value: Any, column_type: ColumnType | None, column: str) -> Any:
    """One column's wire value (a string or null) as the SDK's Electric parser reads it."""
    if column_type is None:
        return value  # not in the schema: kept as sent
    if value is None:
        if column_type.not_null:
            raise RealtimeProtocolError(f"column {column!r} is declared not_null but is null")
        return None
    if not isinstance(value, str):
        raise RealtimeProtocolError(f"column {column!r} must arrive as a string or null, got {type(value).__name__}")
    if column_type.dims > 0:
        return parse_pg_array(
            value, lambda item: _scalar(item, column_type.type, column), column=column, max_depth=column_type.dims
        )
    return _scalar(value, column_type.type, column)


def parse_pg_array(
    text: str, element: Callable[[str], Any] = str, *, column: str = "?", max_depth: int = 6
) -> list[Any]:
    """A Postgres array literal: `{a,"b c","q\\"d",NULL}`, nested for more dimensions.

    Quoted elements may escape any character with a backslash; an unquoted NULL is None, a quoted
    "NULL" the string.
    """
    pos = 0

    def fail(why: str) -> RealtimeProtocolError:
        return RealtimeProtocolError(f"column {column!r}: bad array literal {text[:100]!r} ({why} at {pos})")

    def parse_array(depth: int = 1) -> list[Any]:
        nonlocal pos
        if pos >= len(text) or text[pos] != "{":
            raise fail("expected '{'")
        if depth > max_depth:
            raise fail(f"nested deeper than {max_depth}")
        pos += 1
        items: list[Any] = []
        if pos < len(text) and text[pos] == "}":
            pos += 1
            return items
        while True:
            if pos >= len(text):
                raise fail("unterminated")
            ch = text[pos]
            if ch == "{":
                items.append(parse_array(depth + 1))
            elif ch == '"':
                pos += 1
                chars: list[str] = []
                while True:
                    if pos >= len(text):
                        raise fail("unterminated quoted element")
                    c = text[pos]
                    if c == "\\":
                        if pos + 1 >= len(text):
                            raise fail("dangling backslash")
                        chars.append(text[pos + 1])
                        pos += 2
                    elif c == '"':
                        pos += 1
                        break
                    else:
                        chars.append(c)
                        pos += 1
                items.append(element("".join(chars)))
            else:
                start = pos
                while pos < len(text) and text[pos] not in ",}":
                    if text[pos] in '{"\\':
                        raise fail(f"unexpected {text[pos]!r} in an unquoted element")
                    pos += 1
                word = text[start:pos]
                if not word:
                    raise fail("empty element")
                items.append(None if word == "NULL" else element(word))
            if pos >= len(text):
                raise fail("unterminated")
            if text[pos] == ",":
                pos += 1
                continue
            if text[pos] == "}":
                pos += 1
                return items
            raise fail(f"unexpected {text[pos]!r}")

    result = parse_array()
    if pos != len(text):
        raise fail("trailing characters")
    return result


# ---------------------------------------------------------------------------------------------
# the state machine


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
            wait = _server_wait(lower, time.time() if now is None else now)
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
