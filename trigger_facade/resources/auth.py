"""client.auth: public access tokens for a browser (`@trigger.dev/react-hooks`), as the official SDK makes them.

With the environment's root secret key the client asks once for the environment's claims
(POST /api/v1/auth/jwt/claims, kept for the client's life) and signs every token itself (HS256);
an additional key (tr_<env>_sk_...) cannot sign, so each token is minted by the server
(POST /api/v1/auth/public-tokens). Scopes and expiry are checked before anything is sent or signed.

AsyncAuth is written here by hand, as a twin of Auth that differs only in awaiting its two calls:
scripts/gen_async.py does not list this module yet (once it does, the twin is derived instead).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import attrs
import httpx
from trigger_api.api.auth import create_public_token_v1, get_jwt_claims_v1
from trigger_api.models.create_public_token_request import CreatePublicTokenRequest

from .. import public_tokens
from .._base import parse_response
from .._config import KeyKind
from .._retry import Clock
from ..errors import ConfigurationError, NotFoundError
from ..public_tokens import Expiration, Scopes
from ._payloads import PayloadResource

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


class Auth(PayloadResource):
    def create_public_token(
        self,
        *,
        scopes: Scopes | None = None,
        expiration: Expiration | None = None,
        skip_columns: Sequence[str] | None = None,
    ) -> str:
        """A public access token a frontend may use to read (or write) what `scopes` names.

        scopes: {"read": {"runs": ["run_1"], "tags": "user:1", "batch": "batch_1"}, "write":
        {"waitpoints": "wp_1"}}, {"read": {"runs": True}} for every run, or flat strings
        ("read:runs:run_1"). Without scopes the token grants nothing but reads as this environment
        (an additional key needs at least one scope). expiration: a duration ("15m", the default;
        "1h", "2 hours"), seconds from now, a timedelta, or an aware datetime. skip_columns: realtime
        columns the token's subscriptions leave out.
        """
        plan = self._plan(None, scopes=scopes, expiration=expiration, skip_columns=skip_columns)
        return self._make(plan)

    def create_trigger_token(
        self,
        tasks: str | Sequence[str],
        *,
        multiple_use: bool = False,
        expiration: Expiration | None = None,
        skip_columns: Sequence[str] | None = None,
    ) -> str:
        """A token that lets a browser trigger `tasks` (once, unless `multiple_use`)."""
        plan = self._plan(
            "trigger", tasks=tasks, multiple_use=multiple_use, expiration=expiration, skip_columns=skip_columns
        )
        return self._make(plan)

    def create_batch_trigger_token(
        self,
        tasks: str | Sequence[str],
        *,
        multiple_use: bool = False,
        expiration: Expiration | None = None,
        skip_columns: Sequence[str] | None = None,
    ) -> str:
        """A token that lets a browser batch-trigger `tasks` (once, unless `multiple_use`)."""
        plan = self._plan(
            "batchTrigger", tasks=tasks, multiple_use=multiple_use, expiration=expiration, skip_columns=skip_columns
        )
        return self._make(plan)

    def _plan(self, trigger: str | None, **arguments: Any) -> TokenPlan:
        credentials = self._state.config.credentials
        return plan_token(credentials.key, credentials.kind, self._state.clock, trigger=trigger, **arguments)

    def _make(self, plan: TokenPlan) -> str:
        if plan.body is not None:
            return self._minted(plan.body)
        assert plan.sign is not None
        return plan.sign(self._environment_claims())

    def _environment_claims(self) -> Mapping[str, Any]:
        """The claims answer for this key, asked for once per client (with_options copies share it)."""
        memo = self._state.memo
        if CLAIMS_OPERATION not in memo:
            memo[CLAIMS_OPERATION] = self._request(get_jwt_claims_v1._get_kwargs, parse_claims)
        claims: Mapping[str, Any] = memo[CLAIMS_OPERATION]
        return claims

    def _minted(self, body: dict[str, Any]) -> str:
        """POST /api/v1/auth/public-tokens with the SDK's body, byte for byte; the server's token."""
        try:
            response = self._send_exact(
                create_public_token_v1._get_kwargs, body, body=CreatePublicTokenRequest.from_dict(body)
            )
        except NotFoundError as exc:
            error = NotFoundError(NO_SERVER_MINTING, response=exc.response, body=exc.body)
        else:
            return minted_token(response)
        raise error
