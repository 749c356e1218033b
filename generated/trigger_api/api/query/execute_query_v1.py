from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.execute_query_csv_response import ExecuteQueryCsvResponse
from ...models.execute_query_json_response import ExecuteQueryJsonResponse
from ...models.execute_query_request_body import ExecuteQueryRequestBody
from ...types import Response


def _get_kwargs(
    *,
    body: ExecuteQueryRequestBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/query",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ExecuteQueryCsvResponse | ExecuteQueryJsonResponse | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> ExecuteQueryCsvResponse | ExecuteQueryJsonResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_execute_query_response_type_0 = (
                    ExecuteQueryJsonResponse.from_dict(data)
                )

                return componentsschemas_execute_query_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_execute_query_response_type_1 = (
                ExecuteQueryCsvResponse.from_dict(data)
            )

            return componentsschemas_execute_query_response_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

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
) -> Response[ErrorResponse | ExecuteQueryCsvResponse | ExecuteQueryJsonResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ExecuteQueryRequestBody,
) -> Response[ErrorResponse | ExecuteQueryCsvResponse | ExecuteQueryJsonResponse]:
    """Run a TRQL query.

    Args:
        body (ExecuteQueryRequestBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ExecuteQueryCsvResponse | ExecuteQueryJsonResponse]
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
    body: ExecuteQueryRequestBody,
) -> ErrorResponse | ExecuteQueryCsvResponse | ExecuteQueryJsonResponse | None:
    """Run a TRQL query.

    Args:
        body (ExecuteQueryRequestBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ExecuteQueryCsvResponse | ExecuteQueryJsonResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ExecuteQueryRequestBody,
) -> Response[ErrorResponse | ExecuteQueryCsvResponse | ExecuteQueryJsonResponse]:
    """Run a TRQL query.

    Args:
        body (ExecuteQueryRequestBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ExecuteQueryCsvResponse | ExecuteQueryJsonResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ExecuteQueryRequestBody,
) -> ErrorResponse | ExecuteQueryCsvResponse | ExecuteQueryJsonResponse | None:
    """Run a TRQL query.

    Args:
        body (ExecuteQueryRequestBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ExecuteQueryCsvResponse | ExecuteQueryJsonResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
