"""The fake's rooms: one module of routes per resource, gathered into one table."""

from __future__ import annotations

from .._router import Route
from . import (
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
    tasks,
    waitpoints,
)

ALL_ROUTES: tuple[Route, ...] = (
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
    *misc.ROUTES,
)
