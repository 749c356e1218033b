from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.abort_bulk_action_response import AbortBulkActionResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    bulk_action_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/bulk-actions/{bulk_action_id}/abort".format(
            bulk_action_id=quote(str(bulk_action_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AbortBulkActionResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = AbortBulkActionResponse.from_dict(response.json())

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
) -> Response[AbortBulkActionResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    bulk_action_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[AbortBulkActionResponse | ErrorResponse]:
    """Stop a bulk action that is still running.

    Args:
        bulk_action_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AbortBulkActionResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        bulk_action_id=bulk_action_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    bulk_action_id: str,
    *,
    client: AuthenticatedClient,
) -> AbortBulkActionResponse | ErrorResponse | None:
    """Stop a bulk action that is still running.

    Args:
        bulk_action_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AbortBulkActionResponse | ErrorResponse
    """

    return sync_detailed(
        bulk_action_id=bulk_action_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    bulk_action_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[AbortBulkActionResponse | ErrorResponse]:
    """Stop a bulk action that is still running.

    Args:
        bulk_action_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AbortBulkActionResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        bulk_action_id=bulk_action_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bulk_action_id: str,
    *,
    client: AuthenticatedClient,
) -> AbortBulkActionResponse | ErrorResponse | None:
    """Stop a bulk action that is still running.

    Args:
        bulk_action_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AbortBulkActionResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            bulk_action_id=bulk_action_id,
            client=client,
        )
    ).parsed
