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
from trigger_api.models.environment_slug import EnvironmentSlug
from trigger_api.models.import_env_vars_request_body import ImportEnvVarsRequestBody
from trigger_api.models.succeed_response import SucceedResponse

from .. import _validate as check
from .._base import SyncResource
from .._config import KeyKind
from ..client_state import ClientState
from ..errors import ConfigurationError, InvalidInputError

_SAME_ENV = {"staging": "stg"}


def parse_env_vars(data: Any) -> list[EnvVar]:
    if not isinstance(data, list):
        raise TypeError("expected a list of variables")
    return [EnvVar.from_dict(item) for item in data]


def target(state: ClientState, env: str, project_ref: str | None) -> tuple[str, EnvironmentSlug]:
    """(project ref, env slug) after checking they fit the key and the branch."""
    slug = check.env_slug(env)
    ref = state.require_project_ref(project_ref, "envvars")
    credentials = state.config.credentials
    if credentials.kind is KeyKind.ENVIRONMENT and _SAME_ENV.get(slug, slug) != credentials.environment:
        raise ConfigurationError(
            f"env={env!r} does not match this client's {credentials.environment} key; an environment key only "
            "reaches its own environment (use a personal access token to manage others)"
        )
    if slug == "preview" and not state.config.preview_branch:
        raise ConfigurationError("env='preview' needs a branch: pass preview_branch=... to the client")
    return ref, EnvironmentSlug(slug)


def env_var_name(value: Any) -> str:
    name = check.identifier(value, "name")
    if "=" in name:
        raise InvalidInputError(f"name={value!r} must not contain '='")
    return name


def env_var_values(variables: Any, argument: str) -> dict[str, str]:
    if not isinstance(variables, Mapping) or not variables:
        raise InvalidInputError(f"{argument} must be a non-empty dict of NAME -> value strings")
    for key, value in variables.items():
        env_var_name(key)
        if not isinstance(value, str):
            raise InvalidInputError(f"{argument}[{key!r}] must be a string, got {type(value).__name__}")
    return dict(variables)


class EnvVars(SyncResource):
    def list(self, *, env: str, project_ref: str | None = None) -> list[EnvVar]:
        """GET /api/v1/projects/{ref}/envvars/{env} (secret values come back redacted)."""
        ref, slug = target(self._state, env, project_ref)
        return self._request(list_project_envvars_v1._get_kwargs, parse_env_vars, project_ref=ref, env=slug)

    def retrieve(self, name: str, *, env: str, project_ref: str | None = None) -> EnvVar:
        """GET .../envvars/{env}/{name}: name, value (redacted when secret) and isSecret."""
        ref, slug = target(self._state, env, project_ref)
        return self._request(
            get_project_envvar_v1._get_kwargs, EnvVar.from_dict, project_ref=ref, env=slug, name=env_var_name(name)
        )

    def create(
        self, name: str, value: str, *, env: str, is_secret: bool = False, project_ref: str | None = None
    ) -> SucceedResponse:
        """POST .../envvars/{env}: create, or replace an existing variable of that name."""
        ref, slug = target(self._state, env, project_ref)
        if not isinstance(value, str):
            raise InvalidInputError(f"value must be a string, got {type(value).__name__}")
        body = CreateEnvVarRequestBody(name=env_var_name(name), value=value, is_secret=bool(is_secret))
        return self._request(
            create_project_envvar_v1._get_kwargs, SucceedResponse.from_dict, project_ref=ref, env=slug, body=body
        )

    def update(self, name: str, value: str, *, env: str, project_ref: str | None = None) -> SucceedResponse:
        ref, slug = target(self._state, env, project_ref)
        if not isinstance(value, str):
            raise InvalidInputError(f"value must be a string, got {type(value).__name__}")
        body = EnvVarValue(value=value)
        return self._request(
            update_project_envvar_v1._get_kwargs,
            SucceedResponse.from_dict,
            project_ref=ref,
            env=slug,
            name=env_var_name(name),
            body=body,
        )

    def delete(self, name: str, *, env: str, project_ref: str | None = None) -> SucceedResponse:
        ref, slug = target(self._state, env, project_ref)
        return self._request(
            delete_project_envvar_v1._get_kwargs,
            SucceedResponse.from_dict,
            project_ref=ref,
            env=slug,
            name=env_var_name(name),
        )

    def upload(
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
        return self._request(
            upload_project_envvars_v1._get_kwargs,
            SucceedResponse.from_dict,
            project_ref=ref,
            env=slug,
            body=ImportEnvVarsRequestBody.from_dict(body),
        )
