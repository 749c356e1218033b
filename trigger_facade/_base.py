"""What every resource stands on: build a request from a generated operation, send it, map errors.

Resources are written once, against SyncResource (trigger_facade/resources/); their async twins
are derived from that source by scripts/gen_async.py and stand on AsyncResource. The two bases
below differ only in the lines that do I/O.
"""

from __future__ import annotations

import functools
import io
import json
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import httpx

from ._retry import server_requested_wait
from ._transport import POLICY_EXTENSION, OriginBearerAuth
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ResponseValidationError,
    make_status_error,
)

if TYPE_CHECKING:
    from ._client import _ClientState

P = ParamSpec("P")
T = TypeVar("T")

log = logging.getLogger("trigger_facade")

# connection never opened: the server cannot have seen the request
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def anonymous(build: Callable[P, dict[str, Any]]) -> Callable[P, dict[str, Any]]:
    """Mark an operation as sent without the API key (timezones, waitpoint callbacks)."""

    @functools.wraps(build)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> dict[str, Any]:
        request = build(*args, **kwargs)
        request["extensions"] = {**request.get("extensions", {}), OriginBearerAuth.ANONYMOUS: True}
        return request

    return wrapped


def build_request(state: _ClientState, http: httpx.Client | httpx.AsyncClient, spec: dict[str, Any]) -> httpx.Request:
    """An httpx request from a generated `_get_kwargs` result (the auth adds the key and idempotency key)."""
    spec = dict(spec)
    extensions = {POLICY_EXTENSION: state.retry_policy, **spec.pop("extensions", {})}
    timeout = spec.pop("timeout", state.config.timeout)
    content = spec.get("content")
    if isinstance(content, io.IOBase):
        # a file-like body would be consumed by the first attempt; bytes can be re-sent on retry
        spec["content"] = content.read()
    return http.build_request(extensions=extensions, timeout=timeout, **spec)


def connection_error(exc: httpx.TransportError, request: httpx.Request) -> APIConnectionError:
    may_have_succeeded = not isinstance(exc, _NEVER_SENT)
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    what = "timed out" if cls is APITimeoutError else f"failed ({type(exc).__name__})"
    outcome = "the server may have acted on it" if may_have_succeeded else "it never reached the server"
    return cls(
        f"{request.method} {request.url.path} {what} after retries; {outcome}",
        method=request.method,
        url=str(request.url),
        may_have_succeeded=may_have_succeeded,
    )


def check_response(response: httpx.Response, now: float) -> httpx.Response:
    """Raise the typed error for a non-2xx answer (after the transport's retries); `now` is epoch seconds."""
    if 200 <= response.status_code < 300:
        return response
    retry_after = server_requested_wait(response.headers, now)
    error: APIStatusError = make_status_error(response, retry_after=retry_after)
    log.debug("%s %s -> %s", response.request.method, response.request.url.path, response.status_code)
    raise error


def parse_response(response: httpx.Response, parse: Callable[[Any], T]) -> T:
    """Parse a 2xx body; one that does not fit the spec raises ResponseValidationError with the body."""
    try:
        data = json.loads(response.content) if response.content else None
    except ValueError:
        data = response.text
    try:
        return parse(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ResponseValidationError(
            f"{response.request.method} {response.request.url.path} answered {response.status_code} with a body "
            f"that does not match the API spec ({type(exc).__name__}: {exc})",
            status_code=response.status_code,
            body=data,
            method=response.request.method,
            url=str(response.request.url),
        ) from exc


class SyncResource:
    def __init__(self, state: _ClientState, http: httpx.Client) -> None:
        self._state = state
        self._http = http

    def _send(self, request: httpx.Request) -> httpx.Response:
        try:
            response = self._http.send(request)
        except httpx.TransportError as exc:
            raise connection_error(exc, request) from exc
        return check_response(response, self._state.clock.now())

    def _call(self, build: Callable[P, dict[str, Any]], /, *args: P.args, **kwargs: P.kwargs) -> httpx.Response:
        """Send one generated operation; the 2xx response (errors raise)."""
        self._state.check_key_for(build)
        return self._send(build_request(self._state, self._http, build(*args, **kwargs)))

    def _request(
        self,
        build: Callable[P, dict[str, Any]],
        parse: Callable[[Any], T],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Send one generated operation and parse its 2xx body."""
        return parse_response(self._call(build, *args, **kwargs), parse)

    def _sleep(self, seconds: float) -> None:
        self._state.clock.sleep(seconds)


class AsyncResource:
    def __init__(self, state: _ClientState, http: httpx.AsyncClient) -> None:
        self._state = state
        self._http = http

    async def _send(self, request: httpx.Request) -> httpx.Response:
        try:
            response = await self._http.send(request)
        except httpx.TransportError as exc:
            raise connection_error(exc, request) from exc
        return check_response(response, self._state.clock.now())

    async def _call(self, build: Callable[P, dict[str, Any]], /, *args: P.args, **kwargs: P.kwargs) -> httpx.Response:
        self._state.check_key_for(build)
        return await self._send(build_request(self._state, self._http, build(*args, **kwargs)))

    async def _request(
        self,
        build: Callable[P, dict[str, Any]],
        parse: Callable[[Any], T],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        return parse_response(await self._call(build, *args, **kwargs), parse)

    async def _sleep(self, seconds: float) -> None:
        await self._state.clock.async_sleep(seconds)
