"""What every resource stands on: build a request from a generated operation, send it, map errors.

The resources' base class that sends with these is trigger_facade/_async/_resource.py (written
once, as async code; scripts/unasync.py writes its sync twin).
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import httpx

from ._retry import Clock, server_requested_wait
from ._schema_check import SchemaMismatch, response_schema
from ._schema_check import check as schema_check
from ._transport import (
    ATTEMPT_TIMEOUT_EXTENSION,
    CLOCK_EXTENSION,
    DEADLINE_EXTENSION,
    LOCAL_FAILURES,
    NEVER_SENT,
    OPERATION_EXTENSION,
    POLICY_EXTENSION,
    DeadlineReached,
    repeat_class,
)
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    DeadlineExceededError,
    ResponseValidationError,
    make_status_error,
)

if TYPE_CHECKING:
    from .client_state import ClientState

P = ParamSpec("P")
T = TypeVar("T")

log = logging.getLogger("trigger_facade")


def operation_of(build: Callable[..., Any]) -> str:
    """The spec operation a generated `_get_kwargs` belongs to (its module is named after the operationId)."""
    return str(getattr(build, "__module__", "")).rsplit(".", 1)[-1]


def build_request(
    state: ClientState,
    http: httpx.Client | httpx.AsyncClient,
    spec: dict[str, Any],
    *,
    operation: str | None = None,
    deadline: float | None = None,
) -> httpx.Request:
    """An httpx request from a generated `_get_kwargs` result (the auth adds the key and idempotency key).

    `operation` lets the transport and the answer check find the operation's facts in the spec;
    `deadline` (time.monotonic() seconds) is a hard end no attempt or retry wait may pass.
    """
    spec = dict(spec)
    extensions = {
        POLICY_EXTENSION: state.retry_policy,
        ATTEMPT_TIMEOUT_EXTENSION: state.config.attempt_timeout,
        **spec.pop("extensions", {}),
    }
    if operation is not None:
        extensions[OPERATION_EXTENSION] = operation
    if deadline is not None:
        extensions[DEADLINE_EXTENSION] = deadline
        extensions[CLOCK_EXTENSION] = state.clock
    timeout = spec.pop("timeout", state.config.timeout)
    content = spec.get("content")
    if isinstance(content, io.IOBase):
        # a file-like body would be consumed by the first attempt; bytes can be re-sent on retry
        spec["content"] = content.read()
    url = spec.get("url")
    if isinstance(url, str):
        spec["url"] = _joined(http.base_url, url)
    return http.build_request(extensions=extensions, timeout=timeout, **spec)


def _joined(base: httpx.URL, url: str) -> str:
    """A path from the spec on `base`, joined as httpx's client joins them but in one string, so
    httpx parses one URL instead of parsing the path and then the joined URL again."""
    root = str(base)
    if not url.startswith("/") or url.startswith("//") or "#" in url or "?" in root or "#" in root:
        return url  # not a plain path, or a base with a query or fragment: httpx joins it
    return (root if root.endswith("/") else root + "/") + url[1:]


def operation_request(
    state: ClientState,
    http: httpx.Client | httpx.AsyncClient,
    build: Callable[P, dict[str, Any]],
    /,
    *args: P.args,
    **kwargs: P.kwargs,
) -> httpx.Request:
    """The request of one generated operation, checked against the key's kind (no I/O: flows use it)."""
    return operation_request_within(state, http, None, build, *args, **kwargs)


def operation_request_within(
    state: ClientState,
    http: httpx.Client | httpx.AsyncClient,
    deadline: float | None,
    build: Callable[P, dict[str, Any]],
    /,
    *args: P.args,
    **kwargs: P.kwargs,
) -> httpx.Request:
    """`operation_request` whose attempts and retry waits all end by `deadline` (time.monotonic())."""
    operation = operation_of(build)
    spec = state.checked(operation, build(*args, **kwargs))
    return build_request(state, http, spec, operation=operation, deadline=deadline)


def connection_error(exc: httpx.TransportError, request: httpx.Request) -> APIConnectionError:
    """Our error for a request that got no usable answer. It keeps no reference to httpx's
    exception (which holds the request and its Authorization header): callers raise it outside
    their `except` block so that not even `__context__` leads back there."""
    local = isinstance(exc, LOCAL_FAILURES)
    may_have_succeeded = not local and not isinstance(exc, NEVER_SENT)
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    if isinstance(exc, DeadlineReached) or _past_caller_deadline(request):
        cls = DeadlineExceededError
    what = "timed out" if cls is APITimeoutError else f"failed ({type(exc).__name__}: {exc})"
    if local:
        outcome = "it was refused before sending and never reached the server"
    elif may_have_succeeded:
        retried = "" if repeat_class(request) != "not-deduped" else " (not retried: a repeat could act twice)"
        outcome = f"the server may have acted on it{retried}"
    else:
        outcome = "it never reached the server"
    return cls(
        f"{request.method} {request.url.path} {what}; {outcome}",
        method=request.method,
        url=str(request.url.copy_with(username=None, password=None)),
        may_have_succeeded=may_have_succeeded,
    )


def _past_caller_deadline(request: httpx.Request) -> bool:
    """Whether the request had a caller's deadline that has now passed (its attempt was cut short by it)."""
    deadline = request.extensions.get(DEADLINE_EXTENSION)
    clock = request.extensions.get(CLOCK_EXTENSION)
    return isinstance(deadline, float | int) and isinstance(clock, Clock) and clock.monotonic() >= deadline


def check_response(response: httpx.Response, now: float) -> httpx.Response:
    """Raise the typed error for a non-2xx answer (after the transport's retries); `now` is epoch seconds."""
    if 200 <= response.status_code < 300:
        return response
    retry_after = server_requested_wait(response.headers, now)
    error: APIStatusError = make_status_error(response, retry_after=retry_after)
    log.debug("%s %s -> %s", response.request.method, response.request.url.path, response.status_code)
    raise error


def _invalid(response: httpx.Response, data: Any, problem: str) -> ResponseValidationError:
    request = response.request
    return ResponseValidationError(
        f"{request.method} {request.url.path} answered {response.status_code} with a body that does not "
        f"match the API spec ({problem})",
        status_code=response.status_code,
        body=data,
        method=request.method,
        url=str(request.url.copy_with(username=None, password=None)),
    )


def json_body(response: httpx.Response) -> Any:
    """The 2xx JSON body, checked against the operation's schema in the spec (when it has one)."""
    content = response.content
    try:
        data = json.loads(content) if content else None
    except ValueError:
        error = _invalid(response, content[:2048].decode("utf-8", "replace"), "not JSON")
    else:
        operation = response.request.extensions.get(OPERATION_EXTENSION)
        schema = response_schema(operation, response.status_code) if isinstance(operation, str) else None
        if schema is None:
            return data
        try:
            schema_check(data, schema)
            return data
        except SchemaMismatch as exc:
            error = _invalid(response, data, str(exc))
    raise error


def parse_response(response: httpx.Response, parse: Callable[[Any], T]) -> T:
    """Parse a 2xx body; one that does not fit the spec raises ResponseValidationError with the body."""
    data = json_body(response)
    try:
        return parse(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        error = _invalid(response, data, f"{type(exc).__name__}: {exc}")
    raise error
