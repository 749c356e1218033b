"""The one transport: retries for sync and async alike, with the policy in _retry.

It wraps httpx's own transports (or a test's MockTransport), so `client.raw` calls get the same
retries. The request is re-sent as it is, so its request-idempotency key stays the same on every
attempt and the server can answer a repeated trigger with the run it already made.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

from ._retry import SYSTEM_CLOCK, Clock, RetryPolicy, delay_for_response, should_retry_status

log = logging.getLogger("trigger_facade")

POLICY_EXTENSION = "trigger_facade.retry_policy"
ATTEMPTS_EXTENSION = "trigger_facade.attempts"


class RetryTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    def __init__(
        self,
        inner: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
        *,
        policy: RetryPolicy | None = None,
        clock: Clock = SYSTEM_CLOCK,
        async_mode: bool = False,
    ) -> None:
        if inner is None:
            inner = httpx.AsyncHTTPTransport() if async_mode else httpx.HTTPTransport()
        self._inner = inner
        self._policy = policy or RetryPolicy()
        self._clock = clock

    def _policy_for(self, request: httpx.Request) -> RetryPolicy:
        policy = request.extensions.get(POLICY_EXTENSION)
        return policy if isinstance(policy, RetryPolicy) else self._policy

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
            if not should_retry_status(response):
                return None
            wait = delay_for_response(policy, attempt, response, self._clock.now(), self._clock.random)
            reason = f"status {response.status_code}"
        else:
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

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._inner
        if not isinstance(inner, httpx.BaseTransport):
            raise TypeError("this transport wraps an async transport; use an httpx.AsyncClient")
        policy = self._policy_for(request)
        attempt = 0
        while True:
            attempt += 1
            try:
                response = inner.handle_request(request)
            except httpx.TransportError as exc:
                wait = self._next_wait(request, policy, attempt, None, exc)
                if wait is None:
                    raise
                self._clock.sleep(wait)
                continue
            wait = self._next_wait(request, policy, attempt, response, None)
            if wait is None:
                response.extensions = {**response.extensions, ATTEMPTS_EXTENSION: attempt}
                return response
            response.read()
            response.close()
            self._clock.sleep(wait)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._inner
        if not isinstance(inner, httpx.AsyncBaseTransport):
            raise TypeError("this transport wraps a sync transport; use an httpx.Client")
        policy = self._policy_for(request)
        attempt = 0
        while True:
            attempt += 1
            try:
                response = await inner.handle_async_request(request)
            except httpx.TransportError as exc:
                wait = self._next_wait(request, policy, attempt, None, exc)
                if wait is None:
                    raise
                await self._clock.async_sleep(wait)
                continue
            wait = self._next_wait(request, policy, attempt, response, None)
            if wait is None:
                response.extensions = {**response.extensions, ATTEMPTS_EXTENSION: attempt}
                return response
            await response.aread()
            await response.aclose()
            await self._clock.async_sleep(wait)

    def close(self) -> None:
        if isinstance(self._inner, httpx.BaseTransport):
            self._inner.close()

    async def aclose(self) -> None:
        if isinstance(self._inner, httpx.AsyncBaseTransport):
            await self._inner.aclose()

    def __repr__(self) -> str:
        return f"RetryTransport(policy={self._policy!r})"


class OriginBearerAuth(httpx.Auth):
    """Adds `Authorization: Bearer <key>` only to requests for the API's own origin.

    Presigned storage URLs and any other host never see the key, even when a caller passes a full
    URL to the same client, and a request marked anonymous (timezones, callbacks) goes without it.
    """

    ANONYMOUS = "trigger_facade.anonymous"

    def __init__(self, key: str, base_url: httpx.URL) -> None:
        self._header = f"Bearer {key}"
        self._origin = (base_url.scheme, base_url.host, base_url.port)

    def auth_flow(self, request: httpx.Request) -> Any:
        same_origin = (request.url.scheme, request.url.host, request.url.port) == self._origin
        if same_origin and not request.extensions.get(self.ANONYMOUS):
            request.headers["Authorization"] = self._header
        else:
            request.headers.pop("Authorization", None)
        yield request

    def __repr__(self) -> str:
        return "OriginBearerAuth(<redacted>)"
