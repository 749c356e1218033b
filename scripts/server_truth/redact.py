"""Secrets out of recordings, keeping each secret's shape so the recordings still read like the wire.

Secret keys become `tr_dev_REDACTED`; a JWT keeps its header and claims (they hold ids and scopes, which
the recordings exist to show) and loses its signature; a waitpoint callback hash becomes x's of the same
length.
"""

from __future__ import annotations

import re
from typing import Any

KEY_PLACEHOLDER_SUFFIX = "REDACTED"
SIGNATURE_PLACEHOLDER = "REDACTED"

# key material after the prefix: anything that is not already the placeholder
_KEY = re.compile(r"\b(tr|pk)_(dev|prod|stg|staging|preview|pat)_(?!REDACTED\b)[A-Za-z0-9]+")
_JWT = re.compile(r"\b(eyJ[A-Za-z0-9_-]*)\.(eyJ[A-Za-z0-9_-]*)\.(?!REDACTED\b)[A-Za-z0-9_-]+")
_CALLBACK_HASH = re.compile(r"(/callback/)([0-9a-fA-F]{16,})")


def redact_text(text: str) -> str:
    text = _KEY.sub(lambda m: f"{m.group(1)}_{m.group(2)}_{KEY_PLACEHOLDER_SUFFIX}", text)
    text = _JWT.sub(lambda m: f"{m.group(1)}.{m.group(2)}.{SIGNATURE_PLACEHOLDER}", text)
    return _CALLBACK_HASH.sub(lambda m: m.group(1) + "x" * len(m.group(2)), text)


def redact(value: Any) -> Any:
    """The same JSON value with every string (keys of objects too) redacted."""
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, list):
        return [redact(item) for item in value]
    if isinstance(value, dict):
        return {redact_text(key): redact(item) for key, item in value.items()}
    return value


def secrets_in(text: str) -> list[str]:
    """What still looks like a secret in `text` (empty when it is clean)."""
    found = [m.group(0) for m in _KEY.finditer(text)]
    found += [m.group(0) for m in _JWT.finditer(text)]
    found += [m.group(0) for m in _CALLBACK_HASH.finditer(text)]
    return found
