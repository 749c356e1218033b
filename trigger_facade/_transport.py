"""The one transport: retries, attempt deadlines and bounded bodies, for sync and async alike.

It wraps httpx's own transports (or a test's MockTransport), so `client.raw` calls get the same
rules. Whether a request that may have reached the server is sent again depends on what a repeat
does on the server (the operation's `x-trigger-repeat` in the spec, via the operations table):
only a repeat that cannot act twice is sent after the request may have arrived.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import AsyncGenerator, Generator
from datetime import timedelta
from typing import Any

import httpx

from . import _deadline
from ._body import BodyDeadline, BodyTooLarge, BoundedReader, CappedStream, UnreadableBody
from ._operations import OPERATIONS
from ._retry import SYSTEM_CLOCK, Clock, RetryPolicy, delay_for_response, should_retry_status
from .errors import InvalidInputError, ResponseTooLargeError, ResponseValidationError, UnreadableResponseError

log = logging.getLogger("trigger_facade")

POLICY_EXTENSION = "trigger_facade.retry_policy"
ATTEMPTS_EXTENSION = "trigger_facade.attempts"
OPERATION_EXTENSION = "trigger_facade.operation"  # the spec operation a request comes from
DEADLINE_EXTENSION = "trigger_facade.deadline"  # a caller's hard end (on the client's clock)
CLOCK_EXTENSION = "trigger_facade.clock"  # that clock
ATTEMPT_TIMEOUT_EXTENSION = "trigger_facade.attempt_timeout"  # seconds, connect to last byte
MAX_BODY_EXTENSION = "trigger_facade.max_body"  # bytes, decompressed
STREAM_EXTENSION = "trigger_facade.stream"  # hand the body back unread (event streams)
REPEAT_EXTENSION = "trigger_facade.repeat"  # the repeat class of a request outside the spec

DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
DEFAULT_MAX_DOWNLOAD_BYTES = 512 * 1024 * 1024

# the connection never opened: the server cannot have seen the request
NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# failures of our own making: sending again cannot help and the server saw nothing
LOCAL_FAILURES = (httpx.UnsupportedProtocol, httpx.LocalProtocolError)


_NUMBER = (float, int)


class DeadlineReached(httpx.TimeoutException):
    """The caller's deadline left no time for another attempt."""


def repeat_class(request: httpx.Request) -> str:
    """What sending `request` twice does: safe, deduped-by-key or not-deduped (spec x-trigger-repeat).

    Requests outside the spec (packets, presigned storage, realtime) are reads or idempotent PUTs,
    unless they declare otherwise (REPEAT_EXTENSION: sending to an input stream twice delivers twice).
    """
    declared = request.extensions.get(REPEAT_EXTENSION)
    if isinstance(declared, str):
        return declared
    operation = OPERATIONS.get(str(request.extensions.get(OPERATION_EXTENSION, "")))
    return operation.repeat if operation is not None else "safe"


def may_repeat_after(request: httpx.Request, response: httpx.Response | None, error: Exception | None) -> bool:
    """Whether this outcome allows sending `request` again without acting twice."""
    if isinstance(error, LOCAL_FAILURES):
        return False
    if repeat_class(request) != "not-deduped":
        return True
    if error is not None:
        return isinstance(error, NEVER_SENT)
    # the rate limiter answers before any handler runs; x-should-retry is the server's own word
    assert response is not None
    return response.status_code == 429 or response.headers.get("x-should-retry") == "true"


class RetryTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    def __init__(
        self,
        inner: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
        *,
        policy: RetryPolicy | None = None,
        clock: Clock = SYSTEM_CLOCK,
        async_mode: bool = False,
        attempt_timeout: float | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        if inner is None:
            inner = httpx.AsyncHTTPTransport() if async_mode else httpx.HTTPTransport()
        from ._deadline_backend import install_deadline  # httpcore: only once a transport is made

        install_deadline(inner)
        self._inner = inner
        self._policy = policy or RetryPolicy()
        self._clock = clock
        self._attempt_timeout = attempt_timeout
        self._max_response_bytes = max_response_bytes

    def _policy_for(self, request: httpx.Request) -> RetryPolicy:
        policy = request.extensions.get(POLICY_EXTENSION)
        return policy if isinstance(policy, RetryPolicy) else self._policy

    def _attempt_deadline(self, request: httpx.Request) -> float | None:
        """When this attempt must be over (time.monotonic()): its own timeout, or the caller's
        deadline if sooner. The caller's deadline is on the client's clock (a test may fake it)."""
        extensions = request.extensions
        timeout = extensions.get(ATTEMPT_TIMEOUT_EXTENSION, self._attempt_timeout)
        caller = extensions.get(DEADLINE_EXTENSION)
        if isinstance(caller, _NUMBER):
            left = float(caller) - self._clock.monotonic()
            return time.monotonic() + (left if timeout is None else min(float(timeout), left))
        return None if timeout is None else time.monotonic() + float(timeout)

    def _next_wait(
        self,
        request: httpx.Request,
        policy: RetryPolicy,
        attempt: int,
        response: httpx.Response | None,
        error: Exception | None,
    ) -> float | None:
        """Seconds to wait before another attempt, or None to stop and hand back this outcome."""
        if attempt > policy.max_retries:
            return None
        if response is not None:
            # the status first: it settles almost every answer (a 2xx) without the repeat class
            if not should_retry_status(response) or not may_repeat_after(request, response, None):
                return None
            wait = delay_for_response(policy, attempt, response, self._clock.now(), self._clock.random)
            reason = f"status {response.status_code}"
        else:
            if not may_repeat_after(request, None, error):
                return None
            wait = policy.backoff(attempt, self._clock.random)
            reason = type(error).__name__
        log.info(
            "retrying %s %s after %s in %.2fs (retry %d of %d)",
            request.method,
            request.url.path,
            reason,
            wait,
            attempt,
            policy.max_retries,
        )
        return wait

    def _check_caller_deadline(self, request: httpx.Request, wait: float) -> None:
        """No retry wait may run past the caller's deadline (runs.wait, watch): stop here instead."""
        caller = request.extensions.get(DEADLINE_EXTENSION)
        if isinstance(caller, _NUMBER) and self._clock.monotonic() + wait >= caller:
            raise DeadlineReached("the caller's deadline comes before the next attempt", request=request)

    def _reader(self, request: httpx.Request, response: httpx.Response) -> BoundedReader:
        # a body an inner transport already read (MockTransport) is decoded already
        encoding = "" if _already_read(response) else response.headers.get("content-encoding", "")
        return BoundedReader(encoding, self._limit(request), _deadline.current())

    @staticmethod
    def _body_error(request: httpx.Request, exc: Exception) -> Exception:
        """Our error for a body that could not be read within the rules."""
        if isinstance(exc, BodyTooLarge):
            return ResponseTooLargeError(
                f"{request.method} {request.url.path} answered more than {exc.limit} bytes; refused "
                "(raise max_response_bytes / max_download_bytes on the client if this is expected)",
                method=request.method,
                url=_url(request),
                limit=exc.limit,
            )
        if isinstance(exc, BodyDeadline):
            return httpx.ReadTimeout("the attempt's deadline passed while reading the body", request=request)
        return UnreadableResponseError(
            f"{request.method} {request.url.path}: {exc}", method=request.method, url=_url(request)
        )

    @staticmethod
    def _answer(request: httpx.Request, response: httpx.Response, body: bytes, attempt: int) -> httpx.Response:
        """The response handed back: the decoded body, so nothing downstream decodes it again."""
        headers: Any = response.headers
        if "content-encoding" in headers:
            headers = [(k, v) for k, v in headers.multi_items() if k not in ("content-encoding", "content-length")]
        extensions = {**response.extensions, ATTEMPTS_EXTENSION: attempt}
        # a ready byte stream: httpx reads it without re-encoding the body or re-checking headers
        return httpx.Response(
            response.status_code, headers=headers, stream=httpx.ByteStream(body), request=request, extensions=extensions
        )

    def _limit(self, request: httpx.Request) -> int:
        return int(request.extensions.get(MAX_BODY_EXTENSION, self._max_response_bytes))

    def _capped(self, request: httpx.Request, response: httpx.Response, kind: type) -> bool:
        """A plain body (unread, uncompressed) behind a CappedStream: httpx reads it in place, capped."""
        if not isinstance(response.stream, kind) or response.is_stream_consumed:
            return False  # a stream of the other kind is refused by httpx's own read, as before
        if response.headers.get_list("content-encoding"):
            return False
        response.stream = CappedStream(response.stream, self._limit(request), _deadline.current())
        return True

    def _read(self, request: httpx.Request, response: httpx.Response, attempt: int, started: float) -> httpx.Response:
        response.extensions = {**response.extensions, ATTEMPTS_EXTENSION: attempt}
        if request.extensions.get(STREAM_EXTENSION):
            return response
        try:
            if self._capped(request, response, httpx.SyncByteStream):
                response.read()
                response.elapsed = timedelta(0, time.perf_counter() - started)
                return response
            reader = self._reader(request, response)
            for chunk in _already_read(response) or response.iter_raw():
                reader.feed(chunk)
            body = reader.result()
        except (BodyTooLarge, BodyDeadline, UnreadableBody) as exc:
            error = self._body_error(request, exc)
        else:
            return self._answer(request, response, body, attempt)
        finally:
            response.close()
        raise error

    async def _aread(
        self, request: httpx.Request, response: httpx.Response, attempt: int, started: float
    ) -> httpx.Response:
        response.extensions = {**response.extensions, ATTEMPTS_EXTENSION: attempt}
        if request.extensions.get(STREAM_EXTENSION):
            return response
        try:
            if self._capped(request, response, httpx.AsyncByteStream):
                await response.aread()
                response.elapsed = timedelta(0, time.perf_counter() - started)
                return response
            reader = self._reader(request, response)
            already = _already_read(response)
            if already:
                reader.feed(already[0])
            else:
                async for chunk in response.aiter_raw():
                    reader.feed(chunk)
            body = reader.result()
        except (BodyTooLarge, BodyDeadline, UnreadableBody) as exc:
            error = self._body_error(request, exc)
        else:
            return self._answer(request, response, body, attempt)
        finally:
            await response.aclose()
        raise error

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._inner
        if not isinstance(inner, httpx.BaseTransport):
            raise TypeError("this transport wraps an async transport; use an httpx.AsyncClient")
        policy = self._policy_for(request)
        started = time.perf_counter()  # httpx's own `elapsed` starts here too
        attempt = 0
        while True:
            attempt += 1
            token = _deadline.set_deadline(self._attempt_deadline(request))
            try:
                response = inner.handle_request(request)
                wait = self._next_wait(request, policy, attempt, response, None)
                if wait is None:
                    return self._read(request, response, attempt, started)
                response.close()
            except httpx.TransportError as exc:
                wait = self._next_wait(request, policy, attempt, None, exc)
                if wait is None:
                    raise
            finally:
                _deadline.reset(token)
            self._check_caller_deadline(request, wait)
            self._clock.sleep(wait)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._inner
        if not isinstance(inner, httpx.AsyncBaseTransport):
            raise TypeError("this transport wraps a sync transport; use an httpx.AsyncClient")
        policy = self._policy_for(request)
        started = time.perf_counter()  # httpx's own `elapsed` starts here too
        attempt = 0
        while True:
            attempt += 1
            token = _deadline.set_deadline(self._attempt_deadline(request))
            try:
                response = await inner.handle_async_request(request)
                wait = self._next_wait(request, policy, attempt, response, None)
                if wait is None:
                    return await self._aread(request, response, attempt, started)
                await response.aclose()
            except httpx.TransportError as exc:
                wait = self._next_wait(request, policy, attempt, None, exc)
                if wait is None:
                    raise
            finally:
                _deadline.reset(token)
            self._check_caller_deadline(request, wait)
            await self._clock.async_sleep(wait)

    def close(self) -> None:
        if isinstance(self._inner, httpx.BaseTransport):
            self._inner.close()

    async def aclose(self) -> None:
        if isinstance(self._inner, httpx.AsyncBaseTransport):
            await self._inner.aclose()

    def __repr__(self) -> str:
        return f"RetryTransport(policy={self._policy!r})"


def _already_read(response: httpx.Response) -> list[bytes]:
    """[the decoded body] when the inner transport handed back a response already read, else []."""
    try:
        return [response.content]
    except httpx.ResponseNotRead:
        return []


def _url(request: httpx.Request) -> str:
    return str(request.url.copy_with(username=None, password=None, query=None))


def check_presigned_url(url: str, base_url: httpx.URL) -> httpx.URL:
    """A storage URL from the server: http(s) only, and https whenever the API itself is https.

    Anything else is refused before a request is made, as a malformed answer (never retried).
    """

    def refuse(problem: str) -> ResponseValidationError:
        return ResponseValidationError(
            f"the server sent a storage URL that is not used: {problem}",
            status_code=200,
            body=url,
            method="GET",
            url=str(base_url),
        )

    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise refuse(str(exc)) from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise refuse(f"scheme {parsed.scheme!r} (only http and https)")
    if base_url.scheme == "https" and parsed.scheme != "https":
        raise refuse("plain HTTP while the API is HTTPS")
    return parsed


def finite_seconds(value: Any, argument: str, *, allow_zero: bool = False) -> float:
    """A finite, positive number of seconds (zero too with allow_zero); refuses NaN and infinity."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidInputError(f"{argument} must be a number of seconds, got {type(value).__name__}")
    seconds = float(value)
    if not math.isfinite(seconds) or seconds < 0 or (seconds == 0 and not allow_zero):
        accepted = "a finite number >= 0" if allow_zero else "a finite number > 0"
        raise InvalidInputError(f"{argument}={value!r} must be {accepted} of seconds")
    return seconds


class OriginBearerAuth(httpx.Auth):
    """Adds `Authorization: Bearer <key>` only to requests for the API's own origin.

    Presigned storage URLs and any other host never see the key, even when a caller passes a full
    URL to the same client, and an operation whose spec `security` is empty (timezones, waitpoint
    callbacks) goes without it.
    """

    ANONYMOUS = "trigger_facade.anonymous"

    def __init__(self, key: str, base_url: httpx.URL) -> None:
        self._header = f"Bearer {key}"
        self._origin = (base_url.scheme, base_url.host, base_url.port)

    def authorize(self, request: httpx.Request) -> None:
        """Set the key on `request`, or take it off: it needs no I/O and no answer."""
        url, extensions = request.url, request.extensions
        operation = OPERATIONS.get(str(extensions.get(OPERATION_EXTENSION, "")))
        anonymous = extensions.get(self.ANONYMOUS) or (operation is not None and operation.anonymous)
        if (url.scheme, url.host, url.port) == self._origin and not anonymous:
            request.headers["Authorization"] = self._header
        else:
            request.headers.pop("Authorization", None)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        self.authorize(request)
        yield request

    # what httpx's clients call; the inherited ones would run auth_flow inside a second generator
    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        self.authorize(request)
        yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        self.authorize(request)
        yield request

    def __repr__(self) -> str:
        return "OriginBearerAuth(<redacted>)"
