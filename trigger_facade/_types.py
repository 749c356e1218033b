"""Type aliases whose sync and async forms differ (scripts/unasync.py swaps the sync ones in)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeAlias, TypeVar

from .models import Page

T = TypeVar("T")

PageFetcher: TypeAlias = Callable[[Any], Page[T]]
AsyncPageFetcher: TypeAlias = Callable[[Any], Awaitable[Page[T]]]

# a resource's `_request`: (build, parse, /, **arguments) -> the parsed answer
Caller: TypeAlias = Callable[..., Any]
AsyncCaller: TypeAlias = Callable[..., Awaitable[Any]]
