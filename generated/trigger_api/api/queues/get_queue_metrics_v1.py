from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.queue_identifier_type import QueueIdentifierType
from ...models.queue_metrics_response import QueueMetricsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    queue_param: str,
    *,
    type_: QueueIdentifierType | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/queues/{queue_param}/metrics".format(
            queue_param=quote(str(queue_param), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | QueueMetricsResponse | None:
    if response.status_code == 200:
        response_200 = QueueMetricsResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | QueueMetricsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    queue_param: str,
    *,
    client: AuthenticatedClient | Client,
    type_: QueueIdentifierType | Unset = UNSET,
) -> Response[ErrorResponse | QueueMetricsResponse]:
    """Metrics of one queue.

    Args:
        queue_param (str):
        type_ (QueueIdentifierType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | QueueMetricsResponse]
    """

    kwargs = _get_kwargs(
        queue_param=queue_param,
        type_=type_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    queue_param: str,
    *,
    client: AuthenticatedClient | Client,
    type_: QueueIdentifierType | Unset = UNSET,
) -> ErrorResponse | QueueMetricsResponse | None:
    """Metrics of one queue.

    Args:
        queue_param (str):
        type_ (QueueIdentifierType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | QueueMetricsResponse
    """

    return sync_detailed(
        queue_param=queue_param,
        client=client,
        type_=type_,
    ).parsed


async def asyncio_detailed(
    queue_param: str,
    *,
    client: AuthenticatedClient | Client,
    type_: QueueIdentifierType | Unset = UNSET,
) -> Response[ErrorResponse | QueueMetricsResponse]:
    """Metrics of one queue.

    Args:
        queue_param (str):
        type_ (QueueIdentifierType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | QueueMetricsResponse]
    """

    kwargs = _get_kwargs(
        queue_param=queue_param,
        type_=type_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    queue_param: str,
    *,
    client: AuthenticatedClient | Client,
    type_: QueueIdentifierType | Unset = UNSET,
) -> ErrorResponse | QueueMetricsResponse | None:
    """Metrics of one queue.

    Args:
        queue_param (str):
        type_ (QueueIdentifierType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | QueueMetricsResponse
    """

    return (
        await asyncio_detailed(
            queue_param=queue_param,
            client=client,
            type_=type_,
        )
    ).parsed
