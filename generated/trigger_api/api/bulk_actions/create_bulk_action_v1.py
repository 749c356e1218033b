from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_cancel_by_filter import BulkCancelByFilter
from ...models.bulk_cancel_by_run_ids import BulkCancelByRunIds
from ...models.bulk_replay_by_filter import BulkReplayByFilter
from ...models.bulk_replay_by_run_ids import BulkReplayByRunIds
from ...models.create_bulk_action_response import CreateBulkActionResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: BulkCancelByFilter
    | BulkCancelByRunIds
    | BulkReplayByFilter
    | BulkReplayByRunIds,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/bulk-actions",
    }

    if (
        isinstance(body, BulkCancelByFilter)
        or isinstance(body, BulkCancelByRunIds)
        or isinstance(body, BulkReplayByFilter)
    ):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateBulkActionResponse | ErrorResponse | None:
    if response.status_code == 202:
        response_202 = CreateBulkActionResponse.from_dict(response.json())

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
) -> Response[CreateBulkActionResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BulkCancelByFilter
    | BulkCancelByRunIds
    | BulkReplayByFilter
    | BulkReplayByRunIds,
) -> Response[CreateBulkActionResponse | ErrorResponse]:
    """Cancel or replay many runs at once.

    Args:
        body (BulkCancelByFilter | BulkCancelByRunIds | BulkReplayByFilter | BulkReplayByRunIds):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateBulkActionResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: BulkCancelByFilter
    | BulkCancelByRunIds
    | BulkReplayByFilter
    | BulkReplayByRunIds,
) -> CreateBulkActionResponse | ErrorResponse | None:
    """Cancel or replay many runs at once.

    Args:
        body (BulkCancelByFilter | BulkCancelByRunIds | BulkReplayByFilter | BulkReplayByRunIds):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateBulkActionResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BulkCancelByFilter
    | BulkCancelByRunIds
    | BulkReplayByFilter
    | BulkReplayByRunIds,
) -> Response[CreateBulkActionResponse | ErrorResponse]:
    """Cancel or replay many runs at once.

    Args:
        body (BulkCancelByFilter | BulkCancelByRunIds | BulkReplayByFilter | BulkReplayByRunIds):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateBulkActionResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BulkCancelByFilter
    | BulkCancelByRunIds
    | BulkReplayByFilter
    | BulkReplayByRunIds,
) -> CreateBulkActionResponse | ErrorResponse | None:
    """Cancel or replay many runs at once.

    Args:
        body (BulkCancelByFilter | BulkCancelByRunIds | BulkReplayByFilter | BulkReplayByRunIds):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateBulkActionResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
