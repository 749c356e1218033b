"""Waiting for a run and watching it change (client.runs.wait, watch).

The parts without I/O, shared by the async resource classes and their sync rewrite.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx
from trigger_api.api.runs import retrieve_run_v1

from .._base import operation_request_within, parse_response
from ..flows import Flow, exchange
from ..models import Run
from .payloads import download
from .run_parsing import parse_run

if TYPE_CHECKING:
    from ..client_state import ClientState

DEFAULT_WAIT_TIMEOUT = 600.0


# watch/wait poll instead once the feed has failed this many times in a row (429: the realtime
# connection cap of the environment; 5xx; dropped connections)
WATCH_FEED_FAILURES = 3


@dataclass(frozen=True)
class WatchPlan:
    run_id: str
    interval: float
    ceiling: float
    limit: float | None
    deadline: float | None
    realtime: bool


def read_for_wait(
    state: ClientState, http: httpx.Client | httpx.AsyncClient, run_id: str, deadline: float | None, payload: list[Any]
) -> Flow[Run]:
    """The run, read within `deadline`; a presigned payload is fetched only the first time (kept in `payload`)."""
    answer = yield from exchange(
        operation_request_within(state, http, deadline, retrieve_run_v1._get_kwargs, run_id=run_id)
    )
    run = parse_response(answer, parse_run)
    fetched = {}
    if run.payload_presigned_url and run.data.get("payload") is None:
        if not payload:
            payload.append((yield from download(state, http, run.payload_presigned_url, deadline)))
        fetched["payload"] = payload[0]
    if run.output_presigned_url and run.data.get("output") is None:
        fetched["output"] = yield from download(state, http, run.output_presigned_url, deadline)
    return run.evolve(**fetched) if fetched else run
