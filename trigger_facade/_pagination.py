"""The page parsers: cursor and offset pages read into models.Page (the paginators that walk them
are in trigger_facade/_async/paginators.py and its sync rewrite)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

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
