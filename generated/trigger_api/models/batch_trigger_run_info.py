from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BatchTriggerRunInfo")


@_attrs_define
class BatchTriggerRunInfo:
    id: str
    task_identifier: str
    is_cached: bool
    idempotency_key: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        task_identifier = self.task_identifier

        is_cached = self.is_cached

        idempotency_key = self.idempotency_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "taskIdentifier": task_identifier,
                "isCached": is_cached,
            }
        )
        if idempotency_key is not UNSET:
            field_dict["idempotencyKey"] = idempotency_key

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        task_identifier = d.pop("taskIdentifier")

        is_cached = d.pop("isCached")

        idempotency_key = d.pop("idempotencyKey", UNSET)

        batch_trigger_run_info = cls(
            id=id,
            task_identifier=task_identifier,
            is_cached=is_cached,
            idempotency_key=idempotency_key,
        )

        batch_trigger_run_info.additional_properties = d
        return batch_trigger_run_info

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
