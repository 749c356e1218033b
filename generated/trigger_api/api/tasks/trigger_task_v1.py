from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.trigger_task_request_body import TriggerTaskRequestBody
from ...models.trigger_task_response import TriggerTaskResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    task_identifier: str,
    *,
    body: TriggerTaskRequestBody,
    idempotency_key: str | Unset = UNSET,
    idempotency_key_ttl: str | Unset = UNSET,
    x_trigger_request_idempotency_key: str | Unset = UNSET,
    x_trigger_api_version: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["idempotency-key"] = idempotency_key

    if not isinstance(idempotency_key_ttl, Unset):
        headers["idempotency-key-ttl"] = idempotency_key_ttl

    if not isinstance(x_trigger_request_idempotency_key, Unset):
        headers["x-trigger-request-idempotency-key"] = x_trigger_request_idempotency_key

    if not isinstance(x_trigger_api_version, Unset):
        headers["x-trigger-api-version"] = x_trigger_api_version

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/tasks/{task_identifier}/trigger".format(
            task_identifier=quote(str(task_identifier), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | TriggerTaskResponse | None:
    if response.status_code == 200:
        response_200 = TriggerTaskResponse.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

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
) -> Response[ErrorResponse | TriggerTaskResponse]:
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
    body: TriggerTaskRequestBody,
    idempotency_key: str | Unset = UNSET,
    idempotency_key_ttl: str | Unset = UNSET,
    x_trigger_request_idempotency_key: str | Unset = UNSET,
    x_trigger_api_version: str | Unset = UNSET,
) -> Response[ErrorResponse | TriggerTaskResponse]:
    """Trigger one run of a task.

    Args:
        task_identifier (str):
        idempotency_key (str | Unset):
        idempotency_key_ttl (str | Unset):
        x_trigger_request_idempotency_key (str | Unset):
        x_trigger_api_version (str | Unset):
        body (TriggerTaskRequestBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TriggerTaskResponse]
    """

    kwargs = _get_kwargs(
        task_identifier=task_identifier,
        body=body,
        idempotency_key=idempotency_key,
        idempotency_key_ttl=idempotency_key_ttl,
        x_trigger_request_idempotency_key=x_trigger_request_idempotency_key,
        x_trigger_api_version=x_trigger_api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    task_identifier: str,
    *,
    client: AuthenticatedClient,
    body: TriggerTaskRequestBody,
    idempotency_key: str | Unset = UNSET,
    idempotency_key_ttl: str | Unset = UNSET,
    x_trigger_request_idempotency_key: str | Unset = UNSET,
    x_trigger_api_version: str | Unset = UNSET,
) -> ErrorResponse | TriggerTaskResponse | None:
    """Trigger one run of a task.

    Args:
        task_identifier (str):
        idempotency_key (str | Unset):
        idempotency_key_ttl (str | Unset):
        x_trigger_request_idempotency_key (str | Unset):
        x_trigger_api_version (str | Unset):
        body (TriggerTaskRequestBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TriggerTaskResponse
    """

    return sync_detailed(
        task_identifier=task_identifier,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        idempotency_key_ttl=idempotency_key_ttl,
        x_trigger_request_idempotency_key=x_trigger_request_idempotency_key,
        x_trigger_api_version=x_trigger_api_version,
    ).parsed


async def asyncio_detailed(
    task_identifier: str,
    *,
    client: AuthenticatedClient,
    body: TriggerTaskRequestBody,
    idempotency_key: str | Unset = UNSET,
    idempotency_key_ttl: str | Unset = UNSET,
    x_trigger_request_idempotency_key: str | Unset = UNSET,
    x_trigger_api_version: str | Unset = UNSET,
) -> Response[ErrorResponse | TriggerTaskResponse]:
    """Trigger one run of a task.

    Args:
        task_identifier (str):
        idempotency_key (str | Unset):
        idempotency_key_ttl (str | Unset):
        x_trigger_request_idempotency_key (str | Unset):
        x_trigger_api_version (str | Unset):
        body (TriggerTaskRequestBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TriggerTaskResponse]
    """

    kwargs = _get_kwargs(
        task_identifier=task_identifier,
        body=body,
        idempotency_key=idempotency_key,
        idempotency_key_ttl=idempotency_key_ttl,
        x_trigger_request_idempotency_key=x_trigger_request_idempotency_key,
        x_trigger_api_version=x_trigger_api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    task_identifier: str,
    *,
    client: AuthenticatedClient,
    body: TriggerTaskRequestBody,
    idempotency_key: str | Unset = UNSET,
    idempotency_key_ttl: str | Unset = UNSET,
    x_trigger_request_idempotency_key: str | Unset = UNSET,
    x_trigger_api_version: str | Unset = UNSET,
) -> ErrorResponse | TriggerTaskResponse | None:
    """Trigger one run of a task.

    Args:
        task_identifier (str):
        idempotency_key (str | Unset):
        idempotency_key_ttl (str | Unset):
        x_trigger_request_idempotency_key (str | Unset):
        x_trigger_api_version (str | Unset):
        body (TriggerTaskRequestBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TriggerTaskResponse
    """

    return (
        await asyncio_detailed(
            task_identifier=task_identifier,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            idempotency_key_ttl=idempotency_key_ttl,
            x_trigger_request_idempotency_key=x_trigger_request_idempotency_key,
            x_trigger_api_version=x_trigger_api_version,
        )
    ).parsed
