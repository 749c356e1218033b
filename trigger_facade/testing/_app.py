"""The app: one request in, one response out, in the server's order.

Faults first (an injected 5xx or 429 does no work), then the rate-limit middleware on `/api/*`
(W12), then the route: authentication, the handler, and its answer. Runs move before every
request, as they would have while no one was looking.
"""

from __future__ import annotations

import time

import httpx

from ._auth import authenticate, bearer
from ._faults import Faults
from ._lifecycle import progress
from ._ratelimit import TokenBucket, batch_429, general_429, is_limited, limit_headers, missing_authorization
from ._router import Call, Router
from ._state import State
from ._wire import ApiError, Reply, html_not_found, json_response, reply_response
from .routes import ALL_ROUTES
from .routes.packets import STORAGE_PREFIX, storage

CREATE_BATCH = "/api/v3/batches"


class App:
    def __init__(
        self, state: State, faults: Faults, rate_limit: TokenBucket, batch_rate_limit: TokenBucket | None
    ) -> None:
        self.state = state
        self.faults = faults
        self.rate_limit = rate_limit
        self.batch_rate_limit = batch_rate_limit
        self.router = Router(ALL_ROUTES)

    def answer(self, request: httpx.Request) -> httpx.Response:
        if self.faults.latency:
            time.sleep(self.faults.latency)
        raw_path = request.url.raw_path.split(b"?")[0].decode()
        if raw_path.startswith(STORAGE_PREFIX):
            return storage(self.state, request, raw_path[len(STORAGE_PREFIX) :])
        state = self.state
        with state.lock:
            state.requests_seen += 1
            now = state.now()
            limited = is_limited(raw_path)
            fault = self.faults.before(limited=limited)
            if fault == "5xx":
                return json_response(503, {"error": "Service temporarily unavailable (injected)"})
            headers: dict[str, str] = {}
            if limited:
                if not request.headers.get("authorization"):
                    return missing_authorization()
                if fault == "429":
                    return self.injected_429(request, raw_path, now)
                allowed, remaining, reset = self.rate_limit.take(request.headers["authorization"], now)
                if not allowed:
                    return general_429(self.rate_limit.burst, remaining, reset, now)
                headers = limit_headers(self.rate_limit.burst, remaining, reset)
            progress(state)
            response, bare = self.dispatch(request, raw_path, now)
            if not bare:
                for name, value in headers.items():
                    response.headers.setdefault(name, value)
            return response

    def injected_429(self, request: httpx.Request, raw_path: str, now: float) -> httpx.Response:
        """An injected 429 in the shape the route's own limiter gives."""
        reset = now + self.faults.rate_limit_retry_after
        if request.method == "POST" and raw_path == CREATE_BATCH:
            limit = self.batch_rate_limit.burst if self.batch_rate_limit is not None else 0
            reply = batch_429(limit, 0, reset, now, items=1)
            return json_response(reply.status, reply.body, reply.headers)
        return general_429(self.rate_limit.burst, 0, reset, now)

    def dispatch(self, request: httpx.Request, raw_path: str, now: float) -> tuple[httpx.Response, bool]:
        """The route's answer, and whether it goes out without the rate limiter's headers."""
        found = self.router.match(request.method, raw_path)
        if found is None:
            return html_not_found(), False
        route, params = found
        try:
            principal = authenticate(request, route.access, self.state.config, now=now)
            call = Call(request, principal, self.state)
            limited = self.batch_limit(call) if raw_path == CREATE_BATCH else None
            reply = limited or route.handler(call, **params)
        except ApiError as exc:
            return json_response(exc.status, exc.body, exc.headers), exc.bare
        finally:
            self.state.changed.notify_all()
        return reply_response(reply), reply.bare

    def batch_limit(self, call: Call) -> Reply | None:
        """Create-batch's item limiter: each batch costs its runCount (W12)."""
        if self.batch_rate_limit is None:
            return None
        count = call.body().get("runCount")
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            return None  # the route refuses it
        allowed, remaining, reset = self.batch_rate_limit.take(bearer(call.request), call.now(), cost=count)
        if allowed:
            return None
        return batch_429(self.batch_rate_limit.burst, remaining, reset, call.now(), items=count)
