from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.list_runs_result import ListRunsResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    pagesize: int | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    filtercreated_atfrom: str | Unset = UNSET,
    filtercreated_atto: str | Unset = UNSET,
    filtercreated_atperiod: str | Unset = UNSET,
    filterstatus: str | Unset = UNSET,
    filtertask_identifier: str | Unset = UNSET,
    filterversion: str | Unset = UNSET,
    filterbulk_action: str | Unset = UNSET,
    filterschedule: str | Unset = UNSET,
    filteris_test: bool | Unset = UNSET,
    filtertag: str | Unset = UNSET,
    filtererror: str | Unset = UNSET,
    filterbatch: str | Unset = UNSET,
    filterqueue: str | Unset = UNSET,
    filtermachine: str | Unset = UNSET,
    filterregion: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page[size]"] = pagesize

    params["page[after]"] = pageafter

    params["page[before]"] = pagebefore

    params["filter[createdAt][from]"] = filtercreated_atfrom

    params["filter[createdAt][to]"] = filtercreated_atto

    params["filter[createdAt][period]"] = filtercreated_atperiod

    params["filter[status]"] = filterstatus

    params["filter[taskIdentifier]"] = filtertask_identifier

    params["filter[version]"] = filterversion

    params["filter[bulkAction]"] = filterbulk_action

    params["filter[schedule]"] = filterschedule

    params["filter[isTest]"] = filteris_test

    params["filter[tag]"] = filtertag

    params["filter[error]"] = filtererror

    params["filter[batch]"] = filterbatch

    params["filter[queue]"] = filterqueue

    params["filter[machine]"] = filtermachine

    params["filter[region]"] = filterregion

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/runs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ListRunsResult | None:
    if response.status_code == 200:
        response_200 = ListRunsResult.from_dict(response.json())

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
) -> Response[ErrorResponse | ListRunsResult]:
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
    filtercreated_atfrom: str | Unset = UNSET,
    filtercreated_atto: str | Unset = UNSET,
    filtercreated_atperiod: str | Unset = UNSET,
    filterstatus: str | Unset = UNSET,
    filtertask_identifier: str | Unset = UNSET,
    filterversion: str | Unset = UNSET,
    filterbulk_action: str | Unset = UNSET,
    filterschedule: str | Unset = UNSET,
    filteris_test: bool | Unset = UNSET,
    filtertag: str | Unset = UNSET,
    filtererror: str | Unset = UNSET,
    filterbatch: str | Unset = UNSET,
    filterqueue: str | Unset = UNSET,
    filtermachine: str | Unset = UNSET,
    filterregion: str | Unset = UNSET,
) -> Response[ErrorResponse | ListRunsResult]:
    """Runs of this environment, newest first.

    Args:
        pagesize (int | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        filtercreated_atfrom (str | Unset):
        filtercreated_atto (str | Unset):
        filtercreated_atperiod (str | Unset):
        filterstatus (str | Unset):
        filtertask_identifier (str | Unset):
        filterversion (str | Unset):
        filterbulk_action (str | Unset):
        filterschedule (str | Unset):
        filteris_test (bool | Unset):
        filtertag (str | Unset):
        filtererror (str | Unset):
        filterbatch (str | Unset):
        filterqueue (str | Unset):
        filtermachine (str | Unset):
        filterregion (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListRunsResult]
    """

    kwargs = _get_kwargs(
        pagesize=pagesize,
        pageafter=pageafter,
        pagebefore=pagebefore,
        filtercreated_atfrom=filtercreated_atfrom,
        filtercreated_atto=filtercreated_atto,
        filtercreated_atperiod=filtercreated_atperiod,
        filterstatus=filterstatus,
        filtertask_identifier=filtertask_identifier,
        filterversion=filterversion,
        filterbulk_action=filterbulk_action,
        filterschedule=filterschedule,
        filteris_test=filteris_test,
        filtertag=filtertag,
        filtererror=filtererror,
        filterbatch=filterbatch,
        filterqueue=filterqueue,
        filtermachine=filtermachine,
        filterregion=filterregion,
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
    filtercreated_atfrom: str | Unset = UNSET,
    filtercreated_atto: str | Unset = UNSET,
    filtercreated_atperiod: str | Unset = UNSET,
    filterstatus: str | Unset = UNSET,
    filtertask_identifier: str | Unset = UNSET,
    filterversion: str | Unset = UNSET,
    filterbulk_action: str | Unset = UNSET,
    filterschedule: str | Unset = UNSET,
    filteris_test: bool | Unset = UNSET,
    filtertag: str | Unset = UNSET,
    filtererror: str | Unset = UNSET,
    filterbatch: str | Unset = UNSET,
    filterqueue: str | Unset = UNSET,
    filtermachine: str | Unset = UNSET,
    filterregion: str | Unset = UNSET,
) -> ErrorResponse | ListRunsResult | None:
    """Runs of this environment, newest first.

    Args:
        pagesize (int | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        filtercreated_atfrom (str | Unset):
        filtercreated_atto (str | Unset):
        filtercreated_atperiod (str | Unset):
        filterstatus (str | Unset):
        filtertask_identifier (str | Unset):
        filterversion (str | Unset):
        filterbulk_action (str | Unset):
        filterschedule (str | Unset):
        filteris_test (bool | Unset):
        filtertag (str | Unset):
        filtererror (str | Unset):
        filterbatch (str | Unset):
        filterqueue (str | Unset):
        filtermachine (str | Unset):
        filterregion (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListRunsResult
    """

    return sync_detailed(
        client=client,
        pagesize=pagesize,
        pageafter=pageafter,
        pagebefore=pagebefore,
        filtercreated_atfrom=filtercreated_atfrom,
        filtercreated_atto=filtercreated_atto,
        filtercreated_atperiod=filtercreated_atperiod,
        filterstatus=filterstatus,
        filtertask_identifier=filtertask_identifier,
        filterversion=filterversion,
        filterbulk_action=filterbulk_action,
        filterschedule=filterschedule,
        filteris_test=filteris_test,
        filtertag=filtertag,
        filtererror=filtererror,
        filterbatch=filterbatch,
        filterqueue=filterqueue,
        filtermachine=filtermachine,
        filterregion=filterregion,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    pagesize: int | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    filtercreated_atfrom: str | Unset = UNSET,
    filtercreated_atto: str | Unset = UNSET,
    filtercreated_atperiod: str | Unset = UNSET,
    filterstatus: str | Unset = UNSET,
    filtertask_identifier: str | Unset = UNSET,
    filterversion: str | Unset = UNSET,
    filterbulk_action: str | Unset = UNSET,
    filterschedule: str | Unset = UNSET,
    filteris_test: bool | Unset = UNSET,
    filtertag: str | Unset = UNSET,
    filtererror: str | Unset = UNSET,
    filterbatch: str | Unset = UNSET,
    filterqueue: str | Unset = UNSET,
    filtermachine: str | Unset = UNSET,
    filterregion: str | Unset = UNSET,
) -> Response[ErrorResponse | ListRunsResult]:
    """Runs of this environment, newest first.

    Args:
        pagesize (int | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        filtercreated_atfrom (str | Unset):
        filtercreated_atto (str | Unset):
        filtercreated_atperiod (str | Unset):
        filterstatus (str | Unset):
        filtertask_identifier (str | Unset):
        filterversion (str | Unset):
        filterbulk_action (str | Unset):
        filterschedule (str | Unset):
        filteris_test (bool | Unset):
        filtertag (str | Unset):
        filtererror (str | Unset):
        filterbatch (str | Unset):
        filterqueue (str | Unset):
        filtermachine (str | Unset):
        filterregion (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ListRunsResult]
    """

    kwargs = _get_kwargs(
        pagesize=pagesize,
        pageafter=pageafter,
        pagebefore=pagebefore,
        filtercreated_atfrom=filtercreated_atfrom,
        filtercreated_atto=filtercreated_atto,
        filtercreated_atperiod=filtercreated_atperiod,
        filterstatus=filterstatus,
        filtertask_identifier=filtertask_identifier,
        filterversion=filterversion,
        filterbulk_action=filterbulk_action,
        filterschedule=filterschedule,
        filteris_test=filteris_test,
        filtertag=filtertag,
        filtererror=filtererror,
        filterbatch=filterbatch,
        filterqueue=filterqueue,
        filtermachine=filtermachine,
        filterregion=filterregion,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    pagesize: int | Unset = UNSET,
    pageafter: str | Unset = UNSET,
    pagebefore: str | Unset = UNSET,
    filtercreated_atfrom: str | Unset = UNSET,
    filtercreated_atto: str | Unset = UNSET,
    filtercreated_atperiod: str | Unset = UNSET,
    filterstatus: str | Unset = UNSET,
    filtertask_identifier: str | Unset = UNSET,
    filterversion: str | Unset = UNSET,
    filterbulk_action: str | Unset = UNSET,
    filterschedule: str | Unset = UNSET,
    filteris_test: bool | Unset = UNSET,
    filtertag: str | Unset = UNSET,
    filtererror: str | Unset = UNSET,
    filterbatch: str | Unset = UNSET,
    filterqueue: str | Unset = UNSET,
    filtermachine: str | Unset = UNSET,
    filterregion: str | Unset = UNSET,
) -> ErrorResponse | ListRunsResult | None:
    """Runs of this environment, newest first.

    Args:
        pagesize (int | Unset):
        pageafter (str | Unset):
        pagebefore (str | Unset):
        filtercreated_atfrom (str | Unset):
        filtercreated_atto (str | Unset):
        filtercreated_atperiod (str | Unset):
        filterstatus (str | Unset):
        filtertask_identifier (str | Unset):
        filterversion (str | Unset):
        filterbulk_action (str | Unset):
        filterschedule (str | Unset):
        filteris_test (bool | Unset):
        filtertag (str | Unset):
        filtererror (str | Unset):
        filterbatch (str | Unset):
        filterqueue (str | Unset):
        filtermachine (str | Unset):
        filterregion (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ListRunsResult
    """

    return (
        await asyncio_detailed(
            client=client,
            pagesize=pagesize,
            pageafter=pageafter,
            pagebefore=pagebefore,
            filtercreated_atfrom=filtercreated_atfrom,
            filtercreated_atto=filtercreated_atto,
            filtercreated_atperiod=filtercreated_atperiod,
            filterstatus=filterstatus,
            filtertask_identifier=filtertask_identifier,
            filterversion=filterversion,
            filterbulk_action=filterbulk_action,
            filterschedule=filterschedule,
            filteris_test=filteris_test,
            filtertag=filtertag,
            filtererror=filtererror,
            filterbatch=filterbatch,
            filterqueue=filterqueue,
            filtermachine=filtermachine,
            filterregion=filterregion,
        )
    ).parsed
