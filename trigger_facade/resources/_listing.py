"""Lists: one lazy paginator over any generated list operation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from trigger_api.types import UNSET

from .. import _validate as check
from .._base import SyncResource
from .._pagination import SyncPaginator
from ..models import Page

T = TypeVar("T")


class ListingResource(SyncResource):
    def _paginate(
        self,
        build: Callable[..., dict[str, Any]],
        parse: Callable[[Any], Page[T]],
        *,
        cursor: str,
        limit: int | None,
        params: dict[str, Any],
    ) -> SyncPaginator[T]:
        """Pages of `build` with `params`; `cursor` names the operation's position argument
        ("pageafter" for cursor pages, "page" for offset pages). Nothing is sent until iteration."""
        if limit is not None:
            check.int_in_range(limit, "limit", 0)

        def fetch(position: Any) -> Page[T]:
            return self._request(build, parse, **params, **{cursor: UNSET if position is None else position})

        return SyncPaginator(fetch, limit=limit)
