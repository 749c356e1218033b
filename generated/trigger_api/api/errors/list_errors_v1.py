from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.list_errors_result import ListErrorsResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    pagesize: int | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    filtertask_identifier: str | Unset = UNSET,
    filterversion: str | Unset = UNSET,
    filterstatus: str | Unset = UNSET,
    filtersearch: str | Unset = UNSET,
    filterfrom: str | Unset = UNSET,
    filterto: str | Unset = UNSET,
    filterperiod: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page[size]"] = pagesize

    params["page[after]"] = pageafter

    params["page[before]"] = pagebefore

    params["filter[taskIdentifier]"] = filtertask_identifier

    params["filter[version]"] = filterversion

    params["filter[status]"] = filterstatus

    params["filter[search]"] = filtersearch

    params["filter[from]"] = filterfrom

    params["filter[to]"] = filterto

    params["filter[period]"] = filterperiod

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/errors",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ListErrorsResult | None:
    if response.status_code == 200:
        response_200 = ListErrorsResult.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

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
) -> Response[ErrorResponse | ListErrorsResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    pagesize: int | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    filtertask_identifier: str | Unset = UNSET,
    filterversion: str | Unset = UNSET,
    filterstatus: str | Unset = UNSET,
    filtersearch: str | Unset = UNSET,
    filterfrom: str | Unset = UNSET,
    filterto: str | Unset = UNSET,
    filterperiod: str | Unset = UNSET,
) -> Response[ErrorResponse | ListErrorsResult]:
    """Error groups.

    Args:
        pagesize (int | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        filtertask_identifier (str | Unset):
        filterversion (str | Unset):
        filterstatus (str | Unset):
        filtersearch (str | Unset):
        filterfrom (str | Unset):
        filterto (str | Unset):
        filterperiod (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListErrorsResult]
    """

    kwargs = _get_kwargs(
        pagesize=pagesize,
        pageafter=pageafter,
        pagebefore=pagebefore,
        filtertask_identifier=filtertask_identifier,
        filterversion=filterversion,
        filterstatus=filterstatus,
        filtersearch=filtersearch,
        filterfrom=filterfrom,
        filterto=filterto,
        filterperiod=filterperiod,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    pagesize: int | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    filtertask_identifier: str | Unset = UNSET,
    filterversion: str | Unset = UNSET,
    filterstatus: str | Unset = UNSET,
    filtersearch: str | Unset = UNSET,
    filterfrom: str | Unset = UNSET,
    filterto: str | Unset = UNSET,
    filterperiod: str | Unset = UNSET,
) -> ErrorResponse | ListErrorsResult | None:
    """Error groups.

    Args:
        pagesize (int | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        filtertask_identifier (str | Unset):
        filterversion (str | Unset):
        filterstatus (str | Unset):
        filtersearch (str | Unset):
        filterfrom (str | Unset):
        filterto (str | Unset):
        filterperiod (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListErrorsResult
    """

    return sync_detailed(
        client=client,
        pagesize=pagesize,
        pageafter=pageafter,
        pagebefore=pagebefore,
        filtertask_identifier=filtertask_identifier,
        filterversion=filterversion,
        filterstatus=filterstatus,
        filtersearch=filtersearch,
        filterfrom=filterfrom,
        filterto=filterto,
        filterperiod=filterperiod,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    pagesize: int | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    filtertask_identifier: str | Unset = UNSET,
    filterversion: str | Unset = UNSET,
    filterstatus: str | Unset = UNSET,
    filtersearch: str | Unset = UNSET,
    filterfrom: str | Unset = UNSET,
    filterto: str | Unset = UNSET,
    filterperiod: str | Unset = UNSET,
) -> Response[ErrorResponse | ListErrorsResult]:
    """Error groups.

    Args:
        pagesize (int | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        filtertask_identifier (str | Unset):
        filterversion (str | Unset):
        filterstatus (str | Unset):
        filtersearch (str | Unset):
        filterfrom (str | Unset):
        filterto (str | Unset):
        filterperiod (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListErrorsResult]
    """

    kwargs = _get_kwargs(
        pagesize=pagesize,
        pageafter=pageafter,
        pagebefore=pagebefore,
        filtertask_identifier=filtertask_identifier,
        filterversion=filterversion,
        filterstatus=filterstatus,
        filtersearch=filtersearch,
        filterfrom=filterfrom,
        filterto=filterto,
        filterperiod=filterperiod,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    pagesize: int | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    filtertask_identifier: str | Unset = UNSET,
    filterversion: str | Unset = UNSET,
    filterstatus: str | Unset = UNSET,
    filtersearch: str | Unset = UNSET,
    filterfrom: str | Unset = UNSET,
    filterto: str | Unset = UNSET,
    filterperiod: str | Unset = UNSET,
) -> ErrorResponse | ListErrorsResult | None:
    """Error groups.

    Args:
        pagesize (int | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        filtertask_identifier (str | Unset):
        filterversion (str | Unset):
        filterstatus (str | Unset):
        filtersearch (str | Unset):
        filterfrom (str | Unset):
        filterto (str | Unset):
        filterperiod (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListErrorsResult
    """

    return (
        await asyncio_detailed(
            client=client,
            pagesize=pagesize,
            pageafter=pageafter,
            pagebefore=pagebefore,
            filtertask_identifier=filtertask_identifier,
            filterversion=filterversion,
            filterstatus=filterstatus,
            filtersearch=filtersearch,
            filterfrom=filterfrom,
            filterto=filterto,
            filterperiod=filterperiod,
        )
    ).parsed
