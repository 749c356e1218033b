"""One paginator for cursor and offset pages. Iterating it walks every page lazily.

The async twin (AsyncPaginator) is derived from this file by scripts/gen_async.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

from ._types import PageFetcher
from .errors import PaginationLoopError
from .models import Page

T = TypeVar("T")


def cursor_page(parse_item: Callable[[Any], T]) -> Callable[[Any], Page[T]]:
    """A parser of cursor pages: {data: [...], pagination: {next?, previous?}}."""

    def parse(data: Any) -> Page[T]:
        if not isinstance(data, dict) or not isinstance(data.get("data"), list):
            raise TypeError("expected {data: [...], pagination: {...}}")
        pagination = data.get("pagination") or {}
        return Page(
            data=[parse_item(item) for item in data["data"]],
            next_cursor=pagination.get("next"),
            previous_cursor=pagination.get("previous"),
        )

    return parse


def offset_page(parse_item: Callable[[Any], T]) -> Callable[[Any], Page[T]]:
    """A parser of offset pages: {data: [...], pagination: {currentPage, totalPages, count}}."""

    def parse(data: Any) -> Page[T]:
        if not isinstance(data, dict) or not isinstance(data.get("data"), list):
            raise TypeError("expected {data: [...], pagination: {...}}")
        pagination = data.get("pagination") or {}
        current, total = int(pagination.get("currentPage", 1)), int(pagination.get("totalPages", 1))
        return Page(
            data=[parse_item(item) for item in data["data"]],
            next_cursor=current + 1 if current < total else None,
            previous_cursor=current - 1 if current > 1 else None,
            total_count=pagination.get("count"),
        )

    return parse


class SyncPaginator(Generic[T]):
    """`for item in paginator` yields every item of every page; `.pages()` yields the pages.

    Nothing is fetched until iteration starts, and only one page is held at a time. Items that a
    page repeats from the page before (older servers repeat runs at page boundaries) are skipped.
    """

    def __init__(self, fetch: PageFetcher[T], *, limit: int | None = None) -> None:
        self._fetch = fetch
        self._limit = limit

    def pages(self) -> Iterator[Page[T]]:
        cursor: Any = None
        seen: set[str] = set()
        while True:
            page = self._fetch(cursor)
            yield page
            if page.next_cursor is None:
                return
            cursor = page.next_cursor
            # a server that hands back a cursor it gave before would page for ever
            marker = repr(cursor)
            if marker in seen:
                raise PaginationLoopError(f"the server repeated the page cursor {marker[:80]}; stopped paging")
            seen.add(marker)

    def __iter__(self) -> Iterator[T]:
        remaining = self._limit
        previous_ids: frozenset[str] = frozenset()
        for page in self.pages():
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

    def first_page(self) -> Page[T]:
        """Only the first page (one request)."""
        return self._fetch(None)

    def to_list(self) -> list[T]:
        """Every item (careful with large result sets)."""
        return [item for item in self]
