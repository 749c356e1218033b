from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_timezones_result import GetTimezonesResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    exclude_utc: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["excludeUtc"] = exclude_utc

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/timezones",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GetTimezonesResult | None:
    if response.status_code == 200:
        response_200 = GetTimezonesResult.from_dict(response.json())

        return response_200

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
) -> Response[ErrorResponse | GetTimezonesResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    exclude_utc: bool | Unset = UNSET,
) -> Response[ErrorResponse | GetTimezonesResult]:
    """Time zones a schedule accepts.

    Args:
        exclude_utc (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetTimezonesResult]
    """

    kwargs = _get_kwargs(
        exclude_utc=exclude_utc,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    exclude_utc: bool | Unset = UNSET,
) -> ErrorResponse | GetTimezonesResult | None:
    """Time zones a schedule accepts.

    Args:
        exclude_utc (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetTimezonesResult
    """

    return sync_detailed(
        client=client,
        exclude_utc=exclude_utc,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    exclude_utc: bool | Unset = UNSET,
) -> Response[ErrorResponse | GetTimezonesResult]:
    """Time zones a schedule accepts.

    Args:
        exclude_utc (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetTimezonesResult]
    """

    kwargs = _get_kwargs(
        exclude_utc=exclude_utc,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    exclude_utc: bool | Unset = UNSET,
) -> ErrorResponse | GetTimezonesResult | None:
    """Time zones a schedule accepts.

    Args:
        exclude_utc (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetTimezonesResult
    """

    return (
        await asyncio_detailed(
            client=client,
            exclude_utc=exclude_utc,
        )
    ).parsed
