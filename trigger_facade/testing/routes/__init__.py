"""The fake's rooms: one module of routes per resource, gathered into one table."""

from __future__ import annotations

from .._router import Route
from . import (
    auth,
    batches,
    bulk,
    deployments,
    envvars,
    misc,
    packets,
    query,
    queues,
    realtime,
    runs,
    schedules,
    streams,
    tasks,
    waitpoints,
)

ALL_ROUTES: tuple[Route, ...] = (
    *auth.ROUTES,
    *tasks.ROUTES,
    *runs.ROUTES,
    *batches.ROUTES,
    *waitpoints.ROUTES,
    *envvars.ROUTES,
    *schedules.ROUTES,
    *queues.ROUTES,
    *deployments.ROUTES,
    *query.ROUTES,
    *bulk.ROUTES,
    *packets.ROUTES,
    *realtime.ROUTES,
    *streams.ROUTES,
    *misc.ROUTES,
)
