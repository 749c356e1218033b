"""The items of a batch, checked and encoded before anything is sent: NDJSON lines as the SDK writes
them, the idempotency keys items and split batches derive from the caller's key, in chunks of at
most 1,000 (one server batch each); and, once the server has made the runs, the items' runs in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import timedelta
from itertools import islice
from typing import Any, NamedTuple

import attrs
from trigger_api.models.batch_object import BatchObject
from trigger_api.types import Unset

from .. import _validate as check
from .. import idempotency_keys
from .._options import in_sdk_order, options_from_mapping, with_defaults
from .._packets import PACKET_THRESHOLD, encode_payload
from .._payload import utf8_length_at_least
from ..durations import to_idempotency_key_ttl
from ..errors import BatchPartiallySentError, InvalidInputError, TriggerError
from ..models import TRIGGER_FAILED, BatchPart, RunError, RunResult
from ..superjson import UNDEFINED, json_stringify

MAX_BATCH_ITEMS = 1000


class PreparedItem(NamedTuple):
    """One checked item (a NamedTuple: 100,000 of these are made per 100,000 items)."""

    task: str
    data: str | None  # the payload as the SDK sends it (superjson, text), None for no payload
    data_type: str
    options: dict[str, Any]  # without payloadType / payloadSize
    line: str  # the whole NDJSON line (index within its chunk), encoded once; "" when it must be offloaded


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


Defaults = tuple[str | None, str | None]  # the client's (version, external deployment id)


def prepare_items(
    items: Iterable[Any], default_task: str | None, key: BatchKey | None, defaults: Defaults = (None, None)
) -> Iterator[list[PreparedItem]]:
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
        yield [_prepare(raw, start + offset, default_task, key, defaults) for offset, raw in enumerate(chunk)]
        start += len(chunk)


_ITEM_KEYS = frozenset({"payload", "options"})
_ITEM_KEYS_WITH_TASK = frozenset({"task", "payload", "options"})


def item_line(index: int, task: str, payload: str | None, options: dict[str, Any], payload_type: str, size: int) -> str:
    """One NDJSON line as the SDK writes it: {index, task, payload?, options{..., payloadType, payloadSize}}."""
    fields: dict[str, Any] = {"index": index, "task": task}
    if payload is not None:
        fields["payload"] = payload
    fields["options"] = {**in_sdk_order({**options, "payloadType": payload_type}), "payloadSize": size}
    return json_stringify(fields)


def _prepare(raw: Any, index: int, default_task: str | None, key: BatchKey | None, defaults: Defaults) -> PreparedItem:
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
    options = with_defaults(options, version=defaults[0], external_deployment_id=defaults[1])
    data, data_type = encode_payload(raw.get("payload", UNDEFINED), argument=f"{where}payload")
    size = 0 if data is None else utf8_length_at_least(data, PACKET_THRESHOLD)
    if size is not None and size >= PACKET_THRESHOLD:
        line = ""  # uploaded when its chunk is sent
    else:
        size = 0 if data is None else len(data.encode())
        line = item_line(index % MAX_BATCH_ITEMS, str(task), data, options, data_type, size)
    return PreparedItem(str(task), data, data_type, options, line)


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
