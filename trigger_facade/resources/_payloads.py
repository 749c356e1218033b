"""Payload preparation shared by every resource that triggers runs or reads stored data."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from .._base import build_request, parse_response
from .._packets import PACKET_THRESHOLD, STORE_TYPE, decode_io, packet_name
from .._payload import encode, utf8_length_at_least
from .._transport import MAX_BODY_EXTENSION, OriginBearerAuth, check_presigned_url
from ._listing import ListingResource


def _presigned(data: Any) -> tuple[str, str]:
    url, path = data["presignedUrl"], data["storagePath"]
    if not isinstance(url, str) or not isinstance(path, str):
        raise TypeError("presignedUrl and storagePath must be strings")
    return url, path


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
                "url": check_presigned_url(url, self._state.config.base_url),
                "content": text.encode(),
                "headers": {"Content-Type": "application/json"},
                "extensions": {OriginBearerAuth.ANONYMOUS: True},
            },
        )
        self._send(upload)
        return storage_path

    def _download(self, url: str, deadline: float | None = None) -> Any:
        """GET a presigned URL (never with the key, at most max_download_bytes) and decode what it holds."""
        checked = check_presigned_url(url, self._state.config.base_url)
        request = build_request(
            self._state,
            self._http,
            {
                "method": "GET",
                "url": checked,
                "extensions": {OriginBearerAuth.ANONYMOUS: True, MAX_BODY_EXTENSION: self._state.max_download_bytes},
            },
            deadline=deadline,
        )
        response = self._send(request)
        return decode_io(response.text, response.headers.get("content-type"))
