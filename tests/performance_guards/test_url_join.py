"""build_request joins a spec path to the base URL in one string (httpx then parses one URL instead of
two); the URL on the wire is exactly the one httpx's own join gives, whatever the path holds."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trigger_facade import TriggerClient
from trigger_facade._base import build_request

BASES = [
    "https://api.trigger.dev",
    "http://127.0.0.1:8030",
    "http://localhost:3030/prefix",
    "https://example.test/a/b/",
    "http://[::1]:8080/x",
    "https://bücher.example/api",
]
TEMPLATES = ["/api/v3/runs/{}", "/api/v1/projects/{}/envvars/dev/{}", "/api/v1/runs/{}/tags", "/api/v1/timezones"]


def clients() -> list[TriggerClient]:
    return [TriggerClient(secret_key="tr_dev_GUARD0123456789", base_url=base, environ={}) for base in BASES]


CLIENTS = clients()


@settings(max_examples=800, deadline=None)
@given(
    client=st.sampled_from(CLIENTS),
    template=st.sampled_from(TEMPLATES),
    values=st.lists(st.text(min_size=1, max_size=12), min_size=2, max_size=2),
    quoted=st.booleans(),
    query=st.sampled_from(["", "?a=1", "?x=%20y&b"]),
)
def test_a_spec_path_joins_as_httpx_joins_it(
    client: TriggerClient, template: str, values: list[str], quoted: bool, query: str
) -> None:
    parts = [quote(value, safe="") if quoted else value for value in values]
    path = template.format(*parts[: template.count("{}")]) + query
    http = client._http
    ours = outcome(lambda: build_request(client._state, http, {"method": "GET", "url": path}).url)
    assert ours == outcome(lambda: http.build_request("GET", path).url)


def outcome(make: Callable[[], httpx.URL]) -> tuple[str, bytes] | type[Exception]:
    """The URL as sent (its text and raw path), or the kind of error that refused it (a control
    character: the path check refuses those long before, with its own message)."""
    try:
        url = make()
    except httpx.InvalidURL as exc:
        return type(exc)
    return str(url), url.raw_path


@pytest.mark.parametrize(
    "url", ["https://storage.example/packet?sig=1", "//other.example/x", "relative/path", "", "/api/v3/runs/#x"]
)
def test_anything_but_a_plain_path_is_left_to_httpx(url: str) -> None:
    http = CLIENTS[0]._http
    ours = build_request(CLIENTS[0]._state, http, {"method": "GET", "url": url})
    assert ours.url == http.build_request("GET", url).url


@pytest.mark.parametrize("base", ["http://127.0.0.1:9/p?k=v", "http://127.0.0.1:9/p?", "http://127.0.0.1:9/p#f"])
def test_a_base_url_with_a_query_or_fragment_is_left_to_httpx(base: str) -> None:
    http = httpx.Client(base_url=base)
    ours = build_request(CLIENTS[0]._state, http, {"method": "GET", "url": "/api/v1/runs"})
    assert ours.url == http.build_request("GET", "/api/v1/runs").url
