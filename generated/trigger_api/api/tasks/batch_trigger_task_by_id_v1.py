from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.batch_trigger_task_by_id_v1_body import BatchTriggerTaskByIdV1Body
from ...models.batch_trigger_task_response import BatchTriggerTaskResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    task_identifier: str,
    *,
    body: BatchTriggerTaskByIdV1Body,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/tasks/{task_identifier}/batch".format(
            task_identifier=quote(str(task_identifier), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BatchTriggerTaskResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = BatchTriggerTaskResponse.from_dict(response.json())

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
) -> Response[BatchTriggerTaskResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    task_identifier: str,
    *,
    client: AuthenticatedClient,
    body: BatchTriggerTaskByIdV1Body,
) -> Response[BatchTriggerTaskResponse | ErrorResponse]:
    """Trigger one task many times (legacy single-task batch).

    Args:
        task_identifier (str):
        body (BatchTriggerTaskByIdV1Body):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchTriggerTaskResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        task_identifier=task_identifier,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    task_identifier: str,
    *,
    client: AuthenticatedClient,
    body: BatchTriggerTaskByIdV1Body,
) -> BatchTriggerTaskResponse | ErrorResponse | None:
    """Trigger one task many times (legacy single-task batch).

    Args:
        task_identifier (str):
        body (BatchTriggerTaskByIdV1Body):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchTriggerTaskResponse | ErrorResponse
    """

    return sync_detailed(
        task_identifier=task_identifier,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    task_identifier: str,
    *,
    client: AuthenticatedClient,
    body: BatchTriggerTaskByIdV1Body,
) -> Response[BatchTriggerTaskResponse | ErrorResponse]:
    """Trigger one task many times (legacy single-task batch).

    Args:
        task_identifier (str):
        body (BatchTriggerTaskByIdV1Body):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchTriggerTaskResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        task_identifier=task_identifier,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    task_identifier: str,
    *,
    client: AuthenticatedClient,
    body: BatchTriggerTaskByIdV1Body,
) -> BatchTriggerTaskResponse | ErrorResponse | None:
    """Trigger one task many times (legacy single-task batch).

    Args:
        task_identifier (str):
        body (BatchTriggerTaskByIdV1Body):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchTriggerTaskResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            task_identifier=task_identifier,
            client=client,
            body=body,
        )
    ).parsed
