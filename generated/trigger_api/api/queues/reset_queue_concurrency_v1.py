from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.queue_object import QueueObject
from ...models.reset_queue_concurrency_v1_body import ResetQueueConcurrencyV1Body
from ...types import UNSET, Response, Unset


def _get_kwargs(
    queue_param: str,
    *,
    body: ResetQueueConcurrencyV1Body | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/queues/{queue_param}/concurrency/reset".format(
            queue_param=quote(str(queue_param), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | QueueObject | None:
    if response.status_code == 200:
        response_200 = QueueObject.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

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
) -> Response[ErrorResponse | QueueObject]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    queue_param: str,
    *,
    client: AuthenticatedClient,
    body: ResetQueueConcurrencyV1Body | Unset = UNSET,
) -> Response[ErrorResponse | QueueObject]:
    """Remove a queue's concurrency override.

    Args:
        queue_param (str):
        body (ResetQueueConcurrencyV1Body | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | QueueObject]
    """

    kwargs = _get_kwargs(
        queue_param=queue_param,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    queue_param: str,
    *,
    client: AuthenticatedClient,
    body: ResetQueueConcurrencyV1Body | Unset = UNSET,
) -> ErrorResponse | QueueObject | None:
    """Remove a queue's concurrency override.

    Args:
        queue_param (str):
        body (ResetQueueConcurrencyV1Body | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | QueueObject
    """

    return sync_detailed(
        queue_param=queue_param,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    queue_param: str,
    *,
    client: AuthenticatedClient,
    body: ResetQueueConcurrencyV1Body | Unset = UNSET,
) -> Response[ErrorResponse | QueueObject]:
    """Remove a queue's concurrency override.

    Args:
        queue_param (str):
        body (ResetQueueConcurrencyV1Body | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | QueueObject]
    """

    kwargs = _get_kwargs(
        queue_param=queue_param,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    queue_param: str,
    *,
    client: AuthenticatedClient,
    body: ResetQueueConcurrencyV1Body | Unset = UNSET,
) -> ErrorResponse | QueueObject | None:
    """Remove a queue's concurrency override.

    Args:
        queue_param (str):
        body (ResetQueueConcurrencyV1Body | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | QueueObject
    """

    return (
        await asyncio_detailed(
            queue_param=queue_param,
            client=client,
            body=body,
        )
    ).parsed
