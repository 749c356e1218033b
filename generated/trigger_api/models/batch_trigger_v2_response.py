from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_trigger_run_info import BatchTriggerRunInfo


T = TypeVar("T", bound="BatchTriggerV2Response")


@_attrs_define
class BatchTriggerV2Response:
    id: str
    is_cached: bool
    runs: list[BatchTriggerRunInfo]
    idempotency_key: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        is_cached = self.is_cached

        runs = []
        for runs_item_data in self.runs:
            runs_item = runs_item_data.to_dict()
            runs.append(runs_item)

        idempotency_key = self.idempotency_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "isCached": is_cached,
                "runs": runs,
            }
        )
        if idempotency_key is not UNSET:
            field_dict["idempotencyKey"] = idempotency_key

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_trigger_run_info import BatchTriggerRunInfo

        d = dict(src_dict)
        id = d.pop("id")

        is_cached = d.pop("isCached")

        runs = []
        _runs = d.pop("runs")
        for runs_item_data in _runs:
            runs_item = BatchTriggerRunInfo.from_dict(runs_item_data)

            runs.append(runs_item)

        idempotency_key = d.pop("idempotencyKey", UNSET)

        batch_trigger_v2_response = cls(
            id=id,
            is_cached=is_cached,
            runs=runs,
            idempotency_key=idempotency_key,
        )

        batch_trigger_v2_response.additional_properties = d
        return batch_trigger_v2_response

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
