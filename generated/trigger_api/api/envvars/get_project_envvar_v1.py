from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.env_var import EnvVar
from ...models.environment_slug import EnvironmentSlug
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    project_ref: str,
    env: EnvironmentSlug,
    name: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/projects/{project_ref}/envvars/{env}/{name}".format(
            project_ref=quote(str(project_ref), safe=""),
            env=quote(str(env), safe=""),
            name=quote(str(name), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnvVar | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = EnvVar.from_dict(response.json())

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
) -> Response[EnvVar | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_ref: str,
    env: EnvironmentSlug,
    name: str,
    *,
    client: AuthenticatedClient,
) -> Response[EnvVar | ErrorResponse]:
    """One environment variable.

    Args:
        project_ref (str):
        env (EnvironmentSlug):
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnvVar | ErrorResponse]
    """

    kwargs = _get_kwargs(
        project_ref=project_ref,
        env=env,
        name=name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_ref: str,
    env: EnvironmentSlug,
    name: str,
    *,
    client: AuthenticatedClient,
) -> EnvVar | ErrorResponse | None:
    """One environment variable.

    Args:
        project_ref (str):
        env (EnvironmentSlug):
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnvVar | ErrorResponse
    """

    return sync_detailed(
        project_ref=project_ref,
        env=env,
        name=name,
        client=client,
    ).parsed


async def asyncio_detailed(
    project_ref: str,
    env: EnvironmentSlug,
    name: str,
    *,
    client: AuthenticatedClient,
) -> Response[EnvVar | ErrorResponse]:
    """One environment variable.

    Args:
        project_ref (str):
        env (EnvironmentSlug):
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnvVar | ErrorResponse]
    """

    kwargs = _get_kwargs(
        project_ref=project_ref,
        env=env,
        name=name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_ref: str,
    env: EnvironmentSlug,
    name: str,
    *,
    client: AuthenticatedClient,
) -> EnvVar | ErrorResponse | None:
    """One environment variable.

    Args:
        project_ref (str):
        env (EnvironmentSlug):
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnvVar | ErrorResponse
    """

    return (
        await asyncio_detailed(
            project_ref=project_ref,
            env=env,
            name=name,
            client=client,
        )
    ).parsed
