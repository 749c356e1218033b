"""Two-phase streaming batches: POST /api/v3/batches, then the items as NDJSON; the handle that follows them.

At most 1,000 items go into one server batch; more are split into several, and the handle lists
them all. Items are read from any iterable and only one chunk is held at a time, except for a
list or tuple, which is checked whole before the first request (the checking and encoding of
items is trigger_facade.resources.batch_items).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import httpx
from trigger_api.api.batches import create_batch_v1, retrieve_batch_v2, stream_batch_items_v1
from trigger_api.api.runs import retrieve_run_v1
from trigger_api.models.batch_object import BatchObject
from trigger_api.models.create_batch_request import CreateBatchRequest
from trigger_api.types import File, Unset

from .._base import json_body, operation_request
from .._packets import STORE_TYPE
from .._transport import finite_seconds
from ..errors import (
    BatchAlreadyExistsError,
    BatchNotSealedError,
    DeadlineExceededError,
    RunWaitTimeoutError,
    TriggerError,
    UnprocessableEntityError,
)
from ..flows import Flow, exchange, pause
from ..models import TRIGGER_FAILED, BatchPart, Run, RunError, RunResult
from ._payloads import PayloadResource, answer_token, upload_packet
from .batch_items import (
    MAX_BATCH_ITEMS,
    BatchKey,
    Defaults,
    PreparedItem,
    batch_key,
    item_line,
    partially_sent,
    prepare_items,
)
from .run_parsing import parse_run

__all__ = [
    "MAX_BATCH_ITEMS",
    "SEAL_ATTEMPTS",
    "BatchHandle",
    "BatchKey",
    "BatchingResource",
    "Defaults",
    "PreparedItem",
    "batch_key",
    "batch_parts",
    "item_line",
    "item_slots",
    "parse_batch_answer",
    "partially_sent",
    "prepare_items",
]

if TYPE_CHECKING:
    from ..client_state import ClientState

SEAL_ATTEMPTS = 3


class BatchingResource(PayloadResource):
    def _trigger_batches(
        self,
        items: Iterable[Any],
        *,
        default_task: str | None,
        idempotency_key: str | Sequence[str] | None,
        idempotency_key_ttl: str | timedelta | None,
    ) -> BatchHandle:
        key = batch_key(idempotency_key, idempotency_key_ttl)
        config = self._state.config
        defaults = (config.version, config.external_deployment_id)
        chunks: Iterable[list[PreparedItem]] = prepare_items(items, default_task, key, defaults)
        if isinstance(items, Sequence):
            chunks = list(chunks)  # a list is checked whole before anything is sent
        return BatchHandle(self._state, self._http, self._run(batch_parts(self._state, self._http, chunks, key)))


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


_IDS_FINAL = frozenset({"COMPLETED", "PARTIAL_FAILED", "ABORTED"})  # the batch makes no more runs


def parse_batch_answer(data: Any) -> BatchObject:
    return BatchObject.from_dict(data)


def item_slots(part: BatchPart, batch: BatchObject) -> list[str | RunResult] | None:
    """The part's items in order: a run id, or the RunResult of an item that failed to trigger.
    None while the server is still making runs."""
    failed = {error.index: error for error in batch.processing.errors}
    if len(batch.runs) + len(failed) < part.run_count and str(batch.status) not in _IDS_FINAL:
        return None
    runs = iter(batch.runs)
    slots: list[str | RunResult] = []
    for index in range(max(part.run_count, len(batch.runs) + len(failed))):
        error = failed.get(index)
        if error is not None:
            code = None if isinstance(error.error_code, Unset) else error.error_code
            detail: RunError = {"message": str(error.error)}
            if code:
                detail["code"] = code
            slots.append(RunResult(id="", task_identifier=error.task_identifier, status=TRIGGER_FAILED, error=detail))
            continue
        run_id = next(runs, None)
        if run_id is None:
            break  # an aborted batch: fewer items than announced
        slots.append(run_id)
    return slots


class BatchHandle(PayloadResource):
    """What batch triggering returns. More than 1,000 items are split into several server batches
    (`batches`, `ids`); `wait()` and `results()` follow all of them and answer in item order."""

    def __init__(self, state: Any, http: Any, batches: tuple[BatchPart, ...]) -> None:
        super().__init__(state, http)
        self.batches = batches

    def __repr__(self) -> str:
        return f"{type(self).__name__}(ids={self.ids!r}, run_count={self.run_count}, is_cached={self.is_cached})"

    @property
    def ids(self) -> list[str]:
        return [part.id for part in self.batches]

    @property
    def id(self) -> str:
        """The batch id when there is exactly one batch (see `ids` and `is_split` otherwise)."""
        if len(self.batches) != 1:
            raise ValueError(f"this call made {len(self.batches)} batches; use .ids")
        return self.batches[0].id

    @property
    def is_split(self) -> bool:
        return len(self.batches) > 1

    @property
    def run_count(self) -> int:
        return sum(part.run_count for part in self.batches)

    @property
    def is_cached(self) -> bool:
        return bool(self.batches) and all(part.is_cached for part in self.batches)

    @property
    def public_access_token(self) -> str | None:
        """The token that reads the (first) batch's runs; each part has its own (`batches[i]`)."""
        return self.batches[0].public_access_token if self.batches else None

    def results(
        self, *, timeout: float = 600.0, poll_interval: float = 1.0, max_poll_interval: float = 10.0
    ) -> list[RunResult]:
        """Wait until every item's run has finished; each item's RunResult in item order (across split
        batches). `result.ok` and `result.output`, or `result.error`; `result.unwrap()` returns the
        output or raises RunFailedError. An item the server could not trigger has status
        TRIGGER_FAILED, no id, and the server's processing error. RunWaitTimeoutError after `timeout` s.
        """
        limit = finite_seconds(timeout, "timeout", allow_zero=True)
        interval = finite_seconds(poll_interval, "poll_interval", allow_zero=True)
        ceiling = max(interval, finite_seconds(max_poll_interval, "max_poll_interval", allow_zero=True))
        clock = self._state.clock
        deadline = clock.monotonic() + limit
        slots: dict[str, list[str | RunResult]] = {}
        finished: dict[str, RunResult] = {}
        while True:
            try:
                pending = self._poll_once(slots, finished, deadline)
            except DeadlineExceededError as exc:
                raise RunWaitTimeoutError(
                    ", ".join(self.ids), limit, f"{len(finished)} of {self.run_count} runs finished"
                ) from exc
            if not pending:
                return [
                    slot if isinstance(slot, RunResult) else finished[slot]
                    for part in self.batches
                    for slot in slots[part.id]
                ]
            left = deadline - clock.monotonic()
            if left <= 0:
                done = len(finished)
                raise RunWaitTimeoutError(", ".join(self.ids), limit, f"{done} of {self.run_count} runs finished")
            self._sleep(min(interval, left))
            interval = min(ceiling, max(interval * 1.5, 0.1))

    def _poll_once(
        self, slots: dict[str, list[str | RunResult]], finished: dict[str, RunResult], deadline: float
    ) -> int:
        """One round: learn the parts' run ids, read runs not yet finished. The number of parts still going."""
        pending = 0
        for part in self.batches:
            if part.id not in slots:
                batch = self._request_within(
                    deadline, retrieve_batch_v2._get_kwargs, parse_batch_answer, batch_id=part.id
                )
                found = item_slots(part, batch)
                if found is None:
                    pending += 1
                    continue
                slots[part.id] = found
            waiting = [s for s in slots[part.id] if isinstance(s, str) and s not in finished]
            for run_id in waiting:
                run = self._read_run(run_id, deadline)
                if run.is_terminal:
                    finished[run_id] = RunResult.from_run(run)
                else:
                    pending += 1
                    break  # no need to read the rest this round: the batch is not done
        return pending

    def wait(
        self, *, timeout: float = 600.0, poll_interval: float = 1.0, max_poll_interval: float = 10.0
    ) -> list[RunResult]:
        """Wait until every run has finished, without raising for failed runs (see results())."""
        return self.results(timeout=timeout, poll_interval=poll_interval, max_poll_interval=max_poll_interval)

    def _read_run(self, run_id: str, deadline: float) -> Run:
        run = self._request_within(deadline, retrieve_run_v1._get_kwargs, parse_run, run_id=run_id)
        if run.is_terminal and run.output_presigned_url and run.data.get("output") is None:
            run = run.evolve(output=self._download(run.output_presigned_url, deadline))
        return run
