from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_status import RunStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.list_run_item_env import ListRunItemEnv
    from ..models.list_run_item_metadata import ListRunItemMetadata


T = TypeVar("T", bound="ListRunItem")


@_attrs_define
class ListRunItem:
    id: str
    status: RunStatus
    task_identifier: str
    env: ListRunItemEnv
    is_test: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: None | str | Unset = UNSET
    idempotency_key: None | str | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    delayed_until: datetime.datetime | None | Unset = UNSET
    ttl: float | None | str | Unset = UNSET
    expired_at: datetime.datetime | None | Unset = UNSET
    tags: list[str] | Unset = UNSET
    cost_in_cents: float | Unset = UNSET
    base_cost_in_cents: float | Unset = UNSET
    duration_ms: float | Unset = UNSET
    is_queued: bool | Unset = UNSET
    is_executing: bool | Unset = UNSET
    is_waiting: bool | Unset = UNSET
    is_completed: bool | Unset = UNSET
    is_success: bool | Unset = UNSET
    is_failed: bool | Unset = UNSET
    is_cancelled: bool | Unset = UNSET
    metadata: ListRunItemMetadata | Unset = UNSET
    task_kind: str | Unset = UNSET
    region: None | str | Unset = UNSET
    depth: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status.value

        task_identifier = self.task_identifier

        env = self.env.to_dict()

        is_test = self.is_test

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version: None | str | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        idempotency_key: None | str | Unset
        if isinstance(self.idempotency_key, Unset):
            idempotency_key = UNSET
        else:
            idempotency_key = self.idempotency_key

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        delayed_until: None | str | Unset
        if isinstance(self.delayed_until, Unset):
            delayed_until = UNSET
        elif isinstance(self.delayed_until, datetime.datetime):
            delayed_until = self.delayed_until.isoformat()
        else:
            delayed_until = self.delayed_until

        ttl: float | None | str | Unset
        if isinstance(self.ttl, Unset):
            ttl = UNSET
        else:
            ttl = self.ttl

        expired_at: None | str | Unset
        if isinstance(self.expired_at, Unset):
            expired_at = UNSET
        elif isinstance(self.expired_at, datetime.datetime):
            expired_at = self.expired_at.isoformat()
        else:
            expired_at = self.expired_at

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        cost_in_cents = self.cost_in_cents

        base_cost_in_cents = self.base_cost_in_cents

        duration_ms = self.duration_ms

        is_queued = self.is_queued

        is_executing = self.is_executing

        is_waiting = self.is_waiting

        is_completed = self.is_completed

        is_success = self.is_success

        is_failed = self.is_failed

        is_cancelled = self.is_cancelled

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        task_kind = self.task_kind

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        depth = self.depth

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "taskIdentifier": task_identifier,
                "env": env,
                "isTest": is_test,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if idempotency_key is not UNSET:
            field_dict["idempotencyKey"] = idempotency_key
        if started_at is not UNSET:
            field_dict["startedAt"] = started_at
        if finished_at is not UNSET:
            field_dict["finishedAt"] = finished_at
        if delayed_until is not UNSET:
            field_dict["delayedUntil"] = delayed_until
        if ttl is not UNSET:
            field_dict["ttl"] = ttl
        if expired_at is not UNSET:
            field_dict["expiredAt"] = expired_at
        if tags is not UNSET:
            field_dict["tags"] = tags
        if cost_in_cents is not UNSET:
            field_dict["costInCents"] = cost_in_cents
        if base_cost_in_cents is not UNSET:
            field_dict["baseCostInCents"] = base_cost_in_cents
        if duration_ms is not UNSET:
            field_dict["durationMs"] = duration_ms
        if is_queued is not UNSET:
            field_dict["isQueued"] = is_queued
        if is_executing is not UNSET:
            field_dict["isExecuting"] = is_executing
        if is_waiting is not UNSET:
            field_dict["isWaiting"] = is_waiting
        if is_completed is not UNSET:
            field_dict["isCompleted"] = is_completed
        if is_success is not UNSET:
            field_dict["isSuccess"] = is_success
        if is_failed is not UNSET:
            field_dict["isFailed"] = is_failed
        if is_cancelled is not UNSET:
            field_dict["isCancelled"] = is_cancelled
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if task_kind is not UNSET:
            field_dict["taskKind"] = task_kind
        if region is not UNSET:
            field_dict["region"] = region
        if depth is not UNSET:
            field_dict["depth"] = depth

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.list_run_item_env import ListRunItemEnv
        from ..models.list_run_item_metadata import ListRunItemMetadata

        d = dict(src_dict)
        id = d.pop("id")

        status = RunStatus(d.pop("status"))

        task_identifier = d.pop("taskIdentifier")

        env = ListRunItemEnv.from_dict(d.pop("env"))

        is_test = d.pop("isTest")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        def _parse_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        def _parse_idempotency_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        idempotency_key = _parse_idempotency_key(d.pop("idempotencyKey", UNSET))

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("startedAt", UNSET))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finishedAt", UNSET))

        def _parse_delayed_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delayed_until_type_0 = datetime.datetime.fromisoformat(data)

                return delayed_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        delayed_until = _parse_delayed_until(d.pop("delayedUntil", UNSET))

        def _parse_ttl(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        ttl = _parse_ttl(d.pop("ttl", UNSET))

        def _parse_expired_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expired_at_type_0 = datetime.datetime.fromisoformat(data)

                return expired_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expired_at = _parse_expired_at(d.pop("expiredAt", UNSET))

        tags = cast(list[str], d.pop("tags", UNSET))

        cost_in_cents = d.pop("costInCents", UNSET)

        base_cost_in_cents = d.pop("baseCostInCents", UNSET)

        duration_ms = d.pop("durationMs", UNSET)

        is_queued = d.pop("isQueued", UNSET)

        is_executing = d.pop("isExecuting", UNSET)

        is_waiting = d.pop("isWaiting", UNSET)

        is_completed = d.pop("isCompleted", UNSET)

        is_success = d.pop("isSuccess", UNSET)

        is_failed = d.pop("isFailed", UNSET)

        is_cancelled = d.pop("isCancelled", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: ListRunItemMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ListRunItemMetadata.from_dict(_metadata)

        task_kind = d.pop("taskKind", UNSET)

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        depth = d.pop("depth", UNSET)

        list_run_item = cls(
            id=id,
            status=status,
            task_identifier=task_identifier,
            env=env,
            is_test=is_test,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
            idempotency_key=idempotency_key,
            started_at=started_at,
            finished_at=finished_at,
            delayed_until=delayed_until,
            ttl=ttl,
            expired_at=expired_at,
            tags=tags,
            cost_in_cents=cost_in_cents,
            base_cost_in_cents=base_cost_in_cents,
            duration_ms=duration_ms,
            is_queued=is_queued,
            is_executing=is_executing,
            is_waiting=is_waiting,
            is_completed=is_completed,
            is_success=is_success,
            is_failed=is_failed,
            is_cancelled=is_cancelled,
            metadata=metadata,
            task_kind=task_kind,
            region=region,
            depth=depth,
        )

        list_run_item.additional_properties = d
        return list_run_item

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
