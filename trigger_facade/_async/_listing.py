"""Lists: one lazy paginator over any generated list operation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from trigger_api.types import UNSET

from .. import _validate as check
from .._base import AsyncResource
from ..models import Page
from .paginators import AsyncPaginator

T = TypeVar("T")


class AsyncListingResource(AsyncResource):
    def _paginate(
        self,
        build: Callable[..., dict[str, Any]],
        parse: Callable[[Any], Page[T]],
        *,
        cursor: str,
        limit: int | None,
        params: dict[str, Any],
    ) -> AsyncPaginator[T]:
        """Pages of `build` with `params`; `cursor` names the operation's position argument
        ("pageafter" for cursor pages, "page" for offset pages). Nothing is sent until iteration."""
        if limit is not None:
            check.int_in_range(limit, "limit", 0)

        async def fetch(position: Any) -> Page[T]:
            return await self._request(build, parse, **params, **{cursor: UNSET if position is None else position})

        return AsyncPaginator(fetch, limit=limit)

    def _paginate_each(
        self,
        build: Callable[..., dict[str, Any]],
        parse: Callable[[Any], Page[T]],
        *,
        cursor: str,
        limit: int | None,
        param_sets: list[dict[str, Any]],
    ) -> AsyncPaginator[T]:
        """One list made of several: every page of the first parameter set, then of the next..."""
        if limit is not None:
            check.int_in_range(limit, "limit", 0)

        async def fetch(position: Any) -> Page[T]:
            index, inner = position if position is not None else (0, None)
            page = await self._request(build, parse, **param_sets[index], **{cursor: UNSET if inner is None else inner})
            if page.next_cursor is not None:
                after: Any = (index, page.next_cursor)
            else:
                after = (index + 1, None) if index + 1 < len(param_sets) else None
            return Page(data=page.data, next_cursor=after, total_count=page.total_count)

        return AsyncPaginator(fetch, limit=limit)
