"""scripts/upstream.py: the pinned documents are fetched, checked and cached; a wrong byte is refused.

The download is tested against a loopback HTTP server serving stand-in documents (tests never leave
the machine); the real URL is only checked as text.
"""

from __future__ import annotations

import hashlib
import socket
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from scripts import merge_spec, upstream

COMMIT = "0123456789abcdef0123456789abcdef01234567"
DOCS = {"v3-openapi.yaml": b"openapi: 3.0.0\n# primary\n", "openapi.yml": b"openapi: 3.0.0\n# secondary\n"}


def _pin(documents: dict[str, bytes], url: str = "http://unused/{commit}/{path}") -> upstream.Pin:
    files = tuple(
        upstream.PinnedFile(name, f"docs/{name}", hashlib.sha256(data).hexdigest()) for name, data in documents.items()
    )
    return upstream.Pin(repository="owner/repo", commit=COMMIT, url=url, files=files)


class Served:
    def __init__(self, root: Path, server: ThreadingHTTPServer) -> None:
        self.root = root
        self.paths: list[str] = []
        self.url = f"http://127.0.0.1:{server.server_address[1]}/{{commit}}/{{path}}"

    def publish(self, documents: dict[str, bytes]) -> None:
        for name, data in documents.items():
            target = self.root / COMMIT / "docs" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Served]:
    """A loopback server publishing files under tmp_path/www; `paths` records every GET."""
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    root = tmp_path / "www"
    root.mkdir()
    seen: list[str] = []

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(root), **kwargs)

        def do_GET(self) -> None:
            seen.append(self.path)
            super().do_GET()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    result = Served(root, server)
    result.paths = seen
    try:
        yield result
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_download_checks_then_caches_and_the_cache_is_used_next(served: Served, tmp_path: Path) -> None:
    served.publish(DOCS)
    pin = _pin(DOCS, served.url)
    cache = tmp_path / "cache"
    env = {upstream.CACHE_ENV: str(cache)}

    assert upstream.locate(pin=pin, environ=env) == DOCS
    assert sorted(served.paths) == sorted(f"/{COMMIT}/docs/{name}" for name in DOCS)
    for item in pin.files:
        assert (cache / "upstream" / item.sha256).read_bytes() == DOCS[item.name]

    served.paths.clear()
    assert upstream.locate(pin=pin, environ=env) == DOCS
    assert served.paths == []


def test_a_wrong_byte_is_refused_and_nothing_is_cached(served: Served, tmp_path: Path) -> None:
    served.publish({**DOCS, "openapi.yml": DOCS["openapi.yml"] + b" "})
    pin = _pin(DOCS, served.url)
    cache = tmp_path / "cache"
    wrong = hashlib.sha256(DOCS["openapi.yml"] + b" ").hexdigest()

    with pytest.raises(upstream.UpstreamMismatch, match=rf"openapi\.yml has sha256 {wrong}"):
        upstream.locate(pin=pin, environ={upstream.CACHE_ENV: str(cache)})
    assert not (cache / "upstream").exists()


def test_a_missing_document_is_unavailable_with_the_status(served: Served, tmp_path: Path) -> None:
    served.publish({"v3-openapi.yaml": DOCS["v3-openapi.yaml"]})
    pin = _pin(DOCS, served.url)
    with pytest.raises(upstream.UpstreamUnavailable, match=r"docs/openapi\.yml: HTTP 404"):
        upstream.locate(pin=pin, environ={upstream.CACHE_ENV: str(tmp_path / "cache")})


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_no_server_is_unavailable_and_no_download_means_no_request(tmp_path: Path) -> None:
    pin = _pin(DOCS, f"http://127.0.0.1:{_closed_port()}/{{commit}}/{{path}}")
    env = {upstream.CACHE_ENV: str(tmp_path / "cache")}
    with pytest.raises(upstream.UpstreamUnavailable, match="the download failed"):
        upstream.locate(pin=pin, environ=env)
    with pytest.raises(upstream.UpstreamUnavailable, match="nothing cached"):
        upstream.locate(pin=pin, environ=env, allow_download=False)


def test_a_corrupt_cache_entry_is_dropped_and_fetched_again(served: Served, tmp_path: Path) -> None:
    served.publish(DOCS)
    pin = _pin(DOCS, served.url)
    cache = tmp_path / "cache"
    entry = cache / "upstream" / pin.files[0].sha256
    entry.parent.mkdir(parents=True)
    entry.write_bytes(b"half a docu")
    assert upstream.locate(pin=pin, environ={upstream.CACHE_ENV: str(cache)}) == DOCS
    assert entry.read_bytes() == DOCS[pin.files[0].name]


def test_a_folder_wins_and_must_hold_the_pinned_bytes(served: Served, tmp_path: Path) -> None:
    pin = _pin(DOCS, served.url)
    folder = tmp_path / "upstream"
    folder.mkdir()
    for name, data in DOCS.items():
        (folder / name).write_bytes(data)
    assert upstream.locate(folder, pin=pin, environ={upstream.CACHE_ENV: str(tmp_path / "c")}) == DOCS
    assert served.paths == []

    (folder / "openapi.yml").write_bytes(b"changed")
    with pytest.raises(upstream.UpstreamMismatch, match=r"put its commit and sha256 in spec/upstream\.lock"):
        upstream.locate(folder, pin=pin)
    (folder / "openapi.yml").unlink()
    with pytest.raises(upstream.UpstreamError, match=r"openapi\.yml is missing") as missing:
        upstream.locate(folder, pin=pin)
    assert not isinstance(missing.value, upstream.UpstreamUnavailable)  # a named folder never means "skip"


def test_only_http_urls_are_fetched(tmp_path: Path) -> None:
    pin = _pin(DOCS, "file:///etc/{path}")
    with pytest.raises(upstream.UpstreamUnavailable, match="only http"):
        upstream.download(pin, tmp_path)


def test_the_lock_pins_the_trigger_dev_repository_by_commit_and_sha256() -> None:
    pin = upstream.read_lock()
    assert {f.name for f in pin.files} == {merge_spec.PRIMARY, merge_spec.SECONDARY}
    primary = next(f for f in pin.files if f.name == merge_spec.PRIMARY)
    assert pin.url_of(primary) == (
        "https://raw.githubusercontent.com/triggerdotdev/trigger.dev/"
        "b082e44389337dc6505d590737a6df70867cc8f4/docs/v3-openapi.yaml"
    )
    assert primary.sha256 == "5a7281dd54f7c0ce2fad0049f129b3f77481a9d958996b1db38d0fa95b13a545"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('repository = "a/b"\nurl = "u"\n', "needs repository, commit"),
        ('repository = "a/b"\ncommit = "main"\nurl = "u"\nfile = []\n', "commit must be 40"),
        (
            f'repository = "a/b"\ncommit = "{COMMIT}"\nurl = "u"\n[[file]]\nname = "x"\npath = "x"\nsha256 = "no"\n',
            "sha256 of x",
        ),
    ],
)
def test_a_malformed_lock_is_refused(tmp_path: Path, text: str, message: str) -> None:
    lock = tmp_path / "upstream.lock"
    lock.write_text(text, encoding="utf-8")
    with pytest.raises(upstream.UpstreamError, match=message):
        upstream.read_lock(lock)


def test_check_spec_skips_in_one_line_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(upstream.CACHE_ENV, str(tmp_path / "empty-cache"))
    monkeypatch.setenv(upstream.URL_ENV, f"http://127.0.0.1:{_closed_port()}/{{commit}}/{{path}}")

    assert merge_spec.main(["--check", "--skip-if-unavailable"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.count("\n") == 1
    assert out.startswith("merge_spec: drift check of openapi.yaml skipped: no UPSTREAM folder, nothing cached")

    assert merge_spec.main(["--check"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "the download failed" in err


def test_a_named_folder_without_the_documents_fails_even_when_skipping_is_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert merge_spec.main([str(tmp_path / "nowhere"), "--check", "--skip-if-unavailable"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "v3-openapi.yaml is missing" in err
