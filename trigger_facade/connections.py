"""The network under the retry layer (httpx's own connections, a caller's httpx client, or a
transport), the auth above it, and the generated client sharing both.

httpx ignores proxies from the environment whenever it is given a transport, and the client always
gives one (the retry layer), so the proxy mounts httpx would make are made here, read the same way,
and each gets the retry layer of its own.
"""

from __future__ import annotations

import http.cookiejar
import ipaddress
import os
import ssl
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs
import httpx

from ._transport import OriginBearerAuth
from .errors import ConfigurationError

if TYPE_CHECKING:
    from trigger_api.client import AuthenticatedClient

# Proxies from the environment never carry loopback traffic off the machine (Go's net/http rule):
# a plain-HTTP loopback API is allowed only because the key stays on this machine.
LOOPBACK_MOUNTS = ("all://localhost", "all://*.localhost", "all://127.0.0.1", "all://[::1]")


def _shown(url: object) -> str:
    """A proxy URL fit for a message: scheme, host and port, never user info."""
    try:
        parsed = httpx.URL(str(url))
    except (httpx.InvalidURL, TypeError):
        return "(unparseable)"
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.scheme}://{parsed.host}{port}"


def check_proxy(value: object, source: str = "proxy") -> httpx.Proxy:
    """An httpx.Proxy from `proxy=` (a URL string, an httpx.URL or an httpx.Proxy) or an environment value."""
    if isinstance(value, httpx.Proxy):
        return value
    if not isinstance(value, str | httpx.URL):
        raise ConfigurationError(
            f"{source} must be a proxy URL such as 'http://proxy.internal:3128' or an httpx.Proxy, "
            f"got {type(value).__name__}"
        )
    try:
        proxy = httpx.Proxy(url=value)
    except (ValueError, TypeError, httpx.InvalidURL):
        # httpx's own message repeats the URL, and with it any proxy password
        raise ConfigurationError(
            f"{source}={_shown(value)!r} is not a usable proxy URL: use http://, https://, socks5:// or socks5h://"
        ) from None
    if not proxy.url.host:
        raise ConfigurationError(f"{source}={_shown(value)!r} names no proxy host")
    return proxy


def proxy_variables(environ: Mapping[str, str]) -> dict[str, str]:
    """scheme -> value of the <scheme>_proxy variables, read as urllib reads os.environ.

    Any case is accepted and all-lowercase names win; under CGI (REQUEST_METHOD set) HTTP_PROXY is
    ignored, since a client's `Proxy:` header can set it there (CVE-2016-1000110).
    """
    found: dict[str, str] = {}
    for name, value in environ.items():
        if value and name.lower().endswith("_proxy"):
            found[name[:-6].lower()] = value
    if "REQUEST_METHOD" in environ:
        found.pop("http", None)
    for name, value in environ.items():
        if name.endswith("_proxy"):
            if value:
                found[name[:-6].lower()] = value
            else:
                found.pop(name[:-6].lower(), None)
    return found


def _no_proxy_pattern(host: str) -> str:
    """httpx's reading of one NO_PROXY entry as a mount pattern (curl's rules)."""
    if "://" in host:
        return host
    try:
        address = ipaddress.ip_address(host.split("/")[0])
    except ValueError:
        return f"all://{host}" if host.lower() == "localhost" else f"all://*{host}"
    return f"all://[{host}]" if address.version == 6 else f"all://{host}"


def environment_proxies(environ: Mapping[str, str] | None) -> dict[str, httpx.Proxy | None]:
    """Mount pattern -> proxy (None: go direct) from HTTP_PROXY, HTTPS_PROXY, ALL_PROXY and NO_PROXY.

    The same mounts httpx makes from the environment, read from `environ` (os.environ and, on
    macOS and Windows, the system settings, by default), plus the loopback hosts going direct.
    """
    if environ is None:
        from urllib.request import getproxies  # what httpx reads: includes the system settings

        variables = getproxies()
    else:
        variables = proxy_variables(environ)
    mounts: dict[str, httpx.Proxy | None] = {}
    for scheme in ("http", "https", "all"):
        value = variables.get(scheme)
        if value:
            url = value if "://" in value else f"http://{value}"
            mounts[f"{scheme}://"] = check_proxy(url, f"{scheme.upper()}_PROXY")
    if not mounts:
        return {}
    for host in (entry.strip() for entry in variables.get("no", "").split(",")):
        if host == "*":
            return {}
        if host:
            mounts[_no_proxy_pattern(host)] = None
    for pattern in LOOPBACK_MOUNTS:
        mounts.setdefault(pattern, None)
    return mounts


def resolve_proxies(
    proxy: object, *, trust_env: bool, environ: Mapping[str, str] | None
) -> dict[str, httpx.Proxy | None]:
    """`proxy=` for every request, else the environment's proxies (unless trust_env=False), else none."""
    if not isinstance(trust_env, bool):
        raise ConfigurationError(f"trust_env must be True or False, got {type(trust_env).__name__}")
    if proxy is not None:
        return {"all://": check_proxy(proxy)}
    return environment_proxies(environ) if trust_env else {}


def check_limits(limits: object) -> httpx.Limits | None:
    if limits is None or isinstance(limits, httpx.Limits):
        return limits
    raise ConfigurationError(
        f"limits must be an httpx.Limits, e.g. httpx.Limits(max_connections=20), got {type(limits).__name__}"
    )


def check_verify(verify: object) -> bool | ssl.SSLContext:
    if isinstance(verify, bool | ssl.SSLContext):
        return verify
    raise ConfigurationError(
        "verify must be True, False or an ssl.SSLContext (load a CA bundle or a client certificate "
        f"into the context: ssl.create_default_context(cafile=...)), got {type(verify).__name__}"
    )


@attrs.frozen
class Network:
    """Where a client's requests go: the default transport, mounts by URL pattern, inherited headers."""

    default: Any  # httpx.BaseTransport | httpx.AsyncBaseTransport
    mounts: dict[str, Any] = attrs.field(factory=dict)  # pattern -> transport, None = the default
    headers: httpx.Headers = attrs.field(factory=httpx.Headers)


class CallersClientTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Each attempt goes out through the caller's own httpx client, so its transport, mounts,
    proxies, limits, TLS settings and event hooks apply. Its auth does not (our key, for the API's
    origin only) and redirects stay off. Closing ours leaves theirs open: it is theirs to close."""

    def __init__(self, client: httpx.Client | httpx.AsyncClient) -> None:
        self._client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self._client, httpx.Client)
        return self._client.send(request, stream=True, auth=None, follow_redirects=False)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self._client, httpx.AsyncClient)
        return await self._client.send(request, stream=True, auth=None, follow_redirects=False)

    def close(self) -> None:
        pass

    async def aclose(self) -> None:
        pass

    def __repr__(self) -> str:
        return f"CallersClientTransport({type(self._client).__name__})"


def _callers_network(async_mode: bool, client: object, clashing: list[str]) -> Network:
    expected = httpx.AsyncClient if async_mode else httpx.Client
    if not isinstance(client, expected):
        owner = "AsyncTriggerClient" if async_mode else "TriggerClient"
        raise ConfigurationError(
            f"http_client must be an httpx.{expected.__name__} for {owner}, got {type(client).__name__}"
        )
    if clashing:
        raise ConfigurationError(
            f"{', '.join(clashing)} cannot be combined with http_client=: set them on your own "
            "httpx client instead (httpx.Client(proxy=..., limits=..., verify=..., trust_env=...))"
        )
    if client.is_closed:
        raise ConfigurationError("http_client is closed; pass an open httpx client")
    # the hard per-attempt deadline under their httpx transports too (inert outside our calls);
    # a transport of another kind gets the coarser check between body chunks
    mounted = getattr(client, "_mounts", {})
    for transport in (getattr(client, "_transport", None), *(mounted.values() if isinstance(mounted, dict) else ())):
        from ._deadline_backend import install_deadline  # httpcore: only once a transport is made

        install_deadline(transport)
    headers = httpx.Headers(client.headers)
    if "authorization" in headers:
        del headers["authorization"]  # our auth decides who sees a key
    return Network(CallersClientTransport(client), headers=headers)


# the client's arguments build_network takes
NETWORK_ARGUMENTS = ("transport", "http_client", "proxy", "limits", "verify", "trust_env", "environ")


def build_network(
    async_mode: bool,
    *,
    transport: object,
    http_client: object,
    proxy: object,
    limits: object,
    verify: object,
    trust_env: bool,
    environ: Mapping[str, str] | None,
) -> Network:
    """The transports under the retry layer: a caller's client, a caller's transport, or httpx's own."""
    if http_client is not None:
        given = (("transport", transport), ("proxy", proxy), ("limits", limits))
        clashing = [name for name, value in given if value is not None]
        clashing += [name for name, value in (("verify", verify), ("trust_env", trust_env)) if value is not True]
        return _callers_network(async_mode, http_client, clashing)
    if transport is not None:
        clashing = [name for name, value in (("proxy", proxy), ("limits", limits)) if value is not None]
        clashing += ["verify"] if verify is not True else []
        if clashing:
            raise ConfigurationError(
                f"{', '.join(clashing)} cannot be combined "
                "with transport=, which replaces the network; pass http_client=httpx.Client(...) to keep "
                "httpx's own connections with your settings"
            )
        return Network(transport)
    proxies = resolve_proxies(proxy, trust_env=trust_env, environ=environ)
    options: dict[str, Any] = {"trust_env": trust_env}
    checked_limits = check_limits(limits)
    if checked_limits is not None:
        options["limits"] = checked_limits
    # one TLS context for the direct pool and every proxy pool (loading CA certificates is slow)
    options["verify"] = httpx.create_ssl_context(verify=check_verify(verify), trust_env=trust_env)
    transport_cls = httpx.AsyncHTTPTransport if async_mode else httpx.HTTPTransport
    mounts = {pattern: None if to is None else transport_cls(proxy=to, **options) for pattern, to in proxies.items()}
    return Network(transport_cls(**options), mounts)


REQUEST_KEY_HEADER = "x-trigger-request-idempotency-key"


def request_key() -> str:
    """A random (version 4) UUID as text, as str(uuid.uuid4()) writes it, without building a UUID object."""
    digits = os.urandom(16).hex()
    variant = "89ab"[int(digits[16], 16) & 3]
    return f"{digits[:8]}-{digits[8:12]}-4{digits[13:16]}-{variant}{digits[17:20]}-{digits[20:]}"


class RequestAuth(OriginBearerAuth):
    """The key for the API's own origin, plus one request-idempotency key per logical call.

    Auth runs once per `send`, above the retrying transport, so every retry of a call reuses its key.
    """

    def authorize(self, request: httpx.Request) -> None:
        if REQUEST_KEY_HEADER not in request.headers:
            request.headers[REQUEST_KEY_HEADER] = request_key()
        super().authorize(request)


class NoCookies(http.cookiejar.CookieJar):
    """The cookie jar of the client's own httpx client: it keeps nothing a server sets. The API is
    called with a key, not a session: no answer should leave state that later requests carry (the
    official SDK's fetch keeps no cookies either), and reading every answer's Set-Cookie headers into
    a jar costs each call a few microseconds for nothing."""

    def extract_cookies(self, response: Any, request: Any) -> None:
        return None

    def set_cookie(self, cookie: http.cookiejar.Cookie) -> None:
        return None


def shared_raw_client(base_url: httpx.URL, http: httpx.Client | httpx.AsyncClient) -> AuthenticatedClient:
    """The generated client (trigger_api) over `http`: its connections, key, headers and retries."""
    from trigger_api.client import AuthenticatedClient

    class _Raw(AuthenticatedClient):
        def __repr__(self) -> str:
            return "trigger_api.AuthenticatedClient(<shares a trigger-facade client>)"

    # the key is added by the facade client's auth; the generated client never holds it
    raw = _Raw(base_url=str(base_url), token="<redacted>")  # noqa: S106
    if isinstance(http, httpx.AsyncClient):
        raw.set_async_httpx_client(http)
    else:
        raw.set_httpx_client(http)
    return raw
