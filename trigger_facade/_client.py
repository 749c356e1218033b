"""TriggerClient and AsyncTriggerClient."""

from __future__ import annotations

import ssl
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

import attrs
import httpx

from ._body import ACCEPT_ENCODING
from ._config import (
    API_VERSION,
    OWN_HEADERS,
    ClientConfig,
    check_byte_limit,
    check_extra_headers,
    redact,
    resolve_config,
    resolve_timeout,
)
from ._paths import segment as check_identifier
from ._retry import SYSTEM_CLOCK, Clock, RetryPolicy
from ._transport import DEFAULT_MAX_DOWNLOAD_BYTES, DEFAULT_MAX_RESPONSE_BYTES, RetryTransport
from ._version import __version__
from .client_state import ClientState
from .connections import NETWORK_ARGUMENTS, NoCookies, RequestAuth, build_network, shared_raw_client
from .registry import RESOURCES, ResourceEntry

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
    from ._async.sessions import AsyncSessions
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
    from .resources.sessions import Sessions
    from .resources.tasks import Tasks
    from .resources.waitpoints import Waitpoints

_PYTHON = ".".join(str(part) for part in sys.version_info[:3])
USER_AGENT = f"trigger-facade/{__version__} python/{_PYTHON} httpx/{httpx.__version__}"


class _LazyResource:
    """A resource made on first access, so importing the package stays cheap."""

    def __init__(self, entry: ResourceEntry, *, asynchronous: bool) -> None:
        self.entry = entry
        self.asynchronous = asynchronous

    def __get__(self, obj: _ClientBase | None, owner: type) -> Any:
        if obj is None:
            return self
        resource = self.entry.load(asynchronous=self.asynchronous)(obj._state, obj._http)
        obj.__dict__[self.entry.name] = resource
        return resource


def _install_resources(client_cls: type[_ClientBase]) -> None:
    for entry in RESOURCES:
        setattr(client_cls, entry.name, _LazyResource(entry, asynchronous=client_cls._async))


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
        http_client: httpx.Client | httpx.AsyncClient | None = None,
        proxy: str | httpx.URL | httpx.Proxy | None = None,
        limits: httpx.Limits | None = None,
        verify: bool | ssl.SSLContext = True,
        trust_env: bool = True,
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

        `timeout` is in seconds (or an httpx.Timeout) and bounds each attempt whole, from connecting
        to the last byte. `max_response_bytes` caps an API answer (64 MiB), `max_download_bytes` a
        presigned payload or output (512 MiB), decompressed. `clock` replaces time (tests).

        The network, one of:

        - httpx's own connections (the default): `proxy` (a URL or an httpx.Proxy) for every
          request; otherwise, unless `trust_env=False`, the proxies of HTTP_PROXY, HTTPS_PROXY,
          ALL_PROXY and NO_PROXY (read from `environ`) as httpx reads them, except that
          localhost, *.localhost, 127.0.0.1 and [::1] always go direct (the key of a plain-HTTP
          local server never leaves the machine). `limits` (an httpx.Limits) bounds the pools;
          `verify` is True, False or an ssl.SSLContext (a CA bundle or a client certificate).
        - `http_client`: your own httpx.Client (AsyncClient for the async client). Each attempt is
          sent through it, so its transport and mounts, proxies, limits, TLS settings and event
          hooks apply, and its headers join ours. Ours win: User-Agent, Accept-Encoding, the
          x-trigger-* headers, the timeout and the base URL are this client's; its auth is not used
          (the key goes only to the API's origin); redirects stay off; its cookies and params are
          not sent. It is not closed with this client. proxy, limits, verify and trust_env then
          belong on your client and are refused here.
        - `transport`: replaces the network (an httpx.MockTransport, or trigger_facade.testing's fake).

        Retries, the per-attempt deadline and the body caps apply to all three.
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
        self._options: dict[str, Any] = {
            "secret_key": secret_key,
            "base_url": base_url,
            "preview_branch": preview_branch,
            "project_ref": project_ref,
            "timeout": timeout,
            "retry_policy": retry_policy,
            "transport": transport,
            "http_client": http_client,
            "proxy": proxy,
            "limits": limits,
            "verify": verify,
            "trust_env": trust_env,
            "clock": clock,
            "allow_insecure_http": allow_insecure_http,
            "default_headers": default_headers,
            "environ": environ,
            "version": version,
            "external_deployment_id": external_deployment_id,
        }
        network = build_network(self._async, **{name: self._options[name] for name in NETWORK_ARGUMENTS})
        caps = {
            "max_response_bytes": check_byte_limit(max_response_bytes, "max_response_bytes"),
            "max_download_bytes": check_byte_limit(max_download_bytes, "max_download_bytes"),
        }
        policy = retry_policy or RetryPolicy()
        if max_retries is not None:
            policy = attrs.evolve(policy, max_retries=max_retries)
        self._state = ClientState(
            config=config,
            retry_policy=policy,
            clock=clock or SYSTEM_CLOCK,
            max_download_bytes=caps["max_download_bytes"],
        )
        self._options.update(caps, retry_policy=policy)
        headers = network.headers  # a caller's client's headers, under ours
        headers.update({"User-Agent": USER_AGENT, "x-trigger-api-version": API_VERSION, **(default_headers or {})})
        if config.preview_branch:
            headers["x-trigger-branch"] = config.preview_branch
        headers["Accept-Encoding"] = ACCEPT_ENCODING  # only what the bounded reader can inflate

        def retrying(inner: Any) -> RetryTransport:
            return RetryTransport(
                inner,
                policy=policy,
                clock=self._state.clock,
                async_mode=self._async,
                attempt_timeout=config.attempt_timeout,
                max_response_bytes=caps["max_response_bytes"],
            )

        self._transport = retrying(network.default)
        # httpx picks the transport per URL (proxies and their NO_PROXY exceptions); each retries alike
        self._mounts = {pattern: None if to is None else retrying(to) for pattern, to in network.mounts.items()}
        self._http = self._make_http(headers)
        self._owns_http = True

    def _make_http(self, headers: Mapping[str, str]) -> Any:
        """An httpx client over this client's transport (so over its connections), with `headers`."""
        config = self._state.config
        http_cls = httpx.AsyncClient if self._async else httpx.Client
        return http_cls(
            base_url=config.base_url,
            auth=RequestAuth(config.credentials.key, config.base_url),
            headers=headers,
            transport=self._transport,
            mounts=self._mounts,
            timeout=config.timeout,
            follow_redirects=False,
            cookies=NoCookies(),
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
        needs no closing); anything else (key, base URL, branch, transport, http_client, proxy...)
        makes a client with connections of its own (over the same http_client, if one was given).
        Extra headers never replace the ones the client sets itself (Authorization,
        x-trigger-api-version, x-trigger-branch...), as in the official SDK.
        """
        if extra_headers is not None:
            extra = check_extra_headers(extra_headers)
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
                if header.lower() not in OWN_HEADERS:
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
        copy._mounts = self._mounts
        copy._owns_http = False
        return copy

    @property
    def raw(self) -> AuthenticatedClient:
        """The generated client (trigger_api), sharing this client's connections, key, headers and retries.

        For any endpoint the facade does not wrap: `from trigger_api.api.query import get_query_schema_v1;
        get_query_schema_v1.sync_detailed(client=client.raw)` (asyncio_detailed with AsyncTriggerClient).
        """
        return shared_raw_client(self._state.config.base_url, self._http)

    def __repr__(self) -> str:
        config = self._state.config
        return (
            f"{type(self).__name__}(base_url={str(config.base_url)!r}, key={redact(config.credentials.key)!r}, "
            f"kind={config.credentials.kind.name}, branch={config.preview_branch!r}, "
            f"project_ref={config.project_ref!r}, max_retries={self._state.retry_policy.max_retries})"
        )

    __str__ = __repr__


class TriggerClient(_ClientBase):
    """The Trigger.dev Management API, synchronously. Use it as a context manager or call close()."""

    _http: httpx.Client

    # installed from trigger_facade.registry below; tests/client_construction holds these to it
    tasks: Tasks
    runs: Runs
    batch: Batch
    schedules: Schedules
    queues: Queues
    waitpoints: Waitpoints
    deployments: Deployments
    envvars: EnvVars
    query: Query
    bulk_actions: BulkActions
    idempotency_keys: IdempotencyKeys
    auth: Auth
    sessions: Sessions

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

    tasks: AsyncTasks
    runs: AsyncRuns
    batch: AsyncBatch
    schedules: AsyncSchedules
    queues: AsyncQueues
    waitpoints: AsyncWaitpoints
    deployments: AsyncDeployments
    envvars: AsyncEnvVars
    query: AsyncQuery
    bulk_actions: AsyncBulkActions
    idempotency_keys: AsyncIdempotencyKeys
    auth: AsyncAuth
    sessions: AsyncSessions

    async def close(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


_install_resources(TriggerClient)
_install_resources(AsyncTriggerClient)
