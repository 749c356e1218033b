"""Issue 11.2: what is read is bounded, decompressed size included, for API answers and downloads."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import textwrap
import zlib
from collections.abc import Iterator

import pytest

from trigger_facade import ResponseTooLargeError, TriggerClient, UnreadableResponseError

from .harness import KEY, exercise, raised, run_json
from .server import answer, chunked, hostile_server

MiB = 1024 * 1024


def zeros(total: int, piece: int = MiB) -> Iterator[bytes]:
    block = b"0" * piece
    for _ in range(total // piece):
        yield block


def gzip_bomb(inflated: int) -> bytes:
    """`inflated` bytes of zeros, gzip-compressed (about a thousandth of that)."""
    out = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"0" * MiB
    parts = [out.compress(block) for _ in range(inflated // MiB)]
    parts.append(out.flush())
    return b"".join(parts)


def test_an_endless_answer_stops_at_the_cap(mode: str) -> None:
    route = {("GET", "/api/v3/runs/run_1"): chunked(zeros(1024 * MiB))}
    with hostile_server(route) as server:
        error = raised(mode, lambda c: c.runs.retrieve("run_1"), base_url=server.url, max_response_bytes=2 * MiB)
    assert isinstance(error, ResponseTooLargeError)
    assert error.limit == 2 * MiB


def test_a_gzip_bomb_stops_at_the_cap(mode: str) -> None:
    bomb = gzip_bomb(256 * MiB)
    assert len(bomb) < 2 * MiB
    route = {("GET", "/api/v3/runs/run_1"): answer(200, bomb, {"content-encoding": "gzip"})}
    with hostile_server(route) as server:
        error = raised(mode, lambda c: c.runs.retrieve("run_1"), base_url=server.url, max_response_bytes=4 * MiB)
    assert isinstance(error, ResponseTooLargeError)


def test_gzip_within_the_cap_is_read(mode: str) -> None:
    body = gzip.compress(run_json().encode())
    route = {
        ("GET", "/api/v3/runs/run_1"): answer(
            200, body, {"content-encoding": "gzip", "content-type": "application/json"}
        )
    }
    with hostile_server(route) as server:
        got = exercise(mode, lambda c: c.runs.retrieve("run_1"), base_url=server.url)
    assert got.status == "QUEUED"
    assert server.seen[0].headers["accept-encoding"] == "gzip, deflate"


def test_an_encoding_not_asked_for_is_refused(mode: str) -> None:
    route = {("GET", "/api/v3/runs/run_1"): answer(200, b"\x00\x01", {"content-encoding": "br"})}
    with hostile_server(route) as server:
        error = raised(mode, lambda c: c.runs.retrieve("run_1"), base_url=server.url)
    assert isinstance(error, UnreadableResponseError)


def test_presigned_downloads_have_their_own_cap(mode: str) -> None:
    with hostile_server() as server:
        stored = run_json(status="COMPLETED", outputPresignedUrl=f"{server.url}/storage/out")
        server.routes[("GET", "/api/v3/runs/run_1")] = answer(
            200, stored.encode(), {"content-type": "application/json"}
        )
        server.routes[("GET", "/storage/out")] = chunked(zeros(64 * MiB))
        error = raised(mode, lambda c: c.runs.retrieve("run_1"), base_url=server.url, max_download_bytes=3 * MiB)
    assert isinstance(error, ResponseTooLargeError)
    assert error.limit == 3 * MiB


def test_byte_limits_are_checked() -> None:
    with pytest.raises(ValueError, match="max_response_bytes"):
        TriggerClient(secret_key=KEY, max_response_bytes=10, environ={})


RSS_PROBE = textwrap.dedent(
    """
    import json, resource, sys
    sys.path[:0] = {paths!r}
    from tests.hostile.server import hostile_server, chunked, answer
    from tests.hostile.test_bounds import zeros, gzip_bomb, MiB
    from trigger_facade import TriggerClient, ResponseTooLargeError
    kind = sys.argv[1]
    bomb = gzip_bomb(1024 * MiB) if kind == "gzip" else None
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    route = chunked(zeros(1024 * MiB)) if kind == "plain" else answer(200, bomb, {{"content-encoding": "gzip"}})
    with hostile_server({{("GET", "/api/v3/runs/run_1"): route}}) as server:
        with TriggerClient(secret_key="tr_dev_x", base_url=server.url, environ={{}}) as client:
            try:
                client.runs.retrieve("run_1")
            except ResponseTooLargeError:
                pass
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({{"growth_mib": (after - before) / 1024}}))
    """
)


@pytest.mark.parametrize("kind", ["plain", "gzip"])
def test_rss_growth_under_a_1_gib_answer_is_the_cap_not_the_body(kind: str) -> None:
    """Measured in a subprocess with the default 64 MiB cap: growth stays near the cap."""
    code = RSS_PROBE.format(paths=sys.path)
    out = subprocess.run([sys.executable, "-c", code, kind], capture_output=True, text=True, check=True, timeout=240)
    growth = json.loads(out.stdout.strip().splitlines()[-1])["growth_mib"]
    print(f"RSS growth under a 1 GiB {kind} answer: {growth:.1f} MiB")
    assert growth < 200, growth
