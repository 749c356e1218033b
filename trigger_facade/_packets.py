"""Large payloads ("packets"): the size rule, storage names, and decoding what storage returns."""

from __future__ import annotations

import json
import secrets
import string
from typing import Any

# at or above this many UTF-8 bytes a payload is uploaded first, as the official SDK does
PACKET_THRESHOLD = 128 * 1024
STORE_TYPE = "application/store"
_ALPHABET = string.ascii_letters + string.digits + "_-"


def packet_name() -> str:
    """A fresh storage name, shaped like the SDK's: trigger/packet_<21 chars>/payload.json."""
    suffix = "".join(secrets.choice(_ALPHABET) for _ in range(21))
    return f"trigger/packet_{suffix}/payload.json"


def decode_io(text: str, data_type: str | None) -> Any:
    """A stored payload or output as a Python value.

    application/super+json is superjson ({"json": value, "meta": ...}); its `json` part is the
    value (dates stay ISO strings). text/plain stays a string; JSON is parsed.
    """
    kind = (data_type or "application/json").split(";")[0].strip().lower()
    if kind == "text/plain":
        return text
    try:
        value = json.loads(text)
    except ValueError:
        return text
    if kind == "application/super+json" and isinstance(value, dict) and "json" in value:
        return value["json"]
    return value
