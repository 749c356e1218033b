"""Environment variables of a project environment (O9, F2, W11).

A secret key always works on its own environment, whatever slug the path names (W11); a wrong
project ref is a 400. A POST of an existing name overwrites it; an unknown slug lists as `[]`.
Import without `override` refuses the whole import if any name exists; empty values and the
reserved names are dropped silently; secret values read back as "<redacted>".
"""

from __future__ import annotations

from typing import Any

from .._auth import Access
from .._router import Call, Route
from .._wire import ApiError, Reply

SLUGS = {"dev": "dev", "stg": "stg", "staging": "stg", "prod": "prod", "preview": "preview"}
TITLES = {"dev": "Development", "stg": "Staging", "prod": "Production", "preview": "Preview"}
RESERVED = {"TRIGGER_SECRET_KEY", "TRIGGER_API_URL"}
REDACTED = "<redacted>"


def scope(call: Call, project: str, env: str) -> tuple[str, dict[str, dict[str, Any]]] | None:
    """(slug, variables) of the environment the call works on, or None for an unknown slug."""
    config = call.state.config
    if project != config.project_ref:
        raise ApiError(
            400,
            "Invalid project ref for this API key. Make sure you are using an API key associated with that project.",
        )
    if env not in SLUGS:
        return None  # O9: an unknown slug finds no environment
    own_key = call.principal is not None and call.principal.kind == "environment"
    slug = config.slug if own_key else SLUGS[env]  # W11: a secret key silently works on its own environment
    if slug == "preview" and not call.request.headers.get("x-trigger-branch"):
        raise ApiError(400, "The preview environment needs the x-trigger-branch header")
    return slug, call.state.envvars.setdefault((project, slug), {})


def known_scope(call: Call, project: str, env: str) -> tuple[str, dict[str, dict[str, Any]]]:
    found = scope(call, project, env)
    if found is None:
        raise ApiError(404, "Environment not found")
    return found


def shown(name: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "value": REDACTED if value["isSecret"] else value["value"], "isSecret": value["isSecret"]}


def kept(variables: dict[str, Any]) -> dict[str, str]:
    """F2: empty values and the reserved names never reach the store."""
    return {k: v for k, v in variables.items() if isinstance(v, str) and v and k not in RESERVED}


def list_vars(call: Call, project: str, env: str) -> Reply:
    found = scope(call, project, env)
    if found is None:
        return Reply(200, [])  # O9
    return Reply(200, [shown(n, v) for n, v in found[1].items()])


def create_var(call: Call, project: str, env: str) -> Reply:
    _slug, variables = known_scope(call, project, env)
    body = call.body()
    name, value = body.get("name"), body.get("value")
    if not isinstance(name, str) or not name or not isinstance(value, str):
        raise ApiError(400, "Invalid request body", variableErrors=[{"key": "name", "error": "Required"}])
    for key, text in kept({name: value}).items():
        variables[key] = {"value": text, "isSecret": body.get("isSecret") is True}  # O9: overwrites
    return Reply(200, {"success": True})


def import_vars(call: Call, project: str, env: str) -> Reply:
    slug, variables = known_scope(call, project, env)
    body = call.body()
    incoming = body.get("variables")
    if not isinstance(incoming, dict):
        raise ApiError(400, "Invalid body")
    wanted = kept(incoming)
    if body.get("override") is not True:
        clashes = [k for k in wanted if k in variables]
        if clashes:
            errors = [{"key": k, "error": f"Variable already set in {TITLES[slug]}."} for k in clashes]
            raise ApiError(
                400,
                "Some of the variables are already set for these environments. Set override to true to override them.",
                variableErrors=errors,
            )
    for key, text in wanted.items():
        variables[key] = {"value": text, "isSecret": body.get("isSecret") is True}
    return Reply(200, {"success": True})


def existing(call: Call, project: str, env: str, name: str) -> dict[str, dict[str, Any]]:
    _slug, variables = known_scope(call, project, env)
    if name not in variables:
        raise ApiError(404, "Environment variable not found")
    return variables


def get_var(call: Call, project: str, env: str, name: str) -> Reply:
    return Reply(200, shown(name, existing(call, project, env, name)[name]))


def update_var(call: Call, project: str, env: str, name: str) -> Reply:
    variables = existing(call, project, env, name)
    value = call.body().get("value")
    if not isinstance(value, str):
        raise ApiError(400, "Invalid request body")
    variables[name]["value"] = value
    return Reply(200, {"success": True})


def delete_var(call: Call, project: str, env: str, name: str) -> Reply:
    del existing(call, project, env, name)[name]
    return Reply(200, {"success": True})


BASE = "/api/v1/projects/{project}/envvars/{env}"
ROUTES = (
    Route("GET", BASE, list_vars, Access.ANY),
    Route("POST", BASE, create_var, Access.ANY),
    Route("POST", BASE + "/import", import_vars, Access.ANY),
    Route("GET", BASE + "/{name}", get_var, Access.ANY),
    Route("PUT", BASE + "/{name}", update_var, Access.ANY),
    Route("DELETE", BASE + "/{name}", delete_var, Access.ANY),
)
