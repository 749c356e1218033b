from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.list_waitpoint_tokens_result import ListWaitpointTokensResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    pagesize: int | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    filterstatus: str | Unset = UNSET,
    filteridempotency_key: str | Unset = UNSET,
    filtertags: str | Unset = UNSET,
    filtercreated_atperiod: str | Unset = UNSET,
    filtercreated_atfrom: str | Unset = UNSET,
    filtercreated_atto: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page[size]"] = pagesize

    params["page[after]"] = pageafter

    params["page[before]"] = pagebefore

    params["filter[status]"] = filterstatus

    params["filter[idempotencyKey]"] = filteridempotency_key

    params["filter[tags]"] = filtertags

    params["filter[createdAt][period]"] = filtercreated_atperiod

    params["filter[createdAt][from]"] = filtercreated_atfrom

    params["filter[createdAt][to]"] = filtercreated_atto

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/waitpoints/tokens",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ListWaitpointTokensResult | None:
    if response.status_code == 200:
        response_200 = ListWaitpointTokensResult.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

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
) -> Response[ErrorResponse | ListWaitpointTokensResult]:
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
    filterstatus: str | Unset = UNSET,
    filteridempotency_key: str | Unset = UNSET,
    filtertags: str | Unset = UNSET,
    filtercreated_atperiod: str | Unset = UNSET,
    filtercreated_atfrom: str | Unset = UNSET,
    filtercreated_atto: str | Unset = UNSET,
) -> Response[ErrorResponse | ListWaitpointTokensResult]:
    """Waitpoint tokens, newest first.

    Args:
        pagesize (int | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        filterstatus (str | Unset):
        filteridempotency_key (str | Unset):
        filtertags (str | Unset):
        filtercreated_atperiod (str | Unset):
        filtercreated_atfrom (str | Unset):
        filtercreated_atto (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListWaitpointTokensResult]
    """

    kwargs = _get_kwargs(
        pagesize=pagesize,
        pageafter=pageafter,
        pagebefore=pagebefore,
        filterstatus=filterstatus,
        filteridempotency_key=filteridempotency_key,
        filtertags=filtertags,
        filtercreated_atperiod=filtercreated_atperiod,
        filtercreated_atfrom=filtercreated_atfrom,
        filtercreated_atto=filtercreated_atto,
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
    filterstatus: str | Unset = UNSET,
    filteridempotency_key: str | Unset = UNSET,
    filtertags: str | Unset = UNSET,
    filtercreated_atperiod: str | Unset = UNSET,
    filtercreated_atfrom: str | Unset = UNSET,
    filtercreated_atto: str | Unset = UNSET,
) -> ErrorResponse | ListWaitpointTokensResult | None:
    """Waitpoint tokens, newest first.

    Args:
        pagesize (int | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        filterstatus (str | Unset):
        filteridempotency_key (str | Unset):
        filtertags (str | Unset):
        filtercreated_atperiod (str | Unset):
        filtercreated_atfrom (str | Unset):
        filtercreated_atto (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListWaitpointTokensResult
    """

    return sync_detailed(
        client=client,
        pagesize=pagesize,
        pageafter=pageafter,
        pagebefore=pagebefore,
        filterstatus=filterstatus,
        filteridempotency_key=filteridempotency_key,
        filtertags=filtertags,
        filtercreated_atperiod=filtercreated_atperiod,
        filtercreated_atfrom=filtercreated_atfrom,
        filtercreated_atto=filtercreated_atto,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    pagesize: int | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    filterstatus: str | Unset = UNSET,
    filteridempotency_key: str | Unset = UNSET,
    filtertags: str | Unset = UNSET,
    filtercreated_atperiod: str | Unset = UNSET,
    filtercreated_atfrom: str | Unset = UNSET,
    filtercreated_atto: str | Unset = UNSET,
) -> Response[ErrorResponse | ListWaitpointTokensResult]:
    """Waitpoint tokens, newest first.

    Args:
        pagesize (int | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        filterstatus (str | Unset):
        filteridempotency_key (str | Unset):
        filtertags (str | Unset):
        filtercreated_atperiod (str | Unset):
        filtercreated_atfrom (str | Unset):
        filtercreated_atto (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListWaitpointTokensResult]
    """

    kwargs = _get_kwargs(
        pagesize=pagesize,
        pageafter=pageafter,
        pagebefore=pagebefore,
        filterstatus=filterstatus,
        filteridempotency_key=filteridempotency_key,
        filtertags=filtertags,
        filtercreated_atperiod=filtercreated_atperiod,
        filtercreated_atfrom=filtercreated_atfrom,
        filtercreated_atto=filtercreated_atto,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    pagesize: int | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    filterstatus: str | Unset = UNSET,
    filteridempotency_key: str | Unset = UNSET,
    filtertags: str | Unset = UNSET,
    filtercreated_atperiod: str | Unset = UNSET,
    filtercreated_atfrom: str | Unset = UNSET,
    filtercreated_atto: str | Unset = UNSET,
) -> ErrorResponse | ListWaitpointTokensResult | None:
    """Waitpoint tokens, newest first.

    Args:
        pagesize (int | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        filterstatus (str | Unset):
        filteridempotency_key (str | Unset):
        filtertags (str | Unset):
        filtercreated_atperiod (str | Unset):
        filtercreated_atfrom (str | Unset):
        filtercreated_atto (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListWaitpointTokensResult
    """

    return (
        await asyncio_detailed(
            client=client,
            pagesize=pagesize,
            pageafter=pageafter,
            pagebefore=pagebefore,
            filterstatus=filterstatus,
            filteridempotency_key=filteridempotency_key,
            filtertags=filtertags,
            filtercreated_atperiod=filtercreated_atperiod,
            filtercreated_atfrom=filtercreated_atfrom,
            filtercreated_atto=filtercreated_atto,
        )
    ).parsed
