"""client.waitpoints.

The parts without I/O, shared by the async resource classes and their sync rewrite.
"""

from __future__ import annotations

from typing import Any

import attrs
import httpx
from trigger_api.models.waitpoint_token_object import WaitpointTokenObject

from .._packets import decode_io
from .._pagination import cursor_page
from ..errors import InvalidInputError

TOKEN_STATUSES = ("WAITING", "COMPLETED", "TIMED_OUT")


@attrs.frozen
class WaitpointToken:
    """A waitpoint token. `url` is its callback URL: POSTing JSON there completes it, with no key needed."""

    id: str
    url: str
    status: str | None = None
    is_cached: bool = False
    output: Any = None  # decoded: a superjson output (O16) with its meta applied (Date -> datetime, ...)
    output_is_error: bool = False
    model: WaitpointTokenObject | None = attrs.field(default=None, repr=False, eq=False)
    public_access_token: str | None = attrs.field(default=None, repr=False)

    @classmethod
    def from_model(cls, model: WaitpointTokenObject) -> WaitpointToken:
        output = model.output if isinstance(model.output, str) else None
        output_type = model.output_type if isinstance(model.output_type, str) else None
        return cls(
            id=model.id,
            url=model.url,
            status=str(model.status),
            output=None if output is None else decode_io(output, output_type),
            output_is_error=model.output_is_error is True,
            model=model,
        )


def parse_waitpoint_token(data: Any) -> WaitpointToken:
    return WaitpointToken.from_model(WaitpointTokenObject.from_dict(data))


waitpoint_token_page = cursor_page(parse_waitpoint_token)


def callback_parts(url: str) -> tuple[str, str]:
    """(waitpoint id, hash) from a token's callback URL."""
    parts = httpx.URL(url).path.strip("/").split("/")
    if len(parts) != 7 or parts[:4] != ["api", "v1", "waitpoints", "tokens"] or parts[5] != "callback":
        raise InvalidInputError(
            f"url={url!r} is not a waitpoint callback URL (.../api/v1/waitpoints/tokens/ID/callback/HASH)"
        )
    return parts[4], parts[6]
