from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.list_sessions_result import ListSessionsResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    pagesize: int | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    filtertype: str | Unset = UNSET,
    filtertags: str | Unset = UNSET,
    filtertask_identifier: str | Unset = UNSET,
    filterexternal_id: str | Unset = UNSET,
    filterstatus: str | Unset = UNSET,
    filtercreated_atfrom: str | Unset = UNSET,
    filtercreated_atto: str | Unset = UNSET,
    filtercreated_atperiod: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page[size]"] = pagesize

    params["page[after]"] = pageafter

    params["page[before]"] = pagebefore

    params["filter[type]"] = filtertype

    params["filter[tags]"] = filtertags

    params["filter[taskIdentifier]"] = filtertask_identifier

    params["filter[externalId]"] = filterexternal_id

    params["filter[status]"] = filterstatus

    params["filter[createdAt][from]"] = filtercreated_atfrom

    params["filter[createdAt][to]"] = filtercreated_atto

    params["filter[createdAt][period]"] = filtercreated_atperiod

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/sessions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ListSessionsResult | None:
    if response.status_code == 200:
        response_200 = ListSessionsResult.from_dict(response.json())

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
) -> Response[ErrorResponse | ListSessionsResult]:
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
    filtertype: str | Unset = UNSET,
    filtertags: str | Unset = UNSET,
    filtertask_identifier: str | Unset = UNSET,
    filterexternal_id: str | Unset = UNSET,
    filterstatus: str | Unset = UNSET,
    filtercreated_atfrom: str | Unset = UNSET,
    filtercreated_atto: str | Unset = UNSET,
    filtercreated_atperiod: str | Unset = UNSET,
) -> Response[ErrorResponse | ListSessionsResult]:
    """Sessions.

    Args:
        pagesize (int | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        filtertype (str | Unset):
        filtertags (str | Unset):
        filtertask_identifier (str | Unset):
        filterexternal_id (str | Unset):
        filterstatus (str | Unset):
        filtercreated_atfrom (str | Unset):
        filtercreated_atto (str | Unset):
        filtercreated_atperiod (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListSessionsResult]
    """

    kwargs = _get_kwargs(
        pagesize=pagesize,
        pageafter=pageafter,
        pagebefore=pagebefore,
        filtertype=filtertype,
        filtertags=filtertags,
        filtertask_identifier=filtertask_identifier,
        filterexternal_id=filterexternal_id,
        filterstatus=filterstatus,
        filtercreated_atfrom=filtercreated_atfrom,
        filtercreated_atto=filtercreated_atto,
        filtercreated_atperiod=filtercreated_atperiod,
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
    filtertype: str | Unset = UNSET,
    filtertags: str | Unset = UNSET,
    filtertask_identifier: str | Unset = UNSET,
    filterexternal_id: str | Unset = UNSET,
    filterstatus: str | Unset = UNSET,
    filtercreated_atfrom: str | Unset = UNSET,
    filtercreated_atto: str | Unset = UNSET,
    filtercreated_atperiod: str | Unset = UNSET,
) -> ErrorResponse | ListSessionsResult | None:
    """Sessions.

    Args:
        pagesize (int | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        filtertype (str | Unset):
        filtertags (str | Unset):
        filtertask_identifier (str | Unset):
        filterexternal_id (str | Unset):
        filterstatus (str | Unset):
        filtercreated_atfrom (str | Unset):
        filtercreated_atto (str | Unset):
        filtercreated_atperiod (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListSessionsResult
    """

    return sync_detailed(
        client=client,
        pagesize=pagesize,
        pageafter=pageafter,
        pagebefore=pagebefore,
        filtertype=filtertype,
        filtertags=filtertags,
        filtertask_identifier=filtertask_identifier,
        filterexternal_id=filterexternal_id,
        filterstatus=filterstatus,
        filtercreated_atfrom=filtercreated_atfrom,
        filtercreated_atto=filtercreated_atto,
        filtercreated_atperiod=filtercreated_atperiod,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    pagesize: int | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    filtertype: str | Unset = UNSET,
    filtertags: str | Unset = UNSET,
    filtertask_identifier: str | Unset = UNSET,
    filterexternal_id: str | Unset = UNSET,
    filterstatus: str | Unset = UNSET,
    filtercreated_atfrom: str | Unset = UNSET,
    filtercreated_atto: str | Unset = UNSET,
    filtercreated_atperiod: str | Unset = UNSET,
) -> Response[ErrorResponse | ListSessionsResult]:
    """Sessions.

    Args:
        pagesize (int | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        filtertype (str | Unset):
        filtertags (str | Unset):
        filtertask_identifier (str | Unset):
        filterexternal_id (str | Unset):
        filterstatus (str | Unset):
        filtercreated_atfrom (str | Unset):
        filtercreated_atto (str | Unset):
        filtercreated_atperiod (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListSessionsResult]
    """

    kwargs = _get_kwargs(
        pagesize=pagesize,
        pageafter=pageafter,
        pagebefore=pagebefore,
        filtertype=filtertype,
        filtertags=filtertags,
        filtertask_identifier=filtertask_identifier,
        filterexternal_id=filterexternal_id,
        filterstatus=filterstatus,
        filtercreated_atfrom=filtercreated_atfrom,
        filtercreated_atto=filtercreated_atto,
        filtercreated_atperiod=filtercreated_atperiod,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    pagesize: int | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    filtertype: str | Unset = UNSET,
    filtertags: str | Unset = UNSET,
    filtertask_identifier: str | Unset = UNSET,
    filterexternal_id: str | Unset = UNSET,
    filterstatus: str | Unset = UNSET,
    filtercreated_atfrom: str | Unset = UNSET,
    filtercreated_atto: str | Unset = UNSET,
    filtercreated_atperiod: str | Unset = UNSET,
) -> ErrorResponse | ListSessionsResult | None:
    """Sessions.

    Args:
        pagesize (int | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        filtertype (str | Unset):
        filtertags (str | Unset):
        filtertask_identifier (str | Unset):
        filterexternal_id (str | Unset):
        filterstatus (str | Unset):
        filtercreated_atfrom (str | Unset):
        filtercreated_atto (str | Unset):
        filtercreated_atperiod (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListSessionsResult
    """

    return (
        await asyncio_detailed(
            client=client,
            pagesize=pagesize,
            pageafter=pageafter,
            pagebefore=pagebefore,
            filtertype=filtertype,
            filtertags=filtertags,
            filtertask_identifier=filtertask_identifier,
            filterexternal_id=filterexternal_id,
            filterstatus=filterstatus,
            filtercreated_atfrom=filtercreated_atfrom,
            filtercreated_atto=filtercreated_atto,
            filtercreated_atperiod=filtercreated_atperiod,
        )
    ).parsed
