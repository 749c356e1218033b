"""Who am I (personal access token only)."""

from __future__ import annotations

from .._auth import Access
from .._router import Call, Route
from .._wire import Reply


def whoami(call: Call) -> Reply:
    return Reply(200, {"userId": "user_fake", "email": "dev@example.com", "dashboardUrl": "https://cloud.trigger.dev"})


ROUTES = (Route("GET", "/api/v2/whoami", whoami, Access.PAT),)
