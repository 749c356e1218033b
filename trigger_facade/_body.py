"""Reading a response body within a size cap and a deadline, decompressed size included.

httpx decompresses a whole network chunk at once, so 64 KiB of a gzip bomb becomes 64 MB before
anyone can count it. Here the raw bytes are inflated with a `max_length`, so no more than the cap
(plus one byte, to notice the excess) is ever held. An uncompressed body is only counted as it
passes (CappedStream), so httpx reads it into the response it already has, without a copy.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import AsyncIterator, Iterable, Iterator

import httpx

# what we ask for: encodings this module can inflate within a cap
ACCEPT_ENCODING = "gzip, deflate"


class BodyTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"the body is larger than {limit} bytes")
        self.limit = limit


class BodyDeadline(Exception):
    pass


class UnreadableBody(Exception):
    pass


def _check_progress(seen: int, limit: int, deadline: float | None) -> None:
    """After a chunk: BodyDeadline if it came after `deadline` (time.monotonic()), BodyTooLarge if the
    `seen` bytes so far pass `limit` (the order BoundedReader checks in)."""
    if deadline is not None and time.monotonic() > deadline:
        raise BodyDeadline()
    if seen > limit:
        raise BodyTooLarge(limit)


def _inflater(encoding: str) -> zlib._Decompress | None:
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise UnreadableBody(f"the server sent content-encoding {encoding!r}, which was not asked for")


class BoundedReader:
    """Feed raw body chunks; `result()` gives the decoded body. Raises BodyTooLarge past `limit`
    decoded bytes and BodyDeadline once `deadline` (time.monotonic()) has passed."""

    def __init__(self, content_encoding: str, limit: int, deadline: float | None) -> None:
        self._encoding = content_encoding.strip().lower()
        self._inflater = _inflater(self._encoding)
        self._raw_deflate = False
        self._limit = limit
        self._deadline = deadline
        self._out = bytearray()

    def _take(self, data: bytes) -> None:
        self._out.extend(data)
        if len(self._out) > self._limit:
            raise BodyTooLarge(self._limit)

    def feed(self, chunk: bytes) -> None:
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise BodyDeadline()
        if self._inflater is None:
            self._take(chunk)
            return
        data = chunk
        while data:
            try:
                produced = self._inflater.decompress(data, self._limit - len(self._out) + 1)
            except zlib.error as exc:
                if self._encoding == "deflate" and not self._raw_deflate and not self._out:
                    # some servers send raw deflate without the zlib header (httpx allows it too)
                    self._raw_deflate = True
                    self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise UnreadableBody(f"the {self._encoding} body is corrupt: {exc}") from None
            self._take(produced)
            data = self._inflater.unconsumed_tail

    def result(self) -> bytes:
        if self._inflater is not None:
            self._take(self._inflater.flush())
        return bytes(self._out)


def read_bounded(raw: Iterable[bytes], content_encoding: str, limit: int, deadline: float | None) -> bytes:
    """The decoded body of `raw` chunks within `limit` bytes and `deadline`."""
    reader = BoundedReader(content_encoding, limit, deadline)
    for chunk in raw:
        reader.feed(chunk)
    return reader.result()


class CappedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """An identity-encoded body stream that fails past `limit` bytes or once `deadline` (time.monotonic())
    has passed, so httpx's own read of it stays within the rules."""

    def __init__(self, inner: httpx.SyncByteStream | httpx.AsyncByteStream, limit: int, deadline: float | None) -> None:
        self._inner = inner
        self._limit = limit
        self._deadline = deadline

    def __iter__(self) -> Iterator[bytes]:
        if not isinstance(self._inner, httpx.SyncByteStream):
            raise RuntimeError("Attempted to call a sync iterator on an async stream.")  # as httpx says it
        seen = 0
        for chunk in self._inner:
            seen += len(chunk)
            _check_progress(seen, self._limit, self._deadline)
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if not isinstance(self._inner, httpx.AsyncByteStream):
            raise RuntimeError("Attempted to call an async iterator on a sync stream.")
        seen = 0
        async for chunk in self._inner:
            seen += len(chunk)
            _check_progress(seen, self._limit, self._deadline)
            yield chunk

    def close(self) -> None:
        if isinstance(self._inner, httpx.SyncByteStream):
            self._inner.close()

    async def aclose(self) -> None:
        if isinstance(self._inner, httpx.AsyncByteStream):
            await self._inner.aclose()
