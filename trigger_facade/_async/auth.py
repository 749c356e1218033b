"""client.auth: public access tokens for a browser (`@trigger.dev/react-hooks`), as the official SDK makes them.

With the environment's root secret key the client asks once for the environment's claims
(POST /api/v1/auth/jwt/claims, kept for the client's life) and signs every token itself (HS256);
an additional key (tr_<env>_sk_...) cannot sign, so each token is minted by the server
(POST /api/v1/auth/public-tokens). Scopes and expiry are checked before anything is sent or signed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from trigger_api.api.auth import create_public_token_v1, get_jwt_claims_v1
from trigger_api.models.create_public_token_request import CreatePublicTokenRequest

from ..errors import NotFoundError
from ..public_tokens import Expiration, Scopes
from ..sansio.auth import CLAIMS_OPERATION, NO_SERVER_MINTING, TokenPlan, minted_token, parse_claims, plan_token
from ..sansio.payloads import exact_request
from ._resource import AsyncResource


class AsyncAuth(AsyncResource):
    async def create_public_token(
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
        return await self._make(plan)

    async def create_trigger_token(
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
        return await self._make(plan)

    async def create_batch_trigger_token(
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
        return await self._make(plan)

    def _plan(self, trigger: str | None, **arguments: Any) -> TokenPlan:
        credentials = self._state.config.credentials
        return plan_token(credentials.key, credentials.kind, self._state.clock, trigger=trigger, **arguments)

    async def _make(self, plan: TokenPlan) -> str:
        if plan.body is not None:
            return await self._minted(plan.body)
        assert plan.sign is not None
        return plan.sign(await self._environment_claims())

    async def _environment_claims(self) -> Mapping[str, Any]:
        """The claims answer for this key, asked for once per client (with_options copies share it)."""
        memo = self._state.memo
        if CLAIMS_OPERATION not in memo:
            memo[CLAIMS_OPERATION] = await self._request(get_jwt_claims_v1._get_kwargs, parse_claims)
        claims: Mapping[str, Any] = memo[CLAIMS_OPERATION]
        return claims

    async def _minted(self, body: dict[str, Any]) -> str:
        """POST /api/v1/auth/public-tokens with the SDK's body, byte for byte; the server's token."""
        try:
            request = exact_request(
                self._state,
                self._http,
                create_public_token_v1._get_kwargs,
                body,
                body=CreatePublicTokenRequest.from_dict(body),
            )
            response = await self._send(request)
        except NotFoundError as exc:
            error = NotFoundError(NO_SERVER_MINTING, response=exc.response, body=exc.body)
        else:
            return minted_token(response)
        raise error
