"""client.envvars: environment variables of a project environment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from trigger_api.api.envvars import (
    create_project_envvar_v1,
    delete_project_envvar_v1,
    get_project_envvar_v1,
    list_project_envvars_v1,
    update_project_envvar_v1,
    upload_project_envvars_v1,
)
from trigger_api.models.create_env_var_request_body import CreateEnvVarRequestBody
from trigger_api.models.env_var import EnvVar
from trigger_api.models.env_var_value import EnvVarValue
from trigger_api.models.import_env_vars_request_body import ImportEnvVarsRequestBody
from trigger_api.models.succeed_response import SucceedResponse

from ..errors import InvalidInputError
from ..sansio.envvars import env_var_name, env_var_values, parse_env_vars, target
from ._resource import AsyncResource


class AsyncEnvVars(AsyncResource):
    async def list(self, *, env: str, project_ref: str | None = None) -> list[EnvVar]:
        """GET /api/v1/projects/{ref}/envvars/{env} (secret values come back redacted)."""
        ref, slug = target(self._state, env, project_ref)
        return await self._request(list_project_envvars_v1._get_kwargs, parse_env_vars, project_ref=ref, env=slug)

    async def retrieve(self, name: str, *, env: str, project_ref: str | None = None) -> EnvVar:
        """GET .../envvars/{env}/{name}: name, value (redacted when secret) and isSecret."""
        ref, slug = target(self._state, env, project_ref)
        return await self._request(
            get_project_envvar_v1._get_kwargs, EnvVar.from_dict, project_ref=ref, env=slug, name=env_var_name(name)
        )

    async def create(
        self, name: str, value: str, *, env: str, is_secret: bool = False, project_ref: str | None = None
    ) -> SucceedResponse:
        """POST .../envvars/{env}: create, or replace an existing variable of that name."""
        ref, slug = target(self._state, env, project_ref)
        if not isinstance(value, str):
            raise InvalidInputError(f"value must be a string, got {type(value).__name__}")
        body = CreateEnvVarRequestBody(name=env_var_name(name), value=value, is_secret=bool(is_secret))
        return await self._request(
            create_project_envvar_v1._get_kwargs, SucceedResponse.from_dict, project_ref=ref, env=slug, body=body
        )

    async def update(self, name: str, value: str, *, env: str, project_ref: str | None = None) -> SucceedResponse:
        ref, slug = target(self._state, env, project_ref)
        if not isinstance(value, str):
            raise InvalidInputError(f"value must be a string, got {type(value).__name__}")
        body = EnvVarValue(value=value)
        return await self._request(
            update_project_envvar_v1._get_kwargs,
            SucceedResponse.from_dict,
            project_ref=ref,
            env=slug,
            name=env_var_name(name),
            body=body,
        )

    async def delete(self, name: str, *, env: str, project_ref: str | None = None) -> SucceedResponse:
        ref, slug = target(self._state, env, project_ref)
        return await self._request(
            delete_project_envvar_v1._get_kwargs,
            SucceedResponse.from_dict,
            project_ref=ref,
            env=slug,
            name=env_var_name(name),
        )

    async def upload(
        self,
        variables: Mapping[str, str],
        *,
        env: str,
        override: bool = False,
        is_secret: bool | None = None,
        project_ref: str | None = None,
    ) -> SucceedResponse:
        """POST .../envvars/{env}/import: many variables at once; `override` replaces existing ones."""
        ref, slug = target(self._state, env, project_ref)
        body: dict[str, Any] = {"variables": env_var_values(variables, "variables"), "override": bool(override)}
        if is_secret is not None:
            body["isSecret"] = bool(is_secret)
        return await self._request(
            upload_project_envvars_v1._get_kwargs,
            SucceedResponse.from_dict,
            project_ref=ref,
            env=slug,
            body=ImportEnvVarsRequestBody.from_dict(body),
        )
