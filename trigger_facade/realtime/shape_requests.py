"""The requests of an Electric shape long poll: the reduced realtime header set and the query as the
SDK's URLSearchParams writes it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote_plus

from .._config import API_VERSION

ELECTRIC_VERSION = "1.0.0-beta.1"


def realtime_headers(*, branch: str | None = None, trigger_version: str | None = None) -> dict[str, str]:
    """The reduced header set of a realtime request, without Authorization (the client's auth adds it).

    No content-type, x-trigger-source or request-idempotency key: the SDK sends none of them here.
    `trigger_version` is the SDK's package version header; the server does not read it.
    """
    headers = {"x-trigger-electric-version": ELECTRIC_VERSION, "x-trigger-api-version": API_VERSION}
    if trigger_version is not None:
        headers["trigger-version"] = trigger_version
    if branch:
        headers["x-trigger-branch"] = branch
    return headers


def _form_encode(value: str) -> str:
    # what the SDK's URLSearchParams writes: space as '+', only *-._ and alphanumerics left bare
    return quote_plus(value, safe="*").replace("~", "%7E")


@dataclass(frozen=True)
class ShapeRequest:
    """One request to send: `target` is the path plus the already-encoded query."""

    method: str
    path: str
    params: tuple[tuple[str, str], ...]
    headers: Mapping[str, str]
    live: bool

    @property
    def query(self) -> str:
        return "&".join(f"{_form_encode(k)}={_form_encode(v)}" for k, v in self.params)

    @property
    def target(self) -> str:
        return f"{self.path}?{self.query}" if self.params else self.path
