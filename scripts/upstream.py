"""The pinned upstream documents: which bytes, where to find them, how they are fetched and checked.

spec/upstream.lock names Trigger.dev's own OpenAPI documents at one commit of its repository, each
with its sha256. `locate` finds those bytes, in this order:

1. a folder the caller names (`UPSTREAM=dir`): its files must have the pinned sha256;
2. the local cache (`$TRIGGER_FACADE_CACHE`, else `$XDG_CACHE_HOME/trigger-facade`, else
   `~/.cache/trigger-facade`), where each document is stored as `upstream/<sha256>`;
3. a download from the pinned commit (the lock's `url`, or `$TRIGGER_FACADE_UPSTREAM_URL` for a
   mirror), checked against the sha256 before it is cached.

The documents never enter the repository: the merge keeps only their facts.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import tomllib
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "spec" / "upstream.lock"
URL_ENV = "TRIGGER_FACADE_UPSTREAM_URL"
CACHE_ENV = "TRIGGER_FACADE_CACHE"
# The documents are a few hundred KiB; anything far larger is not them.
MAX_BYTES = 16 * 1024 * 1024
DOWNLOAD_TIMEOUT = 10.0
_HEX40 = re.compile(r"[0-9a-f]{40}")
_HEX64 = re.compile(r"[0-9a-f]{64}")


class UpstreamError(Exception):
    """The pinned documents cannot be used; the message says why. Never a reason to skip a check."""


class UpstreamUnavailable(UpstreamError):
    """Nothing to read: no folder given, nothing cached, and the download failed (e.g. no network)."""


class UpstreamMismatch(UpstreamError):
    """Bytes were found but are not the pinned ones; the message names the file and both sha256."""


@dataclass(frozen=True)
class PinnedFile:
    name: str  # the name the merge reads it under
    path: str  # its path inside the upstream repository
    sha256: str


@dataclass(frozen=True)
class Pin:
    repository: str
    commit: str
    url: str  # template with {repository}, {commit} and {path}
    files: tuple[PinnedFile, ...]

    def url_of(self, item: PinnedFile, template: str | None = None) -> str:
        return (template or self.url).format(repository=self.repository, commit=self.commit, path=item.path)


def read_lock(path: Path = LOCK) -> Pin:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    try:
        pin = Pin(
            repository=str(data["repository"]),
            commit=str(data["commit"]),
            url=str(data["url"]),
            files=tuple(PinnedFile(str(f["name"]), str(f["path"]), str(f["sha256"])) for f in data["file"]),
        )
    except (KeyError, TypeError) as exc:
        raise UpstreamError(f"{path}: needs repository, commit, url and [[file]] name/path/sha256 ({exc})") from exc
    if not _HEX40.fullmatch(pin.commit):
        raise UpstreamError(f"{path}: commit must be 40 lowercase hex digits, got {pin.commit!r}")
    for item in pin.files:
        if not _HEX64.fullmatch(item.sha256):
            raise UpstreamError(f"{path}: sha256 of {item.name} must be 64 lowercase hex digits")
    if len({f.name for f in pin.files}) != len(pin.files):
        raise UpstreamError(f"{path}: two files share a name")
    return pin


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if env.get(CACHE_ENV):
        return Path(env[CACHE_ENV])
    base = Path(env["XDG_CACHE_HOME"]) if env.get("XDG_CACHE_HOME") else Path.home() / ".cache"
    return base / "trigger-facade"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def from_folder(pin: Pin, folder: Path) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for item in pin.files:
        path = folder / item.name
        if not path.is_file():
            # a folder was named on purpose (CI names one): a missing file fails, it never skips
            raise UpstreamError(f"{path} is missing (UPSTREAM must be a folder holding the pinned files)")
        data = path.read_bytes()
        if sha256_of(data) != item.sha256:
            raise UpstreamMismatch(
                f"{path} has sha256 {sha256_of(data)}, spec/upstream.lock pins {item.sha256}; "
                "for a new upstream, put its commit and sha256 in spec/upstream.lock"
            )
        found[item.name] = data
    return found


def from_cache(pin: Pin, cache: Path) -> dict[str, bytes] | None:
    """All pinned documents from the cache, or None if any is absent. A corrupt entry is deleted."""
    found: dict[str, bytes] = {}
    for item in pin.files:
        path = cache / "upstream" / item.sha256
        if not path.is_file():
            return None
        data = path.read_bytes()
        if sha256_of(data) != item.sha256:
            path.unlink()
            return None
        found[item.name] = data
    return found


def download(pin: Pin, cache: Path, *, url: str | None = None, timeout: float = DOWNLOAD_TIMEOUT) -> dict[str, bytes]:
    """Fetch every pinned document, check its sha256, then cache it. Nothing unchecked is stored."""
    found: dict[str, bytes] = {}
    for item in pin.files:
        address = pin.url_of(item, url)
        data = _get(address, timeout)
        if sha256_of(data) != item.sha256:
            raise UpstreamMismatch(f"{address} has sha256 {sha256_of(data)}, spec/upstream.lock pins {item.sha256}")
        found[item.name] = data
    for item in pin.files:
        _store(cache / "upstream" / item.sha256, found[item.name])
    return found


def locate(
    folder: Path | None = None,
    *,
    allow_download: bool = True,
    pin: Pin | None = None,
    environ: Mapping[str, str] | None = None,
) -> dict[str, bytes]:
    """The pinned documents by name: from `folder`, else the cache, else (if allowed) a download."""
    pin = pin or read_lock()
    if folder is not None:
        return from_folder(pin, folder)
    env = os.environ if environ is None else environ
    cache = cache_dir(env)
    cached = from_cache(pin, cache)
    if cached is not None:
        return cached
    if not allow_download:
        raise UpstreamUnavailable(f"no UPSTREAM folder and nothing cached in {cache / 'upstream'}")
    try:
        return download(pin, cache, url=env.get(URL_ENV) or None)
    except UpstreamUnavailable as exc:
        raise UpstreamUnavailable(f"no UPSTREAM folder, nothing cached, and the download failed: {exc}") from exc


def _get(address: str, timeout: float) -> bytes:
    if not address.startswith(("https://", "http://")):
        raise UpstreamUnavailable(f"{address}: only http(s) URLs are fetched")
    request = urllib.request.Request(address, headers={"User-Agent": "trigger-facade-merge-spec"})  # noqa: S310 (scheme checked above)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (scheme checked above)
            data: bytes = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise UpstreamUnavailable(f"{address}: HTTP {exc.code}") from exc
    except urllib.error.URLError as exc:
        raise UpstreamUnavailable(f"{address}: {exc.reason}") from exc
    except (OSError, TimeoutError) as exc:
        raise UpstreamUnavailable(f"{address}: {exc}") from exc
    if len(data) > MAX_BYTES:
        raise UpstreamUnavailable(f"{address}: larger than {MAX_BYTES} bytes")
    return data


def _store(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so a reader never sees half a document."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
