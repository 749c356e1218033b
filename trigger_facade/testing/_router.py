"""Routes: a method, a path template, who may call it, and the function that answers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

import httpx

from ._auth import Access, Principal
from ._state import State
from ._wire import Reply, read_body

_PARAM = re.compile(r"\{(\w+)\}")


@dataclass
class Call:
    """One request as a route sees it: the request, the caller, and the fake's state."""

    request: httpx.Request
    principal: Principal | None
    state: State

    @property
    def params(self) -> httpx.QueryParams:
        return self.request.url.params

    def body(self) -> dict[str, Any]:
        return read_body(self.request)

    def now(self) -> float:
        return self.state.now()


Handler = Callable[..., Reply]


@dataclass(frozen=True)
class Route:
    method: str
    template: str
    handler: Handler
    access: Access = Access.ENV

    def pattern(self) -> re.Pattern[str]:
        return re.compile(_PARAM.sub(lambda m: f"(?P<{m.group(1)}>[^/]+)", self.template))


class Router:
    def __init__(self, routes: Iterable[Route]) -> None:
        self._table = [(route, route.pattern()) for route in routes]

    def match(self, method: str, raw_path: str) -> tuple[Route, dict[str, str]] | None:
        for route, pattern in self._table:
            if route.method != method:
                continue
            found = pattern.fullmatch(raw_path)
            if found:
                return route, {k: unquote(v) for k, v in found.groupdict().items()}
        return None

    def __len__(self) -> int:
        return len(self._table)
