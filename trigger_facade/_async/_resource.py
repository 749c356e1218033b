"""What every resource stands on: the client's state and httpx client, and the few methods that do I/O.

A resource method checks its arguments, then sends one generated operation (`_call`, `_request`),
runs one flow (`_run`) or hands out the items of one feed (`_feed`); every request goes through
`_send`, so retries, deadlines, the answer's checks and the error mapping are the same for all.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import httpx

from .._base import check_response, connection_error, operation_request, operation_request_within, parse_response
from ..flows import Feed, Flow, arun_feed, arun_flow

if TYPE_CHECKING:
    from ..client_state import ClientState

P = ParamSpec("P")
T = TypeVar("T")


class AsyncResource:
    def __init__(self, state: ClientState, http: httpx.AsyncClient) -> None:
        self._state = state
        self._http = http

    async def _send(self, request: httpx.Request) -> httpx.Response:
        """Send one request through the client's stack; the checked 2xx response (errors raise)."""
        try:
            response = await self._http.send(request)
        except httpx.TransportError as exc:
            # raised outside the `except`, so the error carries no transport exception as its context
            error = connection_error(exc, request)
        else:
            return check_response(response, self._state.clock.now())
        raise error

    async def _call(self, build: Callable[P, dict[str, Any]], /, *args: P.args, **kwargs: P.kwargs) -> httpx.Response:
        """Send one generated operation; the 2xx response (errors raise)."""
        return await self._send(operation_request(self._state, self._http, build, *args, **kwargs))

    async def _request(
        self,
        build: Callable[P, dict[str, Any]],
        parse: Callable[[Any], T],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Send one generated operation and parse its 2xx body."""
        return parse_response(await self._call(build, *args, **kwargs), parse)

    async def _request_within(
        self,
        deadline: float | None,
        build: Callable[P, dict[str, Any]],
        parse: Callable[[Any], T],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """`_request` whose attempts and retry waits all end by `deadline` (time.monotonic())."""
        built = operation_request_within(self._state, self._http, deadline, build, *args, **kwargs)
        return parse_response(await self._send(built), parse)

    async def _sleep(self, seconds: float) -> None:
        await self._state.clock.async_sleep(seconds)

    async def _run(self, flow: Flow[T]) -> T:
        """Run a flow: its requests go through `_send`, its sleeps on the client's clock."""
        return await arun_flow(flow, self._send, self._sleep)

    def _feed(self, feed: Feed[T]) -> AsyncIterator[T]:
        """Run a feed, handing out its items as they come: its requests go through `_send`."""
        return arun_feed(feed, self._send, self._sleep)
