"""client.sessions.

The parts without I/O, shared by the async resource classes and their sync rewrite.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from trigger_api.models.session_object import SessionObject

from .. import _validate as check
from .._pagination import cursor_page
from ..errors import InvalidInputError

TRIGGER_CONFIG_NAMES = frozenset(
    {
        "basePayload",
        "idleTimeoutInSeconds",
        "lockToVersion",
        "machine",
        "maxAttempts",
        "maxDuration",
        "queue",
        "region",
        "tags",
    }
)


SESSION_STATUSES = ("ACTIVE", "CLOSED", "EXPIRED")


session_page = cursor_page(SessionObject.from_dict)


def trigger_config_body(config: Mapping[str, Any]) -> dict[str, Any]:
    """The session's `triggerConfig`, in the server's names; `basePayload` is required."""
    value = check.json_object(config, "trigger_config")
    unknown = set(value) - TRIGGER_CONFIG_NAMES
    if unknown:
        raise InvalidInputError(
            f"trigger_config has unknown keys {sorted(unknown)}; accepted: {', '.join(sorted(TRIGGER_CONFIG_NAMES))}"
        )
    if not isinstance(value.get("basePayload"), dict):
        raise InvalidInputError(
            "trigger_config needs 'basePayload', a dict (the payload every run of the session gets)"
        )
    return value
