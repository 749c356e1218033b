"""client.envvars.

The parts without I/O, shared by the async resource classes and their sync rewrite.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from trigger_api.models.env_var import EnvVar
from trigger_api.models.environment_slug import EnvironmentSlug

from .. import _validate as check
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
