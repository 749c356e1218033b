"""client.auth.

The parts without I/O, shared by the async resource classes and their sync rewrite.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import attrs
import httpx

from .. import public_tokens
from .._base import parse_response
from .._config import KeyKind
from .._retry import Clock
from ..errors import ConfigurationError
from ..public_tokens import Expiration, Scopes

CLAIMS_OPERATION = "public-token-claims"


NO_SERVER_MINTING = (
    "This additional API key cannot self-sign public tokens, and the server does not support public-token "
    "minting. Upgrade the server or use the root API key."
)


def parse_claims(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict) or not isinstance(data.get("sub"), str) or not data["sub"]:
        raise TypeError("the claims answer needs 'sub', the environment id")
    return data


def _token(data: Any) -> str:
    token = data["token"]
    if not isinstance(token, str) or not token:
        raise TypeError("'token' must be a non-empty string")
    return token


@attrs.frozen
class TokenPlan:
    """How one token is made: `body` to post (an additional key), or `sign` given the claims (a root key).
    Made only after every argument was checked, so nothing is sent for bad input."""

    body: dict[str, Any] | None = None
    sign: Callable[[Mapping[str, Any]], str] | None = None


def plan_token(
    key: str,
    kind: KeyKind,
    clock: Clock,
    *,
    trigger: str | None,
    tasks: str | Sequence[str] = (),
    scopes: Scopes | None = None,
    multiple_use: bool = False,
    expiration: Expiration | None = None,
    skip_columns: Sequence[str] | None = None,
) -> TokenPlan:
    """`trigger` is None for a public token, "trigger" or "batchTrigger" for a trigger token."""
    if kind is not KeyKind.ENVIRONMENT:
        raise ConfigurationError(
            f"public access tokens are made with an environment secret key (tr_dev_..., tr_prod_...); this "
            f"client holds a {kind.value}"
        )
    if public_tokens.is_additional_api_key(key):
        now = datetime.fromtimestamp(clock.now(), UTC)
        if trigger is None:
            body = public_tokens.public_token_request(
                scopes=scopes if scopes is not None else [], expiration=expiration, skip_columns=skip_columns, now=now
            )
        else:
            body = public_tokens.trigger_token_request(
                tasks, batch=trigger == "batchTrigger", multiple_use=multiple_use, expiration=expiration,
                skip_columns=skip_columns, now=now,
            )  # fmt: skip
        return TokenPlan(body=body)

    def sign(claims: Mapping[str, Any]) -> str:
        now = datetime.fromtimestamp(clock.now(), UTC)
        if trigger is None:
            return public_tokens.create_public_token(
                signing_key=key, claims=claims, scopes=scopes, expiration=expiration, skip_columns=skip_columns,
                now=now,
            )  # fmt: skip
        make = (
            public_tokens.create_batch_trigger_token
            if trigger == "batchTrigger"
            else public_tokens.create_trigger_token
        )
        return make(
            tasks, signing_key=key, claims=claims, multiple_use=multiple_use, expiration=expiration,
            skip_columns=skip_columns, now=now,
        )  # fmt: skip

    sign({"sub": "env_check", "pub": True})  # every argument checked before the claims call
    return TokenPlan(sign=sign)


def minted_token(response: httpx.Response) -> str:
    return parse_response(response, _token)
