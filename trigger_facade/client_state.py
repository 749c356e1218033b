"""What every request of one client (or one with_options copy) needs to know, and the checks on it."""

from __future__ import annotations

from typing import Any

import attrs

from ._config import ClientConfig, KeyKind
from ._operations import OPERATIONS
from ._paths import check_url_path
from ._paths import segment as check_identifier
from ._retry import Clock, RetryPolicy
from ._transport import DEFAULT_MAX_DOWNLOAD_BYTES
from .errors import ConfigurationError

TOKEN_KINDS = frozenset({"personal", "organization"})
# (operation, key kind) pairs check_key_for has let through: the verdict depends on nothing else
_ADMITTED: set[tuple[str, KeyKind]] = set()


@attrs.frozen(repr=False)
class ClientState:
    """What every request of one client (or one with_options copy) needs to know."""

    config: ClientConfig
    retry_policy: RetryPolicy
    clock: Clock
    max_download_bytes: int = DEFAULT_MAX_DOWNLOAD_BYTES
    # answers worth keeping for the client's life (the public-token claims), shared by with_options copies
    memo: dict[str, Any] = attrs.field(factory=dict, eq=False)

    def check_key_for(self, operation: str) -> None:
        """Refuse, before sending, an operation whose spec `security` does not admit this key's kind."""
        facts = OPERATIONS.get(operation)
        if facts is None or facts.anonymous:
            return
        kind = self.config.credentials.kind
        if kind in (KeyKind.PERSONAL, KeyKind.ORGANIZATION) and not TOKEN_KINDS & set(facts.key_kinds):
            raise ConfigurationError(
                f"{operation} needs an environment secret key (tr_dev_..., tr_prod_...); this client holds a "
                f"{kind.value}, which works only for env vars, project run lists and whoami"
            )
        if kind is KeyKind.ENVIRONMENT and "environment" not in facts.key_kinds:
            raise ConfigurationError(
                f"{operation} needs a personal access token (tr_pat_...) or an organization token; "
                "this client holds an environment secret key"
            )

    def checked(self, operation: str, request: dict[str, Any]) -> dict[str, Any]:
        """A generated operation's request, after the key-kind and path-parameter checks."""
        kind = self.config.credentials.kind
        if (operation, kind) not in _ADMITTED:
            self.check_key_for(operation)  # raises for a kind the operation does not admit
            _ADMITTED.add((operation, kind))
        facts = OPERATIONS.get(operation)
        if facts is not None:
            check_url_path(str(request["url"]), facts.path)
        return request

    def require_project_ref(self, explicit: str | None, what: str) -> str:
        ref = explicit or self.config.project_ref
        if not ref:
            raise ConfigurationError(
                f"{what} needs a project ref: pass project_ref='proj_...' here or to the client, "
                "or set TRIGGER_PROJECT_REF"
            )
        return check_identifier(ref, "project_ref")


__all__ = ["TOKEN_KINDS", "ClientState"]
