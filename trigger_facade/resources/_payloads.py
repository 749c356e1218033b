"""Payload preparation shared by every resource that triggers runs or reads stored data."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from .._base import build_request, parse_response
from .._packets import PACKET_THRESHOLD, STORE_TYPE, decode_io, packet_name
from .._payload import encode, utf8_length_at_least
from .._transport import OriginBearerAuth
from ._listing import ListingResource


def _presigned(data: Any) -> tuple[str, str]:
    return str(data["presignedUrl"]), str(data["storagePath"])


class PayloadResource(ListingResource):
    def _prepare_payload(self, payload: Any, *, argument: str = "payload") -> tuple[Any, dict[str, Any]]:
        """(payload for the body, extra options). At 128 KiB or more it is uploaded and sent by reference."""
        text = encode(payload, argument=argument)
        size = utf8_length_at_least(text, PACKET_THRESHOLD)
        if size is None:
            return json.loads(text), {}
        return self._upload_packet(text), {"payloadType": STORE_TYPE, "payloadSize": size}

    def _upload_packet(self, text: str) -> str:
        """PUT /api/v2/packets/{name} for a presigned URL, then PUT the bytes there without the key."""
        presign = build_request(
            self._state,
            self._http,
            {"method": "PUT", "url": f"/api/v2/packets/{quote(packet_name(), safe='')}"},
        )
        url, storage_path = parse_response(self._send(presign), _presigned)
        upload = build_request(
            self._state,
            self._http,
            {
                "method": "PUT",
                "url": url,
                "content": text.encode(),
                "headers": {"Content-Type": "application/json"},
                "extensions": {OriginBearerAuth.ANONYMOUS: True},
            },
        )
        self._send(upload)
        return storage_path

    def _download(self, url: str) -> Any:
        """GET a presigned URL (never with the key) and decode what it holds."""
        request = build_request(
            self._state,
            self._http,
            {"method": "GET", "url": url, "extensions": {OriginBearerAuth.ANONYMOUS: True}},
        )
        response = self._send(request)
        return decode_io(response.text, response.headers.get("content-type"))
