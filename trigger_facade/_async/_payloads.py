"""Payloads as the official SDK sends them, and stored payloads and outputs read back."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import httpx

from .._base import build_request, operation_of
from .._packets import PACKET_THRESHOLD, STORE_TYPE, encode_payload
from ..sansio.payloads import answer_token, download, exact_json, upload_packet
from ._listing import AsyncListingResource


class AsyncPayloadResource(AsyncListingResource):
    async def _prepare_payload(
        self, payload: Any, *, argument: str = "payload"
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """({"payload": data} or {} for no payload, {"payloadType", "payloadSize"}) as the SDK sends them.

        Data of 128 KiB or more is uploaded first and sent by its storage path (application/store);
        payloadSize is the UTF-8 size of the data either way (0 without a payload).
        """
        data, data_type = encode_payload(payload, argument=argument)
        if data is None:
            return {}, {"payloadType": data_type, "payloadSize": 0}
        encoded = data.encode()
        if len(encoded) >= PACKET_THRESHOLD:
            stored = await self._upload_packet(encoded, data_type)
            return {"payload": stored}, {"payloadType": STORE_TYPE, "payloadSize": len(encoded)}
        return {"payload": data}, {"payloadType": data_type, "payloadSize": len(encoded)}

    async def _send_exact(
        self,
        build: Callable[..., dict[str, Any]],
        exact_body: Any,
        *,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        """Send a generated operation with `exact_body` written byte for byte as the SDK writes it."""
        operation = operation_of(build)
        spec = exact_json(self._state.checked(operation, build(**kwargs)), exact_body)
        if headers:
            spec["headers"] = {**spec["headers"], **headers}
        return await self._send(build_request(self._state, self._http, spec, operation=operation))

    def _answer_token(self, response: httpx.Response, kind: str, object_id: str) -> str | None:
        return answer_token(self._state, response, kind, object_id)

    async def _upload_packet(self, data: bytes, data_type: str) -> str:
        return await self._run(upload_packet(self._state, self._http, data, data_type))

    async def _download(self, url: str, deadline: float | None = None) -> Any:
        return await self._run(download(self._state, self._http, url, deadline))
