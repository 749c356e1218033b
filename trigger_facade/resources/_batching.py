"""Two-phase streaming batches: POST /api/v3/batches, then the items as NDJSON.

At most 1,000 items go into one server batch; more are split into several, and the handle lists
them all. Items are read from any iterable and only one chunk is held at a time, except for a
list or tuple, which is checked whole before the first request.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import timedelta
from itertools import islice
from typing import Any, NamedTuple

import attrs
from trigger_api.api.batches import create_batch_v1, stream_batch_items_v1
from trigger_api.models.create_batch_request import CreateBatchRequest
from trigger_api.types import File

from .. import _validate as check
from .. import idempotency_keys
from .._base import json_body
from .._options import options_from_mapping
from .._packets import PACKET_THRESHOLD, STORE_TYPE
from .._payload import dumps, encode, utf8_length_at_least
from ..durations import to_idempotency_key_ttl
from ..errors import (
    BatchAlreadyExistsError,
    BatchNotSealedError,
    BatchPartiallySentError,
    InvalidInputError,
    TriggerError,
    UnprocessableEntityError,
)
from ..models import BatchHandle, BatchPart
from ._payloads import PayloadResource

MAX_BATCH_ITEMS = 1000
SEAL_ATTEMPTS = 3


class PreparedItem(NamedTuple):
    """One checked item (a NamedTuple: 100,000 of these are made per 100,000 items)."""

    task: str
    payload: Any
    options: dict[str, Any]
    line: str  # the whole NDJSON line (index within its chunk), encoded once


@attrs.frozen
class BatchKey:
    """The caller's batch idempotency key: what to send, and the material items derive theirs from."""

    key: str
    material: str | None
    ttl: str | None

    def for_chunk(self, number: int) -> tuple[str, str | None]:
        if number == 0:
            return self.key, self.material
        material = f"{self.material or self.key}-batch{number}"
        return idempotency_keys.create(material), material

    def for_item(self, global_index: int) -> str:
        return idempotency_keys.for_batch_item(self.material or self.key, global_index)


def batch_key(key: str | Sequence[str] | None, ttl: str | timedelta | None) -> BatchKey | None:
    if key is None:
        if ttl is not None:
            raise InvalidInputError("idempotency_key_ttl needs an idempotency_key")
        return None
    hashed, material = idempotency_keys.normalize(key)
    return BatchKey(hashed, material, None if ttl is None else to_idempotency_key_ttl(ttl))


def prepare_items(items: Iterable[Any], default_task: str | None, key: BatchKey | None) -> Iterator[list[PreparedItem]]:
    """Check and encode items, in chunks of at most 1,000."""
    if isinstance(items, (str, bytes, Mapping)) or not isinstance(items, Iterable):
        raise InvalidInputError("items must be an iterable of dicts like {'payload': ..., 'options': {...}}")
    iterator = iter(items)
    start = 0
    while True:
        chunk = list(islice(iterator, MAX_BATCH_ITEMS))
        if not chunk:
            if start == 0:
                raise InvalidInputError("items is empty: a batch needs at least one item")
            return
        yield [_prepare(raw, start + offset, default_task, key) for offset, raw in enumerate(chunk)]
        start += len(chunk)


_ITEM_KEYS = frozenset({"payload", "options"})
_ITEM_KEYS_WITH_TASK = frozenset({"task", "payload", "options"})


def _prepare(raw: Any, index: int, default_task: str | None, key: BatchKey | None) -> PreparedItem:
    where = f"items[{index}]."
    if not isinstance(raw, dict) and not isinstance(raw, Mapping):
        raise InvalidInputError(f"items[{index}] must be a dict like {{'payload': ..., 'options': {{...}}}}")
    allowed = _ITEM_KEYS if default_task else _ITEM_KEYS_WITH_TASK
    unknown = raw.keys() - allowed
    if unknown:
        raise InvalidInputError(
            f"items[{index}] has unknown keys {sorted(unknown)}; accepted: {', '.join(sorted(allowed))}"
        )
    task = default_task if default_task else raw.get("task")
    if default_task is None:
        if task is None:
            raise InvalidInputError(f"items[{index}] has no 'task': batch.trigger items name their task")
        task = check.identifier(task, f"{where}task")
    options = options_from_mapping(raw.get("options"), where)
    if "idempotencyKey" not in options and key is not None:
        options["idempotencyKey"] = key.for_item(index)
        if key.ttl is not None:
            options["idempotencyKeyTTL"] = key.ttl
    payload = raw.get("payload")
    line_fields = {"index": index % MAX_BATCH_ITEMS, "task": task, "payload": payload, "options": options}
    try:
        line = dumps(line_fields)
    except (TypeError, ValueError):
        encode(payload, argument=f"{where}payload")  # the options were checked: the payload is at fault
        raise
    return PreparedItem(str(task), payload, options, line)


def partially_sent(parts: list[BatchPart], next_index: int, cause: TriggerError) -> BatchPartiallySentError:
    """The error for a batch_trigger call that stopped after creating some batches."""
    ids = ", ".join(part.id for part in parts)
    error = BatchPartiallySentError(
        f"batch_trigger stopped at item {next_index} ({cause}); batches already created: {ids}. Items from "
        f"index {next_index} on were not all accepted: send items[{next_index}:] again (the last batch listed may "
        "hold some of them; give items their own idempotency keys to make the resend safe)",
        created=tuple(parts),
        next_index=next_index,
    )
    error.__cause__ = cause
    return error


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
        chunks: Iterable[list[PreparedItem]] = prepare_items(items, default_task, key)
        if isinstance(items, Sequence):
            chunks = list(chunks)  # a list is checked whole before anything is sent
        parts: list[BatchPart] = []
        first_index = 0
        number = 0
        iterator = iter(chunks)
        while True:
            try:
                chunk = next(iterator, None)
                if chunk is None:
                    return BatchHandle(tuple(parts))
                parts.append(self._send_chunk(chunk, number, first_index, key, parts))
            except TriggerError as exc:
                if not parts:
                    raise
                error = partially_sent(parts, first_index, exc)
                break
            first_index += len(chunk)
            number += 1
        raise error from error.__cause__

    def _ndjson(self, chunk: list[PreparedItem]) -> bytes:
        lines = []
        for index, item in enumerate(chunk):
            line = item.line
            if utf8_length_at_least(line, PACKET_THRESHOLD) is not None:
                payload_text = dumps(item.payload)
                size = utf8_length_at_least(payload_text, PACKET_THRESHOLD)
                if size is not None:
                    options = {**item.options, "payloadType": STORE_TYPE, "payloadSize": size}
                    stored = self._upload_packet(payload_text)
                    line = dumps({"index": index, "task": item.task, "payload": stored, "options": options})
            lines.append(line)
        lines.append("")
        return "\n".join(lines).encode()

    def _send_chunk(
        self, chunk: list[PreparedItem], number: int, first_index: int, key: BatchKey | None, parts: list[BatchPart]
    ) -> BatchPart:
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
            created = self._call(create_batch_v1._get_kwargs, body=CreateBatchRequest.from_dict(body))
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
        token = created.headers.get("x-trigger-jwt")
        if answer.get("isCached"):
            return BatchPart(
                batch_id,
                int(answer.get("runCount", len(chunk))),
                True,
                first_index,
                public_access_token=token,
            )
        parts.append(BatchPart(batch_id, int(answer["runCount"]), False, first_index, public_access_token=token))
        part = self._stream_chunk(chunk, batch_id, int(answer["runCount"]), first_index, token)
        parts.pop()
        return part

    def _stream_chunk(
        self, chunk: list[PreparedItem], batch_id: str, run_count: int, first_index: int, token: str | None
    ) -> BatchPart:
        content = self._ndjson(chunk)
        attempt = 0
        while True:
            attempt += 1
            streamed = self._call(
                stream_batch_items_v1._get_kwargs, batch_id=batch_id, body=File(payload=io.BytesIO(content))
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
            self._sleep(self._state.retry_policy.backoff(attempt, self._state.clock.random))
