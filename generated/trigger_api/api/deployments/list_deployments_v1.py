from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.list_deployments_result import ListDeploymentsResult
from ...models.list_deployments_v1_status import ListDeploymentsV1Status
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    pageafter: str | Unset = UNSET,
    pagesize: int | Unset = UNSET,
    status: ListDeploymentsV1Status | Unset = UNSET,
    period: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page[after]"] = pageafter

    params["page[size]"] = pagesize

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["period"] = period

    params["from"] = from_

    params["to"] = to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/deployments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ListDeploymentsResult | None:
    if response.status_code == 200:
        response_200 = ListDeploymentsResult.from_dict(response.json())

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
) -> Response[ErrorResponse | ListDeploymentsResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    pageafter: str | Unset = UNSET,
    pagesize: int | Unset = UNSET,
    status: ListDeploymentsV1Status | Unset = UNSET,
    period: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
) -> Response[ErrorResponse | ListDeploymentsResult]:
    """Deployments, newest first.

    Args:
        pageafter (str | Unset):
        pagesize (int | Unset):
        status (ListDeploymentsV1Status | Unset):
        period (str | Unset):
        from_ (str | Unset):
        to (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListDeploymentsResult]
    """

    kwargs = _get_kwargs(
        pageafter=pageafter,
        pagesize=pagesize,
        status=status,
        period=period,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    pageafter: str | Unset = UNSET,
    pagesize: int | Unset = UNSET,
    status: ListDeploymentsV1Status | Unset = UNSET,
    period: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
) -> ErrorResponse | ListDeploymentsResult | None:
    """Deployments, newest first.

    Args:
        pageafter (str | Unset):
        pagesize (int | Unset):
        status (ListDeploymentsV1Status | Unset):
        period (str | Unset):
        from_ (str | Unset):
        to (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListDeploymentsResult
    """

    return sync_detailed(
        client=client,
        pageafter=pageafter,
        pagesize=pagesize,
        status=status,
        period=period,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    pageafter: str | Unset = UNSET,
    pagesize: int | Unset = UNSET,
    status: ListDeploymentsV1Status | Unset = UNSET,
    period: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
) -> Response[ErrorResponse | ListDeploymentsResult]:
    """Deployments, newest first.

    Args:
        pageafter (str | Unset):
        pagesize (int | Unset):
        status (ListDeploymentsV1Status | Unset):
        period (str | Unset):
        from_ (str | Unset):
        to (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListDeploymentsResult]
    """

    kwargs = _get_kwargs(
        pageafter=pageafter,
        pagesize=pagesize,
        status=status,
        period=period,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    pageafter: str | Unset = UNSET,
    pagesize: int | Unset = UNSET,
    status: ListDeploymentsV1Status | Unset = UNSET,
    period: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
) -> ErrorResponse | ListDeploymentsResult | None:
    """Deployments, newest first.

    Args:
        pageafter (str | Unset):
        pagesize (int | Unset):
        status (ListDeploymentsV1Status | Unset):
        period (str | Unset):
        from_ (str | Unset):
        to (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListDeploymentsResult
    """

    return (
        await asyncio_detailed(
            client=client,
            pageafter=pageafter,
            pagesize=pagesize,
            status=status,
            period=period,
            from_=from_,
            to=to,
        )
    ).parsed
