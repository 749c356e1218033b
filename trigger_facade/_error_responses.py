"""What an error keeps of a response: a copy without credentials, a picklable form of it, and the
server's own words from its body.

Nothing here imports the exceptions (errors imports this module), so pickling rebuilds any class it is given.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

import httpx

_E = TypeVar("_E", bound=Exception)


REDACTED = "[redacted]"
_SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie"})


def sanitized(response: httpx.Response) -> httpx.Response:
    """A copy of a read response whose request holds no credentials (neither header nor userinfo)."""
    request = response.request
    headers = [(k, REDACTED if k.lower() in _SECRET_HEADERS else v) for k, v in request.headers.multi_items()]
    clean = httpx.Request(request.method, request.url.copy_with(username=None, password=None), headers=headers)
    return httpx.Response(
        response.status_code,
        headers=response.headers.multi_items(),
        content=response.content,
        request=clean,
    )


def response_state(response: httpx.Response) -> dict[str, Any]:
    # plain values only: a live response holds a stream and its connection, which do not pickle
    return {
        "status": response.status_code,
        "headers": response.headers.multi_items(),
        "content": response.content,
        "method": response.request.method,
        "url": str(response.request.url),
    }


def rebuild_error(cls: type[_E], args: tuple[Any, ...], state: dict[str, Any]) -> _E:
    """The error `__reduce__` described, rebuilt without calling its (keyword-only) constructor."""
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    pickled = state.pop("_pickled_response", None)
    if pickled is not None:
        request = httpx.Request(pickled["method"], pickled["url"])
        state["response"] = httpx.Response(
            pickled["status"], headers=pickled["headers"], content=pickled["content"], request=request
        )
        state["headers"] = state["response"].headers
    error.__dict__.update(state)
    return error


def safe_url(request: httpx.Request) -> str:
    # URLs never carry the key (it travels in a header), but drop userinfo all the same
    return str(request.url.copy_with(username=None, password=None))


def decode_body(response: httpx.Response) -> Any:
    """The JSON body if there is one, else the text (proxies answer HTML), else None."""
    content = response.content
    if not content:
        return None
    try:
        return json.loads(content)
    except ValueError:
        return response.text


def server_message(status_code: int, body: Any) -> str:
    """The server's own words: `error` (a string, or an object with `message`), else the raw text."""
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, str) and error:
            return error
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            return str(error["message"])
        if isinstance(body.get("message"), str):
            return str(body["message"])
    if isinstance(body, str) and body.strip():
        return f"{status_code} {body.strip()[:500]}"
    return f"{status_code} status code (no body)"
