"""One paginator for cursor and offset pages. Iterating it walks every page lazily."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any, Generic, TypeVar

from trigger_api.types import UNSET

from .. import _validate as check
from .._types import AsyncCaller, AsyncPageFetcher
from ..errors import PaginationLoopError
from ..models import Page

T = TypeVar("T")


class AsyncPaginator(Generic[T]):
    """`for item in paginator` yields every item of every page; `.pages()` yields the pages.

    Nothing is fetched until iteration starts, and only one page is held at a time. Items that a
    page repeats from the page before (older servers repeat runs at page boundaries) are skipped.
    """

    def __init__(self, fetch: AsyncPageFetcher[T], *, limit: int | None = None) -> None:
        self._fetch = fetch
        self._limit = limit

    async def pages(self) -> AsyncIterator[Page[T]]:
        cursor: Any = None
        seen: set[str] = set()
        while True:
            page = await self._fetch(cursor)
            yield page
            if page.next_cursor is None:
                return
            cursor = page.next_cursor
            # a server that hands back a cursor it gave before would page for ever
            marker = repr(cursor)
            if marker in seen:
                raise PaginationLoopError(f"the server repeated the page cursor {marker[:80]}; stopped paging")
            seen.add(marker)

    async def __aiter__(self) -> AsyncIterator[T]:
        remaining = self._limit
        previous_ids: frozenset[str] = frozenset()
        async for page in self.pages():
            page_ids = []
            for item in page.data:
                item_id = getattr(item, "id", None)
                if isinstance(item_id, str):
                    if item_id in previous_ids:
                        continue
                    page_ids.append(item_id)
                if remaining is not None:
                    if remaining <= 0:
                        return
                    remaining -= 1
                yield item
            previous_ids = frozenset(page_ids)
            if remaining is not None and remaining <= 0:
                return

    async def first_page(self) -> Page[T]:
        """Only the first page (one request)."""
        return await self._fetch(None)

    async def to_list(self) -> list[T]:
        """Every item (careful with large result sets)."""
        return [item async for item in self]


def paginate(
    caller: AsyncCaller,
    build: Callable[..., dict[str, Any]],
    parse: Callable[[Any], Page[T]],
    *,
    cursor: str,
    limit: int | None,
    params: dict[str, Any],
) -> AsyncPaginator[T]:
    """Pages of `build` with `params`, each sent with `caller` (a resource's `_request`); `cursor`
    names the operation's position argument ("pageafter" for cursor pages, "page" for offset
    pages). Nothing is sent until iteration."""
    if limit is not None:
        check.int_in_range(limit, "limit", 0)

    async def fetch(position: Any) -> Page[T]:
        page: Page[T] = await caller(build, parse, **params, **{cursor: UNSET if position is None else position})
        return page

    return AsyncPaginator(fetch, limit=limit)


def paginate_each(
    caller: AsyncCaller,
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
        page: Page[T] = await caller(build, parse, **param_sets[index], **{cursor: UNSET if inner is None else inner})
        if page.next_cursor is not None:
            after: Any = (index, page.next_cursor)
        else:
            after = (index + 1, None) if index + 1 < len(param_sets) else None
        return Page(data=page.data, next_cursor=after, total_count=page.total_count)

    return AsyncPaginator(fetch, limit=limit)
