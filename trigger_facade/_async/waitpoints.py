"""client.waitpoints: tokens a run can wait for, completed by your code or through a callback URL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import attrs
from trigger_api.api.waitpoints import (
    complete_waitpoint_token_callback_v1,
    complete_waitpoint_token_v1,
    create_waitpoint_token_v1,
    list_waitpoint_tokens_v1,
    retrieve_waitpoint_token_v1,
)
from trigger_api.models.complete_waitpoint_token_callback_v1_body import CompleteWaitpointTokenCallbackV1Body
from trigger_api.models.complete_waitpoint_token_request import CompleteWaitpointTokenRequest
from trigger_api.models.complete_waitpoint_token_response import CompleteWaitpointTokenResponse
from trigger_api.models.create_waitpoint_token_request import CreateWaitpointTokenRequest

from .. import _validate as check
from .. import idempotency_keys
from .._base import parse_response
from .._payload import to_json_value
from ..durations import to_idempotency_key_ttl, to_timeout
from ..errors import InvalidInputError
from ..sansio.payloads import answer_token
from ..sansio.waitpoints import (
    TOKEN_STATUSES,
    WaitpointToken,
    callback_parts,
    parse_waitpoint_token,
    waitpoint_token_page,
)
from ._resource import AsyncResource
from .paginators import AsyncPaginator, paginate


class AsyncWaitpoints(AsyncResource):
    async def create_token(
        self,
        *,
        timeout: str | datetime | timedelta | None = None,
        idempotency_key: str | None = None,
        idempotency_key_ttl: str | timedelta | None = None,
        tags: str | Sequence[str] | None = None,
    ) -> WaitpointToken:
        """POST /api/v1/waitpoints/tokens. The idempotency key is sent as given (the server does not hash it);
        without one an automatic key (kept 1 h) makes a retried create answer the same token."""
        body: dict[str, Any] = {}
        if idempotency_key is not None:
            body["idempotencyKey"] = check.identifier(idempotency_key, "idempotency_key")
            if len(idempotency_key) > 2048:
                raise InvalidInputError("idempotency_key is longer than 2048 characters")
        if idempotency_key_ttl is not None:
            if idempotency_key is None:
                raise InvalidInputError("idempotency_key_ttl needs an idempotency_key")
            body["idempotencyKeyTTL"] = to_idempotency_key_ttl(idempotency_key_ttl)
        if idempotency_key is None:
            # the server dedupes only by this key (O6): without one a retried create would make two tokens
            _, material = idempotency_keys.automatic()
            body["idempotencyKey"] = material
            body["idempotencyKeyTTL"] = idempotency_keys.AUTOMATIC_TTL
        if timeout is not None:
            body["timeout"] = to_timeout(timeout)
        if tags is not None:
            body["tags"] = check.tags(tags)
        response = await self._call(
            create_waitpoint_token_v1._get_kwargs, body=CreateWaitpointTokenRequest.from_dict(body)
        )

        def parse(data: Any) -> WaitpointToken:
            return WaitpointToken(
                id=str(data["id"]), url=str(data["url"]), status="WAITING", is_cached=bool(data["isCached"])
            )

        created = parse_response(response, parse)
        # x-trigger-jwt, else signed from x-trigger-jwt-claims as the SDK does (write:waitpoints:<id>, 24 h)
        return attrs.evolve(created, public_access_token=answer_token(self._state, response, "waitpoint", created.id))

    def list_tokens(
        self,
        *,
        status: str | Sequence[str] | None = None,
        idempotency_key: str | None = None,
        tags: str | Sequence[str] | None = None,
        period: str | None = None,
        created_after: datetime | int | None = None,
        created_before: datetime | int | None = None,
        page_size: int | None = None,
        limit: int | None = None,
    ) -> AsyncPaginator[WaitpointToken]:
        """GET /api/v1/waitpoints/tokens, newest first, page after page."""
        params: dict[str, Any] = {}
        if status is not None:
            statuses = [status] if isinstance(status, str) else list(status)
            bad = [s for s in statuses if s not in TOKEN_STATUSES]
            if bad or not statuses:
                raise InvalidInputError(
                    f"status has unknown token statuses {bad}; accepted: {', '.join(TOKEN_STATUSES)}"
                )
            params["filterstatus"] = ",".join(statuses)
        if idempotency_key is not None:
            params["filteridempotency_key"] = check.identifier(idempotency_key, "idempotency_key")
        if tags is not None:
            params["filtertags"] = check.comma_list(tags, "tags")
        if period is not None:
            params["filtercreated_atperiod"] = check.period(period)
        if created_after is not None:
            params["filtercreated_atfrom"] = check.epoch_ms(created_after, "created_after")
        if created_before is not None:
            params["filtercreated_atto"] = check.epoch_ms(created_before, "created_before")
        if page_size is not None:
            params["pagesize"] = check.int_in_range(page_size, "page_size", 1, 100)

        return paginate(
            self._request,
            list_waitpoint_tokens_v1._get_kwargs,
            waitpoint_token_page,
            cursor="pageafter",
            limit=limit,
            params=params,
        )

    async def retrieve_token(self, token_id: str) -> WaitpointToken:
        """GET /api/v1/waitpoints/tokens/{id}, with its output decoded once completed."""
        token_id = check.identifier(token_id, "token_id")
        return await self._request(
            retrieve_waitpoint_token_v1._get_kwargs, parse_waitpoint_token, waitpoint_id=token_id
        )

    async def complete_token(self, token_id: str, data: Any = None) -> CompleteWaitpointTokenResponse:
        """POST .../{id}/complete with {"data": data} (the server ignores an `output` field)."""
        token_id = check.identifier(token_id, "token_id")
        body = CompleteWaitpointTokenRequest.from_dict({"data": to_json_value(data, argument="data")})
        return await self._request(
            complete_waitpoint_token_v1._get_kwargs,
            CompleteWaitpointTokenResponse.from_dict,
            waitpoint_id=token_id,
            body=body,
        )

    async def complete_token_by_url(self, url: str, data: Any = None) -> CompleteWaitpointTokenResponse:
        """POST to a token's callback URL: what an outside system does; sent without the key."""
        token_id, callback_hash = callback_parts(url)
        value = to_json_value(data if data is not None else {}, argument="data")
        if not isinstance(value, dict):
            raise InvalidInputError("data for a callback URL must be a JSON object (a dict)")
        return await self._request(
            complete_waitpoint_token_callback_v1._get_kwargs,
            CompleteWaitpointTokenResponse.from_dict,
            waitpoint_id=token_id,
            callback_hash=callback_hash,
            body=CompleteWaitpointTokenCallbackV1Body.from_dict(value),
        )
