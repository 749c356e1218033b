from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.who_am_i_response import WhoAmIResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    project_ref: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["projectRef"] = project_ref

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v2/whoami",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | WhoAmIResponse | None:
    if response.status_code == 200:
        response_200 = WhoAmIResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

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
) -> Response[ErrorResponse | WhoAmIResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    project_ref: str | Unset = UNSET,
) -> Response[ErrorResponse | WhoAmIResponse]:
    """Who a personal or organisation token belongs to.

    Args:
        project_ref (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WhoAmIResponse]
    """

    kwargs = _get_kwargs(
        project_ref=project_ref,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    project_ref: str | Unset = UNSET,
) -> ErrorResponse | WhoAmIResponse | None:
    """Who a personal or organisation token belongs to.

    Args:
        project_ref (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WhoAmIResponse
    """

    return sync_detailed(
        client=client,
        project_ref=project_ref,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    project_ref: str | Unset = UNSET,
) -> Response[ErrorResponse | WhoAmIResponse]:
    """Who a personal or organisation token belongs to.

    Args:
        project_ref (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WhoAmIResponse]
    """

    kwargs = _get_kwargs(
        project_ref=project_ref,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    project_ref: str | Unset = UNSET,
) -> ErrorResponse | WhoAmIResponse | None:
    """Who a personal or organisation token belongs to.

    Args:
        project_ref (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WhoAmIResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            project_ref=project_ref,
        )
    ).parsed
