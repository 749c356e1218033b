from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_batch_request import CreateBatchRequest
from ...models.create_batch_response import CreateBatchResponse
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateBatchRequest,
    x_trigger_request_idempotency_key: str | Unset = UNSET,
    x_trigger_api_version: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_trigger_request_idempotency_key, Unset):
        headers["x-trigger-request-idempotency-key"] = x_trigger_request_idempotency_key

    if not isinstance(x_trigger_api_version, Unset):
        headers["x-trigger-api-version"] = x_trigger_api_version

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v3/batches",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateBatchResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = CreateBatchResponse.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = CreateBatchResponse.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if 400 <= response.status_code <= 499:
        response_4xx = ErrorResponse.from_dict(response.json())

        return response_4xx

    if 500 <= response.status_code <= 599:
        response_5xx = ErrorResponse.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreateBatchResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateBatchRequest,
    x_trigger_request_idempotency_key: str | Unset = UNSET,
    x_trigger_api_version: str | Unset = UNSET,
) -> Response[CreateBatchResponse | ErrorResponse]:
    """Open a batch of runs (phase 1 of a streaming batch).

    Args:
        x_trigger_request_idempotency_key (str | Unset):
        x_trigger_api_version (str | Unset):
        body (CreateBatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateBatchResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        x_trigger_request_idempotency_key=x_trigger_request_idempotency_key,
        x_trigger_api_version=x_trigger_api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateBatchRequest,
    x_trigger_request_idempotency_key: str | Unset = UNSET,
    x_trigger_api_version: str | Unset = UNSET,
) -> CreateBatchResponse | ErrorResponse | None:
    """Open a batch of runs (phase 1 of a streaming batch).

    Args:
        x_trigger_request_idempotency_key (str | Unset):
        x_trigger_api_version (str | Unset):
        body (CreateBatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateBatchResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        x_trigger_request_idempotency_key=x_trigger_request_idempotency_key,
        x_trigger_api_version=x_trigger_api_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateBatchRequest,
    x_trigger_request_idempotency_key: str | Unset = UNSET,
    x_trigger_api_version: str | Unset = UNSET,
) -> Response[CreateBatchResponse | ErrorResponse]:
    """Open a batch of runs (phase 1 of a streaming batch).

    Args:
        x_trigger_request_idempotency_key (str | Unset):
        x_trigger_api_version (str | Unset):
        body (CreateBatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateBatchResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        x_trigger_request_idempotency_key=x_trigger_request_idempotency_key,
        x_trigger_api_version=x_trigger_api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateBatchRequest,
    x_trigger_request_idempotency_key: str | Unset = UNSET,
    x_trigger_api_version: str | Unset = UNSET,
) -> CreateBatchResponse | ErrorResponse | None:
    """Open a batch of runs (phase 1 of a streaming batch).

    Args:
        x_trigger_request_idempotency_key (str | Unset):
        x_trigger_api_version (str | Unset):
        body (CreateBatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateBatchResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_trigger_request_idempotency_key=x_trigger_request_idempotency_key,
            x_trigger_api_version=x_trigger_api_version,
        )
    ).parsed
