"""Two-phase streaming batches.

The parts without I/O, shared by the async resource classes and their sync rewrite.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import httpx
from trigger_api.api.batches import create_batch_v1, retrieve_batch_v2, stream_batch_items_v1
from trigger_api.api.runs import retrieve_run_v1
from trigger_api.models.create_batch_request import CreateBatchRequest
from trigger_api.types import File

from .._base import json_body, operation_request, operation_request_within, parse_response
from .._packets import STORE_TYPE
from ..errors import (
    BatchAlreadyExistsError,
    BatchNotSealedError,
    RunWaitTimeoutError,
    TriggerError,
    UnprocessableEntityError,
)
from ..flows import Flow, exchange, pause
from ..models import BatchPart, Run, RunResult
from .batch_items import (
    BatchKey,
    PreparedItem,
    batch_key,
    item_line,
    item_slots,
    parse_batch_answer,
    partially_sent,
    prepare_items,
)
from .payloads import answer_token, download, upload_packet
from .polling import PollPlan, poll
from .run_parsing import parse_run

if TYPE_CHECKING:
    from ..client_state import ClientState

SEAL_ATTEMPTS = 3


def batch_parts(
    state: ClientState,
    http: httpx.Client | httpx.AsyncClient,
    chunks: Iterable[list[PreparedItem]],
    key: BatchKey | None,
) -> Flow[tuple[BatchPart, ...]]:
    """Create and fill one server batch per chunk. Once a batch exists, a later failure raises
    BatchPartiallySentError (partially_sent) naming what was sent, so nothing is lost silently."""
    parts: list[BatchPart] = []
    first_index = 0
    number = 0
    iterator = iter(chunks)
    while True:
        try:
            chunk = next(iterator, None)
            if chunk is None:
                return tuple(parts)
            parts.append((yield from send_chunk(state, http, chunk, number, first_index, key, parts)))
        except TriggerError as exc:
            if not parts:
                raise
            error = partially_sent(parts, first_index, exc)
            break
        first_index += len(chunk)
        number += 1
    raise error from error.__cause__


def ndjson(state: ClientState, http: httpx.Client | httpx.AsyncClient, chunk: list[PreparedItem]) -> Flow[bytes]:
    """The chunk's NDJSON body; an item too large to go inline is uploaded first and sent by its path."""
    lines = []
    for index, item in enumerate(chunk):
        line = item.line
        if not line and item.data is not None:
            encoded = item.data.encode()
            stored = yield from upload_packet(state, http, encoded, item.data_type)
            line = item_line(index, item.task, stored, item.options, STORE_TYPE, len(encoded))
        lines.append(line)
    lines.append("")
    return "\n".join(lines).encode()


def send_chunk(
    state: ClientState,
    http: httpx.Client | httpx.AsyncClient,
    chunk: list[PreparedItem],
    number: int,
    first_index: int,
    key: BatchKey | None,
    parts: list[BatchPart],
) -> Flow[BatchPart]:
    """Create one server batch and stream its items. A batch created here whose items then fail is
    appended to `parts` before the error goes on, so the caller learns of it."""
    body: dict[str, Any] = {
        "runCount": len(chunk),
        "taskIdentifiers": sorted({item.task for item in chunk}),
    }
    if key is not None:
        chunk_key, material = key.for_chunk(number)
        body["idempotencyKey"] = chunk_key
        if material is not None:
            body["idempotencyKeyOptions"] = {"key": material, "scope": "global"}
    try:
        created = yield from exchange(
            operation_request(state, http, create_batch_v1._get_kwargs, body=CreateBatchRequest.from_dict(body))
        )
    except UnprocessableEntityError as exc:
        if key is None or "same idempotency key" not in exc.message:
            raise
        # O5: the key's batch exists (perhaps made by an earlier attempt whose answer was lost)
        raise BatchAlreadyExistsError(
            f"a batch with idempotency key {body['idempotencyKey'][:12]}... already exists; the server does not "
            "say which, and its items may never have been sent: use a new key to send them again",
            response=exc.response,
            body=exc.body,
        ) from None
    answer = json_body(created)
    batch_id = str(answer["id"])
    token = answer_token(state, created, "batch", batch_id)
    if answer.get("isCached"):
        return BatchPart(
            batch_id,
            int(answer.get("runCount", len(chunk))),
            True,
            first_index,
            public_access_token=token,
        )
    parts.append(BatchPart(batch_id, int(answer["runCount"]), False, first_index, public_access_token=token))
    part = yield from stream_chunk(state, http, chunk, batch_id, int(answer["runCount"]), first_index, token)
    parts.pop()
    return part


def stream_chunk(
    state: ClientState,
    http: httpx.Client | httpx.AsyncClient,
    chunk: list[PreparedItem],
    batch_id: str,
    run_count: int,
    first_index: int,
    token: str | None,
) -> Flow[BatchPart]:
    """Stream the items until the server seals the batch (at most SEAL_ATTEMPTS sends, backing off between)."""
    content = yield from ndjson(state, http, chunk)
    attempt = 0
    while True:
        attempt += 1
        streamed = yield from exchange(
            operation_request(
                state,
                http,
                stream_batch_items_v1._get_kwargs,
                batch_id=batch_id,
                body=File(payload=io.BytesIO(content)),
            )
        )
        result = json_body(streamed)
        if result.get("sealed"):
            return BatchPart(
                batch_id,
                run_count,
                False,
                first_index,
                items_accepted=int(result.get("itemsAccepted", 0)),
                items_deduplicated=int(result.get("itemsDeduplicated", 0)),
                public_access_token=token,
            )
        if attempt >= SEAL_ATTEMPTS:
            raise BatchNotSealedError(
                f"batch {batch_id} was not sealed after {attempt} attempts "
                f"(enqueued {result.get('enqueuedCount')} of {result.get('expectedCount')})",
                response=streamed,
                body=result,
                batch_id=batch_id,
            )
        # the server de-duplicates by index, so sending the whole stream again is safe
        yield from pause(state.retry_policy.backoff(attempt, state.clock.random))


def trigger_batches(
    state: ClientState,
    http: httpx.Client | httpx.AsyncClient,
    items: Iterable[Any],
    *,
    default_task: str | None,
    idempotency_key: str | Sequence[str] | None,
    idempotency_key_ttl: str | timedelta | None,
) -> Flow[tuple[BatchPart, ...]]:
    """Check and send `items` as one or more server batches; the parts made. Items are read from
    any iterable one chunk at a time, except a list or tuple, which is checked whole first."""
    key = batch_key(idempotency_key, idempotency_key_ttl)
    config = state.config
    defaults = (config.version, config.external_deployment_id)
    chunks: Iterable[list[PreparedItem]] = prepare_items(items, default_task, key, defaults)
    if isinstance(items, Sequence):
        chunks = list(chunks)  # a list is checked whole before anything is sent
    return (yield from batch_parts(state, http, chunks, key))


def batch_results(
    state: ClientState, http: httpx.Client | httpx.AsyncClient, batches: tuple[BatchPart, ...], plan: PollPlan
) -> Flow[list[RunResult]]:
    """Poll the batches until every item's run has finished (as `plan` says); the RunResults in item
    order. RunWaitTimeoutError once the plan's deadline passes, saying how many runs finished."""
    ids = ", ".join(part.id for part in batches)
    run_count = sum(part.run_count for part in batches)
    slots: dict[str, list[str | RunResult]] = {}
    finished: dict[str, RunResult] = {}

    def timed_out(_pending: int | None) -> RunWaitTimeoutError:
        return RunWaitTimeoutError(ids, plan.limit or 0.0, f"{len(finished)} of {run_count} runs finished")

    yield from poll(
        state.clock,
        plan,
        lambda: poll_batches(state, http, batches, slots, finished, plan.deadline),
        lambda pending: pending == 0,
        timed_out,
    )
    return [slot if isinstance(slot, RunResult) else finished[slot] for part in batches for slot in slots[part.id]]


def poll_batches(
    state: ClientState,
    http: httpx.Client | httpx.AsyncClient,
    batches: tuple[BatchPart, ...],
    slots: dict[str, list[str | RunResult]],
    finished: dict[str, RunResult],
    deadline: float | None,
) -> Flow[int]:
    """One round: learn the parts' run ids, read runs not yet finished. The number of parts still going."""
    pending = 0
    for part in batches:
        if part.id not in slots:
            answer = yield from exchange(
                operation_request_within(state, http, deadline, retrieve_batch_v2._get_kwargs, batch_id=part.id)
            )
            found = item_slots(part, parse_response(answer, parse_batch_answer))
            if found is None:
                pending += 1
                continue
            slots[part.id] = found
        waiting = [s for s in slots[part.id] if isinstance(s, str) and s not in finished]
        for run_id in waiting:
            run = yield from read_finished_run(state, http, run_id, deadline)
            if run.is_terminal:
                finished[run_id] = RunResult.from_run(run)
            else:
                pending += 1
                break  # no need to read the rest this round: the batch is not done
    return pending


def read_finished_run(
    state: ClientState, http: httpx.Client | httpx.AsyncClient, run_id: str, deadline: float | None
) -> Flow[Run]:
    """The run, with its presigned output fetched once it has finished."""
    answer = yield from exchange(
        operation_request_within(state, http, deadline, retrieve_run_v1._get_kwargs, run_id=run_id)
    )
    run = parse_response(answer, parse_run)
    if run.is_terminal and run.output_presigned_url and run.data.get("output") is None:
        run = run.evolve(output=(yield from download(state, http, run.output_presigned_url, deadline)))
    return run
