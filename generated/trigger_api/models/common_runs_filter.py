from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_status import RunStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.common_runs_filter_created_at import CommonRunsFilterCreatedAt


T = TypeVar("T", bound="CommonRunsFilter")


@_attrs_define
class CommonRunsFilter:
    created_at: CommonRunsFilterCreatedAt | Unset = UNSET
    status: list[RunStatus] | Unset = UNSET
    task_identifier: list[str] | Unset = UNSET
    version: list[str] | Unset = UNSET
    bulk_action: str | Unset = UNSET
    schedule: str | Unset = UNSET
    is_test: bool | Unset = UNSET
    tag: list[str] | Unset = UNSET
    error: str | Unset = UNSET
    batch: str | Unset = UNSET
    queue: list[str] | Unset = UNSET
    machine: list[str] | Unset = UNSET
    region: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at: dict[str, Any] | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.to_dict()

        status: list[str] | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = []
            for status_item_data in self.status:
                status_item = status_item_data.value
                status.append(status_item)

        task_identifier: list[str] | Unset = UNSET
        if not isinstance(self.task_identifier, Unset):
            task_identifier = self.task_identifier

        version: list[str] | Unset = UNSET
        if not isinstance(self.version, Unset):
            version = self.version

        bulk_action = self.bulk_action

        schedule = self.schedule

        is_test = self.is_test

        tag: list[str] | Unset = UNSET
        if not isinstance(self.tag, Unset):
            tag = self.tag

        error = self.error

        batch = self.batch

        queue: list[str] | Unset = UNSET
        if not isinstance(self.queue, Unset):
            queue = self.queue

        machine: list[str] | Unset = UNSET
        if not isinstance(self.machine, Unset):
            machine = self.machine

        region: list[str] | Unset = UNSET
        if not isinstance(self.region, Unset):
            region = self.region

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if status is not UNSET:
            field_dict["status"] = status
        if task_identifier is not UNSET:
            field_dict["taskIdentifier"] = task_identifier
        if version is not UNSET:
            field_dict["version"] = version
        if bulk_action is not UNSET:
            field_dict["bulkAction"] = bulk_action
        if schedule is not UNSET:
            field_dict["schedule"] = schedule
        if is_test is not UNSET:
            field_dict["isTest"] = is_test
        if tag is not UNSET:
            field_dict["tag"] = tag
        if error is not UNSET:
            field_dict["error"] = error
        if batch is not UNSET:
            field_dict["batch"] = batch
        if queue is not UNSET:
            field_dict["queue"] = queue
        if machine is not UNSET:
            field_dict["machine"] = machine
        if region is not UNSET:
            field_dict["region"] = region

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.common_runs_filter_created_at import CommonRunsFilterCreatedAt

        d = dict(src_dict)
        _created_at = d.pop("createdAt", UNSET)
        created_at: CommonRunsFilterCreatedAt | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = CommonRunsFilterCreatedAt.from_dict(_created_at)

        _status = d.pop("status", UNSET)
        status: list[RunStatus] | Unset = UNSET
        if _status is not UNSET:
            status = []
            for status_item_data in _status:
                status_item = RunStatus(status_item_data)

                status.append(status_item)

        task_identifier = cast(list[str], d.pop("taskIdentifier", UNSET))

        version = cast(list[str], d.pop("version", UNSET))

        bulk_action = d.pop("bulkAction", UNSET)

        schedule = d.pop("schedule", UNSET)

        is_test = d.pop("isTest", UNSET)

        tag = cast(list[str], d.pop("tag", UNSET))

        error = d.pop("error", UNSET)

        batch = d.pop("batch", UNSET)

        queue = cast(list[str], d.pop("queue", UNSET))

        machine = cast(list[str], d.pop("machine", UNSET))

        region = cast(list[str], d.pop("region", UNSET))

        common_runs_filter = cls(
            created_at=created_at,
            status=status,
            task_identifier=task_identifier,
            version=version,
            bulk_action=bulk_action,
            schedule=schedule,
            is_test=is_test,
            tag=tag,
            error=error,
            batch=batch,
            queue=queue,
            machine=machine,
            region=region,
        )

        common_runs_filter.additional_properties = d
        return common_runs_filter

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
