"""Payloads as the official SDK sends them, and stored payloads and outputs read back.

The parts without I/O, shared by the async resource classes and their sync rewrite.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from .._base import build_request, operation_of, parse_response
from .._packets import PACKET_THRESHOLD, STORE_TYPE, decode_io, encode_payload, packet_name
from .._transport import MAX_BODY_EXTENSION, OriginBearerAuth, check_presigned_url
from ..errors import InvalidInputError, PublicTokenError
from ..flows import Flow, exchange
from ..public_tokens import can_self_sign, fallback_token
from ..superjson import json_stringify

if TYPE_CHECKING:
    from ..client_state import ClientState

log = logging.getLogger("trigger_facade")


def parse_presigned_upload(data: Any) -> tuple[str, str]:
    url, path = data["presignedUrl"], data["storagePath"]
    if not isinstance(url, str) or not isinstance(path, str):
        raise TypeError("presignedUrl and storagePath must be strings")
    return url, path


def exact_json(spec: dict[str, Any], body: Any) -> dict[str, Any]:
    """A generated request whose JSON body is written as JavaScript's JSON.stringify writes `body`
    (key order included), so the bytes equal the official SDK's instead of json.dumps's."""
    spec = dict(spec)
    spec.pop("json", None)
    spec["content"] = json_stringify(body).encode()
    spec["headers"] = {**spec.get("headers", {}), "Content-Type": "application/json"}
    return spec


def prepare_payload(
    state: ClientState, http: httpx.Client | httpx.AsyncClient, payload: Any, *, argument: str = "payload"
) -> Flow[tuple[dict[str, Any], dict[str, Any]]]:
    """({"payload": data} or {} for no payload, {"payloadType", "payloadSize"}) as the SDK sends them.

    Data of 128 KiB or more is uploaded first and sent by its storage path (application/store);
    payloadSize is the UTF-8 size of the data either way (0 without a payload).
    """
    data, data_type = encode_payload(payload, argument=argument)
    if data is None:
        return {}, {"payloadType": data_type, "payloadSize": 0}
    encoded = data.encode()
    if len(encoded) >= PACKET_THRESHOLD:
        stored = yield from upload_packet(state, http, encoded, data_type)
        return {"payload": stored}, {"payloadType": STORE_TYPE, "payloadSize": len(encoded)}
    return {"payload": data}, {"payloadType": data_type, "payloadSize": len(encoded)}


def exact_request(
    state: ClientState,
    http: httpx.Client | httpx.AsyncClient,
    build: Callable[..., dict[str, Any]],
    exact_body: Any,
    /,
    *,
    headers: Mapping[str, str] | None = None,
    **kwargs: Any,
) -> httpx.Request:
    """A generated operation's request with `exact_body` written byte for byte as the SDK writes it."""
    operation = operation_of(build)
    spec = exact_json(state.checked(operation, build(**kwargs)), exact_body)
    if headers:
        spec["headers"] = {**spec["headers"], **headers}
    return build_request(state, http, spec, operation=operation)


def upload_packet(state: ClientState, http: httpx.Client | httpx.AsyncClient, data: bytes, data_type: str) -> Flow[str]:
    """PUT /api/v2/packets/{name} for a presigned URL, then PUT the bytes there without the key;
    the storage path the payload is then sent by."""
    presign = build_request(state, http, {"method": "PUT", "url": f"/api/v2/packets/{quote(packet_name(), safe='')}"})
    url, storage_path = parse_response((yield from exchange(presign)), parse_presigned_upload)
    upload = build_request(
        state,
        http,
        {
            "method": "PUT",
            "url": check_presigned_url(url, state.config.base_url),
            "content": data,
            "headers": {"Content-Type": data_type},
            "extensions": {OriginBearerAuth.ANONYMOUS: True},
        },
    )
    yield from exchange(upload)
    return storage_path


def download(
    state: ClientState, http: httpx.Client | httpx.AsyncClient, url: str, deadline: float | None = None
) -> Flow[Any]:
    """GET a presigned URL (never with the key, at most max_download_bytes) and decode what it holds
    (superjson with its meta applied, text, or JSON, by the stored content type)."""
    checked = check_presigned_url(url, state.config.base_url)
    request = build_request(
        state,
        http,
        {
            "method": "GET",
            "url": checked,
            "extensions": {OriginBearerAuth.ANONYMOUS: True, MAX_BODY_EXTENSION: state.max_download_bytes},
        },
        deadline=deadline,
    )
    response = yield from exchange(request)
    return decode_io(response.text, response.headers.get("content-type"))


def answer_token(state: ClientState, response: httpx.Response, kind: str, object_id: str) -> str | None:
    """The public access token of a trigger, batch or waitpoint answer: x-trigger-jwt, else one
    signed here from x-trigger-jwt-claims as the SDK does (root keys only). None when neither
    works; the call itself succeeded, so a bad claims header is logged rather than raised."""
    token = response.headers.get("x-trigger-jwt")
    if token:
        return str(token)
    claims = response.headers.get("x-trigger-jwt-claims")
    key = state.config.credentials.key
    if claims is None or not can_self_sign(key):
        return None
    try:
        return fallback_token(kind, claims, object_id, signing_key=key, now=state.clock.now())
    except (PublicTokenError, InvalidInputError) as exc:
        log.warning("%s %s: no public access token from the answer (%s)", kind, object_id, exc)
        return None
