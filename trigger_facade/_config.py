"""Client configuration: explicit arguments first, then the environment, then defaults."""

from __future__ import annotations

import ipaddress
import math
import os
import re
from collections.abc import Mapping
from enum import Enum
from typing import Any

import attrs
import httpx

from .errors import ConfigurationError

DEFAULT_BASE_URL = "https://api.trigger.dev"
DEFAULT_TIMEOUT = 60.0
DEFAULT_CONNECT_TIMEOUT = 5.0
API_VERSION = "2025-07-16"


class KeyKind(Enum):
    """What a credential is, told by its prefix."""

    ENVIRONMENT = "environment secret key"  # tr_dev_ / tr_stg_ / tr_prod_ / tr_preview_ (+ sk_ scoped keys)
    PERSONAL = "personal access token"  # tr_pat_ (and tr_uat_ user tokens)
    ORGANIZATION = "organization access token"  # tr_oat_
    PUBLIC = "public access token"  # pk_ keys and JWTs
    UNKNOWN = "unrecognised key"


_PRINTABLE_ASCII = re.compile(r"[\x21-\x7e]+")
_ENV_KEY = re.compile(r"tr_(dev|stg|prod|preview)_")
_ENV_SLUGS = {"dev": "dev", "stg": "stg", "prod": "prod", "preview": "preview"}


def classify_key(key: str) -> tuple[KeyKind, str | None]:
    """(kind, environment slug of an environment key). Unknown shapes are accepted as UNKNOWN."""
    match = _ENV_KEY.match(key)
    if match:
        return KeyKind.ENVIRONMENT, _ENV_SLUGS[match.group(1)]
    if key.startswith(("tr_pat_", "tr_uat_")):
        return KeyKind.PERSONAL, None
    if key.startswith("tr_oat_"):
        return KeyKind.ORGANIZATION, None
    if key.startswith("pk_") or (key.startswith("eyJ") and key.count(".") == 2):
        return KeyKind.PUBLIC, None
    return KeyKind.UNKNOWN, None


def redact(key: str) -> str:
    """A recognisable stand-in for a key: its kind prefix and nothing of the secret part."""
    match = _ENV_KEY.match(key)
    if match:
        return match.group(0) + "…"
    for prefix in ("tr_pat_", "tr_uat_", "tr_oat_", "pk_"):
        if key.startswith(prefix):
            return prefix + "…"
    return "…"


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@attrs.frozen(repr=False)
class Credentials:
    """The key and what it is. Its repr and str never show the secret."""

    key: str
    kind: KeyKind
    environment: str | None

    @classmethod
    def from_key(cls, key: str) -> Credentials:
        kind, environment = classify_key(key)
        return cls(key=key, kind=kind, environment=environment)

    def __repr__(self) -> str:
        return f"Credentials(kind={self.kind.name}, key={redact(self.key)!r})"

    __str__ = __repr__


@attrs.frozen(repr=False)
class ClientConfig:
    credentials: Credentials
    base_url: httpx.URL
    preview_branch: str | None
    project_ref: str | None
    timeout: httpx.Timeout
    attempt_timeout: float = DEFAULT_TIMEOUT  # seconds for one whole attempt, connect to last byte
    version: str | None = None  # default `version` (lockToVersion) of triggers: TRIGGER_VERSION
    external_deployment_id: str | None = None  # default externalDeploymentId: TRIGGER_EXTERNAL_DEPLOYMENT_ID

    def __repr__(self) -> str:
        return (
            f"ClientConfig(base_url={str(self.base_url)!r}, credentials={self.credentials!r}, "
            f"preview_branch={self.preview_branch!r}, project_ref={self.project_ref!r}, version={self.version!r})"
        )


def _first(*values: str | None) -> str | None:
    for value in values:
        if value is not None and value.strip() != "":
            return value.strip()
    return None


def resolve_config(
    *,
    secret_key: str | None,
    base_url: str | None,
    preview_branch: str | None,
    project_ref: str | None,
    timeout: float | httpx.Timeout | None,
    allow_insecure_http: bool,
    environ: Mapping[str, str] | None = None,
    version: str | None = None,
    external_deployment_id: str | None = None,
) -> ClientConfig:
    env = os.environ if environ is None else environ
    key = _first(secret_key, env.get("TRIGGER_SECRET_KEY"), env.get("TRIGGER_ACCESS_TOKEN"))
    if key is None:
        raise ConfigurationError(
            "no API key: pass secret_key=... or set TRIGGER_SECRET_KEY (an environment key, tr_dev_/tr_prod_...) "
            "or TRIGGER_ACCESS_TOKEN (a personal access token, tr_pat_...)"
        )
    if not _PRINTABLE_ASCII.fullmatch(key):
        # never echo it: a key with a stray newline or a smart quote is still a secret
        raise ConfigurationError(
            "the API key holds whitespace, control or non-ASCII characters (a copy-paste accident?); "
            "keys are printable ASCII such as tr_dev_..."
        )
    credentials = Credentials.from_key(key)

    url = httpx.URL((_first(base_url, env.get("TRIGGER_API_URL")) or DEFAULT_BASE_URL).rstrip("/"))
    if url.userinfo:
        # the key authenticates; a password in the URL would only end up in reprs and logs (never echoed)
        raise ConfigurationError("base_url holds user info (user:password@); remove it: the API key authenticates")
    if url.scheme not in ("http", "https") or not url.host:
        raise ConfigurationError(f"base_url={str(url)!r} must be an http(s) URL such as {DEFAULT_BASE_URL!r}")
    if url.scheme == "http" and not _is_loopback(url.host) and not allow_insecure_http:
        raise ConfigurationError(
            f"base_url={str(url)!r} is plain HTTP to a non-loopback host, which would send the key in clear "
            "text; use https:// or pass allow_insecure_http=True"
        )

    # the official SDK's order; "default" means no branch
    branch = _first(
        preview_branch,
        env.get("TRIGGER_PREVIEW_BRANCH"),
        env.get("VERCEL_GIT_COMMIT_REF"),
        env.get("TRIGGER_DEV_BRANCH"),
    )
    if branch == "default":
        branch = None
    if branch is not None and not _PRINTABLE_ASCII.fullmatch(branch):
        raise ConfigurationError(
            f"preview_branch={branch!r} must be printable ASCII without spaces "
            "(it is sent as the x-trigger-branch header)"
        )
    if credentials.environment == "preview" and branch is None:
        raise ConfigurationError(
            "a tr_preview_ key needs a branch: pass preview_branch=... or set TRIGGER_PREVIEW_BRANCH"
        )

    resolved_timeout, attempt_timeout = resolve_timeout(timeout)
    ref = _first(project_ref, env.get("TRIGGER_PROJECT_REF"))
    if ref is not None and (not _PRINTABLE_ASCII.fullmatch(ref) or ref in (".", "..") or "/" in ref):
        raise ConfigurationError(f"project_ref={ref!r} must look like proj_... (one path segment)")

    pinned = _first(version, env.get("TRIGGER_VERSION"))
    if pinned is not None and not _PRINTABLE_ASCII.fullmatch(pinned):
        raise ConfigurationError(f"version={pinned!r} must be a deployed version such as '20250101.1'")
    deployment = _first(external_deployment_id, env.get("TRIGGER_EXTERNAL_DEPLOYMENT_ID"))

    return ClientConfig(
        credentials=credentials,
        base_url=url,
        preview_branch=branch,
        project_ref=ref,
        timeout=resolved_timeout,
        attempt_timeout=attempt_timeout,
        version=pinned,
        external_deployment_id=deployment,
    )


def resolve_timeout(timeout: float | httpx.Timeout | None) -> tuple[httpx.Timeout, float]:
    """(httpx's per-operation timeouts, the seconds one whole attempt may take)."""
    if isinstance(timeout, httpx.Timeout):
        parts = [timeout.connect, timeout.read, timeout.write, timeout.pool]
        finite = [p for p in parts if p is not None]
        if any(not math.isfinite(p) or p <= 0 for p in finite) or not finite:
            raise ConfigurationError(f"timeout={timeout!r} must hold finite positive seconds")
        return timeout, max(finite)
    if timeout is None:
        seconds = DEFAULT_TIMEOUT
    elif isinstance(timeout, bool) or not isinstance(timeout, int | float):
        raise ConfigurationError(f"timeout={timeout!r} must be a number of seconds (or an httpx.Timeout)")
    else:
        seconds = float(timeout)
    if not math.isfinite(seconds) or seconds <= 0:
        raise ConfigurationError(f"timeout={timeout!r} must be a finite positive number of seconds")
    return httpx.Timeout(seconds, connect=min(DEFAULT_CONNECT_TIMEOUT, seconds)), seconds


_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")  # RFC 9110 token

# headers the client sets itself; extra headers do not replace them (the SDK's rule too)
OWN_HEADERS = frozenset(
    {"authorization", "x-trigger-api-version", "x-trigger-branch", "user-agent", "accept-encoding", "content-type"}
)


def check_extra_headers(headers: Any) -> dict[str, str]:
    if not isinstance(headers, Mapping):
        raise ConfigurationError(
            f"extra_headers must be a dict of header names to values, got {type(headers).__name__}"
        )
    out: dict[str, str] = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not _HEADER_NAME.fullmatch(name):
            raise ConfigurationError(f"extra_headers: {name!r} is not a valid header name")
        if not isinstance(value, str) or any(c in value for c in "\r\n\0"):
            raise ConfigurationError(f"extra_headers[{name!r}] must be a string without line breaks")
        out[name] = value
    return out


def check_byte_limit(value: Any, argument: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1024:
        raise ConfigurationError(f"{argument}={value!r} must be a whole number of bytes, at least 1024")
    return value
