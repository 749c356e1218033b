from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complete_waitpoint_token_callback_v1_body import (
    CompleteWaitpointTokenCallbackV1Body,
)
from ...models.complete_waitpoint_token_response import CompleteWaitpointTokenResponse
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    waitpoint_id: str,
    callback_hash: str,
    *,
    body: CompleteWaitpointTokenCallbackV1Body | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/waitpoints/tokens/{waitpoint_id}/callback/{callback_hash}".format(
            waitpoint_id=quote(str(waitpoint_id), safe=""),
            callback_hash=quote(str(callback_hash), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CompleteWaitpointTokenResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = CompleteWaitpointTokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = ErrorResponse.from_dict(response.json())

        return response_405

    if response.status_code == 411:
        response_411 = ErrorResponse.from_dict(response.json())

        return response_411

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

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
) -> Response[CompleteWaitpointTokenResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    waitpoint_id: str,
    callback_hash: str,
    *,
    client: AuthenticatedClient | Client,
    body: CompleteWaitpointTokenCallbackV1Body | Unset = UNSET,
) -> Response[CompleteWaitpointTokenResponse | ErrorResponse]:
    """Complete a waitpoint token through its callback URL, without a key.

    Args:
        waitpoint_id (str):
        callback_hash (str):
        body (CompleteWaitpointTokenCallbackV1Body | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompleteWaitpointTokenResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        waitpoint_id=waitpoint_id,
        callback_hash=callback_hash,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    waitpoint_id: str,
    callback_hash: str,
    *,
    client: AuthenticatedClient | Client,
    body: CompleteWaitpointTokenCallbackV1Body | Unset = UNSET,
) -> CompleteWaitpointTokenResponse | ErrorResponse | None:
    """Complete a waitpoint token through its callback URL, without a key.

    Args:
        waitpoint_id (str):
        callback_hash (str):
        body (CompleteWaitpointTokenCallbackV1Body | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompleteWaitpointTokenResponse | ErrorResponse
    """

    return sync_detailed(
        waitpoint_id=waitpoint_id,
        callback_hash=callback_hash,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    waitpoint_id: str,
    callback_hash: str,
    *,
    client: AuthenticatedClient | Client,
    body: CompleteWaitpointTokenCallbackV1Body | Unset = UNSET,
) -> Response[CompleteWaitpointTokenResponse | ErrorResponse]:
    """Complete a waitpoint token through its callback URL, without a key.

    Args:
        waitpoint_id (str):
        callback_hash (str):
        body (CompleteWaitpointTokenCallbackV1Body | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompleteWaitpointTokenResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        waitpoint_id=waitpoint_id,
        callback_hash=callback_hash,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    waitpoint_id: str,
    callback_hash: str,
    *,
    client: AuthenticatedClient | Client,
    body: CompleteWaitpointTokenCallbackV1Body | Unset = UNSET,
) -> CompleteWaitpointTokenResponse | ErrorResponse | None:
    """Complete a waitpoint token through its callback URL, without a key.

    Args:
        waitpoint_id (str):
        callback_hash (str):
        body (CompleteWaitpointTokenCallbackV1Body | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompleteWaitpointTokenResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            waitpoint_id=waitpoint_id,
            callback_hash=callback_hash,
            client=client,
            body=body,
        )
    ).parsed
