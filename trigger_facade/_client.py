"""TriggerClient and AsyncTriggerClient."""

from __future__ import annotations

import importlib
import re
import sys
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, overload

import attrs
import httpx

from ._body import ACCEPT_ENCODING
from ._config import API_VERSION, ClientConfig, KeyKind, redact, resolve_config, resolve_timeout
from ._operations import OPERATIONS
from ._paths import check_url_path
from ._paths import segment as check_identifier
from ._retry import SYSTEM_CLOCK, Clock, RetryPolicy
from ._transport import DEFAULT_MAX_DOWNLOAD_BYTES, DEFAULT_MAX_RESPONSE_BYTES, OriginBearerAuth, RetryTransport
from ._version import __version__
from .errors import ConfigurationError

if TYPE_CHECKING:
    from trigger_api.client import AuthenticatedClient

    from ._async.auth import AsyncAuth
    from ._async.batch import AsyncBatch
    from ._async.bulk_actions import AsyncBulkActions
    from ._async.deployments import AsyncDeployments
    from ._async.envvars import AsyncEnvVars
    from ._async.idempotency import AsyncIdempotencyKeys
    from ._async.query import AsyncQuery
    from ._async.queues import AsyncQueues
    from ._async.runs import AsyncRuns
    from ._async.schedules import AsyncSchedules
    from ._async.tasks import AsyncTasks
    from ._async.waitpoints import AsyncWaitpoints
    from .resources.auth import Auth
    from .resources.batch import Batch
    from .resources.bulk_actions import BulkActions
    from .resources.deployments import Deployments
    from .resources.envvars import EnvVars
    from .resources.idempotency import IdempotencyKeys
    from .resources.query import Query
    from .resources.queues import Queues
    from .resources.runs import Runs
    from .resources.schedules import Schedules
    from .resources.tasks import Tasks
    from .resources.waitpoints import Waitpoints

R = TypeVar("R")

_TOKEN_KINDS = frozenset({"personal", "organization"})
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")  # an HTTP header name (RFC 9110 token)
_PYTHON = ".".join(str(part) for part in sys.version_info[:3])
USER_AGENT = f"trigger-facade/{__version__} python/{_PYTHON} httpx/{httpx.__version__}"


@attrs.frozen(repr=False)
class _ClientState:
    """What every request of one client (or one with_options copy) needs to know."""

    config: ClientConfig
    retry_policy: RetryPolicy
    clock: Clock
    max_download_bytes: int = DEFAULT_MAX_DOWNLOAD_BYTES
    # answers worth keeping for the client's life (the public-token claims), shared by with_options copies
    memo: dict[str, Any] = attrs.field(factory=dict, eq=False)

    def check_key_for(self, operation: str) -> None:
        """Refuse, before sending, an operation whose spec `security` does not admit this key's kind."""
        facts = OPERATIONS.get(operation)
        if facts is None or facts.anonymous:
            return
        kind = self.config.credentials.kind
        if kind in (KeyKind.PERSONAL, KeyKind.ORGANIZATION) and not _TOKEN_KINDS & set(facts.key_kinds):
            raise ConfigurationError(
                f"{operation} needs an environment secret key (tr_dev_..., tr_prod_...); this client holds a "
                f"{kind.value}, which works only for env vars, project run lists and whoami"
            )
        if kind is KeyKind.ENVIRONMENT and "environment" not in facts.key_kinds:
            raise ConfigurationError(
                f"{operation} needs a personal access token (tr_pat_...) or an organization token; "
                "this client holds an environment secret key"
            )

    def checked(self, operation: str, request: dict[str, Any]) -> dict[str, Any]:
        """A generated operation's request, after the key-kind and path-parameter checks."""
        self.check_key_for(operation)
        facts = OPERATIONS.get(operation)
        if facts is not None:
            check_url_path(str(request["url"]), facts.path)
        return request

    def require_project_ref(self, explicit: str | None, what: str) -> str:
        ref = explicit or self.config.project_ref
        if not ref:
            raise ConfigurationError(
                f"{what} needs a project ref: pass project_ref='proj_...' here or to the client, "
                "or set TRIGGER_PROJECT_REF"
            )
        return check_identifier(ref, "project_ref")


# headers the client sets itself; extra headers do not replace them (the SDK's rule too)
_OWN_HEADERS = frozenset(
    {"authorization", "x-trigger-api-version", "x-trigger-branch", "user-agent", "accept-encoding", "content-type"}
)


def _check_extra_headers(headers: Any) -> dict[str, str]:
    if not isinstance(headers, Mapping):
        raise ConfigurationError(
            f"extra_headers must be a dict of header names to values, got {type(headers).__name__}"
        )
    out: dict[str, str] = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not _TOKEN.fullmatch(name):
            raise ConfigurationError(f"extra_headers: {name!r} is not a valid header name")
        if not isinstance(value, str) or any(c in value for c in "\r\n\0"):
            raise ConfigurationError(f"extra_headers[{name!r}] must be a string without line breaks")
        out[name] = value
    return out


def check_byte_limit(value: Any, argument: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1024:
        raise ConfigurationError(f"{argument}={value!r} must be a whole number of bytes, at least 1024")
    return value


class _LazyResource(Generic[R]):
    """A resource made on first access, so importing the package stays cheap."""

    def __init__(self, target: str) -> None:
        self._module, _, self._class = target.partition(":")
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: _ClientBase, owner: type) -> R: ...
    def __get__(self, obj: _ClientBase | None, owner: type) -> R | Self:
        if obj is None:
            return self
        cls = getattr(importlib.import_module(self._module), self._class)
        resource: R = cls(obj._state, obj._http)
        obj.__dict__[self._name] = resource
        return resource


class _ClientBase:
    _http: Any
    _async = False

    def __init__(
        self,
        *,
        secret_key: str | None = None,
        base_url: str | None = None,
        preview_branch: str | None = None,
        project_ref: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
        clock: Clock | None = None,
        allow_insecure_http: bool = False,
        default_headers: Mapping[str, str] | None = None,
        environ: Mapping[str, str] | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        max_download_bytes: int = DEFAULT_MAX_DOWNLOAD_BYTES,
        version: str | None = None,
        external_deployment_id: str | None = None,
    ) -> None:
        """Configuration comes from, in order: these arguments, then the environment
        (TRIGGER_SECRET_KEY or TRIGGER_ACCESS_TOKEN, TRIGGER_API_URL, TRIGGER_PREVIEW_BRANCH then
        VERCEL_GIT_COMMIT_REF then TRIGGER_DEV_BRANCH ("default" means none), TRIGGER_PROJECT_REF,
        TRIGGER_VERSION, TRIGGER_EXTERNAL_DEPLOYMENT_ID), then defaults (https://api.trigger.dev,
        60 s timeout, 4 retries), as the official SDK reads them.

        `version` pins every trigger without a `version` of its own to that deployed version
        (lockToVersion); `external_deployment_id` likewise fills externalDeploymentId.

        `transport` replaces the network (an httpx.MockTransport, or trigger_facade.testing's fake);
        `clock` replaces time (tests); `timeout` is in seconds (or an httpx.Timeout) and bounds each
        attempt whole, from connecting to the last byte. `max_response_bytes` caps an API answer
        (64 MiB), `max_download_bytes` a presigned payload or output (512 MiB), decompressed.
        """
        config = resolve_config(
            secret_key=secret_key,
            base_url=base_url,
            preview_branch=preview_branch,
            project_ref=project_ref,
            timeout=timeout,
            allow_insecure_http=allow_insecure_http,
            environ=environ,
            version=version,
            external_deployment_id=external_deployment_id,
        )
        limits = {
            "max_response_bytes": check_byte_limit(max_response_bytes, "max_response_bytes"),
            "max_download_bytes": check_byte_limit(max_download_bytes, "max_download_bytes"),
        }
        policy = retry_policy or RetryPolicy()
        if max_retries is not None:
            policy = attrs.evolve(policy, max_retries=max_retries)
        self._state = _ClientState(
            config=config,
            retry_policy=policy,
            clock=clock or SYSTEM_CLOCK,
            max_download_bytes=limits["max_download_bytes"],
        )
        self._options: dict[str, Any] = {
            "secret_key": secret_key,
            "base_url": base_url,
            "preview_branch": preview_branch,
            "project_ref": project_ref,
            "timeout": timeout,
            "retry_policy": policy,
            "transport": transport,
            "clock": clock,
            "allow_insecure_http": allow_insecure_http,
            "default_headers": default_headers,
            "environ": environ,
            "version": version,
            "external_deployment_id": external_deployment_id,
            **limits,
        }
        headers = {"User-Agent": USER_AGENT, "x-trigger-api-version": API_VERSION, **(default_headers or {})}
        if config.preview_branch:
            headers["x-trigger-branch"] = config.preview_branch
        headers["Accept-Encoding"] = ACCEPT_ENCODING  # only what the bounded reader can inflate
        retrying = RetryTransport(
            transport,
            policy=policy,
            clock=self._state.clock,
            async_mode=self._async,
            attempt_timeout=config.attempt_timeout,
            max_response_bytes=limits["max_response_bytes"],
        )
        self._transport = retrying
        self._http = self._make_http(headers)
        self._owns_http = True

    def _make_http(self, headers: Mapping[str, str]) -> Any:
        """An httpx client over this client's transport (so over its connections), with `headers`."""
        config = self._state.config
        http_cls = httpx.AsyncClient if self._async else httpx.Client
        return http_cls(
            base_url=config.base_url,
            auth=_RequestAuth(config.credentials.key, config.base_url),
            headers=headers,
            transport=self._transport,
            timeout=config.timeout,
            follow_redirects=False,
        )

    @property
    def config(self) -> ClientConfig:
        return self._state.config

    @property
    def retry_policy(self) -> RetryPolicy:
        return self._state.retry_policy

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        project_ref: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        **others: Any,
    ) -> Self:
        """A copy with other settings, for one call or many: `client.with_options(timeout=5,
        max_retries=0, extra_headers={"x-request-id": rid}).tasks.trigger(...)`.

        Timeout, retries, project ref and extra headers share this client's connections (the copy
        needs no closing); anything else (key, base URL, branch, transport) makes a client with
        connections of its own. Extra headers never replace the ones the client sets itself
        (Authorization, x-trigger-api-version, x-trigger-branch...), as in the official SDK.
        """
        if extra_headers is not None:
            extra = _check_extra_headers(extra_headers)
            if others:
                # a client of its own: the extra headers join its default headers
                defaults = {**(others.pop("default_headers", None) or self._options["default_headers"] or {})}
                others["default_headers"] = {**extra, **defaults}
                return self.with_options(
                    timeout=timeout,
                    max_retries=max_retries,
                    retry_policy=retry_policy,
                    project_ref=project_ref,
                    **others,
                )
            copy = self.with_options(
                timeout=timeout, max_retries=max_retries, retry_policy=retry_policy, project_ref=project_ref
            )
            headers = dict(copy._http.headers)
            for header, text in extra.items():
                if header.lower() not in _OWN_HEADERS:
                    headers[header] = text
            # a second httpx client over the same transport: same connections, other headers; it is
            # never closed, since closing it would close the transport this client still uses
            copy._http = copy._make_http(headers)
            return copy
        if others:
            unknown = set(others) - set(self._options)
            if unknown:
                raise TypeError(f"with_options() got unexpected arguments {sorted(unknown)}")
            merged = {**self._options, **others}
            for name, value in (
                ("timeout", timeout),
                ("project_ref", project_ref),
                ("retry_policy", retry_policy),
            ):
                if value is not None:
                    merged[name] = value
            return type(self)(max_retries=max_retries, **merged)
        copy = object.__new__(type(self))
        policy = retry_policy or self._state.retry_policy
        if max_retries is not None:
            policy = attrs.evolve(policy, max_retries=max_retries)
        config = self._state.config
        if timeout is not None:
            resolved, attempt_timeout = resolve_timeout(timeout)
            config = attrs.evolve(config, timeout=resolved, attempt_timeout=attempt_timeout)
        if project_ref is not None:
            config = attrs.evolve(config, project_ref=check_identifier(project_ref, "project_ref"))
        copy._state = attrs.evolve(self._state, config=config, retry_policy=policy)
        copy._options = {
            **self._options,
            "retry_policy": policy,
            "timeout": config.timeout,
            "project_ref": config.project_ref,
        }
        copy._http = self._http
        copy._transport = self._transport
        copy._owns_http = False
        return copy

    @property
    def raw(self) -> AuthenticatedClient:
        """The generated client (trigger_api), sharing this client's connections, key, headers and retries.

        For any endpoint the facade does not wrap: `from trigger_api.api.query import get_query_schema_v1;
        get_query_schema_v1.sync_detailed(client=client.raw)` (asyncio_detailed with AsyncTriggerClient).
        """
        from trigger_api.client import AuthenticatedClient

        class _Raw(AuthenticatedClient):
            def __repr__(self) -> str:
                return "trigger_api.AuthenticatedClient(<shares a trigger-facade client>)"

        # the key is added by this client's auth; the generated client never holds it
        raw = _Raw(base_url=str(self._state.config.base_url), token="<redacted>")  # noqa: S106
        if self._async:
            raw.set_async_httpx_client(self._http)
        else:
            raw.set_httpx_client(self._http)
        return raw

    def __repr__(self) -> str:
        config = self._state.config
        return (
            f"{type(self).__name__}(base_url={str(config.base_url)!r}, key={redact(config.credentials.key)!r}, "
            f"kind={config.credentials.kind.name}, branch={config.preview_branch!r}, "
            f"project_ref={config.project_ref!r}, max_retries={self._state.retry_policy.max_retries})"
        )

    __str__ = __repr__


class _RequestAuth(OriginBearerAuth):
    """The key for the API's own origin, plus one request-idempotency key per logical call.

    Auth runs once per `send`, above the retrying transport, so every retry of a call reuses its key.
    """

    def auth_flow(self, request: httpx.Request) -> Any:
        request.headers.setdefault("x-trigger-request-idempotency-key", str(uuid.uuid4()))
        yield from super().auth_flow(request)


class TriggerClient(_ClientBase):
    """The Trigger.dev Management API, synchronously. Use it as a context manager or call close()."""

    _http: httpx.Client

    runs: _LazyResource[Runs] = _LazyResource("trigger_facade.resources.runs:Runs")
    auth: _LazyResource[Auth] = _LazyResource("trigger_facade.resources.auth:Auth")
    tasks: _LazyResource[Tasks] = _LazyResource("trigger_facade.resources.tasks:Tasks")
    batch: _LazyResource[Batch] = _LazyResource("trigger_facade.resources.batch:Batch")
    schedules: _LazyResource[Schedules] = _LazyResource("trigger_facade.resources.schedules:Schedules")
    envvars: _LazyResource[EnvVars] = _LazyResource("trigger_facade.resources.envvars:EnvVars")
    queues: _LazyResource[Queues] = _LazyResource("trigger_facade.resources.queues:Queues")
    waitpoints: _LazyResource[Waitpoints] = _LazyResource("trigger_facade.resources.waitpoints:Waitpoints")
    query: _LazyResource[Query] = _LazyResource("trigger_facade.resources.query:Query")
    deployments: _LazyResource[Deployments] = _LazyResource("trigger_facade.resources.deployments:Deployments")
    bulk_actions: _LazyResource[BulkActions] = _LazyResource("trigger_facade.resources.bulk_actions:BulkActions")
    idempotency_keys: _LazyResource[IdempotencyKeys] = _LazyResource(
        "trigger_facade.resources.idempotency:IdempotencyKeys"
    )

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncTriggerClient(_ClientBase):
    """The Trigger.dev Management API with asyncio: the same names as TriggerClient, awaited."""

    _http: httpx.AsyncClient
    _async = True

    runs: _LazyResource[AsyncRuns] = _LazyResource("trigger_facade._async.runs:AsyncRuns")
    auth: _LazyResource[AsyncAuth] = _LazyResource("trigger_facade._async.auth:AsyncAuth")
    tasks: _LazyResource[AsyncTasks] = _LazyResource("trigger_facade._async.tasks:AsyncTasks")
    batch: _LazyResource[AsyncBatch] = _LazyResource("trigger_facade._async.batch:AsyncBatch")
    schedules: _LazyResource[AsyncSchedules] = _LazyResource("trigger_facade._async.schedules:AsyncSchedules")
    envvars: _LazyResource[AsyncEnvVars] = _LazyResource("trigger_facade._async.envvars:AsyncEnvVars")
    queues: _LazyResource[AsyncQueues] = _LazyResource("trigger_facade._async.queues:AsyncQueues")
    waitpoints: _LazyResource[AsyncWaitpoints] = _LazyResource("trigger_facade._async.waitpoints:AsyncWaitpoints")
    query: _LazyResource[AsyncQuery] = _LazyResource("trigger_facade._async.query:AsyncQuery")
    deployments: _LazyResource[AsyncDeployments] = _LazyResource("trigger_facade._async.deployments:AsyncDeployments")
    bulk_actions: _LazyResource[AsyncBulkActions] = _LazyResource("trigger_facade._async.bulk_actions:AsyncBulkActions")
    idempotency_keys: _LazyResource[AsyncIdempotencyKeys] = _LazyResource(
        "trigger_facade._async.idempotency:AsyncIdempotencyKeys"
    )

    async def close(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
