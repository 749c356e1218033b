"""Waitpoint tokens: create (deduped by its own idempotencyKey, O6), list (F7), retrieve, complete.

A missing token on retrieve is a 500 (O8); completing is `{"success": true}`, again on a repeat
(O16); a completed token's output is a superjson string.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import string
from typing import Any

import httpx

from .._auth import DAY, Access, public_token_headers, require_scope
from .._filters import time_window
from .._lifecycle import delay_until, key_lifetime
from .._router import Call, Route
from .._state import iso, new_id
from .._wire import ApiError, Reply, base_url, decode_cursor, encode_cursor, page_size

MAX_TAGS = 10


def expire(token: dict[str, Any], now: float) -> None:
    if token["status"] == "WAITING" and token["timeoutAt"] is not None and now >= token["timeoutAt"]:
        token["status"] = "TIMED_OUT"


def item(token: dict[str, Any]) -> dict[str, Any]:
    """A list item: the key only when the caller gave it; timeoutAt/completedAfter only with a timeout."""
    body: dict[str, Any] = {"id": token["id"], "url": token["url"], "status": token["status"]}
    if token["userKey"]:
        body["idempotencyKey"] = token["idempotencyKey"]
    if token["timeoutAt"] is not None:
        body["timeoutAt"] = body["completedAfter"] = iso(token["timeoutAt"])
    body.update({"tags": token["tags"], "createdAt": iso(token["createdAt"])})
    return body


def detail(token: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": token["id"],
        "type": "MANUAL",
        "url": token["url"],
        "status": token["status"],
        "idempotencyKey": token["idempotencyKey"],
        "userProvidedIdempotencyKey": token["userKey"],
    }
    if token["output"] is not None:
        body["output"] = token["output"]
    body.update({"outputType": token["outputType"], "outputIsError": False})
    if token["timeoutAt"] is not None:
        body["timeoutAt"] = body["completedAfter"] = iso(token["timeoutAt"])
    if token["completedAt"] is not None:
        body["completedAt"] = iso(token["completedAt"])
    body.update({"createdAt": iso(token["createdAt"]), "tags": token["tags"]})
    return body


def create_token(call: Call) -> Reply:
    body = call.body() if call.request.content else {}
    state, now = call.state, call.now()
    key = body.get("idempotencyKey") if isinstance(body.get("idempotencyKey"), str) else None
    cached = state.tokens.get(state.token_keys.get(key, "")) if key else None
    if cached is not None and (cached["keyExpiresAt"] is None or now < cached["keyExpiresAt"]):
        return answer(call, cached, is_cached=True)
    tags = body.get("tags") or []
    tags = [tags] if isinstance(tags, str) else list(tags)
    if len(tags) > MAX_TAGS:
        raise ApiError(422, f"Waitpoints can only have {MAX_TAGS} tags")
    token_id = new_id("waitpoint")
    digest = hmac.new(state.config.secret_key.encode(), token_id.encode(), hashlib.sha256).hexdigest()
    token = {
        "id": token_id,
        "url": f"{base_url(call.request)}/api/v1/waitpoints/tokens/{token_id}/callback/{digest}",
        "hash": digest,
        "status": "WAITING",
        # the server gives every token a key; only a caller's key is "user provided"
        "idempotencyKey": key or auto_key(),
        "userKey": key is not None,
        "keyExpiresAt": now + key_lifetime(body.get("idempotencyKeyTTL")) if key else None,
        "timeoutAt": delay_until(body.get("timeout"), now),
        "tags": tags,
        "createdAt": now,
        "completedAt": None,
        "output": None,
        "outputType": "application/json",
    }
    state.tokens[token_id] = token
    if key:
        state.token_keys[key] = token_id
    return answer(call, token, is_cached=False)


def auto_key() -> str:
    return "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(24))


def answer(call: Call, token: dict[str, Any], *, is_cached: bool) -> Reply:
    headers = public_token_headers(
        call.state.config, [f"write:waitpoints:{token['id']}"], now=call.now(), lifetime=DAY, claims_carry_scopes=False
    )
    return Reply(200, {"id": token["id"], "isCached": is_cached, "url": token["url"]}, headers)


def list_tokens(call: Call) -> Reply:
    params, now = call.params, call.now()
    size = page_size(params, "page[size]", 25, 100)
    statuses = set(params["filter[status]"].split(",")) if "filter[status]" in params else None
    tags = set(params["filter[tags]"].split(",")) if "filter[tags]" in params else None
    key = params.get("filter[idempotencyKey]")
    # F7: the lower bound is the later of period and from; `to` applies; no default look-back
    period_after, _ = time_window(params, "filter[createdAt]", now)
    without_period = httpx.QueryParams([(k, v) for k, v in params.multi_items() if k != "filter[createdAt][period]"])
    from_after, before = time_window(without_period, "filter[createdAt]", now)
    bounds = [b for b in (period_after, from_after) if b is not None]
    after = max(bounds) if bounds else None
    for token in call.state.tokens.values():
        expire(token, now)
    tokens = [
        t
        for t in reversed(list(call.state.tokens.values()))
        if (statuses is None or t["status"] in statuses)
        and (tags is None or tags & set(t["tags"]))
        and (key is None or t["idempotencyKey"] == key)
        and (after is None or t["createdAt"] >= after)
        and (before is None or t["createdAt"] <= before)
    ]
    start = decode_cursor(params.get("page[after]"), 0)
    pagination: dict[str, str] = {}
    if start + size < len(tokens):
        pagination["next"] = encode_cursor(start + size)
    if start > 0:
        pagination["previous"] = encode_cursor(max(0, start - size))
    return Reply(200, {"data": [item(t) for t in tokens[start : start + size]], "pagination": pagination})


def retrieve_token(call: Call, token: str) -> Reply:
    target = call.state.tokens.get(token)
    if target is None:
        raise ApiError(500, "Internal Server Error")  # O8: "Waitpoint not found" is not mapped to a 404
    expire(target, call.now())
    return Reply(200, detail(target))


def complete(call: Call, token: dict[str, Any], data: Any) -> None:
    expire(token, call.now())
    if token["status"] != "WAITING":
        return  # O16: completing again is answered the same
    token["status"] = "COMPLETED"
    token["completedAt"] = call.now()
    token["output"] = json.dumps({"json": data}, separators=(",", ":"))
    token["outputType"] = "application/super+json"


def complete_token(call: Call, token: str) -> Reply:
    require_scope(call.principal, f"write:waitpoints:{token}")
    target = call.state.tokens.get(token)
    if target is None:
        raise ApiError(404, "Waitpoint not found")
    complete(call, target, (call.body() if call.request.content else {}).get("data"))
    return Reply(200, {"success": True})


def callback(call: Call, token: str, hash: str) -> Reply:
    target = call.state.tokens.get(token)
    if target is None:
        raise ApiError(404, "Waitpoint not found")
    if not hmac.compare_digest(target["hash"], hash):
        raise ApiError(401, "Invalid URL, hash doesn't match")
    complete(call, target, call.body() if call.request.content else {})
    return Reply(200, {"success": True})


ROUTES = (
    Route("POST", "/api/v1/waitpoints/tokens", create_token),
    Route("GET", "/api/v1/waitpoints/tokens", list_tokens),
    Route("GET", "/api/v1/waitpoints/tokens/{token}", retrieve_token),
    Route("POST", "/api/v1/waitpoints/tokens/{token}/complete", complete_token, Access.ENV_OR_JWT),
    Route("POST", "/api/v1/waitpoints/tokens/{token}/callback/{hash}", callback, Access.NONE),
)
