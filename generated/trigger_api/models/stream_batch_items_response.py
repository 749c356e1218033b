from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamBatchItemsResponse")


@_attrs_define
class StreamBatchItemsResponse:
    id: str
    items_accepted: int
    items_deduplicated: int
    sealed: bool
    enqueued_count: int | Unset = UNSET
    expected_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        items_accepted = self.items_accepted

        items_deduplicated = self.items_deduplicated

        sealed = self.sealed

        enqueued_count = self.enqueued_count

        expected_count = self.expected_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "itemsAccepted": items_accepted,
                "itemsDeduplicated": items_deduplicated,
                "sealed": sealed,
            }
        )
        if enqueued_count is not UNSET:
            field_dict["enqueuedCount"] = enqueued_count
        if expected_count is not UNSET:
            field_dict["expectedCount"] = expected_count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        items_accepted = d.pop("itemsAccepted")

        items_deduplicated = d.pop("itemsDeduplicated")

        sealed = d.pop("sealed")

        enqueued_count = d.pop("enqueuedCount", UNSET)

        expected_count = d.pop("expectedCount", UNSET)

        stream_batch_items_response = cls(
            id=id,
            items_accepted=items_accepted,
            items_deduplicated=items_deduplicated,
            sealed=sealed,
            enqueued_count=enqueued_count,
            expected_count=expected_count,
        )

        stream_batch_items_response.additional_properties = d
        return stream_batch_items_response

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
