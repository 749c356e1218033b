"""client.batch: waiting for every run of a batch.

The parts without I/O, shared by the async resource classes and their sync rewrite.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx
from trigger_api.api.runs import list_runs_v1
from trigger_api.types import UNSET

from .._base import operation_request_within, parse_response
from ..errors import RunWaitTimeoutError
from ..flows import Flow, exchange
from ..models import Run
from .polling import PollPlan, poll
from .run_parsing import parse_run_page

if TYPE_CHECKING:
    from ..client_state import ClientState


def batch_runs(
    state: ClientState, http: httpx.Client | httpx.AsyncClient, batch_id: str, deadline: float | None
) -> Flow[list[Run]]:
    """Every run of the batch, page after page (GET /api/v1/runs?filter[batch]=...)."""
    runs: list[Run] = []
    cursor: Any = UNSET
    while True:
        request = operation_request_within(
            state, http, deadline, list_runs_v1._get_kwargs, filterbatch=batch_id, pagesize=100, pageafter=cursor
        )
        page = parse_response((yield from exchange(request)), parse_run_page)
        runs.extend(page.data)
        if page.next_cursor is None:
            return runs
        cursor = page.next_cursor


def wait_for_batch(
    state: ClientState, http: httpx.Client | httpx.AsyncClient, batch_id: str, run_count: int, plan: PollPlan
) -> Flow[list[Run]]:
    """Poll until the batch has `run_count` runs and every one is terminal; the runs (newest first).
    RunWaitTimeoutError once the plan's deadline passes, saying how many finished."""

    def finished(runs: list[Run]) -> bool:
        return len(runs) >= run_count and all(run.is_terminal for run in runs)

    def timed_out(runs: list[Run] | None) -> RunWaitTimeoutError:
        done = sum(run.is_terminal for run in runs or [])
        return RunWaitTimeoutError(batch_id, plan.limit or 0.0, f"{done} of {run_count} runs finished")

    return (
        yield from poll(
            state.clock, plan, lambda: batch_runs(state, http, batch_id, plan.deadline), finished, timed_out
        )
    )
