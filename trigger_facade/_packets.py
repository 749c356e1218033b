"""Large payloads ("packets"): the size rule, storage names, and decoding what comes back."""

from __future__ import annotations

import json
import secrets
import string
from typing import Any

from . import superjson
from .errors import InvalidInputError

# at or above this many UTF-8 bytes a payload is uploaded first, as the official SDK does
PACKET_THRESHOLD = 128 * 1024
STORE_TYPE = "application/store"
_ALPHABET = string.ascii_letters + string.digits + "_-"


def packet_name() -> str:
    """A fresh storage name, shaped like the SDK's: trigger/packet_<21 chars>/payload.json."""
    suffix = "".join(secrets.choice(_ALPHABET) for _ in range(21))
    return f"trigger/packet_{suffix}/payload.json"


def encode_payload(value: Any, *, argument: str) -> tuple[str | None, str]:
    """(data, dataType) as the official SDK sends `value`: superjson, a str as text/plain, UNDEFINED as
    no data. A value no payload can carry raises InvalidInputError naming `argument` and its path."""
    try:
        return superjson.encode_packet(value)
    except InvalidInputError as exc:
        message = str(exc)
        if message.startswith("value"):
            message = argument + message[len("value") :]
        raise InvalidInputError(message) from None
    except RecursionError:
        raise InvalidInputError(f"{argument} is nested too deeply to send") from None


def decode_io(text: str, data_type: str | None) -> Any:
    """A stored payload or output (a presigned download, a waitpoint output) as a Python value.

    application/super+json is superjson with its meta applied (Date -> aware datetime, bigint -> int,
    Set -> set, Map -> dict); text/plain stays a string; application/json is JSON. Storage that
    answers another content type gets JSON if the text is JSON, else the text itself.
    """
    kind = (data_type or "application/json").split(";")[0].strip().lower()
    if kind == superjson.SUPERJSON_CONTENT_TYPE:
        return superjson.parse(text)
    if kind == "text/plain":
        return text
    if kind == "application/json":
        return superjson.decode_packet(text, "application/json")
    try:
        return json.loads(text)
    except ValueError:
        return text
