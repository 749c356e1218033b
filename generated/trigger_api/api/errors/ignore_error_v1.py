from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_object import ErrorObject
from ...models.error_response import ErrorResponse
from ...models.ignore_error_v1_body import IgnoreErrorV1Body
from ...types import Response


def _get_kwargs(
    error_id: str,
    *,
    body: IgnoreErrorV1Body,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/errors/{error_id}/ignore".format(
            error_id=quote(str(error_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorObject | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = ErrorObject.from_dict(response.json())

        return response_200

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
) -> Response[ErrorObject | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    error_id: str,
    *,
    client: AuthenticatedClient,
    body: IgnoreErrorV1Body,
) -> Response[ErrorObject | ErrorResponse]:
    """Ignore an error group.

    Args:
        error_id (str):
        body (IgnoreErrorV1Body):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorObject | ErrorResponse]
    """

    kwargs = _get_kwargs(
        error_id=error_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    error_id: str,
    *,
    client: AuthenticatedClient,
    body: IgnoreErrorV1Body,
) -> ErrorObject | ErrorResponse | None:
    """Ignore an error group.

    Args:
        error_id (str):
        body (IgnoreErrorV1Body):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorObject | ErrorResponse
    """

    return sync_detailed(
        error_id=error_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    error_id: str,
    *,
    client: AuthenticatedClient,
    body: IgnoreErrorV1Body,
) -> Response[ErrorObject | ErrorResponse]:
    """Ignore an error group.

    Args:
        error_id (str):
        body (IgnoreErrorV1Body):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorObject | ErrorResponse]
    """

    kwargs = _get_kwargs(
        error_id=error_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    error_id: str,
    *,
    client: AuthenticatedClient,
    body: IgnoreErrorV1Body,
) -> ErrorObject | ErrorResponse | None:
    """Ignore an error group.

    Args:
        error_id (str):
        body (IgnoreErrorV1Body):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorObject | ErrorResponse
    """

    return (
        await asyncio_detailed(
            error_id=error_id,
            client=client,
            body=body,
        )
    ).parsed
