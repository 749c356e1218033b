from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.batch_trigger_v2_batch_processing_strategy import (
    BatchTriggerV2BatchProcessingStrategy,
)
from ...models.batch_trigger_v3_request_body import BatchTriggerV3RequestBody
from ...models.batch_trigger_v3_response import BatchTriggerV3Response
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BatchTriggerV3RequestBody,
    batch_processing_strategy: BatchTriggerV2BatchProcessingStrategy | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(batch_processing_strategy, Unset):
        headers["batch-processing-strategy"] = str(batch_processing_strategy)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v2/tasks/batch",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BatchTriggerV3Response | ErrorResponse | None:
    if response.status_code == 202:
        response_202 = BatchTriggerV3Response.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

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
) -> Response[BatchTriggerV3Response | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BatchTriggerV3RequestBody,
    batch_processing_strategy: BatchTriggerV2BatchProcessingStrategy | Unset = UNSET,
) -> Response[BatchTriggerV3Response | ErrorResponse]:
    """Trigger up to 500 runs across tasks in one request (v2).

    Args:
        batch_processing_strategy (BatchTriggerV2BatchProcessingStrategy | Unset):
        body (BatchTriggerV3RequestBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchTriggerV3Response | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        batch_processing_strategy=batch_processing_strategy,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BatchTriggerV3RequestBody,
    batch_processing_strategy: BatchTriggerV2BatchProcessingStrategy | Unset = UNSET,
) -> BatchTriggerV3Response | ErrorResponse | None:
    """Trigger up to 500 runs across tasks in one request (v2).

    Args:
        batch_processing_strategy (BatchTriggerV2BatchProcessingStrategy | Unset):
        body (BatchTriggerV3RequestBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchTriggerV3Response | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        batch_processing_strategy=batch_processing_strategy,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BatchTriggerV3RequestBody,
    batch_processing_strategy: BatchTriggerV2BatchProcessingStrategy | Unset = UNSET,
) -> Response[BatchTriggerV3Response | ErrorResponse]:
    """Trigger up to 500 runs across tasks in one request (v2).

    Args:
        batch_processing_strategy (BatchTriggerV2BatchProcessingStrategy | Unset):
        body (BatchTriggerV3RequestBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchTriggerV3Response | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        batch_processing_strategy=batch_processing_strategy,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BatchTriggerV3RequestBody,
    batch_processing_strategy: BatchTriggerV2BatchProcessingStrategy | Unset = UNSET,
) -> BatchTriggerV3Response | ErrorResponse | None:
    """Trigger up to 500 runs across tasks in one request (v2).

    Args:
        batch_processing_strategy (BatchTriggerV2BatchProcessingStrategy | Unset):
        body (BatchTriggerV3RequestBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchTriggerV3Response | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            batch_processing_strategy=batch_processing_strategy,
        )
    ).parsed
